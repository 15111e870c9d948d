r"""Optimisers, step by step (chapters: optimisation review, worked SGD steps, Newton).

In the order of the lesson:

1. **Gradient descent on toy functions**: :func:`gradient_descent` (generic, full batch),
   :func:`square_function_walk` (:math:`f(x) = x^2`), :func:`sign_gradient_descent` and
   :func:`slides_walk` (the slides' 2-D walk on :math:`f(x, y) = x^2 + y^2`, which is a
   *sign* step, not a gradient step: see there).
2. **Logistic regression, one sample at a time**: :func:`sgd_step` is the lesson's five
   steps (pick a sample, predict, loss, gradient, update) for one sample;
   :func:`sgd_logistic` repeats them over epochs and records every step for the pages'
   tables. :func:`minibatch_gd` and :func:`full_batch_gd` average the gradient over a
   batch or the whole data set.
3. **Newton's method** for the BCE loss: :func:`newton` (its docstring draws the map of
   the solver, as scikit-learn's ``NewtonSolver`` does).

Every optimiser returns a :class:`History` (frozen; read-only arrays): ``params`` has one
row per iterate (the start included), ``loss`` one value per row, and ``grads``, where it
is recorded, the gradient at each row. Pages plot and tabulate straight from it.

Conventions are those of :mod:`lossbook.losses`: ``X`` has shape ``(m, n)`` without the
bias column; ``theta = (b, w_1, ..., w_n)``, bias first; ``z`` names logits, ``y_hat``
probabilities; data-set losses are means. ``loss="mse"`` is the lesson's
:math:`(\hat y - y)^2` (no 1/2), whose gradient carries the factor 2.

Randomness is always ``np.random.default_rng(seed)``: same seed, same steps.
"""
from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from typing import Any, Callable, Literal

import numpy as np

from ._validation import (
    as_float_array,
    check_design_matrix,
    check_labels,
    check_positive,
    check_same_length,
    check_theta,
)

__all__ = [
    "History",
    "SGDStep",
    "SGDHistory",
    "NewtonHistory",
    "SeparableDataWarning",
    "NewtonConvergenceWarning",
    "gradient_descent",
    "sign_gradient_descent",
    "slides_walk",
    "square_function_walk",
    "sgd_step",
    "sgd_logistic",
    "minibatch_gd",
    "full_batch_gd",
    "newton",
]


# === Results ============================================================================

def _frozen(a: Any, dtype: type = np.float64) -> np.ndarray | None:
    """A read-only copy (frozen dataclasses should not hold writable arrays)."""
    if a is None:
        return None
    arr = np.array(a, dtype=dtype)
    arr.setflags(write=False)
    return arr


@dataclass(frozen=True)
class History:
    """The iterates of an optimiser, ready to plot or tabulate.

    Attributes
    ----------
    params : numpy.ndarray, shape (steps + 1, p)
        Row 0 is the start, row ``k`` the point after step ``k``.
    loss : numpy.ndarray, shape (steps + 1,)
        The objective at each row of ``params`` (``nan`` where no loss function was
        given). For the data-set optimisers it is the mean loss over the whole data set.
    grads : numpy.ndarray, shape (steps + 1, p), or None
        The gradient of the objective at each row of ``params``, where it is recorded.

    All arrays are read-only copies.

    >>> h = gradient_descent(lambda x: 2 * x, [3.0], lr=0.25, steps=2, loss=lambda x: float(x @ x))
    >>> h.steps, h.params.ravel().tolist(), h.loss.tolist(), h.final.tolist()
    (2, [3.0, 1.5, 0.75], [9.0, 2.25, 0.5625], [0.75])
    """

    params: np.ndarray
    loss: np.ndarray
    grads: np.ndarray | None = None

    def __post_init__(self) -> None:
        for name in ("params", "loss", "grads"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))

    @property
    def steps(self) -> int:
        """Number of steps taken (rows of ``params`` minus one).

        >>> History(params=[[0.0], [1.0], [2.0]], loss=[4.0, 1.0, 0.0]).steps
        2
        """
        return len(self.params) - 1

    @property
    def final(self) -> np.ndarray:
        """The last iterate, ``params[-1]``.

        >>> History(params=[[0.0, 1.0], [2.0, 3.0]], loss=[1.0, 0.0]).final
        array([2., 3.])
        """
        return self.params[-1]


@dataclass(frozen=True)
class SGDStep:
    r"""One step of the lesson's per-sample SGD, every intermediate number kept.

    Attributes
    ----------
    x : numpy.ndarray, shape (n,)
        The sample's features (no bias entry).
    y : float
        Its label.
    theta : numpy.ndarray, shape (n + 1,)
        Parameters before the step, :math:`(b, w_1, \dots)`.
    z, y_hat, loss : float
        Logit :math:`z = b + w^\top x`, prediction :math:`\hat y = \sigma(z)` and the
        sample's loss, all at ``theta``.
    grad : numpy.ndarray, shape (n + 1,)
        :math:`[L'_b, L'_{w_1}, \dots]` at ``theta``.
    theta_new : numpy.ndarray, shape (n + 1,)
        ``theta - lr * grad``.

    >>> s = sgd_step([1.4], 0, [0.1, -0.1], lr=0.01)
    >>> s.x.tolist(), s.y, s.theta.tolist(), round(s.z, 4)
    ([1.4], 0.0, [0.1, -0.1], -0.04)
    """

    x: np.ndarray
    y: float
    theta: np.ndarray
    z: float
    y_hat: float
    loss: float
    grad: np.ndarray
    theta_new: np.ndarray

    def __post_init__(self) -> None:
        for name in ("x", "theta", "grad", "theta_new"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))


