r"""Logistic regression by (stochastic) gradient descent (chapter: SGD, vectorised).

:func:`sgd_step` is the lesson's five steps (pick a sample, predict, loss, gradient,
update) for one sample; :func:`sgd_logistic` repeats them over epochs and records every
step for the pages' tables. :func:`minibatch_gd` and :func:`full_batch_gd` average the
gradient over a batch or over the whole data set.

Conventions are those of :mod:`lossbook.losses`: ``X`` has shape ``(m, n)`` without the
bias column; ``theta = (b, w_1, ..., w_n)``, bias first; data-set losses are means.
``loss="mse"`` is the lesson's :math:`(\hat y - y)^2` (no 1/2), whose gradient carries
the factor 2. Randomness is always ``np.random.default_rng(seed)``: same seed, same steps.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np

from .._kernels import add_bias, bce_from_logits, sigmoid, sigmoid_scalar, softplus_scalar
from .._validation import (
    as_float_array,
    check_choice,
    check_count,
    check_design_matrix,
    check_labels,
    check_positive,
    check_same_length,
    check_theta,
)
from .history import History, SGDHistory, SGDStep

__all__ = ["SGD_PATIENCE", "sgd_step", "sgd_logistic", "minibatch_gd", "full_batch_gd"]


def _logistic_inputs(X: Any, y: Any, theta0: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    X_arr = check_design_matrix("X", X)
    y_arr = check_labels("y", y)
    check_same_length("X", X_arr, "y", y_arr)
    theta = check_theta("theta0", theta0, X_arr.shape[1]).copy()
    return X_arr, y_arr, theta


def _objective_along(Xb: np.ndarray, y: np.ndarray, P: np.ndarray, loss: str) -> np.ndarray:
    """Mean loss over the data at every row of P, shape (r, p) -> (r,).

    The logits of all rows form an (m, r) matrix; it is cut into column blocks of at most
    2**22 entries (32 MB) so that long SGD histories on big data do not exhaust memory.
    """
    m = Xb.shape[0]
    out = np.empty(len(P))
    block = max(1, (1 << 22) // max(m, 1))
    for a in range(0, len(P), block):
        Z = Xb @ P[a : a + block].T
        if loss == "bce":
            out[a : a + block] = bce_from_logits(y[:, None], Z).mean(axis=0)
        else:
            out[a : a + block] = ((sigmoid(Z) - y[:, None]) ** 2).mean(axis=0)
    return out


def _batch_grad(Xb: np.ndarray, y: np.ndarray, theta: np.ndarray, loss: str) -> np.ndarray:
    z = Xb @ theta
    y_hat = sigmoid(z)
    if loss == "bce":
        dz = y_hat - y  # dL/dz = y_hat - y
    else:
        dz = 2.0 * (y_hat - y) * y_hat * (1.0 - y_hat)  # dL/dz = 2(y_hat - y) y_hat (1 - y_hat)
    return Xb.T @ dz / Xb.shape[0]


def _sample_step(xb: np.ndarray, y: float, theta: np.ndarray, lr: float, loss: str):
    """The lesson's steps 2-5 for one sample; xb = (1, x_1, ..., x_n)."""
    z = float(xb @ theta)  # 2. predict: z = theta^T x
    y_hat = sigmoid_scalar(z)  #    y_hat = sigma(z)
    if loss == "bce":
        value = softplus_scalar(z) - y * z  # 3. -y log y_hat - (1-y) log(1-y_hat)
        grad = (y_hat - y) * xb  # 4. x (y_hat - y)
    else:
        value = (y_hat - y) ** 2  # 3. (y_hat - y)^2
        grad = 2.0 * (y_hat - y) * y_hat * (1.0 - y_hat) * xb  # 4. 2x(y_hat - y) y_hat (1 - y_hat)
    return z, y_hat, value, grad, theta - lr * grad  # 5. theta - eta grad


