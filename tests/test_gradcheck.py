"""Finite differences: accuracy of the stencils, the slides' examples, and detection of wrong
formulas."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lossbook.gradcheck import (
    check_gradient,
    check_hessian,
    numerical_gradient,
    numerical_hessian,
    numerical_jacobian,
    relative_error,
)


def test_slides_paraboloid_gradient():
    # f(x, y) = x^2 + y^2 at (3, 4): the slides' (6, 8)
    g = numerical_gradient(lambda v: v[0] ** 2 + v[1] ** 2, [3.0, 4.0])
    np.testing.assert_allclose(g, [6.0, 8.0], rtol=1e-10)


@given(st.floats(-10, 10))
def test_slides_chain_rule_example(x):
    # g(f(x)) with f = 2x - 1, g = (f - 3)^2: dg/dx = 8x - 16
    d = numerical_gradient(lambda v: (2 * v[0] - 1 - 3) ** 2, [x])[0]
    assert d == pytest.approx(8 * x - 16, rel=1e-7, abs=1e-6)


@pytest.mark.parametrize("use_grad", [False, True])
@given(x=st.floats(-3, 3), y=st.floats(-3, 3))
def test_slides_hessian_example(use_grad, x, y):
    # f(x, y) = x^2 + 2x^2 y + y^3, H = [[2 + 4y, 4x], [4x, 6y]]
    f = lambda v: v[0] ** 2 + 2 * v[0] ** 2 * v[1] + v[1] ** 3  # noqa: E731
    grad = lambda v: np.array([2 * v[0] + 4 * v[0] * v[1], 2 * v[0] ** 2 + 3 * v[1] ** 2])  # noqa: E731
    H = numerical_hessian(f, [x, y], grad=grad if use_grad else None, h=1e-5 if use_grad else 1e-4)
    np.testing.assert_allclose(H, [[2 + 4 * y, 4 * x], [4 * x, 6 * y]], rtol=1e-6, atol=1e-5)
    np.testing.assert_array_equal(H, H.T)


def test_quiz_second_derivatives():
    # f(x, y) = x^2 + 3y^2 + 4xy: f_xx = 2, f_yy = 6, f_xy = f_yx = 4
    H = numerical_hessian(lambda v: v[0] ** 2 + 3 * v[1] ** 2 + 4 * v[0] * v[1], [0.7, -1.3])
    np.testing.assert_allclose(H, [[2.0, 4.0], [4.0, 6.0]], atol=1e-6)


def test_fourth_order_is_more_accurate_than_second_order():
    theta = np.array([0.3, -1.2])
    f = lambda v: math.exp(v[0]) * math.sin(v[1])  # noqa: E731
    exact = np.array([math.exp(0.3) * math.sin(-1.2), math.exp(0.3) * math.cos(-1.2)])
    err2 = np.abs(numerical_gradient(f, theta, h=1e-3, order=2) - exact).max()
    err4 = np.abs(numerical_gradient(f, theta, h=1e-3, order=4) - exact).max()
    assert err4 < err2 / 100
    assert err2 < 1e-6 and err4 < 1e-11


def test_second_order_error_shrinks_like_h_squared():
    f = lambda v: math.exp(v[0])  # noqa: E731
    e1 = abs(numerical_gradient(f, [0.0], h=1e-2)[0] - 1.0)
    e2 = abs(numerical_gradient(f, [0.0], h=1e-3)[0] - 1.0)
    assert 80 < e1 / e2 < 120  # h / 10 -> error / 100


def test_numerical_jacobian_shape_and_values():
    g = lambda v: np.array([v[0] * v[1], v[1] ** 2, math.sin(v[0])])  # noqa: E731
    J = numerical_jacobian(g, [2.0, 3.0], order=4)
    assert J.shape == (3, 2)
    np.testing.assert_allclose(J, [[3.0, 2.0], [0.0, 6.0], [math.cos(2.0), 0.0]], atol=1e-10)


def test_check_gradient_accepts_the_right_formula_and_rejects_wrong_ones():
    f = lambda v: float(np.sum(v**3))  # noqa: E731
    theta = np.array([0.5, -2.0, 3.0])
    assert check_gradient(f, lambda v: 3 * v**2, theta) < 1e-9
    assert check_gradient(f, lambda v: 2 * v**2, theta) > 0.3  # wrong factor
    assert check_gradient(f, lambda v: 3 * v**2 + np.array([0, 0, 1e-3]), theta) > 1e-5  # tiny slip detected


def test_check_hessian():
    grad = lambda v: 3 * v**2  # noqa: E731
    theta = np.array([0.5, -2.0])
    assert check_hessian(grad, lambda v: np.diag(6 * v), theta) < 1e-9
    assert check_hessian(grad, lambda v: np.diag(3 * v), theta) > 0.1


def test_relative_error_floor():
    assert relative_error(np.array([1e6]), np.array([1e6 + 1])) == pytest.approx(1e-6, rel=1e-6)
    assert relative_error(np.array([0.0]), np.array([1e-9])) == pytest.approx(1e-9)  # absolute below the floor
    assert relative_error(np.array([0.0]), np.array([1e-9]), floor=1e-9) == pytest.approx(1.0)
    with pytest.raises(ValueError, match=r"^analytic has shape \(2,\) but numeric has shape \(3,\)$"):
        relative_error(np.zeros(2), np.zeros(3))


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: numerical_gradient(lambda v: 0.0, [1.0], h=0.0), r"^h must be > 0"),
        (lambda: numerical_gradient(lambda v: 0.0, [1.0], order=3), r"^order must be 2 or 4; got 3$"),
        (lambda: numerical_gradient(lambda v: 0.0, [[1.0]]), r"^theta must be a 1-D array"),
        (lambda: numerical_hessian(lambda v: 0.0, [np.nan]), r"^theta must contain only finite numbers"),
        (lambda: relative_error(np.zeros(1), np.zeros(1), floor=-1), r"^floor must be > 0"),
    ],
)
def test_bad_inputs(call, match):
    with pytest.raises(ValueError, match=match):
        call()
