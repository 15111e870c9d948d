r"""Chapter 10 (``docs/10-sgd-vectorized.md``): the slides' SGD steps, one epoch on the four
petals, the vectorised gradient and its timing.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .. import datasets as _datasets
from ..activations import sigmoid as _sigmoid
from ..gradcheck import numerical_gradient as _numerical_gradient
from ..losses import add_bias as _add_bias
from ..losses import bce_grad as _bce_grad
from ..losses import bce_objective as _bce_objective
from ..optim import sgd_logistic as _sgd_logistic
from ..optim import sgd_step as _optim_sgd_step
from ..optim.race import optimiser_race as _optimiser_race
from ..text import fmt, given, sci, tr
from ..vectorisation import time_bce_gradient as _time_bce_gradient
from ._given import SGD2_THETA, SGD2_X, SGD_B, SGD_ETA, SGD_THETA, SGD_W, SGD_X, SGD_Y
from ._table import Col, table

__all__ = [
    "sgd_step_one_feature",
    "sgd_step_two_features",
    "vectorized_gradient",
    "sgd_epoch_table",
    "vectorised_speedup",
    "loss_race",
    "sgd_separable",
]


@dataclass(frozen=True)
class SGDStep:
    r"""One stochastic-gradient step of logistic regression with BCE on one sample.

    ``names`` are the parameters in the order of ``theta_before`` / ``gradient`` /
    ``theta_after``: bias first, ``("b", "w")`` or ``("b", "w1", "w2")``.
    """

    names: tuple[str, ...]
    x: tuple[float, ...]
    y: float
    eta: float
    theta_before: tuple[float, ...]
    z_before: float
    y_hat_before: float
    loss_before: float
    gradient: tuple[float, ...]
    theta_after: tuple[float, ...]
    z_after: float
    y_hat_after: float
    loss_after: float

    def param(self, name: str, when: str = "after") -> float:
        """One parameter by name, ``when`` = ``"before"`` or ``"after"`` the step.

        >>> round(sgd_step_two_features().param("w1"), 4)
        0.4904
        """
        values = {"before": self.theta_before, "after": self.theta_after}[when]
        return values[self.names.index(name)]

    def change(self, name: str) -> float:
        r"""How far the step moved one parameter: :math:`-\eta\,\partial L/\partial\,\text{name}`.

        >>> r = sgd_step_two_features()
        >>> round(r.change("w1") / r.change("w2"), 4)  # x1 / x2: y_hat - y cancels
        7.0
        """
        return self.param(name, "after") - self.param(name, "before")

    def change_ratio(self, name: str, other: str) -> float:
        r"""How much further the step moved ``name`` than ``other``: for one sample both changes
        are :math:`-\eta(\hat y - y)` times the feature, so the ratio is the features' ratio.

        >>> round(sgd_step_two_features().change_ratio("w1", "w2"), 4)
        7.0
        """
        return self.change(name) / self.change(other)

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (
            Col("", align="l"),
            Col("trước", "before"),
            Col("đạo hàm $L'$", "gradient $L'$"),
            Col("sau", "after"),
        )
        tex = {"b": "$b$", "w": "$w$", "w1": "$w_1$", "w2": "$w_2$"}
        rows = [
            (tex.get(n, n), fmt(a, digits), fmt(g, digits), fmt(c, digits))
            for n, a, g, c in zip(self.names, self.theta_before, self.gradient, self.theta_after, strict=True)
        ]
        rows += [
            ("$z$", fmt(self.z_before, digits), "", fmt(self.z_after, digits)),
            (r"$\hat y$", fmt(self.y_hat_before, digits), "", fmt(self.y_hat_after, digits)),
            ("$L$", fmt(self.loss_before, digits), "", fmt(self.loss_after, digits)),
        ]
        return table(lang, columns, rows)


def _sgd_step(names: tuple[str, ...], x: Sequence[float], y: float, theta: Sequence[float], eta: float) -> SGDStep:
    step = _optim_sgd_step(list(x), y, list(theta), lr=eta)  # the lesson's five steps
    after = _optim_sgd_step(list(x), y, step.theta_new, lr=eta)  # z, y_hat, loss at the new theta
    return SGDStep(
        names,
        tuple(map(float, x)),
        float(y),
        float(eta),
        tuple(map(float, step.theta)),
        float(step.z),
        float(step.y_hat),
        float(step.loss),
        tuple(map(float, step.grad)),
        tuple(map(float, step.theta_new)),
        float(after.z),
        float(after.y_hat),
        float(after.loss),
    )


def sgd_step_one_feature(
    w: float = SGD_W, b: float = SGD_B, x: float = SGD_X, y: float = SGD_Y, eta: float = SGD_ETA
) -> SGDStep:
    r"""The slides' "Example": one SGD step on the sample :math:`x = 1.4`, :math:`y = 0`
    from :math:`w = -0.1`, :math:`b = 0.1` with :math:`\eta = 0.01`.

    :math:`z = -0.04`, :math:`\hat y = 0.49`, :math:`L = -\ln 0.51 = 0.6733`;
    :math:`L'_b = \hat y - y = 0.49`, :math:`L'_w = x(\hat y - y) = 0.686`; then
    :math:`b = 0.0951` and :math:`w = -0.10686 \approx -0.1069` (the slides print
    :math:`-0.1068`), and the loss on this sample drops to 0.6663.

    >>> r = sgd_step_one_feature()
    >>> round(r.loss_before, 4), round(r.param("w"), 5), round(r.loss_after, 4)
    (0.6733, -0.10686, 0.6663)
    >>> print(r.markdown("vi"))
    | | trước | đạo hàm $L'$ | sau |
    |:--|--:|--:|--:|
    | $b$ | 0.1000 | 0.4900 | 0.0951 |
    | $w$ | −0.1000 | 0.6860 | −0.1069 |
    | $z$ | −0.0400 | | −0.0545 |
    | $\hat y$ | 0.4900 | | 0.4864 |
    | $L$ | 0.6733 | | 0.6663 |
    """
    return _sgd_step(("b", "w"), (x,), y, (b, w), eta)


def sgd_step_two_features(
    b: float = SGD2_THETA[0],
    w1: float = SGD2_THETA[1],
    w2: float = SGD2_THETA[2],
    x1: float = SGD2_X[0],
    x2: float = SGD2_X[1],
    y: float = SGD_Y,
    eta: float = SGD_ETA,
) -> SGDStep:
    r"""The slides' "Another Example": one SGD step on :math:`x = (1.4, 0.2)`, :math:`y = 0`
    from :math:`b = 0.1`, :math:`w_1 = 0.5`, :math:`w_2 = -0.1` with :math:`\eta = 0.01`.

    :math:`z = 0.78`, :math:`\hat y = 0.68568`, :math:`L = 1.1573`; gradient
    :math:`(0.68568, 0.95995, 0.13714)`; after the step :math:`b = 0.0931`,
    :math:`w_1 = 0.4904`, :math:`w_2 = -0.1 - \eta\,0.1371 = -0.1014`, and
    :math:`\hat y = 0.6812`, :math:`L = 1.1433`.

    >>> r = sgd_step_two_features()
    >>> round(r.y_hat_after, 4), round(r.loss_after, 4)
    (0.6812, 1.1433)
    >>> print(r.markdown("en"))
    | | before | gradient $L'$ | after |
    |:--|--:|--:|--:|
    | $b$ | 0.1000 | 0.6857 | 0.0931 |
    | $w_1$ | 0.5000 | 0.9600 | 0.4904 |
    | $w_2$ | −0.1000 | 0.1371 | −0.1014 |
    | $z$ | 0.7800 | | 0.7594 |
    | $\hat y$ | 0.6857 | | 0.6812 |
    | $L$ | 1.1573 | | 1.1433 |
    """
    return _sgd_step(("b", "w1", "w2"), (x1, x2), y, (b, w1, w2), eta)


@dataclass(frozen=True)
class VectorizedGradient:
    r"""The BCE gradient on a table: of the mean (:math:`\frac1m X_b^\top(\hat y - y)`)
    and of the sum (:math:`X_b^\top(\hat y - y)`), and a finite difference of the mean."""

    theta: tuple[float, ...]
    m: int
    mean_gradient: tuple[float, ...]
    sum_gradient: tuple[float, ...]
    numerical_mean_gradient: tuple[float, ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (
            Col("", align="l"),
            Col(r"$\frac{1}{m}X_b^\top(\hat y - y)$"),
            Col(r"$X_b^\top(\hat y - y)$"),
            Col("sai phân của $J$ (trung bình)", "finite difference of $J$ (mean)"),
        )
        names = ["$L'_b$"] + [f"$L'_{{w_{i}}}$" if len(self.theta) > 2 else "$L'_w$" for i in range(1, len(self.theta))]
        rows = [
            (n, fmt(a, digits), fmt(s, digits), fmt(d, digits))
            for n, a, s, d in zip(
                names, self.mean_gradient, self.sum_gradient, self.numerical_mean_gradient, strict=True
            )
        ]
        return table(lang, columns, rows)


def vectorized_gradient(theta: Sequence[float] = SGD_THETA) -> VectorizedGradient:
    r"""The blog's vectorised gradient on the slides' four petals (:func:`lossbook.datasets.petal_sgd`).

    For the mean loss :math:`J(\theta) = \frac1m\sum_i L_i` the gradient is
    :math:`\frac1m X_b^\top(\hat y - y)`; the blog's :math:`X^\top(\hat y - y)` is the
    gradient of the **sum**, :math:`m` times larger. The finite difference of
    :math:`J` agrees with the mean version.

    >>> print(vectorized_gradient().markdown("en"))
    | | $\frac{1}{m}X_b^\top(\hat y - y)$ | $X_b^\top(\hat y - y)$ | finite difference of $J$ (mean) |
    |:--|--:|--:|--:|
    | $L'_b$ | −0.0373 | −0.1492 | −0.0373 |
    | $L'_w$ | −0.6494 | −2.5975 | −0.6494 |
    """
    data = _datasets.petal_sgd()
    theta_arr = np.asarray(theta, dtype=float)
    mean_grad = _bce_grad(data.X, data.y, theta_arr)
    numeric = _numerical_gradient(lambda t: _bce_objective(data.X, data.y, t), theta_arr, order=4)
    return VectorizedGradient(
        tuple(map(float, theta_arr)),
        data.m,
        tuple(map(float, mean_grad)),
        tuple(float(g * data.m) for g in mean_grad),
        tuple(map(float, numeric)),
    )


@dataclass(frozen=True)
class SGDEpochTable:
    """Per-sample SGD on the slides' four petals: the sample of each step, its loss, the mean loss."""

    theta0: tuple[float, ...]
    eta: float
    epochs: int
    x: tuple[float, ...]
    y: tuple[float, ...]
    sample_loss: tuple[float, ...]
    loss: tuple[float, ...]
    #: :math:`\hat y - y` of each flower (in the data's order) at ``theta0``, before any step.
    residual0: tuple[float, ...] = ()

    @property
    def final_loss(self) -> float:
        """The mean loss :math:`J` after the last step."""
        return self.loss[-1]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (
            Col("bước", "step"),
            Col("mẫu được chọn $(x, y)$", "sample picked $(x, y)$", "l"),
            Col("mất mát của mẫu đó (trước bước)", "its loss (before the step)"),
            Col("$J$ trung bình (sau bước)", "mean $J$ (after the step)"),
        )
        rows = [("0", "", "", fmt(self.loss[0], digits))]
        rows += [
            (str(k + 1), f"$({given(x)}, {given(y)})$", fmt(s, digits), fmt(j, digits))
            for k, (x, y, s, j) in enumerate(zip(self.x, self.y, self.sample_loss, self.loss[1:], strict=True))
        ]
        return table(lang, columns, rows)


