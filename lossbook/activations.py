r"""The sigmoid and where it comes from (chapter: sigmoid, logistic growth).

In the order of the lesson: the logistic-growth ODE :math:`y' = r y (1 - y/K)` and its
solution, which is a stretched and shifted sigmoid; then the sigmoid itself, its first
and second derivatives side by side, and its inverse, the logit.

Every function accepts a scalar or an array: a scalar in gives a Python ``float`` out,
an array in gives an array of the same shape out. Inputs must be finite.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._kernels import sigmoid as _sigmoid
from ._kernels import sigmoid_derivative as _sigmoid_derivative
from ._validation import (
    as_float_array,
    check_finite_scalar,
    check_positive,
    check_probabilities,
    scalar_or_array,
)

__all__ = [
    "sigmoid",
    "sigmoid_derivative",
    "sigmoid_second_derivative",
    "logit",
    "logistic_growth",
    "logistic_growth_rhs",
]


# --- the second derivative's kernel (the sigmoid's own are in lossbook._kernels) ---------


def _sigmoid_second_derivative(z: np.ndarray) -> np.ndarray:
    # sigma (1 - sigma) (1 - 2 sigma), with 1 - 2 sigma(z) = -tanh(z / 2): near z = 0 the
    # subtraction 1 - 2 sigma cancels (at z = 1e-12 it keeps ~4 correct digits), tanh keeps
    # all of them; for large |z| tanh -> -+1 exactly, and sigma(z) sigma(-z) carries the size.
    # (+ 0.0 turns the -0.0 of z = 0 into 0.0.)
    return -_sigmoid_derivative(z) * np.tanh(0.5 * z) + 0.0


# --- the logistic-growth ODE (where the sigmoid comes from) -----------------------------


def logistic_growth_rhs(y: Any, K: float, r: float) -> Any:
    r"""Right-hand side of the logistic-growth equation.

    .. math:: \frac{dy}{dt} = r\,y\left(1 - \frac{y}{K}\right)

    Growth proportional to the population :math:`y`, slowed down as :math:`y`
    approaches the carrying capacity :math:`K`.

    Parameters
    ----------
    y : float or array_like
        Population size(s).
    K : float
        Carrying capacity, :math:`K > 0`.
    r : float
        Intrinsic growth rate (any real number; :math:`r > 0` for growth).

    Returns
    -------
    float or numpy.ndarray
        :math:`dy/dt` at each ``y``.

    Examples
    --------
    Growth is fastest at half the capacity and stops at :math:`y = K`:

    >>> logistic_growth_rhs(50.0, K=100.0, r=0.2), logistic_growth_rhs(100.0, K=100.0, r=0.2)
    (5.0, 0.0)
    """
    y_arr = as_float_array("y", y, ndim=None, allow_empty=True)
    K = check_positive("K", K)
    r = check_finite_scalar("r", r)
    return scalar_or_array(r * y_arr * (1.0 - y_arr / K), y)


def logistic_growth(t: Any, K: float, r: float, y0: float) -> Any:
    r"""Solution of the logistic-growth equation with :math:`y(0) = y_0`.

    .. math::

        y(t) = \frac{K}{1 + \frac{K - y_0}{y_0}\, e^{-r t}}
             = K\,\sigma\!\left(r t + \ln\frac{y_0}{K - y_0}\right)

    The second form is the one computed: the logistic curve *is* a sigmoid, stretched
    vertically by :math:`K`, horizontally by :math:`1/r`, and shifted. It is also the
    form that cannot overflow when :math:`-rt` is large.

    Domain: :math:`K > 0`, :math:`0 < y_0 < K` (the separation of variables in the lesson
    divides by :math:`y` and by :math:`K - y`), :math:`r` and :math:`t` any real.

    Parameters
    ----------
    t : float or array_like
        Time(s).
    K : float
        Carrying capacity.
    r : float
        Intrinsic growth rate.
    y0 : float
        Population at :math:`t = 0`.

    Returns
    -------
    float or numpy.ndarray
        :math:`y(t)`, same shape as ``t``.

    Examples
    --------
    With :math:`K = 1`, :math:`r = 1`, :math:`y_0 = 1/2` it is exactly the sigmoid:

    >>> t = np.linspace(-6, 6, 7)
    >>> bool(np.allclose(logistic_growth(t, K=1, r=1, y0=0.5), sigmoid(t), rtol=1e-15, atol=0))
    True

    It solves the ODE: a central difference of :math:`y(t)` equals
    :math:`r y (1 - y/K)` (to :math:`O(h^2)`):

    >>> K, r, y0, h = 100.0, 0.3, 5.0, 1e-4
    >>> t = np.linspace(0, 30, 7)
    >>> dydt = (logistic_growth(t + h, K, r, y0) - logistic_growth(t - h, K, r, y0)) / (2 * h)
    >>> bool(np.allclose(dydt, logistic_growth_rhs(logistic_growth(t, K, r, y0), K, r), rtol=1e-7))
    True
    >>> logistic_growth(0.0, K, r, y0)
    5.0
    """
    t_arr = as_float_array("t", t, ndim=None, allow_empty=True)
    K = check_positive("K", K)
    r = check_finite_scalar("r", r)
    y0 = check_positive("y0", y0)
    if not y0 < K:
        raise ValueError(f"y0 must be in the open interval (0, K) = (0, {K!r}); got {y0!r}")
    shift = np.log(y0) - np.log(K - y0)  # ln(y0 / (K - y0)) = logit(y0 / K)
    return scalar_or_array(K * _sigmoid(r * t_arr + shift), t)


# --- the sigmoid, its derivatives, its inverse -----------------------------------------


def sigmoid(z: Any) -> Any:
    r"""The logistic sigmoid, numerically stable for every finite ``z``.

    .. math:: \sigma(z) = \frac{1}{1 + e^{-z}}

    Domain: :math:`z \in \mathbb{R}` (logits); range :math:`(0, 1)` mathematically. In
    float64, :math:`\sigma(z)` rounds to exactly 1.0 for :math:`z > 36.7` and to 0.0
    for :math:`z < -745`; no overflow warning is ever raised.

    Parameters
    ----------
    z : float or array_like
        Logits.

    Returns
    -------
    float or numpy.ndarray
        :math:`\hat y = \sigma(z)`.

    Examples
    --------
    >>> sigmoid(0.0)
    0.5
    >>> sigmoid(np.array([-1e4, -0.04, 1e4]))
    array([0.  , 0.49, 1.  ])

    The lesson's six petals with :math:`z = 2.331x - 5.156` (the slides print 0.0559,
    0.8625 and 0.9878: those are 0.05599, 0.86259 and 0.98788 truncated, not rounded):

    >>> x = np.array([1.4, 1.0, 1.5, 3.0, 3.8, 4.1])
    >>> np.round(sigmoid(2.331 * x - 5.156), 4)
    array([0.1309, 0.056 , 0.1598, 0.8626, 0.9759, 0.9879])
    """
    z_arr = as_float_array("z", z, ndim=None, allow_empty=True)
    return scalar_or_array(_sigmoid(z_arr), z)


def sigmoid_derivative(z: Any) -> Any:
    r"""First derivative of the sigmoid.

    .. math:: \sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr)

    Maximal at :math:`z = 0` where it equals :math:`1/4`; so
    :math:`\hat y (1 - \hat y) \in (0, 1/4]`.

    >>> sigmoid_derivative(0.0)
    0.25
    >>> float(sigmoid_derivative(40.0))  # not 0.0: 1 - sigma(z) is computed as sigma(-z)
    4.248354255291589e-18
    """
    z_arr = as_float_array("z", z, ndim=None, allow_empty=True)
    return scalar_or_array(_sigmoid_derivative(z_arr), z)


def sigmoid_second_derivative(z: Any) -> Any:
    r"""Second derivative of the sigmoid.

    .. math:: \sigma''(z) = \sigma(z)\bigl(1 - \sigma(z)\bigr)\bigl(1 - 2\sigma(z)\bigr)

    Positive for :math:`z < 0`, zero at :math:`z = 0` (the inflection point), negative
    for :math:`z > 0`.

    >>> sigmoid_second_derivative(0.0)
    0.0
    >>> round(sigmoid_second_derivative(-1.0), 6), round(sigmoid_second_derivative(1.0), 6)
    (0.090858, -0.090858)
    """
    z_arr = as_float_array("z", z, ndim=None, allow_empty=True)
    return scalar_or_array(_sigmoid_second_derivative(z_arr), z)


def logit(p: Any) -> Any:
    r"""Inverse of the sigmoid: the log-odds of a probability.

    .. math:: \operatorname{logit}(p) = \ln\frac{p}{1 - p}, \qquad \sigma(\operatorname{logit}(p)) = p

    Domain: :math:`p \in (0, 1)` (open: the log-odds of 0 and 1 are infinite).
    Computed as ``log(p) - log1p(-p)``, accurate for ``p`` near 0 and near 1.

    >>> logit(0.5)
    0.0
    >>> round(logit(0.49), 4)
    -0.04
    >>> logit(1.0)
    Traceback (most recent call last):
    ...
    ValueError: p must contain probabilities in (0, 1); got 1.0
    """
    p_arr = check_probabilities("p", p, ndim=None, open_interval=True, allow_empty=True)
    return scalar_or_array(np.log(p_arr) - np.log1p(-p_arr), p)
