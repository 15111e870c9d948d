r"""Chapter 2 (``docs/02-chain-rule.md``): the chain rule, the Hessian example, the chain rule
through a sigmoid and a squared error.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..activations import sigmoid as _sigmoid
from ..gradcheck import numerical_gradient as _numerical_gradient
from ..gradcheck import numerical_hessian as _numerical_hessian
from ..text import fmt, given, tr
from ._given import SGD_B, SGD_W, SGD_X, SGD_Y
from ._table import Col, table, values_table

__all__ = ["power_chain", "chain_rule", "hessian_example", "sigmoid_squared_error_chain"]


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
        columns = (
            Col("đại lượng", "quantity", "l"),
            Col(f"giá trị tại $x = {given(self.x)}$", f"value at $x = {given(self.x)}$"),
        )
        rows = [
            ("$f(x) = 2x - 1$", fmt(self.f, digits)),
            ("$g(f) = (f - 3)^2$", fmt(self.g, digits)),
            (r"$\frac{dg}{df} = 2(f - 3)$", fmt(self.dg_df, digits)),
            (r"$\frac{df}{dx} = 2$", fmt(self.df_dx, digits)),
            (r"$\frac{dg}{df}\cdot\frac{df}{dx}$", fmt(self.dg_dx, digits)),
            ("$8x - 16$", fmt(self.closed_form, digits)),
            (tr(lang, "sai phân trung tâm", "central difference"), fmt(self.numerical, digits)),
        ]
        return table(lang, columns, rows)


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


@dataclass(frozen=True)
class HessianExample:
    """Gradient and Hessian of :math:`f(x, y) = x^2 + 2x^2y + y^3` at a point."""

    point: tuple[float, float]
    value: float
    gradient: tuple[float, float]
    hessian: tuple[tuple[float, float], tuple[float, float]]
    numerical_hessian: tuple[tuple[float, float], tuple[float, float]]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (
            Col("đạo hàm", "derivative", "l"),
            Col("công thức", "formula", "l"),
            Col("giá trị", "value"),
            Col("sai phân", "finite difference"),
        )
        H, N = self.hessian, self.numerical_hessian
        rows = [
            (r"$\frac{\partial f}{\partial x}$", "$2x + 4xy$", fmt(self.gradient[0], digits), ""),
            (r"$\frac{\partial f}{\partial y}$", "$2x^2 + 3y^2$", fmt(self.gradient[1], digits), ""),
            (r"$\frac{\partial^2 f}{\partial x^2}$", "$2 + 4y$", fmt(H[0][0], digits), fmt(N[0][0], digits)),
            (r"$\frac{\partial^2 f}{\partial x\,\partial y}$", "$4x$", fmt(H[0][1], digits), fmt(N[0][1], digits)),
            (r"$\frac{\partial^2 f}{\partial y^2}$", "$6y$", fmt(H[1][1], digits), fmt(N[1][1], digits)),
        ]
        return table(lang, columns, rows)


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
    return HessianExample(
        (x, y),
        f(np.array([x, y])),
        (2.0 * x + 4.0 * x * y, 2.0 * x**2 + 3.0 * y**2),
        H,
        tuple(tuple(float(v) for v in row) for row in N),
    )


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
        return values_table(
            lang,
            [
                (r"$\hat y = \sigma(wx + b)$", None, self.y_hat),
                (r"$2(\hat y - y)\,\hat y(1 - \hat y)\,x$", None, self.chain_rule),
                ("sai phân trung tâm", "central difference", self.numerical),
            ],
            digits,
        )


def sigmoid_squared_error_chain(
    x: float = SGD_X, y: float = SGD_Y, w: float = SGD_W, b: float = SGD_B
) -> SigmoidSquaredErrorChain:
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


@dataclass(frozen=True)
class PowerChain:
    r""":math:`h(x) = (ax + c)^n` differentiated by the chain rule, and numerically."""

    x: float
    chain_rule: float
    numerical: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        return values_table(
            lang,
            [
                (r"$n a (ax + c)^{n-1}$", None, self.chain_rule),
                ("sai phân trung tâm", "central difference", self.numerical),
            ],
            digits,
        )


def power_chain(x: float = 0.0, a: float = 3.0, c: float = 1.0, n: int = 4) -> PowerChain:
    r"""The chapter's exercise :math:`h(x) = (3x + 1)^4`: inner layer :math:`u = ax + c`
    (:math:`u' = a`), outer layer :math:`u^n` (derivative :math:`n u^{n-1}`), so

    .. math:: h'(x) = n\,(ax + c)^{n-1}\cdot a = 12(3x + 1)^3

    checked with :func:`lossbook.gradcheck.numerical_gradient`.

    >>> r = power_chain()
    >>> r.chain_rule, round(r.numerical, 6)
    (12.0, 12.0)
    """
    x, a, c, n = float(x), float(a), float(c), int(n)
    numeric = _numerical_gradient(lambda v: (a * v[0] + c) ** n, [x])[0]
    return PowerChain(x, n * (a * x + c) ** (n - 1) * a, float(numeric))
