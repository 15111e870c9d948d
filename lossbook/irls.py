r"""Newton's method on the BCE is iteratively reweighted least squares (IRLS).

With :math:`\hat{\mathbf y} = \sigma(X_b\theta)`, :math:`s_i = \hat y_i(1 - \hat y_i)`,
:math:`S = \operatorname{diag}(s)`, the Newton step of the mean BCE is

.. math::

   \theta^+ = \theta - H^{-1} g
            = (X_b^\top S X_b)^{-1} X_b^\top S\,\tilde z,
   \qquad \tilde z = X_b\theta + S^{-1}(\mathbf y - \hat{\mathbf y}),

since :math:`g = X_b^\top(\hat{\mathbf y} - \mathbf y)/m` and :math:`H = X_b^\top S X_b/m`.
The right-hand side is a **weighted least-squares** fit of the *working response*
:math:`\tilde z` with weights :math:`s_i`: the normal equations
:math:`X_b^\top S(X_b\theta^+ - \tilde z) = 0`, the weighted twin of linear regression's
:math:`X_b^\top(X_b\theta - \mathbf y) = 0`. Each iteration re-weights and re-solves.

:func:`irls_step` computes the step both ways, by two different linear-algebra routes (a
Newton solve of :math:`H d = -g`, a least-squares solve of
:math:`\sqrt S X_b\,\theta \approx \sqrt S\,\tilde z`), so that their agreement is a check.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ._kernels import add_bias, sigmoid
from ._validation import check_design_matrix, check_labels, check_same_length, check_theta

__all__ = ["IRLSStep", "irls_step", "irls"]


@dataclass(frozen=True)
class IRLSStep:
    r"""One Newton step of the mean BCE, computed as Newton and as weighted least squares.

    Attributes
    ----------
    theta : numpy.ndarray, shape (d,)
        The point of the step, :math:`(b, w_1, \dots)`.
    weights : numpy.ndarray, shape (m,)
        :math:`s_i = \hat y_i(1 - \hat y_i)`.
    working_response : numpy.ndarray, shape (m,)
        :math:`\tilde z_i = x_b^{(i)\top}\theta + (y_i - \hat y_i)/s_i`.
    newton : numpy.ndarray, shape (d,)
        :math:`\theta - H^{-1}g` (solve of :math:`Hd = -g`).
    wls : numpy.ndarray, shape (d,)
        The weighted least-squares fit of ``working_response`` with ``weights``.
    """

    theta: np.ndarray
    weights: np.ndarray
    working_response: np.ndarray
    newton: np.ndarray
    wls: np.ndarray

    @property
    def max_abs_diff(self) -> float:
        """Largest difference between the two routes' coefficients."""
        return float(np.max(np.abs(self.newton - self.wls)))


def irls_step(X: Any, y: Any, theta: Any) -> IRLSStep:
    r"""The Newton step of the mean BCE at ``theta``, as Newton and as weighted least squares.

    Four samples, from :math:`\theta = 0` (every :math:`\hat y_i = 0.5`, :math:`s_i = 0.25`,
    :math:`\tilde z_i = 4(y_i - 0.5) = \pm 2`):

    >>> s = irls_step([[1.0], [2.0], [3.0], [4.0]], [0, 1, 0, 1], [0.0, 0.0])
    >>> s.weights.tolist(), s.working_response.tolist()
    ([0.25, 0.25, 0.25, 0.25], [-2.0, 2.0, -2.0, 2.0])
    >>> s.newton.round(6).tolist(), s.max_abs_diff < 1e-12
    ([-2.0, 0.8], True)
    >>> irls_step([[1.0], [2.0]], [0, 1, 1], [0.0, 0.0])
    Traceback (most recent call last):
    ...
    ValueError: X has 2 samples but y has 3; pass arrays of equal length
    """
    X_arr = check_design_matrix("X", X)
    y_arr = check_labels("y", y)
    check_same_length("X", X_arr, "y", y_arr)
    theta_arr = check_theta("theta", theta, X_arr.shape[1]).copy()
    Xb = add_bias(X_arr)
    m = Xb.shape[0]
    z = Xb @ theta_arr
    y_hat = sigmoid(z)
    s = y_hat * (1.0 - y_hat)
    if np.any(s <= 0.0):
        raise ValueError("theta: some predictions are exactly 0 or 1 in float64; the weights s_i vanish")
    g = Xb.T @ (y_hat - y_arr) / m
    H = Xb.T @ (Xb * s[:, None]) / m
    newton = theta_arr - np.linalg.solve(H, g)
    working = z + (y_arr - y_hat) / s
    root = np.sqrt(s)
    wls = np.linalg.lstsq(Xb * root[:, None], working * root, rcond=None)[0]
    return IRLSStep(theta_arr, s, working, newton, wls)


def irls(X: Any, y: Any, theta0: Any, *, steps: int) -> np.ndarray:
    r"""``steps`` IRLS iterations (weighted least-squares refits) from ``theta0``; returns the
    iterates, shape ``(steps + 1, d)``.

    >>> P = irls([[1.0], [2.0], [3.0], [4.0]], [0, 1, 0, 1], [0.0, 0.0], steps=6)
    >>> P.shape, P[-1].round(4).tolist()
    ((7, 2), [-2.2705, 0.9082])
    """
    params = [check_theta("theta0", theta0, check_design_matrix("X", X).shape[1]).copy()]
    for _ in range(steps):
        params.append(irls_step(X, y, params[-1]).wls)
    return np.array(params)
