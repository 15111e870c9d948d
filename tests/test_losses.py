"""Losses, gradients and Hessians: closed forms, finite differences, convexity, bad inputs."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossbook.activations import sigmoid
from lossbook.gradcheck import check_gradient, check_hessian, numerical_hessian
from lossbook.losses import (
    BCE_EPS,
    add_bias,
    bce_grad,
    bce_hessian,
    bce_hessian_eigenvalues,
    bce_hessian_single,
    bce_loss,
    bce_objective,
    bce_per_sample,
    bce_second_derivative,
    bce_with_logits,
    bce_with_logits_per_sample,
    linear_mse_grad,
    linear_mse_hessian,
    linear_mse_objective,
    loss_landscape,
    mse_loss,
    sigmoid_mse_grad,
    sigmoid_mse_hessian,
    sigmoid_mse_negative_curvature,
    sigmoid_mse_objective,
    sigmoid_mse_second_derivative,
    squared_error,
)

AREA = np.array([6.7, 4.6, 3.5, 5.5])
PRICE = np.array([9.1, 5.9, 4.6, 6.7])
PETALS = np.array([1.4, 1.0, 1.5, 3.0, 3.8, 4.1])
PETAL_LABELS = np.array([0.0, 0.0, 0.0, 1.0, 1.0, 1.0])


def _sig(z: float) -> float:
    """Independent reference sigmoid (math module, no lossbook code)."""
    return 1.0 / (1.0 + math.exp(-z))


# --- hypothesis data: small problems --------------------------------------------------------


@st.composite
def problems(draw, labels: bool = True):
    m = draw(st.integers(1, 6))
    n = draw(st.integers(1, 3))
    X = draw(arrays(np.float64, (m, n), elements=st.floats(-3, 3)))
    if labels:
        y = draw(arrays(np.float64, m, elements=st.sampled_from([0.0, 1.0])))
    else:
        y = draw(arrays(np.float64, m, elements=st.floats(-5, 5)))
    theta = draw(arrays(np.float64, n + 1, elements=st.floats(-2, 2)))
    return X, y, theta


MODELS = {
    "linear_mse": (linear_mse_objective, linear_mse_grad, linear_mse_hessian, False),
    "sigmoid_mse": (sigmoid_mse_objective, sigmoid_mse_grad, sigmoid_mse_hessian, True),
    "bce": (bce_objective, bce_grad, bce_hessian, True),
}


# === closed-form table at rel=1e-11 ==============================================================

CLOSED_FORMS = [
    # (id, computed, expected from an independent closed form)
    ("bce_with_logits lesson", lambda: bce_with_logits([0.0], [-0.04]), math.log(1 + math.exp(-0.04))),
    ("bce_with_logits y=1 z=0 is ln2", lambda: bce_with_logits([1.0], [0.0]), math.log(2.0)),
    ("bce_with_logits y=0 z=1e4", lambda: bce_with_logits([0.0], [1e4]), 1e4),
    ("bce_with_logits y=1 z=-1e4", lambda: bce_with_logits([1.0], [-1e4]), 1e4),
    ("bce_with_logits y=1 z=40", lambda: bce_with_logits([1.0], [40.0]), math.log1p(math.exp(-40.0))),
    ("bce_with_logits y=0 z=-40", lambda: bce_with_logits([0.0], [-40.0]), math.log1p(math.exp(-40.0))),
    (
        "bce_with_logits mean",
        lambda: bce_with_logits([0.0, 1.0], [0.0, 2.0]),
        (math.log(2.0) + math.log(1 + math.exp(-2.0))) / 2,
    ),
    ("bce_loss y=1 p=0.5", lambda: bce_loss([1.0], [0.5]), math.log(2.0)),
    ("bce_loss y=0 p=0.49", lambda: bce_loss([0.0], [0.49]), -math.log(0.51)),
    ("bce_loss two samples", lambda: bce_loss([1.0, 0.0], [0.9, 0.1]), -math.log(0.9)),
    ("bce_loss y=0 p=1e-10", lambda: bce_loss([0.0], [1e-10]), -math.log1p(-1e-10)),
    ("bce_loss clipped y=1 p=0", lambda: bce_loss([1.0], [0.0]), -math.log(2.0**-52)),
    (
        "bce_objective 2 features",
        lambda: bce_objective([[1.4, 0.2]], [0.0], [0.1, 0.5, -0.1]),
        -math.log(1 - _sig(0.1 + 0.5 * 1.4 - 0.1 * 0.2)),
    ),
    (
        "mse_loss house prices",
        lambda: mse_loss(PRICE, 1.17 * AREA + 0.26),
        (1.001**2 + 0.258**2 + 0.245**2 + 0.005**2) / 4,
    ),
    (
        "mse_loss half",
        lambda: mse_loss(PRICE, 1.17 * AREA + 0.26, half=True),
        (1.001**2 + 0.258**2 + 0.245**2 + 0.005**2) / 8,
    ),
    ("mse_loss bad line", lambda: mse_loss(PRICE, -0.34 * AREA + 0.04), (11.338**2 + 7.424**2 + 5.75**2 + 8.53**2) / 4),
    ("squared_error first house", lambda: squared_error(PRICE, 1.17 * AREA + 0.26)[0], 1.001**2),
    (
        "linear_mse_objective",
        lambda: linear_mse_objective(AREA[:, None], PRICE, [0.26, 1.17]),
        (1.001**2 + 0.258**2 + 0.245**2 + 0.005**2) / 4,
    ),
    ("sigmoid_mse_objective", lambda: sigmoid_mse_objective([[1.4]], [0.0], [0.1, -0.1]), _sig(-0.04) ** 2),
    ("bce_grad b", lambda: bce_grad([[1.4]], [0.0], [0.1, -0.1])[0], _sig(-0.04)),
    ("bce_grad w", lambda: bce_grad([[1.4]], [0.0], [0.1, -0.1])[1], 1.4 * _sig(-0.04)),
    (
        "sigmoid_mse_grad w",
        lambda: sigmoid_mse_grad([[1.4]], [0.0], [0.1, -0.1])[1],
        2 * 1.4 * _sig(-0.04) * _sig(-0.04) * (1 - _sig(-0.04)),
    ),
    (
        "linear_mse_grad b",
        lambda: linear_mse_grad(AREA[:, None], PRICE, [0.26, 1.17])[0],
        2 * (-1.001 - 0.258 - 0.245 - 0.005) / 4,
    ),
    ("bce_second_derivative", lambda: bce_second_derivative(2.0, 0.25), 4 * 0.25 * 0.75),
    ("bce_hessian_eigenvalue", lambda: bce_hessian_eigenvalues(2.0, 0.5)[0], 0.25 * 5.0),
    (
        "sigmoid_mse_second_derivative y=0",
        lambda: sigmoid_mse_second_derivative(1.0, 0.0, 0.9),
        2 * 0.9 * 0.1 * (-3 * 0.81 + 1.8),
    ),
    (
        "sigmoid_mse_second_derivative y=1",
        lambda: sigmoid_mse_second_derivative(3.0, 1.0, 0.2),
        2 * 9 * 0.2 * 0.8 * (-3 * 0.04 + 0.4 - 1 + 0.4),
    ),
    ("negative curvature y=0", lambda: sigmoid_mse_negative_curvature(0)[0], 2 / 3),
    ("negative curvature y=1", lambda: sigmoid_mse_negative_curvature(1)[1], 1 / 3),
]


@pytest.mark.parametrize("computed, expected", [c[1:] for c in CLOSED_FORMS], ids=[c[0] for c in CLOSED_FORMS])
def test_closed_forms(computed, expected):
    assert computed() == pytest.approx(expected, rel=1e-11)


def test_bce_with_logits_is_exactly_zero_when_certain_and_right():
    assert bce_with_logits([1.0], [1e4]) == 0.0
    assert bce_with_logits([0.0], [-1e4]) == 0.0


def test_means_are_python_floats():
    for value in (
        mse_loss(PRICE, AREA),
        bce_loss([0], [0.3]),
        bce_with_logits([0], [0.3]),
        bce_objective([[1.0]], [0], [0, 0]),
        sigmoid_mse_objective([[1.0]], [0], [0, 0]),
        linear_mse_objective([[1.0]], [0], [0, 0]),
    ):
        assert type(value) is float


# === the lesson's worked numbers ===================================================================


def test_lesson_sgd_step_on_one_petal():
    theta = np.array([0.1, -0.1])  # (b, w)
    grad = bce_grad([[1.4]], [0], theta)
    np.testing.assert_allclose(grad, [0.49, 0.686], atol=5e-5)
    b, w = theta - 0.01 * grad
    assert round(b, 4) == 0.0951  # the slides print 0.095
    assert round(w, 4) == -0.1069  # the slides print -0.1068 (truncated)
    assert round(bce_objective([[1.4]], [0], theta), 4) == 0.6733


def test_lesson_two_feature_step():
    theta = np.array([0.1, 0.5, -0.1])  # (b, w1, w2)
    grad = bce_grad([[1.4, 0.2]], [0], theta)
    np.testing.assert_allclose(grad.round(4), [0.6857, 0.96, 0.1371])  # slides: 0.6856, 0.9599 (truncated)
    new = theta - 0.01 * grad
    # slides: w1 = 0.4990 (it is 0.5 - 0.0096 = 0.4904) and w2 = -0.1 + eta 0.1371 = -0.1013 (wrong sign)
    np.testing.assert_allclose(new.round(4), [0.0931, 0.4904, -0.1014])
    assert round(bce_objective([[1.4, 0.2]], [0], theta), 4) == 1.1573


def test_slides_bce_table():
    y_prob = np.array([0.3, 0.8, 0.7, 0.4, 0.6, 0.8, 0.9, 0.2])
    y_true = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    expected = [-math.log(1 - p) if y == 0 else -math.log(p) for y, p in zip(y_true, y_prob, strict=True)]
    np.testing.assert_allclose(bce_per_sample(y_true, y_prob), expected, rtol=1e-14)


def test_add_bias():
    np.testing.assert_array_equal(add_bias([[1.4, 0.2]]), [[1.0, 1.4, 0.2]])
    np.testing.assert_array_equal(add_bias(np.zeros((3, 1)))[:, 0], np.ones(3))


# === BCE: logits against probabilities ===============================================================


@given(z=st.floats(-20.0, 20.0), y=st.sampled_from([0.0, 1.0]))
def test_bce_with_logits_matches_the_naive_formula_where_naive_is_finite(z, y):
    p = _sig(z)
    naive = -y * math.log(p) - (1 - y) * math.log(1 - p)
    assert bce_with_logits([y], [z]) == pytest.approx(naive, rel=1e-6, abs=1e-12)
    assert bce_loss([y], [p]) == pytest.approx(naive, rel=1e-12, abs=1e-15)


@given(arrays(np.float64, st.integers(1, 20), elements=st.floats(-1e4, 1e4)), st.data())
def test_bce_with_logits_is_finite_for_large_logits(z, data):
    y = data.draw(arrays(np.float64, z.shape, elements=st.sampled_from([0.0, 1.0])))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        per_sample = bce_with_logits_per_sample(y, z)
    assert np.all(np.isfinite(per_sample)) and np.all(per_sample >= 0)
    # exact for large |z|: the wrong side costs |z|, the right side costs ~0
    big = np.abs(z) > 40
    wrong = big & ((z > 0) != (y == 1))
    np.testing.assert_array_equal(per_sample[wrong], np.abs(z[wrong]))
    assert np.all(per_sample[big & ~wrong] < 1e-17)


def test_naive_formula_fails_where_logits_do_not():
    z = np.array([-1e4])
    with np.errstate(over="ignore", divide="ignore"):
        naive_p = 1 / (1 + np.exp(-z))
        naive = -np.log(naive_p)
    assert np.isinf(naive[0])
    assert bce_with_logits([1.0], z) == 1e4


def test_bce_clipping_is_documented_eps():
    assert BCE_EPS == np.finfo(np.float64).eps
    out = bce_per_sample([1, 0, 0, 1], [0.0, 1.0, 0.0, 1.0])
    np.testing.assert_allclose(out[:2], -math.log(BCE_EPS), rtol=1e-15)
    np.testing.assert_allclose(out[2:], -math.log1p(-BCE_EPS), rtol=1e-15)
    assert bce_per_sample([1], [0.0], eps=1e-3)[0] == pytest.approx(-math.log(1e-3), rel=1e-14)


@given(st.floats(1e-12, 1 - 1e-12), st.sampled_from([0.0, 1.0]))
def test_bce_loss_and_logits_agree(p, y):
    from lossbook.activations import logit

    assert bce_loss([y], [p]) == pytest.approx(bce_with_logits([y], [logit(p)]), rel=1e-6, abs=1e-12)


def test_bce_per_sample_of_sigmoid_is_bce_with_logits_per_sample():
    z = np.linspace(-15, 15, 31)
    y = (z > 0.5).astype(float)
    np.testing.assert_allclose(bce_per_sample(y, sigmoid(z)), bce_with_logits_per_sample(y, z), rtol=1e-9)


# === gradients and Hessians equal finite differences ===================================================


@pytest.mark.parametrize("model", sorted(MODELS))
@settings(deadline=None, max_examples=60)
@given(data=st.data())
def test_gradient_equals_finite_differences(model, data):
    objective, grad, _, labels = MODELS[model]
    X, y, theta = data.draw(problems(labels=labels))
    err = check_gradient(lambda t: objective(X, y, t), lambda t: grad(X, y, t), theta)
    assert err < 1e-8, f"{model}: max relative error {err:.2e}"


@pytest.mark.parametrize("model", sorted(MODELS))
@settings(deadline=None, max_examples=60)
@given(data=st.data())
def test_hessian_equals_finite_differences_of_the_gradient(model, data):
    _, grad, hessian, labels = MODELS[model]
    X, y, theta = data.draw(problems(labels=labels))
    err = check_hessian(lambda t: grad(X, y, t), lambda t: hessian(X, y, t), theta)
    assert err < 1e-8, f"{model}: max relative error {err:.2e}"


@pytest.mark.parametrize("model", sorted(MODELS))
@settings(deadline=None, max_examples=30)
@given(data=st.data())
def test_hessian_equals_second_differences_of_the_loss(model, data):
    objective, _, hessian, labels = MODELS[model]
    X, y, theta = data.draw(problems(labels=labels))
    H = hessian(X, y, theta)
    H_num = numerical_hessian(lambda t: objective(X, y, t), theta)
    scale = max(1.0, abs(objective(X, y, theta)))
    np.testing.assert_allclose(H, H_num, rtol=1e-5, atol=1e-5 * scale)
    np.testing.assert_array_equal(H, H.T)


def test_gradients_are_theta_shaped_bias_first():
    X = np.array([[1.0, 10.0], [2.0, 20.0]])
    y = np.array([0.0, 1.0])
    theta = np.zeros(3)
    for _model, (_, grad, hessian, _) in MODELS.items():
        assert grad(X, y, theta).shape == (3,)
        assert hessian(X, y, theta).shape == (3, 3)
    # at theta = 0, y_hat = 0.5: BCE gradient = mean of x_b (0.5 - y)
    np.testing.assert_allclose(bce_grad(X, y, theta), [0.0, (0.5 - 1.0) / 2, (5.0 - 10.0) / 2])


def test_linear_mse_hessian_is_constant():
    X = np.array([[1.0], [3.0]])
    H = linear_mse_hessian(X)
    np.testing.assert_array_equal(H, 2 * add_bias(X).T @ add_bias(X) / 2)
    np.testing.assert_array_equal(H, linear_mse_hessian(X, [5.0, -1.0], [3.0, 2.0]))


def test_linear_mse_gradient_vanishes_at_least_squares_solution():
    theta, *_ = np.linalg.lstsq(add_bias(AREA[:, None]), PRICE, rcond=None)
    np.testing.assert_allclose(linear_mse_grad(AREA[:, None], PRICE, theta), 0.0, atol=1e-12)


# === convexity ====================================================================================


@settings(deadline=None, max_examples=80)
@given(problems(labels=True))
def test_bce_hessian_is_positive_semidefinite(problem):
    X, y, theta = problem
    assert np.linalg.eigvalsh(bce_hessian(X, y, theta)).min() >= -1e-12


def test_bce_hessian_is_positive_semidefinite_on_random_larger_data():
    rng = np.random.default_rng(20240607)
    for _ in range(50):
        m, n = rng.integers(1, 40), rng.integers(1, 6)
        X = rng.normal(scale=3.0, size=(m, n))
        y = rng.integers(0, 2, size=m).astype(float)
        theta = rng.normal(scale=3.0, size=n + 1)
        assert np.linalg.eigvalsh(bce_hessian(X, y, theta)).min() >= -1e-12
        assert np.linalg.eigvalsh(linear_mse_hessian(X)).min() >= -1e-12


def test_sigmoid_mse_hessian_has_a_negative_eigenvalue_somewhere():
    # one petal, y = 0, confidently wrong: y_hat = sigma(2) = 0.88 > 2/3
    H = sigmoid_mse_hessian([[1.0]], [0.0], [2.0, 0.0])
    assert np.linalg.eigvalsh(H).min() < 0
    # on the lesson's six petals too, somewhere on a grid of (b, w)
    found = any(
        np.linalg.eigvalsh(sigmoid_mse_hessian(PETALS[:, None], PETAL_LABELS, [b, w])).min() < -1e-6
        for b in np.linspace(-6, 6, 7)
        for w in np.linspace(-4, 4, 9)
    )
    assert found


@pytest.mark.parametrize("label", [0.0, 1.0])
def test_sigmoid_mse_second_derivative_is_negative_exactly_on_the_interval(label):
    low, high = sigmoid_mse_negative_curvature(label)
    y_hat = np.linspace(0.001, 0.999, 999)
    d2 = sigmoid_mse_second_derivative(np.ones_like(y_hat), np.full_like(y_hat, label), y_hat)
    inside = (y_hat > low) & (y_hat < high)
    assert inside.any() and (d2[inside] < 0).all()
    assert (d2[~inside] >= -1e-15).all()


@given(
    x=st.floats(-5, 5).filter(lambda v: abs(v) > 1e-3), y_hat=st.floats(0.001, 0.999), label=st.sampled_from([0.0, 1.0])
)
def test_sigmoid_mse_second_derivative_sign_matches_the_interval(x, y_hat, label):
    low, high = sigmoid_mse_negative_curvature(label)
    d2 = sigmoid_mse_second_derivative(x, label, y_hat)
    if low + 1e-9 < y_hat < high - 1e-9:
        assert d2 < 0
    elif y_hat < low - 1e-9 or y_hat > high + 1e-9:
        assert d2 > 0


@given(x=st.floats(-5, 5), b=st.floats(-3, 3), w=st.floats(-3, 3), label=st.sampled_from([0.0, 1.0]))
def test_per_sample_second_derivatives_are_the_hessian_diagonal(x, b, w, label):
    # The slides' formulas take y_hat: past |z| ~ 12, 1 - y_hat computed from y_hat has lost
    # more than 1e-9 of its relative precision (the Hessian, computed from z, has not).
    assume(abs(b + w * x) <= 12)
    y_hat = _sig(b + w * x)
    H_mse = sigmoid_mse_hessian([[x]], [label], [b, w])
    H_bce = bce_hessian([[x]], [label], [b, w])
    assert H_mse[1, 1] == pytest.approx(sigmoid_mse_second_derivative(x, label, y_hat), rel=1e-9, abs=1e-15)
    assert H_mse[0, 0] == pytest.approx(sigmoid_mse_second_derivative(1.0, label, y_hat), rel=1e-9, abs=1e-15)
    assert H_bce[1, 1] == pytest.approx(bce_second_derivative(x, y_hat), rel=1e-9, abs=1e-15)
    assert bce_second_derivative(x, y_hat) >= 0


@given(x=st.floats(-5, 5), b=st.floats(-3, 3), w=st.floats(-3, 3))
def test_slides_2x2_hessian_is_the_full_hessian_with_w_first(x, b, w):
    y_hat = _sig(b + w * x)
    H_wb = bce_hessian_single(x, y_hat)
    H_bw = bce_hessian([[x]], [0.0], [b, w])
    np.testing.assert_allclose(H_wb[::-1, ::-1], H_bw, rtol=1e-9, atol=1e-15)
    det = H_wb[0, 0] * H_wb[1, 1] - H_wb[0, 1] * H_wb[1, 0]
    assert det == pytest.approx(0.0, abs=1e-12)  # the slides' argument: det H = 0, diagonal >= 0


@given(x=st.floats(-10, 10), y_hat=st.floats(0, 1))
def test_closed_form_eigenvalues_match_numpy(x, y_hat):
    lam1, lam2 = bce_hessian_eigenvalues(x, y_hat)
    assert lam2 == 0.0 and lam1 >= 0
    numeric = np.linalg.eigvalsh(bce_hessian_single(x, y_hat))
    np.testing.assert_allclose(numeric[::-1], [lam1, lam2], atol=1e-12 * max(1.0, lam1))


def test_elementwise_helpers_accept_arrays_and_return_floats_for_scalars():
    assert type(bce_second_derivative(1.0, 0.5)) is float
    assert type(sigmoid_mse_second_derivative(1.0, 1, 0.5)) is float
    out = bce_second_derivative(np.array([1.0, 2.0]), 0.5)
    np.testing.assert_allclose(out, [0.25, 1.0])


# === loss landscape ==============================================================================


@pytest.mark.parametrize("loss, objective", [("bce", bce_objective), ("mse", sigmoid_mse_objective)])
def test_loss_landscape_equals_the_objective_at_every_grid_point(loss, objective):
    w_grid = np.linspace(-3, 5, 9)
    b_grid = np.linspace(-10, 4, 8)
    L = loss_landscape(PETALS, PETAL_LABELS, w_grid, b_grid, loss=loss)
    assert L.shape == (len(b_grid), len(w_grid))  # rows follow b, columns follow w
    expected = np.array([[objective(PETALS[:, None], PETAL_LABELS, [b, w]) for w in w_grid] for b in b_grid])
    np.testing.assert_allclose(L, expected, rtol=1e-13)


def test_loss_landscape_is_finite_on_a_wide_grid():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        L = loss_landscape(PETALS, PETAL_LABELS, np.linspace(-1e3, 1e3, 51), np.linspace(-1e3, 1e3, 41))
    assert L.shape == (41, 51) and np.isfinite(L).all()


# === bad inputs: one row per case, ValueError naming the argument =====================================

COLUMN = np.array([[0.0], [1.0], [1.0], [0.0]])
FLAT = np.array([0.0, 1.0, 1.0, 0.0])
PROBS = np.array([0.2, 0.7, 0.9, 0.1])

BAD_INPUTS = [
    # (id, call, match)
    (
        "bce_loss mismatched lengths",
        lambda: bce_loss([0, 1, 1], [0.5, 0.5]),
        r"^y_true has 3 samples but y_prob has 2; pass arrays of equal length$",
    ),
    (
        "bce_loss NaN probability",
        lambda: bce_loss([0, 1], [0.5, np.nan]),
        r"^y_prob must contain only finite numbers; got nan at index 1$",
    ),
    (
        "bce_loss inf probability",
        lambda: bce_loss([0, 1], [np.inf, 0.5]),
        r"^y_prob must contain only finite numbers; got inf at index 0$",
    ),
    ("bce_loss NaN label", lambda: bce_loss([np.nan, 1], [0.5, 0.5]), r"^y_true must contain only finite numbers"),
    ("bce_loss empty", lambda: bce_loss([], []), r"^y_true must not be empty"),
    (
        "bce_loss label 2",
        lambda: bce_loss([0, 2], [0.5, 0.5]),
        r"^y_true must contain only the labels 0 and 1; got 2\.0 at index 1$",
    ),
    ("bce_loss label 0.5", lambda: bce_loss([0.5, 1], [0.5, 0.5]), r"^y_true must contain only the labels 0 and 1"),
    (
        "bce_loss probability above 1",
        lambda: bce_loss([0, 1], [0.5, 1.5]),
        r"^y_prob must contain probabilities in \[0, 1\]; got 1\.5 at index 1$",
    ),
    (
        "bce_loss probability below 0",
        lambda: bce_loss([0, 1], [-0.1, 0.5]),
        r"^y_prob must contain probabilities in \[0, 1\]; got -0\.1 at index 0$",
    ),
    (
        "bce_loss 3-D labels",
        lambda: bce_loss(np.zeros((2, 2, 1)), [0.5, 0.5]),
        r"^y_true must be a 1-D array of shape \(m,\); got shape \(2, 2, 1\)",
    ),
    (
        "bce_loss (m,1) labels vs (m,)",
        lambda: bce_loss(COLUMN, PROBS),
        r"^y_true must be a 1-D array of shape \(m,\); got shape \(4, 1\)\. Pass y_true\.ravel\(\) if it is a column vector\.$",
    ),
    (
        "bce_loss (m,) labels vs (m,1)",
        lambda: bce_loss(FLAT, PROBS[:, None]),
        r"^y_prob must be a 1-D array of shape \(m,\); got shape \(4, 1\)\. Pass y_prob\.ravel\(\)",
    ),
    ("bce_loss eps 0", lambda: bce_loss([0], [0.5], eps=0.0), r"^eps must be > 0"),
    ("bce_loss eps 0.5", lambda: bce_loss([0], [0.5], eps=0.5), r"^eps must be in \(0, 0\.5\)"),
    (
        "bce_per_sample scalar",
        lambda: bce_per_sample(1, 0.5),
        r"^y_true must be a 1-D array of shape \(m,\); got a scalar",
    ),
    (
        "bce_with_logits mismatched",
        lambda: bce_with_logits([0, 1], [0.1, 0.2, 0.3]),
        r"^y_true has 2 samples but z has 3",
    ),
    (
        "bce_with_logits inf logit",
        lambda: bce_with_logits([0, 1], [0.1, -np.inf]),
        r"^z must contain only finite numbers; got -inf at index 1$",
    ),
    (
        "bce_with_logits (m,1) logits",
        lambda: bce_with_logits(FLAT, COLUMN),
        r"^z must be a 1-D array of shape \(m,\); got shape \(4, 1\)\. Pass z\.ravel\(\)",
    ),
    (
        "bce_with_logits label -1",
        lambda: bce_with_logits([-1, 1], [0.0, 0.0]),
        r"^y_true must contain only the labels 0 and 1",
    ),
    ("bce_with_logits_per_sample empty", lambda: bce_with_logits_per_sample([], []), r"^y_true must not be empty"),
    ("mse_loss mismatched", lambda: mse_loss([1.0, 2.0], [1.0]), r"^y_true has 2 samples but y_pred has 1"),
    (
        "mse_loss (m,) vs (m,1)",
        lambda: mse_loss(PRICE, PRICE[:, None]),
        r"^y_pred must be a 1-D array of shape \(m,\); got shape \(4, 1\)\. Pass y_pred\.ravel\(\)",
    ),
    ("mse_loss NaN", lambda: mse_loss([1.0, np.nan], [1.0, 2.0]), r"^y_true must contain only finite numbers"),
    ("squared_error empty", lambda: squared_error([], []), r"^y_true must not be empty"),
    ("squared_error 3-D", lambda: squared_error(np.zeros((1, 1, 1)), [0.0]), r"^y_true must be a 1-D array"),
    (
        "bce_grad 1-D X",
        lambda: bce_grad([1.4, 1.5], [0, 0], [0.1, -0.1]),
        r"^X must be a 2-D array of shape \(m, n\); got shape \(2,\)\. Pass X\.reshape\(-1, 1\)",
    ),
    (
        "bce_grad 3-D X",
        lambda: bce_grad(np.zeros((2, 1, 1)), [0, 0], [0.1, -0.1]),
        r"^X must be a 2-D array of shape \(m, n\); got shape \(2, 1, 1\)",
    ),
    (
        "bce_grad X/y lengths",
        lambda: bce_grad([[1.4], [1.5], [3.0]], [0, 0], [0.1, -0.1]),
        r"^X has 3 samples but y has 2",
    ),
    ("bce_grad theta length", lambda: bce_grad([[1.4, 0.2]], [0], [0.1, -0.1]), r"^theta must have n \+ 1 = 3 entries"),
    (
        "bce_grad (m,1) y",
        lambda: bce_grad([[1.4], [3.0]], [[0], [1]], [0.1, -0.1]),
        r"^y must be a 1-D array of shape \(m,\); got shape \(2, 1\)\. Pass y\.ravel\(\)",
    ),
    ("bce_grad label 0.5", lambda: bce_grad([[1.4]], [0.5], [0.1, -0.1]), r"^y must contain only the labels 0 and 1"),
    ("bce_grad NaN X", lambda: bce_grad([[np.nan]], [0], [0.1, -0.1]), r"^X must contain only finite numbers"),
    ("bce_grad inf theta", lambda: bce_grad([[1.4]], [0], [0.1, np.inf]), r"^theta must contain only finite numbers"),
    ("bce_hessian empty X", lambda: bce_hessian(np.zeros((0, 1)), [], [0.1, -0.1]), r"^X must not be empty"),
    (
        "sigmoid_mse_grad label 2",
        lambda: sigmoid_mse_grad([[1.4]], [2], [0.1, -0.1]),
        r"^y must contain only the labels 0 and 1",
    ),
    (
        "sigmoid_mse_hessian (m,1) y",
        lambda: sigmoid_mse_hessian([[1.4], [3.0]], [[0], [1]], [0.1, -0.1]),
        r"^y must be a 1-D array",
    ),
    (
        "linear_mse_grad NaN y",
        lambda: linear_mse_grad([[6.7]], [np.nan], [0.26, 1.17]),
        r"^y must contain only finite numbers",
    ),
    (
        "linear_mse_hessian bad theta",
        lambda: linear_mse_hessian([[6.7]], [9.1], [0.26]),
        r"^theta must have n \+ 1 = 2 entries",
    ),
    (
        "loss_landscape NaN w_grid",
        lambda: loss_landscape([1.4], [0], [np.nan], [0.1]),
        r"^w_grid must contain only finite numbers",
    ),
    ("loss_landscape 2-D b_grid", lambda: loss_landscape([1.4], [0], [0.1], [[0.1]]), r"^b_grid must be a 1-D array"),
    (
        "loss_landscape x/y lengths",
        lambda: loss_landscape([1.4, 1.5], [0], [0.1], [0.1]),
        r"^x has 2 samples but y has 1",
    ),
    (
        "loss_landscape unknown loss",
        lambda: loss_landscape([1.4], [0], [0.1], [0.1], loss="mae"),
        r"^loss must be 'bce' or 'mse'; got 'mae'$",
    ),
    (
        "bce_second_derivative y_hat 1.2",
        lambda: bce_second_derivative(1.0, 1.2),
        r"^y_hat must contain probabilities in \[0, 1\]; got 1\.2$",
    ),
    (
        "bce_second_derivative shapes",
        lambda: bce_second_derivative(np.ones(3), np.full(2, 0.5)),
        r"x has shape \(3,\), y_hat has shape \(2,\)",
    ),
    (
        "sigmoid_mse_second_derivative (m,1) vs (m,)",
        lambda: sigmoid_mse_second_derivative(np.ones((4, 1)), FLAT, PROBS),
        r"x has shape \(4, 1\), y has shape \(4,\)",
    ),
    (
        "sigmoid_mse_second_derivative label",
        lambda: sigmoid_mse_second_derivative(1.0, 0.3, 0.5),
        r"^y must contain only the labels 0 and 1",
    ),
    (
        "sigmoid_mse_negative_curvature label",
        lambda: sigmoid_mse_negative_curvature(0.5),
        r"^y must be the label 0 or 1; got 0\.5$",
    ),
    ("bce_hessian_single y_hat array", lambda: bce_hessian_single(1.0, [0.5, 0.5]), r"^y_hat must be a single number"),
    ("bce_hessian_single x NaN", lambda: bce_hessian_single(np.nan, 0.5), r"^x must be a finite number"),
    (
        "bce_hessian_eigenvalues y_hat",
        lambda: bce_hessian_eigenvalues(1.0, -0.5),
        r"^y_hat must contain probabilities in \[0, 1\]",
    ),
]


@pytest.mark.parametrize("call, match", [row[1:] for row in BAD_INPUTS], ids=[row[0] for row in BAD_INPUTS])
def test_bad_input_raises_value_error_naming_the_argument(call, match):
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: bce_loss(["0", "1"], [0.5, 0.5]), r"^y_true must be an array of real numbers"),
        (lambda: bce_with_logits([0], None), r"^z must be an array of real numbers"),
        (lambda: bce_grad([[1.4]], [0], ["b", "w"]), r"^theta must be an array of real numbers"),
        (lambda: bce_hessian_single("1.4", 0.5), r"^x must be a real number"),
    ],
)
def test_non_numeric_input_raises_type_error_naming_the_argument(call, match):
    with pytest.raises(TypeError, match=match):
        call()


def test_column_vector_never_broadcasts_silently():
    # The bug this guards against: (m, 1) - (m,) is an (m, m) matrix in NumPy.
    assert (COLUMN - FLAT).shape == (4, 4)
    for fn in (bce_loss, mse_loss, bce_per_sample, squared_error):
        with pytest.raises(ValueError, match="ravel"):
            fn(COLUMN, PROBS)


# === where the names live =====================================================================


def test_curvature_and_landscape_names_are_the_losses_names():
    import lossbook
    from lossbook import curvature, landscape, losses

    for module in (curvature, landscape):
        for name in module.__all__:
            assert getattr(losses, name) is getattr(module, name), name
            assert name in losses.__all__, name
    assert lossbook.loss_landscape is landscape.loss_landscape


def test_sigmoid_mse_bracket_is_public_and_its_old_name_still_works():
    from lossbook import losses

    y = np.array([0.0, 0.0, 1.0, 1.0])
    y_hat = np.array([0.5, 0.9, 0.2, 0.6])
    expected = -3 * y_hat**2 + 2 * y_hat - y + 2 * y * y_hat
    np.testing.assert_allclose(losses.sigmoid_mse_bracket(y, y_hat), expected, rtol=1e-15)
    assert losses._sigmoid_mse_bracket is losses.sigmoid_mse_bracket  # figures.py's import, for now
    # its sign is the sign of the curvature, and flips where sigmoid_mse_negative_curvature says
    for label in (0, 1):
        low, high = sigmoid_mse_negative_curvature(label)
        inside = np.linspace(low, high, 9)[1:-1]
        assert np.all(losses.sigmoid_mse_bracket(np.full(7, float(label)), inside) < 0)