@dataclass(frozen=True, kw_only=True)
class SGDHistory(History):
    """:class:`History` of per-sample SGD, plus what each step saw.

    ``params``, ``loss`` (mean over the whole data set) have ``steps + 1`` rows; the
    per-step arrays below have ``steps`` rows, row ``k`` describing the step from
    ``params[k]`` to ``params[k + 1]``.

    Attributes
    ----------
    sample : numpy.ndarray of int, shape (steps,)
        Index of the sample picked at each step.
    y_hat : numpy.ndarray, shape (steps,)
        Prediction for that sample, before the update.
    sample_loss : numpy.ndarray, shape (steps,)
        That sample's loss, before the update.
    sample_grad : numpy.ndarray, shape (steps, p)
        That sample's gradient, before the update.
    """

    sample: np.ndarray
    y_hat: np.ndarray
    sample_loss: np.ndarray
    sample_grad: np.ndarray

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "sample", _frozen(self.sample, np.int64))
        for name in ("y_hat", "sample_loss", "sample_grad"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))

    def table(self) -> list[dict[str, Any]]:
        """One dict per step, for a page's step table.

        Keys: ``step`` (1-based), ``sample``, ``y_hat``, ``loss`` (the sample's, before
        the update), ``grad`` and ``params`` (after the update) as tuples of floats.

        >>> h = sgd_logistic([[1.4]], [0], [0.1, -0.1], lr=0.01, epochs=1)
        >>> row = h.table()[0]
        >>> row["sample"], round(row["y_hat"], 4), round(row["loss"], 4)
        (0, 0.49, 0.6733)
        """
        return [
            {
                "step": k + 1,
                "sample": int(self.sample[k]),
                "y_hat": float(self.y_hat[k]),
                "loss": float(self.sample_loss[k]),
                "grad": tuple(float(v) for v in self.sample_grad[k]),
                "params": tuple(float(v) for v in self.params[k + 1]),
            }
            for k in range(self.steps)
        ]


@dataclass(frozen=True, kw_only=True)
class NewtonHistory(History):
    r""":class:`History` of :func:`newton`, plus the solver's diagnostics.

    Attributes
    ----------
    decrement : numpy.ndarray, shape (steps + 1,)
        Half the squared Newton decrement :math:`\tfrac12\lambda^2 = \tfrac12 g^\top H^{-1} g`
        at each row of ``params``: for a convex loss near its minimum this estimates
        :math:`L(\theta) - L^\star`, the distance to the optimal loss.
    step_size : numpy.ndarray, shape (steps,)
        The line-search step :math:`t` of each iteration (1 means the full Newton step).
    converged : bool
        ``decrement[-1] <= tol``.
    separable : bool
        The last iterate classifies every sample correctly: the data are linearly
        separable and the loss has no minimiser (see :class:`SeparableDataWarning`).

    >>> h = newton([[1.4], [1.5], [3.0], [4.1], [2.0], [2.8]], [0, 0, 1, 1, 1, 0])
    >>> h.params.shape, h.decrement.shape, h.step_size.shape, h.converged, h.separable
    ((5, 2), (5,), (4,), True, False)
    """

    decrement: np.ndarray
    step_size: np.ndarray
    converged: bool
    separable: bool = False

    def __post_init__(self) -> None:
        super().__post_init__()
        for name in ("decrement", "step_size"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))


class SeparableDataWarning(UserWarning):
    """The classes are linearly separable: the logistic loss has no finite minimiser.

    If some :math:`\\theta` puts every sample on its correct side, then
    :math:`c\\,\\theta` does too for every :math:`c > 1`, with a smaller loss; the loss
    tends to 0 as :math:`c \\to \\infty` and is never reached. An optimiser then only
    grows the weights. Fix: regularise, or accept the separating direction found.

    The lesson's four flowers (petal length 1.4, 1.5 are label 0; 3.0, 4.1 label 1):

    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     h = newton([[1.4], [1.5], [3.0], [4.1]], [0, 0, 1, 1])
    >>> h.separable, h.converged, [w.category.__name__ for w in caught]
    (True, False, ['SeparableDataWarning'])
    """


class NewtonConvergenceWarning(UserWarning):
    """Newton's method stopped before reaching its tolerance.

    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     h = newton([[1.4], [1.5], [3.0], [4.1], [2.0], [2.8]], [0, 0, 1, 1, 1, 0], max_iter=1)
    >>> h.steps, h.converged, [w.category.__name__ for w in caught]
    (1, False, ['NewtonConvergenceWarning'])
    """


# === Boundary checks (private) ==========================================================

def _check_count(name: str, value: Any, *, minimum: int = 0) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an integer; got {type(value).__name__} {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}; got {value}")
    return int(value)


