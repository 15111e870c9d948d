r"""Losses, their gradients and their curvature (chapters: linear regression, sigmoid + MSE,
binary cross-entropy, convexity).

Conventions, the same in every function:

* ``X`` is the design matrix, shape ``(m, n)``: ``m`` samples, ``n`` features, **without**
  the bias column. :func:`add_bias` prepends the column of ones: ``Xb = [1 | X]``.
* ``theta`` is :math:`\theta = (b, w_1, \dots, w_n)`, bias first, so that
  :math:`z = X_b\,\theta` and gradients come out ordered :math:`[L'_b, L'_{w_1}, \dots]`
  like the slides.
* ``z`` always names logits (:math:`z \in \mathbb{R}`); ``y_prob`` / ``y_hat`` always
  name probabilities (:math:`\hat y = \sigma(z) \in [0, 1]`); ``y_pred`` is a real-valued
  regression prediction; ``y_true`` / ``y`` are targets (labels 0/1 for classification).
* A data-set loss is the **mean** of the per-sample losses; gradients and Hessians are
  those of that mean.

Each model comes as a triple, in the order the lesson derives it: ``*_objective`` (the
loss as a function of :math:`\theta`), ``*_grad``, ``*_hessian``.

Two neighbours hold the rest of the chapters' loss math, and every name of theirs is
importable from here too: :mod:`lossbook.curvature` (the slides' per-sample second
derivatives, the 2x2 Hessian and its eigenvalues) and :mod:`lossbook.landscape`
(:func:`loss_landscape`, the loss over a (w, b) grid). The formulas shared with the
optimisers (sigmoid, BCE from logits, the bias column) live in :mod:`lossbook._kernels`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._kernels import add_bias as _add_bias
from ._kernels import bce_from_logits, sigmoid, sigmoid_derivative
from ._validation import (
    as_float_array,
    check_design_matrix,
    check_labels,
    check_positive,
    check_probabilities,
    check_same_length,
    check_theta,
    check_vector_pair,
)
from .curvature import (
    bce_hessian_eigenvalues,
    bce_hessian_single,
    bce_second_derivative,
    sigmoid_mse_bracket,
    sigmoid_mse_negative_curvature,
    sigmoid_mse_second_derivative,
)
from .landscape import loss_landscape

#: The old private name of :func:`sigmoid_mse_bracket`, kept while ``figures.py`` still
#: imports it; remove once no module does.
_sigmoid_mse_bracket = sigmoid_mse_bracket

__all__ = [
    "BCE_EPS",
    "add_bias",
    # linear regression
    "squared_error",
    "mse_loss",
    "linear_mse_objective",
    "linear_mse_grad",
    "linear_mse_hessian",
    # logistic regression with MSE
    "sigmoid_mse_objective",
    "sigmoid_mse_grad",
    "sigmoid_mse_hessian",
    "sigmoid_mse_bracket",
    "sigmoid_mse_second_derivative",
    "sigmoid_mse_negative_curvature",
    # logistic regression with BCE
    "bce_per_sample",
    "bce_loss",
    "bce_with_logits_per_sample",
    "bce_with_logits",
    "bce_objective",
    "bce_grad",
    "bce_hessian",
    "bce_second_derivative",
    "bce_hessian_single",
    "bce_hessian_eigenvalues",
    # figures and widget
    "loss_landscape",
]

#: Default clipping for probabilities in :func:`bce_per_sample`: machine epsilon of
#: float64, :math:`2^{-52} \approx 2.2 \times 10^{-16}`. Why this value: it is the
#: smallest gap float64 resolves just above 1, and sigma(z) is already exactly 1.0 for
#: z > 36.7; a probability cannot carry more information than that. It caps the loss of a
#: confidently wrong prediction at :math:`-\ln(2^{-52}) \approx 36.04` instead of ``inf``,
#: and changes a correct loss by at most about 2.2e-16. For exact losses at any
#: confidence, work with logits: :func:`bce_with_logits`.
BCE_EPS: float = float(np.finfo(np.float64).eps)


# --- boundary helpers (private) ---------------------------------------------------------


def _model_inputs(X: Any, y: Any, theta: Any, *, labels: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Validated ``(Xb, y, theta)``; ``labels=True`` requires y in {0, 1}."""
    X_arr = check_design_matrix("X", X)
    y_arr = check_labels("y", y) if labels else as_float_array("y", y, ndim=1)
    check_same_length("X", X_arr, "y", y_arr)
    theta_arr = check_theta("theta", theta, X_arr.shape[1])
    return _add_bias(X_arr), y_arr, theta_arr


