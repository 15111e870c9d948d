r"""The recomputations of the errata that are more than one lesson function and a field.

``errata.yml`` names what recomputes a value, as a function and literal arguments
(``house_price_table(1.17, 0.26).squared_error[1]``). Most names are functions of
:mod:`lossbook.lesson` or :mod:`lossbook`; the few recomputations the lesson does not
need for its pages live here, each with its formula and a doctest. Every number comes
in as an argument from ``errata.yml``: no datum is typed in this module.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .. import datasets
from ..activations import logistic_growth, logistic_growth_rhs, logit, sigmoid, sigmoid_derivative
from ..gradcheck import numerical_gradient
from ..lesson import (
    bce_hessian_example,
    circle_boundary,
    gd_step_size,
    house_price_table,
    notes_bce_formula,
    output_table_losses,
    separable_no_minimiser,
    sgd_step_two_features,
    square_descent,
)

__all__ = [
    "bce_eigenvalue_formulas_hold",
    "bce_hessian_entries_nonnegative",
    "distinct_losses",
    "eigenvalues",
    "gd_always_converges",
    "gd_cycle",
    "house_table_matching",
    "log_ratio_above_capacity",
    "logistic_steepest",
    "mixed_partials_counterexample",
    "notes_cost",
    "output_ndim",
    "output_table_loss_sum",
    "points_on_boundary",
    "positive_semidefinite",
    "separable_has_minimiser",
    "sgd_update",
    "sigmoid_derivative_range",
    "square_descent_stays_integer",
    "tanh_vs_sigmoid",
    "truncate",
]


def truncate(x: float, digits: int) -> float:
    """``x`` cut (towards zero) after ``digits`` decimals: how the slides print numbers.
    (The tiny offset keeps 0.29 * 100 = 28.999999999999996 from truncating to 0.28.)

    >>> truncate(-0.10686, 4), truncate(0.29, 2)
    (-0.1068, 0.29)
    """
    scale = 10.0**digits
    return math.trunc(x * scale + math.copysign(1e-9, x)) / scale


# --- chapter 1: gradient descent -------------------------------------------------------------


def square_descent_stays_integer(x0: float, eta: float) -> bool:
    r"""Whether one gradient step on :math:`f = x^2` from ``x0``,
    :math:`x_1 = x_0 - 2\eta x_0`, is a whole number.

    >>> square_descent_stays_integer(3.0, 0.1)  # x1 = 2.4
    False
    """
    return float(square_descent(x0, eta, 1).xs[1]).is_integer()


def gd_always_converges(etas: Sequence[float]) -> bool:
    """Whether gradient descent converges for every step size of :func:`lossbook.lesson.gd_step_size`.

    >>> gd_always_converges((1.0, 10.0))
    False
    """
    return all(gd_step_size(tuple(etas)).converged)


def gd_cycle(etas: Sequence[float], index: int) -> float:
    r""":math:`|b|` where gradient descent with ``etas[index]`` ends (the 2-cycle :math:`b = w = \pm c`).

    >>> round(gd_cycle((1.0, 10.0), 1), 3)
    2.464
    """
    return abs(gd_step_size(tuple(etas)).final_theta[index][0])


# --- chapter 2: second derivatives ---------------------------------------------------------


@dataclass(frozen=True)
class MixedPartials:
    """The two mixed second partials at the origin, by nested central differences."""

    f_xy: float
    f_yx: float


def mixed_partials_counterexample(h: float) -> MixedPartials:
    r""":math:`f(x, y) = xy\frac{x^2 - y^2}{x^2 + y^2}`, :math:`f(0, 0) = 0`: the textbook
    function whose mixed partials differ at the origin,
    :math:`\partial_y\partial_x f = -1` and :math:`\partial_x\partial_y f = +1`.
    ``h`` is the outer step; the inner gradient uses a step 1000 times smaller.

    >>> r = mixed_partials_counterexample(1e-3)
    >>> round(r.f_xy, 2), round(r.f_yx, 2)
    (-1.0, 1.0)
    """

    def f(v: np.ndarray) -> float:
        x, y = float(v[0]), float(v[1])
        r2 = x * x + y * y
        return 0.0 if r2 == 0.0 else x * y * (x * x - y * y) / r2

    def partial(v: np.ndarray, i: int) -> float:
        return float(numerical_gradient(f, v, h=h / 1000)[i])

    f_xy = (partial(np.array([0.0, h]), 0) - partial(np.array([0.0, -h]), 0)) / (2 * h)  # d/dy of df/dx
    f_yx = (partial(np.array([h, 0.0]), 1) - partial(np.array([-h, 0.0]), 1)) / (2 * h)  # d/dx of df/dy
    return MixedPartials(f_xy, f_yx)


def eigenvalues(matrix: Sequence[Sequence[float]]) -> tuple[float, ...]:
    """The eigenvalues of a symmetric matrix, ascending.

    >>> eigenvalues([[1.0, 2.0], [2.0, 1.0]])
    (-1.0, 3.0)
    """
    return tuple(float(v) for v in np.linalg.eigvalsh(np.asarray(matrix, dtype=float)))


def positive_semidefinite(matrix: Sequence[Sequence[float]]) -> bool:
    r"""Whether :math:`v^\top A v \ge 0` for every :math:`v` (the smallest eigenvalue is :math:`\ge 0`).

    >>> positive_semidefinite([[1.0, 2.0], [2.0, 1.0]])
    False
    """
    return eigenvalues(matrix)[0] >= 0


# --- chapter 3: the house table --------------------------------------------------------------


def house_table_matching(w: float, b: float, first_error: float, digits: int) -> int:
    """The version (1 or 2) of the house table whose first squared error, for the line
    ``w``, ``b``, rounds to the slides' ``first_error``.

    >>> house_table_matching(1.17, 0.26, 1.002, 3)
    2
    >>> house_table_matching(1.17, 0.26, 9.999, 3)
    Traceback (most recent call last):
    ...
    ValueError: first_error 9.999 is the first error of neither house table for w = 1.17, b = 0.26
    """
    for version in (1, 2):
        if round(house_price_table(w, b, version).squared_error[0], digits) == first_error:
            return version
    raise ValueError(f"first_error {first_error} is the first error of neither house table for w = {w}, b = {b}")


# --- chapter 5: logistic growth --------------------------------------------------------------


@dataclass(frozen=True)
class LogRatio:
    r""":math:`\frac{y}{K - y}` and :math:`\ln|y| - \ln|K - y|` at one :math:`y`."""

    ratio: float
    ln_abs: float
    positive: bool


def log_ratio_above_capacity(K: float, y: float) -> LogRatio:
    r""":math:`\frac{y}{K - y}` has a logarithm only when it is positive, i.e. :math:`0 < y < K`;
    :math:`\ln|y| - \ln|K - y|` always exists.

    >>> r = log_ratio_above_capacity(100.0, 150.0)
    >>> r.ratio, round(r.ln_abs, 4), r.positive
    (-3.0, 1.0986, False)
    """
    ratio = y / (K - y)
    return LogRatio(ratio, math.log(abs(y)) - math.log(abs(K - y)), ratio > 0)


@dataclass(frozen=True)
class LogisticSteepest:
    r"""Where logistic growth is steepest: :math:`t^*`, and the values that tell the shifted
    curve :math:`K\sigma(r(t - t^*))` from the unshifted :math:`K\sigma(rt)`."""

    t_star: float
    y_at_0: float
    unshifted_at_0: float
    max_slope: float


def logistic_steepest(K: float, r: float, y0: float) -> LogisticSteepest:
    r""":math:`y(t) = K\sigma(r(t - t^*))` with :math:`t^* = \frac{1}{r}\ln\frac{K - y_0}{y_0}`:
    :math:`y(0) = y_0`, while :math:`K\sigma(r \cdot 0) = K/2`; the slope
    :math:`ry(1 - y/K)` peaks at :math:`t^*` with :math:`Kr/4`.

    >>> s = logistic_steepest(100.0, 0.5, 5.0)
    >>> round(s.t_star, 3), round(s.y_at_0, 6), s.unshifted_at_0, round(s.max_slope, 6)
    (5.889, 5.0, 50.0, 12.5)
    """
    t_star = -float(logit(y0 / K)) / r
    return LogisticSteepest(
        t_star,
        float(logistic_growth(0.0, K, r, y0)),
        K * float(sigmoid(0.0)),
        float(logistic_growth_rhs(logistic_growth(t_star, K, r, y0), K, r)),
    )


# --- chapter 4, 6: tanh, outputs, boundaries -------------------------------------------------


@dataclass(frozen=True)
class TanhVsSigmoid:
    r""":math:`\tanh(z)`, :math:`\sigma(z)` and :math:`\frac{1 + \tanh(z/2)}{2}` at one :math:`z`."""

    tanh: float
    sigmoid: float
    shifted_tanh: float


def tanh_vs_sigmoid(z: float) -> TanhVsSigmoid:
    r"""``tanh`` is not a probability, but shifted and scaled it is the sigmoid:
    :math:`\frac{1 + \tanh(z/2)}{2} = \sigma(z)`.

    >>> r = tanh_vs_sigmoid(-1.0)
    >>> round(r.tanh, 4), round(r.sigmoid, 4), round(r.shifted_tanh, 4)
    (-0.7616, 0.2689, 0.2689)
    """
    return TanhVsSigmoid(math.tanh(z), float(sigmoid(z)), (1.0 + math.tanh(z / 2.0)) / 2.0)


def output_ndim(w: Sequence[float], x: Sequence[float], b: float) -> int:
    r"""The number of dimensions of :math:`\sigma(\vec w \cdot \vec x + b)`: 0, a scalar.

    >>> output_ndim([0.5, -0.1], [1.4, 0.2], 0.1)
    0
    """
    return int(np.ndim(sigmoid(float(np.dot(w, x)) + b)))


def points_on_boundary(points: Sequence[Sequence[float]]) -> int:
    r"""How many of ``points`` lie on the notes' circle boundary :math:`x_1^2 + x_2^2 - 1 = 0`.

    >>> points_on_boundary([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0]])
    3
    """
    return sum(z == 0.0 for z in circle_boundary(tuple(map(tuple, points))).z)


# --- chapter 8: the loss -----------------------------------------------------------------------


def notes_cost(y: np.ndarray | None = None, f: np.ndarray | None = None) -> float:
    r"""The notes' cost, evaluated exactly as printed,
    :math:`\frac1m\sum -y\log f - (1 - y(1 - \log f))`, on the slides' eight outputs
    (or on ``y``, ``f``).

    >>> round(notes_cost(), 4)
    0.1122
    """
    if y is None or f is None:
        table = datasets.output_table()
        y, f = table.y, table.x
    log_f = np.log(np.asarray(f, dtype=float))
    y = np.asarray(y, dtype=float)
    return float(np.mean(-y * log_f - (1.0 - y * (1.0 - log_f))))


def output_table_loss_sum() -> float:
    """The **sum** of the BCE of the slides' eight outputs (the cost is their mean).

    >>> round(output_table_loss_sum(), 4)
    6.1296
    """
    return float(sum(output_table_losses().losses))


def distinct_losses(f: float) -> int:
    """How many different losses one prediction ``f`` gets over the labels 0 and 1.

    >>> distinct_losses(0.7)
    2
    """
    return len(set(notes_bce_formula(f).correct))


# --- chapter 9: convexity --------------------------------------------------------------------


def bce_hessian_entries_nonnegative(x: float, w: float, b: float) -> bool:
    r"""Whether every entry of the one-sample BCE Hessian
    :math:`\hat y(1-\hat y)\begin{bmatrix} x^2 & x \\ x & 1\end{bmatrix}` is :math:`\ge 0`
    (false for :math:`x < 0`).

    >>> bce_hessian_entries_nonnegative(-1.4, -0.1, 0.1)
    False
    """
    return bool(np.all(np.asarray(bce_hessian_example(x, w, b).hessian) >= 0))


def bce_eigenvalue_formulas_hold(x: float, w: float, b: float) -> tuple[bool, bool]:
    r"""Whether the slides' eigenvalues of the one-sample BCE Hessian,
    :math:`\lambda_1 = \hat y(1-\hat y)(x^2+1)` and :math:`\lambda_2 = 0`, match NumPy's
    (``eigvalsh``; to 12 significant digits, and below :math:`10^{-15}`).

    >>> bce_eigenvalue_formulas_hold(1.4, -0.1, 0.1)
    (True, True)
    """
    r = bce_hessian_example(x, w, b)
    return (
        bool(np.isclose(r.numerical_eigenvalues[0], r.eigenvalues[0], rtol=1e-12)),
        bool(abs(r.numerical_eigenvalues[1]) < 1e-15),
    )


@dataclass(frozen=True)
class DerivativeRange:
    r"""Smallest and largest :math:`\sigma'(z) = \hat y(1 - \hat y)` on a grid."""

    min: float
    max: float
    positive: bool


def sigmoid_derivative_range(z_min: float, z_max: float, points: int) -> DerivativeRange:
    r""":math:`\hat y(1 - \hat y) = \sigma'(z)` on ``points`` equally spaced :math:`z`: never 0.

    >>> r = sigmoid_derivative_range(-30.0, 30.0, 601)
    >>> r.positive, r.max
    (True, 0.25)
    """
    values = sigmoid_derivative(np.linspace(z_min, z_max, points))
    return DerivativeRange(float(np.min(values)), float(np.max(values)), bool(np.min(values) > 0))


def separable_has_minimiser() -> bool:
    """Whether the BCE on the slides' separable petals stops decreasing along the separating
    ray (:func:`lossbook.lesson.separable_no_minimiser`): it does not, so there is no minimiser.

    >>> separable_has_minimiser()
    False
    """
    losses = separable_no_minimiser().losses
    return not all(a > b > 0 for a, b in zip(losses, losses[1:], strict=False))


# --- chapter 10: SGD -------------------------------------------------------------------------


@dataclass(frozen=True)
class SGDUpdate:
    r"""One parameter of the slides' two-feature SGD step: :math:`\eta L'`, and the update
    with the right sign (:math:`\theta - \eta L'`) and with the slides' plus sign."""

    step: float
    minus: float
    plus: float


def sgd_update(name: str) -> SGDUpdate:
    r"""The update of one parameter of :func:`lossbook.lesson.sgd_step_two_features`, both signs.

    >>> u = sgd_update("w2")
    >>> round(u.minus, 4), round(u.plus, 4)
    (-0.1014, -0.0986)
    """
    r = sgd_step_two_features()
    step = r.eta * r.gradient[r.names.index(name)]
    before = r.param(name, "before")
    return SGDUpdate(step, before - step, before + step)
