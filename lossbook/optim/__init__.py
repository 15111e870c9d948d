r"""Optimisers, step by step (chapters: optimisation review, worked SGD steps, Newton).

In the order of the lesson, one module each:

1. :mod:`~lossbook.optim.gd` — **gradient descent on toy functions**:
   :func:`gradient_descent` (generic, full batch), :func:`square_function_walk`
   (:math:`f(x) = x^2`), :func:`sign_gradient_descent` and :func:`slides_walk` (the
   slides' 2-D walk on :math:`f(x, y) = x^2 + y^2`, which is a *sign* step).
2. :mod:`~lossbook.optim.sgd` — **logistic regression, one sample at a time**:
   :func:`sgd_step` (the lesson's five steps for one sample), :func:`sgd_logistic` (over
   epochs, every step recorded), :func:`minibatch_gd` and :func:`full_batch_gd`.
3. :mod:`~lossbook.optim.newton` — **Newton's method** for the BCE: :func:`newton`, the
   chapter's method written step by step (the large-data version of the same method is
   ``_newton_fast``).

:mod:`~lossbook.optim.history` holds what they return (:class:`History` and its
variants) and the warnings they raise.

Conventions are those of :mod:`lossbook.losses`: ``X`` has shape ``(m, n)`` without the
bias column; ``theta = (b, w_1, ..., w_n)``, bias first; ``z`` names logits, ``y_hat``
probabilities; data-set losses are means. Randomness is always
``np.random.default_rng(seed)``: same seed, same steps.
"""

from __future__ import annotations

from .gd import gradient_descent, sign_gradient_descent, slides_walk, square_function_walk
from .history import (
    History,
    NewtonConvergenceWarning,
    NewtonHistory,
    SeparableDataWarning,
    SGDHistory,
    SGDStep,
)
from .newton import NEWTON_BLOCK_ROWS as NEWTON_BLOCK_ROWS
from .newton import NEWTON_FAST_MIN_ROWS as NEWTON_FAST_MIN_ROWS
from .newton import newton
from .sgd import SGD_PATIENCE as SGD_PATIENCE
from .sgd import full_batch_gd, minibatch_gd, sgd_logistic, sgd_step

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