@functools.cache
def sgd_epoch_table(theta0: tuple[float, ...] = SGD_THETA, eta: float = SGD_ETA, epochs: int = 1) -> SGDEpochTable:
    r"""Per-sample SGD :math:`\theta \leftarrow \theta - \eta\,\nabla L_i(\theta)` on the slides'
    four petals (:func:`lossbook.datasets.petal_sgd`) in order, with the mean BCE
    :math:`J` over all four after every step (:func:`lossbook.optim.sgd_logistic`).

    >>> print(sgd_epoch_table().markdown("en"))
    | step | sample picked $(x, y)$ | its loss (before the step) | mean $J$ (after the step) |
    |--:|:--|--:|--:|
    | 0 | | | 0.7500 |
    | 1 | $(1.4, 0)$ | 0.6733 | 0.7547 |
    | 2 | $(1.5, 0)$ | 0.6611 | 0.7598 |
    | 3 | $(3, 1)$ | 0.8271 | 0.7484 |
    | 4 | $(4.1, 1)$ | 0.8559 | 0.7335 |
    >>> round(sgd_epoch_table(epochs=100).final_loss, 4)
    0.5468
    >>> [round(r, 4) for r in sgd_epoch_table().residual0]  # the two label-1 flowers are under-predicted
    [0.49, 0.4875, -0.5498, -0.5769]
    """
    data = _datasets.petal_sgd()
    h = _sgd_logistic(data.X, data.y, list(theta0), lr=float(eta), epochs=int(epochs))
    return SGDEpochTable(
        tuple(map(float, theta0)),
        float(eta),
        int(epochs),
        tuple(float(data.X[i, 0]) for i in h.sample),
        tuple(float(data.y[i]) for i in h.sample),
        tuple(float(v) for v in h.sample_loss),
        tuple(float(v) for v in h.loss),
        tuple(float(v) for v in _sigmoid(_add_bias(data.X) @ np.array(theta0, dtype=float)) - data.y),
    )


