r"""What every optimiser returns, and the warnings they raise.

Every optimiser returns a :class:`History` (frozen; read-only arrays): ``params`` has one
row per iterate (the start included), ``loss`` one value per row, and ``grads``, where it
is recorded, the gradient at each row. Pages plot and tabulate straight from it.
:class:`SGDHistory` adds what each per-sample step saw, :class:`NewtonHistory` the
solver's diagnostics.
"""

from __future__ import annotations

import os
import sys
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._validation import read_only

__all__ = [
    "History",
    "SGDStep",
    "SGDHistory",
    "NewtonHistory",
    "SeparableDataWarning",
    "NewtonConvergenceWarning",
    "warn_from_caller",
]


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

    >>> from lossbook.optim import gradient_descent
    >>> h = gradient_descent(lambda x: 2 * x, [3.0], lr=0.25, steps=2, loss=lambda x: float(x @ x))
    >>> h.steps, h.params.ravel().tolist(), h.loss.tolist(), h.final.tolist()
    (2, [3.0, 1.5, 0.75], [9.0, 2.25, 0.5625], [0.75])
    """

    params: np.ndarray
    loss: np.ndarray
    grads: np.ndarray | None = None

    def __post_init__(self) -> None:
        for name in ("params", "loss", "grads"):
            object.__setattr__(self, name, read_only(getattr(self, name)))

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

    >>> from lossbook.optim import sgd_step
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
            object.__setattr__(self, name, read_only(getattr(self, name)))


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
        object.__setattr__(self, "sample", read_only(self.sample, np.int64))
        for name in ("y_hat", "sample_loss", "sample_grad"):
            object.__setattr__(self, name, read_only(getattr(self, name)))

    def table(self) -> list[dict[str, Any]]:
        """One dict per step, for a page's step table.

        Keys: ``step`` (1-based), ``sample``, ``y_hat``, ``loss`` (the sample's, before
        the update), ``grad`` and ``params`` (after the update) as tuples of floats.

        >>> from lossbook.optim import sgd_logistic
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
        Half the squared Newton decrement :math:`\tfrac12\delta^2 = \tfrac12 g^\top H^{-1} g`
        at each row of ``params`` (:math:`\delta`, keeping :math:`\lambda` for eigenvalues): for
        a convex loss near its minimum this estimates :math:`J(\theta) - J^\star`, the distance
        to the optimal loss.
    step_size : numpy.ndarray, shape (steps,)
        The line-search step :math:`t` of each iteration (1 means the full Newton step).
    converged : bool
        ``decrement[-1] <= tol``.
    separable : bool
        The last iterate classifies every sample correctly: the data are linearly
        separable and the loss has no minimiser (see :class:`SeparableDataWarning`).

    >>> from lossbook.optim import newton
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
            object.__setattr__(self, name, read_only(getattr(self, name)))


class SeparableDataWarning(UserWarning):
    """The classes are linearly separable: the logistic loss has no finite minimiser.

    If some :math:`\\theta` puts every sample on its correct side, then
    :math:`c\\,\\theta` does too for every :math:`c > 1`, with a smaller loss; the loss
    tends to 0 as :math:`c \\to \\infty` and is never reached. An optimiser then only
    grows the weights. Fix: regularise, or accept the separating direction found.

    The lesson's four flowers (petal length 1.4, 1.5 are label 0; 3.0, 4.1 label 1):

    >>> import warnings
    >>> from lossbook.optim import newton
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     h = newton([[1.4], [1.5], [3.0], [4.1]], [0, 0, 1, 1])
    >>> h.separable, h.converged, [w.category.__name__ for w in caught]
    (True, False, ['SeparableDataWarning'])
    """


class NewtonConvergenceWarning(UserWarning):
    """Newton's method stopped before reaching its tolerance.

    >>> import warnings
    >>> from lossbook.optim import newton
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     h = newton([[1.4], [1.5], [3.0], [4.1], [2.0], [2.8]], [0, 0, 1, 1, 1, 0], max_iter=1)
    >>> h.steps, h.converged, [w.category.__name__ for w in caught]
    (1, False, ['NewtonConvergenceWarning'])
    """


#: The folder of the lossbook package, as frames name their files.
_PACKAGE = os.path.dirname(os.path.dirname(__file__)) + os.sep


def warn_from_caller(message: str, category: type[Warning]) -> None:
    """``warnings.warn`` pointing at the first caller outside :mod:`lossbook`.

    A warning about the user's data should name the user's line, whether they called
    :func:`~lossbook.optim.newton` or ``LogisticRegression.fit`` (which calls it): the
    stack level is counted, not hard-coded. (Python 3.12's ``skip_file_prefixes`` does
    this; the package supports 3.10.)

    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_from_caller("look here", UserWarning)
    >>> caught[0].filename.endswith("history.py")
    False
    """
    level, frame = 1, sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        level, frame = level + 1, frame.f_back
    warnings.warn(message, category, stacklevel=level + 1)
