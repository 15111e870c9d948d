r"""Finite differences: check a derivative formula against the definition (all chapters).

The lesson starts from :math:`J'(x) = \lim_{\Delta x \to 0} \frac{J(x + \Delta x) - J(x)}{\Delta x}`.
In floating point the one-sided quotient has error :math:`O(h)`; the central difference

.. math:: \frac{f(\theta + h e_i) - f(\theta - h e_i)}{2h} = \partial_i f(\theta) + O(h^2)

is much better, and the 4th-order stencil

.. math:: \frac{-f(\theta + 2he_i) + 8f(\theta + he_i) - 8f(\theta - he_i) + f(\theta - 2he_i)}{12h}
          = \partial_i f(\theta) + O(h^4)

better still. Rounding adds an error of about :math:`\varepsilon |f| / h`
(:math:`\varepsilon \approx 2.2\times 10^{-16}`), so ``h`` cannot be tiny: ``1e-5`` for
gradients balances the two (error around 1e-10 to 1e-11 relative for smooth losses).

Functions here take ``f: R^n -> R`` as a Python callable of a 1-D float array. The tests
use them to check every gradient and Hessian of :mod:`lossbook.losses`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ._validation import as_float_array, check_positive

__all__ = [
    "numerical_gradient",
    "numerical_jacobian",
    "numerical_hessian",
    "relative_error",
    "check_gradient",
    "check_hessian",
]

Objective = Callable[[np.ndarray], float]
Vector = Callable[[np.ndarray], np.ndarray]


def _stencil(order: int) -> tuple[tuple[float, float], ...]:
    """(offset in units of h, weight) pairs; the sum is divided by h."""
    if order == 2:
        return ((1.0, 0.5), (-1.0, -0.5))
    if order == 4:
        return ((2.0, -1 / 12), (1.0, 8 / 12), (-1.0, -8 / 12), (-2.0, 1 / 12))
    raise ValueError(f"order must be 2 or 4; got {order!r}")


def numerical_gradient(f: Objective, theta: np.ndarray, *, h: float = 1e-5, order: int = 2) -> np.ndarray:
    r"""Gradient of a scalar function by central differences.

    Parameters
    ----------
    f : callable
        ``f(theta) -> float``.
    theta : array_like, shape (n,)
        Point where the gradient is taken.
    h : float
        Step, > 0.
    order : {2, 4}
        Order of the error in ``h``.

    Returns
    -------
    numpy.ndarray, shape (n,)

    Examples
    --------
    The slides' 2-D example :math:`f(x, y) = x^2 + y^2` at (3, 4): gradient (6, 8).

    >>> numerical_gradient(lambda v: v[0] ** 2 + v[1] ** 2, [3.0, 4.0])
    array([6., 8.])
    """
    theta = as_float_array("theta", theta, ndim=1)
    h = check_positive("h", h)
    grad = np.zeros_like(theta)
    for i in range(theta.size):
        step = np.zeros_like(theta)
        step[i] = h
        grad[i] = sum(w * float(f(theta + k * step)) for k, w in _stencil(order)) / h
    return grad


def numerical_jacobian(g: Vector, theta: np.ndarray, *, h: float = 1e-5, order: int = 2) -> np.ndarray:
    r"""Jacobian :math:`J_{ij} = \partial g_i / \partial\theta_j` of a vector function by
    central differences (column ``j`` is the derivative along :math:`\theta_j`).

    >>> numerical_jacobian(lambda v: np.array([v[0] * v[1], v[1] ** 2]), [2.0, 3.0]).round(8)
    array([[3., 2.],
           [0., 6.]])
    """
    theta = as_float_array("theta", theta, ndim=1)
    h = check_positive("h", h)
    columns = []
    for j in range(theta.size):
        step = np.zeros_like(theta)
        step[j] = h
        columns.append(sum(w * np.asarray(g(theta + k * step), dtype=float) for k, w in _stencil(order)) / h)
    return np.stack(columns, axis=-1)


def numerical_hessian(f: Objective, theta: np.ndarray, *, h: float = 1e-4, grad: Vector | None = None) -> np.ndarray:
    r"""Hessian of a scalar function by central differences, symmetrised.

    Without ``grad``: second differences of ``f``,

    .. math:: H_{ij} \approx \frac{f(\theta + he_i + he_j) - f(\theta + he_i - he_j)
              - f(\theta - he_i + he_j) + f(\theta - he_i - he_j)}{4h^2}

    (rounding error about :math:`\varepsilon|f|/h^2`, hence the larger default
    ``h = 1e-4``). With ``grad`` (an analytic gradient already checked), the Jacobian of
    the gradient, which is more accurate: pass ``h=1e-5`` then.

    Examples
    --------
    The slides' :math:`f(x, y) = x^2 + 2x^2y + y^3` has
    :math:`H = \begin{bmatrix} 2 + 4y & 4x \\ 4x & 6y \end{bmatrix}`; at (1, 2):

    >>> numerical_hessian(lambda v: v[0]**2 + 2 * v[0]**2 * v[1] + v[1]**3, [1.0, 2.0]).round(5)
    array([[10.,  4.],
           [ 4., 12.]])
    """
    theta = as_float_array("theta", theta, ndim=1)
    h = check_positive("h", h)
    if grad is not None:
        H = numerical_jacobian(grad, theta, h=h)
    else:
        n = theta.size
        H = np.zeros((n, n))
        eye = np.eye(n) * h
        for i in range(n):
            for j in range(i, n):
                H[i, j] = H[j, i] = (
                    float(f(theta + eye[i] + eye[j]))
                    - float(f(theta + eye[i] - eye[j]))
                    - float(f(theta - eye[i] + eye[j]))
                    + float(f(theta - eye[i] - eye[j]))
                ) / (4.0 * h * h)
    return (H + H.T) / 2.0


def relative_error(analytic: np.ndarray, numeric: np.ndarray, *, floor: float = 1.0) -> float:
    r"""Largest entry-wise relative difference,
    :math:`\max_i |a_i - n_i| / \max(|a_i|, |n_i|, \text{floor})`.

    The ``floor`` keeps entries that are (nearly) zero from dividing noise by noise:
    below ``floor`` in size, differences are compared absolutely.

    >>> relative_error(np.array([100.0, 0.0]), np.array([100.001, 1e-9]))  # 0.001 / 100.001
    9.9999e-06
    """
    a = np.asarray(analytic, dtype=float)
    n = np.asarray(numeric, dtype=float)
    if a.shape != n.shape:
        raise ValueError(f"analytic has shape {a.shape} but numeric has shape {n.shape}")
    floor = check_positive("floor", floor)
    scale = np.maximum(np.maximum(np.abs(a), np.abs(n)), floor)
    return float(np.max(np.abs(a - n) / scale))


def check_gradient(
    f: Objective, grad: Vector, theta: np.ndarray, *, h: float = 1e-5, order: int = 4, floor: float = 1.0
) -> float:
    r"""Largest relative error between ``grad(theta)`` and the finite-difference gradient of
    ``f`` (4th-order stencil by default). Below ~1e-8: the formula is right.

    >>> check_gradient(lambda v: float(v @ v), lambda v: 2 * v, np.array([3.0, 4.0])) < 1e-10
    True
    >>> check_gradient(lambda v: float(v @ v), lambda v: v, np.array([3.0, 4.0]))  # forgot the 2
    0.5
    """
    theta = as_float_array("theta", theta, ndim=1)
    analytic = np.asarray(grad(theta), dtype=float)
    return relative_error(analytic, numerical_gradient(f, theta, h=h, order=order), floor=floor)


def check_hessian(
    grad: Vector,
    hessian: Callable[[np.ndarray], np.ndarray],
    theta: np.ndarray,
    *,
    h: float = 1e-5,
    order: int = 4,
    floor: float = 1.0,
) -> float:
    r"""Largest relative error between ``hessian(theta)`` and the finite-difference Jacobian
    of ``grad`` (itself checked with :func:`check_gradient` first).

    >>> check_hessian(lambda v: 2 * v, lambda v: 2 * np.eye(2), np.array([3.0, 4.0])) < 1e-10
    True
    """
    theta = as_float_array("theta", theta, ndim=1)
    analytic = np.asarray(hessian(theta), dtype=float)
    return relative_error(analytic, numerical_jacobian(grad, theta, h=h, order=order), floor=floor)