def sgd_step(x: Any, y: Any, theta: Any, *, lr: float, loss: Literal["bce", "mse"] = "bce") -> SGDStep:
    r"""One step of the lesson's stochastic gradient descent, for one sample.

    1. pick a sample :math:`(x, y)` (here: given);
    2. predict :math:`z = b + w^\top x`, :math:`\hat y = \sigma(z)`;
    3. loss :math:`L = -y\ln\hat y - (1 - y)\ln(1 - \hat y)` (``"bce"``) or
       :math:`(\hat y - y)^2` (``"mse"``);
    4. gradient :math:`\partial L/\partial b = (\hat y - y)`,
       :math:`\partial L/\partial w_i = x_i(\hat y - y)` (``"bce"``; ``"mse"`` multiplies
       both by :math:`2\hat y(1 - \hat y)`);
    5. update :math:`\theta \leftarrow \theta - \eta\,\nabla_\theta L`.

    Parameters
    ----------
    x : array_like, shape (n,)
        The sample's features.
    y : {0, 1}
        Its label.
    theta : array_like, shape (n + 1,)
        :math:`(b, w_1, \dots, w_n)`.
    lr : float
        Learning rate :math:`\eta`.
    loss : {"bce", "mse"}

    Examples
    --------
    The lesson's first example (one feature): :math:`b = 0.1`, :math:`w = -0.1`,
    :math:`x = 1.4`, :math:`y = 0`, :math:`\eta = 0.01`. The slides' 0.49, 0.6733 and
    gradient [0.49, 0.686] are right; the updated parameters are :math:`b = 0.0951` (slides:
    0.095) and :math:`w = -0.1069` (slides: -0.1068, truncated instead of rounded):

    >>> s = sgd_step([1.4], 0, [0.1, -0.1], lr=0.01)
    >>> round(s.z, 4), round(s.y_hat, 4), round(s.loss, 4)
    (-0.04, 0.49, 0.6733)
    >>> s.grad.round(4), s.theta_new.round(4)
    (array([0.49 , 0.686]), array([ 0.0951, -0.1069]))

    The second example (two features): :math:`b = 0.1`, :math:`w = (0.5, -0.1)`,
    :math:`x = (1.4, 0.2)`, :math:`y = 0`. Here :math:`z = 0.78` and
    :math:`\hat y = 0.6857` (slides: 0.6812); the slides' loss 1.1573 belongs to 0.6857.
    The gradient is [0.6857, 0.96, 0.1371] and the update gives :math:`b = 0.0931`,
    :math:`w_1 = 0.4904` (slides: 0.4990), :math:`w_2 = -0.1014` (slides: a "+" sign in the
    formula, and -0.1013):

    >>> s = sgd_step([1.4, 0.2], 0, [0.1, 0.5, -0.1], lr=0.01)
    >>> round(s.z, 4), round(s.y_hat, 4), round(s.loss, 4)
    (0.78, 0.6857, 1.1573)
    >>> s.grad.round(4), s.theta_new.round(4)
    (array([0.6857, 0.96  , 0.1371]), array([ 0.0931,  0.4904, -0.1014]))
    """
    x_arr = as_float_array("x", x, ndim=1)
    y_arr = check_labels("y", y, ndim=None)
    if y_arr.ndim != 0:
        raise ValueError(f"y must be a single label 0 or 1; got shape {y_arr.shape}")
    theta_arr = check_theta("theta", theta, x_arr.size)
    lr = check_positive("lr", lr)
    loss = check_choice("loss", loss, ("bce", "mse"))
    xb = np.concatenate([[1.0], x_arr])
    z, y_hat, value, grad, new = _sample_step(xb, float(y_arr), theta_arr, lr, loss)
    return SGDStep(x=x_arr, y=float(y_arr), theta=theta_arr, z=z, y_hat=y_hat, loss=value, grad=grad, theta_new=new)


#: Epochs without improvement before :func:`sgd_logistic` stops (``tol``); scikit-learn's
#: ``n_iter_no_change`` default.
SGD_PATIENCE = 5


