r"""Chapter 7's case against training a sigmoid with MSE, made concrete and fair: the long run
that ends in a bad valley, the exact cubic of the most negative curvature, the Brier score
(squared error on probabilities is proper) and BCE's sensitivity to a mislabelled point.

Imported by :mod:`lossbook.lesson.mse_sigmoid`, whose page uses it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .. import datasets as _datasets
from .._kernels import sigmoid_scalar as _sigmoid_scalar
from ..logit_curvature import mse_most_negative_curvature as _mse_most_negative_curvature
from ..logit_curvature import score_loss as _score_loss
from ..logit_curvature import score_loss_derivative as _score_loss_derivative
from ..losses import add_bias as _add_bias
from ..losses import sigmoid_mse_grad as _sigmoid_mse_grad
from ..losses import sigmoid_mse_objective as _sigmoid_mse_objective
from ..scoring import expected_log_loss as _expected_log_loss
from ..scoring import expected_squared_error as _expected_squared_error
from ..text import fmt, given, sci, tr
from ._given import BRIER_FORECASTS, BRIER_P, PETAL_LINES
from ._table import Col, table

__all__ = ["mse_long_run", "mse_curvature_cubic", "proper_scores", "mislabelled_flower"]


@dataclass(frozen=True)
class MSELongRun:
    r"""Full-batch gradient descent on sigmoid + MSE, run long: where it ends."""

    theta0: tuple[float, float]
    lr: float
    m: int
    steps: tuple[int, ...]
    theta: tuple[tuple[float, float], ...]
    loss: tuple[float, ...]
    max_gradient: tuple[float, ...]
    correct: tuple[int, ...]
    predicted_one: tuple[int, ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (
            Col("bước", "step"),
            Col("$(b, w)$"),
            Col("$J$"),
            Col(r"$J - \tfrac12$"),
            Col(r"$\max_i \lvert\partial J/\partial\theta_i\rvert$"),
            Col("số hoa đúng", "flowers right"),
        )
        rows = [
            (
                str(k),
                f"({fmt(t[0], 3)}, {fmt(t[1], 3)})",
                fmt(j, digits),
                sci(j - 0.5, 1),
                sci(g, 1),
                f"{c} / {self.m}",
            )
            for k, t, j, g, c in zip(self.steps, self.theta, self.loss, self.max_gradient, self.correct, strict=True)
        ]
        return table(lang, columns, rows)


def _mse_gd(xs: Sequence[float], ys: Sequence[float], b: float, w: float, lr: float, steps: Sequence[int]):
    r"""Full-batch gradient descent on :math:`J = \frac1m\sum_i(\sigma(b + wx_i) - y_i)^2`,
    :math:`\theta \leftarrow \theta - \eta\,\frac2m\sum_i(\hat y_i - y_i)\hat y_i(1 - \hat y_i)(1, x_i)`,
    in plain floats for one feature (the same iterates as :func:`lossbook.full_batch_gd`,
    about ten times faster): the :math:`(b, w)` reached after each of ``steps``."""
    data = list(zip(map(float, xs), map(float, ys), strict=True))
    c, sigma, out, done = 2.0 * lr / len(data), _sigmoid_scalar, [], 0
    for target in steps:
        for _ in range(target - done):
            gb = gw = 0.0
            for x, y in data:
                z = b + w * x
                p = sigma(z)
                q = sigma(-z)  # 1 - sigma(z) without cancellation
                g = (p - y) * p * q
                gb += g
                gw += g * x
            b -= c * gb
            w -= c * gw
        done = target
        out.append((b, w))
    return out


@functools.cache
def mse_long_run(
    w: float = PETAL_LINES[1][0],
    b: float = PETAL_LINES[1][1],
    scale: float = -2.0,
    lr: float = 0.5,
    steps: tuple[int, ...] = (1000, 10000, 100000, 300000),
) -> MSELongRun:
    r"""Chapter 7's confidently wrong start :math:`\theta_0 = -2\,(b, w) = (10.312, -4.662)`, and
    full-batch gradient descent on sigmoid + MSE (:math:`\eta = 0.5`) run for 300 000 steps.

    It does not sit on a plateau waiting to escape: :math:`w \to -\infty`, every flower is
    predicted 0 (3 of 6 right), :math:`J` falls towards 0.5 (the three label-1 flowers
    each cost 1, the others 0) and the gradient towards 0. A spurious minimum at infinity:
    a bad valley, while the infimum of :math:`J` on these separable data is 0.

    >>> r = mse_long_run()
    >>> r.theta0
    (10.312, -4.662)
    >>> [round(v, 2) for v in r.theta[-1]], round(r.loss[-1], 4), r.correct[-1], r.predicted_one[-1]
    ([4.71, -10.8], 0.5, 3, 0)
    >>> all(a > b > 0.5 for a, b in zip(r.loss, r.loss[1:])), r.max_gradient[-1] < 2e-6
    (True, True)
    """
    data = _datasets.petal_lengths()
    theta0 = (float(scale) * float(b), float(scale) * float(w))
    ks = tuple(sorted(int(k) for k in steps))
    thetas = _mse_gd(data.x, data.y, *theta0, float(lr), ks)
    Xb = _add_bias(data.X)
    positive = [Xb @ np.array(t) >= 0 for t in thetas]
    return MSELongRun(
        theta0,
        float(lr),
        int(data.m),
        ks,
        tuple((float(t[0]), float(t[1])) for t in thetas),
        tuple(_sigmoid_mse_objective(data.X, data.y, list(t)) for t in thetas),
        tuple(float(np.abs(_sigmoid_mse_grad(data.X, data.y, list(t))).max()) for t in thetas),
        tuple(int(np.sum(p == (data.y == 1))) for p in positive),
        tuple(int(p.sum()) for p in positive),
    )


@dataclass(frozen=True)
class MSECurvatureCubic:
    r"""The most negative MSE curvature :math:`L''(z)` for label 1, from the exact cubic."""

    coefficients: tuple[float, float, float, float]
    roots: tuple[float, ...]
    y_hat: float
    minimum: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (
            Col(r"nghiệm $\hat y$", r"root $\hat y$"),
            Col(r"$L''(z)$"),
            Col("trong $(0, 1/3)$?", "in $(0, 1/3)$?", "l"),
        )
        yes, no = tr(lang, "có", "yes"), tr(lang, "không", "no")
        rows = []
        for r in self.roots:
            value = 2.0 * r * (1.0 - r) * (-3.0 * r * r + 4.0 * r - 1.0)
            rows.append((fmt(r, digits), fmt(value, digits), yes if 0.0 < r < 1.0 / 3.0 else no))
        return table(lang, columns, rows)


def mse_curvature_cubic() -> MSECurvatureCubic:
    r"""Setting :math:`\frac{d}{d\hat y}\,2\hat y(1 - \hat y)(-3\hat y^2 + 4\hat y - 1) = 0`
    gives :math:`12\hat y^3 - 21\hat y^2 + 10\hat y - 1 = 0`; its roots (``numpy.roots``) are
    :math:`1` and :math:`(9 \pm \sqrt{33})/24`; the one in :math:`(0, 1/3)` is the minimiser
    (:func:`lossbook.logit_curvature.mse_most_negative_curvature`).

    >>> r = mse_curvature_cubic()
    >>> [round(v, 4) for v in r.roots], round(r.y_hat, 4), round(r.minimum, 4)
    ([0.1356, 0.6144, 1.0], 0.1356, -0.1202)
    """
    coefficients = (12.0, -21.0, 10.0, -1.0)
    roots = tuple(sorted(float(v.real) for v in np.roots(coefficients)))
    y_hat, minimum = _mse_most_negative_curvature(1)
    return MSECurvatureCubic(coefficients, roots, y_hat, minimum)


@dataclass(frozen=True)
class ProperScores:
    r"""Expected Brier score and expected log-loss of a forecast :math:`q` when :math:`Y \sim \text{Bernoulli}(p)`."""

    p: float
    q: tuple[float, ...]
    brier: tuple[float, ...]
    log_loss: tuple[float, ...]

    @property
    def min_brier(self) -> float:
        """The smallest expected Brier score of the table, :math:`p(1 - p)` when :math:`p` is one of the ``q``."""
        return min(self.brier)

    @property
    def best_q(self) -> tuple[float, float]:
        """The forecast with the smallest expected Brier score and the one with the smallest log-loss."""
        return self.q[int(np.argmin(self.brier))], self.q[int(np.argmin(self.log_loss))]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (
            Col("dự báo $q$", "forecast $q$"),
            Col(r"Brier: $\mathbb E[(q - Y)^2]$"),
            Col(r"BCE: $\mathbb E[-Y\ln q - (1 - Y)\ln(1 - q)]$"),
        )
        rows = [
            (given(q), fmt(s, digits), fmt(c, digits))
            for q, s, c in zip(self.q, self.brier, self.log_loss, strict=True)
        ]
        return table(lang, columns, rows)


def proper_scores(p: float = BRIER_P, q: Sequence[float] = BRIER_FORECASTS) -> ProperScores:
    r"""For an event of probability :math:`p`, the expected squared error of the forecast
    :math:`q`, :math:`(q - p)^2 + p(1 - p)`, and its expected log-loss: both are smallest at
    :math:`q = p` (strictly proper scoring rules).

    >>> r = proper_scores()
    >>> r.best_q
    (0.3, 0.3)
    >>> round(min(r.brier), 4), round(min(r.log_loss), 4)
    (0.21, 0.6109)
    """
    qs = tuple(map(float, q))
    return ProperScores(
        float(p),
        qs,
        tuple(float(_expected_squared_error(float(p), v)) for v in qs),
        tuple(float(_expected_log_loss(float(p), v)) for v in qs),
    )


@dataclass(frozen=True)
class MislabelledFlower:
    r"""One flipped label on the six flowers, at the good line: its pull on each loss."""

    index: int
    x: float
    y: float
    y_hat: float
    losses: tuple[str, str]
    loss: tuple[float, float]
    loss_share: tuple[float, float]
    gradient: tuple[float, float]
    gradient_share: tuple[float, float]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (
            Col("", align="l"),
            Col("mất mát của nó", "its loss"),
            Col("phần của nó trong tổng mất mát", "its share of the total loss"),
            Col(r"$\lVert\nabla_\theta L\rVert$ của nó", r"its $\lVert\nabla_\theta L\rVert$"),
            Col("phần của nó trong tổng độ lớn các gradient", "its share of the summed gradient sizes"),
        )
        pct = tr(lang, "{} %", "{}%")
        rows = [
            (name.upper(), fmt(v, digits), pct.format(fmt(100 * s, 0)), fmt(g, digits), pct.format(fmt(100 * t, 0)))
            for name, v, s, g, t in zip(
                self.losses, self.loss, self.loss_share, self.gradient, self.gradient_share, strict=True
            )
        ]
        return table(lang, columns, rows)


def mislabelled_flower(index: int = 5, w: float = PETAL_LINES[1][0], b: float = PETAL_LINES[1][1]) -> MislabelledFlower:
    r"""Flip the label of flower ``index`` (by default the longest petal, :math:`x = 4.1`,
    label 1 → 0) and look at the good line :math:`(b, w) = (-5.156, 2.331)`, which now
    calls it confidently wrong. For each loss: its per-sample loss :math:`L(z)`, its share
    :math:`L_i / \sum_j L_j`, its gradient norm :math:`|L'(z_i)|\,\lVert\mathbf x_i\rVert`
    and its share of :math:`\sum_j\lVert\nabla_\theta L_j\rVert`. BCE's loss is unbounded
    and its derivative :math:`\hat y - y` does not vanish, so the one wrong label pulls
    hardest; MSE's derivative carries :math:`\hat y(1 - \hat y) \approx 0` and ignores it.

    >>> r = mislabelled_flower()
    >>> r.x, r.y, round(r.y_hat, 3)
    (4.1, 0.0, 0.988)
    >>> [round(v, 2) for v in r.gradient_share]
    [0.79, 0.29]
    >>> mislabelled_flower(6)
    Traceback (most recent call last):
    ...
    ValueError: index must be 0 to 5 (one of the six flowers); got 6
    """
    data = _datasets.petal_lengths()
    i = int(index)
    if not 0 <= i < data.m:
        raise ValueError(f"index must be 0 to {data.m - 1} (one of the six flowers); got {index}")
    y = data.y.copy()
    y[i] = 1.0 - y[i]
    Xb = _add_bias(data.X)
    z = Xb @ np.array([float(b), float(w)])
    norms = np.linalg.norm(Xb, axis=1)
    names = ("bce", "mse")
    losses = [np.asarray(_score_loss(z, y, n)) for n in names]
    grads = [np.abs(np.asarray(_score_loss_derivative(z, y, n))) * norms for n in names]
    return MislabelledFlower(
        i,
        float(data.x[i]),
        float(y[i]),
        float(_sigmoid_scalar(float(z[i]))),
        names,
        tuple(float(v[i]) for v in losses),
        tuple(float(v[i] / v.sum()) for v in losses),
        tuple(float(g[i]) for g in grads),
        tuple(float(g[i] / g.sum()) for g in grads),
    )
