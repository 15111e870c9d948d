r"""GD, SGD and Newton on one problem, counted in passes over the data (chapters 10-11).

The three optimisers do not cost the same per "iteration": a full-batch GD step computes
``m`` per-sample gradients, a per-sample SGD step one, a Newton step ``m`` gradients and
``m`` rank-one Hessian terms in one pass. :func:`optimiser_race` puts them on one axis,
**passes over the data** (``m`` per-sample gradients each), and records the gap to the
optimum :math:`J(\theta) - J^\star` after every step, with :math:`J^\star` Newton's last
loss. The figure ``loss_history`` draws it; the chapters quote its numbers.

Two facts it lets a page state with numbers (not as folklore):

- GD with a fixed :math:`\eta < 2/\beta` converges **linearly** only once it is near the
  optimum: the ratio of successive gaps tends to a constant below 1, after a slower start.
- SGD with a fixed :math:`\eta` stops at a **noise floor**: the gap keeps jumping up and
  down in a band whose level is lower for a smaller :math:`\eta` (on data that are not
  separable; on separable data every sample's gradient tends to 0 and there is no floor).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from .. import datasets
from .._validation import check_count, check_positive
from .newton import newton
from .sgd import full_batch_gd, sgd_logistic

__all__ = ["OptimiserRace", "optimiser_race"]


@dataclass(frozen=True)
class OptimiserRace:
    r"""The gaps :math:`J(\theta) - J^\star` of three optimisers on standardised iris data.

    Attributes
    ----------
    m : int
        Samples; one pass over the data is ``m`` per-sample gradients.
    optimum : float
        :math:`J^\star`, Newton's final mean BCE.
    gd_eta : float
        GD's learning rate.
    gd_gap : numpy.ndarray, shape (gd_steps + 1,)
        GD's gap after ``k`` steps (``k`` passes).
    sgd_etas : tuple of float
        SGD's learning rates, one run each (same seed, same sample order).
    sgd_gap : tuple of numpy.ndarray, each shape (epochs * m + 1,)
        SGD's gap after every per-sample step (step ``k`` is at pass ``k / m``).
    newton_gap : numpy.ndarray
        Newton's gap after each iteration (one pass each).
    """

    m: int
    optimum: float
    gd_eta: float
    gd_gap: np.ndarray
    sgd_etas: tuple[float, ...]
    sgd_gap: tuple[np.ndarray, ...]
    newton_gap: np.ndarray

    def gd_ratio(self, k: int) -> float:
        """GD's gap after ``k`` steps over its gap after ``k - 1``: below 1 means progress.

        >>> r = optimiser_race(gd_steps=50, sgd_epochs=2)
        >>> 0 < r.gd_ratio(50) < 1
        True
        """
        return float(self.gd_gap[k] / self.gd_gap[k - 1])

    def sgd_floor(self, eta: float, last_epochs: int = 50) -> tuple[float, float, float]:
        """(lowest, median, highest) gap of SGD at ``eta`` over its last ``last_epochs`` epochs.

        >>> r = optimiser_race(gd_steps=10, sgd_epochs=60)
        >>> low, mid, high = r.sgd_floor(0.5)
        >>> low < mid < high
        True
        >>> r.sgd_floor(0.3)
        Traceback (most recent call last):
        ...
        ValueError: eta: no SGD run with eta = 0.3; runs: (0.05, 0.5)
        """
        if eta not in self.sgd_etas:
            raise ValueError(f"eta: no SGD run with eta = {eta:g}; runs: {self.sgd_etas}")
        gap = self.sgd_gap[self.sgd_etas.index(eta)]
        tail = gap[-last_epochs * self.m :]
        return float(tail.min()), float(np.median(tail)), float(tail.max())

    def newton_passes(self, tol: float = 1e-10) -> int:
        """Newton iterations (passes) until the gap is below ``tol``.

        >>> optimiser_race(gd_steps=10, sgd_epochs=2).newton_passes()
        8
        """
        return int(np.nonzero(self.newton_gap < tol)[0][0])

    def gd_passes(self, tol: float) -> int | None:
        """GD steps (passes) until the gap is below ``tol``; None if the run is too short.

        >>> r = optimiser_race(gd_steps=10, sgd_epochs=2)
        >>> r.gd_passes(1e-10) is None
        True
        """
        hit = np.nonzero(self.gd_gap < tol)[0]
        return int(hit[0]) if hit.size else None


@functools.cache
def optimiser_race(
    gd_steps: int = 2000, gd_eta: float = 2.0, sgd_etas: tuple[float, ...] = (0.05, 0.5), sgd_epochs: int = 2000
) -> OptimiserRace:
    r"""GD, per-sample SGD (shuffled, seed 0) and Newton from :math:`\theta = 0` on iris
    versicolor vs virginica, petal length and width standardised (mean 0, std 1).

    The gap is :math:`J(\theta) - J^\star`, :math:`J^\star` Newton's final loss. The
    gradient of the mean BCE is :math:`\beta`-Lipschitz with
    :math:`\beta \le \lambda_{\max}(X_b^\top X_b)/(4m) \approx 0.46` here, so GD with
    :math:`\eta = 2 \approx 1/\beta` is safe.

    >>> r = optimiser_race()
    >>> r.m, round(r.optimum, 4), r.newton_passes()
    (100, 0.1028, 8)
    >>> f"{r.gd_gap[100]:.1e}", f"{r.gd_gap[2000]:.0e}", round(r.gd_ratio(100), 3), round(r.gd_ratio(2000), 3)
    ('3.4e-03', '2e-12', 0.982, 0.989)
    >>> small, large = r.sgd_floor(0.05)[1], r.sgd_floor(0.5)[1]
    >>> small < large
    True
    >>> optimiser_race(gd_steps=0)
    Traceback (most recent call last):
    ...
    ValueError: gd_steps must be >= 1; got 0
    """
    gd_steps = check_count("gd_steps", gd_steps, minimum=1)
    sgd_epochs = check_count("sgd_epochs", sgd_epochs, minimum=1)
    gd_eta = check_positive("gd_eta", gd_eta)
    for eta in sgd_etas:
        check_positive("sgd_etas", eta)
    ds = datasets.iris_binary("versicolor-virginica", features=("petal_length", "petal_width"))
    X = (ds.X - ds.X.mean(axis=0)) / ds.X.std(axis=0)
    theta0 = np.zeros(X.shape[1] + 1)
    by_newton = newton(X, ds.y, theta0)
    optimum = float(by_newton.loss[-1])
    gd = full_batch_gd(X, ds.y, theta0, lr=gd_eta, steps=gd_steps)
    sgd = tuple(
        sgd_logistic(X, ds.y, theta0, lr=eta, epochs=sgd_epochs, order="shuffle", seed=0).loss - optimum
        for eta in sgd_etas
    )
    return OptimiserRace(
        m=ds.m,
        optimum=optimum,
        gd_eta=gd_eta,
        gd_gap=gd.loss - optimum,
        sgd_etas=tuple(float(e) for e in sgd_etas),
        sgd_gap=sgd,
        newton_gap=by_newton.loss - optimum,
    )
