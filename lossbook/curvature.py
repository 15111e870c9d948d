r"""Curvature one sample and one parameter at a time: the slides' second derivatives,
their sign, and the 2x2 Hessian with its eigenvalues (chapters: sigmoid + MSE, convexity).

The whole-data-set Hessians are in :mod:`lossbook.losses` (``*_hessian``); here are the
per-sample formulas the lesson derives by hand, in its order: the sigmoid + MSE second
derivative and where it is negative, then the BCE second derivative, which never is, and
the slides' :math:`2 \times 2` Hessian. Every name is also importable from
:mod:`lossbook.losses`.

Scalars and arrays of one common shape are accepted; scalars give a ``float``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._validation import as_float_array, check_finite_scalar, check_labels, check_probabilities

__all__ = [
    "sigmoid_mse_bracket",
    "sigmoid_mse_second_derivative",
    "sigmoid_mse_negative_curvature",
    "bce_second_derivative",
    "bce_hessian_single",
    "bce_hessian_eigenvalues",
]


def _scalars_or_same_shape(**arrays: np.ndarray) -> None:
    """Element-wise helpers take scalars and arrays of one common shape; nothing else
    (no silent (m, 1) against (m,) broadcasting)."""
    shapes = {name: a.shape for name, a in arrays.items() if a.ndim > 0}
    if len(set(shapes.values())) > 1:
        listed = ", ".join(f"{name} has shape {shape}" for name, shape in shapes.items())
        raise ValueError(f"arguments must be scalars or arrays of one common shape; got {listed}")


def _probability_scalar(name: str, value: Any) -> float:
    return float(check_probabilities(name, check_finite_scalar(name, value), ndim=None))


def _out(value: np.ndarray, *inputs: np.ndarray) -> Any:
    return float(value) if all(a.ndim == 0 for a in inputs) else value


def sigmoid_mse_bracket(y: np.ndarray, y_hat: np.ndarray) -> np.ndarray:
    r"""The bracket that decides the sign of the sigmoid + MSE curvature (no validation).

    .. math:: f(\hat y) = -3\hat y^2 + 2\hat y - y + 2y\hat y

    :math:`\frac{d^2}{dz^2}(\hat y - y)^2 = 2\hat y(1 - \hat y)\,f(\hat y)` and
    :math:`\hat y(1 - \hat y) > 0`, so the curvature has the sign of :math:`f`
    (:func:`sigmoid_mse_negative_curvature`).

    >>> sigmoid_mse_bracket(np.array([0.0, 0.0, 1.0]), np.array([0.5, 0.9, 0.2]))
    array([ 0.25, -0.63, -0.32])
    """
    return -3.0 * y_hat**2 + 2.0 * y_hat - y + 2.0 * y * y_hat


def sigmoid_mse_second_derivative(x: Any, y: Any, y_hat: Any) -> Any:
    r"""Per-sample second derivative of :math:`(\hat y - y)^2` along one parameter.

    .. math::

        \frac{\partial^2 L}{\partial\theta_i^2}
        = 2x_i^2\,\hat y(1 - \hat y)\,\bigl[-3\hat y^2 + 2\hat y - y + 2y\hat y\bigr]

    :math:`x_i^2 \ge 0` and :math:`\hat y(1 - \hat y) \in [0, 1/4]`, so the sign is the
    sign of the bracket, which is negative for :math:`\hat y > 2/3` when :math:`y = 0` and
    for :math:`\hat y < 1/3` when :math:`y = 1` (:func:`sigmoid_mse_negative_curvature`).

    Parameters
    ----------
    x : float or array_like
        Feature value :math:`x_i` (use 1 for the bias).
    y : float or array_like
        Label, 0 or 1.
    y_hat : float or array_like
        Predicted probability in [0, 1].

    Scalars and arrays of one common shape are accepted; scalars give a ``float``.

    >>> sigmoid_mse_second_derivative(1.0, 0, 0.9)  # confidently wrong: negative curvature
    -0.1134
    >>> sigmoid_mse_second_derivative(1.0, 0, 0.5)
    0.125
    """
    x_arr = as_float_array("x", x, ndim=None)
    y_arr = check_labels("y", y, ndim=None)
    y_hat_arr = check_probabilities("y_hat", y_hat, ndim=None)
    _scalars_or_same_shape(x=x_arr, y=y_arr, y_hat=y_hat_arr)
    value = 2.0 * x_arr**2 * y_hat_arr * (1.0 - y_hat_arr) * sigmoid_mse_bracket(y_arr, y_hat_arr)
    return _out(value, x_arr, y_arr, y_hat_arr)


def sigmoid_mse_negative_curvature(y: Any) -> tuple[float, float]:
    r"""The open interval of :math:`\hat y \in (0, 1)` where the sigmoid + MSE curvature is
    negative, for the label ``y``.

    The bracket :math:`f(\hat y) = -3\hat y^2 + (2 + 2y)\hat y - y` has roots
    :math:`\hat y = \bigl(1 + y \pm \sqrt{1 - y + y^2}\bigr)/3` and is negative outside them:

    * :math:`y = 0`: :math:`f = \hat y(2 - 3\hat y) < 0 \iff \hat y > 2/3`;
    * :math:`y = 1`: :math:`f = -(3\hat y - 1)(\hat y - 1) < 0 \iff \hat y < 1/3`.

    In words: when the prediction is confidently on the wrong side, the loss curves
    downward: no single bowl, so gradient descent can stall on a plateau.

    >>> sigmoid_mse_negative_curvature(0)
    (0.6666666666666666, 1.0)
    >>> sigmoid_mse_negative_curvature(1)
    (0.0, 0.3333333333333333)
    """
    label = check_finite_scalar("y", y)
    if label not in (0.0, 1.0):
        raise ValueError(f"y must be the label 0 or 1; got {label!r}")
    root = np.sqrt(1.0 - label + label**2)
    low, high = (1.0 + label - root) / 3.0, (1.0 + label + root) / 3.0
    # Negative outside [low, high]; within (0, 1) that is one interval for each label.
    return (float(high), 1.0) if label == 0.0 else (0.0, float(low))


def bce_second_derivative(x: Any, y_hat: Any) -> Any:
    r"""Per-sample second derivative of the BCE along one parameter.

    .. math::

        \frac{\partial^2 L}{\partial\theta_i^2} = \frac{\partial}{\partial\theta_i}\bigl[x_i(\hat y - y)\bigr]
        = x_i^2\,\hat y(1 - \hat y) \ \ge 0

    (:math:`x_i^2 \ge 0` and :math:`\hat y(1 - \hat y) \in [0, 1/4]`; the label does not
    appear.) Scalars and arrays of one common shape are accepted.

    >>> bce_second_derivative(1.0, 0.9)
    0.09
    >>> bce_second_derivative(1.4, 0.49)
    0.489804
    """
    x_arr = as_float_array("x", x, ndim=None)
    y_hat_arr = check_probabilities("y_hat", y_hat, ndim=None)
    _scalars_or_same_shape(x=x_arr, y_hat=y_hat_arr)
    return _out(x_arr**2 * y_hat_arr * (1.0 - y_hat_arr), x_arr, y_hat_arr)


def bce_hessian_single(x: float, y_hat: float) -> np.ndarray:
    r"""The slides' 2x2 Hessian of the BCE for one sample and one feature, order **(w, b)**.

    .. math::

        H = \begin{bmatrix}
              \frac{\partial^2 L}{\partial w^2} & \frac{\partial^2 L}{\partial w\,\partial b} \\
              \frac{\partial^2 L}{\partial b\,\partial w} & \frac{\partial^2 L}{\partial b^2}
            \end{bmatrix}
          = \hat y(1 - \hat y)\begin{bmatrix} x^2 & x \\ x & 1 \end{bmatrix}

    :math:`\det H = 0` and the diagonal is :math:`\ge 0`, so :math:`H` is positive
    semi-definite. Note the order: the slides write this matrix with :math:`w` first,
    while :func:`bce_hessian` uses :math:`\theta = (b, w)`, bias first; the two are the same
    matrix with rows and columns swapped.

    >>> bce_hessian_single(1.4, 0.49).round(4)
    array([[0.4898, 0.3499],
           [0.3499, 0.2499]])
    """
    x_val = check_finite_scalar("x", x)
    s = _probability_scalar("y_hat", y_hat)
    v = s * (1.0 - s)
    return np.array([[v * x_val**2, v * x_val], [v * x_val, v]])


def bce_hessian_eigenvalues(x: float, y_hat: float) -> tuple[float, float]:
    r"""Eigenvalues of :func:`bce_hessian_single`, largest first, in closed form.

    With :math:`a = \hat y(1 - \hat y)x^2`, :math:`b = \hat y(1 - \hat y)x`,
    :math:`d = \hat y(1 - \hat y)`:
    :math:`\lambda = \frac{(a + d) \pm \sqrt{(a - d)^2 + 4b^2}}{2}` and
    :math:`(x^2 - 1)^2 + 4x^2 = (x^2 + 1)^2`, so

    .. math:: \lambda_1 = \hat y(1 - \hat y)(x^2 + 1) \ge 0, \qquad \lambda_2 = 0

    >>> bce_hessian_eigenvalues(1.4, 0.49)
    (0.7397, 0.0)
    >>> bool(np.allclose(np.linalg.eigvalsh(bce_hessian_single(1.4, 0.49))[::-1], (0.7397, 0.0)))
    True
    """
    x_val = check_finite_scalar("x", x)
    s = _probability_scalar("y_hat", y_hat)
    return (s * (1.0 - s) * (x_val**2 + 1.0), 0.0)