def _weighted_gram(Xb: np.ndarray, c: np.ndarray) -> np.ndarray:
    """(1/m) Xb^T diag(c) Xb, made exactly symmetric (the matrix product alone can differ
    from its transpose in the last bit, and eigvalsh assumes symmetry)."""
    H = Xb.T @ (c[:, None] * Xb) / Xb.shape[0]
    return (H + H.T) / 2.0


def add_bias(X: Any) -> np.ndarray:
    r"""Prepend the column of ones that multiplies the bias :math:`b = \theta_0`.

    .. math:: X_b = \begin{bmatrix} \mathbf 1 & X \end{bmatrix}, \qquad z = X_b\,\theta = b + X w

    Parameters
    ----------
    X : array_like, shape (m, n)
        Design matrix without bias column (one row per sample).

    Returns
    -------
    numpy.ndarray, shape (m, n + 1)

    Examples
    --------
    >>> add_bias([[1.4, 0.2], [1.5, 0.2]])
    array([[1. , 1.4, 0.2],
           [1. , 1.5, 0.2]])
    """
    return _add_bias(check_design_matrix("X", X))


# === 1. Linear regression: squared error ================================================


def squared_error(y_true: Any, y_pred: Any) -> np.ndarray:
    r"""Per-sample squared error of a real-valued prediction.

    .. math:: L(\hat y, y) = (\hat y - y)^2

    Domain: ``y_true`` and ``y_pred`` real, shape ``(m,)``.

    Examples
    --------
    The slides' house prices with :math:`\hat y = 1.17\,x + 0.26`:

    >>> area = np.array([6.7, 4.6, 3.5, 5.5]); price = np.array([9.1, 5.9, 4.6, 6.7])
    >>> squared_error(price, 1.17 * area + 0.26)
    array([1.002001e+00, 6.656400e-02, 6.002500e-02, 2.500000e-05])
    """
    y_true, y_pred = check_vector_pair("y_true", y_true, "y_pred", y_pred)
    return (y_pred - y_true) ** 2


def mse_loss(y_true: Any, y_pred: Any, *, half: bool = False) -> float:
    r"""Mean squared error.

    .. math::

        \text{half=False:}\quad \frac{1}{m}\sum_{i=1}^m (\hat y_i - y_i)^2
        \qquad
        \text{half=True:}\quad \frac{1}{2m}\sum_{i=1}^m (\hat y_i - y_i)^2

    ``half=False`` is the lesson's convention (its gradient carries the factor 2:
    :math:`2x(\hat y - y)`); ``half=True`` is the :math:`\tfrac{1}{2m}` convention of
    many textbooks and blogs, chosen so that the 2 cancels. Both have the same minimiser.

    Domain: ``y_true`` and ``y_pred`` real, shape ``(m,)``, ``m >= 1``.

    Examples
    --------
    >>> area = np.array([6.7, 4.6, 3.5, 5.5]); price = np.array([9.1, 5.9, 4.6, 6.7])
    >>> round(mse_loss(price, 1.17 * area + 0.26), 6), round(mse_loss(price, -0.34 * area + 0.04), 4)
    (0.282154, 72.3724)
    >>> round(mse_loss(price, 1.17 * area + 0.26, half=True), 6)
    0.141077
    """
    return float(np.mean(squared_error(y_true, y_pred)) / (2.0 if half else 1.0))


def linear_mse_objective(X: Any, y: Any, theta: Any) -> float:
    r"""Mean squared error of the linear model :math:`\hat y = X_b\theta` as a function of
    :math:`\theta`: ``mse_loss(y, add_bias(X) @ theta)``.

    >>> linear_mse_objective([[6.7], [4.6], [3.5], [5.5]], [9.1, 5.9, 4.6, 6.7], [0.26, 1.17])
    0.28215375
    """
    Xb, y, theta = _model_inputs(X, y, theta, labels=False)
    return float(np.mean((Xb @ theta - y) ** 2))