def _check_choice(name: str, value: Any, choices: tuple[str, ...]) -> str:
    if value not in choices:
        listed = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name} must be one of {listed}; got {value!r}")
    return value


def _check_start(name: str, x0: Any) -> np.ndarray:
    arr = as_float_array(name, x0, ndim=None)
    if arr.ndim > 1:
        raise ValueError(f"{name} must be a number or a 1-D array of shape (p,); got shape {arr.shape}")
    return np.atleast_1d(arr).copy()


def _logistic_inputs(X: Any, y: Any, theta0: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    X_arr = check_design_matrix("X", X)
    y_arr = check_labels("y", y)
    check_same_length("X", X_arr, "y", y_arr)
    theta = check_theta("theta0", theta0, X_arr.shape[1]).copy()
    return X_arr, y_arr, theta


# === Kernels: plain NumPy, no validation ================================================

def _sigmoid(z: np.ndarray) -> np.ndarray:
    # e = exp(-|z|) <= 1 never overflows: sigma = 1/(1+e) for z >= 0, e/(1+e) for z < 0.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _sigmoid_scalar(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _softplus_scalar(z: float) -> float:
    # log(1 + e^z) = max(z, 0) + log1p(e^{-|z|}): the exponent is <= 0, no overflow.
    return max(z, 0.0) + math.log1p(math.exp(-abs(z)))


def _bce_terms(y: np.ndarray, z: np.ndarray) -> np.ndarray:
    # -y log sigma(z) - (1-y) log(1 - sigma(z)) = log(1 + e^z) - y z, written so that the
    # exponent is never positive (see losses.bce_with_logits).
    return np.maximum(z, 0.0) - y * z + np.log1p(np.exp(-np.abs(z)))


def _objective_along(Xb: np.ndarray, y: np.ndarray, P: np.ndarray, loss: str) -> np.ndarray:
    """Mean loss over the data at every row of P, shape (r, p) -> (r,).

    The logits of all rows form an (m, r) matrix; it is cut into column blocks of at most
    2**22 entries (32 MB) so that long SGD histories on big data do not exhaust memory.
    """
    m = Xb.shape[0]
    out = np.empty(len(P))
    block = max(1, (1 << 22) // max(m, 1))
    for a in range(0, len(P), block):
        Z = Xb @ P[a:a + block].T
        if loss == "bce":
            out[a:a + block] = _bce_terms(y[:, None], Z).mean(axis=0)
        else:
            out[a:a + block] = ((_sigmoid(Z) - y[:, None]) ** 2).mean(axis=0)
    return out


def _batch_grad(Xb: np.ndarray, y: np.ndarray, theta: np.ndarray, loss: str) -> np.ndarray:
    z = Xb @ theta
    y_hat = _sigmoid(z)
    if loss == "bce":
        dz = y_hat - y                                   # dL/dz = y_hat - y
    else:
        dz = 2.0 * (y_hat - y) * y_hat * (1.0 - y_hat)   # dL/dz = 2(y_hat - y) y_hat (1 - y_hat)
    return Xb.T @ dz / Xb.shape[0]


def _add_bias(X: np.ndarray) -> np.ndarray:
    return np.hstack([np.ones((X.shape[0], 1)), X])


# === 1. Gradient descent on toy functions ===============================================

def gradient_descent(
    grad: Callable[[np.ndarray], Any],
    x0: Any,
    *,
    lr: float,
    steps: int,
    loss: Callable[[np.ndarray], float] | None = None,
) -> History:
    r"""Full-batch gradient descent on any differentiable function.

    .. math:: x_t = x_{t-1} - \eta\,\nabla f(x_{t-1}), \qquad t = 1, \dots, \text{steps}

    Parameters
    ----------
    grad : callable
        ``grad(x)`` returns :math:`\nabla f(x)`, an array of the same shape as ``x``
        (shape ``(p,)``; a scalar start is treated as ``p = 1``).
    x0 : float or array_like, shape (p,)
        Start.
    lr : float
        Learning rate :math:`\eta > 0`.
    steps : int
        Number of updates.
    loss : callable, optional
        ``loss(x)`` returns :math:`f(x)`; recorded in ``History.loss`` (``nan`` if not
        given).

    Returns
    -------
    History
        ``params`` (steps + 1, p), ``loss`` (steps + 1,), ``grads`` (steps + 1, p): the
        gradient at every iterate, the last one included.

    Examples
    --------
    On :math:`f(x, y) = x^2 + y^2` from (3, 4), the walk of the slides' 2-D example with
    *plain* gradient descent: each step multiplies the point by :math:`1 - 2\eta`.

    >>> f, df = (lambda v: float(v @ v)), (lambda v: 2 * v)
    >>> gradient_descent(df, [3, 4], lr=1.0, steps=4).params  # eta = 1: oscillates forever
    array([[ 3.,  4.],
           [-3., -4.],
           [ 3.,  4.],
           [-3., -4.],
           [ 3.,  4.]])
    >>> gradient_descent(df, [3, 4], lr=0.5, steps=2).params  # eta = 0.5: minimum in one step
    array([[3., 4.],
           [0., 0.],
           [0., 0.]])
    >>> h = gradient_descent(df, [3, 4], lr=0.1, steps=3, loss=f)  # eta = 0.1: x 0.8 per step
    >>> h.params.round(4)
    array([[3.   , 4.   ],
           [2.4  , 3.2  ],
           [1.92 , 2.56 ],
           [1.536, 2.048]])
    >>> h.loss.round(4)  # x 0.64 per step
    array([25.    , 16.    , 10.24  ,  6.5536])
    """
    x = _check_start("x0", x0)
    lr = check_positive("lr", lr)
    steps = _check_count("steps", steps)
    return _run(grad, x, steps, loss, lambda g: lr * g)


def _run(grad, x, steps, loss, update) -> History:
    params = np.empty((steps + 1, x.size))
    grads = np.empty((steps + 1, x.size))
    params[0] = x
    for t in range(steps + 1):
        g = np.asarray(grad(params[t]), dtype=np.float64).reshape(-1)
        if g.shape != (x.size,):
            raise ValueError(f"grad must return an array of shape ({x.size},); got shape {g.shape}")
        grads[t] = g
        if t < steps:
            params[t + 1] = params[t] - update(g)
    values = [float(loss(p)) for p in params] if loss is not None else np.full(steps + 1, np.nan)
    return History(params=params, loss=values, grads=grads)


def sign_gradient_descent(
    grad: Callable[[np.ndarray], Any],
    x0: Any,
    *,
    lr: float,
    steps: int,
    loss: Callable[[np.ndarray], float] | None = None,
) -> History:
    r"""Sign gradient descent: every coordinate moves by :math:`\eta` against the sign of
    its partial derivative, whatever its size.

    .. math:: x_t = x_{t-1} - \eta\,\operatorname{sign}\bigl(\nabla f(x_{t-1})\bigr),
              \qquad \operatorname{sign}(0) = 0

    This is the rule behind the numbers of the slides' 2-D walk (see :func:`slides_walk`).
    A coordinate whose partial derivative is exactly 0 does not move, so on an integer grid
    with :math:`\eta = 1` a coordinate that reaches the minimiser stays there: the steps
    stop at 0 by themselves. With a start or a step off that grid the walk can overshoot
    and then bounce by :math:`\pm\eta` around the minimum, never closer than the grid
    allows (sign steps do not shrink near the minimum, gradient steps do).

    Parameters and return value as in :func:`gradient_descent` (``grads`` holds the true
    gradients, not their signs).

    >>> sign_gradient_descent(lambda v: 2 * v, [0.5], lr=1.0, steps=3).params.ravel()  # off the grid
    array([ 0.5, -0.5,  0.5, -0.5])
    """
    x = _check_start("x0", x0)
    lr = check_positive("lr", lr)
    steps = _check_count("steps", steps)
    return _run(grad, x, steps, loss, lambda g: lr * np.sign(g))


def _paraboloid(v: np.ndarray) -> float:
    return float(v @ v)


def _paraboloid_grad(v: np.ndarray) -> np.ndarray:
    return 2.0 * v


def slides_walk(steps: int = 4) -> History:
    r"""The slides' 2-D walk on :math:`f(x, y) = x^2 + y^2` from :math:`(3, 4)` with
    :math:`\eta = 1`, recomputed.

    **What the slides show.** The update written on the slide is plain gradient descent,
    :math:`x \leftarrow x - \eta\,\partial f/\partial x`, but the numbers are

    ======  ==========  =================  ===================
    step    (x, y)      gradient (slides)  gradient (true)
    ======  ==========  =================  ===================
    0       (3, 4)      (6, 8)             (6, 8)
    1       (2, 3)      (4, 6)             (4, 6)
    2       (1, 2)      (2, 4)             (2, 4)
    3       (0, 1)      **(0, 0)**         **(0, 2)**
    4       (0, 0)                         (0, 0)
    ======  ==========  =================  ===================

    Each coordinate moves by exactly 1 towards 0: that is :func:`sign_gradient_descent`,
    :math:`x \leftarrow x - \eta\,\operatorname{sign}(\partial f/\partial x)`, which
    reproduces every point. The gradient the slides list at (0, 1) is wrong: it is (0, 2)
    (:math:`\partial f/\partial y = 2y = 2`); with a zero gradient the walk would stop at
    (0, 1), and it is the sign of that 2 that moves :math:`y` to 0.

    **What plain gradient descent does** from (3, 4), where each step multiplies the point
    by :math:`1 - 2\eta`: :math:`\eta = 1` oscillates (3, 4), (-3, -4), (3, 4), ... forever;
    :math:`\eta = 0.5` lands on the minimum (0, 0) in one step; :math:`\eta = 0.1`
    converges geometrically, by a factor 0.8 per step (see :func:`gradient_descent`).

    Parameters
    ----------
    steps : int
        Number of sign steps (4 reaches the minimum; later steps stay there).

    Returns
    -------
    History
        ``params``, ``loss`` = :math:`x^2 + y^2` and ``grads`` (the true gradients).

    Examples
    --------
    >>> h = slides_walk()
    >>> h.params.astype(int).tolist()
    [[3, 4], [2, 3], [1, 2], [0, 1], [0, 0]]
    >>> h.grads.astype(int).tolist()  # the slides print (0, 0) for the 4th row
    [[6, 8], [4, 6], [2, 4], [0, 2], [0, 0]]
    >>> h.loss.tolist()
    [25.0, 13.0, 5.0, 1.0, 0.0]
    >>> gradient_descent(_paraboloid_grad, [3, 4], lr=1.0, steps=3).params.astype(int).tolist()
    [[3, 4], [-3, -4], [3, 4], [-3, -4]]
    """
    return sign_gradient_descent(_paraboloid_grad, [3.0, 4.0], lr=1.0, steps=steps, loss=_paraboloid)


def square_function_walk(x0: float = 10.0, *, lr: float = 0.1, steps: int = 10) -> History:
    r"""Gradient descent on the square function :math:`f(x) = x^2`, :math:`f'(x) = 2x`.

    .. math:: x_t = x_{t-1} - \eta f'(x_{t-1}) = (1 - 2\eta)\,x_{t-1}

    so :math:`x_t = (1 - 2\eta)^t x_0`: it converges for :math:`0 < \eta < 1`
    (monotonically for :math:`\eta < 0.5`, in one step for :math:`\eta = 0.5`, oscillating
    above), oscillates between :math:`\pm x_0` at :math:`\eta = 1` and diverges above.

    Returns
    -------
    History
        ``params`` of shape (steps + 1, 1), ``loss`` :math:`= x_t^2`, ``grads`` :math:`= 2x_t`.

    Examples
    --------
    >>> square_function_walk(10.0, lr=0.1, steps=4).params.ravel().round(4)
    array([10.   ,  8.   ,  6.4  ,  5.12 ,  4.096])
    >>> square_function_walk(10.0, lr=0.75, steps=3).params.ravel()  # 1 - 2 eta = -0.5
    array([10.  , -5.  ,  2.5 , -1.25])
    >>> square_function_walk(1.0, lr=1.5, steps=3).params.ravel()  # 1 - 2 eta = -2: diverges
    array([ 1., -2.,  4., -8.])
    """
    return gradient_descent(_paraboloid_grad, [x0], lr=lr, steps=steps, loss=_paraboloid)


# === 2. Logistic regression by (stochastic) gradient descent =============================

def _sample_step(xb: np.ndarray, y: float, theta: np.ndarray, lr: float, loss: str):
    """The lesson's steps 2-5 for one sample; xb = (1, x_1, ..., x_n)."""
    z = float(xb @ theta)                                     # 2. predict: z = theta^T x
    y_hat = _sigmoid_scalar(z)                                #    y_hat = sigma(z)
    if loss == "bce":
        value = _softplus_scalar(z) - y * z                   # 3. -y log y_hat - (1-y) log(1-y_hat)
        grad = (y_hat - y) * xb                               # 4. x (y_hat - y)
    else:
        value = (y_hat - y) ** 2                              # 3. (y_hat - y)^2
        grad = 2.0 * (y_hat - y) * y_hat * (1.0 - y_hat) * xb  # 4. 2x(y_hat - y) y_hat (1 - y_hat)
    return z, y_hat, value, grad, theta - lr * grad            # 5. theta - eta grad


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
    loss = _check_choice("loss", loss, ("bce", "mse"))
    xb = np.concatenate([[1.0], x_arr])
    z, y_hat, value, grad, new = _sample_step(xb, float(y_arr), theta_arr, lr, loss)
    return SGDStep(x=x_arr, y=float(y_arr), theta=theta_arr, z=z, y_hat=y_hat, loss=value,
                   grad=grad, theta_new=new)


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
    epochs = _check_count("epochs", epochs)
    loss = _check_choice("loss", loss, ("bce", "mse"))
    order = _check_choice("order", order, ("sequential", "shuffle"))
    if tol is not None:
        tol = float(as_float_array("tol", tol, ndim=None))
    rng = np.random.default_rng(seed)
    Xb = _add_bias(X_arr)
    m, p = Xb.shape

    params, samples, y_hats, losses, grads = [theta.copy()], [], [], [], []
    best = float(_objective_along(Xb, y_arr, theta[None, :], loss)[0])
    stalled = 0
    for _ in range(epochs):
        visit = rng.permutation(m) if order == "shuffle" else range(m)
        for i in visit:                                        # 1. pick a sample
            _, y_hat, value, grad, theta = _sample_step(Xb[i], y_arr[i], theta, lr, loss)
            params.append(theta)
            samples.append(int(i)); y_hats.append(y_hat); losses.append(value); grads.append(grad)
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
    epochs = _check_count("epochs", epochs)
    batch_size = _check_count("batch_size", batch_size, minimum=1)
    loss = _check_choice("loss", loss, ("bce", "mse"))
    rng = np.random.default_rng(seed)
    Xb = _add_bias(X_arr)
    m = Xb.shape[0]

    params = [theta.copy()]
    for _ in range(epochs):
        perm = rng.permutation(m)
        for a in range(0, m, batch_size):
            batch = perm[a:a + batch_size]
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
    steps = _check_count("steps", steps)
    loss = _check_choice("loss", loss, ("bce", "mse"))
    tol = float(as_float_array("tol", tol, ndim=None))
    Xb = _add_bias(X_arr)

    params, grads = [theta], []
    for t in range(steps + 1):
        g = _batch_grad(Xb, y_arr, params[-1], loss)
        grads.append(g)
        if t == steps or np.max(np.abs(g)) <= tol:
            break
        params.append(params[-1] - lr * g)
    P = np.array(params)
    return History(params=P, loss=_objective_along(Xb, y_arr, P, loss), grads=np.array(grads))


# === 3. Newton's method for the BCE =====================================================

#: Rows per block in Newton's fused pass. Why 4096: a block of X (4096 x 20 float64 =
#: 640 kB) and its scaled copy stay in a 1-2 MB L2 cache while the six BLAS/ufunc steps of
#: the pass use it, so X is read from memory once per pass; smaller blocks pay Python's
#: per-call overhead (about 25 NumPy calls per block), larger ones spill out of L2.
NEWTON_BLOCK_ROWS = 4096

#: Relative size below which a Cholesky pivot or a singular value of the Hessian counts as
#: zero. Why 1e-12: float64 keeps ~16 digits and forming H from X loses up to about half
#: of them for condition numbers near 1e8; a pivot 1e-12 below the largest is noise.
_SINGULAR = 1e-12

#: Armijo constant c in L(theta + t d) <= L(theta) + c t g^T d (Nocedal & Wright's 1e-4).
_ARMIJO = 1e-4


class _NewtonState:
    """Everything Newton keeps between iterations, for a C-contiguous X (m, n).

    u = (1 - 2y) * z is the *signed* logit: the per-sample loss is softplus(u), the
    residual sigma(z) - y is (1 - 2y) sigma(u), and u < 0 means "correctly classified".
    Working with u needs one sign per sample and no branch on y.
    """

    def __init__(self, X: np.ndarray, y: np.ndarray, block: int) -> None:
        m, n = X.shape
        self.X, self.m, self.n, self.block = X, m, n, block
        self.sign = 1.0 - 2.0 * y
        self.u = np.zeros(m)          # signed logits at theta
        self.u_trial = np.empty(m)    # signed logits at theta + d (line search)
        self.su = np.empty(m)         # sign * X_b d: u(theta + t d) = u + t su
        b = min(block, m)
        self.W = np.empty((b, n))
        self.tmp = [np.empty(b) for _ in range(4)]

    # -- 2. gradient and Hessian (one pass over X) -----------------------------------------
    def pass_over_data(self, d: np.ndarray | None, u_out: np.ndarray):
        """u_out = u + sign * X_b d (if d is given; else u_out is u), then the mean loss,
        gradient and Hessian at u_out, all in one pass over X, block by block."""
        X, sign, n = self.X, self.sign, self.n
        H = np.zeros((n, n)); h0 = np.zeros(n); g = np.zeros(n)
        hbb = gb = s_abs = s_u = s_log = 0.0
        max_u = -np.inf
        for a in range(0, self.m, self.block):
            e_ = min(a + self.block, self.m); k = e_ - a
            Xc, sg = X[a:e_], sign[a:e_]
            A, E, Q, R = (t[:k] for t in self.tmp)
            if d is not None:                       # the line search's direction, reused
                su = self.su[a:e_]
                np.dot(Xc, d[1:], out=su)
                su += d[0]
                su *= sg
                uc = u_out[a:e_]
                np.add(self.u[a:e_], su, out=uc)
            else:
                uc = self.u[a:e_]
            # loss: softplus(u) = max(u, 0) + log1p(e^{-|u|}), and sum max(u, 0) = (sum u + sum |u|) / 2
            np.abs(uc, out=A)
            s_abs += A.sum(); s_u += uc.sum(); max_u = max(max_u, uc.max())
            np.negative(A, out=E); np.exp(E, out=E)     # e = exp(-|u|) in (0, 1]: no overflow
            np.log1p(E, out=Q); s_log += Q.sum()
            np.add(E, 1.0, out=Q); np.reciprocal(Q, out=Q)  # q = 1 / (1 + e) = sigma(|u|)
            np.multiply(E, Q, out=R)                     # e q = sigma(-|u|)
            np.multiply(R, Q, out=A)                     # s = sigma(u) sigma(-u) = e q^2, exact for large |u|
            np.copyto(R, Q, where=uc >= 0)               # sigma(u): q if u >= 0, else e q
            R *= sg                                      # r = sigma(z) - y = sign * sigma(u)
            g += R @ Xc; gb += R.sum()
            hbb += A.sum()
            np.sqrt(A, out=A)
            Wc = self.W[:k]
            np.multiply(Xc, A[:, None], out=Wc)          # rows of X scaled by sqrt(s)
            H += Wc.T @ Wc                               # NumPy calls BLAS syrk for W^T W
            h0 += A @ Wc
        m = self.m
        grad = np.concatenate([[gb], g]) / m
        hess = np.empty((n + 1, n + 1))
        hess[0, 0] = hbb; hess[0, 1:] = h0; hess[1:, 0] = h0; hess[1:, 1:] = H
        hess /= m
        loss = (0.5 * (s_u + s_abs) + s_log) / m
        return loss, grad, hess, max_u

    def loss_at(self, t: float) -> float:
        """Mean loss at theta + t d from the stored su: O(m), no pass over X."""
        u = self.u + t * self.su
        return float(np.mean(np.maximum(u, 0.0) + np.log1p(np.exp(-np.abs(u)))))


def _inner_solve(H: np.ndarray, g: np.ndarray) -> tuple[np.ndarray, float]:
    """3. Newton direction d with H d = -g, and half the squared Newton decrement.

    Cholesky first (H is positive definite unless columns are collinear or every sample
    is predicted with certainty); if it fails, or succeeds only by rounding (a pivot
    below 1e-12 of the largest diagonal entry, i.e. H singular to working precision), the
    minimum-norm least-squares solution, which ignores directions the loss does not
    depend on (e.g. the difference of two identical columns' weights); if even that is not
    a descent direction, steepest descent.
    """
    try:
        L = np.linalg.cholesky(H)
        if np.min(np.diag(L)) ** 2 <= _SINGULAR * np.max(np.diag(H)):
            raise np.linalg.LinAlgError("singular to working precision")
        d = np.linalg.solve(L.T, np.linalg.solve(L, -g))
    except np.linalg.LinAlgError:
        d = np.linalg.lstsq(H, -g, rcond=_SINGULAR)[0]
    slope = float(g @ d)
    if not slope < 0.0 and np.any(g):
        d, slope = -g, -float(g @ g)
    return d, 0.5 * max(-slope, 0.0)


def newton(
    X: Any,
    y: Any,
    theta0: Any = None,
    *,
    max_iter: int = 100,
    tol: float = 1e-10,
    block_rows: int = NEWTON_BLOCK_ROWS,
) -> NewtonHistory:
    r"""Newton's method for the mean binary cross-entropy of logistic regression.

    .. math::

        \theta_{k+1} = \theta_k + t_k d_k, \qquad
        \nabla^2 L(\theta_k)\, d_k = -\nabla L(\theta_k), \qquad
        \nabla L = \tfrac1m X_b^\top(\hat y - y), \quad
        \nabla^2 L = \tfrac1m X_b^\top \operatorname{diag}\bigl(\hat y(1 - \hat y)\bigr) X_b

    **Map of the solver** (the order of scikit-learn's ``NewtonSolver``):

    1. *set-up*: :math:`\theta_0` (default: :math:`w = 0` and
       :math:`b = \operatorname{logit}(\bar y)`, the best intercept-only model, so no pass
       over X is needed to know the logits);
    2. *gradient and Hessian*: one pass over X, block by block
       (``_NewtonState.pass_over_data``): logits, loss, :math:`\hat y - y` and
       :math:`\hat y(1 - \hat y)`, :math:`X^\top r` and
       :math:`(X\sqrt{s})^\top(X\sqrt{s})` (BLAS ``syrk``), while the block is in cache;
    3. *inner solve* (``_inner_solve``): Cholesky of the Hessian; if it is not positive
       definite, the least-squares solution; if that is not a descent direction, :math:`-g`;
    4. *line search*: Armijo backtracking from :math:`t = 1`,
       :math:`L(\theta + t d) \le L(\theta) + 10^{-4}\,t\,g^\top d`. The trial
       :math:`t = 1` is the pass of step 2 for the next iterate: it computes
       :math:`X_b d` once, stores it, and gets the loss *and* the next gradient and
       Hessian together. Near the optimum (where Newton's full step is accepted) each
       iteration therefore reads X once. A shorter :math:`t` costs :math:`O(m)` per trial
       (:math:`z + t X_b d` from the stored :math:`X_b d`) plus one pass for the new
       gradient and Hessian. When the loss change is below rounding, the step is accepted
       if the gradient shrank (as scikit-learn does);
    5. *convergence check*: stop when half the squared Newton decrement
       :math:`\tfrac12\lambda^2 = \tfrac12 g^\top H^{-1} g` is at most ``tol``. For this
       convex loss, near the optimum, it estimates :math:`L(\theta) - L^\star`; Newton's
       convergence is quadratic there, so 5-8 iterations from the set-up point are usual.
       Also stop, with a :class:`SeparableDataWarning`, as soon as an iterate classifies
       every sample correctly: then no minimiser exists and the weights would only grow.

    Parameters
    ----------
    X : array_like, shape (m, n)
    y : array_like, shape (m,)
        Labels in {0, 1}.
    theta0 : array_like, shape (n + 1,), optional
        Start; default as in step 1.
    max_iter : int
        Maximum number of Newton iterations.
    tol : float
        Tolerance on :math:`\tfrac12\lambda^2` (an estimate of the gap to the optimal
        mean loss).
    block_rows : int
        Rows per block of the pass over X (:data:`NEWTON_BLOCK_ROWS`).

    Returns
    -------
    NewtonHistory
        ``params``, ``loss``, ``grads`` per iterate, and ``decrement``, ``step_size``,
        ``converged``, ``separable``.

    Warns
    -----
    SeparableDataWarning
        The data are linearly separable.
    NewtonConvergenceWarning
        ``max_iter`` reached, or the line search found no decrease.

    Examples
    --------
    The four-flower data with two overlapping labels (not separable):

    >>> X = [[1.4], [1.5], [3.0], [4.1], [2.0], [2.8]]; y = [0, 0, 1, 1, 1, 0]
    >>> h = newton(X, y)
    >>> h.converged, h.steps, h.step_size.tolist()
    (True, 4, [1.0, 1.0, 1.0, 1.0])
    >>> h.final.round(4), round(float(h.loss[-1]), 6)
    (array([-4.2364,  1.7603]), 0.484081)
    >>> [f"{v:.1e}" for v in h.decrement]  # quadratic convergence: the exponent about doubles
    ['1.8e-01', '1.0e-02', '3.2e-04', '3.8e-07', '5.4e-13']
    """
    X_arr = check_design_matrix("X", X)
    y_arr = check_labels("y", y)
    check_same_length("X", X_arr, "y", y_arr)
    if theta0 is not None:
        theta0 = check_theta("theta0", theta0, X_arr.shape[1])
    max_iter = _check_count("max_iter", max_iter)
    tol = float(as_float_array("tol", tol, ndim=None))
    block_rows = _check_count("block_rows", block_rows, minimum=1)
    return _newton(X_arr, y_arr, theta0, max_iter=max_iter, tol=tol, block_rows=block_rows, stacklevel=3)


def _newton(X_arr: np.ndarray, y_arr: np.ndarray, theta0: np.ndarray | None, *, max_iter: int,
            tol: float, block_rows: int = NEWTON_BLOCK_ROWS, stacklevel: int = 2) -> NewtonHistory:
    """:func:`newton` on validated arrays (the models call this directly)."""
    m, n = X_arr.shape
    X_arr = np.ascontiguousarray(X_arr)
    state = _NewtonState(X_arr, y_arr, block_rows)

    # 1. set-up
    if theta0 is None:
        theta = np.zeros(n + 1)
        mean_y = float(y_arr.mean())
        if 0.0 < mean_y < 1.0:
            theta[0] = math.log(mean_y) - math.log1p(-mean_y)
        state.u[:] = state.sign * theta[0]
        loss, grad, hess, max_u = state.pass_over_data(None, state.u)
    else:
        theta = np.array(theta0, dtype=np.float64)
        loss, grad, hess, max_u = state.pass_over_data(theta, state.u_trial)
        state.u, state.u_trial = state.u_trial, state.u
    d, dec = _inner_solve(hess, grad)

    params, losses, grads, decs, steps = [theta.copy()], [loss], [grad], [dec], []
    separable = bool(max_u < 0.0)
    converged = dec <= tol
    while not converged and not separable and len(steps) < max_iter:
        # 2. gradient and Hessian: known (from the set-up or the last line search)
        # 3. inner solve: d, from the last convergence check
        # 4. line search
        slope = float(grad @ d)
        t = 1.0
        loss_new, grad_new, hess_new, max_u = state.pass_over_data(d, state.u_trial)
        accepted = loss_new <= loss + _ARMIJO * t * slope or (
            abs(loss_new - loss) <= 64 * np.finfo(float).eps * abs(loss)
            and np.max(np.abs(grad_new)) < np.max(np.abs(grad)))
        if accepted:
            state.u, state.u_trial = state.u_trial, state.u
        else:
            while t > 1e-10:
                t *= 0.5
                loss_new = state.loss_at(t)
                if loss_new <= loss + _ARMIJO * t * slope:
                    break
            else:
                warnings.warn(
                    f"newton: the line search found no decrease of the loss along the Newton direction "
                    f"after {len(steps)} iterations (loss {loss:.17g}); stopping. The loss is probably "
                    f"at its minimum up to rounding.", NewtonConvergenceWarning, stacklevel=stacklevel)
                break
            state.u += t * state.su
            loss_new, grad_new, hess_new, max_u = state.pass_over_data(None, state.u)
        theta = theta + t * d
        loss, grad, hess = loss_new, grad_new, hess_new
        steps.append(t)
        # 5. convergence check (its Newton direction is the next iteration's inner solve)
        d, dec = _inner_solve(hess, grad)
        params.append(theta.copy()); losses.append(loss); grads.append(grad); decs.append(dec)
        converged = dec <= tol
        separable = bool(max_u < 0.0)

    if separable:
        warnings.warn(
            f"newton: after {len(steps)} iterations theta classifies all {m} samples correctly: the "
            "data are linearly separable, the BCE loss has no minimiser (it tends to 0 as the "
            "weights grow without bound). Stopping; the returned theta is a separating direction, "
            "not an optimum. Regularise or add overlapping data for a finite solution.",
            SeparableDataWarning, stacklevel=stacklevel)
    elif not converged and len(steps) >= max_iter:
        warnings.warn(
            f"newton: max_iter={max_iter} reached with half squared Newton decrement {dec:.3g} > "
            f"tol={tol:g}; increase max_iter, or check for (quasi-)separable data "
            f"(largest |theta| = {np.max(np.abs(theta)):.3g}).", NewtonConvergenceWarning, stacklevel=stacklevel)
    return NewtonHistory(params=np.array(params), loss=np.array(losses), grads=np.array(grads),
                         decrement=np.array(decs), step_size=np.array(steps),
                         converged=bool(converged), separable=separable)
