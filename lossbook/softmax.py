r"""Softmax regression: logistic regression for :math:`K \ge 2` classes.

Scores :math:`Z = X_b\Theta` (one column of parameters per class, :math:`\Theta` of shape
:math:`d \times K`), probabilities :math:`P = \operatorname{softmax}(Z)` row by row,

.. math::

   \operatorname{softmax}(z)_k = \frac{e^{z_k}}{\sum_j e^{z_j}}, \qquad
   J(\Theta) = -\frac1m\sum_{i=1}^m\sum_{k=1}^K Y_{ik}\ln P_{ik}, \qquad
   \nabla_\Theta J = \frac1m X_b^\top(P - Y),

with :math:`Y` the one-hot labels (categorical cross-entropy). The gradient has the same
form as the BCE's :math:`\frac1m X_b^\top(\hat{\mathbf y} - \mathbf y)`. With two classes and
the second score fixed at 0, :math:`\operatorname{softmax}([z, 0])_0 = \sigma(z)`.

The softmax is computed after subtracting each row's maximum (the result is unchanged,
and no :math:`e^{z}` overflows); :math:`\ln P` uses the log-sum-exp of the shifted row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ._kernels import add_bias
from ._validation import as_float_array, check_count, check_design_matrix, check_positive

__all__ = ["softmax", "one_hot", "categorical_cross_entropy", "softmax_grad", "SoftmaxFit", "fit_softmax"]


def softmax(Z: Any) -> np.ndarray:
    r"""Row-wise softmax of scores ``Z`` (shape ``(K,)`` or ``(m, K)``).

    >>> softmax([1.0, 2.0, 3.0]).round(4)
    array([0.09  , 0.2447, 0.6652])
    >>> softmax([[1000.0, 1000.0]]).tolist()        # no overflow
    [[0.5, 0.5]]
    >>> import lossbook as lb
    >>> bool(abs(softmax([1.7, 0.0])[0] - lb.sigmoid(1.7)) < 1e-15)   # two classes: the sigmoid
    True
    """
    Z = as_float_array("Z", Z, ndim=None)
    if Z.ndim not in (1, 2) or Z.shape[-1] == 0:
        raise ValueError(f"Z must have shape (K,) or (m, K) with K >= 1; got shape {Z.shape}")
    E = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return E / E.sum(axis=-1, keepdims=True)


def _log_softmax(Z: np.ndarray) -> np.ndarray:
    shifted = Z - Z.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def one_hot(y: Any, K: int) -> np.ndarray:
    """Labels ``0..K-1`` as rows of the identity, shape ``(m, K)``.

    >>> one_hot([0, 2, 1], 3).tolist()
    [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, 1.0, 0.0]]
    >>> one_hot([0, 3], 3)
    Traceback (most recent call last):
    ...
    ValueError: y must hold integer labels in 0..2; got [0 3]
    """
    K = check_count("K", K, minimum=1)
    y_arr = np.asarray(y)
    if y_arr.ndim != 1 or not np.issubdtype(y_arr.dtype, np.integer) or y_arr.min() < 0 or y_arr.max() >= K:
        raise ValueError(f"y must hold integer labels in 0..{K - 1}; got {y_arr}")
    return np.eye(K)[y_arr]


def _inputs(X: Any, y: Any, Theta: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    Xb = add_bias(check_design_matrix("X", X))
    Theta = as_float_array("Theta", Theta, ndim=2)
    if Theta.ndim != 2 or Theta.shape[0] != Xb.shape[1]:
        raise ValueError(f"Theta must have shape ({Xb.shape[1]}, K) (bias row first); got {Theta.shape}")
    Y = one_hot(y, Theta.shape[1])
    if len(Y) != len(Xb):
        raise ValueError(f"X has {len(Xb)} samples but y has {len(Y)}; pass arrays of equal length")
    return Xb, Y, Theta


def categorical_cross_entropy(X: Any, y: Any, Theta: Any) -> float:
    r"""Mean categorical cross-entropy :math:`-\frac1m\sum_i \ln P_{i, y_i}` of scores :math:`X_b\Theta`.

    At :math:`\Theta = 0` every class gets :math:`1/K`, so :math:`J = \ln K`:

    >>> import math
    >>> bool(abs(categorical_cross_entropy([[1.0], [2.0]], [0, 2], [[0.0] * 3] * 2) - math.log(3)) < 1e-15)
    True
    """
    Xb, Y, Theta = _inputs(X, y, Theta)
    return float(-(Y * _log_softmax(Xb @ Theta)).sum() / len(Xb))


def softmax_grad(X: Any, y: Any, Theta: Any) -> np.ndarray:
    r""":math:`\nabla_\Theta J = \frac1m X_b^\top(\operatorname{softmax}(X_b\Theta) - Y)`, shape ``(d, K)``.

    Compared with a central finite difference:

    >>> import numpy as np
    >>> X, y, T = [[0.5, 1.0], [1.5, -1.0], [-1.0, 0.2]], [0, 1, 2], np.arange(9.0).reshape(3, 3) / 10
    >>> E = np.zeros_like(T); E[1, 2] = 1e-6
    >>> fd = (categorical_cross_entropy(X, y, T + E) - categorical_cross_entropy(X, y, T - E)) / 2e-6
    >>> bool(abs(softmax_grad(X, y, T)[1, 2] - fd) < 1e-8)
    True
    """
    Xb, Y, Theta = _inputs(X, y, Theta)
    return Xb.T @ (softmax(Xb @ Theta) - Y) / len(Xb)


@dataclass(frozen=True)
class SoftmaxFit:
    r"""A softmax regression fitted by gradient descent on :math:`J(\Theta) + \frac{\mu}{2}\lVert W\rVert^2`
    (the bias row is not penalised)."""

    Theta: np.ndarray
    loss: float
    accuracy: float
    grad_norm: float
    steps: int


def fit_softmax(X: Any, y: Any, *, K: int, mu: float, lr: float, steps: int) -> SoftmaxFit:
    r"""Full-batch gradient descent on the L2-penalised categorical cross-entropy from
    :math:`\Theta = 0`. ``mu > 0`` keeps a minimiser in existence when some class is
    linearly separable from the others (as setosa is in iris).

    >>> f = fit_softmax([[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1], K=2, mu=0.01, lr=1.0, steps=2000)
    >>> f.accuracy, f.grad_norm < 1e-8
    (1.0, True)
    """
    mu = check_positive("mu", mu)
    lr = check_positive("lr", lr)
    steps = check_count("steps", steps, minimum=1)
    Xb, Y, Theta = _inputs(X, y, np.zeros((check_design_matrix("X", X).shape[1] + 1, K)))
    mask = np.ones_like(Theta)
    mask[0] = 0.0  # no penalty on the bias row
    for _ in range(steps):
        G = Xb.T @ (softmax(Xb @ Theta) - Y) / len(Xb) + mu * mask * Theta
        Theta = Theta - lr * G
    G = Xb.T @ (softmax(Xb @ Theta) - Y) / len(Xb) + mu * mask * Theta
    loss = float(-(Y * _log_softmax(Xb @ Theta)).sum() / len(Xb))
    accuracy = float(np.mean((Xb @ Theta).argmax(axis=1) == Y.argmax(axis=1)))
    return SoftmaxFit(Theta, loss, accuracy, float(np.linalg.norm(G)), steps)