def linear_mse_grad(X: Any, y: Any, theta: Any) -> np.ndarray:
    r"""Gradient of :func:`linear_mse_objective`, ordered :math:`[L'_b, L'_{w_1}, \dots]`.

    Per sample (the slides): :math:`\partial L/\partial w = 2x(\hat y - y)`,
    :math:`\partial L/\partial b = 2(\hat y - y)`. Averaged:

    .. math:: \nabla_\theta L = \frac{2}{m} X_b^\top (X_b\theta - y)

    Examples
    --------
    >>> X = [[6.7], [4.6], [3.5], [5.5]]; y = [9.1, 5.9, 4.6, 6.7]
    >>> linear_mse_grad(X, y, [0.26, 1.17])
    array([-0.7545 , -4.38925])
    """
    Xb, y, theta = _model_inputs(X, y, theta, labels=False)
    m = Xb.shape[0]
    return 2.0 * Xb.T @ (Xb @ theta - y) / m


def linear_mse_hessian(X: Any, y: Any = None, theta: Any = None) -> np.ndarray:
    r"""Hessian of :func:`linear_mse_objective`: constant, positive semi-definite.

    .. math:: \nabla^2_\theta L = \frac{2}{m} X_b^\top X_b

    ``y`` and ``theta`` do not enter (the loss is quadratic in :math:`\theta`); they are
    accepted, and checked if given, so every ``*_hessian`` has the signature
    ``(X, y, theta)``.

    >>> linear_mse_hessian([[1.0], [3.0]])
    array([[ 2.,  4.],
           [ 4., 10.]])
    """
    X_arr = check_design_matrix("X", X)
    if y is not None or theta is not None:
        _model_inputs(
            X_arr,
            np.zeros(X_arr.shape[0]) if y is None else y,
            np.zeros(X_arr.shape[1] + 1) if theta is None else theta,
            labels=False,
        )
    Xb = _add_bias(X_arr)
    return _weighted_gram(Xb, np.full(Xb.shape[0], 2.0))


# === 2. Logistic regression with MSE: not convex ========================================


def sigmoid_mse_objective(X: Any, y: Any, theta: Any) -> float:
    r"""Mean of :math:`(\hat y - y)^2` with :math:`\hat y = \sigma(X_b\theta)`.

    Domain: ``y`` in {0, 1}.

    >>> round(sigmoid_mse_objective([[1.4]], [0], [0.1, -0.1]), 6)  # 0.49**2
    0.240101
    """
    Xb, y, theta = _model_inputs(X, y, theta, labels=True)
    return float(np.mean((sigmoid(Xb @ theta) - y) ** 2))


def sigmoid_mse_grad(X: Any, y: Any, theta: Any) -> np.ndarray:
    r"""Gradient of :func:`sigmoid_mse_objective`, ordered :math:`[L'_b, L'_{w_1}, \dots]`.

    Chain rule, per sample: :math:`\frac{\partial L}{\partial\hat y} = 2(\hat y - y)`,
    :math:`\frac{\partial \hat y}{\partial z} = \hat y(1 - \hat y)`,
    :math:`\frac{\partial z}{\partial\theta_i} = x_i`, so

    .. math::

        \frac{\partial L}{\partial\theta_i} = 2x_i(\hat y - y)\,\hat y(1 - \hat y),
        \qquad
        \nabla_\theta L = \frac{2}{m} X_b^\top\bigl[(\hat y - y)\odot\hat y\odot(1 - \hat y)\bigr]

    The factor :math:`\hat y(1 - \hat y)` is why gradient descent crawls when the model
    is confidently wrong: it vanishes at :math:`\hat y \to 0` and :math:`\hat y \to 1`.

    >>> sigmoid_mse_grad([[1.4]], [0], [0.1, -0.1]).round(4)
    array([0.2449, 0.3429])
    """
    Xb, y, theta = _model_inputs(X, y, theta, labels=True)
    z = Xb @ theta
    y_hat = sigmoid(z)
    return 2.0 * Xb.T @ ((y_hat - y) * sigmoid_derivative(z)) / Xb.shape[0]


