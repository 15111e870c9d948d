r"""Logistic regression with an L2 penalty on the weights (chapter: Using the model).

.. math::

    J_\mu(\theta) = \frac1m \sum_{i=1}^m L_i(\theta) + \frac{\mu}{2}\lVert w\rVert^2,
    \qquad \theta = (b, w),

the bias :math:`b` not penalised. Gradient and Hessian add :math:`\mu w` and
:math:`\mu\,\mathrm{diag}(0, 1, \dots, 1)` to those of the mean BCE. scikit-learn's
``LogisticRegression(C=...)`` minimises :math:`C\sum_i L_i + \tfrac12\lVert w\rVert^2`, the
*sum* of the losses: dividing by :math:`Cm` gives :math:`J_\mu` with :math:`\mu = 1/(Cm)`
(:func:`sklearn_c`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ._kernels import add_bias, bce_from_logits, sigmoid
from ._validation import (
    check_count,
    check_design_matrix,
    check_finite_scalar,
    check_labels,
    check_same_length,
    check_theta,
)

__all__ = ["PenalisedFit", "fit_l2", "penalised_bce", "sklearn_c"]


@dataclass(frozen=True)
class PenalisedFit:
    """The minimiser ``theta = (b, w_1, ..., w_n)`` of :math:`J_\\mu`, its value, the mean
    BCE part alone, and the number of Newton iterations."""

    mu: float
    theta: np.ndarray
    objective: float
    loss: float
    iterations: int

    @property
    def b(self) -> float:
        return float(self.theta[0])

    @property
    def w(self) -> np.ndarray:
        return self.theta[1:]


def _check_mu(mu: Any) -> float:
    out = check_finite_scalar("mu", mu)
    if out < 0.0:
        raise ValueError(f"mu must be >= 0; got {out!r}")
    return out


def sklearn_c(mu: float, m: int) -> float:
    r"""scikit-learn's ``C`` for the strength :math:`\mu` on :math:`m` samples: :math:`C = 1/(\mu m)`.

    >>> sklearn_c(0.01, 400)
    0.25
    """
    mu = _check_mu(mu)
    if mu == 0.0:
        raise ValueError("mu must be > 0 for a finite C; mu = 0 is scikit-learn's penalty=None")
    return 1.0 / (mu * check_count("m", m, minimum=1))


def _objective(Xb: np.ndarray, y: np.ndarray, theta: np.ndarray, mu: float) -> tuple[float, float]:
    loss = float(np.mean(bce_from_logits(y, Xb @ theta)))
    return loss + 0.5 * mu * float(theta[1:] @ theta[1:]), loss


def penalised_bce(X: Any, y: Any, theta: Any, mu: float) -> float:
    r""":math:`J_\mu(\theta) = J(\theta) + \frac{\mu}{2}\lVert w\rVert^2` (mean BCE, bias not penalised).

    >>> import math
    >>> bool(abs(penalised_bce([[1.0], [2.0]], [0, 1], [0.0, 0.0], 0.5) - math.log(2)) < 1e-15)
    True
    """
    X_arr = check_design_matrix("X", X)
    y_arr = check_labels("y", y)
    check_same_length("X", X_arr, "y", y_arr)
    theta_arr = check_theta("theta", theta, X_arr.shape[1])
    return _objective(add_bias(X_arr), y_arr, theta_arr, _check_mu(mu))[0]


def fit_l2(X: Any, y: Any, mu: float, *, max_iter: int = 100, tol: float = 1e-12) -> PenalisedFit:
    r"""Minimise :math:`J_\mu` by Newton's method with Armijo backtracking, from
    :math:`\theta = 0`; stop when half the squared Newton decrement
    :math:`\tfrac12 g^\top H^{-1} g` is at most ``tol``. With :math:`\mu > 0` the objective is
    strongly convex in :math:`w` and, when both labels occur, has exactly one minimiser,
    even on separable data.

    >>> X = [[1.4], [1.5], [3.0], [4.1], [2.0], [2.8]]; y = [0, 0, 1, 1, 1, 0]
    >>> fit = fit_l2(X, y, 0.0)
    >>> fit.theta.round(4), fit.iterations  # the unpenalised fit of LogisticRegression
    (array([-4.2364,  1.7603]), 5)
    >>> fit_l2(X, y, 0.1).theta.round(4)
    array([-2.321 ,  0.9505])
    >>> fit_l2(X, y, -1.0)
    Traceback (most recent call last):
    ...
    ValueError: mu must be >= 0; got -1.0
    """
    X_arr = check_design_matrix("X", X)
    y_arr = check_labels("y", y)
    check_same_length("X", X_arr, "y", y_arr)
    if y_arr.min() == y_arr.max():
        raise ValueError(f"y must contain both labels 0 and 1; got only {int(y_arr[0])}s")
    mu = _check_mu(mu)
    max_iter = check_count("max_iter", max_iter, minimum=1)
    Xb = add_bias(X_arr)
    m, d = Xb.shape
    penalty = np.full(d, mu)
    penalty[0] = 0.0
    theta = np.zeros(d)
    value, loss = _objective(Xb, y_arr, theta, mu)
    for k in range(1, max_iter + 1):
        p = sigmoid(Xb @ theta)
        grad = Xb.T @ (p - y_arr) / m + penalty * theta
        scaled = Xb * np.sqrt(p * (1.0 - p))[:, None]
        hess = scaled.T @ scaled / m + np.diag(penalty)
        step = np.linalg.solve(hess, -grad)
        decrement = -0.5 * float(grad @ step)
        t = 1.0
        while True:
            new_value, new_loss = _objective(Xb, y_arr, theta + t * step, mu)
            if new_value <= value + 1e-4 * t * float(grad @ step) or t < 1e-10:
                break
            t /= 2.0
        theta, value, loss = theta + t * step, new_value, new_loss
        if decrement <= tol:
            return PenalisedFit(mu, theta, value, loss, k)
    raise RuntimeError(f"fit_l2 did not converge in max_iter={max_iter} iterations; raise max_iter or mu")
