r"""Chapter 5 (``docs/05-logistic-growth.md``): the logistic growth equation and its solution."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..activations import logistic_growth as _logistic_growth
from ..activations import logistic_growth_rhs as _logistic_growth_rhs
from ..activations import logit as _logit
from ..activations import sigmoid as _sigmoid
from ..text import fmt, given
from ._given import GROWTH_K, GROWTH_R, GROWTH_Y0, GROWTH_Y0_ABOVE
from ._table import Col, table, values_table

__all__ = ["logistic_growth_check", "logistic_is_sigmoid", "logistic_above_capacity"]


@dataclass(frozen=True)
class LogisticGrowthCheck:
    r"""The solution :math:`y(t)` of :math:`y' = ry(1 - y/K)` checked against the equation."""

    K: float
    r: float
    y0: float
    h: float
    t: tuple[float, ...]
    y: tuple[float, ...]
    central_difference: tuple[float, ...]
    rhs: tuple[float, ...]
    max_residual: float
    t_half: float
    y_at_t_half: float
    t_level: float
    y_at_t_level: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (Col("$t$"), Col("$y(t)$"), Col(r"$\frac{y(t+h) - y(t-h)}{2h}$"), Col("$r y (1 - y/K)$"))
        rows = [
            (given(t), fmt(y, digits), fmt(d, digits), fmt(f, digits))
            for t, y, d, f in zip(self.t, self.y, self.central_difference, self.rhs, strict=True)
        ]
        return table(lang, columns, rows)


def logistic_growth_check(
    K: float = GROWTH_K,
    r: float = GROWTH_R,
    y0: float = GROWTH_Y0,
    h: float = 1e-4,
    t: Sequence[float] = (0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 15.0),
    grid_step: float = 0.5,
    grid_points: int = 41,
    level: float = 90.0,
) -> LogisticGrowthCheck:
    r"""The logistic solution :math:`y(t) = \frac{K}{1 + \frac{K - y_0}{y_0}e^{-rt}}`
    (:func:`lossbook.activations.logistic_growth`) satisfies :math:`y' = ry(1 - y/K)`:
    the central difference :math:`\frac{y(t+h) - y(t-h)}{2h}` matches the right-hand side at
    the table's times ``t``; ``max_residual`` is the largest gap on the grid
    :math:`t = 0, 0.5, \dots, 20`. Solving :math:`y(t) = c` gives
    :math:`t = \bigl(\operatorname{logit}(c/K) - \operatorname{logit}(y_0/K)\bigr)/r`:
    ``t_half`` for :math:`c = K/2`, ``t_level`` for :math:`c` = ``level``.

    >>> r = logistic_growth_check()
    >>> "%.1e" % r.max_residual, round(r.t_half, 3), round(r.t_level, 3), round(r.y_at_t_level, 4)
    ('2.7e-09', 5.889, 10.283, 90.0)
    """
    K, r, y0, h = float(K), float(r), float(y0), float(h)

    def y(s: float) -> float:
        return float(_logistic_growth(s, K, r, y0))

    def diff(s: float) -> float:
        return (y(s + h) - y(s - h)) / (2 * h)

    ts = tuple(float(s) for s in t)
    grid = [i * float(grid_step) for i in range(int(grid_points))]
    t_half = -_logit(y0 / K) / r
    t_level = (_logit(float(level) / K) - _logit(y0 / K)) / r
    return LogisticGrowthCheck(
        K,
        r,
        y0,
        h,
        ts,
        tuple(y(s) for s in ts),
        tuple(diff(s) for s in ts),
        tuple(float(_logistic_growth_rhs(y(s), K, r)) for s in ts),
        float(max(abs(diff(s) - float(_logistic_growth_rhs(y(s), K, r))) for s in grid)),
        float(t_half),
        y(t_half),
        float(t_level),
        y(t_level),
    )


@dataclass(frozen=True)
class LogisticIsSigmoid:
    r"""Logistic growth with :math:`K = r = 1`, :math:`y_0 = 1/2` against :math:`\sigma(t)`."""

    t: tuple[float, ...]
    max_gap: float

    def markdown(self, lang: str = "vi", digits: int = 2) -> str:
        return values_table(lang, [(r"$\max_t |y(t) - \sigma(t)|$", None, self.max_gap)], digits)


def logistic_is_sigmoid(t_min: float = -6.0, t_max: float = 6.0, points: int = 49) -> LogisticIsSigmoid:
    r"""With :math:`K = 1`, :math:`r = 1`, :math:`y_0 = \tfrac12` the logistic solution is
    :math:`y(t) = \frac{1}{1 + e^{-t}} = \sigma(t)`: the largest gap on a grid of
    :math:`t \in [-6, 6]` is rounding.

    >>> "%.1g" % logistic_is_sigmoid().max_gap
    '0'
    """
    ts = tuple(float(s) for s in np.linspace(float(t_min), float(t_max), int(points)))  # steps of 1/4
    return LogisticIsSigmoid(ts, float(max(abs(_logistic_growth(s, 1.0, 1.0, 0.5) - _sigmoid(s)) for s in ts)))


@dataclass(frozen=True)
class LogisticAboveCapacity:
    r"""Logistic growth started above the capacity :math:`K`: it decreases towards :math:`K`."""

    K: float
    r: float
    y0: float
    t: float
    y: float

    def markdown(self, lang: str = "vi", digits: int = 3) -> str:
        return values_table(lang, [(f"$y({given(self.t)})$", None, self.y)], digits)


def logistic_above_capacity(
    K: float = GROWTH_K, r: float = GROWTH_R, y0: float = GROWTH_Y0_ABOVE, t: float = 2.0
) -> LogisticAboveCapacity:
    r"""The logistic formula :math:`y(t) = \frac{K}{1 + \frac{K - y_0}{y_0}e^{-rt}}` with
    :math:`y_0 > K`: the fraction :math:`\frac{K - y_0}{y_0}` is negative and :math:`y(t)`
    falls to :math:`K` from above.

    >>> round(logistic_above_capacity().y, 3)
    113.977
    """
    K, r, y0, t = float(K), float(r), float(y0), float(t)
    return LogisticAboveCapacity(K, r, y0, t, K / (1 + ((K - y0) / y0) * math.exp(-r * t)))
