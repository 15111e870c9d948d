r"""Gradient descent on toy functions (chapter: optimisation review).

:func:`gradient_descent` is the generic full-batch rule; :func:`square_function_walk`
runs it on :math:`f(x) = x^2`; :func:`sign_gradient_descent` and :func:`slides_walk`
reproduce the slides' 2-D walk on :math:`f(x, y) = x^2 + y^2`, which is a *sign* step,
not a gradient step (see there).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .._validation import as_float_array, check_count, check_positive
from .history import History

__all__ = ["gradient_descent", "sign_gradient_descent", "slides_walk", "square_function_walk"]


def _check_start(name: str, x0: Any) -> np.ndarray:
    arr = as_float_array(name, x0, ndim=None)
    if arr.ndim > 1:
        raise ValueError(f"{name} must be a number or a 1-D array of shape (p,); got shape {arr.shape}")
    return np.atleast_1d(arr).copy()


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
    steps = check_count("steps", steps)
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
    steps = check_count("steps", steps)
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
