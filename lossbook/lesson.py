r"""Every worked example of the lesson, recomputed (all chapters).

One function per worked example of the three sources (slides ``002``, blog ``000``,
notes ``004``). Each returns a small frozen dataclass holding the numbers as Python
floats (tuples for columns) and a ``markdown(lang="vi")`` method that renders the page's
table: Vietnamese (``"vi"``) or English (``"en"``) headers, numbers with fixed decimals and
a true minus sign (U+2212), numeric columns right-aligned. ``markdown`` returns the table
only (no trailing newline, no surrounding blank lines: leave a blank line around the
``{{ ... }}`` placeholder in the page).

The inputs (the lesson's given data: ``x = 1.4``, ``eta = 0.01``, ``w = 2.331``...) are
the defaults of the functions; everything else is computed by :mod:`lossbook`. Where a
source prints a different number, :mod:`lossbook.errata` records it and says why.

>>> print(sgd_step_one_feature().markdown("en"))
| | before | gradient $L'$ | after |
|:--|--:|--:|--:|
| $b$ | 0.1000 | 0.4900 | 0.0951 |
| $w$ | −0.1000 | 0.6860 | −0.1069 |
| $z$ | −0.0400 | | −0.0545 |
| $\hat y$ | 0.4900 | | 0.4864 |
| $L$ | 0.6733 | | 0.6663 |
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from . import datasets as _datasets
from .activations import logistic_growth as _logistic_growth
from .activations import logistic_growth_rhs as _logistic_growth_rhs
from .activations import logit as _logit
from .activations import sigmoid as _sigmoid
from .entropy import entropy as _entropy
from .entropy import information as _information
from .gradcheck import numerical_gradient as _numerical_gradient
from .gradcheck import numerical_hessian as _numerical_hessian
from .losses import add_bias as _add_bias
from .losses import bce_grad as _bce_grad
from .losses import bce_hessian as _bce_hessian
from .losses import bce_hessian_eigenvalues as _bce_hessian_eigenvalues
from .losses import bce_hessian_single as _bce_hessian_single
from .losses import bce_objective as _bce_objective
from .losses import bce_per_sample as _bce_per_sample
from .losses import BCE_EPS as _BCE_EPS
from .losses import bce_second_derivative as _bce_second_derivative
from .losses import bce_with_logits as _bce_with_logits
from .losses import bce_with_logits_per_sample as _bce_with_logits_per_sample
from .losses import mse_loss as _mse_loss
from .losses import sigmoid_mse_negative_curvature as _sigmoid_mse_negative_curvature
from .losses import sigmoid_mse_grad as _sigmoid_mse_grad
from .losses import sigmoid_mse_hessian as _sigmoid_mse_hessian
from .losses import sigmoid_mse_objective as _sigmoid_mse_objective
from .losses import sigmoid_mse_second_derivative as _sigmoid_mse_second_derivative
from .losses import squared_error as _squared_error
from .losses import linear_mse_grad as _linear_mse_grad
from .models import LinearRegression as _LinearRegression
from .models import LogisticRegression as _LogisticRegression
from .optim import full_batch_gd as _full_batch_gd
from .optim import newton as _newton
from .optim import sgd_logistic as _sgd_logistic
from .optim import gradient_descent as _gradient_descent
from .optim import sgd_step as _optim_sgd_step
from .optim import sign_gradient_descent as _sign_gradient_descent
from .optim import square_function_walk as _square_function_walk

__all__ = [
    "LANGS",
    "HOUSE_LINES",
    "PETAL_LINES",
    # optimisation review
    "derivative_as_limit",
    "square_descent",
    "walk_2d",
    "chain_rule",
    # linear regression
    "house_price_table",
    # sigmoid
    "petal_sigmoid_table",
    "label_swap",
    "decision_threshold",
    "circle_boundary",
    "tumour_threshold",
    "tumour_model",
    # losses
    "output_table_losses",
    "bernoulli_likelihood",
    "notes_bce_formula",
    "sigmoid_mse_curvature",
    # SGD
    "sgd_step_one_feature",
    "sgd_step_two_features",
    "vectorized_gradient",
    # entropy
    "entropy_example",
    # curvature and convexity
    "hessian_example",
    "bce_hessian_example",
    "gd_step_size",
    "separable_no_minimiser",
    # quiz answers that are computations
    "quiz_steps_order",
    "quiz_sigmoid_compare",
    "quiz_bce_formula",
    "quiz_second_derivatives",
    # the numbers in the chapters' prose
    "sign_descent_overshoot",
    "sigmoid_squared_error_chain",
    "house_least_squares",
    "house_gd_fit",
    "house_gradient",
    "house_sgd_step",
    "petal_line_fit",
    "logistic_growth_check",
    "logistic_is_sigmoid",
    "logistic_above_capacity",
    "iris_logistic_fit",
    "saturation_gradients",
    "flipped_line_descent",
    "sigmoid_mse_concavity",
    "sigmoid_mse_most_negative",
    "clipped_vs_logits",
    "bce_logit_gradient",
    "petal_bce_hessian",
    "duplicated_feature",
    "bce_smoothness",
    "petal_gd_trajectory",
    "petal_ridge_descent",
    "sgd_epoch_table",
    "vectorised_speedup",
    "tumour_newton",
]

#: The site's languages, default first.
LANGS: tuple[str, ...] = ("vi", "en")

#: The slides' two lines :math:`(w, b)` for the house prices (a bad one, a good one):
#: ``house_price_table(*HOUSE_LINES[0])``.
HOUSE_LINES: tuple[tuple[float, float], ...] = ((-0.34, 0.04), (1.17, 0.26))
#: The slides' two sigmoids :math:`z = wx + b` on the petals, as ``(w, b)``:
#: ``petal_sigmoid_table(*PETAL_LINES[0])``.
PETAL_LINES: tuple[tuple[float, float], ...] = ((0.535, -0.654), (2.331, -5.156))


# --- formatting: the site's number format and Markdown tables -----------------------------

def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}; got {lang!r}")
    return lang


def _fmt(value: float, digits: int) -> str:
    """Fixed decimals and a true minus sign, like the site's ``fmt``; a value that rounds
    to zero prints without sign (``0.0000``, not ``−0.0000``)."""
    text = f"{float(value):.{digits}f}"
    if text.startswith("-"):
        text = text[1:] if float(text) == 0.0 else "−" + text[1:]
    return text


def _given(value: float) -> str:
    """A given datum as the lesson writes it (``1.4``, ``3``, ``−0.1``)."""
    text = f"{float(value):g}"
    return "−" + text[1:] if text.startswith("-") else text


def _md(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str) -> str:
    """A pipe table; ``align`` has one letter per column: ``l`` left, ``r`` right, ``c`` centre."""
    marks = {"l": ":--", "r": "--:", "c": ":-:"}

    def line(cells: Sequence[str]) -> str:
        return "|" + "|".join(f" {c} " if c else " " for c in cells) + "|"

    return "\n".join([line(headers), "|" + "|".join(marks[a] for a in align) + "|", *map(line, rows)])


def _t(lang: str, vi: str, en: str) -> str:
    return vi if _check_lang(lang) == "vi" else en


# ==========================================================================================
# 1. Review: derivative, gradient descent, chain rule (slides, section 1)
# ==========================================================================================

@dataclass(frozen=True)
class DerivativeLimit:
    """Difference quotients of :math:`J(x) = x^2` shrinking to :math:`J'(x) = 2x`."""

    x: float
    deltas: tuple[float, ...]
    quotients: tuple[float, ...]
    derivative: float

    def markdown(self, lang: str = "vi", digits: int = 6) -> str:
        headers = (r"$\Delta x$", r"$\frac{J(x+\Delta x)-J(x)}{\Delta x}$",
                   _t(lang, r"sai lệch so với $J'(x)$", r"gap to $J'(x)$"))
        rows = [(_given(d), _fmt(q, digits), _fmt(q - self.derivative, digits))
                for d, q in zip(self.deltas, self.quotients)]
        return _md(headers, rows, "rrr")


def derivative_as_limit(x: float = 3.0, deltas: Sequence[float] = (1.0, 0.1, 0.01, 0.001)) -> DerivativeLimit:
    r"""The slides' definition :math:`J'(x) = \lim_{\Delta x\to 0}\frac{J(x+\Delta x) - J(x)}{\Delta x}`
    on the square function :math:`J(x) = x^2`.

    The quotient is exactly :math:`2x + \Delta x`, so the gap to :math:`J'(x) = 2x` is
    :math:`\Delta x` itself (up to rounding).

    >>> r = derivative_as_limit()
    >>> r.derivative
    6.0
    >>> print(r.markdown("en"))
    | $\Delta x$ | $\frac{J(x+\Delta x)-J(x)}{\Delta x}$ | gap to $J'(x)$ |
    |--:|--:|--:|
    | 1 | 7.000000 | 1.000000 |
    | 0.1 | 6.100000 | 0.100000 |
    | 0.01 | 6.010000 | 0.010000 |
    | 0.001 | 6.001000 | 0.001000 |
    """
    x = float(x)

    def square(v: float) -> float:
        return v * v

    ds = tuple(float(d) for d in deltas)
    quotients = tuple((square(x + d) - square(x)) / d for d in ds)
    return DerivativeLimit(x, ds, quotients, 2.0 * x)


@dataclass(frozen=True)
class SquareDescent:
    """Gradient descent on :math:`f(x) = x^2`: :math:`x_t = x_{t-1} - \\eta f'(x_{t-1})`."""

    eta: float
    xs: tuple[float, ...]
    gradients: tuple[float, ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        _check_lang(lang)  # no words to translate in this table
        headers = ("$t$", "$x_t$", "$f'(x_t) = 2x_t$", "$f(x_t)$")
        rows = [(str(t), _fmt(x, digits), _fmt(g, digits), _fmt(x * x, digits))
                for t, (x, g) in enumerate(zip(self.xs, self.gradients))]
        return _md(headers, rows, "rrrr")


def square_descent(x0: float = 10.0, eta: float = 0.1, steps: int = 5) -> SquareDescent:
    r"""The slides' square function :math:`f(x) = x^2` minimised by gradient descent,
    :math:`x_t = x_{t-1} - \eta f'(x_{t-1}) = (1 - 2\eta)\,x_{t-1}`
    (:func:`lossbook.optim.square_function_walk`).

    The slides give no start point or learning rate for this example; the defaults are
    :mod:`lossbook.optim`'s. With :math:`0 < \eta < 1/2` every step shrinks :math:`x` by the
    factor :math:`1 - 2\eta`; the iterates soon stop being integers (from :math:`x_0 = 3`:
    2.4), so the slides' domain :math:`x \in \mathbb N` cannot be right (see the errata).

    >>> print(square_descent(steps=3).markdown("en"))
    | $t$ | $x_t$ | $f'(x_t) = 2x_t$ | $f(x_t)$ |
    |--:|--:|--:|--:|
    | 0 | 10.0000 | 20.0000 | 100.0000 |
    | 1 | 8.0000 | 16.0000 | 64.0000 |
    | 2 | 6.4000 | 12.8000 | 40.9600 |
    | 3 | 5.1200 | 10.2400 | 26.2144 |
    >>> square_descent(3.0, 0.1, 1).xs
    (3.0, 2.4)
    """
    h = _square_function_walk(float(x0), lr=float(eta), steps=int(steps))
    return SquareDescent(float(eta), tuple(float(v) for v in h.params[:, 0]),
                         tuple(float(v) for v in h.grads[:, 0]))


@dataclass(frozen=True)
class Walk2D:
    """The slides' walk on :math:`f(x, y) = x^2 + y^2` next to standard gradient descent."""

    eta: float
    slides_points: tuple[tuple[float, float], ...]
    slides_gradients: tuple[tuple[float, float], ...]
    gd_points: tuple[tuple[float, float], ...]
    gd_gradients: tuple[tuple[float, float], ...]

    def markdown(self, lang: str = "vi", digits: int = 1) -> str:
        headers = ("$t$",
                   _t(lang, r"slide: $(x_t, y_t)$", r"slides: $(x_t, y_t)$"),
                   r"$\nabla f(x_t, y_t)$",
                   _t(lang, r"GD chuẩn: $(x_t, y_t)$", r"standard GD: $(x_t, y_t)$"),
                   r"$\nabla f(x_t, y_t)$")

        def pair(p: tuple[float, float]) -> str:
            return f"({_fmt(p[0], digits)}, {_fmt(p[1], digits)})"

        rows = [(str(t), pair(sp), pair(sg), pair(gp), pair(gg)) for t, (sp, sg, gp, gg) in
                enumerate(zip(self.slides_points, self.slides_gradients, self.gd_points, self.gd_gradients))]
        return _md(headers, rows, "rrrrr")


