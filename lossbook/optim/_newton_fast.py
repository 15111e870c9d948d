r"""The same Newton's method as :mod:`lossbook.optim.newton`, fused and cache-blocked for
large data.

Why it exists: ``benchmarks/bench_newton.py`` asks ``LogisticRegression(solver="newton")``
to reach the optimum of 1,000,000 x 20 standardised features in at most 0.8 x the time of
scikit-learn's fastest solver. The readable solver reads X (160 MB) and a scaled copy
several times per iteration (about 5 times slower there); this one reads it once. :func:`lossbook.optim.newton`
sends data of :data:`~lossbook.optim.newton.NEWTON_FAST_MIN_ROWS` rows or more here. It
shares steps 1, 3 and 5 (set-up, inner solve, convergence check) with the readable
solver and differs in two ways only:

- **steps 2 and 4 in one pass.** The full-step trial :math:`\theta + d` of the line
  search is computed *as* the next iterate's loss, gradient and Hessian: one pass over X,
  block by block (:meth:`_FusedPass.loss_gradient_hessian`), stores :math:`X_b d`, and
  near the optimum, where the full step is accepted, each iteration reads X once. A
  shorter step costs :math:`O(m)` (:meth:`_FusedPass.loss_at`) plus one pass for the new
  gradient and Hessian.
- **signed logits.** :math:`u = (1 - 2y)\,z` is used instead of :math:`z`: the
  per-sample loss is :math:`\operatorname{softplus}(u)`, the residual
  :math:`\hat y - y` is :math:`(1 - 2y)\,\sigma(u)`, and :math:`u < 0` means "correctly
  classified". One sign per sample, no branch on :math:`y`.

``tests/test_optim.py`` checks that both solvers give the same iterates.
"""

from __future__ import annotations

import numpy as np

from .._kernels import softplus
from .history import NewtonHistory
from .newton import MIN_STEP, finish, initial_theta, inner_solve, is_converged, only_rounding, sufficient_decrease

__all__ = ["solve"]

# Why blocks of NEWTON_BLOCK_ROWS = 4096 rows (the default of ``block_rows``): a block of
# X (4096 x 20 float64 = 640 kB) and its scaled copy stay in a 1-2 MB L2 cache while the
# six BLAS/ufunc steps of the pass use it, so X is read from memory once per pass; smaller
# blocks pay Python's per-call overhead (about 25 NumPy calls per block), larger ones
# spill out of L2.


