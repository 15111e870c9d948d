"""Information, entropy, cross-entropy: the slides' numbers recomputed, and the link to BCE."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossbook.entropy import binary_entropy, cross_entropy, entropy, information, kl_divergence
from lossbook.losses import bce_loss


@st.composite
def distributions(draw, size=None):
    k = size if size is not None else draw(st.integers(2, 6))
    weights = draw(arrays(np.float64, k, elements=st.floats(0.0, 10.0)))
    if weights.sum() < 1e-3:
        weights[0] = 1.0
    return weights / weights.sum()


# --- the slides' basket -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "base, expected",
    [
        (2, -0.9 * math.log2(0.9) - 0.1 * math.log2(0.1)),
        (math.e, -0.9 * math.log(0.9) - 0.1 * math.log(0.1)),
        (10, -0.9 * math.log10(0.9) - 0.1 * math.log10(0.1)),
    ],
)
def test_entropy_of_the_basket_closed_form(base, expected):
    assert entropy([0.9, 0.1], base=base) == pytest.approx(expected, rel=1e-11)


def test_slides_value_0468_is_a_truncation_of_the_base_2_entropy():
    h2 = entropy([0.9, 0.1], base=2)
    assert round(h2, 3) == 0.469 and math.floor(h2 * 1000) / 1000 == 0.468
    assert round(entropy([0.9, 0.1], base=math.e), 3) == 0.325
    assert round(entropy([0.9, 0.1], base=10), 3) == 0.141


def test_fair_coin_is_one_bit():
    assert entropy([0.5, 0.5]) == pytest.approx(1.0, rel=1e-15)
    assert binary_entropy(0.5) == pytest.approx(1.0, rel=1e-15)


def test_information_of_the_balls():
    assert information(0.9) == pytest.approx(-math.log2(0.9), rel=1e-12)
    assert information(0.1) == pytest.approx(math.log2(10), rel=1e-12)
    assert information(0.1) > information(0.9)  # the blue ball is the bigger surprise
    assert information(0.5) == 1.0
    assert information(1 / math.e, base=math.e) == pytest.approx(1.0, rel=1e-15)


def test_information_edges_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert information(0.0) == math.inf
        one = information(1.0)
    assert one == 0.0 and math.copysign(1.0, one) == 1.0  # +0.0, not -0.0
    np.testing.assert_allclose(information(np.array([0.5, 0.25])), [1.0, 2.0])


# --- properties ---------------------------------------------------------------------------------


def test_zero_log_zero_is_zero():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert entropy([1.0, 0.0]) == 0.0
        assert entropy([0.5, 0.0, 0.5]) == pytest.approx(1.0)
        assert binary_entropy(0.0) == 0.0 and binary_entropy(1.0) == 0.0


@given(st.integers(1, 64))
def test_uniform_distribution_has_log_k_bits(k):
    assert entropy(np.full(k, 1.0 / k)) == pytest.approx(math.log2(k), rel=1e-12, abs=1e-12)


@given(distributions())
def test_entropy_bounds(p):
    h = entropy(p)
    assert -1e-12 <= h <= math.log2(len(p)) + 1e-12


@given(distributions(), st.sampled_from([2, math.e, 10]))
def test_change_of_base(p, base):
    assert entropy(p, base=base) == pytest.approx(
        entropy(p, base=2) * math.log(2) / math.log(base), rel=1e-12, abs=1e-15
    )


@given(st.data())
def test_gibbs_inequality_and_kl(data):
    p = data.draw(distributions())
    q = data.draw(distributions(size=len(p)))
    ce, h, kl = cross_entropy(p, q), entropy(p), kl_divergence(p, q)
    assert ce >= h - 1e-12
    assert kl >= 0.0
    if math.isfinite(ce):
        assert kl == pytest.approx(ce - h, rel=1e-9, abs=1e-9)


@given(distributions())
def test_cross_entropy_of_p_with_itself_is_its_entropy(p):
    assert cross_entropy(p, p) == pytest.approx(entropy(p), rel=1e-12, abs=1e-15)
    assert kl_divergence(p, p) == pytest.approx(0.0, abs=1e-12)


def test_cross_entropy_is_infinite_where_q_rules_out_what_p_allows():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert cross_entropy([0.5, 0.5], [1.0, 0.0]) == math.inf
        assert kl_divergence([0.5, 0.5], [1.0, 0.0]) == math.inf
        assert cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0


@given(y=st.sampled_from([0.0, 1.0]), y_hat=st.floats(1e-6, 1 - 1e-6))
def test_binary_cross_entropy_is_cross_entropy_in_nats(y, y_hat):
    ce = cross_entropy([1 - y, y], [1 - y_hat, y_hat], base=math.e)
    assert ce == pytest.approx(bce_loss([y], [y_hat]), rel=1e-12)


def test_lesson_bce_value_as_cross_entropy():
    assert round(cross_entropy([1.0, 0.0], [0.51, 0.49], base=math.e), 4) == 0.6733


@given(st.floats(0.0, 1.0))
def test_binary_entropy_is_entropy_of_two_outcomes_and_symmetric(p):
    # 1 - p is rounded (absolute error up to 1.1e-16) and H_b has slope log((1 - p)/p): the
    # comparisons through 1 - p can differ by a few 1e-15 in absolute terms
    assert binary_entropy(p) == pytest.approx(entropy([p, 1 - p]), rel=1e-12, abs=1e-14)
    assert binary_entropy(p) == pytest.approx(binary_entropy(1 - p), rel=1e-12, abs=1e-14)
    assert binary_entropy(p) <= 1.0 + 1e-15


@given(st.floats(1e-300, 1e-3))
def test_binary_entropy_is_accurate_for_small_p(p):
    exact = -p * math.log2(p) - (1 - p) * math.log1p(-p) / math.log(2)
    assert binary_entropy(p) == pytest.approx(exact, rel=1e-13)


def test_binary_entropy_arrays_and_types():
    assert type(binary_entropy(0.3)) is float
    out = binary_entropy(np.array([[0.1, 0.5], [0.9, 1.0]]))
    assert out.shape == (2, 2)
    np.testing.assert_allclose(out, [[entropy([0.1, 0.9]), 1.0], [entropy([0.1, 0.9]), 0.0]], rtol=1e-12)


# --- bad inputs -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: entropy([0.5, 0.4]), r"^p must be a probability distribution summing to 1; got sum 0\.9"),
        (lambda: entropy([1.2, -0.2]), r"^p must contain probabilities in \[0, 1\]"),
        (lambda: entropy([0.5, np.nan]), r"^p must contain only finite numbers"),
        (lambda: entropy([]), r"^p must not be empty"),
        (lambda: entropy([[0.5, 0.5]]), r"^p must be a 1-D array"),
        (lambda: entropy([0.5, 0.5], base=1), r"^base must be a positive number other than 1"),
        (lambda: entropy([0.5, 0.5], base=0), r"^base must be > 0"),
        (lambda: cross_entropy([0.5, 0.5], [0.2, 0.2]), r"^q must be a probability distribution summing to 1"),
        (lambda: cross_entropy([0.5, 0.5], [0.2, 0.3, 0.5]), r"^p has 2 samples but q has 3"),
        (lambda: kl_divergence([0.5, 0.5], [1.5, -0.5]), r"^q must contain probabilities in \[0, 1\]"),
        (lambda: information(1.5), r"^p must contain probabilities in \[0, 1\]; got 1\.5$"),
        (lambda: information(0.5, base=-2), r"^base must be > 0"),
        (lambda: binary_entropy([0.2, np.inf]), r"^p must contain only finite numbers"),
    ],
)
def test_bad_inputs_raise_value_error_naming_the_argument(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_distributions_typed_as_decimals_are_accepted():
    assert entropy([0.1, 0.2, 0.7]) > 0  # 0.1 + 0.2 + 0.7 != 1 exactly in float64