def walk_2d(x0: float = 3.0, y0: float = 4.0, eta: float = 1.0, steps: int = 4) -> Walk2D:
    r"""The slides' 2-D example: :math:`f(x, y) = x^2 + y^2` from :math:`(3, 4)` with
    :math:`\eta = 1`.

    The slides print :math:`(3, 4) \to (2, 3) \to (1, 2) \to (0, 1) \to (0, 0)` under the
    rule :math:`x \leftarrow x - \eta\,\partial f/\partial x`. That rule (standard
    gradient descent) gives :math:`x \leftarrow x - 2x = -x` with :math:`\eta = 1`: it
    jumps to :math:`(-3, -4)` and back forever. The slides' numbers come from a different
    rule, a step of :math:`\eta` against the **sign** of each partial derivative,
    :math:`x \leftarrow x - \eta\,\operatorname{sign}(\partial f/\partial x)` (sign
    gradient descent), which keeps the points on integers. The gradient at
    :math:`(0, 1)` is :math:`(0, 2)`, not the slides' :math:`(0, 0)`.

    >>> print(walk_2d().markdown("en"))
    | $t$ | slides: $(x_t, y_t)$ | $\nabla f(x_t, y_t)$ | standard GD: $(x_t, y_t)$ | $\nabla f(x_t, y_t)$ |
    |--:|--:|--:|--:|--:|
    | 0 | (3.0, 4.0) | (6.0, 8.0) | (3.0, 4.0) | (6.0, 8.0) |
    | 1 | (2.0, 3.0) | (4.0, 6.0) | (−3.0, −4.0) | (−6.0, −8.0) |
    | 2 | (1.0, 2.0) | (2.0, 4.0) | (3.0, 4.0) | (6.0, 8.0) |
    | 3 | (0.0, 1.0) | (0.0, 2.0) | (−3.0, −4.0) | (−6.0, −8.0) |
    | 4 | (0.0, 0.0) | (0.0, 0.0) | (3.0, 4.0) | (6.0, 8.0) |
    """
    eta = float(eta)

    def grad(p: np.ndarray) -> np.ndarray:  # f = x^2 + y^2
        return 2.0 * p

    def pairs(a: np.ndarray) -> tuple[tuple[float, float], ...]:
        return tuple((float(r[0]) + 0.0, float(r[1]) + 0.0) for r in a)  # + 0.0: no -0.0

    start = [float(x0), float(y0)]
    slides = _sign_gradient_descent(grad, start, lr=eta, steps=int(steps))  # = optim.slides_walk()
    gd = _gradient_descent(grad, start, lr=eta, steps=int(steps))
    return Walk2D(eta, pairs(slides.params), pairs(slides.grads), pairs(gd.params), pairs(gd.grads))


@dataclass(frozen=True)
class ChainRule:
    """:math:`g(f(x))` with :math:`f = 2x - 1`, :math:`g = (f - 3)^2`, at one point."""

    x: float
    f: float
    g: float
    dg_df: float
    df_dx: float
    dg_dx: float
    closed_form: float
    numerical: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        headers = (_t(lang, "đại lượng", "quantity"), _t(lang, f"giá trị tại $x = {_given(self.x)}$",
                                                          f"value at $x = {_given(self.x)}$"))
        rows = [
            ("$f(x) = 2x - 1$", _fmt(self.f, digits)),
            ("$g(f) = (f - 3)^2$", _fmt(self.g, digits)),
            (r"$\frac{dg}{df} = 2(f - 3)$", _fmt(self.dg_df, digits)),
            (r"$\frac{df}{dx} = 2$", _fmt(self.df_dx, digits)),
            (r"$\frac{dg}{df}\cdot\frac{df}{dx}$", _fmt(self.dg_dx, digits)),
            ("$8x - 16$", _fmt(self.closed_form, digits)),
            (_t(lang, "sai phân trung tâm", "central difference"), _fmt(self.numerical, digits)),
        ]
        return _md(headers, rows, "lr")


def chain_rule(x: float = 3.0) -> ChainRule:
    r"""The slides' chain-rule example :math:`f(x) = 2x - 1`, :math:`g(f) = (f - 3)^2`:
    :math:`\frac{dg}{dx} = 2(f - 3)\cdot 2 = 4(2x - 4) = 8x - 16`, checked at ``x``
    against a central difference of :math:`x \mapsto g(f(x))`.

    >>> r = chain_rule(3.0)
    >>> r.dg_dx, r.closed_form, round(r.numerical, 6)
    (8.0, 8.0, 8.0)
    >>> print(chain_rule(3.0).markdown("en"))
    | quantity | value at $x = 3$ |
    |:--|--:|
    | $f(x) = 2x - 1$ | 5.0000 |
    | $g(f) = (f - 3)^2$ | 4.0000 |
    | $\frac{dg}{df} = 2(f - 3)$ | 4.0000 |
    | $\frac{df}{dx} = 2$ | 2.0000 |
    | $\frac{dg}{df}\cdot\frac{df}{dx}$ | 8.0000 |
    | $8x - 16$ | 8.0000 |
    | central difference | 8.0000 |
    """
    x = float(x)

    def f(v: float) -> float:
        return 2.0 * v - 1.0

    def g(u: float) -> float:
        return (u - 3.0) ** 2

    fx = f(x)
    dg_df, df_dx = 2.0 * (fx - 3.0), 2.0
    numeric = float(_numerical_gradient(lambda v: g(f(float(v[0]))), np.array([x]), order=4)[0])
    return ChainRule(x, fx, g(fx), dg_df, df_dx, dg_df * df_dx, 8.0 * x - 16.0, numeric)


# ==========================================================================================
# 2. Linear regression: the house-price tables (slides)
# ==========================================================================================

@dataclass(frozen=True)
class HousePriceTable:
    """The line :math:`\\hat y = w\\,x + b` on the slides' houses, with its errors."""

    w: float
    b: float
    area: tuple[float, ...]
    price: tuple[float, ...]
    predicted: tuple[float, ...]
    squared_error: tuple[float, ...]
    sse: float
    mse: float
    half_mse: float

    def markdown(self, lang: str = "vi", digits: int = 3, error_digits: int = 6) -> str:
        headers = (_t(lang, "diện tích", "area"), _t(lang, "giá", "price"),
                   _t(lang, r"dự đoán $\hat y$", r"predicted $\hat y$"),
                   _t(lang, r"sai số $(\hat y - y)^2$", r"error $(\hat y - y)^2$"))
        rows = [(_given(a), _given(p), _fmt(yh, digits), _fmt(e, error_digits))
                for a, p, yh, e in zip(self.area, self.price, self.predicted, self.squared_error)]
        rows.append(("", "", _t(lang, r"MSE $= \frac{1}{m}\sum$", r"MSE $= \frac{1}{m}\sum$"),
                     _fmt(self.mse, error_digits)))
        rows.append(("", "", r"$\frac{1}{2m}\sum$", _fmt(self.half_mse, error_digits)))
        return _md(headers, rows, "rrrr")


def house_price_table(w: float = 1.17, b: float = 0.26, version: int = 2) -> HousePriceTable:
    r"""The slides' house-price table for the line :math:`\hat y = w\cdot\text{area} + b`,
    recomputed, with the two averages of the squared error: the MSE
    :math:`\frac1m\sum(\hat y - y)^2` and the :math:`\frac{1}{2m}` version of the blog.

    ``version`` picks the slides' price column (see :func:`lossbook.datasets.house_prices`);
    the slides' worked tables use version 2.

    >>> house_price_table().predicted
    (8.099, 5.642, 4.355, 6.695)
    >>> print(house_price_table().markdown("en"))
    | area | price | predicted $\hat y$ | error $(\hat y - y)^2$ |
    |--:|--:|--:|--:|
    | 6.7 | 9.1 | 8.099 | 1.002001 |
    | 4.6 | 5.9 | 5.642 | 0.066564 |
    | 3.5 | 4.6 | 4.355 | 0.060025 |
    | 5.5 | 6.7 | 6.695 | 0.000025 |
    | | | MSE $= \frac{1}{m}\sum$ | 0.282154 |
    | | | $\frac{1}{2m}\sum$ | 0.141077 |
    >>> print(house_price_table(-0.34, 0.04).markdown("vi", error_digits=2))
    | diện tích | giá | dự đoán $\hat y$ | sai số $(\hat y - y)^2$ |
    |--:|--:|--:|--:|
    | 6.7 | 9.1 | −2.238 | 128.55 |
    | 4.6 | 5.9 | −1.524 | 55.12 |
    | 3.5 | 4.6 | −1.150 | 33.06 |
    | 5.5 | 6.7 | −1.830 | 72.76 |
    | | | MSE $= \frac{1}{m}\sum$ | 72.37 |
    | | | $\frac{1}{2m}\sum$ | 36.19 |
    """
    data = _datasets.house_prices(version)
    theta = np.array([b, w], dtype=float)
    predicted = _add_bias(data.X) @ theta
    errors = _squared_error(data.y, predicted)
    return HousePriceTable(
        float(w), float(b), tuple(map(float, data.x)), tuple(map(float, data.y)),
        tuple(float(v) for v in predicted), tuple(float(v) for v in errors), float(errors.sum()),
        _mse_loss(data.y, predicted), _mse_loss(data.y, predicted, half=True),
    )


# ==========================================================================================
# 3. The sigmoid on the petals, decision boundaries, the tumour threshold
# ==========================================================================================

