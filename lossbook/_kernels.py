r"""The numeric kernels: the one home of every formula that more than one module computes.

Plain NumPy on arrays that are already checked (no validation here: the public functions
check their arguments at the boundary, then call these). Each kernel states its formula,
and each numerical cut-off its reason, once:

- :func:`sigmoid`, :func:`sigmoid_scalar`: :math:`\sigma(z) = 1/(1 + e^{-z})`, without
  overflow for any finite :math:`z`;
- :func:`sigmoid_derivative`: :math:`\sigma(z)(1 - \sigma(z))`, every digit kept in the tails;
- :func:`softplus`, :func:`softplus_scalar`: :math:`\ln(1 + e^{z})`, without overflow;
- :func:`bce_from_logits`: the per-sample binary cross-entropy of a logit,
  :math:`\ln(1 + e^{z}) - y z`;
- :func:`add_bias`: the column of ones in front of the design matrix.

The ``*_scalar`` twins take and return Python floats: the per-sample SGD loop calls them
once per step, where ``math.exp`` costs some 50 ns and a NumPy call on a 0-d array some
microseconds. They compute the same formula with the same branches.

``tests/test_kernels.py`` checks that no other module of :mod:`lossbook` writes these
formulas again.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = [
    "add_bias",
    "bce_from_logits",
    "sigmoid",
    "sigmoid_derivative",
    "sigmoid_scalar",
    "softplus",
    "softplus_scalar",
]


def sigmoid(z: np.ndarray) -> np.ndarray:
    r"""The logistic sigmoid, element-wise, for any finite ``z``.

    .. math::

        \sigma(z) = \frac{1}{1 + e^{-z}} =
        \begin{cases} 1/(1 + e) & z \ge 0 \\ e/(1 + e) & z < 0 \end{cases},
        \qquad e = e^{-|z|}

    >>> sigmoid(np.array([-1e4, -0.04, 0.0, 1e4]))
    array([0.  , 0.49, 0.5 , 1.  ])
    """
    # Why two branches: 1 / (1 + exp(-z)) overflows in exp(-z) for z < -709 (a
    # RuntimeWarning, then 1/inf = 0, right by luck), and exp(z) / (1 + exp(z)) overflows
    # for z > 709 (inf/inf = nan). With e = exp(-|z|) <= 1 neither can overflow. For
    # z < -745, e underflows to 0.0, the correctly rounded answer (NumPy does not warn on
    # underflow).
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_scalar(z: float) -> float:
    r""":func:`sigmoid` for one Python float (same formula, same branches).

    >>> sigmoid_scalar(-0.04) == float(sigmoid(np.array(-0.04))), sigmoid_scalar(-1e4)
    (True, 0.0)
    """
    # The branch keeps the exponent <= 0, as in sigmoid: math.exp raises OverflowError
    # above 709, where NumPy would only warn.
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def sigmoid_derivative(z: np.ndarray) -> np.ndarray:
    r"""First derivative of the sigmoid, element-wise.

    .. math:: \sigma'(z) = \sigma(z)\bigl(1 - \sigma(z)\bigr) = \sigma(z)\,\sigma(-z)

    >>> sigmoid_derivative(np.array([0.0, 40.0]))
    array([2.50000000e-01, 4.24835426e-18])
    """
    # 1 - sigma(z) is computed as sigma(-z): for z = 40, 1 - sigma(z) is 1 - 1.0 = 0 in
    # float64, while sigma(-40) = 4.2e-18 keeps every digit.
    return sigmoid(z) * sigmoid(-z)


def softplus(z: np.ndarray) -> np.ndarray:
    r"""The softplus :math:`\ln(1 + e^{z}) = -\ln\sigma(-z)`, element-wise, for any finite ``z``.

    .. math:: \ln(1 + e^{z}) = \max(z, 0) + \ln\bigl(1 + e^{-|z|}\bigr)

    >>> softplus(np.array([-1e4, 0.0, 1e4]))
    array([0.00000000e+00, 6.93147181e-01, 1.00000000e+04])
    """
    # exp(-|z|) <= 1 cannot overflow (exp(z) would above z = 709); log1p keeps the digits
    # of log(1 + e) when e is tiny; for |z| > 745, e underflows to 0 and the result
    # max(z, 0) is exact.
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))


def softplus_scalar(z: float) -> float:
    r""":func:`softplus` for one Python float (same formula).

    >>> softplus_scalar(1e4), softplus_scalar(0.0) == float(softplus(np.array(0.0)))
    (10000.0, True)
    """
    # Same cut-off as softplus: the exponent -|z| is never positive.
    return max(z, 0.0) + math.log1p(math.exp(-abs(z)))


def bce_from_logits(y: np.ndarray, z: np.ndarray) -> np.ndarray:
    r"""Per-sample binary cross-entropy of the logits ``z`` for the labels ``y``.

    .. math::

        -y\ln\sigma(z) - (1 - y)\ln\bigl(1 - \sigma(z)\bigr)
        = \ln(1 + e^{z}) - y z
        = \max(z, 0) - y z + \ln\bigl(1 + e^{-|z|}\bigr)

    Never ``inf`` or ``nan`` for finite ``z`` (see :func:`softplus`), and accurate where
    the loss is tiny: for :math:`y = 1`, :math:`z = 15`,
    :math:`L = \ln(1 + e^{-15}) \approx 3.06 \times 10^{-7}`.

    >>> bce_from_logits(np.array([0.0, 0.0, 1.0, 1.0]), np.array([-0.04, 1e4, 1e4, -1e4])).round(4)
    array([6.7330e-01, 1.0000e+04, 0.0000e+00, 1.0000e+04])
    >>> float(bce_from_logits(np.array(1.0), np.array(15.0)))  # = log1p(exp(-15)), every digit
    3.059022737137205e-07
    """
    # Not softplus(z) - y z: for a confident right answer (y = 1, z = 15) that subtracts
    # 15 from 15.0000003 and keeps 9 of 16 digits. max(z, 0) - y z is exact (0 here) for
    # labels 0 and 1, and the small log1p term is added last, with all its digits.
    return np.maximum(z, 0.0) - y * z + np.log1p(np.exp(-np.abs(z)))


def add_bias(X: np.ndarray) -> np.ndarray:
    r"""Prepend the column of ones that multiplies the bias: :math:`X_b = [\mathbf 1 \mid X]`.

    >>> add_bias(np.array([[1.4, 0.2], [1.5, 0.2]]))
    array([[1. , 1.4, 0.2],
           [1. , 1.5, 0.2]])
    """
    return np.hstack([np.ones((X.shape[0], 1)), X])
