"""The sigmoid, its derivatives, its inverse, and the logistic-growth ODE it solves."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossbook.activations import (
    logistic_growth,
    logistic_growth_rhs,
    logit,
    sigmoid,
    sigmoid_derivative,
    sigmoid_second_derivative,
)
from lossbook.gradcheck import numerical_gradient

finite_z = st.floats(min_value=-1e4, max_value=1e4, allow_nan=False)
moderate_z = st.floats(min_value=-30.0, max_value=30.0, allow_nan=False)
open_p = st.floats(min_value=1e-12, max_value=1 - 1e-12, allow_nan=False)


def _naive_sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z))


# --- values, types, shapes ----------------------------------------------------------------


def test_sigmoid_at_zero_is_one_half_as_a_python_float():
    out = sigmoid(0.0)
    assert type(out) is float and out == 0.5
    assert type(sigmoid(np.float64(0.0))) is float
    assert type(sigmoid(0)) is float


@pytest.mark.parametrize("shape", [(3,), (2, 3), (2, 2, 2), (0,)])
def test_arrays_in_arrays_out_same_shape(shape):
    z = np.linspace(-3, 3, int(np.prod(shape))).reshape(shape)
    for fn in (sigmoid, sigmoid_derivative, sigmoid_second_derivative):
        out = fn(z)
        assert isinstance(out, np.ndarray) and out.shape == shape


def test_sigmoid_closed_forms():
    assert sigmoid(math.log(3.0)) == pytest.approx(0.75, rel=1e-15)
    assert sigmoid(-math.log(3.0)) == pytest.approx(0.25, rel=1e-15)
    assert sigmoid_derivative(math.log(3.0)) == pytest.approx(0.1875, rel=1e-15)
    assert sigmoid_second_derivative(math.log(3.0)) == pytest.approx(0.1875 * -0.5, rel=1e-14)


def test_quiz_sigmoid_is_increasing():
    # Quiz 2: x1 = 2, x2 = 10 -> sigma(x1) < sigma(x2)
    assert sigmoid(2.0) < sigmoid(10.0)


@given(st.lists(st.floats(-50, 50), min_size=2, max_size=20))
def test_sigmoid_is_monotonic(values):
    z = np.sort(np.array(values))
    assert np.all(np.diff(sigmoid(z)) >= 0)


# --- stability ------------------------------------------------------------------------------


@pytest.mark.parametrize("z", [1e4, -1e4, 709.0, 710.0, -709.0, -710.0, 746.0, -746.0, 1e308, -1e308])
def test_sigmoid_is_finite_and_silent_at_extremes(z):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            values = [sigmoid(z), sigmoid_derivative(z), sigmoid_second_derivative(z)]
    assert all(math.isfinite(v) for v in values)
    assert 0.0 <= values[0] <= 1.0
    if abs(z) > 745:  # beyond float64's smallest subnormal, exp(-|z|) = 0: exact 0 or 1
        assert values[0] == (1.0 if z > 0 else 0.0)
    else:  # -709 and -710 are still representable (about 1e-308), not flushed to 0
        assert values[0] == pytest.approx(math.exp(-abs(z)) if z < 0 else 1.0, rel=1e-14)


def test_sigmoid_extreme_array():
    out = sigmoid(np.array([-1e4, 1e4]))
    np.testing.assert_array_equal(out, [0.0, 1.0])


@given(st.floats(min_value=-700, max_value=700))
def test_sigmoid_matches_naive_formula_where_naive_is_safe(z):
    assert sigmoid(z) == pytest.approx(_naive_sigmoid(z), rel=1e-14, abs=0)


@given(finite_z)
def test_sigmoid_symmetry(z):
    # 1 - sigma(z) is rounded to the float64 spacing near 1 (2.2e-16): compare absolutely
    assert sigmoid(-z) == pytest.approx(1.0 - sigmoid(z), rel=0, abs=2.3e-16)


def test_derivative_keeps_digits_where_one_minus_sigma_rounds_to_zero():
    z = 40.0
    exact = math.exp(-z) / (1.0 + math.exp(-z)) ** 2
    assert sigmoid_derivative(z) == pytest.approx(exact, rel=1e-14)
    assert sigmoid(z) * (1.0 - sigmoid(z)) == 0.0  # the naive product loses everything


# --- derivatives ------------------------------------------------------------------------------


def _exact_derivative(z):
    # sigma'(z) = u / (1 + u)^2 with u = exp(-|z|): even function, no cancellation.
    u = math.exp(-abs(z))
    return u / (1.0 + u) ** 2


def _exact_second_derivative(z):
    # sigma''(z) = sign(z) u (u - 1) / (1 + u)^3, u = exp(-|z|); u - 1 via expm1.
    u = math.exp(-abs(z))
    return math.copysign(1.0, z) * u * math.expm1(-abs(z)) / (1.0 + u) ** 3 if z != 0 else 0.0


@given(finite_z)
def test_derivative_is_sigma_times_one_minus_sigma(z):
    s = sigmoid(z)
    # the naive product is right up to the rounding of 1 - s (absolute, about 1e-16) ...
    assert sigmoid_derivative(z) == pytest.approx(s * (1.0 - s), rel=1e-12, abs=3e-16)
    # ... and the function is right to full relative precision
    assert sigmoid_derivative(z) == pytest.approx(_exact_derivative(z), rel=1e-13, abs=0)
    assert 0.0 <= sigmoid_derivative(z) <= 0.25


@given(finite_z)
def test_second_derivative_is_the_product_formula(z):
    s = sigmoid(z)
    assert sigmoid_second_derivative(z) == pytest.approx(s * (1 - s) * (1 - 2 * s), rel=1e-12, abs=1e-15)
    assert sigmoid_second_derivative(z) == pytest.approx(_exact_second_derivative(z), rel=1e-13, abs=0)


@given(moderate_z)
def test_derivatives_match_finite_differences(z):
    d1 = numerical_gradient(lambda v: sigmoid(float(v[0])), [z], order=4)[0]
    d2 = numerical_gradient(lambda v: sigmoid_derivative(float(v[0])), [z], order=4)[0]
    assert d1 == pytest.approx(sigmoid_derivative(z), rel=1e-7, abs=1e-10)
    assert d2 == pytest.approx(sigmoid_second_derivative(z), rel=1e-6, abs=1e-10)


def test_second_derivative_sign_and_inflection():
    assert sigmoid_second_derivative(0.0) == 0.0
    assert math.copysign(1.0, sigmoid_second_derivative(0.0)) == 1.0  # +0.0, prints as 0.0
    assert sigmoid_second_derivative(-1.0) > 0 > sigmoid_second_derivative(1.0)


# --- logit ------------------------------------------------------------------------------------


@given(open_p)
def test_logit_inverts_sigmoid(p):
    assert sigmoid(logit(p)) == pytest.approx(p, rel=1e-12)


@given(st.floats(min_value=-30.0, max_value=15.0))
def test_sigmoid_inverts_logit(z):
    # For z > 0, sigma(z) rounds near 1 and loses log-odds digits (error ~ 1e-16 e^z): a
    # property of float64 probabilities, not of logit. Logits are the better currency.
    assert logit(sigmoid(z)) == pytest.approx(z, rel=1e-9, abs=1e-9)


def test_logit_values():
    assert logit(0.5) == 0.0
    assert logit(0.75) == pytest.approx(math.log(3.0), rel=1e-15)
    np.testing.assert_allclose(logit(np.array([0.25, 0.75])), [-math.log(3.0), math.log(3.0)], rtol=1e-15)


@pytest.mark.parametrize("p", [0.0, 1.0, -0.2, 1.2])
def test_logit_refuses_the_closed_ends(p):
    with pytest.raises(ValueError, match=r"^p must contain probabilities in \(0, 1\)"):
        logit(p)


# --- logistic growth ------------------------------------------------------------------------


def test_logistic_growth_with_unit_parameters_is_the_sigmoid():
    t = np.linspace(-20, 20, 81)
    np.testing.assert_allclose(logistic_growth(t, K=1.0, r=1.0, y0=0.5), sigmoid(t), rtol=1e-15, atol=0)


def test_logistic_growth_matches_the_slides_formula():
    K, r, y0 = 100.0, 0.3, 5.0
    t = np.linspace(-10, 40, 51)
    slides = K / (1 + ((K - y0) / y0) * np.exp(-r * t))
    np.testing.assert_allclose(logistic_growth(t, K, r, y0), slides, rtol=1e-13)


@settings(deadline=None)
@given(
    K=st.floats(0.5, 1e3),
    r=st.floats(-2.0, 2.0),
    frac=st.floats(0.01, 0.99),
    t=st.floats(-10.0, 10.0),
)
def test_logistic_growth_solves_the_ode(K, r, frac, t):
    y0 = frac * K
    h = 1e-4
    dydt = (logistic_growth(t + h, K, r, y0) - logistic_growth(t - h, K, r, y0)) / (2 * h)
    rhs = logistic_growth_rhs(logistic_growth(t, K, r, y0), K, r)
    assert dydt == pytest.approx(rhs, rel=1e-5, abs=1e-8 * K)


@given(K=st.floats(0.5, 1e3), r=st.floats(-2.0, 2.0), frac=st.floats(0.01, 0.99))
def test_logistic_growth_initial_value(K, r, frac):
    assert logistic_growth(0.0, K, r, frac * K) == pytest.approx(frac * K, rel=1e-12)


def test_logistic_growth_limits_and_no_overflow():
    with np.errstate(over="raise", invalid="raise"):
        assert logistic_growth(1e4, K=50.0, r=1.0, y0=1.0) == 50.0
        assert logistic_growth(-1e4, K=50.0, r=1.0, y0=1.0) == 0.0


def test_logistic_growth_rhs_shape():
    K, r = 100.0, 0.2
    assert logistic_growth_rhs(0.0, K, r) == 0.0
    assert logistic_growth_rhs(K, K, r) == 0.0
    y = np.linspace(0, K, 101)
    rhs = logistic_growth_rhs(y, K, r)
    assert y[np.argmax(rhs)] == K / 2 and rhs.max() == pytest.approx(r * K / 4)


# --- bad inputs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: sigmoid(float("nan")), r"^z must be a finite number; got nan$"),
        (lambda: sigmoid([0.0, np.inf]), r"^z must contain only finite numbers; got inf at index 1$"),
        (lambda: sigmoid_derivative([np.nan]), r"^z must contain only finite numbers"),
        (lambda: sigmoid_second_derivative(np.inf), r"^z must be a finite number"),
        (lambda: logistic_growth(1.0, K=0.0, r=1.0, y0=0.5), r"^K must be > 0"),
        (lambda: logistic_growth(1.0, K=1.0, r=np.nan, y0=0.5), r"^r must be a finite number"),
        (lambda: logistic_growth(1.0, K=1.0, r=1.0, y0=1.0), r"^y0 must be in the open interval \(0, K\)"),
        (lambda: logistic_growth(1.0, K=1.0, r=1.0, y0=-0.5), r"^y0 must be > 0"),
        (lambda: logistic_growth([0.0, np.nan], K=1.0, r=1.0, y0=0.5), r"^t must contain only finite numbers"),
        (lambda: logistic_growth_rhs(1.0, K=-1.0, r=1.0), r"^K must be > 0"),
        (lambda: logistic_growth_rhs([np.inf], K=1.0, r=1.0), r"^y must contain only finite numbers"),
    ],
)
def test_bad_inputs_raise_value_error_naming_the_argument(call, match):
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize("call", [lambda: sigmoid("0"), lambda: sigmoid(None), lambda: logit("half")])
def test_non_numeric_inputs_raise_type_error(call):
    with pytest.raises(TypeError, match=r"^(z|p) must be an array of real numbers"):
        call()