@dataclass(frozen=True)
class VectorisedSpeedup:
    """The loop-vs-vectorised timing of the BCE gradient, as the chapter's table shows it
    (the numbers of :class:`lossbook.vectorisation.GradientTiming`)."""

    m: int
    n: int
    repeats: int
    vectorised_repeats: int
    loop_seconds: float
    vectorised_seconds: float
    speedup: float
    max_abs_diff: float

    def markdown(self, lang: str = "vi", digits: int = 3) -> str:
        """Times in milliseconds; the sample count with a narrow no-break space between
        thousands (a comma or a point would read as a decimal separator in one language)."""
        m = f"{self.m:,}".replace(",", "\u202f")
        loss = r"$X_b^\top(\hat{\mathbf y} - \mathbf y)/m$"
        rows = [
            (
                tr(
                    lang,
                    f"vòng lặp Python qua {m} mẫu (tốt nhất trong {self.repeats} lần)",
                    f"Python loop over {m} samples (best of {self.repeats})",
                ),
                f"{fmt(self.loop_seconds * 1e3, digits)} ms",
            ),
            (
                tr(
                    lang,
                    f"vector hoá, {loss} (tốt nhất trong {self.vectorised_repeats} lần)",
                    f"vectorised, {loss} (best of {self.vectorised_repeats})",
                ),
                f"{fmt(self.vectorised_seconds * 1e3, digits)} ms",
            ),
            (tr(lang, "tăng tốc (tỉ số)", "speed-up (ratio)"), f"{fmt(self.speedup, 0)} ×"),
            (
                tr(lang, "chênh lệch lớn nhất giữa hai gradient", "largest difference between the two gradients"),
                sci(self.max_abs_diff, 0),
            ),
        ]
        return table(lang, (Col("cách tính", "computed by", "l"), Col("thời gian tốt nhất", "best time")), rows)


