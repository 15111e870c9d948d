r"""What the Hessian buys: Newton against full-batch gradient descent, same stopping rule
(chapter: Newton's method).

Both start at :math:`\theta = 0` and stop at the first iterate whose gradient is small,

.. math:: \lVert \nabla J(\theta_k) \rVert_2 \le \varepsilon, \qquad
          \nabla J = \tfrac1m X_b^\top(\hat{\mathbf y} - \mathbf y).

Gradient descent takes the fixed step :math:`\eta = 1/L` with
:math:`L = \lambda_{\max}(X_b^\top X_b)/(4m)`: since :math:`\hat y(1 - \hat y) \le \frac14`,
:math:`L` bounds the Hessian :math:`\frac1m X_b^\top S X_b` everywhere, and :math:`1/L` is
the textbook step that guarantees a decrease. Newton takes :math:`-H^{-1}\nabla J` with its
line search (:func:`lossbook.optim.newton`).
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import datasets as _datasets
from ._kernels import add_bias
from ._validation import as_float_array, check_count, check_design_matrix, check_labels, check_same_length
from .losses import bce_hessian as _bce_hessian
from .losses import bce_objective as _bce_objective
from .optim import NewtonConvergenceWarning, newton
from .vectorisation import bce_gradient

__all__ = ["NewtonVsGD", "newton_vs_gd", "breast_cancer_newton_vs_gd"]

#: Gradient-norm tolerances of the chapter's table, loosest first.
LESSON_TOLERANCES: tuple[float, ...] = (1e-2, 1e-3, 3e-4)


@dataclass(frozen=True)
class NewtonVsGD:
    """Per tolerance ``tols[i]``: iterations each method needed (``None``: GD did not get
    there within ``max_steps``), the mean BCE where it stopped, and the largest absolute
    difference between the two coefficient vectors :math:`(b, w_1, \\dots)` there.
    ``condition`` is the condition number :math:`\\lambda_{\\max}/\\lambda_{\\min}` of the
    Hessian at Newton's last iterate: how much more curved the steepest direction of the
    bowl is than its flattest, the ratio a fixed step :math:`\\eta` cannot adapt to."""

    tols: tuple[float, ...]
    lr: float
    max_steps: int
    newton_iterations: tuple[int | None, ...]
    gd_iterations: tuple[int | None, ...]
    newton_loss: tuple[float | None, ...]
    gd_loss: tuple[float | None, ...]
    max_coef_diff: tuple[float | None, ...]
    condition: float


def _first_below(norms: np.ndarray, tol: float) -> int | None:
    hit = np.nonzero(norms <= tol)[0]
    return int(hit[0]) if hit.size else None


def newton_vs_gd(X: Any, y: Any, *, tols: Sequence[float] = LESSON_TOLERANCES, max_steps: int = 50_000) -> NewtonVsGD:
    r"""Iterations to :math:`\lVert\nabla J\rVert_2 \le \varepsilon` for Newton and for
    gradient descent with :math:`\eta = 1/L`, both from :math:`\theta = 0`.

    Cost: one Newton run (a handful of passes over X) and at most ``max_steps`` gradient
    steps, each one pass (a few microseconds per thousand samples).

    Examples
    --------
    Six flowers whose labels overlap (a finite minimiser exists):

    >>> X = [[1.4], [1.5], [3.0], [4.1], [2.0], [2.8]]; y = [0, 0, 1, 1, 1, 0]
    >>> r = newton_vs_gd(X, y, tols=(1e-3, 1e-6))
    >>> r.newton_iterations, r.gd_iterations
    ((3, 4), (564, 1672))
    >>> r.max_coef_diff[1] < 1e-4 and abs(r.newton_loss[1] - r.gd_loss[1]) < 1e-10
    True
    >>> newton_vs_gd(X, y, tols=(0.0,))
    Traceback (most recent call last):
    ...
    ValueError: tols must be positive; got (0.0,)
    """
    X_arr = check_design_matrix("X", X)
    y_arr = check_labels("y", y)
    check_same_length("X", X_arr, "y", y_arr)
    tol_arr = as_float_array("tols", tols, ndim=1)
    if not np.all(tol_arr > 0):
        raise ValueError(f"tols must be positive; got {tols!r}")
    tol_list = sorted(map(float, tol_arr), reverse=True)
    max_steps = check_count("max_steps", max_steps, minimum=1)
    m, n = X_arr.shape
    theta0 = np.zeros(n + 1)
    Xb = add_bias(X_arr)
    lr = 1.0 / (float(np.linalg.eigvalsh(Xb.T @ Xb).max()) / (4.0 * m))

    with warnings.catch_warnings():  # run to rounding; the stop rule here is the gradient norm
        warnings.simplefilter("ignore", NewtonConvergenceWarning)
        h = newton(X_arr, y_arr, theta0, tol=1e-24, max_iter=100)
    newton_norms = np.linalg.norm(h.grads, axis=1)
    newton_at = [_first_below(newton_norms, t) for t in tol_list]

    gd_at: list[int | None] = [None] * len(tol_list)
    gd_theta: list[np.ndarray | None] = [None] * len(tol_list)
    theta, pending = theta0.copy(), 0
    for k in range(max_steps + 1):
        g = bce_gradient(X_arr, y_arr, theta)
        norm = float(np.sqrt(g @ g))
        while pending < len(tol_list) and norm <= tol_list[pending]:
            gd_at[pending], gd_theta[pending] = k, theta.copy()
            pending += 1
        if pending == len(tol_list) or k == max_steps:
            break
        theta -= lr * g

    newton_loss = tuple(None if k is None else float(h.loss[k]) for k in newton_at)
    gd_loss = tuple(None if t is None else float(_bce_objective(X_arr, y_arr, t)) for t in gd_theta)
    diff = tuple(
        None if t is None or k is None else float(np.max(np.abs(h.params[k] - t)))
        for k, t in zip(newton_at, gd_theta, strict=True)
    )
    eig = np.linalg.eigvalsh(_bce_hessian(X_arr, y_arr, h.final))
    return NewtonVsGD(
        tuple(tol_list),
        lr,
        max_steps,
        tuple(newton_at),
        tuple(gd_at),
        newton_loss,
        gd_loss,
        diff,
        float(eig.max() / eig.min()),
    )


def _breast_cancer_mean_features() -> tuple[np.ndarray, np.ndarray]:
    """The ten "mean ..." features of :func:`lossbook.datasets.breast_cancer`, each
    standardised to mean 0 and standard deviation 1 (ddof = 0), and the labels."""
    bc = _datasets.breast_cancer()
    X = bc.X[:, :10]
    return (X - X.mean(axis=0)) / X.std(axis=0), np.array(bc.y)


@functools.lru_cache(maxsize=1)
def breast_cancer_newton_vs_gd() -> NewtonVsGD:
    r"""The chapter's table: :func:`newton_vs_gd` on breast cancer's ten standardised
    "mean" features, at :data:`LESSON_TOLERANCES`. Cached: both language versions of the
    page show the same run (about a quarter of a second of gradient steps).

    >>> r = breast_cancer_newton_vs_gd()
    >>> all(k is not None and k < 15 for k in r.newton_iterations), all(k > 50 for k in r.gd_iterations)
    (True, True)
    """
    return newton_vs_gd(*_breast_cancer_mean_features())