def sigmoid_mse_hessian(X: Any, y: Any, theta: Any) -> np.ndarray:
    r"""Hessian of :func:`sigmoid_mse_objective` (exact, full matrix).

    Per sample, :math:`\frac{d^2L}{dz^2} = 2\hat y(1 - \hat y)\,[-3\hat y^2 + 2\hat y - y + 2y\hat y]`
    (see :func:`sigmoid_mse_second_derivative`), and :math:`z = x_b^\top\theta`, so

    .. math:: \nabla^2_\theta L = \frac{1}{m} X_b^\top \operatorname{diag}(c)\, X_b,
              \qquad c_i = 2\hat y_i(1 - \hat y_i)\,[-3\hat y_i^2 + 2\hat y_i - y_i + 2y_i\hat y_i]

    :math:`c_i` can be negative, so this Hessian can have negative eigenvalues: the
    sigmoid + MSE loss is not convex.

    >>> H = sigmoid_mse_hessian([[1.0]], [0], [2.0, 0.0])  # y_hat = sigma(2) = 0.88 > 2/3
    >>> bool(np.linalg.eigvalsh(H).min() < 0)
    True
    """
    Xb, y, theta = _model_inputs(X, y, theta, labels=True)
    z = Xb @ theta
    y_hat = sigmoid(z)
    c = 2.0 * sigmoid_derivative(z) * sigmoid_mse_bracket(y, y_hat)
    return _weighted_gram(Xb, c)


# === 3. Logistic regression with binary cross-entropy: convex ===========================


def _bce_from_prob(y: np.ndarray, y_prob: np.ndarray, eps: float) -> np.ndarray:
    # Clip to [eps, 1 - eps] so that log never sees 0 (see BCE_EPS); with y in {0, 1} pick
    # the one log that matters instead of multiplying 0 * log(0); log1p(-p) keeps the
    # digits of log(1 - p) for small p.
    p = np.clip(y_prob, eps, 1.0 - eps)
    return np.where(y == 1.0, -np.log(p), -np.log1p(-p))


def bce_per_sample(y_true: Any, y_prob: Any, *, eps: float = BCE_EPS) -> np.ndarray:
    r"""Per-sample binary cross-entropy from probabilities (natural log, nats).

    .. math:: L(y, \hat y) = -y\ln\hat y - (1 - y)\ln(1 - \hat y)

    i.e. :math:`-\ln\hat y` if :math:`y = 1` and :math:`-\ln(1 - \hat y)` if
    :math:`y = 0`: the "if" of the slides removed by the labels being 0 or 1.

    Domain: ``y_true`` in {0, 1}; ``y_prob`` in [0, 1], clipped to
    ``[eps, 1 - eps]`` before the log so that a confidently wrong 0 or 1 costs
    :math:`-\ln(\text{eps})` (36.04 with the default :data:`BCE_EPS`) instead of ``inf``.
    From logits, use :func:`bce_with_logits_per_sample` (exact, no clipping).

    Parameters
    ----------
    y_true : array_like, shape (m,)
    y_prob : array_like, shape (m,)
    eps : float
        Clipping bound, ``0 < eps < 0.5``.

    Examples
    --------
    The slides' table of outputs and labels:

    >>> y_prob = np.array([0.3, 0.8, 0.7, 0.4, 0.6, 0.8, 0.9, 0.2])
    >>> y_true = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    >>> bce_per_sample(y_true, y_prob).round(4)
    array([0.3567, 1.6094, 1.204 , 0.5108, 0.5108, 0.2231, 0.1054, 1.6094])
    >>> round(float(bce_per_sample([1], [0.0])[0]), 2)  # clipped: -ln(2.2e-16)
    36.04
    """
    y_true = check_labels("y_true", y_true)
    y_prob = check_probabilities("y_prob", y_prob)
    check_same_length("y_true", y_true, "y_prob", y_prob)
    eps = check_positive("eps", eps)
    if not eps < 0.5:
        raise ValueError(f"eps must be in (0, 0.5); got {eps!r}")
    return _bce_from_prob(y_true, y_prob, eps)


def bce_loss(y_true: Any, y_prob: Any, *, eps: float = BCE_EPS) -> float:
    r"""Mean binary cross-entropy from probabilities.

    .. math:: L = \frac{1}{m}\sum_{i=1}^m \bigl[-y_i\ln\hat y_i - (1 - y_i)\ln(1 - \hat y_i)\bigr]

    Same domain and clipping as :func:`bce_per_sample`.

    >>> round(bce_loss([0], [0.49]), 4)  # the lesson's first sample: -ln(0.51)
    0.6733
    """
    return float(np.mean(bce_per_sample(y_true, y_prob, eps=eps)))


