r"""Newton's method for the binary cross-entropy (chapter: Newton's method).

The method of the chapter, :math:`\theta \leftarrow \theta - H^{-1}\nabla J(\theta)`, with
the two safeguards the page names: a Cholesky solve for :math:`H d = -g` and an Armijo
line search along :math:`d`. :func:`newton` is the public entry; the steps below are the
solver, one short function each, in the order scikit-learn's ``NewtonSolver`` calls them:

1. *set-up* (:func:`initial_theta`);
2. *gradient and Hessian* (:func:`loss_gradient_hessian`);
3. *inner solve* (:func:`inner_solve`);
4. *line search* (:func:`line_search`);
5. *convergence check* (:func:`is_converged`, :func:`classifies_every_sample`).

On a million rows the same method runs in :mod:`lossbook.optim._newton_fast`, which fuses
steps 2 and 4 into one cache-blocked pass over X (see :func:`newton` for when). It is
tested to give the same iterates as this one.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .._kernels import add_bias, bce_from_logits, sigmoid, sigmoid_derivative
from .._validation import (
    as_float_array,
    check_count,
    check_design_matrix,
    check_labels,
    check_same_length,
    check_theta,
)
from .history import NewtonConvergenceWarning, NewtonHistory, SeparableDataWarning, warn_from_caller

__all__ = ["NEWTON_BLOCK_ROWS", "NEWTON_FAST_MIN_ROWS", "newton"]

#: From this many samples on, :func:`newton` runs the fused solver
#: (:mod:`lossbook.optim._newton_fast`) unless told otherwise. Why 10,000: below it either
#: solver takes a few milliseconds; above it the readable solver's repeated passes over X
#: and its scaled copy cost 2-5 times the fused single pass (measured at 20 features:
#: 10 ms against 5 ms at 10,000 rows, 3.5 s against 0.7 s at 1,000,000). Every data set
#: of the book is far below it, so the book's numbers come from the readable solver.
NEWTON_FAST_MIN_ROWS = 10_000

#: Rows per block of the fused solver's pass over X (why 4096: see
#: :mod:`lossbook.optim._newton_fast`).
NEWTON_BLOCK_ROWS = 4096

#: Relative size below which a Cholesky pivot or a singular value of the Hessian counts as
#: zero. Why 1e-12: float64 keeps ~16 digits and forming H from X loses up to about half
#: of them for condition numbers near 1e8; a pivot 1e-12 below the largest is noise.
SINGULAR = 1e-12

#: Armijo constant c in J(theta + t d) <= J(theta) + c t g^T d (Nocedal & Wright's 1e-4).
ARMIJO = 1e-4

#: The line search gives up below this step: 1e-10 of the Newton step changes no digit a
#: page prints, and halving from 1 reaches it in 34 trials.
MIN_STEP = 1e-10

#: A change of the loss this small relative to the loss (64 float64 epsilons) is
#: rounding, not a change: near the optimum Armijo's test then compares noise.
ROUNDING = 64 * np.finfo(np.float64).eps


# --- 1. set-up ----------------------------------------------------------------------------


def initial_theta(y: np.ndarray, n_features: int) -> np.ndarray:
    r"""The start: :math:`w = 0` and :math:`b = \operatorname{logit}(\bar y)`, the best
    intercept-only model (its gradient is zero along :math:`b`).

    >>> initial_theta(np.array([0.0, 1.0, 1.0, 1.0]), 2).round(4)  # logit(3/4) = ln 3
    array([1.0986, 0.    , 0.    ])
    """
    theta = np.zeros(n_features + 1)
    mean_y = float(y.mean())
    if 0.0 < mean_y < 1.0:
        theta[0] = math.log(mean_y) - math.log1p(-mean_y)
    return theta


# --- 2. gradient and Hessian --------------------------------------------------------------


def loss_gradient_hessian(
    Xb: np.ndarray, y: np.ndarray, theta: np.ndarray
) -> tuple[float, np.ndarray, np.ndarray, np.ndarray]:
    r"""The loss, its gradient and its Hessian at ``theta``, and the logits.

    .. math::

        z = X_b\theta, \quad \hat y = \sigma(z), \quad
        \nabla J = \tfrac1m X_b^\top(\hat y - y), \quad
        \nabla^2 J = \tfrac1m X_b^\top \operatorname{diag}\bigl(\hat y(1 - \hat y)\bigr) X_b

    The Hessian is formed as :math:`\tfrac1m W^\top W` with
    :math:`W = \operatorname{diag}(\sqrt{\hat y(1 - \hat y)})\,X_b`: exactly symmetric,
    and NumPy hands :math:`W^\top W` to BLAS ``syrk``.

    >>> loss, grad, hess, z = loss_gradient_hessian(np.array([[1.0, 1.4]]), np.array([0.0]),
    ...                                             np.array([0.1, -0.1]))
    >>> round(loss, 4), grad.round(4), hess.round(4)
    (0.6733, array([0.49 , 0.686]), array([[0.2499, 0.3499],
           [0.3499, 0.4898]]))
    """
    m = Xb.shape[0]
    z = Xb @ theta
    loss = float(np.mean(bce_from_logits(y, z)))
    grad = Xb.T @ (sigmoid(z) - y) / m
    scaled = Xb * np.sqrt(sigmoid_derivative(z))[:, None]
    hess = scaled.T @ scaled / m
    return loss, grad, hess, z


# --- 3. inner solve -----------------------------------------------------------------------


def inner_solve(hess: np.ndarray, grad: np.ndarray) -> tuple[np.ndarray, float]:
    r"""The Newton direction :math:`d` with :math:`H d = -g`, and half the squared Newton
    decrement :math:`\tfrac12\delta^2 = -\tfrac12 g^\top d = \tfrac12 g^\top H^{-1} g`.

    Cholesky first, :math:`H = L L^\top`, then two triangular solves. :math:`H` is
    positive definite unless columns are collinear or every sample is predicted with
    certainty; if the factorisation fails, or succeeds only by rounding (a pivot below
    :data:`SINGULAR` of the largest diagonal entry), the minimum-norm least-squares
    solution, which ignores directions the loss does not depend on (e.g. the difference
    of two identical columns' weights); if even that is not a descent direction, the
    steepest descent :math:`d = -g`.

    >>> d, half_dec = inner_solve(np.array([[2.0, 0.0], [0.0, 4.0]]), np.array([2.0, 2.0]))
    >>> d, half_dec
    (array([-1. , -0.5]), 1.5)
    """
    try:
        lower = np.linalg.cholesky(hess)
        if np.min(np.diag(lower)) ** 2 <= SINGULAR * np.max(np.diag(hess)):
            raise np.linalg.LinAlgError("singular to working precision")
        direction = np.linalg.solve(lower.T, np.linalg.solve(lower, -grad))
    except np.linalg.LinAlgError:
        direction = np.linalg.lstsq(hess, -grad, rcond=SINGULAR)[0]
    slope = float(grad @ direction)
    if not slope < 0.0 and np.any(grad):
        direction, slope = -grad, -float(grad @ grad)
    return direction, 0.5 * max(-slope, 0.0)


# --- 4. line search -----------------------------------------------------------------------


def sufficient_decrease(loss_new: float, loss: float, t: float, slope: float) -> bool:
    r"""Armijo's test: :math:`J(\theta + t d) \le J(\theta) + c\,t\,g^\top d`, :math:`c = 10^{-4}`."""
    return loss_new <= loss + ARMIJO * t * slope


def only_rounding(loss_new: float, loss: float) -> bool:
    """The two losses differ by rounding only (see :data:`ROUNDING`)."""
    return abs(loss_new - loss) <= ROUNDING * abs(loss)


def line_search(
    Xb: np.ndarray, y: np.ndarray, theta: np.ndarray, loss: float, grad: np.ndarray, d: np.ndarray
) -> float | None:
    r"""The step :math:`t` along :math:`d`: Armijo backtracking from the full step.

    Try :math:`t = 1, \tfrac12, \tfrac14, \dots` and return the first :math:`t` that
    passes :func:`sufficient_decrease`; ``None`` once :math:`t` is below
    :data:`MIN_STEP`. When the full step changes the loss by rounding only, it is
    accepted if the gradient shrank (scikit-learn does the same): at the optimum the
    loss can no longer tell a better point from a worse one, the gradient can.

    >>> Xb, y = np.array([[1.0, 1.4], [1.0, 3.0]]), np.array([0.0, 1.0])
    >>> theta = np.zeros(2)
    >>> loss, grad, hess, _ = loss_gradient_hessian(Xb, y, theta)
    >>> line_search(Xb, y, theta, loss, grad, inner_solve(hess, grad)[0])
    1.0
    """
    slope = float(grad @ d)
    t = 1.0
    while True:
        z_new = Xb @ (theta + t * d)
        loss_new = float(np.mean(bce_from_logits(y, z_new)))
        if sufficient_decrease(loss_new, loss, t, slope):
            return t
        if t == 1.0 and only_rounding(loss_new, loss):
            grad_new = Xb.T @ (sigmoid(z_new) - y) / Xb.shape[0]
            if np.max(np.abs(grad_new)) < np.max(np.abs(grad)):
                return t
        if t <= MIN_STEP:
            return None
        t *= 0.5


# --- 5. convergence check -----------------------------------------------------------------


def is_converged(half_decrement: float, tol: float) -> bool:
    r"""Stop when :math:`\tfrac12\delta^2 \le` ``tol``: for this convex loss, near the
    optimum, :math:`\tfrac12\delta^2` estimates :math:`J(\theta) - J^\star`."""
    return half_decrement <= tol


def classifies_every_sample(y: np.ndarray, z: np.ndarray) -> bool:
    r"""Every sample on its correct side, :math:`(2y_i - 1)\,z_i > 0`: the data are
    linearly separable and :math:`J` has no minimiser (:class:`SeparableDataWarning`).

    >>> classifies_every_sample(np.array([0.0, 1.0]), np.array([-0.5, 2.0]))
    True
    """
    return bool(np.all((2.0 * y - 1.0) * z > 0.0))


# --- the record, and how a run ends -------------------------------------------------------


def finish(
    record: list[tuple[np.ndarray, float, np.ndarray, float]],
    steps: list[float],
    *,
    converged: bool,
    separable: bool,
    stalled: bool,
    max_iter: int,
    tol: float,
    m: int,
) -> NewtonHistory:
    """Warn if the run did not converge (why, and what to do), then freeze the record.

    ``record`` holds ``(theta, loss, gradient, half decrement)`` per iterate, ``steps``
    the line-search step of each iteration.
    """
    params, losses, grads, decrements = zip(*record, strict=True)
    theta, iterations = params[-1], len(steps)
    if stalled:
        warn_from_caller(
            f"newton: the line search found no decrease of the loss along the Newton direction after "
            f"{iterations} iterations (loss {losses[-1]:.17g}); stopping. The loss is probably at its "
            "minimum up to rounding.",
            NewtonConvergenceWarning,
        )
    elif separable:
        warn_from_caller(
            f"newton: after {iterations} iterations theta classifies all {m} samples correctly: the "
            "data are linearly separable, the BCE loss has no minimiser (it tends to 0 as the "
            "weights grow without bound). Stopping; the returned theta is a separating direction, "
            "not an optimum. Regularise or add overlapping data for a finite solution.",
            SeparableDataWarning,
        )
    elif not converged:
        warn_from_caller(
            f"newton: max_iter={max_iter} reached with half squared Newton decrement {decrements[-1]:.3g} "
            f"> tol={tol:g}; increase max_iter, or check for (quasi-)separable data "
            f"(largest |theta| = {np.max(np.abs(theta)):.3g}).",
            NewtonConvergenceWarning,
        )
    return NewtonHistory(
        params=np.array(params),
        loss=np.array(losses),
        grads=np.array(grads),
        decrement=np.array(decrements),
        step_size=np.array(steps),
        converged=bool(converged),
        separable=bool(separable),
    )


def solve(X: np.ndarray, y: np.ndarray, theta0: np.ndarray | None, *, max_iter: int, tol: float) -> NewtonHistory:
    """Steps 1-5 on checked arrays: the solver the chapter describes."""
    Xb = add_bias(X)
    theta = initial_theta(y, X.shape[1]) if theta0 is None else np.array(theta0, dtype=np.float64)  # 1.
    loss, grad, hess, z = loss_gradient_hessian(Xb, y, theta)  # 2.
    d, half_decrement = inner_solve(hess, grad)  # 3.
    record, steps = [(theta, loss, grad, half_decrement)], []
    converged, separable = is_converged(half_decrement, tol), classifies_every_sample(y, z)  # 5.
    stalled = False
    while not (converged or separable) and len(steps) < max_iter:
        t = line_search(Xb, y, theta, loss, grad, d)  # 4.
        if t is None:
            stalled = True
            break
        theta = theta + t * d
        loss, grad, hess, z = loss_gradient_hessian(Xb, y, theta)  # 2.
        d, half_decrement = inner_solve(hess, grad)  # 3.
        converged, separable = is_converged(half_decrement, tol), classifies_every_sample(y, z)  # 5.
        record.append((theta, loss, grad, half_decrement))
        steps.append(t)
    return finish(
        record,
        steps,
        converged=converged,
        separable=separable,
        stalled=stalled,
        max_iter=max_iter,
        tol=tol,
        m=X.shape[0],
    )


# --- the public entry ---------------------------------------------------------------------


def newton(
    X: Any,
    y: Any,
    theta0: Any = None,
    *,
    max_iter: int = 100,
    tol: float = 1e-10,
    fast: bool | None = None,
    block_rows: int = NEWTON_BLOCK_ROWS,
) -> NewtonHistory:
    r"""Newton's method for the mean binary cross-entropy of logistic regression.

    .. math::

        \theta_{k+1} = \theta_k + t_k d_k, \qquad
        \nabla^2 J(\theta_k)\, d_k = -\nabla J(\theta_k), \qquad
        \nabla J = \tfrac1m X_b^\top(\hat y - y), \quad
        \nabla^2 J = \tfrac1m X_b^\top \operatorname{diag}\bigl(\hat y(1 - \hat y)\bigr) X_b

    With :math:`t_k = 1` this is the chapter's :math:`\theta \leftarrow \theta - H^{-1}\nabla J`.

    **Map of the solver** (the order of scikit-learn's ``NewtonSolver``; :func:`solve`
    reads the same way):

    1. *set-up* (:func:`initial_theta`): :math:`\theta_0`, by default :math:`w = 0` and
       :math:`b = \operatorname{logit}(\bar y)`, the best intercept-only model;
    2. *gradient and Hessian* (:func:`loss_gradient_hessian`): logits, loss,
       :math:`\hat y - y` and :math:`\hat y(1 - \hat y)`, then :math:`X_b^\top(\hat y - y)`
       and :math:`X_b^\top S X_b`;
    3. *inner solve* (:func:`inner_solve`): :math:`d` from :math:`H d = -g` by Cholesky;
       if :math:`H` is not positive definite, the least-squares solution; if that is not a
       descent direction, :math:`-g`;
    4. *line search* (:func:`line_search`): Armijo backtracking from :math:`t = 1`,
       :math:`J(\theta + t d) \le J(\theta) + 10^{-4}\,t\,g^\top d`;
    5. *convergence check*: stop when half the squared Newton decrement
       :math:`\tfrac12\delta^2 = \tfrac12 g^\top H^{-1} g` is at most ``tol`` (for this
       convex loss, near the optimum, it estimates :math:`J(\theta) - J^\star`; Newton's
       convergence is quadratic there, so 5-8 iterations from the set-up point are usual).
       Also stop, with a :class:`SeparableDataWarning`, as soon as an iterate classifies
       every sample correctly: then no minimiser exists and the weights would only grow.

    **Two implementations, one method.** With ``fast=None`` (the default), data with at
    least :data:`NEWTON_FAST_MIN_ROWS` (10,000) samples go to
    :mod:`lossbook.optim._newton_fast`, which does steps 2 and 4 in one cache-blocked pass
    over X (``block_rows`` rows at a time) and stores :math:`X_b d` so that a shorter
    step costs no further pass; smaller data, every data set of the book among them, go
    to :func:`solve`, the steps above written out. ``fast=True`` or ``fast=False`` picks
    one. Both give the same iterates up to rounding (``tests/test_optim.py``).

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
        Tolerance on :math:`\tfrac12\delta^2` (an estimate of the gap to the optimal
        mean loss).
    fast : bool or None
        Use the fused solver; ``None``: when ``m >= NEWTON_FAST_MIN_ROWS``.
    block_rows : int
        Rows per block of the fused solver's pass over X (:data:`NEWTON_BLOCK_ROWS`).

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
    >>> bool(np.allclose(newton(X, y, fast=True).params, h.params, rtol=1e-12))
    True
    """
    X_arr = check_design_matrix("X", X)
    y_arr = check_labels("y", y)
    check_same_length("X", X_arr, "y", y_arr)
    if theta0 is not None:
        theta0 = check_theta("theta0", theta0, X_arr.shape[1])
    max_iter = check_count("max_iter", max_iter)
    tol = float(as_float_array("tol", tol, ndim=None))
    block_rows = check_count("block_rows", block_rows, minimum=1)
    if fast is None:
        fast = X_arr.shape[0] >= NEWTON_FAST_MIN_ROWS
    elif not isinstance(fast, (bool, np.bool_)):
        raise TypeError(f"fast must be True, False or None; got {type(fast).__name__} {fast!r}")
    if fast:
        from . import _newton_fast  # imported here: it builds on this module's steps

        return _newton_fast.solve(X_arr, y_arr, theta0, max_iter=max_iter, tol=tol, block_rows=block_rows)
    return solve(X_arr, y_arr, theta0, max_iter=max_iter, tol=tol)
