r"""Chapter 3 (``docs/03-linear-regression.md``): the slides' house prices: the tables of two
lines, least squares, gradient descent, the gradient, one step on one house; where the
squared error comes from (the Gaussian likelihood) and the normal equations.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from .. import datasets as _datasets
from ..gradcheck import numerical_gradient as _numerical_gradient
from ..likelihood import gaussian_nll as _gaussian_nll
from ..likelihood import normal_equations as _normal_equations
from ..losses import add_bias as _add_bias
from ..losses import linear_mse_grad as _linear_mse_grad
from ..losses import mse_loss as _mse_loss
from ..losses import squared_error as _squared_error
from ..models import LinearRegression as _LinearRegression
from ..text import fmt, given, sci, tr
from ._given import FIRST_HOUSE, HOUSE_GD_LR, HOUSE_LINES, HOUSE_NOISE_VARIANCES, SGD_ETA
from ._table import Col, table, values_table

__all__ = [
    "house_price_table",
    "house_least_squares",
    "house_gd_fit",
    "house_gradient",
    "house_sgd_step",
    "house_normal_equations",
    "house_gaussian_mle",
]


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
        columns = (
            Col("diện tích", "area"),
            Col("giá", "price"),
            Col(r"dự đoán $\hat y$", r"predicted $\hat y$"),
            Col(r"sai số $(\hat y - y)^2$", r"error $(\hat y - y)^2$"),
        )
        rows = [
            (given(a), given(p), fmt(yh, digits), fmt(e, error_digits))
            for a, p, yh, e in zip(self.area, self.price, self.predicted, self.squared_error, strict=True)
        ]
        rows.append(
            ("", None, tr(lang, r"MSE $= \frac{1}{m}\sum$", r"MSE $= \frac{1}{m}\sum$"), fmt(self.mse, error_digits))
        )
        rows.append(("", None, r"$\frac{1}{2m}\sum$", fmt(self.half_mse, error_digits)))
        return table(lang, columns, rows)


def house_price_table(w: float = HOUSE_LINES[1][0], b: float = HOUSE_LINES[1][1], version: int = 2) -> HousePriceTable:
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
        float(w),
        float(b),
        tuple(map(float, data.x)),
        tuple(map(float, data.y)),
        tuple(float(v) for v in predicted),
        tuple(float(v) for v in errors),
        float(errors.sum()),
        _mse_loss(data.y, predicted),
        _mse_loss(data.y, predicted, half=True),
    )


@dataclass(frozen=True)
class HouseLineFit:
    r"""The line :math:`\hat y = wx + b` fitted to the slides' houses."""

    solver: str
    w: float
    b: float
    mse: float
    n_iter: int

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        return values_table(lang, [("$w$", None, self.w), ("$b$", None, self.b), ("MSE", None, self.mse)], digits)


def _house_fit(version: int, **options) -> HouseLineFit:
    data = _datasets.house_prices(version)
    model = _LinearRegression(**options).fit(data.X, data.y)
    predicted = model.predict(data.X)
    n_iter = getattr(model, "n_iter_", None)
    return HouseLineFit(
        model.solver,
        float(model.coef_[0]),
        float(model.intercept_),
        _mse_loss(data.y, predicted),
        int(n_iter) if n_iter is not None else 0,
    )


@functools.cache
def house_least_squares(version: int = 2) -> HouseLineFit:
    r"""The least-squares line through the slides' houses, from the normal equations
    :math:`X_b^\top X_b\,\theta = X_b^\top y` (:class:`lossbook.models.LinearRegression`).

    >>> r = house_least_squares()
    >>> round(r.w, 4), round(r.b, 4)
    (1.3727, -0.3914)
    """
    return _house_fit(int(version))


@functools.cache
def house_gd_fit(lr: float = HOUSE_GD_LR, max_iter: int = 20000, tol: float = 1e-6, version: int = 2) -> HouseLineFit:
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
        return values_table(
            lang,
            [
                (r"$\partial J/\partial w$", None, self.grad_w),
                (r"$\partial J/\partial b$", None, self.grad_b),
                (r"$\frac12\,\partial J/\partial w$", None, self.half_grad_w),
                (r"$\frac12\,\partial J/\partial b$", None, self.half_grad_b),
            ],
            digits,
        )


def house_gradient(w: float = HOUSE_LINES[1][0], b: float = HOUSE_LINES[1][1], version: int = 2) -> HouseGradient:
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
        return values_table(
            lang,
            [
                (r"$\partial L/\partial w$", None, self.grad_w),
                (r"$\partial L/\partial b$", None, self.grad_b),
                ("$w$ mới", "new $w$", self.w_after),
                ("$b$ mới", "new $b$", self.b_after),
                ("MSE mới", "new MSE", self.mse_after),
            ],
            digits,
        )


def house_sgd_step(
    w: float = HOUSE_LINES[0][0],
    b: float = HOUSE_LINES[0][1],
    x: float = FIRST_HOUSE[0],
    y: float = FIRST_HOUSE[1],
    eta: float = SGD_ETA,
) -> HouseSGDStep:
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
    return HouseSGDStep(
        w, b, eta, float(g[1]), float(g[0]), float(w_after), float(b_after), house_price_table(w_after, b_after).mse
    )


# --- where the squared error comes from: the Gaussian likelihood, the normal equations -------


