r"""Chapter 4 (``docs/04-why-not-a-line.md``): a straight line through 0/1 labels, the tumour
threshold, logistic regression on the tumour sizes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .. import datasets as _datasets
from ..activations import logit as _logit
from ..activations import sigmoid as _sigmoid
from ..gradcheck import numerical_gradient as _numerical_gradient
from ..models import LinearRegression as _LinearRegression
from ..models import LogisticRegression as _LogisticRegression
from ..text import fmt, given, tr
from ._given import THRESHOLD, TUMOUR_PROBABILITY
from ._table import Col, table

__all__ = ["petal_line_fit", "tumour_threshold", "tumour_model", "hard_threshold_descent"]


@dataclass(frozen=True)
class PetalLineFit:
    r"""The least-squares line :math:`\hat y = wx + b` through 0/1 labels."""

    w: float
    b: float
    x: tuple[float, ...]
    y: tuple[float, ...]
    predicted: tuple[float, ...]
    crossing_zero: float
    crossing_half: float
    crossing_one: float

    def predict(self, x: float) -> float:
        """The line at ``x``."""
        return float(self.w * float(x) + self.b)

    def markdown(self, lang: str = "vi", digits: int = 3) -> str:
        columns = (
            Col("chiều dài cánh hoa $x$", "petal length $x$"),
            Col("nhãn $y$", "label $y$"),
            Col(r"dự đoán $\hat y = wx + b$", r"prediction $\hat y = wx + b$"),
            Col("trong $[0, 1]$?", "in $[0, 1]$?", "c"),
        )
        yes, no = tr(lang, "có", "yes"), tr(lang, "không", "no")
        rows = [
            (given(x), given(y), fmt(p, digits), yes if 0 <= p <= 1 else no)
            for x, y, p in zip(self.x, self.y, self.predicted, strict=True)
        ]
        return table(lang, columns, rows)


def petal_line_fit(flipped: bool = False, outlier: float | None = None) -> PetalLineFit:
    r"""Linear regression on the six petals' 0/1 labels (:class:`lossbook.models.LinearRegression`),
    optionally with the labels flipped or with one more long petal ``outlier`` of class 1.
    The line crosses :math:`\hat y = c` at :math:`x = (c - b)/w`.

    >>> r = petal_line_fit()
    >>> round(r.w, 3), round(r.b, 3), round(r.crossing_half, 3)
    (0.391, -0.464, 2.467)
    """
    data = _datasets.petal_lengths(flipped=bool(flipped))
    X, y = data.X, data.y
    if outlier is not None:
        X, y = np.vstack([X, [[float(outlier)]]]), np.append(y, 1.0)
    model = _LinearRegression().fit(X, y)
    w, b = float(model.coef_[0]), float(model.intercept_)
    return PetalLineFit(
        w,
        b,
        tuple(float(v) for v in X[:, 0]),
        tuple(float(v) for v in y),
        tuple(float(v) for v in model.predict(X)),
        -b / w,
        (0.5 - b) / w,
        (1 - b) / w,
    )


@dataclass(frozen=True)
class TumourThreshold:
    """One tumour's probability of being malignant against the threshold."""

    probability: float
    threshold: float
    z: float
    malignant: bool

    def label(self, lang: str = "vi") -> str:
        """The decision in words.

        >>> tumour_threshold().label("vi"), tumour_threshold().label("en")
        ('lành tính', 'benign')
        """
        return tr(lang, "ác tính", "malignant") if self.malignant else tr(lang, "lành tính", "benign")

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (
            Col(r"$\hat y$"),
            Col("ngưỡng", "threshold"),
            Col(r"$z = \operatorname{logit}(\hat y)$"),
            Col("kết luận", "decision", "l"),
        )
        return table(
            lang, columns, [(given(self.probability), given(self.threshold), fmt(self.z, digits), self.label(lang))]
        )


