r"""Chapter 1 (``docs/01-optimization.md``): the derivative as a limit, gradient descent on
:math:`x^2`, the slides' 2-D walk and sign gradient descent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..optim import gradient_descent as _gradient_descent
from ..optim import sign_gradient_descent as _sign_gradient_descent
from ..optim import square_function_walk as _square_function_walk
from ..text import fmt, given
from ._given import DELTAS, SQUARE_ETA, SQUARE_X0
from ._table import Col, table

__all__ = ["derivative_as_limit", "square_descent", "walk_2d", "sign_descent_overshoot"]


@dataclass(frozen=True)
class DerivativeLimit:
    """Difference quotients of :math:`J(x) = x^n` shrinking to :math:`J'(x) = n x^{n-1}`."""

    x: float
    deltas: tuple[float, ...]
    quotients: tuple[float, ...]
    derivative: float

    def markdown(self, lang: str = "vi", digits: int = 6) -> str:
        columns = (
            Col(r"$\Delta x$"),
            Col(r"$\frac{J(x+\Delta x)-J(x)}{\Delta x}$"),
            Col(r"sai lệch so với $J'(x)$", r"gap to $J'(x)$"),
        )
        rows = [
            (given(d), fmt(q, digits), fmt(q - self.derivative, digits))
            for d, q in zip(self.deltas, self.quotients, strict=True)
        ]
        return table(lang, columns, rows)


def derivative_as_limit(x: float = 3.0, deltas: Sequence[float] = DELTAS, power: int = 2) -> DerivativeLimit:
    r"""The slides' definition :math:`J'(x) = \lim_{\Delta x\to 0}\frac{J(x+\Delta x) - J(x)}{\Delta x}`
    on the square function :math:`J(x) = x^2`.

    The quotient is exactly :math:`2x + \Delta x`, so the gap to :math:`J'(x) = 2x` is
    :math:`\Delta x` itself (up to rounding). ``power`` :math:`n` takes :math:`J(x) = x^n`
    instead (an exercise: for :math:`x^3` at 1 the quotient is :math:`3 + 3\Delta x + \Delta x^2`).

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
    >>> round(derivative_as_limit(1.0, (0.1,), power=3).quotients[0], 6)
    3.31
    """
    x, n = float(x), int(power)

    def J(v: float) -> float:
        return v**n

    ds = tuple(float(d) for d in deltas)
    quotients = tuple((J(x + d) - J(x)) / d for d in ds)
    return DerivativeLimit(x, ds, quotients, n * x ** (n - 1))


@dataclass(frozen=True)
class SquareDescent:
    """Gradient descent on :math:`f(x) = x^2`: :math:`x_t = x_{t-1} - \\eta f'(x_{t-1})`."""

    eta: float
    xs: tuple[float, ...]
    gradients: tuple[float, ...]

    @property
    def factor(self) -> float:
        r"""What each step multiplies :math:`x` by: :math:`1 - 2\eta`.

        >>> square_descent(eta=0.25).factor
        0.5
        """
        return 1.0 - 2.0 * self.eta

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (Col("$t$"), Col("$x_t$"), Col("$f'(x_t) = 2x_t$"), Col("$f(x_t)$"))
        rows = [
            (str(t), fmt(x, digits), fmt(g, digits), fmt(x * x, digits))
            for t, (x, g) in enumerate(zip(self.xs, self.gradients, strict=True))
        ]
        return table(lang, columns, rows)


def square_descent(x0: float = SQUARE_X0, eta: float = SQUARE_ETA, steps: int = 5) -> SquareDescent:
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
    return SquareDescent(float(eta), tuple(float(v) for v in h.params[:, 0]), tuple(float(v) for v in h.grads[:, 0]))


@dataclass(frozen=True)
class Walk2D:
    """The slides' walk on :math:`f(x, y) = x^2 + y^2` next to standard gradient descent."""

    eta: float
    slides_points: tuple[tuple[float, float], ...]
    slides_gradients: tuple[tuple[float, float], ...]
    gd_points: tuple[tuple[float, float], ...]
    gd_gradients: tuple[tuple[float, float], ...]

    @property
    def steps(self) -> int:
        """The number of steps of each walk."""
        return len(self.slides_points) - 1

    @property
    def factor(self) -> float:
        r"""What a standard gradient-descent step multiplies each coordinate by: :math:`1 - 2\eta`."""
        return 1.0 - 2.0 * self.eta

    @property
    def gd_values(self) -> tuple[float, ...]:
        r""":math:`f(x_t, y_t) = x_t^2 + y_t^2` along the standard gradient-descent walk.

        >>> walk_2d(eta=0.25).gd_values
        (25.0, 6.25, 1.5625, 0.390625, 0.09765625)
        """
        return tuple(x * x + y * y for x, y in self.gd_points)

    def markdown(self, lang: str = "vi", digits: int = 1) -> str:
        columns = (
            Col("$t$"),
            Col(r"theo dấu: $(x_t, y_t)$", r"sign steps: $(x_t, y_t)$"),
            Col(r"$\nabla f(x_t, y_t)$"),
            Col(r"GD chuẩn: $(x_t, y_t)$", r"standard GD: $(x_t, y_t)$"),
            Col(r"$\nabla f(x_t, y_t)$"),
        )

        def pair(p: tuple[float, float]) -> str:
            return f"({fmt(p[0], digits)}, {fmt(p[1], digits)})"

        rows = [
            (str(t), pair(sp), pair(sg), pair(gp), pair(gg))
            for t, (sp, sg, gp, gg) in enumerate(
                zip(self.slides_points, self.slides_gradients, self.gd_points, self.gd_gradients, strict=True)
            )
        ]
        return table(lang, columns, rows)


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
    | $t$ | sign steps: $(x_t, y_t)$ | $\nabla f(x_t, y_t)$ | standard GD: $(x_t, y_t)$ | $\nabla f(x_t, y_t)$ |
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
class SignDescent:
    """Sign gradient descent on :math:`f(x) = x^2` in one dimension."""

    eta: float
    xs: tuple[float, ...]
    gradients: tuple[float, ...]

    def listed(self, digits: int = 1) -> str:
        """The iterates as the prose lists them: ``0.5, −0.5, 0.5, −0.5``."""
        return ", ".join(fmt(x, digits) for x in self.xs)

    def markdown(self, lang: str = "vi", digits: int = 1) -> str:
        rows = [
            (str(t), fmt(x, digits), fmt(g, digits))
            for t, (x, g) in enumerate(zip(self.xs, self.gradients, strict=True))
        ]
        columns = (Col("$t$"), Col("$x_t$"), Col("$f'(x_t) = 2x_t$"))
        return table(lang, columns, rows)


def sign_descent_overshoot(x0: float = 0.5, eta: float = 1.0, steps: int = 3) -> SignDescent:
    r"""Sign gradient descent :math:`x_t = x_{t-1} - \eta\,\operatorname{sign}(f'(x_{t-1}))` on
    :math:`f(x) = x^2` from a start off the grid of :math:`\eta`: it overshoots the minimum
    and bounces by :math:`\pm\eta` around it forever.

    >>> sign_descent_overshoot().xs
    (0.5, -0.5, 0.5, -0.5)
    >>> sign_descent_overshoot().listed()
    '0.5, −0.5, 0.5, −0.5'

    """
    h = _sign_gradient_descent(lambda v: 2 * v, [float(x0)], lr=float(eta), steps=int(steps))
    return SignDescent(float(eta), tuple(float(v) for v in h.params.ravel()), tuple(float(v) for v in h.grads.ravel()))