def sgd_logistic(
    X: Any,
    y: Any,
    theta0: Any,
    *,
    lr: float,
    epochs: int,
    loss: Literal["bce", "mse"] = "bce",
    order: Literal["sequential", "shuffle"] = "sequential",
    seed: int | None = None,
    tol: float | None = None,
) -> SGDHistory:
    r"""Per-sample stochastic gradient descent for logistic regression, as the lesson does it.

    Each epoch visits every sample once (in order, or in a fresh random order per epoch
    with ``order="shuffle"``); each visit is one :func:`sgd_step`: pick, predict, loss,
    gradient, update. Every step is recorded.

    Parameters
    ----------
    X : array_like, shape (m, n)
    y : array_like, shape (m,)
        Labels in {0, 1}.
    theta0 : array_like, shape (n + 1,)
        Start :math:`(b, w_1, \dots, w_n)`.
    lr : float
        Learning rate :math:`\eta`.
    epochs : int
        Passes over the data; ``steps = epochs * m``.
    loss : {"bce", "mse"}
    order : {"sequential", "shuffle"}
    seed : int or None
        Seed of ``np.random.default_rng`` for ``order="shuffle"``.
    tol : float or None
        Early stopping as scikit-learn's ``SGDClassifier`` does it: stop after
        :data:`SGD_PATIENCE` (5) epochs in a row none of which lowered the best mean loss
        over the data by at least ``tol``. (One epoch alone is a poor signal: the loss of
        SGD goes up and down from epoch to epoch.) ``None``: run every epoch.

    Returns
    -------
    SGDHistory
        ``params``/``loss`` (mean over all samples) per step, and per step the sample,
        its prediction, loss and gradient (:meth:`SGDHistory.table`).

    Examples
    --------
    The lesson's four-flower data set, first two steps (the first is the worked example of
    :func:`sgd_step`):

    >>> X = [[1.4], [1.5], [3.0], [4.1]]; y = [0, 0, 1, 1]
    >>> h = sgd_logistic(X, y, [0.1, -0.1], lr=0.01, epochs=1)
    >>> h.steps, h.sample.tolist()
    (4, [0, 1, 2, 3])
    >>> h.params[:3].round(4)
    array([[ 0.1   , -0.1   ],
           [ 0.0951, -0.1069],
           [ 0.0903, -0.1141]])
    >>> h.sample_loss[:2].round(4)
    array([0.6733, 0.6611])
    """
    X_arr, y_arr, theta = _logistic_inputs(X, y, theta0)
    lr = check_positive("lr", lr)
    epochs = check_count("epochs", epochs)
    loss = check_choice("loss", loss, ("bce", "mse"))
    order = check_choice("order", order, ("sequential", "shuffle"))
    if tol is not None:
        tol = float(as_float_array("tol", tol, ndim=None))
    rng = np.random.default_rng(seed)
    Xb = add_bias(X_arr)
    m, p = Xb.shape

    params, samples, y_hats, losses, grads = [theta.copy()], [], [], [], []
    best = float(_objective_along(Xb, y_arr, theta[None, :], loss)[0])
    stalled = 0
    for _ in range(epochs):
        visit = rng.permutation(m) if order == "shuffle" else range(m)
        for i in visit:  # 1. pick a sample
            _, y_hat, value, grad, theta = _sample_step(Xb[i], y_arr[i], theta, lr, loss)
            params.append(theta)
            samples.append(int(i))
            y_hats.append(y_hat)
            losses.append(value)
            grads.append(grad)
        if tol is not None:
            current = float(_objective_along(Xb, y_arr, theta[None, :], loss)[0])
            stalled = stalled + 1 if current > best - tol else 0
            best = min(best, current)
            if stalled >= SGD_PATIENCE:
                break

    P = np.array(params)
    return SGDHistory(
        params=P,
        loss=_objective_along(Xb, y_arr, P, loss),
        sample=np.array(samples, dtype=np.int64),
        y_hat=np.array(y_hats),
        sample_loss=np.array(losses),
        sample_grad=np.array(grads).reshape(-1, p),
    )


