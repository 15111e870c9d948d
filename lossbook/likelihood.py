r"""Both losses are maximum likelihood: the Gaussian and the Bernoulli log-likelihoods of a
linear score, their gradients, the normal equations, and the one gradient formula the two
share.

Linear regression assumes :math:`y_i = \theta^\top x_i + \varepsilon_i` with
:math:`\varepsilon_i \sim \mathcal N(0, s^2)` independent; the negative log-likelihood is

.. math:: -\ell(\theta) = \frac{1}{2s^2}\sum_{i=1}^m (y_i - \hat y_i)^2 + \frac m2\ln(2\pi s^2),

so maximising the likelihood minimises the MSE, whatever :math:`s^2`. Logistic regression
assumes :math:`Y_i \mid x_i \sim \mathrm{Bernoulli}(\sigma(\theta^\top x_i))` independent;

.. math:: \ell(\theta) = \sum_{i=1}^m \big[y_i\ln\sigma(\theta^\top x_i)
          + (1 - y_i)\ln(1 - \sigma(\theta^\top x_i))\big],

and :math:`J(\theta) = -\ell(\theta)/m` is the mean BCE. With :math:`\hat y = g^{-1}(X_b\theta)`
for the canonical link :math:`g` (identity for the Gaussian, logit for the Bernoulli), the
gradient of the mean loss (half the MSE, or the BCE) is the same formula,
:math:`\frac1m X_b^\top(\hat y - y)` (:func:`glm_gradient`).

Every ``X`` is the design matrix without the column of ones (:math:`X_b = [\mathbf 1 \mid X]`
is built here) and every ``theta`` is ordered :math:`(b, w_1, \dots, w_n)`.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ._kernels import add_bias as _add_bias
from ._kernels import bce_from_logits, sigmoid
from ._validation import (
    as_float_array,
    check_choice,
    check_design_matrix,
    check_labels,
    check_positive,
    check_same_length,
    check_theta,
)

__all__ = [
    "LINKS",
    "bernoulli_log_likelihood",
    "bernoulli_log_likelihood_grad",
    "gaussian_nll",
    "gaussian_nll_grad",
    "glm_gradient",
    "glm_predict",
    "normal_equations",
]

#: The canonical links this module knows: ``"identity"`` (Gaussian noise, linear regression)
#: and ``"logit"`` (Bernoulli labels, logistic regression).
LINKS = ("identity", "logit")


def _inputs(X: Any, y: Any, theta: Any | None, *, labels: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    X_arr = check_design_matrix("X", X)
    y_arr = check_labels("y", y) if labels else as_float_array("y", y, ndim=1)
    check_same_length("X", X_arr, "y", y_arr)
    theta_arr = None if theta is None else check_theta("theta", theta, X_arr.shape[1])
    return _add_bias(X_arr), y_arr, theta_arr


def gaussian_nll(X: Any, y: Any, theta: Any, s2: float = 1.0) -> float:
    r"""The negative log-likelihood of :math:`\theta` when :math:`y_i \sim \mathcal N(\hat y_i, s^2)`
    independently, :math:`\hat y = X_b\theta`: minus the sum of the log-densities,

    .. math:: -\ell(\theta) = -\sum_i \ln\Big(\frac{1}{\sqrt{2\pi s^2}}\,e^{-(y_i - \hat y_i)^2/(2s^2)}\Big)
              = \frac{1}{2s^2}\sum_i (y_i - \hat y_i)^2 + \frac m2\ln(2\pi s^2).

    >>> X, y = [[6.7], [4.6], [3.5], [5.5]], [9.1, 5.9, 4.6, 6.7]
    >>> round(gaussian_nll(X, y, [0.26, 1.17], s2=1.0), 6)   # 4 * 0.282154 / 2 + 2 ln(2 pi)
    4.240062
    >>> gaussian_nll(X, y, [0.26, 1.17], s2=0.0)
    Traceback (most recent call last):
    ...
    ValueError: s2 must be > 0; got 0.0
    """
    Xb, y, theta = _inputs(X, y, theta, labels=False)
    s2 = check_positive("s2", s2)
    log_density = -((y - Xb @ theta) ** 2) / (2.0 * s2) - 0.5 * math.log(2.0 * math.pi * s2)
    return float(-np.sum(log_density))


def gaussian_nll_grad(X: Any, y: Any, theta: Any, s2: float = 1.0) -> np.ndarray:
    r"""Gradient of :func:`gaussian_nll` in :math:`\theta = (b, w)`:
    :math:`\frac{1}{s^2}X_b^\top(\hat y - y)`. The constant :math:`\frac m2\ln(2\pi s^2)` has no
    gradient and :math:`\frac{1}{s^2} > 0` only scales it: the zero is the same for every
    :math:`s^2`.

    >>> X, y = [[6.7], [4.6], [3.5], [5.5]], [9.1, 5.9, 4.6, 6.7]
    >>> gaussian_nll_grad(X, y, [0.26, 1.17], s2=0.5).round(4)
    array([ -3.018, -17.557])
    """
    Xb, y, theta = _inputs(X, y, theta, labels=False)
    s2 = check_positive("s2", s2)
    return Xb.T @ (Xb @ theta - y) / s2


def normal_equations(X: Any, y: Any) -> np.ndarray:
    r"""The least-squares :math:`\theta = (b, w)`: the solution of the normal equations

    .. math:: X_b^\top(X_b\theta - y) = 0 \iff X_b^\top X_b\,\theta = X_b^\top y.

    >>> normal_equations([[6.7], [4.6], [3.5], [5.5]], [9.1, 5.9, 4.6, 6.7]).round(4)
    array([-0.3914,  1.3727])
    >>> normal_equations([[1.0], [1.0]], [0.0, 1.0])
    Traceback (most recent call last):
    ...
    ValueError: X: X_b^T X_b is singular (constant or collinear columns); no unique least-squares solution
    """
    Xb, y, _ = _inputs(X, y, None, labels=False)
    gram = Xb.T @ Xb
    if np.linalg.matrix_rank(gram) < gram.shape[0]:
        raise ValueError("X: X_b^T X_b is singular (constant or collinear columns); no unique least-squares solution")
    return np.linalg.solve(gram, Xb.T @ y)


def bernoulli_log_likelihood(X: Any, y: Any, theta: Any) -> float:
    r"""The Bernoulli log-likelihood of :math:`\theta`,

    .. math:: \ell(\theta) = \sum_i \big[y_i\ln\sigma(\theta^\top x_i)
              + (1 - y_i)\ln(1 - \sigma(\theta^\top x_i))\big],

    computed from the scores (finite for every finite score); :math:`\ell \le 0` and
    :math:`-\ell/m` is the mean BCE.

    >>> round(bernoulli_log_likelihood([[1.4]], [0], [0.1, -0.1]), 4)   # ln(1 - 0.49)
    -0.6733
    >>> bernoulli_log_likelihood([[1.4]], [2], [0.1, -0.1])
    Traceback (most recent call last):
    ...
    ValueError: y must contain only the labels 0 and 1; got 2.0 at index 0
    """
    Xb, y, theta = _inputs(X, y, theta, labels=True)
    return float(-np.sum(bce_from_logits(y, Xb @ theta)))


def bernoulli_log_likelihood_grad(X: Any, y: Any, theta: Any) -> np.ndarray:
    r"""Gradient of :func:`bernoulli_log_likelihood`:
    :math:`\nabla\ell(\theta) = X_b^\top(y - \hat y)`, :math:`\hat y = \sigma(X_b\theta)`.

    >>> bernoulli_log_likelihood_grad([[1.4]], [0], [0.1, -0.1]).round(3)
    array([-0.49 , -0.686])
    """
    Xb, y, theta = _inputs(X, y, theta, labels=True)
    return Xb.T @ (y - sigmoid(Xb @ theta))


def glm_predict(X: Any, theta: Any, link: str) -> np.ndarray:
    r"""The prediction :math:`\hat y = g^{-1}(X_b\theta)`: the score itself for ``link="identity"``,
    :math:`\sigma(X_b\theta)` for ``link="logit"``.

    >>> glm_predict([[0.0]], [0.0, 1.0], "logit")
    array([0.5])
    >>> glm_predict([[0.0]], [0.0, 1.0], "probit")
    Traceback (most recent call last):
    ...
    ValueError: link must be one of 'identity', 'logit'; got 'probit'
    """
    link = check_choice("link", link, LINKS)
    X_arr = check_design_matrix("X", X)
    z = _add_bias(X_arr) @ check_theta("theta", theta, X_arr.shape[1])
    return z if link == "identity" else sigmoid(z)


def glm_gradient(X: Any, y: Any, theta: Any, link: str) -> np.ndarray:
    r"""The one gradient formula of both models, :math:`\frac1m X_b^\top(\hat y - y)` with
    :math:`\hat y =` :func:`glm_predict`: the gradient of half the MSE for ``"identity"``,
    of the mean BCE for ``"logit"``.

    >>> X, y = [[6.7], [4.6], [3.5], [5.5]], [9.1, 5.9, 4.6, 6.7]
    >>> glm_gradient(X, y, [0.26, 1.17], "identity").round(6)   # half of lb.linear_mse_grad
    array([-0.37725 , -2.194625])
    """
    link = check_choice("link", link, LINKS)
    Xb, y, theta = _inputs(X, y, theta, labels=link == "logit")
    z = Xb @ theta
    y_hat = z if link == "identity" else sigmoid(z)
    return Xb.T @ (y_hat - y) / Xb.shape[0]