def tumour_threshold(probability: float = TUMOUR_PROBABILITY, threshold: float = THRESHOLD) -> TumourThreshold:
    r"""The notes' tumour story: the model says the tumour is malignant with probability
    0.34; with threshold 0.5 it is classified benign, since :math:`0.34 < 0.5`
    (equivalently its logit :math:`z = \ln\frac{0.34}{0.66} < 0`).

    >>> r = tumour_threshold()
    >>> r.malignant, round(r.z, 4)
    (False, -0.6633)
    >>> print(r.markdown("vi"))
    | $\hat y$ | ngưỡng | $z = \operatorname{logit}(\hat y)$ | kết luận |
    |--:|--:|--:|:--|
    | 0.34 | 0.5 | −0.6633 | lành tính |
    """
    p, t = float(probability), float(threshold)
    return TumourThreshold(p, t, _logit(p), p >= t)


@dataclass(frozen=True)
class TumourModel:
    """Logistic regression of malignancy on tumour size, fitted on the real data."""

    m: int
    w: float
    b: float
    n_iter: int
    boundary_radius: float
    probability: float
    radius_at_probability: float
    radii: tuple[float, ...]
    z: tuple[float, ...]
    y_prob: tuple[float, ...]
    malignant: tuple[bool, ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (
            Col("bán kính trung bình", "mean radius"),
            Col("$z = wx + b$"),
            Col(r"$\hat y = \sigma(z)$"),
            Col("kết luận (ngưỡng 0.5)", "decision (threshold 0.5)", "l"),
        )
        rows = [
            (
                given(r),
                fmt(z, digits),
                fmt(p, digits),
                tr(lang, "ác tính", "malignant") if c else tr(lang, "lành tính", "benign"),
            )
            for r, z, p, c in zip(self.radii, self.z, self.y_prob, self.malignant, strict=True)
        ]
        return table(lang, columns, rows)


def tumour_model(
    radii: Sequence[float] = (10.0, 13.0, 14.0, 15.0, 20.0),
    probability: float = TUMOUR_PROBABILITY,
    threshold: float = THRESHOLD,
) -> TumourModel:
    r"""The notes' tumour story on real data: logistic regression of *malignant* on the
    ``mean radius`` of the 569 tumours of :func:`lossbook.datasets.tumour_sizes`, fitted by
    :class:`lossbook.models.LogisticRegression` (Newton, BCE, no penalty).

    The decision boundary is the radius where :math:`z = wx + b = 0`, i.e.
    :math:`\hat y = 0.5`; the radius where the model says "malignant with probability
    0.34" (the notes' example) lies below it, so that tumour is called benign.

    >>> r = tumour_model()
    >>> round(r.w, 4), round(r.b, 4), round(r.boundary_radius, 2), round(r.radius_at_probability, 2)
    (1.0336, -15.2459, 14.75, 14.11)
    >>> print(r.markdown("en"))
    | mean radius | $z = wx + b$ | $\hat y = \sigma(z)$ | decision (threshold 0.5) |
    |--:|--:|--:|:--|
    | 10 | −4.9100 | 0.0073 | benign |
    | 13 | −1.8092 | 0.1407 | benign |
    | 14 | −0.7756 | 0.3153 | benign |
    | 15 | 0.2580 | 0.5641 | malignant |
    | 20 | 5.4259 | 0.9956 | malignant |
    """
    data = _datasets.tumour_sizes()
    clf = _LogisticRegression().fit(data.X, data.y)
    w, b = float(clf.coef_[0]), float(clf.intercept_)
    r = np.asarray(radii, dtype=float)
    z = clf.decision_function(r.reshape(-1, 1))
    y_prob = _sigmoid(z)
    p = float(probability)
    return TumourModel(
        data.m,
        w,
        b,
        int(clf.n_iter_),
        -b / w,
        p,
        (_logit(p) - b) / w,
        tuple(map(float, r)),
        tuple(map(float, z)),
        tuple(map(float, y_prob)),
        tuple(bool(v >= threshold) for v in y_prob),
    )


@dataclass(frozen=True)
class HardThresholdDescent:
    r"""Gradient descent on the squared error of a hard-threshold model, against a sigmoid."""

    start: tuple[float, float]
    end: tuple[float, float]
    steps: int
    lr: float
    gradient: tuple[float, float]
    smooth_gradient: tuple[float, float]
    cost: float
    errors: int

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        r"""The two models' gradients at the start, and where descent has taken the step model.

        >>> print(hard_threshold_descent().markdown("en"))
        | model | $\partial J/\partial b$ | $\partial J/\partial w$ |
        |:--|--:|--:|
        | hard threshold $\operatorname{step}(z)$ | 0.0000 | 0.0000 |
        | sigmoid $\sigma(z)$ | −0.1288 | −0.4726 |
        """
        columns = (
            Col("mô hình", "model", "l"),
            Col(r"$\partial J/\partial b$"),
            Col(r"$\partial J/\partial w$"),
        )
        rows = [
            (
                tr(lang, "ngưỡng cứng", "hard threshold") + r" $\operatorname{step}(z)$",
                *(fmt(g, digits) for g in self.gradient),
            ),
            (r"sigmoid $\sigma(z)$", *(fmt(g, digits) for g in self.smooth_gradient)),
        ]
        return table(lang, columns, rows)


def hard_threshold_descent(b: float = -4.0, w: float = 1.0, lr: float = 0.5, steps: int = 100) -> HardThresholdDescent:
    r"""Why not a hard threshold: on the six petals, the model
    :math:`\hat y = \operatorname{step}(b + wx)` (1 if :math:`z \ge 0`, else 0) with the cost
    :math:`J(\theta) = \frac1m\sum_i (\hat y_i - y_i)^2`, :math:`\theta = (b, w)`.

    :math:`\operatorname{step}'(z) = 0` for every :math:`z \ne 0`, so
    :math:`\nabla J = \frac2m\sum_i (\hat y_i - y_i)\operatorname{step}'(z_i)\,(1, x_i) = 0`
    wherever no petal sits exactly on the boundary: gradient descent (central differences,
    :math:`h = 10^{-5}`) never moves, whatever the misclassified petals. The same cost with
    :math:`\hat y = \sigma(z)` has a gradient that points the way out.

    >>> r = hard_threshold_descent()
    >>> r.gradient, r.start == r.end, r.errors, round(r.cost, 4)
    ((0.0, 0.0), True, 2, 0.3333)
    >>> [round(g, 4) for g in r.smooth_gradient]
    [-0.1288, -0.4726]
    >>> hard_threshold_descent(steps=0)
    Traceback (most recent call last):
    ...
    ValueError: steps must be a positive integer; got 0
    """
    if not isinstance(steps, int) or steps < 1:
        raise ValueError(f"steps must be a positive integer; got {steps!r}")
    if not float(lr) > 0:
        raise ValueError(f"lr must be positive; got {lr!r}")
    data = _datasets.petal_lengths()
    x, y = data.X[:, 0], data.y

    def cost(theta: np.ndarray, link) -> float:
        return float(np.mean((link(theta[0] + theta[1] * x) - y) ** 2))

    def step(z: np.ndarray) -> np.ndarray:
        return (z >= 0).astype(float)

    theta0 = np.array([float(b), float(w)])
    theta = theta0.copy()
    for _ in range(steps):
        theta = theta - float(lr) * _numerical_gradient(lambda t: cost(t, step), theta)
    grad = _numerical_gradient(lambda t: cost(t, step), theta0)
    smooth = _numerical_gradient(lambda t: cost(t, _sigmoid), theta0)
    errors = int(np.sum(step(theta[0] + theta[1] * x) != y))
    return HardThresholdDescent(
        tuple(map(float, theta0)),
        tuple(map(float, theta)),
        steps,
        float(lr),
        tuple(float(g) + 0.0 for g in grad),
        tuple(map(float, smooth)),
        cost(theta, step),
        errors,
    )