def minibatch_gd(
    X: Any,
    y: Any,
    theta0: Any,
    *,
    lr: float,
    epochs: int,
    batch_size: int,
    loss: Literal["bce", "mse"] = "bce",
    seed: int | None = None,
) -> History:
    r"""Mini-batch gradient descent for logistic regression.

    Each epoch shuffles the samples (``np.random.default_rng(seed)``) and cuts them into
    consecutive batches of ``batch_size`` (the last one may be smaller); each batch makes
    one update with its *mean* gradient:

    .. math:: \theta \leftarrow \theta - \eta\,\frac{1}{|B|}\sum_{i \in B}\nabla_\theta L_i

    ``batch_size=1`` is per-sample SGD with shuffling; ``batch_size=m`` is full-batch
    gradient descent (one update per epoch).

    Returns
    -------
    History
        ``params`` and ``loss`` (mean over all samples) after every update:
        ``steps = epochs * ceil(m / batch_size)``.

    Examples
    --------
    >>> X = [[1.4], [1.5], [3.0], [4.1]]; y = [0, 0, 1, 1]
    >>> h = minibatch_gd(X, y, [0.0, 0.0], lr=0.5, epochs=3, batch_size=2, seed=0)
    >>> h.steps, bool(h.loss[-1] < h.loss[0])
    (6, True)
    >>> full = minibatch_gd(X, y, [0.1, -0.1], lr=0.1, epochs=1, batch_size=4)
    >>> bool(np.allclose(full.final, full_batch_gd(X, y, [0.1, -0.1], lr=0.1, steps=1).final))
    True
    """
    X_arr, y_arr, theta = _logistic_inputs(X, y, theta0)
    lr = check_positive("lr", lr)
    epochs = check_count("epochs", epochs)
    batch_size = check_count("batch_size", batch_size, minimum=1)
    loss = check_choice("loss", loss, ("bce", "mse"))
    rng = np.random.default_rng(seed)
    Xb = add_bias(X_arr)
    m = Xb.shape[0]

    params = [theta.copy()]
    for _ in range(epochs):
        perm = rng.permutation(m)
        for a in range(0, m, batch_size):
            batch = perm[a : a + batch_size]
            theta = theta - lr * _batch_grad(Xb[batch], y_arr[batch], theta, loss)
            params.append(theta)
    P = np.array(params)
    return History(params=P, loss=_objective_along(Xb, y_arr, P, loss))


def full_batch_gd(
    X: Any,
    y: Any,
    theta0: Any,
    *,
    lr: float,
    steps: int,
    loss: Literal["bce", "mse"] = "bce",
    tol: float = 0.0,
) -> History:
    r"""Full-batch gradient descent for logistic regression (the "vectorised" summary of
    the lesson).

    .. math:: \theta \leftarrow \theta - \eta\,\nabla_\theta L(\theta),\qquad
              \nabla_\theta L = \frac1m X_b^\top(\hat y - y)\ \ (\text{bce})

    ``loss="mse"``: :math:`\nabla_\theta L = \frac2m X_b^\top[(\hat y - y)\odot\hat y\odot(1 - \hat y)]`.

    Parameters
    ----------
    steps : int
        Maximum number of updates.
    tol : float
        Stop as soon as :math:`\max_i |\partial L/\partial\theta_i| \le` ``tol``
        (default 0: run every step).

    Returns
    -------
    History
        ``params``, ``loss`` and ``grads`` at every iterate.

    Examples
    --------
    >>> X = [[1.4], [1.5], [3.0], [4.1]]; y = [0, 0, 1, 1]
    >>> h = full_batch_gd(X, y, [0.1, -0.1], lr=0.1, steps=200)
    >>> h.params.shape, bool(np.all(np.diff(h.loss) < 0))
    ((201, 2), True)
    >>> h.grads[0].round(4)  # mean over the four samples of (1, x) (y_hat - y)
    array([-0.0373, -0.6494])
    """
    X_arr, y_arr, theta = _logistic_inputs(X, y, theta0)
    lr = check_positive("lr", lr)
    steps = check_count("steps", steps)
    loss = check_choice("loss", loss, ("bce", "mse"))
    tol = float(as_float_array("tol", tol, ndim=None))
    Xb = add_bias(X_arr)

    params, grads = [theta], []
    for t in range(steps + 1):
        g = _batch_grad(Xb, y_arr, params[-1], loss)
        grads.append(g)
        if t == steps or np.max(np.abs(g)) <= tol:
            break
        params.append(params[-1] - lr * g)
    P = np.array(params)
    return History(params=P, loss=_objective_along(Xb, y_arr, P, loss), grads=np.array(grads))
