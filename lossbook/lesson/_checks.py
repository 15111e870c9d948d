r"""The checks of the questions that end each chapter ("Check your understanding"): each
returns the index (0 = a) of the option lossbook agrees with, computed, so that a question
whose answer is a fact of the mathematics cannot drift from it. ``docs/_data/quizzes.yml``
calls one per question (``check: check_<id>()`` or ``check_<id>(options)`` when the options
state numbers: they are read from the question, written once). Re-exported by
:mod:`lossbook.lesson.quizzes`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .. import datasets as _datasets
from ..activations import logistic_growth_rhs as _growth_rhs
from ..activations import logit as _logit
from ..activations import sigmoid as _sigmoid
from ..gradcheck import numerical_gradient as _numerical_gradient
from ..losses import add_bias as _add_bias
from ..losses import bce_grad as _bce_grad
from ..losses import bce_objective as _bce_objective
from ..losses import bce_per_sample as _bce_per_sample
from ..losses import bce_with_logits_per_sample as _bce_logits
from ..optim import newton as _newton
from ._given import BERNOULLI_Y_HAT, CONFIDENT_WRONG_Y_HAT, GROWTH_K, GROWTH_R, THRESHOLD

__all__ = [
    "check_square_eta_one",
    "check_zero_derivative",
    "check_chain_rule_at_three",
    "check_residuals_sum",
    "check_growth_fastest",
    "check_growth_above_capacity",
    "check_threshold_logit",
    "check_mse_gradient_vanishes",
    "check_loglik_sign",
    "check_bce_convex_in_yhat_and_z",
    "check_mean_prediction",
    "check_same_gradient",
    "check_sigmoid_claim",
    "check_step_size_sufficient",
]


def _closest(options: Sequence[str], value: float) -> int:
    from .quizzes import closest_option  # the one reader of an option's number

    return closest_option(options, value)


def check_square_eta_one(x0: float = 3.0) -> int:
    r"""Gradient descent on :math:`f(x) = x^2` with :math:`\eta = 1` from ``x0``
    (:func:`lossbook.lesson.square_descent`): :math:`x_t = (1 - 2\eta)^t x_0 = (-1)^t x_0`.
    Options: a) converges to 0, b) reaches 0 in one step, c) alternates between
    :math:`x_0` and :math:`-x_0` for ever, d) grows without bound.

    >>> check_square_eta_one()
    2
    """
    from .optimization import square_descent

    xs = np.array(square_descent(float(x0), 1.0, 6).xs)
    if xs[1] == 0:
        return 1
    if np.allclose(np.abs(xs), abs(x0)) and np.all(np.sign(xs[1:]) == -np.sign(xs[:-1])):
        return 2
    return 0 if abs(xs[-1]) < abs(xs[0]) else 3


def check_zero_derivative(h: float = 2.0**-10) -> int:
    r""":math:`f(x) = x^3` at 0: :math:`f'(0) = 0` and :math:`f''(0) = 0` (central
    differences), yet :math:`f(-h) < f(0) < f(h)`: 0 is no minimiser. Options: a) yes,
    always; b) yes when also :math:`f''(x^\star) \ge 0`; c) never: a minimiser needs
    :math:`f' \neq 0`; d) not necessarily (:math:`x^3` at 0).

    >>> check_zero_derivative()
    3
    """

    def f(v: np.ndarray) -> float:
        return float(v[0] ** 3)

    slope = float(_numerical_gradient(f, np.array([0.0]))[0])
    curvature = (f(np.array([h])) - 2 * f(np.array([0.0])) + f(np.array([-h]))) / h**2
    not_a_minimum = f(np.array([-h])) < f(np.array([0.0]))
    return 3 if abs(slope) < 1e-8 and abs(curvature) < 1e-8 and not_a_minimum else 0


def check_chain_rule_at_three(options: Sequence[str], x: float = 3.0) -> int:
    r""":math:`(g \circ f)'(x)` for :math:`f(x) = 2x - 1`, :math:`g(u) = (u - 3)^2`, by a
    central difference: the option stating it (:math:`8x - 16 = 8` at 3).

    >>> check_chain_rule_at_three(["$4$", "$0$", "$8$", "$-2$"])
    2
    """
    value = _numerical_gradient(lambda v: float((2 * v[0] - 1 - 3) ** 2), np.array([float(x)]))[0]
    return _closest(options, float(value))


def check_residuals_sum(options: Sequence[str]) -> int:
    r"""The residuals :math:`y_i - \hat y_i` of the least-squares line (with an intercept)
    through the houses (:func:`lossbook.lesson.house_least_squares`) sum to 0: the normal
    equation of :math:`b`. The option stating the sum (rounded to 1e-9).

    >>> check_residuals_sum(["$0$", "$1$", "$-1$", "$4$"])
    0
    """
    from .linear_regression import house_least_squares

    fit, data = house_least_squares(), _datasets.house_prices()
    residuals = data.y - (fit.w * data.X[:, 0] + fit.b)
    return _closest(options, round(float(residuals.sum()), 9))


def check_growth_fastest(K: float = GROWTH_K, r: float = GROWTH_R) -> int:
    r"""Where :math:`y' = r\,y(1 - y/K)` is largest over :math:`0 \le y \le K`
    (:func:`lossbook.activations.logistic_growth_rhs` on a grid): options a) at
    :math:`y = K`, b) at :math:`y = K/2`, c) at the start :math:`y = y_0`, d) at
    :math:`y = 0`; as fractions of :math:`K`: 1, 1/2, (none), 0.

    >>> check_growth_fastest()
    1
    """
    y = np.linspace(0.0, float(K), 100001)
    top = float(y[np.argmax(_growth_rhs(y, float(K), float(r)))]) / float(K)
    return {1.0: 0, 0.5: 1, 0.0: 3}.get(round(top, 6), 2)


def check_growth_above_capacity() -> int:
    r"""Logistic growth started above :math:`K` (:func:`lossbook.lesson.logistic_above_capacity`):
    options a) grows without bound, b) jumps to :math:`K` at once, c) stays at :math:`y_0`,
    d) falls towards :math:`K` from above.

    >>> check_growth_above_capacity()
    3
    """
    from .logistic_growth import logistic_above_capacity

    r = logistic_above_capacity()
    if r.y > r.y0:
        return 0
    if r.y == r.y0:
        return 2
    return 3 if r.K < r.y < r.y0 else 1


def check_threshold_logit(options: Sequence[str], threshold: float = THRESHOLD) -> int:
    r"""The score :math:`z` at which :math:`\sigma(z)` crosses ``threshold``:
    :math:`\operatorname{logit}(0.5) = 0` (:func:`lossbook.activations.logit`). The option stating it.

    >>> check_threshold_logit(["$1$", r"$\frac12$", r"$\ln 2$", "$0$"])
    3
    """
    return _closest(options, float(_logit(float(threshold))))


def check_mse_gradient_vanishes(y_hat: float = CONFIDENT_WRONG_Y_HAT) -> int:
    r"""Label 0, prediction ``y_hat`` (confidently wrong): :math:`|dL/dz|` of the squared
    error :math:`(\sigma(z) - y)^2` against the BCE's, by central differences. Options:
    a) about the same, b) larger, c) zero exactly, d) far smaller (under a tenth).

    >>> check_mse_gradient_vanishes()
    3
    """
    z = np.array([float(_logit(float(y_hat)))])
    mse = abs(float(_numerical_gradient(lambda v: float((_sigmoid(v[0]) - 0.0) ** 2), z)[0]))
    bce = abs(float(_numerical_gradient(lambda v: float(_bce_logits(np.array([0.0]), v)[0]), z)[0]))
    if mse == 0:
        return 2
    if mse < bce / 10:
        return 3
    return 1 if mse > bce else 0


def _tumour_fit() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    d = _datasets.tumour_sizes()
    return d.X, d.y, _newton(d.X, d.y).final


def check_loglik_sign() -> int:
    r"""The log-likelihood :math:`\ell(\theta) = -m\,J(\theta)` of a model with
    :math:`0 < \hat y_i < 1`, at the start :math:`\theta = 0` and at the fitted
    :math:`\theta` of the tumour data (:func:`lossbook.losses.bce_objective`): options
    a) positive, b) zero at the optimum, c) either sign, d) negative.

    >>> check_loglik_sign()
    3
    """
    X, y, theta = _tumour_fit()
    ells = [-len(y) * _bce_objective(X, y, t) for t in (np.zeros_like(theta), theta)]
    if all(e < 0 for e in ells):
        return 3
    if all(e > 0 for e in ells):
        return 0
    return 1 if abs(ells[1]) < 1e-12 else 2


def check_bce_convex_in_yhat_and_z(points: int = 201) -> int:
    r"""Second differences of the BCE for both labels, in :math:`\hat y \in (0, 1)`
    (:func:`lossbook.losses.bce_per_sample`) and in :math:`z`
    (:func:`lossbook.losses.bce_with_logits_per_sample`): options a) convex in :math:`z`
    only, b) in :math:`\hat y` only, c) in neither, d) in both.

    >>> check_bce_convex_in_yhat_and_z()
    3
    """
    p, z = np.linspace(0.0, 1.0, points + 2)[1:-1], np.linspace(-8.0, 8.0, points)
    in_p = in_z = True
    for label in (0.0, 1.0):
        y = np.full(points, label)
        in_p &= bool(np.all(np.diff(_bce_per_sample(y, p), 2) >= 0))
        in_z &= bool(np.all(np.diff(_bce_logits(y, z), 2) >= -1e-12))
    return {(False, True): 0, (True, False): 1, (False, False): 2, (True, True): 3}[(in_p, in_z)]


def check_mean_prediction() -> int:
    r"""At the BCE's minimiser with a bias (Newton on the tumour data), :math:`\partial J/\partial b
    = \frac1m\sum(\hat y_i - y_i) = 0`: the mean prediction equals the share of label 1.
    Options: a) mean :math:`\hat y` = mean :math:`y`, b) mean :math:`\hat y = \frac12`,
    c) every :math:`\hat y_i = y_i`, d) nothing about :math:`\hat y`.

    >>> check_mean_prediction()
    0
    """
    X, y, theta = _tumour_fit()
    y_hat = _sigmoid(_add_bias(X) @ theta)
    if np.allclose(y_hat, y):
        return 2
    if math.isclose(float(y_hat.mean()), float(y.mean()), abs_tol=1e-8):
        return 0
    return 1 if math.isclose(float(y_hat.mean()), 0.5, abs_tol=1e-8) else 3


def check_same_gradient(seed: int = 0) -> int:
    r"""Half the MSE of :math:`\hat y = X_b\theta` and the BCE of :math:`\hat y = \sigma(X_b\theta)`:
    is each gradient :math:`\frac1m X_b^\top(\hat y - y)` (a central difference at a random
    :math:`\theta` on the tumour sizes)? Options: a) yes, for both, b) only for linear
    regression, c) only for logistic regression, d) for neither.

    >>> check_same_gradient()
    0
    """
    d = _datasets.tumour_sizes()
    Xb, y = _add_bias(d.X), d.y
    theta = np.random.default_rng(seed).normal(size=Xb.shape[1]) * np.array([1.0, 0.05])
    m = len(y)

    def matches(predict, objective) -> bool:
        formula = Xb.T @ (predict(theta) - y) / m
        return bool(np.allclose(_numerical_gradient(objective, theta), formula, rtol=1e-5, atol=1e-7))

    linear = matches(lambda t: Xb @ t, lambda t: float(np.mean((Xb @ t - y) ** 2) / 2))
    logistic = matches(lambda t: _sigmoid(Xb @ t), lambda t: float(_bce_objective(d.X, y, t)))
    return {(True, True): 0, (True, False): 1, (False, True): 2, (False, False): 3}[(linear, logistic)]


def check_sigmoid_claim(y_hat: float = BERNOULLI_Y_HAT) -> int:
    r""":math:`\hat y = \sigma(z)` read as :math:`P(y = 1 \mid x)`: its odds
    :math:`e^{z} = e^{\operatorname{logit}(\hat y)}` are :math:`\hat y / (1 - \hat y) = 4`
    for 0.8 (:func:`lossbook.activations.logit`), as option c) states; else a).

    >>> check_sigmoid_claim()
    2
    """
    odds = math.exp(float(_logit(float(y_hat))))
    return 2 if math.isclose(odds, 4.0, rel_tol=1e-12) else 0


def check_step_size_sufficient(factor: float = 3.0, steps: int = 3000) -> int:
    r""":math:`\eta = 3/\beta` is beyond the rule :math:`\eta < 2/\beta` yet can converge:
    on the standardised tumour radii, with :math:`\beta = \lambda_{\max}(X_b^\top X_b)/(4m)`,
    gradient descent with :math:`\eta = 3/\beta` (:func:`lossbook.losses.bce_grad`) drives
    :math:`\lVert\nabla J\rVert` below :math:`10^{-8}`, while on :math:`f(x) = \frac\beta2 x^2`
    each step multiplies :math:`x` by :math:`1 - 3 = -2`. Both facts: option a) (the rule is
    sufficient only); c) "always converges" if the quadratic converged too; else b).

    >>> check_step_size_sufficient()
    0
    """
    d = _datasets.tumour_sizes()
    X = (d.X - d.X.mean(0)) / d.X.std(0)
    Xb = _add_bias(X)
    beta = float(np.linalg.eigvalsh(Xb.T @ Xb).max()) / (4 * len(d.y))
    eta, theta = float(factor) / beta, np.zeros(Xb.shape[1])
    for _ in range(int(steps)):
        theta = theta - eta * _bce_grad(X, d.y, theta)
    converges_here = float(np.linalg.norm(_bce_grad(X, d.y, theta))) < 1e-8
    quadratic_converges = abs(1 - eta * beta) < 1
    if converges_here:
        return 2 if quadratic_converges else 0
    return 1