@dataclass(frozen=True)
class HouseNormalEquations:
    r"""The normal equations :math:`X_b^\top X_b\,\theta = X_b^\top y` on the houses, written out:

    .. math:: \begin{bmatrix} m & \sum x_i \\ \sum x_i & \sum x_i^2 \end{bmatrix}
              \begin{bmatrix} b \\ w \end{bmatrix} =
              \begin{bmatrix} \sum y_i \\ \sum x_i y_i \end{bmatrix}
    """

    m: int
    sum_x: float
    sum_x2: float
    sum_y: float
    sum_xy: float
    b: float
    w: float
    residual: float  #: the largest component of X_b^T (X_b theta - y) at the solution

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        return values_table(
            lang,
            [
                (r"$\sum x_i$", None, self.sum_x),
                (r"$\sum x_i^2$", None, self.sum_x2),
                (r"$\sum y_i$", None, self.sum_y),
                (r"$\sum x_i y_i$", None, self.sum_xy),
                ("$b$", None, self.b),
                ("$w$", None, self.w),
            ],
            digits,
        )


def house_normal_equations(version: int = 2) -> HouseNormalEquations:
    r"""The normal equations of the houses' least squares, their sums and their solution
    :math:`\theta = (b, w)` (:func:`lossbook.likelihood.normal_equations`), with the residual
    :math:`\max_j |[X_b^\top(X_b\theta - y)]_j|` that the solution leaves (rounding only).

    >>> r = house_normal_equations()
    >>> r.m, round(r.sum_x, 2), round(r.sum_x2, 2), round(r.sum_y, 2), round(r.sum_xy, 2)
    (4, 20.3, 108.55, 26.3, 141.06)
    >>> round(r.b, 4), round(r.w, 4), r.residual < 1e-9
    (-0.3914, 1.3727, True)
    """
    data = _datasets.house_prices(int(version))
    x, y = data.x, data.y
    b, w = _normal_equations(data.X, data.y)
    Xb = _add_bias(data.X)
    residual = float(np.max(np.abs(Xb.T @ (Xb @ np.array([b, w]) - y))))
    return HouseNormalEquations(
        int(x.size),
        float(x.sum()),
        float((x**2).sum()),
        float(y.sum()),
        float((x * y).sum()),
        float(b),
        float(w),
        residual,
    )


@dataclass(frozen=True)
class HouseGaussianMLE:
    r"""For each noise variance :math:`\sigma_\varepsilon^2`: the negative log-likelihood at the least-squares
    line and at the slides' good line, and the size of its numerical gradient at the
    least-squares line."""

    s2: tuple[float, ...]
    nll_least_squares: tuple[float, ...]
    nll_slides_line: tuple[float, ...]
    gradient_at_least_squares: tuple[float, ...]

    @property
    def _slides_line(self) -> str:
        return f"$w = {given(HOUSE_LINES[1][0])}$, $b = {given(HOUSE_LINES[1][1])}$"

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (
            Col(r"$\sigma_\varepsilon^2$", r"$\sigma_\varepsilon^2$"),
            Col(r"$-\ell$ tại đường bình phương tối thiểu", r"$-\ell$ at the least-squares line"),
            Col(rf"$-\ell$ tại {self._slides_line}", rf"$-\ell$ at {self._slides_line}"),
            Col(
                r"$\lVert\nabla(-\ell)\rVert$ (sai phân) tại đường bình phương tối thiểu",
                r"$\lVert\nabla(-\ell)\rVert$ (differences) at the least-squares line",
            ),
        )
        rows = [
            (given(s2), fmt(a, digits), fmt(c, digits), sci(g))
            for s2, a, c, g in zip(
                self.s2, self.nll_least_squares, self.nll_slides_line, self.gradient_at_least_squares, strict=True
            )
        ]
        return table(lang, columns, rows)


def house_gaussian_mle(s2: tuple[float, ...] = HOUSE_NOISE_VARIANCES, version: int = 2) -> HouseGaussianMLE:
    r"""The Gaussian model :math:`y = wx + b + \varepsilon`,
    :math:`\varepsilon \sim \mathcal N(0, \sigma_\varepsilon^2)`, on the houses: its negative
    log-likelihood :math:`-\ell(\theta) = \frac{1}{2\sigma_\varepsilon^2}\sum(y_i - \hat y_i)^2
    + \frac m2\ln(2\pi \sigma_\varepsilon^2)`
    (:func:`lossbook.likelihood.gaussian_nll`, summed log-densities) at the least-squares line
    and at the slides' good line ``HOUSE_LINES[1]``, and the norm of its gradient by central
    differences (no formula) at the least-squares line: zero for every :math:`\sigma_\varepsilon^2`, so the
    likelihood's maximiser is the MSE's minimiser.

    >>> r = house_gaussian_mle()
    >>> r.s2
    (0.25, 1.0, 4.0)
    >>> all(g < 1e-6 for g in r.gradient_at_least_squares)
    True
    >>> all(a < c for a, c in zip(r.nll_least_squares, r.nll_slides_line))
    True
    """
    data = _datasets.house_prices(int(version))
    theta_ls = _normal_equations(data.X, data.y)
    slides = np.array([HOUSE_LINES[1][1], HOUSE_LINES[1][0]])
    at_ls, at_slides, grads = [], [], []
    for v in map(float, s2):
        nll = functools.partial(_gaussian_nll, data.X, data.y, s2=v)
        at_ls.append(nll(theta_ls))
        at_slides.append(nll(slides))
        grads.append(float(np.linalg.norm(_numerical_gradient(nll, theta_ls))))
    return HouseGaussianMLE(tuple(map(float, s2)), tuple(at_ls), tuple(at_slides), tuple(grads))