@dataclass(frozen=True)
class PetalSigmoidTable:
    """:math:`z = w x + b` and :math:`\\sigma(z)` on the six petals."""

    w: float
    b: float
    x: tuple[float, ...]
    y: tuple[float, ...]
    z: tuple[float, ...]
    y_prob: tuple[float, ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        headers = (_t(lang, "chiều dài cánh hoa", "petal length"), _t(lang, "nhãn", "label"),
                   "$z$", r"$\sigma(z)$")
        rows = [(_given(x), _given(y), _fmt(z, digits), _fmt(p, digits))
                for x, y, z, p in zip(self.x, self.y, self.z, self.y_prob)]
        return _md(headers, rows, "rrrr")


def petal_sigmoid_table(w: float = 2.331, b: float = -5.156) -> PetalSigmoidTable:
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
    return PetalSigmoidTable(float(w), float(b), tuple(map(float, data.x)), tuple(map(float, data.y)),
                             tuple(map(float, z)), tuple(map(float, _sigmoid(z))))


@dataclass(frozen=True)
class LabelSwap:
    """Mean BCE of a sigmoid model on the petals, and of the mirrored model on swapped labels."""

    w: float
    b: float
    original: float
    swapped: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        headers = (_t(lang, "nhãn", "labels"), _t(lang, "mô hình", "model"), "$J$ (BCE)")
        rows = [(_t(lang, "gốc", "original"), f"$({_fmt(self.w, 3)}, {_fmt(self.b, 3)})$", _fmt(self.original, digits)),
                (_t(lang, "đã đổi", "swapped"), f"$({_fmt(-self.w, 3)}, {_fmt(-self.b, 3)})$", _fmt(self.swapped, digits))]
        return _md(headers, rows, "llr")


def label_swap(w: float = 2.331, b: float = -5.156) -> LabelSwap:
    r"""Swapping the labels :math:`y 	o 1 - y` is undone by :math:`(w, b) 	o (-w, -b)`:
    :math:`\sigma(-z) = 1 - \sigma(z)`, so the mirrored model gives each flower, as the
    probability of its new label, what the original gave its old one, and the loss is the same.

    .. math:: J(-	heta;\, 1 - y) = J(	heta;\, y)

    >>> r = label_swap()
    >>> round(r.original, 4), round(r.swapped, 4)
    (0.0927, 0.0927)
    """
    data, flipped = _datasets.petal_lengths(), _datasets.petal_lengths(flipped=True)
    return LabelSwap(float(w), float(b), float(_bce_objective(data.X, data.y, [b, w])),
                     float(_bce_objective(flipped.X, flipped.y, [-b, -w])))


@dataclass(frozen=True)
class DecisionThreshold:
    """:math:`\\hat y = \\sigma(z) \\ge t \\iff z \\ge \\operatorname{logit}(t)`, on a few logits."""

    threshold: float
    z_threshold: float
    z: tuple[float, ...]
    y_prob: tuple[float, ...]
    predicted: tuple[int, ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        t = _fmt(self.threshold, 2)
        headers = ("$z$", r"$\hat y = \sigma(z)$",
                   _t(lang, rf"$\hat y \ge {t}$?", rf"$\hat y \ge {t}$?"),
                   _t(lang, "lớp dự đoán", "predicted class"))
        yes, no = _t(lang, "có", "yes"), _t(lang, "không", "no")
        rows = [(_given(z), _fmt(p, digits), yes if c else no, str(c))
                for z, p, c in zip(self.z, self.y_prob, self.predicted)]
        return _md(headers, rows, "rrcr")


def decision_threshold(z: Sequence[float] = (-2.0, -0.5, 0.0, 0.5, 2.0), threshold: float = 0.5) -> DecisionThreshold:
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
    return DecisionThreshold(float(threshold), _logit(float(threshold)), tuple(map(float, z_arr)),
                             tuple(map(float, y_prob)), tuple(int(p >= threshold) for p in y_prob))


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
        headers = ("$(x_1, x_2)$", "$z = x_1^2 + x_2^2 - 1$" if (self.w1, self.w2, self.b) == (1.0, 1.0, -1.0)
                   else "$z$", r"$\sigma(z)$", _t(lang, "vị trí", "where"), _t(lang, "lớp", "class"))
        where = {-1: _t(lang, "trong đường tròn", "inside the circle"),
                 0: _t(lang, "trên đường tròn", "on the circle"),
                 1: _t(lang, "ngoài đường tròn", "outside the circle")}
        rows = [(f"({_given(p[0])}, {_given(p[1])})", _fmt(z, digits), _fmt(s, digits),
                 where[0 if abs(z) < 1e-12 else int(np.sign(z))], str(c))
                for p, z, s, c in zip(self.points, self.z, self.y_prob, self.predicted)]
        return _md(headers, rows, "rrrlr")


def circle_boundary(points: Sequence[tuple[float, float]] = ((0.0, 0.0), (0.5, 0.5), (1.0, 0.0), (1.0, 1.0), (0.0, 1.5)),
                    w1: float = 1.0, w2: float = 1.0, b: float = -1.0) -> CircleBoundary:
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
    return CircleBoundary(float(w1), float(w2), float(b), tuple((float(p[0]), float(p[1])) for p in P),
                          tuple(float(v) + 0.0 for v in z), tuple(map(float, y_prob)),
                          tuple(int(z_i >= 0.0) for z_i in z))


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
        return _t(lang, "ác tính", "malignant") if self.malignant else _t(lang, "lành tính", "benign")

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        headers = (r"$\hat y$", _t(lang, "ngưỡng", "threshold"), r"$z = \operatorname{logit}(\hat y)$",
                   _t(lang, "kết luận", "decision"))
        return _md(headers, [(_given(self.probability), _given(self.threshold), _fmt(self.z, digits),
                              self.label(lang))], "rrrl")


def tumour_threshold(probability: float = 0.34, threshold: float = 0.5) -> TumourThreshold:
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
        headers = (_t(lang, "bán kính trung bình", "mean radius"), "$z = wx + b$", r"$\hat y = \sigma(z)$",
                   _t(lang, "kết luận (ngưỡng 0.5)", "decision (threshold 0.5)"))
        rows = [(_given(r), _fmt(z, digits), _fmt(p, digits),
                 _t(lang, "ác tính", "malignant") if c else _t(lang, "lành tính", "benign"))
                for r, z, p, c in zip(self.radii, self.z, self.y_prob, self.malignant)]
        return _md(headers, rows, "rrrl")


def tumour_model(radii: Sequence[float] = (10.0, 13.0, 14.0, 15.0, 20.0), probability: float = 0.34,
                 threshold: float = 0.5) -> TumourModel:
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
    return TumourModel(data.m, w, b, int(clf.n_iter_), -b / w, p, (_logit(p) - b) / w,
                       tuple(map(float, r)), tuple(map(float, z)), tuple(map(float, y_prob)),
                       tuple(bool(v >= threshold) for v in y_prob))


# ==========================================================================================
# 4. Losses: the output table, likelihood, the notes' compact formula, sigmoid + MSE
# ==========================================================================================

@dataclass(frozen=True)
class OutputTableLosses:
    """Per-sample BCE of the slides' eight outputs, and their mean."""

    y_prob: tuple[float, ...]
    y: tuple[float, ...]
    losses: tuple[float, ...]
    mean: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        headers = (_t(lang, r"đầu ra $\hat y$", r"output $\hat y$"), _t(lang, "nhãn $y$", "label $y$"),
                   _t(lang, "công thức", "formula"), "$L$")
        rows = [(_given(p), _given(y), r"$-\log(\hat y)$" if y == 1.0 else r"$-\log(1 - \hat y)$", _fmt(v, digits))
                for p, y, v in zip(self.y_prob, self.y, self.losses)]
        rows.append(("", "", _t(lang, "trung bình", "mean"), _fmt(self.mean, digits)))
        return _md(headers, rows, "rrlr")


def output_table_losses() -> OutputTableLosses:
    r"""The slides' "Loss function" table: eight model outputs with their labels, each
    costing :math:`-\log\hat y` if :math:`y = 1` and :math:`-\log(1 - \hat y)` if
    :math:`y = 0` (natural log). The confidently wrong rows (0.8 for a 0, 0.2 for a 1)
    cost the most.

    >>> print(output_table_losses().markdown("en"))
    | output $\hat y$ | label $y$ | formula | $L$ |
    |--:|--:|:--|--:|
    | 0.3 | 0 | $-\log(1 - \hat y)$ | 0.3567 |
    | 0.8 | 0 | $-\log(1 - \hat y)$ | 1.6094 |
    | 0.7 | 0 | $-\log(1 - \hat y)$ | 1.2040 |
    | 0.4 | 0 | $-\log(1 - \hat y)$ | 0.5108 |
    | 0.6 | 1 | $-\log(\hat y)$ | 0.5108 |
    | 0.8 | 1 | $-\log(\hat y)$ | 0.2231 |
    | 0.9 | 1 | $-\log(\hat y)$ | 0.1054 |
    | 0.2 | 1 | $-\log(\hat y)$ | 1.6094 |
    | | | mean | 0.7662 |
    """
    data = _datasets.output_table()
    losses = _bce_per_sample(data.y, data.x)
    return OutputTableLosses(tuple(map(float, data.x)), tuple(map(float, data.y)),
                             tuple(map(float, losses)), float(np.mean(losses)))


@dataclass(frozen=True)
class BernoulliLikelihood:
    r"""Likelihood, log-likelihood and BCE of one prediction, for both labels."""

    y_hat: float
    labels: tuple[float, float]
    likelihood: tuple[float, float]
    log_likelihood: tuple[float, float]
    bce: tuple[float, float]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        headers = ("$y$", _t(lang, r"likelihood $\hat y^{y}(1-\hat y)^{1-y}$", r"likelihood $\hat y^{y}(1-\hat y)^{1-y}$"),
                   _t(lang, r"log-likelihood $y\log\hat y + (1-y)\log(1-\hat y)$",
                      r"log-likelihood $y\log\hat y + (1-y)\log(1-\hat y)$"),
                   "BCE")
        rows = [(_given(y), _fmt(lk, digits), _fmt(ll, digits), _fmt(b, digits))
                for y, lk, ll, b in zip(self.labels, self.likelihood, self.log_likelihood, self.bce)]
        return _md(headers, rows, "rrrr")


def bernoulli_likelihood(y_hat: float = 0.8) -> BernoulliLikelihood:
    r"""The blog's route from the Bernoulli distribution to the BCE, with numbers.

    The **likelihood** of a label :math:`y \in \{0, 1\}` under the prediction
    :math:`\hat y` is :math:`\hat y^{y}(1 - \hat y)^{1-y}` (a probability, in
    :math:`[0, 1]`); its logarithm, the **log-likelihood**, is
    :math:`y\log\hat y + (1 - y)\log(1 - \hat y) \le 0`; the BCE is minus that. (The blog
    calls the log-likelihood "likelihood".)

    >>> print(bernoulli_likelihood().markdown("en"))
    | $y$ | likelihood $\hat y^{y}(1-\hat y)^{1-y}$ | log-likelihood $y\log\hat y + (1-y)\log(1-\hat y)$ | BCE |
    |--:|--:|--:|--:|
    | 0 | 0.2000 | −1.6094 | 1.6094 |
    | 1 | 0.8000 | −0.2231 | 0.2231 |
    """
    p = float(y_hat)
    labels = (0.0, 1.0)
    likelihood = tuple(p**y * (1.0 - p) ** (1.0 - y) for y in labels)  # Bernoulli pmf
    bce = tuple(map(float, _bce_per_sample(np.array(labels), np.array([p, p]))))
    return BernoulliLikelihood(p, labels, likelihood, tuple(math.log(v) for v in likelihood), bce)


@dataclass(frozen=True)
class NotesBCEFormula:
    r"""The notes' compact loss :math:`-y\log f - (1 - y(1 - \log f))` next to the right one."""

    f: float
    labels: tuple[float, float]
    correct: tuple[float, float]
    notes_formula: tuple[float, float]
    notes_claim: tuple[float, float]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        headers = ("$y$",
                   _t(lang, r"đúng: $-y\log f - (1-y)\log(1-f)$", r"correct: $-y\log f - (1-y)\log(1-f)$"),
                   _t(lang, r"ghi chú: $-y\log f - (1 - y(1-\log f))$", r"notes: $-y\log f - (1 - y(1-\log f))$"),
                   _t(lang, "ghi chú nói", "the notes claim"))
        rows = [(_given(y), _fmt(c, digits), _fmt(n, digits), _fmt(k, digits))
                for y, c, n, k in zip(self.labels, self.correct, self.notes_formula, self.notes_claim)]
        return _md(headers, rows, "rrrr")


def notes_bce_formula(f: float = 0.7) -> NotesBCEFormula:
    r"""The notes' (004) compact form of the loss, evaluated as written, against the BCE.

    The notes write :math:`L = -y\log f - (1 - y(1 - \log f))` and claim it gives
    :math:`-\log f` for :math:`y = 1` and :math:`-(1 - \log f)` for :math:`y = 0`. As
    written it gives :math:`-2\log f` for :math:`y = 1` and the constant :math:`-1` for
    :math:`y = 0` (a negative loss that ignores :math:`f`); the claimed
    :math:`y = 0` case is wrong too. The right formula is

    .. math:: L = -y\log f - (1 - y)\log(1 - f)

    which gives :math:`-\log f` for :math:`y = 1` and :math:`-\log(1 - f)` for :math:`y = 0`.

    >>> print(notes_bce_formula().markdown("en"))
    | $y$ | correct: $-y\log f - (1-y)\log(1-f)$ | notes: $-y\log f - (1 - y(1-\log f))$ | the notes claim |
    |--:|--:|--:|--:|
    | 0 | 1.2040 | −1.0000 | −1.3567 |
    | 1 | 0.3567 | 0.7133 | 0.3567 |
    """
    f = float(f)
    labels = (0.0, 1.0)
    correct = tuple(map(float, _bce_per_sample(np.array(labels), np.array([f, f]))))
    log_f = math.log(f)
    notes = tuple(-y * log_f - (1.0 - y * (1.0 - log_f)) for y in labels)  # as printed in 004
    claim = (-(1.0 - log_f), -log_f)  # "Khi y=0: L=-(1-log(f))", "Khi y=1: L=-log(f)"
    return NotesBCEFormula(f, labels, correct, notes, claim)


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
        _check_lang(lang)  # no words to translate in this table
        headers = (r"$\hat y$", r"MSE, $y = 0$", r"MSE, $y = 1$", "BCE")
        rows = [(_given(p), _fmt(a, digits), _fmt(b, digits), _fmt(c, digits))
                for p, a, b, c in zip(self.y_hat, self.mse_y0, self.mse_y1, self.bce)]
        return _md(headers, rows, "rrrr")


def sigmoid_mse_curvature(y_hat: Sequence[float] = (0.1, 0.25, 0.5, 0.75, 0.9), x: float = 1.0) -> SigmoidMSECurvature:
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
        float(x), _sigmoid_mse_negative_curvature(0), _sigmoid_mse_negative_curvature(1),
        tuple(map(float, p)),
        tuple(map(float, _sigmoid_mse_second_derivative(xs, np.zeros_like(p), p))),
        tuple(map(float, _sigmoid_mse_second_derivative(xs, np.ones_like(p), p))),
        tuple(map(float, _bce_second_derivative(xs, p))),
    )


# ==========================================================================================
# 5. SGD steps (slides "Example", "Another Example"), the vectorised gradient (blog)
# ==========================================================================================

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

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        headers = ("", _t(lang, "trước", "before"), _t(lang, "đạo hàm $L'$", "gradient $L'$"),
                   _t(lang, "sau", "after"))
        tex = {"b": "$b$", "w": "$w$", "w1": "$w_1$", "w2": "$w_2$"}
        rows = [(tex.get(n, n), _fmt(a, digits), _fmt(g, digits), _fmt(c, digits))
                for n, a, g, c in zip(self.names, self.theta_before, self.gradient, self.theta_after)]
        rows += [("$z$", _fmt(self.z_before, digits), "", _fmt(self.z_after, digits)),
                 (r"$\hat y$", _fmt(self.y_hat_before, digits), "", _fmt(self.y_hat_after, digits)),
                 ("$L$", _fmt(self.loss_before, digits), "", _fmt(self.loss_after, digits))]
        return _md(headers, rows, "lrrr")


def _sgd_step(names: tuple[str, ...], x: Sequence[float], y: float, theta: Sequence[float], eta: float) -> SGDStep:
    step = _optim_sgd_step(list(x), y, list(theta), lr=eta)  # the lesson's five steps
    after = _optim_sgd_step(list(x), y, step.theta_new, lr=eta)  # z, y_hat, loss at the new theta
    return SGDStep(names, tuple(map(float, x)), float(y), float(eta), tuple(map(float, step.theta)),
                   float(step.z), float(step.y_hat), float(step.loss), tuple(map(float, step.grad)),
                   tuple(map(float, step.theta_new)), float(after.z), float(after.y_hat), float(after.loss))


def sgd_step_one_feature(w: float = -0.1, b: float = 0.1, x: float = 1.4, y: float = 0.0,
                         eta: float = 0.01) -> SGDStep:
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


def sgd_step_two_features(b: float = 0.1, w1: float = 0.5, w2: float = -0.1, x1: float = 1.4,
                          x2: float = 0.2, y: float = 0.0, eta: float = 0.01) -> SGDStep:
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
        headers = ("", r"$\frac{1}{m}X_b^\top(\hat y - y)$", r"$X_b^\top(\hat y - y)$",
                   _t(lang, "sai phân của $J$ (trung bình)", "finite difference of $J$ (mean)"))
        names = ["$L'_b$"] + [f"$L'_{{w_{i}}}$" if len(self.theta) > 2 else "$L'_w$" for i in range(1, len(self.theta))]
        rows = [(n, _fmt(a, digits), _fmt(s, digits), _fmt(d, digits))
                for n, a, s, d in zip(names, self.mean_gradient, self.sum_gradient, self.numerical_mean_gradient)]
        return _md(headers, rows, "lrrr")


def vectorized_gradient(theta: Sequence[float] = (0.1, -0.1)) -> VectorizedGradient:
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
    return VectorizedGradient(tuple(map(float, theta_arr)), data.m, tuple(map(float, mean_grad)),
                              tuple(float(g * data.m) for g in mean_grad), tuple(map(float, numeric)))


# ==========================================================================================
# 6. Entropy (slides, "Construct Logistic Regression in a different way")
# ==========================================================================================

@dataclass(frozen=True)
class EntropyExample:
    """Entropy of the basket :math:`(p, 1 - p)` in three units."""

    p: tuple[float, float]
    information_bits: tuple[float, float]
    bits: float
    nats: float
    hartleys: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        headers = (_t(lang, "cơ số của log", "log base"), _t(lang, "đơn vị", "unit"), "$H(X)$")
        rows = [("2", "bit", _fmt(self.bits, digits)),
                ("$e$", "nat", _fmt(self.nats, digits)),
                ("10", "hartley", _fmt(self.hartleys, digits))]
        return _md(headers, rows, "rlr")


def entropy_example(p: float = 0.9) -> EntropyExample:
    r"""The slides' basket: :math:`p(X = 0) = p`, :math:`p(X = 1) = 1 - p`,
    :math:`H(X) = -p\log p - (1 - p)\log(1 - p)`.

    The slides do not say which logarithm. Their second example, :math:`p = 0.5`, gives
    exactly 1 only in base 2 (bits), and in base 2 the first gives 0.468996, which rounds
    to 0.469 (the slides print 0.468, a truncation). The BCE of the lesson uses the
    natural log (nats).

    >>> r = entropy_example(0.9)
    >>> round(r.bits, 6), round(r.nats, 6)
    (0.468996, 0.325083)
    >>> print(r.markdown("en"))
    | log base | unit | $H(X)$ |
    |--:|:--|--:|
    | 2 | bit | 0.4690 |
    | $e$ | nat | 0.3251 |
    | 10 | hartley | 0.1412 |
    >>> entropy_example(0.5).bits
    1.0
    """
    dist = (float(p), 1.0 - float(p))
    info = tuple(float(v) for v in _information(np.array(dist), base=2))
    return EntropyExample(dist, info, _entropy(dist, base=2), _entropy(dist, base=math.e),
                          _entropy(dist, base=10))


# ==========================================================================================
# 7. Curvature: the Hessian example, the BCE Hessian, step sizes, separable data
# ==========================================================================================

@dataclass(frozen=True)
class HessianExample:
    """Gradient and Hessian of :math:`f(x, y) = x^2 + 2x^2y + y^3` at a point."""

    point: tuple[float, float]
    value: float
    gradient: tuple[float, float]
    hessian: tuple[tuple[float, float], tuple[float, float]]
    numerical_hessian: tuple[tuple[float, float], tuple[float, float]]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        headers = (_t(lang, "đạo hàm", "derivative"), _t(lang, "công thức", "formula"),
                   _t(lang, "giá trị", "value"), _t(lang, "sai phân", "finite difference"))
        H, N = self.hessian, self.numerical_hessian
        rows = [
            (r"$\frac{\partial f}{\partial x}$", "$2x + 4xy$", _fmt(self.gradient[0], digits), ""),
            (r"$\frac{\partial f}{\partial y}$", "$2x^2 + 3y^2$", _fmt(self.gradient[1], digits), ""),
            (r"$\frac{\partial^2 f}{\partial x^2}$", "$2 + 4y$", _fmt(H[0][0], digits), _fmt(N[0][0], digits)),
            (r"$\frac{\partial^2 f}{\partial x\,\partial y}$", "$4x$", _fmt(H[0][1], digits), _fmt(N[0][1], digits)),
            (r"$\frac{\partial^2 f}{\partial y^2}$", "$6y$", _fmt(H[1][1], digits), _fmt(N[1][1], digits)),
        ]
        return _md(headers, rows, "llrr")


def hessian_example(x: float = 1.0, y: float = 2.0) -> HessianExample:
    r"""The slides' Hessian example :math:`f(x, y) = x^2 + 2x^2y + y^3`:
    :math:`\nabla f = (2x + 4xy,\; 2x^2 + 3y^2)`,
    :math:`H_f = \begin{bmatrix} 2 + 4y & 4x \\ 4x & 6y \end{bmatrix}`, checked against
    second differences of :math:`f` at ``(x, y)``.

    >>> r = hessian_example(1.0, 2.0)
    >>> r.gradient, r.hessian
    ((10.0, 14.0), ((10.0, 4.0), (4.0, 12.0)))
    >>> print(r.markdown("en"))
    | derivative | formula | value | finite difference |
    |:--|:--|--:|--:|
    | $\frac{\partial f}{\partial x}$ | $2x + 4xy$ | 10.0000 | |
    | $\frac{\partial f}{\partial y}$ | $2x^2 + 3y^2$ | 14.0000 | |
    | $\frac{\partial^2 f}{\partial x^2}$ | $2 + 4y$ | 10.0000 | 10.0000 |
    | $\frac{\partial^2 f}{\partial x\,\partial y}$ | $4x$ | 4.0000 | 4.0000 |
    | $\frac{\partial^2 f}{\partial y^2}$ | $6y$ | 12.0000 | 12.0000 |
    """
    x, y = float(x), float(y)

    def f(v: np.ndarray) -> float:
        return float(v[0] ** 2 + 2.0 * v[0] ** 2 * v[1] + v[1] ** 3)

    H = ((2.0 + 4.0 * y, 4.0 * x), (4.0 * x, 6.0 * y))
    N = _numerical_hessian(f, np.array([x, y]))
    return HessianExample((x, y), f(np.array([x, y])), (2.0 * x + 4.0 * x * y, 2.0 * x**2 + 3.0 * y**2), H,
                          tuple(tuple(float(v) for v in row) for row in N))


@dataclass(frozen=True)
class BCEHessianExample:
    r"""The slides' 2x2 BCE Hessian (order :math:`(w, b)`) at one sample, its determinant
    and eigenvalues (closed form and numerical)."""

    x: float
    w: float
    b: float
    y_hat: float
    hessian: tuple[tuple[float, float], tuple[float, float]]
    det: float
    trace: float
    eigenvalues: tuple[float, float]
    numerical_eigenvalues: tuple[float, float]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        headers = (_t(lang, "đại lượng", "quantity"), _t(lang, "công thức", "formula"), _t(lang, "giá trị", "value"))
        H = self.hessian
        rows = [
            (r"$\hat y = \sigma(wx + b)$", "", _fmt(self.y_hat, digits)),
            (r"$\frac{\partial^2 L}{\partial w^2}$", r"$\hat y(1-\hat y)x^2$", _fmt(H[0][0], digits)),
            (r"$\frac{\partial^2 L}{\partial w\,\partial b}$", r"$\hat y(1-\hat y)x$", _fmt(H[0][1], digits)),
            (r"$\frac{\partial^2 L}{\partial b^2}$", r"$\hat y(1-\hat y)$", _fmt(H[1][1], digits)),
            (r"$\det H$", "$0$", _fmt(self.det, digits)),
            (r"$\lambda_1$", r"$\hat y(1-\hat y)(x^2+1)$", _fmt(self.eigenvalues[0], digits)),
            (r"$\lambda_2$", "$0$", _fmt(self.eigenvalues[1], digits)),
        ]
        return _md(headers, rows, "llr")


def bce_hessian_example(x: float = 1.4, w: float = -0.1, b: float = 0.1) -> BCEHessianExample:
    r"""The slides' convexity proof at a sample point (by default the first SGD sample,
    :math:`x = 1.4`, :math:`w = -0.1`, :math:`b = 0.1`, so :math:`\hat y = 0.49`):

    .. math:: H = \hat y(1-\hat y)\begin{bmatrix} x^2 & x \\ x & 1 \end{bmatrix},\quad
              \det H = 0,\quad \lambda_1 = \hat y(1-\hat y)(x^2 + 1),\ \lambda_2 = 0

    The determinant is 0 up to rounding (float64 leaves about 1e-17).

    >>> r = bce_hessian_example()
    >>> round(r.eigenvalues[0], 4), r.eigenvalues[1], abs(r.det) < 1e-15
    (0.7397, 0.0, True)
    >>> print(r.markdown("en"))
    | quantity | formula | value |
    |:--|:--|--:|
    | $\hat y = \sigma(wx + b)$ | | 0.4900 |
    | $\frac{\partial^2 L}{\partial w^2}$ | $\hat y(1-\hat y)x^2$ | 0.4898 |
    | $\frac{\partial^2 L}{\partial w\,\partial b}$ | $\hat y(1-\hat y)x$ | 0.3499 |
    | $\frac{\partial^2 L}{\partial b^2}$ | $\hat y(1-\hat y)$ | 0.2499 |
    | $\det H$ | $0$ | 0.0000 |
    | $\lambda_1$ | $\hat y(1-\hat y)(x^2+1)$ | 0.7397 |
    | $\lambda_2$ | $0$ | 0.0000 |
    """
    x, w, b = float(x), float(w), float(b)
    y_hat = _sigmoid(w * x + b)
    H = _bce_hessian_single(x, y_hat)
    det = float(H[0, 0] * H[1, 1] - H[0, 1] * H[1, 0])
    numerical = np.linalg.eigvalsh(H)[::-1]
    return BCEHessianExample(x, w, b, y_hat, tuple(tuple(float(v) for v in row) for row in H), det,
                             float(np.trace(H)), _bce_hessian_eigenvalues(x, y_hat),
                             (float(numerical[0]), float(numerical[1])))


@dataclass(frozen=True)
class GDStepSize:
    """Full-batch gradient descent on a tiny data set with several learning rates."""

    X: tuple[tuple[float, ...], ...]
    y: tuple[float, ...]
    smoothness: float
    max_stable_eta: float
    etas: tuple[float, ...]
    steps: int
    final_theta: tuple[tuple[float, ...], ...]
    final_loss: tuple[float, ...]
    final_gradient_norm: tuple[float, ...]
    converged: tuple[bool, ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        headers = (r"$\eta$", _t(lang, rf"$\theta$ sau {self.steps} bước", rf"$\theta$ after {self.steps} steps"),
                   "$J$", r"$\lVert\nabla J\rVert$", _t(lang, "hội tụ?", "converged?"))
        yes, no = _t(lang, "có", "yes"), _t(lang, "không (dao động)", "no (oscillates)")
        rows = [(_given(e), "(" + ", ".join(_fmt(v, digits) for v in t) + ")", _fmt(j, digits), _fmt(g, digits),
                 yes if c else no)
                for e, t, j, g, c in zip(self.etas, self.final_theta, self.final_loss, self.final_gradient_norm,
                                         self.converged)]
        return _md(headers, rows, "rrrrl")


def gd_step_size(etas: Sequence[float] = (1.0, 10.0), steps: int = 200,
                 theta0: Sequence[float] = (0.5, 0.5)) -> GDStepSize:
    r"""The blog says gradient descent on the (convex) BCE "always converges". It needs a
    small enough step. Two flowers with the same petal length :math:`x = 1` and opposite
    labels: the minimum is at :math:`b + w = 0`, the gradient is :math:`L`-Lipschitz with
    :math:`L = \lambda_{\max}\bigl(\tfrac{1}{4m}X_b^\top X_b\bigr) = 0.5`, and GD is
    guaranteed to converge for :math:`\eta < 2/L = 4`. With :math:`\eta = 1` it does; with
    :math:`\eta = 10` it settles into a 2-cycle :math:`b = w = \pm 2.464` and never
    converges, although the loss is convex.

    >>> r = gd_step_size()
    >>> r.smoothness, r.max_stable_eta, r.converged
    (0.5, 4.0, (True, False))
    >>> print(r.markdown("en"))
    | $\eta$ | $\theta$ after 200 steps | $J$ | $\lVert\nabla J\rVert$ | converged? |
    |--:|--:|--:|--:|:--|
    | 1 | (0.0000, 0.0000) | 0.6931 | 0.0000 | yes |
    | 10 | (2.4641, 2.4641) | 2.4713 | 0.6969 | no (oscillates) |
    """
    X = np.array([[1.0], [1.0]])
    y = np.array([1.0, 0.0])
    # sigma' <= 1/4 with equality at z = 0, so the Hessian at theta = 0 has the largest
    # eigenvalue over all theta: that is the Lipschitz constant of the gradient.
    smoothness = float(np.linalg.eigvalsh(_bce_hessian(X, y, np.zeros(2)))[-1])
    thetas, losses, norms, converged = [], [], [], []
    for eta in etas:
        h = _full_batch_gd(X, y, list(theta0), lr=float(eta), steps=int(steps))
        g = float(np.linalg.norm(h.grads[-1]))
        thetas.append(tuple(float(v) + 0.0 for v in h.final))
        losses.append(float(h.loss[-1]))
        norms.append(g)
        converged.append(g < 1e-8)
    return GDStepSize(tuple(tuple(map(float, r)) for r in X), tuple(map(float, y)), smoothness, 2.0 / smoothness,
                      tuple(map(float, etas)), int(steps), tuple(thetas), tuple(losses), tuple(norms),
                      tuple(converged))


@dataclass(frozen=True)
class SeparableNoMinimiser:
    r"""BCE along the ray :math:`c\,\theta` through a separating :math:`\theta`, on
    separable data: it keeps decreasing towards 0, never reaching it."""

    theta: tuple[float, ...]
    scales: tuple[float, ...]
    losses: tuple[float, ...]
    hessian_max: tuple[float, ...]

    def markdown(self, lang: str = "vi", digits: int = 6) -> str:
        headers = ("$c$", _t(lang, r"$(b, w) = c\,\theta$", r"$(b, w) = c\,\theta$"), r"$J(c\,\theta)$")
        rows = [(_given(c), "(" + ", ".join(_given(c * t) for t in self.theta) + ")", _fmt(j, digits))
                for c, j in zip(self.scales, self.losses)]
        return _md(headers, rows, "rrr")


def separable_no_minimiser(scales: Sequence[float] = (1.0, 2.0, 4.0, 8.0, 16.0),
                           theta: Sequence[float] = (-2.25, 1.0)) -> SeparableNoMinimiser:
    r"""The blog says logistic regression has a "unique global minimum". On the slides'
    four petals (:func:`lossbook.datasets.petal_sgd`) the classes are separated by the
    line :math:`x = 2.25` (:math:`\theta = (b, w) = (-2.25, 1)`); scaling :math:`\theta`
    up makes every prediction more confident and the loss smaller, without end: the
    infimum 0 is not attained, there is **no** minimiser, and gradient descent lets
    :math:`\lVert\theta\rVert` grow forever. The Hessian vanishes along the ray too
    (``hessian_max``: the largest entry of :math:`|H(c\,\theta)|`), which is what stalls
    Newton's method. (Convexity gives at most one minimum
    *value*; existence and uniqueness of the minimiser need more.)

    >>> r = separable_no_minimiser()
    >>> all(a > b > 0 for a, b in zip(r.losses, r.losses[1:]))
    True
    >>> print(r.markdown("en"))
    | $c$ | $(b, w) = c\,\theta$ | $J(c\,\theta)$ |
    |--:|--:|--:|
    | 1 | (−2.25, 1) | 0.318911 |
    | 2 | (−4.5, 2) | 0.148759 |
    | 4 | (−9, 4) | 0.032654 |
    | 8 | (−18, 8) | 0.001516 |
    | 16 | (−36, 16) | 0.000003 |
    """
    data = _datasets.petal_sgd()
    direction = np.asarray(theta, dtype=float)
    cs = tuple(map(float, scales))
    return SeparableNoMinimiser(tuple(map(float, direction)), cs,
                                tuple(_bce_objective(data.X, data.y, c * direction) for c in cs),
                                tuple(float(np.abs(_bce_hessian(data.X, data.y, c * direction)).max()) for c in cs))


# ==========================================================================================
# 8. Quiz answers that are computations (slides, questions 1-6)
# ==========================================================================================

@dataclass(frozen=True)
class QuizAnswer:
    """A quiz's answer: option letter and index in the slides' order (a, b, c, d), and the
    values that decide it."""

    question: str
    answer_letter: str
    answer_index: int
    values: tuple[tuple[str, float], ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        headers = (_t(lang, "đại lượng", "quantity"), _t(lang, "giá trị", "value"))
        rows = [(name, _fmt(v, digits)) for name, v in self.values]
        return _md(headers, rows, "lr")


_STEPS = {
    1: ("Tính đạo hàm của hàm mất mát theo các tham số mô hình.",
        "Compute the derivative of the loss with respect to the model's parameters."),
    2: ("Khởi tạo các tham số ban đầu của mô hình ($w$ và $b$).",
        "Initialise the model's parameters ($w$ and $b$)."),
    3: ("Cập nhật các tham số mô hình sử dụng Gradient Descent.",
        "Update the parameters with gradient descent."),
    4: (r"Dự đoán đầu ra $\hat y$ bằng cách tính giá trị $z = \theta^T x$ và áp dụng hàm sigmoid.",
        r"Predict the output $\hat y$: compute $z = \theta^T x$ and apply the sigmoid."),
    5: (r"Tính giá trị hàm mất mát dựa trên đầu ra dự đoán $\hat y$ và giá trị thực $y$.",
        r"Compute the loss from the prediction $\hat y$ and the true value $y$."),
}


@dataclass(frozen=True)
class StepsOrder:
    """The order of the steps of logistic regression training (quiz 1)."""

    order: tuple[int, ...]
    answer_letter: str
    answer_index: int

    def steps(self, lang: str = "vi") -> tuple[str, ...]:
        """The steps' texts, in the right order.

        >>> print(quiz_steps_order().steps("en")[0])
        Initialise the model's parameters ($w$ and $b$).
        """
        i = LANGS.index(_check_lang(lang))
        return tuple(_STEPS[k][i] for k in self.order)

    def markdown(self, lang: str = "vi", digits: int = 0) -> str:
        headers = (_t(lang, "thứ tự", "order"), _t(lang, "bước (số trong đề)", "step (number in the question)"))
        rows = [(str(i + 1), f"{k}. {text}") for i, (k, text) in enumerate(zip(self.order, self.steps(lang)))]
        return _md(headers, rows, "rl")


def quiz_steps_order() -> StepsOrder:
    r"""Quiz 1: the order of the steps of logistic-regression training is
    2 (initialise), 4 (predict), 5 (loss), 1 (derivative), 3 (update): option b). It is the
    order in which :func:`sgd_step_one_feature` computes its fields.

    >>> r = quiz_steps_order()
    >>> r.order, r.answer_letter, r.answer_index
    ((2, 4, 5, 1, 3), 'b', 1)
    """
    order = (2, 4, 5, 1, 3)
    options = ((4, 5, 1, 2, 3), (2, 4, 5, 1, 3), (2, 5, 4, 1, 3), (2, 4, 3, 5, 1))  # the slides' a)-d)
    index = options.index(order)
    return StepsOrder(order, "abcd"[index], index)


def quiz_sigmoid_compare(x1: float = 2.0, x2: float = 10.0) -> QuizAnswer:
    r"""Quiz 2: with :math:`x_1 = 2` and :math:`x_2 = 10`,
    :math:`\sigma(x_1) = 0.8808 < \sigma(x_2) = 0.99995`: option b). (The sigmoid is
    increasing; both values are below 1.)

    >>> r = quiz_sigmoid_compare()
    >>> r.answer_letter, r.answer_index
    ('b', 1)
    >>> print(r.markdown("en", digits=5))
    | quantity | value |
    |:--|--:|
    | $\sigma(2)$ | 0.88080 |
    | $\sigma(10)$ | 0.99995 |
    """
    s1, s2 = _sigmoid(float(x1)), _sigmoid(float(x2))
    index = 0 if s1 > s2 else 1 if s1 < s2 else 2  # the slides' a) >, b) <, c) =
    return QuizAnswer("Q2", "abcd"[index], index,
                      ((rf"$\sigma({_given(x1)})$", s1), (rf"$\sigma({_given(x2)})$", s2)))


def quiz_bce_formula(y_hat: Sequence[float] = (0.1, 0.3, 0.5, 0.7, 0.9)) -> QuizAnswer:
    r"""Quiz 3: which formula is the BCE? Each of the slides' four options is evaluated at
    :math:`y \in \{0, 1\}` and several :math:`\hat y`; only d)
    :math:`-y\log\hat y - (1 - y)\log(1 - \hat y)` equals
    :func:`lossbook.losses.bce_per_sample` everywhere. (b and c take the log of the label
    :math:`y \in \{0, 1\}`, which is :math:`-\infty` or undefined.) ``values`` holds each
    option's largest gap to the BCE (``inf`` when it is undefined).

    >>> r = quiz_bce_formula()
    >>> r.answer_letter, r.answer_index
    ('d', 3)
    """
    p = np.tile(np.asarray(y_hat, dtype=float), 2)
    y = np.repeat([0.0, 1.0], len(y_hat))
    bce = _bce_per_sample(y, p)
    options = (
        lambda y, p: -y * np.log(1 - p) - (1 - y) * np.log(p),   # a)
        lambda y, p: -p * np.log(1 - y) - (1 - p) * np.log(y),   # b)
        lambda y, p: -p * np.log(1 - p) - (1 - y) * np.log(y),   # c)
        lambda y, p: -y * np.log(p) - (1 - y) * np.log(1 - p),   # d)
    )
    gaps = []
    with np.errstate(divide="ignore", invalid="ignore"):  # log(0) in b) and c) is the point
        for option in options:
            diff = np.abs(option(y, p) - bce)
            gaps.append(float(np.inf) if not np.all(np.isfinite(diff)) else float(diff.max()))
    index = int(np.argmin(gaps))
    return QuizAnswer("Q3", "abcd"[index], index, tuple((f"{'abcd'[i]})", g) for i, g in enumerate(gaps)))


@dataclass(frozen=True)
class SecondDerivatives:
    """Second derivatives of :math:`f(x, y) = x^2 + 3y^2 + 4xy` (quizzes 4-6)."""

    points: tuple[tuple[float, float], ...]
    f_xx: float
    f_yy: float
    f_xy: float
    f_yx: float
    max_numerical_error: float
    answers: tuple[tuple[str, str, int], ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        headers = (_t(lang, "đạo hàm", "derivative"), _t(lang, "giá trị", "value"),
                   _t(lang, "đáp án", "answer"))
        rows = [(r"$\frac{\partial^2 f}{\partial x^2}$", _fmt(self.f_xx, digits), f"Q4 {self.answers[0][1]})"),
                (r"$\frac{\partial^2 f}{\partial y^2}$", _fmt(self.f_yy, digits), f"Q5 {self.answers[1][1]})"),
                (r"$\frac{\partial^2 f}{\partial x\,\partial y} = \frac{\partial^2 f}{\partial y\,\partial x}$",
                 _fmt(self.f_xy, digits), f"Q6 {self.answers[2][1]})")]
        return _md(headers, rows, "lrl")


def quiz_second_derivatives(points: Sequence[tuple[float, float]] = ((0.0, 0.0), (1.0, 2.0), (-3.0, 0.5))) -> SecondDerivatives:
    r"""Quizzes 4-6: :math:`f(x, y) = x^2 + 3y^2 + 4xy` has
    :math:`f_{xx} = 2` (Q4 b), :math:`f_{yy} = 6` (Q5 d),
    :math:`f_{xy} = f_{yx} = 4` (Q6 c), the same at every point: checked with
    :func:`lossbook.gradcheck.numerical_hessian` at ``points``.

    >>> r = quiz_second_derivatives()
    >>> r.answers
    (('Q4', 'b', 1), ('Q5', 'd', 3), ('Q6', 'c', 2))
    >>> r.max_numerical_error < 1e-6
    True
    >>> print(r.markdown("en"))
    | derivative | value | answer |
    |:--|--:|:--|
    | $\frac{\partial^2 f}{\partial x^2}$ | 2.0000 | Q4 b) |
    | $\frac{\partial^2 f}{\partial y^2}$ | 6.0000 | Q5 d) |
    | $\frac{\partial^2 f}{\partial x\,\partial y} = \frac{\partial^2 f}{\partial y\,\partial x}$ | 4.0000 | Q6 c) |
    """

    def f(v: np.ndarray) -> float:
        return float(v[0] ** 2 + 3.0 * v[1] ** 2 + 4.0 * v[0] * v[1])

    analytic = np.array([[2.0, 4.0], [4.0, 6.0]])
    numeric = [_numerical_hessian(f, np.asarray(p, dtype=float)) for p in points]
    err = max(float(np.max(np.abs(N - analytic))) for N in numeric)
    mean = np.mean(numeric, axis=0)
    # The quizzes' options, in the slides' order a)-d), as numbers (None: not a constant).
    q4 = (None, 2.0, None, 4.0)          # 2x + 4y, 2, 6y + 4x, 4
    q5 = (None, None, 4.0, 6.0)          # 6y + 4x, 2x + 4y, 4, 6
    q6 = ((6.0, 2.0), (2.0, 6.0), (4.0, 4.0), (2.0, 2.0))  # (f_xy, f_yx)

    def pick(options, value) -> int:
        return next(i for i, o in enumerate(options) if o is not None and np.allclose(o, value, atol=1e-6))

    i4, i5 = pick(q4, mean[0, 0]), pick(q5, mean[1, 1])
    i6 = pick(q6, (mean[0, 1], mean[1, 0]))
    return SecondDerivatives(tuple((float(a), float(b)) for a, b in points), float(analytic[0, 0]),
                             float(analytic[1, 1]), float(analytic[0, 1]), float(analytic[1, 0]), err,
                             (("Q4", "abcd"[i4], i4), ("Q5", "abcd"[i5], i5), ("Q6", "abcd"[i6], i6)))


# ==========================================================================================
# 9. The numbers in the chapters' prose (one function per worked computation)
# ==========================================================================================

def _values_md(lang: str, rows: Sequence[tuple[str, str, float]], digits: int) -> str:
    """A two-column table ``quantity | value``; ``rows`` are ``(vi label, en label, value)``."""
    headers = (_t(lang, "đại lượng", "quantity"), _t(lang, "giá trị", "value"))
    return _md(headers, [(_t(lang, vi, en), _fmt(v, digits)) for vi, en, v in rows], "lr")


def _sci(value: float) -> str:
    r"""A positive number as ``$d.d \times 10^{e}$`` (``$0$`` for zero or less)."""
    if value <= 0:
        return "$0$"
    exponent = int(np.floor(np.log10(value)))
    return "$" + format(value / 10.0 ** np.floor(np.log10(value)), ".1f") + r" \times 10^{" + str(exponent) + "}$"


# --- chapter 1: sign gradient descent off the integer grid ---------------------------------

@dataclass(frozen=True)
class SignDescent:
    """Sign gradient descent on :math:`f(x) = x^2` in one dimension."""

    eta: float
    xs: tuple[float, ...]
    gradients: tuple[float, ...]

    def markdown(self, lang: str = "vi", digits: int = 1) -> str:
        _check_lang(lang)  # no words to translate in this table
        rows = [(str(t), _fmt(x, digits), _fmt(g, digits)) for t, (x, g) in enumerate(zip(self.xs, self.gradients))]
        return _md(("$t$", "$x_t$", "$f'(x_t) = 2x_t$"), rows, "rrr")


def sign_descent_overshoot(x0: float = 0.5, eta: float = 1.0, steps: int = 3) -> SignDescent:
    r"""Sign gradient descent :math:`x_t = x_{t-1} - \eta\,\operatorname{sign}(f'(x_{t-1}))` on
    :math:`f(x) = x^2` from a start off the grid of :math:`\eta`: it overshoots the minimum
    and bounces by :math:`\pm\eta` around it forever.

    >>> sign_descent_overshoot().xs
    (0.5, -0.5, 0.5, -0.5)
    """
    h = _sign_gradient_descent(lambda v: 2 * v, [float(x0)], lr=float(eta), steps=int(steps))
    return SignDescent(float(eta), tuple(float(v) for v in h.params.ravel()), tuple(float(v) for v in h.grads.ravel()))


# --- chapter 2: the chain rule through sigmoid + squared error ------------------------------

@dataclass(frozen=True)
class SigmoidSquaredErrorChain:
    r""":math:`L(w) = (\sigma(wx + b) - y)^2`: its derivative by the chain rule and numerically."""

    x: float
    y: float
    w: float
    b: float
    y_hat: float
    chain_rule: float
    numerical: float

    def markdown(self, lang: str = "vi", digits: int = 6) -> str:
        return _values_md(lang, [
            (r"$\hat y = \sigma(wx + b)$", r"$\hat y = \sigma(wx + b)$", self.y_hat),
            (r"$2(\hat y - y)\,\hat y(1 - \hat y)\,x$", r"$2(\hat y - y)\,\hat y(1 - \hat y)\,x$", self.chain_rule),
            ("sai phân trung tâm", "central difference", self.numerical)], digits)


def sigmoid_squared_error_chain(x: float = 1.4, y: float = 0.0, w: float = -0.1, b: float = 0.1) -> SigmoidSquaredErrorChain:
    r"""The chain rule on :math:`L(w) = (\hat y - y)^2`, :math:`\hat y = \sigma(z)`,
    :math:`z = wx + b`:

    .. math:: \frac{dL}{dw} = \frac{dL}{d\hat y}\,\frac{d\hat y}{dz}\,\frac{dz}{dw}
              = 2(\hat y - y)\cdot\hat y(1 - \hat y)\cdot x

    checked against :func:`lossbook.gradcheck.numerical_gradient`.

    >>> r = sigmoid_squared_error_chain()
    >>> round(r.chain_rule, 6), round(r.numerical, 6)
    (0.342864, 0.342864)
    """
    x, y, w, b = float(x), float(y), float(w), float(b)
    s = float(_sigmoid(w * x + b))
    numeric = _numerical_gradient(lambda v: (_sigmoid(v[0] * x + b) - y) ** 2, [w])[0]
    return SigmoidSquaredErrorChain(x, y, w, b, s, 2 * (s - y) * s * (1 - s) * x, float(numeric))


# --- chapter 3: the house prices: least squares, gradient descent, one SGD step -------------

@dataclass(frozen=True)
class HouseLineFit:
    r"""The line :math:`\hat y = wx + b` fitted to the slides' houses."""

    solver: str
    w: float
    b: float
    mse: float
    n_iter: int

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        return _values_md(lang, [("$w$", "$w$", self.w), ("$b$", "$b$", self.b), ("MSE", "MSE", self.mse)], digits)


def _house_fit(version: int, **options) -> HouseLineFit:
    data = _datasets.house_prices(version)
    model = _LinearRegression(**options).fit(data.X, data.y)
    predicted = model.predict(data.X)
    n_iter = getattr(model, "n_iter_", None)
    return HouseLineFit(model.solver, float(model.coef_[0]), float(model.intercept_), _mse_loss(data.y, predicted),
                        int(n_iter) if n_iter is not None else 0)


@functools.lru_cache(maxsize=None)
def house_least_squares(version: int = 2) -> HouseLineFit:
    r"""The least-squares line through the slides' houses, from the normal equations
    :math:`X_b^\top X_b\,\theta = X_b^\top y` (:class:`lossbook.models.LinearRegression`).

    >>> r = house_least_squares()
    >>> round(r.w, 4), round(r.b, 4)
    (1.3727, -0.3914)
    """
    return _house_fit(int(version))


@functools.lru_cache(maxsize=None)
def house_gd_fit(lr: float = 0.02, max_iter: int = 20000, tol: float = 1e-6, version: int = 2) -> HouseLineFit:
    r"""The same line found by gradient descent on the MSE,
    :math:`\theta \leftarrow \theta - \eta\,\nabla J(\theta)` with :math:`\eta = 0.02`,
    stopped when :math:`\lVert\nabla J\rVert < 10^{-6}`.

    >>> r = house_gd_fit()
    >>> r.n_iter, round(r.w, 4), round(r.b, 4)
    (5600, 1.3727, -0.3914)
    """
    return _house_fit(int(version), solver="gd", lr=float(lr), max_iter=int(max_iter), tol=float(tol))


@dataclass(frozen=True)
class HouseGradient:
    r"""The gradient of :math:`J = \frac1m\sum(\hat y - y)^2` and of :math:`\frac{1}{2m}\sum` at a line."""

    w: float
    b: float
    grad_w: float
    grad_b: float
    half_grad_w: float
    half_grad_b: float

    def markdown(self, lang: str = "vi", digits: int = 6) -> str:
        return _values_md(lang, [
            (r"$\partial J/\partial w$", r"$\partial J/\partial w$", self.grad_w),
            (r"$\partial J/\partial b$", r"$\partial J/\partial b$", self.grad_b),
            (r"$\frac12\,\partial J/\partial w$", r"$\frac12\,\partial J/\partial w$", self.half_grad_w),
            (r"$\frac12\,\partial J/\partial b$", r"$\frac12\,\partial J/\partial b$", self.half_grad_b)], digits)


def house_gradient(w: float = 1.17, b: float = 0.26, version: int = 2) -> HouseGradient:
    r"""The MSE gradient on the houses at the line :math:`(w, b)`:

    .. math:: \frac{\partial J}{\partial w} = \frac2m\sum(\hat y_i - y_i)\,x_i,\qquad
              \frac{\partial J}{\partial b} = \frac2m\sum(\hat y_i - y_i)

    and half of it, the gradient of the blog's :math:`\frac{1}{2m}` version.

    >>> r = house_gradient()
    >>> round(r.grad_w, 6), round(r.grad_b, 6)
    (-4.38925, -0.7545)
    """
    data = _datasets.house_prices(int(version))
    g = _linear_mse_grad(data.X, data.y, [float(b), float(w)])
    return HouseGradient(float(w), float(b), float(g[1]), float(g[0]), float(g[1] / 2), float(g[0] / 2))


@dataclass(frozen=True)
class HouseSGDStep:
    r"""One gradient step on one house from the bad line, and the MSE of the new line."""

    w: float
    b: float
    eta: float
    grad_w: float
    grad_b: float
    w_after: float
    b_after: float
    mse_after: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        return _values_md(lang, [
            (r"$\partial L/\partial w$", r"$\partial L/\partial w$", self.grad_w),
            (r"$\partial L/\partial b$", r"$\partial L/\partial b$", self.grad_b),
            ("$w$ mới", "new $w$", self.w_after), ("$b$ mới", "new $b$", self.b_after),
            ("MSE mới", "new MSE", self.mse_after)], digits)


def house_sgd_step(w: float = -0.34, b: float = 0.04, x: float = 6.7, y: float = 9.1, eta: float = 0.01) -> HouseSGDStep:
    r"""One step of gradient descent on the first house alone, from the slides' bad line:
    :math:`L = (wx + b - y)^2`, :math:`w \leftarrow w - \eta\,\partial L/\partial w`,
    :math:`b \leftarrow b - \eta\,\partial L/\partial b`, then the MSE of the new line on
    all four houses (:func:`house_price_table`).

    >>> r = house_sgd_step()
    >>> round(r.grad_w, 4), round(r.grad_b, 4), round(r.w_after, 4), round(r.b_after, 4)
    (-151.9292, -22.676, 1.1793, 0.2668)
    """
    w, b, eta = float(w), float(b), float(eta)
    g = _linear_mse_grad([[float(x)]], [float(y)], [b, w])
    w_after, b_after = w - eta * g[1], b - eta * g[0]
    return HouseSGDStep(w, b, eta, float(g[1]), float(g[0]), float(w_after), float(b_after),
                        house_price_table(w_after, b_after).mse)


# --- chapter 4: a straight line on the petals ------------------------------------------------

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
        headers = (_t(lang, "chiều dài cánh hoa $x$", "petal length $x$"), _t(lang, "nhãn $y$", "label $y$"),
                   _t(lang, r"dự đoán $\hat y = wx + b$", r"prediction $\hat y = wx + b$"),
                   _t(lang, "trong $[0, 1]$?", "in $[0, 1]$?"))
        yes, no = _t(lang, "có", "yes"), _t(lang, "không", "no")
        rows = [(_given(x), _given(y), _fmt(p, digits), yes if 0 <= p <= 1 else no)
                for x, y, p in zip(self.x, self.y, self.predicted)]
        return _md(headers, rows, "rrrc")


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
    return PetalLineFit(w, b, tuple(float(v) for v in X[:, 0]), tuple(float(v) for v in y),
                        tuple(float(v) for v in model.predict(X)), -b / w, (0.5 - b) / w, (1 - b) / w)


# --- chapter 5: logistic growth ------------------------------------------------------------

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
        _check_lang(lang)  # no words to translate in this table
        headers = ("$t$", "$y(t)$", r"$\frac{y(t+h) - y(t-h)}{2h}$", "$r y (1 - y/K)$")
        rows = [(_given(t), _fmt(y, digits), _fmt(d, digits), _fmt(f, digits))
                for t, y, d, f in zip(self.t, self.y, self.central_difference, self.rhs)]
        return _md(headers, rows, "rrrr")


def logistic_growth_check(K: float = 100.0, r: float = 0.5, y0: float = 5.0, h: float = 1e-4,
                          t: Sequence[float] = (0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 15.0),
                          grid_step: float = 0.5, grid_points: int = 41, level: float = 90.0) -> LogisticGrowthCheck:
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
        K, r, y0, h, ts, tuple(y(s) for s in ts), tuple(diff(s) for s in ts),
        tuple(float(_logistic_growth_rhs(y(s), K, r)) for s in ts),
        float(max(abs(diff(s) - float(_logistic_growth_rhs(y(s), K, r))) for s in grid)),
        float(t_half), y(t_half), float(t_level), y(t_level))


@dataclass(frozen=True)
class LogisticIsSigmoid:
    r"""Logistic growth with :math:`K = r = 1`, :math:`y_0 = 1/2` against :math:`\sigma(t)`."""

    t: tuple[float, ...]
    max_gap: float

    def markdown(self, lang: str = "vi", digits: int = 2) -> str:
        return _values_md(lang, [(r"$\max_t |y(t) - \sigma(t)|$", r"$\max_t |y(t) - \sigma(t)|$", self.max_gap)],
                          digits)


def logistic_is_sigmoid(t_min: float = -6.0, step: float = 0.25, points: int = 49) -> LogisticIsSigmoid:
    r"""With :math:`K = 1`, :math:`r = 1`, :math:`y_0 = \tfrac12` the logistic solution is
    :math:`y(t) = \frac{1}{1 + e^{-t}} = \sigma(t)`: the largest gap on a grid of
    :math:`t \in [-6, 6]` is rounding.

    >>> "%.1g" % logistic_is_sigmoid().max_gap
    '0'
    """
    ts = tuple(i * float(step) + float(t_min) for i in range(int(points)))
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
        return _values_md(lang, [(f"$y({_given(self.t)})$", f"$y({_given(self.t)})$", self.y)], digits)


def logistic_above_capacity(K: float = 100.0, r: float = 0.5, y0: float = 150.0, t: float = 2.0) -> LogisticAboveCapacity:
    r"""The logistic formula :math:`y(t) = \frac{K}{1 + \frac{K - y_0}{y_0}e^{-rt}}` with
    :math:`y_0 > K`: the fraction :math:`\frac{K - y_0}{y_0}` is negative and :math:`y(t)`
    falls to :math:`K` from above.

    >>> round(logistic_above_capacity().y, 3)
    113.977
    """
    K, r, y0, t = float(K), float(r), float(y0), float(t)
    return LogisticAboveCapacity(K, r, y0, t, K / (1 + ((K - y0) / y0) * math.exp(-r * t)))


# --- chapter 6: logistic regression on two iris species ------------------------------------

@dataclass(frozen=True)
class IrisLogisticFit:
    r""":math:`\hat y = \sigma(w_1x_1 + w_2x_2 + b)` fitted to two iris species."""

    pair: str
    w1: float
    w2: float
    b: float

    def markdown(self, lang: str = "vi", digits: int = 2) -> str:
        return _values_md(lang, [("$w_1$", "$w_1$", self.w1), ("$w_2$", "$w_2$", self.w2), ("$b$", "$b$", self.b)],
                          digits)


@functools.lru_cache(maxsize=None)
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


# --- chapter 7: sigmoid + MSE: vanishing gradients, a concave region ------------------------

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
        headers = ("$z$", r"$\hat y = \sigma(z)$", r"MSE: $2(\hat y - y)\hat y(1 - \hat y)$", r"BCE: $\hat y - y$",
                   _t(lang, "tỉ số BCE / MSE", "ratio BCE / MSE"))
        rows = [(_fmt(z, 0), _fmt(p, digits), _fmt(m, digits), _fmt(c, digits), _fmt(q, 1))
                for z, p, m, c, q in zip(self.z, self.y_hat, self.mse, self.bce, self.ratio)]
        return _md(headers, rows, "rrrrr")


def saturation_gradients(z: Sequence[float] = (-6.0, -4.0, -2.0, 0.0, 2.0), x: float = 1.0, y: float = 1.0) -> SaturationGradients:
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
    return SaturationGradients(float(x), float(y), zs, tuple(float(_sigmoid(v)) for v in zs), mse, bce,
                               tuple(c / m for c, m in zip(bce, mse)))


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
        headers = (_t(lang, "bước", "step"), "MSE: $J$", _t(lang, "MSE: số hoa đúng", "MSE: flowers right"),
                   "BCE: $J$", _t(lang, "BCE: số hoa đúng", "BCE: flowers right"))
        rows = [(str(k), _fmt(jm, digits), f"{cm} / {self.m}", _fmt(jb, digits), f"{cb} / {self.m}")
                for k, jm, cm, jb, cb in zip(self.steps, self.mse_loss, self.mse_correct, self.bce_loss, self.bce_correct)]
        return _md(headers, rows, "rrrrr")


@functools.lru_cache(maxsize=None)
def flipped_line_descent(w: float = 2.331, b: float = -5.156, scale: float = -2.0, lr: float = 0.5,
                         steps: tuple[int, ...] = (0, 10, 100, 1000)) -> FlippedLineDescent:
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
        tuple(theta0), int(data.m), _sigmoid_mse_objective(data.X, data.y, theta0),
        float(np.abs(_sigmoid_mse_grad(data.X, data.y, theta0)).max()),
        float(np.abs(_bce_grad(data.X, data.y, theta0)).max()), ks,
        tuple(float(hm.loss[k]) for k in ks), tuple(right(hm, k) for k in ks),
        tuple(float(hb.loss[k]) for k in ks), tuple(right(hb, k) for k in ks))


@dataclass(frozen=True)
class SigmoidMSEConcavity:
    r"""The second derivative in :math:`b` of :math:`(\sigma(b + wx) - y)^2` at one point."""

    z: float
    y: float
    second_derivative: float
    finite_difference: float
    hessian_min_eigenvalue: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        return _values_md(lang, [
            (r"$\partial^2 J/\partial b^2$", r"$\partial^2 J/\partial b^2$", self.second_derivative),
            ("sai phân bậc hai", "second difference", self.finite_difference),
            (r"$\lambda_{\min}(H)$", r"$\lambda_{\min}(H)$", self.hessian_min_eigenvalue)], digits)


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
    return SigmoidMSEConcavity(z, y, float(_sigmoid_mse_second_derivative(1.0, y, _sigmoid(z))), float(fd),
                               float(np.linalg.eigvalsh(_sigmoid_mse_hessian([[1.0]], [y], [z, 0.0])).min()))


@dataclass(frozen=True)
class SigmoidMSEMostNegative:
    r"""Where on :math:`\hat y \in [0, 1]` the sigmoid + MSE curvature is most negative."""

    y: float
    minimum: float
    y_hat_at_minimum: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        return _values_md(lang, [(r"$\min \partial^2 L/\partial z^2$", r"$\min \partial^2 L/\partial z^2$", self.minimum),
                                 (r"$\hat y$", r"$\hat y$", self.y_hat_at_minimum)], digits)


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


# --- chapter 8: BCE from probabilities or from logits --------------------------------------

@dataclass(frozen=True)
class ClippedVsLogits:
    r"""The BCE of a wrong, confident prediction computed from :math:`\hat y` (clipped) and from :math:`z`."""

    y: float
    z: tuple[float, ...]
    from_probabilities: tuple[float, ...]
    from_logits: tuple[float, ...]
    cap: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        headers = ("$z$", _t(lang, "từ xác suất (kẹp)", "from probabilities (clipped)"), _t(lang, "từ logit", "from logits"))
        rows = [(_fmt(z, 0), _fmt(p, digits), _fmt(q, digits))
                for z, p, q in zip(self.z, self.from_probabilities, self.from_logits)]
        return _md(headers, rows, "rrr")


def clipped_vs_logits(z: Sequence[float] = (2.0, 10.0, 40.0, 1000.0), y: float = 0.0) -> ClippedVsLogits:
    r"""Label :math:`y = 0`, logit :math:`z`: :func:`lossbook.losses.bce_per_sample` of
    :math:`\sigma(z)` clips :math:`\hat y` to :math:`[\varepsilon, 1 - \varepsilon]` and stops at
    the cap :math:`-\ln\varepsilon`; :func:`lossbook.losses.bce_with_logits_per_sample`
    computes :math:`\log(1 + e^{z}) - yz` stably and keeps growing like :math:`z`.

    >>> r = clipped_vs_logits()
    >>> round(r.cap, 2), round(r.from_logits[-1], 1)
    (36.04, 1000.0)
    """
    zs = tuple(float(v) for v in z)
    return ClippedVsLogits(float(y), zs, tuple(float(_bce_per_sample([y], [_sigmoid(v)])[0]) for v in zs),
                           tuple(float(_bce_with_logits_per_sample([y], [v])[0]) for v in zs), -math.log(_BCE_EPS))


@dataclass(frozen=True)
class BCELogitGradient:
    r""":math:`\partial L/\partial z = \hat y - y` for the BCE in the logit, and a central difference."""

    z: float
    y: float
    y_hat: float
    analytic: float
    numerical: float

    def markdown(self, lang: str = "vi", digits: int = 6) -> str:
        return _values_md(lang, [(r"$\hat y - y$", r"$\hat y - y$", self.analytic),
                                 ("sai phân trung tâm", "central difference", self.numerical)], digits)


def bce_logit_gradient(z: float = -0.04, y: float = 0.0, h: float = 1e-6) -> BCELogitGradient:
    r"""The BCE as a function of the logit, :math:`L(z) = \log(1 + e^z) - yz`, has
    :math:`L'(z) = \sigma(z) - y = \hat y - y`; checked with
    :math:`\frac{L(z + h) - L(z - h)}{2h}` (:func:`lossbook.losses.bce_with_logits`).

    >>> r = bce_logit_gradient()
    >>> round(r.analytic, 6), round(r.numerical, 6)
    (0.490001, 0.490001)
    """
    z, y, h = float(z), float(y), float(h)
    s = float(_sigmoid(z))
    numerical = (_bce_with_logits([y], [z + h]) - _bce_with_logits([y], [z - h])) / (2 * h)
    return BCELogitGradient(z, y, s, s - y, float(numerical))


# --- chapter 9: curvature of the BCE on the petals, step sizes, ridge --------------------------

@dataclass(frozen=True)
class PetalBCEHessian:
    r"""The BCE Hessian :math:`H = \frac1m X_b^\top S X_b` on the petals, at one line."""

    w: float
    b: float
    eigenvalues: tuple[float, ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        return _values_md(lang, [(r"$\lambda_1$", r"$\lambda_1$", self.eigenvalues[0]),
                                 (r"$\lambda_2$", r"$\lambda_2$", self.eigenvalues[1])], digits)


def petal_bce_hessian(w: float = 2.331, b: float = -5.156) -> PetalBCEHessian:
    r"""The Hessian of the mean BCE on the six petals,
    :math:`H = \frac1m\sum_i \hat y_i(1 - \hat y_i)\,x_i x_i^\top` (with :math:`x_i = (1, x_i)`),
    at the slides' line: both eigenvalues (ascending) are positive.

    >>> [round(v, 4) for v in petal_bce_hessian().eigenvalues]
    [0.011, 0.429]
    """
    data = _datasets.petal_lengths()
    ev = np.linalg.eigvalsh(_bce_hessian(data.X, data.y, [float(b), float(w)]))
    return PetalBCEHessian(float(w), float(b), tuple(float(v) for v in ev))


@dataclass(frozen=True)
class DuplicatedFeature:
    r"""The petals with a second feature :math:`x_2 = c\,x_1`: a flat direction of the BCE."""

    factor: float
    loss_first: float
    loss_second: float
    smallest_eigenvalue: float

    def markdown(self, lang: str = "vi", digits: int = 6) -> str:
        return _values_md(lang, [(r"$J(b, w, 0)$", r"$J(b, w, 0)$", self.loss_first),
                                 (r"$J(b, 0, w/c)$", r"$J(b, 0, w/c)$", self.loss_second),
                                 (r"$|\lambda_{\min}|$", r"$|\lambda_{\min}|$", self.smallest_eigenvalue)], digits)


def duplicated_feature(w: float = 2.331, b: float = -5.156, factor: float = 10.0) -> DuplicatedFeature:
    r"""Add the feature :math:`x_2 = 10\,x_1` (the petal length in millimetres): the weights
    :math:`(b, w, 0)` and :math:`(b, 0, w/10)` give the same :math:`z` and the same loss, so
    the minimiser is not unique and the Hessian is singular (smallest eigenvalue 0 up to
    rounding).

    >>> r = duplicated_feature()
    >>> round(r.loss_first, 6) == round(r.loss_second, 6), r.smallest_eigenvalue < 1e-12
    (True, True)
    """
    data = _datasets.petal_lengths()
    X = np.column_stack([data.x, float(factor) * data.x])
    w, b = float(w), float(b)
    return DuplicatedFeature(
        float(factor), _bce_objective(X, data.y, [b, w, 0.0]), _bce_objective(X, data.y, [b, 0.0, w / float(factor)]),
        float(abs(np.linalg.eigvalsh(_bce_hessian(X, data.y, [b, w, 0.0]))[0])))


@dataclass(frozen=True)
class BCESmoothness:
    r"""The Lipschitz constant :math:`L` of the BCE gradient on a data set, and :math:`2/L`."""

    dataset: str
    smoothness: float
    max_stable_eta: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        return _values_md(lang, [("$L$", "$L$", self.smoothness), ("$2/L$", "$2/L$", self.max_stable_eta)], digits)


def bce_smoothness(dataset: str = "petal_lengths") -> BCESmoothness:
    r"""Since :math:`\sigma' \le \tfrac14`, the BCE Hessian satisfies
    :math:`H \preceq \frac{1}{4m}X_b^\top X_b`, so the gradient is :math:`L`-Lipschitz with
    :math:`L = \lambda_{\max}\bigl(X_b^\top X_b\bigr)/(4m)` and gradient descent is
    guaranteed to converge for :math:`\eta < 2/L`. ``dataset`` names a function of
    :mod:`lossbook.datasets` (``"petal_lengths"``, ``"petal_sgd"``).

    >>> r = bce_smoothness()
    >>> round(r.smoothness, 4), round(r.max_stable_eta, 4)
    (2.0998, 0.9525)
    """
    data = getattr(_datasets, str(dataset))()
    Xb = _add_bias(data.X)
    L = float(np.linalg.eigvalsh(Xb.T @ Xb).max() / (4 * data.m))
    return BCESmoothness(str(dataset), L, 2 / L)


@dataclass(frozen=True)
class PetalGDTrajectory:
    r"""Gradient descent on the BCE of the separable petals: :math:`\lVert\theta\rVert` grows, :math:`J \to 0`."""

    lr: float
    steps: tuple[int, ...]
    theta: tuple[tuple[float, float], ...]
    norm: tuple[float, ...]
    loss: tuple[float, ...]

    def markdown(self, lang: str = "vi", digits: int = 3, loss_digits: int = 6) -> str:
        headers = (_t(lang, "số bước", "steps"), "$(b, w)$", r"$\lVert\boldsymbol\theta\rVert$", "$J$")
        rows = [(str(k), f"({_fmt(t[0], digits)}, {_fmt(t[1], digits)})", _fmt(n, digits), _fmt(j, loss_digits))
                for k, t, n, j in zip(self.steps, self.theta, self.norm, self.loss)]
        return _md(headers, rows, "rrrr")


@functools.lru_cache(maxsize=None)
def petal_gd_trajectory(lr: float = 0.5, steps: tuple[int, ...] = (10, 100, 1000, 10000),
                        theta0: tuple[float, ...] = (0.0, 0.0)) -> PetalGDTrajectory:
    r"""Full-batch gradient descent :math:`\theta \leftarrow \theta - \eta\nabla J` on the six
    petals (separable) from :math:`\theta = 0`: the loss keeps falling and the weights keep
    growing, there is no minimiser to converge to.

    >>> r = petal_gd_trajectory()
    >>> all(a < b for a, b in zip(r.norm, r.norm[1:])), all(a > b for a, b in zip(r.loss, r.loss[1:]))
    (True, True)
    """
    data = _datasets.petal_lengths()
    ks = tuple(int(k) for k in steps)
    h = _full_batch_gd(data.X, data.y, list(theta0), lr=float(lr), steps=ks[-1])
    return PetalGDTrajectory(float(lr), ks, tuple((float(h.params[k][0]), float(h.params[k][1])) for k in ks),
                             tuple(float(np.linalg.norm(h.params[k])) for k in ks), tuple(float(h.loss[k]) for k in ks))


@dataclass(frozen=True)
class PetalRidgeDescent:
    r"""Gradient descent on the BCE plus :math:`\frac{\lambda}{2}w^2` on the petals."""

    lam: float
    b: float
    w: float
    max_gradient: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        return _values_md(lang, [("$b$", "$b$", self.b), ("$w$", "$w$", self.w)], digits)


@functools.lru_cache(maxsize=None)
def petal_ridge_descent(lam: float = 0.1, lr: float = 0.5, steps: int = 10000) -> PetalRidgeDescent:
    r"""With an L2 penalty on the weight, :math:`J_\lambda = J + \frac{\lambda}{2}w^2`
    (gradient :math:`\nabla J + \lambda\,(0, w)`), the loss on the separable petals has a
    minimiser again and gradient descent converges to it; ``max_gradient`` is the largest
    entry of :math:`|\nabla J_\lambda|` at the end.

    >>> r = petal_ridge_descent()
    >>> round(r.b, 4), round(r.w, 4), r.max_gradient < 1e-8
    (-3.7402, 1.5451, True)
    """
    data = _datasets.petal_lengths()
    lam = float(lam)
    h = _gradient_descent(lambda t: _bce_grad(data.X, data.y, t) + lam * np.array([0.0, t[1]]), [0.0, 0.0],
                          lr=float(lr), steps=int(steps))
    return PetalRidgeDescent(lam, float(h.final[0]), float(h.final[1]), float(np.abs(h.grads[-1]).max()))


# --- chapter 10: one epoch of SGD on the four petals -----------------------------------------

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
        headers = (_t(lang, "bước", "step"), _t(lang, "mẫu được chọn $(x, y)$", "sample picked $(x, y)$"),
                   _t(lang, "mất mát của mẫu đó (trước bước)", "its loss (before the step)"),
                   _t(lang, "$J$ trung bình (sau bước)", "mean $J$ (after the step)"))
        rows = [("0", "", "", _fmt(self.loss[0], digits))]
        rows += [(str(k + 1), f"$({_given(x)}, {_given(y)})$", _fmt(s, digits), _fmt(j, digits))
                 for k, (x, y, s, j) in enumerate(zip(self.x, self.y, self.sample_loss, self.loss[1:]))]
        return _md(headers, rows, "rlrr")


@functools.lru_cache(maxsize=None)
def sgd_epoch_table(theta0: tuple[float, ...] = (0.1, -0.1), eta: float = 0.01, epochs: int = 1) -> SGDEpochTable:
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
    return SGDEpochTable(tuple(map(float, theta0)), float(eta), int(epochs),
                         tuple(float(data.X[i, 0]) for i in h.sample), tuple(float(data.y[i]) for i in h.sample),
                         tuple(float(v) for v in h.sample_loss), tuple(float(v) for v in h.loss),
                         tuple(float(v) for v in _sigmoid(_add_bias(data.X) @ np.array(theta0, dtype=float)) - data.y))


@functools.lru_cache(maxsize=1)
def vectorised_speedup():
    r"""The loop-vs-vectorised timing of the BCE gradient
    (:func:`lossbook.vectorisation.time_bce_gradient`, 10,000 samples, 2 features), measured
    once per process, so both languages of a build show the same run.

    >>> vectorised_speedup() is vectorised_speedup()
    True
    >>> vectorised_speedup().max_abs_diff < 1e-12
    True
    """
    from .vectorisation import time_bce_gradient

    return time_bce_gradient()


# --- chapter 11: Newton's method on the tumour sizes ----------------------------------------

@dataclass(frozen=True)
class TumourNewton:
    r"""Newton's method for logistic regression on the tumour sizes, iteration by iteration."""

    b: float
    w: float
    loss: float
    steps: int
    boundary: float
    loss_gap: tuple[float, ...]
    decrement: tuple[float, ...]
    step_size: tuple[float, ...]

    def markdown(self, lang: str = "vi", digits: int = 0) -> str:
        headers = (_t(lang, "lần lặp $k$", "iteration $k$"), r"$J(\theta_k) - J^\star$", r"$\tfrac12\lambda_k^2$",
                   _t(lang, "bước $t_k$", "step $t_k$"))
        rows = [(str(k), _sci(g), _sci(d), _fmt(self.step_size[k - 1], digits) if k else "")
                for k, (g, d) in enumerate(zip(self.loss_gap, self.decrement))]
        return _md(headers, rows, "rrrr")


@functools.lru_cache(maxsize=None)
def tumour_newton() -> TumourNewton:
    r"""Newton's method :math:`\theta \leftarrow \theta - t\,H^{-1}\nabla J` (:func:`lossbook.optim.newton`)
    on :func:`lossbook.datasets.tumour_sizes`: the gap to the optimum :math:`J(\theta_k) - J^\star`
    and half the squared Newton decrement :math:`\tfrac12\lambda_k^2 = \tfrac12 g^\top H^{-1} g`
    shrink quadratically; the boundary is at :math:`x = -b/w`.

    >>> r = tumour_newton()
    >>> r.steps, round(r.w, 4), round(r.b, 4), round(r.boundary, 2)
    (6, 1.0336, -15.2459, 14.75)
    >>> print(r.markdown("en"))
    | iteration $k$ | $J(\theta_k) - J^\star$ | $\tfrac12\lambda_k^2$ | step $t_k$ |
    |--:|--:|--:|--:|
    | 0 | $3.7 \times 10^{-1}$ | $2.7 \times 10^{-1}$ | |
    | 1 | $6.9 \times 10^{-2}$ | $4.4 \times 10^{-2}$ | 1 |
    | 2 | $1.5 \times 10^{-2}$ | $1.1 \times 10^{-2}$ | 1 |
    | 3 | $1.4 \times 10^{-3}$ | $1.3 \times 10^{-3}$ | 1 |
    | 4 | $2.0 \times 10^{-5}$ | $2.0 \times 10^{-5}$ | 1 |
    | 5 | $5.5 \times 10^{-9}$ | $5.5 \times 10^{-9}$ | 1 |
    | 6 | $0$ | $4.0 \times 10^{-16}$ | 1 |
    """
    data = _datasets.tumour_sizes()
    h = _newton(data.X, data.y)
    b, w = float(h.final[0]), float(h.final[1])
    return TumourNewton(b, w, float(h.loss[-1]), int(h.steps), -b / w,
                        tuple(float(v - h.loss[-1]) for v in h.loss), tuple(float(v) for v in h.decrement),
                        tuple(float(v) for v in h.step_size))