@functools.lru_cache(maxsize=1)
def vectorised_speedup() -> VectorisedSpeedup:
    r"""The loop-vs-vectorised timing of the BCE gradient
    (:func:`lossbook.vectorisation.time_bce_gradient`, 10,000 samples, 2 features), measured
    once per process, so both languages of a build show the same run.

    .. math:: \nabla_\theta J = \frac1m \sum_i x_b^{(i)}(\hat y_i - y_i) = \frac1m X_b^\top(\hat{\mathbf y} - \mathbf y)

    >>> vectorised_speedup() is vectorised_speedup()
    True
    >>> r = vectorised_speedup()
    >>> r.max_abs_diff < 1e-12, r.speedup > 1
    (True, True)
    >>> print(VectorisedSpeedup(500, 2, 3, 30, 0.0123, 0.0001, 123.0, 4.4e-17).markdown("en"))
    | computed by | best time |
    |:--|--:|
    | Python loop over 500 samples (best of 3) | 12.300 ms |
    | vectorised, $X_b^\top(\hat{\mathbf y} - \mathbf y)/m$ (best of 30) | 0.100 ms |
    | speed-up (ratio) | 123 × |
    | largest difference between the two gradients | $4 \times 10^{-17}$ |
    """
    t = _time_bce_gradient()
    return VectorisedSpeedup(
        t.m, t.n, t.repeats, t.vectorised_repeats, t.loop_seconds, t.vectorised_seconds, t.speedup, t.max_abs_diff
    )