class _FusedPass:
    """The signed logits of the current iterate and of the line search's trial, and the
    fused pass that turns them into the loss, gradient and Hessian."""

    def __init__(self, X: np.ndarray, y: np.ndarray, block_rows: int) -> None:
        self.X = X
        self.m, self.n = X.shape
        self.block_rows = block_rows
        self.sign = 1.0 - 2.0 * y
        self.logits = np.zeros(self.m)  # u at theta
        self.trial_logits = np.empty(self.m)  # u at theta + d
        self.step_logits = np.empty(self.m)  # sign * X_b d, so u(theta + t d) = u + t * step_logits
        rows = min(block_rows, self.m)
        self.scaled_rows = np.empty((rows, self.n))
        self.buffers = [np.empty(rows) for _ in range(4)]

    def accept_trial(self) -> None:
        """The trial point becomes the current one (swap, no copy)."""
        self.logits, self.trial_logits = self.trial_logits, self.logits

    def loss_gradient_hessian(
        self, direction: np.ndarray | None, out: np.ndarray
    ) -> tuple[float, np.ndarray, np.ndarray, bool]:
        """Loss, gradient, Hessian and "every sample correctly classified" at ``out``.

        With a ``direction`` d, first ``out = logits + sign * X_b d`` (and
        ``step_logits = sign * X_b d`` is kept); without one, ``out`` must be ``logits``.
        All in one pass over X, block by block.
        """
        X, sign, n = self.X, self.sign, self.n
        hess_weights = np.zeros((n, n))
        hess_bias_weights = np.zeros(n)
        grad_weights = np.zeros(n)
        hess_bias = grad_bias = sum_abs_u = sum_u = sum_log = 0.0
        largest_u = -np.inf
        for start in range(0, self.m, self.block_rows):
            stop = min(start + self.block_rows, self.m)
            rows = stop - start
            X_block, sign_block = X[start:stop], sign[start:stop]
            abs_u, exp_neg, sigma_abs, residual = (buffer[:rows] for buffer in self.buffers)
            u = out[start:stop]
            if direction is not None:  # the line search's trial theta + d
                step = self.step_logits[start:stop]
                np.dot(X_block, direction[1:], out=step)
                step += direction[0]
                step *= sign_block
                np.add(self.logits[start:stop], step, out=u)

            # loss: softplus(u) = max(u, 0) + log1p(e^{-|u|}), and sum max(u, 0) = (sum u + sum |u|) / 2
            np.abs(u, out=abs_u)
            sum_abs_u += abs_u.sum()
            sum_u += u.sum()
            largest_u = max(largest_u, u.max())
            np.negative(abs_u, out=exp_neg)
            np.exp(exp_neg, out=exp_neg)  # e^{-|u|} in (0, 1]: no overflow
            np.log1p(exp_neg, out=sigma_abs)
            sum_log += sigma_abs.sum()

            # sigma(|u|) = 1 / (1 + e^{-|u|}); sigma(-|u|) = e^{-|u|} sigma(|u|)
            np.add(exp_neg, 1.0, out=sigma_abs)
            np.reciprocal(sigma_abs, out=sigma_abs)
            np.multiply(exp_neg, sigma_abs, out=residual)  # sigma(-|u|)
            curvature = abs_u  # reuse the buffer: |u| is summed
            np.multiply(residual, sigma_abs, out=curvature)  # sigma(u) sigma(-u), exact for large |u|
            np.copyto(residual, sigma_abs, where=u >= 0)  # sigma(u): sigma(|u|) if u >= 0, else sigma(-|u|)
            residual *= sign_block  # y_hat - y = sign * sigma(u)

            # gradient X_b^T (y_hat - y) and Hessian X_b^T diag(s) X_b, while the block is in cache
            grad_weights += residual @ X_block
            grad_bias += residual.sum()
            hess_bias += curvature.sum()
            np.sqrt(curvature, out=curvature)
            scaled = self.scaled_rows[:rows]
            np.multiply(X_block, curvature[:, None], out=scaled)  # rows of X scaled by sqrt(s)
            hess_weights += scaled.T @ scaled  # NumPy calls BLAS syrk for W^T W
            hess_bias_weights += curvature @ scaled

        m = self.m
        grad = np.concatenate([[grad_bias], grad_weights]) / m
        hess = np.empty((n + 1, n + 1))
        hess[0, 0] = hess_bias
        hess[0, 1:] = hess_bias_weights
        hess[1:, 0] = hess_bias_weights
        hess[1:, 1:] = hess_weights
        hess /= m
        loss = (0.5 * (sum_u + sum_abs_u) + sum_log) / m
        return loss, grad, hess, bool(largest_u < 0.0)

    def loss_at(self, t: float) -> float:
        """Mean loss at theta + t d from the stored ``step_logits``: O(m), no pass over X."""
        return float(np.mean(softplus(self.logits + t * self.step_logits)))

    def move_by(self, t: float) -> None:
        """The current point moves to theta + t d."""
        self.logits += t * self.step_logits


def solve(
    X: np.ndarray, y: np.ndarray, theta0: np.ndarray | None, *, max_iter: int, tol: float, block_rows: int
) -> NewtonHistory:
    """Steps 1-5 of :func:`lossbook.optim.newton.solve`, with steps 2 and 4 fused."""
    fused = _FusedPass(np.ascontiguousarray(X), y, block_rows)

    # 1. set-up, 2. gradient and Hessian at the start
    if theta0 is None:
        theta = initial_theta(y, X.shape[1])
        fused.logits[:] = fused.sign * theta[0]
        loss, grad, hess, separable = fused.loss_gradient_hessian(None, fused.logits)
    else:
        theta = np.array(theta0, dtype=np.float64)
        loss, grad, hess, separable = fused.loss_gradient_hessian(theta, fused.trial_logits)  # from u = 0
        fused.accept_trial()
    d, half_decrement = inner_solve(hess, grad)  # 3.

    record, steps = [(theta, loss, grad, half_decrement)], []
    converged, stalled = is_converged(half_decrement, tol), False  # 5.
    while not (converged or separable) and len(steps) < max_iter:
        # 4. line search; its full-step trial is step 2 at theta + d
        slope = float(grad @ d)
        t = 1.0
        loss_new, grad_new, hess_new, separable_new = fused.loss_gradient_hessian(d, fused.trial_logits)
        full_step = sufficient_decrease(loss_new, loss, t, slope) or (
            only_rounding(loss_new, loss) and np.max(np.abs(grad_new)) < np.max(np.abs(grad))
        )
        if full_step:
            fused.accept_trial()
        else:
            while not sufficient_decrease(loss_new, loss, t, slope) and t > MIN_STEP:
                t *= 0.5
                loss_new = fused.loss_at(t)
            if not sufficient_decrease(loss_new, loss, t, slope):
                stalled = True
                break
            fused.move_by(t)
            loss_new, grad_new, hess_new, separable_new = fused.loss_gradient_hessian(None, fused.logits)  # 2.
        theta = theta + t * d
        loss, grad, hess, separable = loss_new, grad_new, hess_new, separable_new
        d, half_decrement = inner_solve(hess, grad)  # 3.
        converged = is_converged(half_decrement, tol)  # 5.
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
