r"""The loss of one sample as a function of its score :math:`z = \boldsymbol\theta^\top\mathbf x`,
and the curvature argument through the logit (chapters 7 and 9).

For a loss that depends on :math:`\boldsymbol\theta` only through the linear score
:math:`z = \boldsymbol\theta^\top\mathbf x`, the chain rule gives

.. math::

    \nabla_\theta L = L'(z)\,\mathbf x, \qquad \nabla^2_\theta L = L''(z)\,\mathbf x\mathbf x^\top

a rank-one matrix, positive semi-definite if and only if :math:`L''(z) \ge 0`
(:math:`\mathbf v^\top \nabla^2_\theta L\,\mathbf v = L''(z)\,(\mathbf x^\top\mathbf v)^2`).
So one number, :math:`L''(z)`, decides convexity in :math:`\boldsymbol\theta`:

* BCE: :math:`L(z) = \ln(1 + e^z) - yz`, :math:`L''(z) = \sigma(z)\bigl(1 - \sigma(z)\bigr) > 0`;
* sigmoid + MSE: :math:`L(z) = (\sigma(z) - y)^2`,
  :math:`L''(z) = 2\hat y(1 - \hat y)\bigl[-3\hat y^2 + 2\hat y - y + 2y\hat y\bigr]`, with
  :math:`\hat y = \sigma(z)`: the sign of the bracket (:func:`lossbook.curvature.sigmoid_mse_bracket`).

The exact cubic of the most negative MSE curvature is here too. Scalars give ``float``;
arrays of one common shape give arrays.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._kernels import bce_from_logits, sigmoid
from ._validation import as_float_array, check_choice, check_labels
from .curvature import sigmoid_mse_bracket

__all__ = [
    "LOSSES",
    "score_loss",
    "score_loss_derivative",
    "score_loss_second_derivative",
    "score_loss_hessian",
    "mse_most_negative_curvature",
]

#: The losses of a sigmoid model this module knows, by name.
LOSSES: tuple[str, ...] = ("bce", "mse")


def _inputs(z: Any, y: Any, loss: str) -> tuple[np.ndarray, np.ndarray]:
    check_choice("loss", loss, LOSSES)
    z_arr = as_float_array("z", z, ndim=None)
    y_arr = check_labels("y", y, ndim=None)
    if z_arr.ndim and y_arr.ndim and z_arr.shape != y_arr.shape:
        raise ValueError(f"z and y must be scalars or arrays of one common shape; got {z_arr.shape} and {y_arr.shape}")
    return z_arr, y_arr


def _out(value: np.ndarray, *inputs: np.ndarray) -> Any:
    return float(value) if all(a.ndim == 0 for a in inputs) else value


def score_loss(z: Any, y: Any, loss: str = "bce") -> Any:
    r"""The loss of one sample as a function of its score :math:`z`.

    .. math::

        L_{\text{BCE}}(z) = \ln(1 + e^{z}) - yz, \qquad L_{\text{MSE}}(z) = \bigl(\sigma(z) - y\bigr)^2

    The BCE form is :math:`-y\ln\sigma(z) - (1 - y)\ln(1 - \sigma(z))` rewritten, evaluated
    without overflow for any finite :math:`z`.

    >>> round(score_loss(0.0, 1), 4), score_loss(0.0, 1, "mse")
    (0.6931, 0.25)
    >>> score_loss(1e4, 0)  # confidently wrong: grows like z, no overflow
    10000.0
    >>> score_loss(0.0, 0.5)
    Traceback (most recent call last):
    ...
    ValueError: y must contain only the labels 0 and 1; got 0.5 at index ()
    """
    z_arr, y_arr = _inputs(z, y, loss)
    if loss == "bce":
        value = bce_from_logits(y_arr, z_arr)
    else:
        value = (sigmoid(z_arr) - y_arr) ** 2
    return _out(value, z_arr, y_arr)


def score_loss_derivative(z: Any, y: Any, loss: str = "bce") -> Any:
    r"""The first derivative :math:`L'(z)`, with :math:`\hat y = \sigma(z)`.

    .. math::

        L'_{\text{BCE}}(z) = \hat y - y, \qquad L'_{\text{MSE}}(z) = 2(\hat y - y)\,\hat y(1 - \hat y)

    >>> score_loss_derivative(0.0, 1), score_loss_derivative(0.0, 1, "mse")
    (-0.5, -0.25)
    """
    z_arr, y_arr = _inputs(z, y, loss)
    p, q = sigmoid(z_arr), sigmoid(-z_arr)  # q = 1 - p without cancellation
    value = p - y_arr if loss == "bce" else 2.0 * (p - y_arr) * p * q
    return _out(value, z_arr, y_arr)


def score_loss_second_derivative(z: Any, y: Any, loss: str = "bce") -> Any:
    r"""The second derivative :math:`L''(z)`, with :math:`\hat y = \sigma(z)`.

    .. math::

        L''_{\text{BCE}}(z) = \hat y(1 - \hat y) > 0, \qquad
        L''_{\text{MSE}}(z) = 2\hat y(1 - \hat y)\bigl[\hat y(1 - \hat y) + (\hat y - y)(1 - 2\hat y)\bigr]
                            = 2\hat y(1 - \hat y)\bigl[-3\hat y^2 + 2\hat y - y + 2y\hat y\bigr]

    The label drops out of the BCE's; the MSE's has the sign of the bracket, negative for
    :math:`\hat y > 2/3` when :math:`y = 0` and for :math:`\hat y < 1/3` when :math:`y = 1`.

    >>> score_loss_second_derivative(0.0, 1)
    0.25
    >>> round(score_loss_second_derivative(2.0, 0, "mse"), 4)  # y = 0, y_hat = 0.88: negative
    -0.1188
    >>> score_loss_second_derivative(0.0, 1, "hinge")
    Traceback (most recent call last):
    ...
    ValueError: loss must be one of 'bce', 'mse'; got 'hinge'
    """
    z_arr, y_arr = _inputs(z, y, loss)
    p, q = sigmoid(z_arr), sigmoid(-z_arr)
    s = p * q
    value = s if loss == "bce" else 2.0 * s * sigmoid_mse_bracket(y_arr, p)
    return _out(value, z_arr, y_arr)


def score_loss_hessian(x: Any, theta: Any, y: Any, loss: str = "bce") -> np.ndarray:
    r"""The Hessian over :math:`\boldsymbol\theta` of one sample's loss, through the logit.

    .. math:: \nabla^2_\theta L(\boldsymbol\theta^\top\mathbf x) = L''(z)\,\mathbf x\mathbf x^\top,
              \qquad z = \boldsymbol\theta^\top\mathbf x

    ``x`` is the sample's row of :math:`X_b` (a leading 1 for the bias, so
    :math:`\boldsymbol\theta = (b, w)` for one feature) and ``theta`` has the same length.

    >>> score_loss_hessian([1.0, 1.4], [0.1, -0.1], 0).round(4)  # (b, w) order
    array([[0.2499, 0.3499],
           [0.3499, 0.4898]])
    >>> score_loss_hessian([1.0, 1.4], [0.1], 0)
    Traceback (most recent call last):
    ...
    ValueError: theta must have the length of x (2); got 1
    """
    x_arr = as_float_array("x", x, ndim=1)
    theta_arr = as_float_array("theta", theta, ndim=1)
    if theta_arr.shape != x_arr.shape:
        raise ValueError(f"theta must have the length of x ({x_arr.size}); got {theta_arr.size}")
    z = float(x_arr @ theta_arr)
    return score_loss_second_derivative(z, y, loss) * np.outer(x_arr, x_arr)


def mse_most_negative_curvature(y: Any = 1) -> tuple[float, float]:
    r"""Where :math:`L''_{\text{MSE}}` is most negative, in closed form: ``(y_hat, value)``.

    For :math:`y = 1`, :math:`g(\hat y) = 2\hat y(1 - \hat y)(-3\hat y^2 + 4\hat y - 1)
    = 6\hat y^4 - 14\hat y^3 + 10\hat y^2 - 2\hat y`, and :math:`g'(\hat y) = 0` is the cubic

    .. math:: 12\hat y^3 - 21\hat y^2 + 10\hat y - 1 = (\hat y - 1)(12\hat y^2 - 9\hat y + 1) = 0

    whose root in :math:`(0, 1/3)` is :math:`\hat y = (9 - \sqrt{33})/24`. For :math:`y = 0`
    the picture is mirrored (:math:`\hat y \to 1 - \hat y`).

    >>> y_hat, value = mse_most_negative_curvature(1)
    >>> round(y_hat, 4), round(value, 4)
    (0.1356, -0.1202)
    >>> round(mse_most_negative_curvature(0)[0], 4)
    0.8644
    """
    label = float(check_labels("y", y, ndim=None))
    root = (9.0 - np.sqrt(33.0)) / 24.0
    y_hat = root if label == 1.0 else 1.0 - root
    value = 2.0 * y_hat * (1.0 - y_hat) * float(sigmoid_mse_bracket(label, y_hat))
    return float(y_hat), float(value)