@dataclass(frozen=True)
class LossRace:
    r"""The numbers of the figure ``loss_history`` (:func:`lossbook.optim.race.optimiser_race`)
    that the pages quote: GD's gap and step-to-step ratio early and late, SGD's noise floor
    at each :math:`\eta` (median of the last 50 epochs), Newton's passes."""

    m: int
    gd_eta: float
    gd_steps: int
    gd_gap_100: float
    gd_ratio_100: float
    gd_gap_end: float
    gd_ratio_end: float
    gd_passes_1e6: int
    sgd_etas: tuple[float, ...]
    sgd_floor: tuple[float, ...]
    sgd_floor_high: tuple[float, ...]
    newton_passes: int

    def floor_ratio(self) -> float:
        """The median SGD floor at the largest η over the one at the smallest.

        >>> round(loss_race().floor_ratio())
        108
        """
        return self.sgd_floor[-1] / self.sgd_floor[0]

    def markdown(self, lang: str = "vi") -> str:
        """The quoted numbers as a two-column table."""
        rows = [
            (tr(lang, "GD: $J - J^*$ sau 100 lượt", "GD: $J - J^*$ after 100 passes"), sci(self.gd_gap_100)),
            (tr(lang, "GD: hệ số mỗi bước ở lượt 100", "GD: factor per step at pass 100"), fmt(self.gd_ratio_100, 3)),
            (tr(lang, "GD: hệ số mỗi bước ở cuối", "GD: factor per step at the end"), fmt(self.gd_ratio_end, 3)),
            (
                tr(lang, "GD: số lượt tới $J - J^* < 10^{-6}$", "GD: passes to $J - J^* < 10^{-6}$"),
                str(self.gd_passes_1e6),
            ),
        ]
        for eta, floor in zip(self.sgd_etas, self.sgd_floor, strict=True):
            rows.append(
                (
                    tr(
                        lang,
                        f"SGD, $\\eta = {eta:g}$: trung vị 50 epoch cuối",
                        f"SGD, $\\eta = {eta:g}$: median, last 50 epochs",
                    ),
                    sci(floor),
                )
            )
        rows.append((tr(lang, "Newton: số lượt", "Newton: passes"), str(self.newton_passes)))
        return table(lang, (Col("đại lượng", "quantity", "l"), Col("giá trị", "value")), rows)


@functools.cache
def loss_race() -> LossRace:
    r"""GD (:math:`\eta = 2`), SGD (:math:`\eta = 0.05, 0.5`) and Newton on standardised iris,
    counted in passes over the data (:math:`m` per-sample gradients each).

    GD's gap :math:`J(\theta_k) - J^\star` shrinks by a nearly constant factor per step only
    late in the run (linear convergence); SGD's median gap over its last 50 epochs is higher
    for the larger :math:`\eta`.

    >>> r = loss_race()
    >>> r.m, r.gd_steps, f"{r.gd_gap_100:.1e}", round(r.gd_ratio_100, 3), round(r.gd_ratio_end, 3)
    (100, 2000, '3.4e-03', 0.982, 0.989)
    >>> r.sgd_floor[0] < r.sgd_floor[1], r.newton_passes, r.gd_passes_1e6
    (True, 8, 776)
    """
    race = _optimiser_race()
    k = len(race.gd_gap) - 1
    floors = [race.sgd_floor(eta) for eta in race.sgd_etas]
    return LossRace(
        m=race.m,
        gd_eta=race.gd_eta,
        gd_steps=k,
        gd_gap_100=float(race.gd_gap[100]),
        gd_ratio_100=race.gd_ratio(100),
        gd_gap_end=float(race.gd_gap[k]),
        gd_ratio_end=race.gd_ratio(k),
        gd_passes_1e6=race.gd_passes(1e-6),
        sgd_etas=race.sgd_etas,
        sgd_floor=tuple(f[1] for f in floors),
        sgd_floor_high=tuple(f[2] for f in floors),
        newton_passes=race.newton_passes(),
    )


@dataclass(frozen=True)
class SGDSeparable:
    """SGD on the four separable petals: the mean loss after some epochs keeps falling."""

    eta: float
    epochs: tuple[int, ...]
    loss: tuple[float, ...]

    def markdown(self, lang: str = "vi") -> str:
        """One row per number of epochs: the mean loss :math:`J`."""
        rows = [(str(e), fmt(v, 4)) for e, v in zip(self.epochs, self.loss, strict=True)]
        return table(lang, (Col("epoch"), Col("$J$")), rows)


@functools.cache
def sgd_separable(eta: float = 0.5, epochs: tuple[int, ...] = (10, 100, 1000)) -> SGDSeparable:
    r"""Per-sample SGD on :func:`lossbook.datasets.petal_sgd` (separable at :math:`x = 2.25`):
    every sample's gradient :math:`x_b(\hat y - y)` tends to 0 as :math:`\lVert\theta\rVert`
    grows, so there is no noise floor: :math:`J` keeps falling towards 0.

    >>> r = sgd_separable()
    >>> r.loss[0] > r.loss[1] > r.loss[2] > 0
    True
    """
    data = _datasets.petal_sgd()
    h = _sgd_logistic(data.X, data.y, SGD_THETA, lr=eta, epochs=max(epochs))
    return SGDSeparable(eta, tuple(epochs), tuple(float(h.loss[e * data.m]) for e in epochs))
