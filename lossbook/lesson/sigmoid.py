r"""Chapter 6 (``docs/06-sigmoid.md``): the sigmoid on the petals, swapped labels, decision
thresholds and boundaries, two iris species.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .. import datasets as _datasets
from ..activations import logit as _logit
from ..activations import sigmoid as _sigmoid
from ..losses import add_bias as _add_bias
from ..losses import bce_objective as _bce_objective
from ..models import LogisticRegression as _LogisticRegression
from ..text import fmt, given, sci, tr
from ._given import PETAL_LINES, PETAL_PROBABILITY, THRESHOLD
from ._table import Col, table, values_table

__all__ = [
    "petal_sigmoid_table",
    "label_swap",
    "decision_threshold",
    "circle_boundary",
    "iris_logistic_fit",
    "sigmoid_symmetry",
    "sigmoid_slope",
    "sigmoid_tail",
    "petal_for_probability",
    "steeper_sigmoid",
]


@dataclass(frozen=True)
class PetalSigmoidTable:
    """:math:`z = w x + b` and :math:`\\sigma(z)` on the six petals."""

    w: float
    b: float
    x: tuple[float, ...]
    y: tuple[float, ...]
    z: tuple[float, ...]
    y_prob: tuple[float, ...]

    @property
    def boundary(self) -> float:
        r"""The petal length where :math:`z = 0` (:math:`\hat y = 0.5`): :math:`x = -b/w`.

        >>> round(petal_sigmoid_table().boundary, 3)
        2.212
        """
        return -self.b / self.w

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (Col("chiều dài cánh hoa", "petal length"), Col("nhãn", "label"), Col("$z$"), Col(r"$\sigma(z)$"))
        rows = [
            (given(x), given(y), fmt(z, digits), fmt(p, digits))
            for x, y, z, p in zip(self.x, self.y, self.z, self.y_prob, strict=True)
        ]
        return table(lang, columns, rows)


def petal_sigmoid_table(w: float = PETAL_LINES[1][0], b: float = PETAL_LINES[1][1]) -> PetalSigmoidTable:
    r"""The slides' sigmoid tables on the six petals: :math:`z = w x + b`,
    :math:`\hat y = \sigma(z)`.

    The slides show two: :math:`z = 0.535x - 0.654` (a poor fit, every
    :math:`\sigma(z)` near 0.5) and :math:`z = 2.331x - 5.156` (a good one). The first
    table's :math:`z` column is exactly :math:`0.535x - 0.654`; both tables' other printed
    digits are these values truncated, not rounded (see the errata).

    >>> print(petal_sigmoid_table().markdown("en"))
    | petal length | label | $z$ | $\sigma(z)$ |
    |--:|--:|--:|--:|
    | 1.4 | 0 | −1.8926 | 0.1309 |
    | 1 | 0 | −2.8250 | 0.0560 |
    | 1.5 | 0 | −1.6595 | 0.1598 |
    | 3 | 1 | 1.8370 | 0.8626 |
    | 3.8 | 1 | 3.7018 | 0.9759 |
    | 4.1 | 1 | 4.4011 | 0.9879 |
    >>> print(petal_sigmoid_table(0.535, -0.654).markdown("vi"))
    | chiều dài cánh hoa | nhãn | $z$ | $\sigma(z)$ |
    |--:|--:|--:|--:|
    | 1.4 | 0 | 0.0950 | 0.5237 |
    | 1 | 0 | −0.1190 | 0.4703 |
    | 1.5 | 0 | 0.1485 | 0.5371 |
    | 3 | 1 | 0.9510 | 0.7213 |
    | 3.8 | 1 | 1.3790 | 0.7988 |
    | 4.1 | 1 | 1.5395 | 0.8234 |
    """
    data = _datasets.petal_lengths()
    z = _add_bias(data.X) @ np.array([b, w], dtype=float)
    return PetalSigmoidTable(
        float(w),
        float(b),
        tuple(map(float, data.x)),
        tuple(map(float, data.y)),
        tuple(map(float, z)),
        tuple(map(float, _sigmoid(z))),
    )


@dataclass(frozen=True)
class LabelSwap:
    """Mean BCE of a sigmoid model on the petals, and of the mirrored model on swapped labels."""

    w: float
    b: float
    original: float
    swapped: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (Col("nhãn", "labels", "l"), Col("mô hình", "model", "l"), Col("$J$ (BCE)"))
        rows = [
            (tr(lang, "gốc", "original"), f"$({fmt(self.w, 3)}, {fmt(self.b, 3)})$", fmt(self.original, digits)),
            (tr(lang, "đã đổi", "swapped"), f"$({fmt(-self.w, 3)}, {fmt(-self.b, 3)})$", fmt(self.swapped, digits)),
        ]
        return table(lang, columns, rows)


def label_swap(w: float = PETAL_LINES[1][0], b: float = PETAL_LINES[1][1]) -> LabelSwap:
    r"""Swapping the labels :math:`y 	o 1 - y` is undone by :math:`(w, b) 	o (-w, -b)`:
    :math:`\sigma(-z) = 1 - \sigma(z)`, so the mirrored model gives each flower, as the
    probability of its new label, what the original gave its old one, and the loss is the same.

    .. math:: J(-	heta;\, 1 - y) = J(	heta;\, y)

    >>> r = label_swap()
    >>> round(r.original, 4), round(r.swapped, 4)
    (0.0927, 0.0927)
    """
    data, flipped = _datasets.petal_lengths(), _datasets.petal_lengths(flipped=True)
    return LabelSwap(
        float(w),
        float(b),
        float(_bce_objective(data.X, data.y, [b, w])),
        float(_bce_objective(flipped.X, flipped.y, [-b, -w])),
    )


@dataclass(frozen=True)
class DecisionThreshold:
    """:math:`\\hat y = \\sigma(z) \\ge t \\iff z \\ge \\operatorname{logit}(t)`, on a few logits."""

    threshold: float
    z_threshold: float
    z: tuple[float, ...]
    y_prob: tuple[float, ...]
    predicted: tuple[int, ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        t = fmt(self.threshold, 2)
        columns = (
            Col("$z$"),
            Col(r"$\hat y = \sigma(z)$"),
            Col(rf"$\hat y \ge {t}$?", align="c"),
            Col("lớp dự đoán", "predicted class"),
        )
        yes, no = tr(lang, "có", "yes"), tr(lang, "không", "no")
        rows = [
            (given(z), fmt(p, digits), yes if c else no, str(c))
            for z, p, c in zip(self.z, self.y_prob, self.predicted, strict=True)
        ]
        return table(lang, columns, rows)


def decision_threshold(
    z: Sequence[float] = (-2.0, -0.5, 0.0, 0.5, 2.0), threshold: float = THRESHOLD
) -> DecisionThreshold:
    r"""The notes' rule: predict :math:`y = 1` when :math:`\hat y = \sigma(z) \ge 0.5`.
    The sigmoid is increasing and :math:`\sigma(0) = 0.5`, so this is :math:`z \ge 0`: the
    decision boundary is the set where :math:`z = w\cdot x + b = 0`. For another
    threshold :math:`t` the cut is :math:`z \ge \operatorname{logit}(t)`.

    >>> r = decision_threshold()
    >>> r.z_threshold
    0.0
    >>> print(r.markdown("en"))
    | $z$ | $\hat y = \sigma(z)$ | $\hat y \ge 0.50$? | predicted class |
    |--:|--:|:-:|--:|
    | −2 | 0.1192 | no | 0 |
    | −0.5 | 0.3775 | no | 0 |
    | 0 | 0.5000 | yes | 1 |
    | 0.5 | 0.6225 | yes | 1 |
    | 2 | 0.8808 | yes | 1 |
    """
    z_arr = np.asarray(z, dtype=float)
    y_prob = _sigmoid(z_arr)
    return DecisionThreshold(
        float(threshold),
        _logit(float(threshold)),
        tuple(map(float, z_arr)),
        tuple(map(float, y_prob)),
        tuple(int(p >= threshold) for p in y_prob),
    )


@dataclass(frozen=True)
class CircleBoundary:
    """:math:`z = w_1x_1^2 + w_2x_2^2 + b` at a few points, and the class they get."""

    w1: float
    w2: float
    b: float
    points: tuple[tuple[float, float], ...]
    z: tuple[float, ...]
    y_prob: tuple[float, ...]
    predicted: tuple[int, ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (
            Col("$(x_1, x_2)$"),
            Col("$z = x_1^2 + x_2^2 - 1$" if (self.w1, self.w2, self.b) == (1.0, 1.0, -1.0) else "$z$"),
            Col(r"$\sigma(z)$"),
            Col("vị trí", "where", "l"),
            Col("lớp", "class"),
        )
        where = {
            -1: tr(lang, "trong đường tròn", "inside the circle"),
            0: tr(lang, "trên đường tròn", "on the circle"),
            1: tr(lang, "ngoài đường tròn", "outside the circle"),
        }
        rows = [
            (
                f"({given(p[0])}, {given(p[1])})",
                fmt(z, digits),
                fmt(s, digits),
                where[0 if abs(z) < 1e-12 else int(np.sign(z))],
                str(c),
            )
            for p, z, s, c in zip(self.points, self.z, self.y_prob, self.predicted, strict=True)
        ]
        return table(lang, columns, rows)


def circle_boundary(
    points: Sequence[tuple[float, float]] = ((0.0, 0.0), (0.5, 0.5), (1.0, 0.0), (1.0, 1.0), (0.0, 1.5)),
    w1: float = 1.0,
    w2: float = 1.0,
    b: float = -1.0,
) -> CircleBoundary:
    r"""The notes' non-linear boundary: :math:`\hat y = \sigma(w_1x_1^2 + w_2x_2^2 + b)`
    with :math:`w_1 = w_2 = 1`, :math:`b = -1` predicts 1 exactly when
    :math:`x_1^2 + x_2^2 - 1 \ge 0`: the boundary is the unit circle (centre at the origin,
    radius 1), class 0 inside and class 1 on and outside it.

    >>> print(circle_boundary().markdown("en"))
    | $(x_1, x_2)$ | $z = x_1^2 + x_2^2 - 1$ | $\sigma(z)$ | where | class |
    |--:|--:|--:|:--|--:|
    | (0, 0) | −1.0000 | 0.2689 | inside the circle | 0 |
    | (0.5, 0.5) | −0.5000 | 0.3775 | inside the circle | 0 |
    | (1, 0) | 0.0000 | 0.5000 | on the circle | 1 |
    | (1, 1) | 1.0000 | 0.7311 | outside the circle | 1 |
    | (0, 1.5) | 1.2500 | 0.7773 | outside the circle | 1 |
    """
    P = np.asarray(points, dtype=float).reshape(-1, 2)
    features = P**2  # the model is linear in (x1^2, x2^2)
    z = _add_bias(features) @ np.array([b, w1, w2], dtype=float)
    y_prob = _sigmoid(z)
    return CircleBoundary(
        float(w1),
        float(w2),
        float(b),
        tuple((float(p[0]), float(p[1])) for p in P),
        tuple(float(v) + 0.0 for v in z),
        tuple(map(float, y_prob)),
        tuple(int(z_i >= 0.0) for z_i in z),
    )


@dataclass(frozen=True)
class IrisLogisticFit:
    r""":math:`\hat y = \sigma(w_1x_1 + w_2x_2 + b)` fitted to two iris species."""

    pair: str
    w1: float
    w2: float
    b: float

    def markdown(self, lang: str = "vi", digits: int = 2) -> str:
        return values_table(lang, [("$w_1$", None, self.w1), ("$w_2$", None, self.w2), ("$b$", None, self.b)], digits)


@functools.cache
def iris_logistic_fit(pair: str = "versicolor-virginica") -> IrisLogisticFit:
    r"""Logistic regression (BCE, Newton's method: :class:`lossbook.models.LogisticRegression`)
    on two iris species, two features: the boundary is the line
    :math:`w_1x_1 + w_2x_2 + b = 0`.

    >>> r = iris_logistic_fit()
    >>> round(r.w1, 2), round(r.w2, 2), round(r.b, 2)
    (5.75, 10.45, -45.27)
    """
    data = _datasets.iris_binary(pair)
    model = _LogisticRegression().fit(data.X, data.y)
    return IrisLogisticFit(str(pair), float(model.coef_[0]), float(model.coef_[1]), float(model.intercept_))


@dataclass(frozen=True)
class SigmoidSymmetry:
    r""":math:`\sigma(z)` and :math:`\sigma(-z)`, which add up to 1."""

    z: float
    y_hat: float
    mirrored: float
    total: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        return values_table(
            lang,
            [
                (r"$\sigma(z)$", None, self.y_hat),
                (r"$\sigma(-z)$", None, self.mirrored),
                (r"$\sigma(z) + \sigma(-z)$", None, self.total),
            ],
            digits,
        )


def sigmoid_symmetry(z: float = 2.0) -> SigmoidSymmetry:
    r""":math:`\sigma(-z) = \frac{1}{1 + e^{z}} = \frac{e^{-z}}{1 + e^{-z}} = 1 - \sigma(z)`, at ``z``.

    >>> r = sigmoid_symmetry()
    >>> round(r.y_hat, 4), round(r.mirrored, 4), r.total
    (0.8808, 0.1192, 1.0)
    """
    z = float(z)
    s, m = float(_sigmoid(z)), float(_sigmoid(-z))
    return SigmoidSymmetry(z, s, m, s + m)


@dataclass(frozen=True)
class SigmoidSlope:
    r""":math:`\sigma'(z) = \sigma(z)(1 - \sigma(z))` against a central difference."""

    z: float
    h: float
    analytic: float
    numerical: float

    def markdown(self, lang: str = "vi", digits: int = 6) -> str:
        return values_table(
            lang,
            [
                (r"$\sigma(z)(1 - \sigma(z))$", None, self.analytic),
                ("sai phân trung tâm", "central difference", self.numerical),
            ],
            digits,
        )


def sigmoid_slope(z: float = 1.0, h: float = 1e-5) -> SigmoidSlope:
    r"""The sigmoid's derivative :math:`\sigma'(z) = \sigma(z)(1 - \sigma(z))`
    (:func:`lossbook.activations.sigmoid_derivative`) against
    :math:`\frac{\sigma(z + h) - \sigma(z - h)}{2h}`.

    >>> r = sigmoid_slope()
    >>> round(r.analytic, 6), round(r.numerical, 6)
    (0.196612, 0.196612)
    """
    z, h = float(z), float(h)
    s = float(_sigmoid(z))
    return SigmoidSlope(z, h, s * (1.0 - s), float((_sigmoid(z + h) - _sigmoid(z - h)) / (2.0 * h)))


@dataclass(frozen=True)
class SigmoidTail:
    r""":math:`1 - \sigma(z)` by a subtraction (every digit lost for large :math:`z`) and as :math:`\sigma(-z)`."""

    z: float
    naive: float
    stable: float

    def markdown(self, lang: str = "vi", digits: int = 1) -> str:
        return table(
            lang,
            (Col("cách tính", "computed as", "l"), Col("giá trị", "value")),
            [(r"$1 - \sigma(z)$", fmt(self.naive, digits)), (r"$\sigma(-z)$", sci(self.stable, 4))],
        )


def sigmoid_tail(z: float = 40.0) -> SigmoidTail:
    r"""In float64 :math:`\sigma(40)` rounds to exactly 1 (the gap below 1 is :math:`2^{-53}`),
    so :math:`1 - \sigma(40)` is 0, while :math:`\sigma(-40) \approx 4.2 \times 10^{-18}` keeps
    every digit.

    >>> r = sigmoid_tail()
    >>> r.naive, r.stable
    (0.0, 4.248354255291589e-18)
    """
    z = float(z)
    return SigmoidTail(z, float(1.0 - _sigmoid(z)), float(_sigmoid(-z)))


@dataclass(frozen=True)
class PetalForProbability:
    r"""The petal length at which the line :math:`z = wx + b` gives a probability."""

    probability: float
    w: float
    b: float
    z: float
    x: float
    y_hat: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        return values_table(
            lang,
            [
                (r"$z = \operatorname{logit}(\hat y)$", None, self.z),
                (r"$x = (z - b)/w$", None, self.x),
                (r"$\sigma(wx + b)$", None, self.y_hat),
            ],
            digits,
        )


def petal_for_probability(
    probability: float = PETAL_PROBABILITY, w: float = PETAL_LINES[1][0], b: float = PETAL_LINES[1][1]
) -> PetalForProbability:
    r"""Invert the slides' sigmoid: :math:`\sigma(wx + b) = p` when
    :math:`z = \operatorname{logit}(p) = \ln\frac{p}{1 - p}`, i.e.
    :math:`x = (\operatorname{logit}(p) - b)/w`; ``y_hat`` checks it.

    >>> r = petal_for_probability()
    >>> round(r.z, 4), round(r.x, 3), round(r.y_hat, 4)
    (2.1972, 3.155, 0.9)
    """
    w, b = float(w), float(b)
    z = float(_logit(float(probability)))
    x = (z - b) / w
    return PetalForProbability(float(probability), w, b, z, x, float(_sigmoid(w * x + b)))


@dataclass(frozen=True)
class SteeperSigmoid:
    r"""One petal under the slides' good line and under the same line scaled by ``scale``."""

    scale: float
    x: float
    y_hat: float
    y_hat_scaled: float
    one_minus: float
    one_minus_scaled: float
    boundary: float
    boundary_scaled: float

    def markdown(self, lang: str = "vi", digits: int = 6) -> str:
        return table(
            lang,
            (Col("đường", "line", "l"), Col(r"$\hat y$"), Col(r"$1 - \hat y = \sigma(-z)$"), Col("$-b/w$")),
            [
                ("$(w, b)$", fmt(self.y_hat, digits), sci(self.one_minus, 2), fmt(self.boundary, 3)),
                (
                    f"${given(self.scale)}\\,(w, b)$",
                    fmt(self.y_hat_scaled, digits),
                    sci(self.one_minus_scaled, 2),
                    fmt(self.boundary_scaled, 3),
                ),
            ],
        )


def steeper_sigmoid(
    scale: float = 10.0, x: float = 3.0, w: float = PETAL_LINES[1][0], b: float = PETAL_LINES[1][1]
) -> SteeperSigmoid:
    r"""Scale both :math:`w` and :math:`b` by ``scale``: the boundary :math:`x = -b/w` stays, the
    sigmoid gets steeper, :math:`\hat y = \sigma(\text{scale}\cdot(wx + b))`, and
    :math:`1 - \hat y = \sigma(-\text{scale}\cdot z)` (computed as such: no digit lost).

    >>> r = steeper_sigmoid()
    >>> round(r.y_hat, 4), round(r.y_hat_scaled, 6), r.boundary == r.boundary_scaled
    (0.8626, 1.0, True)
    >>> f"{r.one_minus_scaled:.2e}"
    '1.04e-08'
    """
    s, x, w, b = float(scale), float(x), float(w), float(b)
    z = w * x + b
    return SteeperSigmoid(
        s,
        x,
        float(_sigmoid(z)),
        float(_sigmoid(s * z)),
        float(_sigmoid(-z)),
        float(_sigmoid(-s * z)),
        -b / w,
        -(s * b) / (s * w),
    )