def bce_with_logits_per_sample(y_true: Any, z: Any) -> np.ndarray:
    r"""Per-sample binary cross-entropy from logits, stable and exact for any finite ``z``.

    .. math::

        L(y, z) = -y\ln\sigma(z) - (1 - y)\ln\bigl(1 - \sigma(z)\bigr)
                = \max(z, 0) - y z + \ln\bigl(1 + e^{-|z|}\bigr)

    Domain: ``y_true`` in {0, 1}; ``z`` any finite real. Never ``inf`` or ``nan``: at
    :math:`|z| = 10^4` the naive :math:`\ln\sigma(z)` gives ``-inf`` while this gives the
    exact :math:`10^4`.

    >>> bce_with_logits_per_sample([0, 1, 1], [1e4, 1e4, -1e4])
    array([10000.,     0., 10000.])
    """
    y_true, z = check_vector_pair("y_true", y_true, "z", z)
    check_labels("y_true", y_true)
    return bce_from_logits(y_true, z)


def bce_with_logits(y_true: Any, z: Any) -> float:
    r"""Mean binary cross-entropy from logits.

    .. math:: L = \frac{1}{m}\sum_{i=1}^m \Bigl[\max(z_i, 0) - y_i z_i + \ln\bigl(1 + e^{-|z_i|}\bigr)\Bigr]

    Domain: ``y_true`` in {0, 1}; ``z`` any finite real.

    Examples
    --------
    The lesson's first step: :math:`x = 1.4`, :math:`y = 0`, :math:`w = -0.1`,
    :math:`b = 0.1`, so :math:`z = -0.04`, :math:`\hat y = 0.49` and
    :math:`L = -\ln(0.51)`:

    >>> round(bce_with_logits(np.array([0.0]), np.array([-0.04])), 4)
    0.6733
    """
    return float(np.mean(bce_with_logits_per_sample(y_true, z)))


def bce_objective(X: Any, y: Any, theta: Any) -> float:
    r"""Mean binary cross-entropy of :math:`\hat y = \sigma(X_b\theta)` as a function of
    :math:`\theta`, computed from the logits (exact for any finite :math:`z`).

    >>> round(bce_objective([[1.4, 0.2]], [0], [0.1, 0.5, -0.1]), 4)  # the slides' 2-feature step
    1.1573
    """
    Xb, y, theta = _model_inputs(X, y, theta, labels=True)
    return float(np.mean(bce_from_logits(y, Xb @ theta)))


def bce_grad(X: Any, y: Any, theta: Any) -> np.ndarray:
    r"""Gradient of :func:`bce_objective`, ordered :math:`[L'_b, L'_{w_1}, \dots]`.

    Chain rule, per sample: :math:`\frac{\partial L}{\partial\hat y} = \frac{\hat y - y}{\hat y(1 - \hat y)}`
    and :math:`\frac{\partial\hat y}{\partial z} = \hat y(1 - \hat y)` cancel, leaving

    .. math::

        \frac{\partial L}{\partial\theta_i} = x_i(\hat y - y), \qquad
        \nabla_\theta L = \frac{1}{m} X_b^\top(\hat y - y)

    Examples
    --------
    The slides' steps (sample :math:`x = 1.4`, :math:`y = 0`):

    >>> bce_grad([[1.4]], [0], [0.1, -0.1]).round(4)
    array([0.49 , 0.686])
    >>> bce_grad([[1.4, 0.2]], [0], [0.1, 0.5, -0.1]).round(4)
    array([0.6857, 0.96  , 0.1371])
    """
    Xb, y, theta = _model_inputs(X, y, theta, labels=True)
    return Xb.T @ (sigmoid(Xb @ theta) - y) / Xb.shape[0]


def bce_hessian(X: Any, y: Any, theta: Any) -> np.ndarray:
    r"""Hessian of :func:`bce_objective`: always positive semi-definite.

    .. math:: \nabla^2_\theta L = \frac{1}{m} X_b^\top \operatorname{diag}\bigl(\hat y(1 - \hat y)\bigr) X_b

    For any vector :math:`v`,
    :math:`v^\top\nabla^2 L\,v = \frac{1}{m}\sum_i \hat y_i(1 - \hat y_i)(x_{b,i}^\top v)^2 \ge 0`:
    the loss is convex in :math:`\theta`. ``y`` does not enter but is checked, so every
    ``*_hessian`` has the signature ``(X, y, theta)``.

    >>> bce_hessian([[1.4]], [0], [0.1, -0.1]).round(4)
    array([[0.2499, 0.3499],
           [0.3499, 0.4898]])
    """
    Xb, _, theta = _model_inputs(X, y, theta, labels=True)
    return _weighted_gram(Xb, sigmoid_derivative(Xb @ theta))
