r"""Chapter 7 (``docs/07-mse-sigmoid.md``): the squared error on a sigmoid: its curvature, vanishing
gradients, a concave region.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .. import datasets as _datasets
from ..activations import sigmoid as _sigmoid
from ..losses import add_bias as _add_bias
from ..losses import bce_grad as _bce_grad
from ..losses import bce_second_derivative as _bce_second_derivative
from ..losses import sigmoid_mse_grad as _sigmoid_mse_grad
from ..losses import sigmoid_mse_hessian as _sigmoid_mse_hessian
from ..losses import sigmoid_mse_negative_curvature as _sigmoid_mse_negative_curvature
from ..losses import sigmoid_mse_objective as _sigmoid_mse_objective
from ..losses import sigmoid_mse_second_derivative as _sigmoid_mse_second_derivative
from ..optim import full_batch_gd as _full_batch_gd
from ..text import fmt, given
from ._given import CURVATURE_Y_HAT, PETAL_LINES, SGD_B, SGD_W, SGD_X, SGD_Y
from ._table import Col, table, values_table
from .mse_stuck import mislabelled_flower, mse_curvature_cubic, mse_long_run, proper_scores
from .through_the_logit import logit_curvature_table

__all__ = [
    "sigmoid_mse_curvature",
    "saturation_gradients",
    "flipped_line_descent",
    "sigmoid_mse_concavity",
    "sigmoid_mse_most_negative",
    "first_sample_gradients",
    "mse_long_run",
    "mse_curvature_cubic",
    "proper_scores",
    "mislabelled_flower",
    "logit_curvature_table",
]


@dataclass(frozen=True)
class SigmoidMSECurvature:
    """Sign of the sigmoid + MSE second derivative, with the BCE one for comparison."""

    x: float
    negative_when_y0: tuple[float, float]
    negative_when_y1: tuple[float, float]
    y_hat: tuple[float, ...]
    mse_y0: tuple[float, ...]
    mse_y1: tuple[float, ...]
    bce: tuple[float, ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (Col(r"$\hat y$"), Col(r"MSE, $y = 0$"), Col(r"MSE, $y = 1$"), Col("BCE"))
        rows = [
            (given(p), fmt(a, digits), fmt(b, digits), fmt(c, digits))
            for p, a, b, c in zip(self.y_hat, self.mse_y0, self.mse_y1, self.bce, strict=True)
        ]
        return table(lang, columns, rows)


def sigmoid_mse_curvature(y_hat: Sequence[float] = CURVATURE_Y_HAT, x: float = 1.0) -> SigmoidMSECurvature:
    r"""The slides' second derivative of :math:`(\hat y - y)^2` with :math:`\hat y = \sigma(z)`,

    .. math:: \frac{\partial^2 L}{\partial\theta_i^2} = 2x_i^2\,\hat y(1-\hat y)\,[-3\hat y^2 + 2\hat y - y + 2y\hat y]

    whose sign is the bracket's: for :math:`y = 0`, :math:`-3\hat y^2 + 2\hat y < 0` when
    :math:`\hat y > 2/3`; for :math:`y = 1`, :math:`-3\hat y^2 + 4\hat y - 1 < 0` when
    :math:`\hat y < 1/3`. Negative curvature where the model is confidently wrong: MSE on
    a sigmoid is not convex. The BCE's :math:`x_i^2\hat y(1 - \hat y)` is never negative.

    >>> r = sigmoid_mse_curvature()
    >>> r.negative_when_y0, r.negative_when_y1
    ((0.6666666666666666, 1.0), (0.0, 0.3333333333333333))
    >>> print(r.markdown("en"))
    | $\hat y$ | MSE, $y = 0$ | MSE, $y = 1$ | BCE |
    |--:|--:|--:|--:|
    | 0.1 | 0.0306 | −0.1134 | 0.0900 |
    | 0.25 | 0.1172 | −0.0703 | 0.1875 |
    | 0.5 | 0.1250 | 0.1250 | 0.2500 |
    | 0.75 | −0.0703 | 0.1172 | 0.1875 |
    | 0.9 | −0.1134 | 0.0306 | 0.0900 |
    """
    p = np.asarray(y_hat, dtype=float)
    xs = np.full_like(p, float(x))
    return SigmoidMSECurvature(
        float(x),
        _sigmoid_mse_negative_curvature(0),
        _sigmoid_mse_negative_curvature(1),
        tuple(map(float, p)),
        tuple(map(float, _sigmoid_mse_second_derivative(xs, np.zeros_like(p), p))),
        tuple(map(float, _sigmoid_mse_second_derivative(xs, np.ones_like(p), p))),
        tuple(map(float, _bce_second_derivative(xs, p))),
    )


@dataclass(frozen=True)
class SaturationGradients:
    r"""The gradient in :math:`b` of sigmoid + MSE and of BCE for one sample, at several :math:`z`."""

    x: float
    y: float
    z: tuple[float, ...]
    y_hat: tuple[float, ...]
    mse: tuple[float, ...]
    bce: tuple[float, ...]
    ratio: tuple[float, ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (
            Col("$z$"),
            Col(r"$\hat y = \sigma(z)$"),
            Col(r"MSE: $2(\hat y - y)\hat y(1 - \hat y)$"),
            Col(r"BCE: $\hat y - y$"),
            Col("tỉ số BCE / MSE", "ratio BCE / MSE"),
        )
        rows = [
            (fmt(z, 0), fmt(p, digits), fmt(m, digits), fmt(c, digits), fmt(q, 1))
            for z, p, m, c, q in zip(self.z, self.y_hat, self.mse, self.bce, self.ratio, strict=True)
        ]
        return table(lang, columns, rows)


def saturation_gradients(
    z: Sequence[float] = (-6.0, -4.0, -2.0, 0.0, 2.0), x: float = 1.0, y: float = 1.0
) -> SaturationGradients:
    r"""One sample with label :math:`y = 1`, :math:`\theta = (b, w) = (z, 0)`: the MSE gradient
    :math:`2(\hat y - y)\,\hat y(1 - \hat y)` vanishes when :math:`\hat y` is confidently
    wrong, the BCE gradient :math:`\hat y - y` does not; the ratio is
    :math:`1 / \bigl(2\hat y(1 - \hat y)\bigr)`.

    >>> r = saturation_gradients()
    >>> round(r.ratio[0])
    203
    """
    X, Y = [[float(x)]], [float(y)]
    zs = tuple(float(v) for v in z)
    mse = tuple(float(_sigmoid_mse_grad(X, Y, [v, 0.0])[0]) for v in zs)
    bce = tuple(float(_bce_grad(X, Y, [v, 0.0])[0]) for v in zs)
    return SaturationGradients(
        float(x),
        float(y),
        zs,
        tuple(float(_sigmoid(v)) for v in zs),
        mse,
        bce,
        tuple(c / m for c, m in zip(bce, mse, strict=True)),
    )


@dataclass(frozen=True)
class FlippedLineDescent:
    r"""Full-batch gradient descent with MSE and with BCE from the same wrong start."""

    theta0: tuple[float, ...]
    m: int
    start_mse: float
    start_mse_gradient: float
    start_bce_gradient: float
    steps: tuple[int, ...]
    mse_loss: tuple[float, ...]
    mse_correct: tuple[int, ...]
    bce_loss: tuple[float, ...]
    bce_correct: tuple[int, ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (
            Col("bước", "step"),
            Col("MSE: $J$"),
            Col("MSE: số hoa đúng", "MSE: flowers right"),
            Col("BCE: $J$"),
            Col("BCE: số hoa đúng", "BCE: flowers right"),
        )
        rows = [
            (str(k), fmt(jm, digits), f"{cm} / {self.m}", fmt(jb, digits), f"{cb} / {self.m}")
            for k, jm, cm, jb, cb in zip(
                self.steps, self.mse_loss, self.mse_correct, self.bce_loss, self.bce_correct, strict=True
            )
        ]
        return table(lang, columns, rows)


@functools.cache
def flipped_line_descent(
    w: float = PETAL_LINES[1][0],
    b: float = PETAL_LINES[1][1],
    scale: float = -2.0,
    lr: float = 0.5,
    steps: tuple[int, ...] = (0, 10, 100, 1000),
) -> FlippedLineDescent:
    r"""Start from the slides' good line turned around and doubled,
    :math:`\theta_0 = -2\,(b, w)`: every petal is confidently misclassified. The MSE
    gradient there is tiny (:math:`\hat y(1 - \hat y) \approx 0`), so gradient descent
    (:math:`\eta = 0.5`) on the MSE barely moves, while on the BCE it fixes the line.

    >>> r = flipped_line_descent()
    >>> print(r.markdown("en"))
    | step | MSE: $J$ | MSE: flowers right | BCE: $J$ | BCE: flowers right |
    |--:|--:|--:|--:|--:|
    | 0 | 0.9717 | 0 / 6 | 5.4536 | 0 / 6 |
    | 10 | 0.9708 | 0 / 6 | 3.3700 | 2 / 6 |
    | 100 | 0.5525 | 2 / 6 | 0.3572 | 6 / 6 |
    | 1000 | 0.5003 | 3 / 6 | 0.0193 | 6 / 6 |
    """
    data = _datasets.petal_lengths()
    theta0 = [float(scale) * float(b), float(scale) * float(w)]
    last = int(steps[-1])
    hm = _full_batch_gd(data.X, data.y, theta0, lr=float(lr), steps=last, loss="mse")
    hb = _full_batch_gd(data.X, data.y, theta0, lr=float(lr), steps=last)
    Xb = _add_bias(data.X)

    def right(h, k: int) -> int:
        return int(np.sum((Xb @ h.params[k] >= 0) == (data.y == 1)))

    ks = tuple(int(k) for k in steps)
    return FlippedLineDescent(
        tuple(theta0),
        int(data.m),
        _sigmoid_mse_objective(data.X, data.y, theta0),
        float(np.abs(_sigmoid_mse_grad(data.X, data.y, theta0)).max()),
        float(np.abs(_bce_grad(data.X, data.y, theta0)).max()),
        ks,
        tuple(float(hm.loss[k]) for k in ks),
        tuple(right(hm, k) for k in ks),
        tuple(float(hb.loss[k]) for k in ks),
        tuple(right(hb, k) for k in ks),
    )


@dataclass(frozen=True)
class SigmoidMSEConcavity:
    r"""The second derivative in :math:`b` of :math:`(\sigma(b + wx) - y)^2` at one point."""

    z: float
    y: float
    second_derivative: float
    finite_difference: float
    hessian_min_eigenvalue: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        return values_table(
            lang,
            [
                (r"$\partial^2 J/\partial b^2$", None, self.second_derivative),
                ("sai phân bậc hai", "second difference", self.finite_difference),
                (r"$\lambda_{\min}(H)$", None, self.hessian_min_eigenvalue),
            ],
            digits,
        )


def sigmoid_mse_concavity(z: float = 2.0, y: float = 0.0, h: float = 1e-4) -> SigmoidMSEConcavity:
    r"""Sigmoid + MSE for one sample :math:`x = 1`, :math:`y = 0` at :math:`\theta = (b, w) = (z, 0)`:
    :math:`J(b) = \sigma(b)^2` has :math:`J'' = 2\hat y^2(1 - \hat y)(2 - 3\hat y) < 0` for
    :math:`\hat y > 2/3`, checked with the second difference
    :math:`\frac{J(z+h) - 2J(z) + J(z-h)}{h^2}`; the Hessian in :math:`(b, w)` has a negative
    eigenvalue, so the loss is not convex.

    >>> r = sigmoid_mse_concavity()
    >>> round(r.second_derivative, 4), round(r.finite_difference, 4), round(r.hessian_min_eigenvalue, 4)
    (-0.1188, -0.1188, -0.2376)
    """
    z, y, h = float(z), float(y), float(h)

    def J(v: float) -> float:
        return (_sigmoid(v) - y) ** 2

    fd = (J(z + h) - 2 * J(z) + J(z - h)) / (h * h)
    return SigmoidMSEConcavity(
        z,
        y,
        float(_sigmoid_mse_second_derivative(1.0, y, _sigmoid(z))),
        float(fd),
        float(np.linalg.eigvalsh(_sigmoid_mse_hessian([[1.0]], [y], [z, 0.0])).min()),
    )


@dataclass(frozen=True)
class SigmoidMSEMostNegative:
    r"""Where on :math:`\hat y \in [0, 1]` the sigmoid + MSE curvature is most negative."""

    y: float
    minimum: float
    y_hat_at_minimum: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        return values_table(
            lang,
            [(r"$\min \partial^2 L/\partial z^2$", None, self.minimum), (r"$\hat y$", None, self.y_hat_at_minimum)],
            digits,
        )


def sigmoid_mse_most_negative(y: float = 1.0, x: float = 1.0, points: int = 100001) -> SigmoidMSEMostNegative:
    r"""The curvature :math:`\partial^2 L/\partial z^2 = 2\hat y(1 - \hat y)\bigl(-3\hat y^2 + (2 + 2y)\hat y - y\bigr)`
    (:func:`lossbook.losses.sigmoid_mse_second_derivative`) on a grid of ``points`` values of
    :math:`\hat y \in [0, 1]`: its minimum and where it is reached.

    >>> r = sigmoid_mse_most_negative()
    >>> round(r.minimum, 4), round(r.y_hat_at_minimum, 3)
    (-0.1202, 0.136)
    """
    p = np.linspace(0.0, 1.0, int(points))
    values = _sigmoid_mse_second_derivative(np.full_like(p, float(x)), np.full_like(p, float(y)), p)
    return SigmoidMSEMostNegative(float(y), float(values.min()), float(p[values.argmin()]))


@dataclass(frozen=True)
class FirstSampleGradients:
    r"""The gradient :math:`(L'_b, L'_w)` of sigmoid + MSE and of BCE on one sample."""

    x: float
    y: float
    theta: tuple[float, float]
    y_hat: float
    mse: tuple[float, float]
    bce: tuple[float, float]
    factor: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        return table(
            lang,
            (Col("", align="l"), Col("$L'_b$"), Col("$L'_w$")),
            [
                ("MSE", fmt(self.mse[0], digits), fmt(self.mse[1], digits)),
                ("BCE", fmt(self.bce[0], digits), fmt(self.bce[1], digits)),
            ],
        )


def first_sample_gradients(
    x: float = SGD_X, y: float = SGD_Y, w: float = SGD_W, b: float = SGD_B
) -> FirstSampleGradients:
    r"""The slides' first sample (:math:`x = 1.4`, :math:`y = 0`, :math:`w = -0.1`, :math:`b = 0.1`):
    with :math:`\hat y = \sigma(wx + b)`, the MSE gradient
    :math:`2(\hat y - y)\,\hat y(1 - \hat y)\,(1, x)` is the BCE gradient :math:`(\hat y - y)(1, x)`
    times ``factor`` :math:`= 2\hat y(1 - \hat y)`.

    >>> r = first_sample_gradients()
    >>> round(r.y_hat, 2), [round(g, 4) for g in r.mse], [round(g, 4) for g in r.bce], round(r.factor, 4)
    (0.49, [0.2449, 0.3429], [0.49, 0.686], 0.4998)
    """
    x, y, w, b = float(x), float(y), float(w), float(b)
    X, Y, theta = [[x]], [y], [b, w]
    s = float(_sigmoid(w * x + b))
    mse = tuple(float(g) for g in _sigmoid_mse_grad(X, Y, theta))
    bce = tuple(float(g) for g in _bce_grad(X, Y, theta))
    return FirstSampleGradients(x, y, (b, w), s, mse, bce, 2.0 * s * (1.0 - s))
