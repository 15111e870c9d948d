"""Optimisers: histories, the slides' walks and worked SGD steps, Newton's method, bad inputs."""

from __future__ import annotations

import dataclasses
import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossbook.losses import (
    bce_grad,
    bce_hessian,
    bce_objective,
    bce_with_logits,
    sigmoid_mse_grad,
    sigmoid_mse_objective,
)
from lossbook.optim import (
    History,
    NewtonConvergenceWarning,
    NewtonHistory,
    SeparableDataWarning,
    full_batch_gd,
    gradient_descent,
    minibatch_gd,
    newton,
    sgd_logistic,
    sgd_step,
    sign_gradient_descent,
    slides_walk,
    square_function_walk,
)

FLOWERS_X = [[1.4], [1.5], [3.0], [4.1]]
FLOWERS_Y = [0, 0, 1, 1]
OVERLAP_X = [[1.4], [1.5], [3.0], [4.1], [2.0], [2.8]]
OVERLAP_Y = [0, 0, 1, 1, 1, 0]


def paraboloid(v):
    return float(v @ v)


def paraboloid_grad(v):
    return 2.0 * v


def noisy_logistic(m, n, seed, rho=0.0):
    """Standardised features (neighbours correlated at rho) and labels drawn from a logistic model."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((m, n))
    for j in range(1, n):
        X[:, j] = rho * X[:, j - 1] + math.sqrt(1 - rho**2) * X[:, j]
    X = (X - X.mean(0)) / X.std(0)
    w = rng.normal(scale=0.7, size=n)
    y = (rng.random(m) < 1 / (1 + np.exp(-(X @ w + 0.3)))).astype(float)
    return X, y


# --- History ----------------------------------------------------------------------------


def test_history_is_frozen_and_read_only():
    h = gradient_descent(paraboloid_grad, [3.0, 4.0], lr=0.1, steps=3, loss=paraboloid)
    with pytest.raises(dataclasses.FrozenInstanceError):
        h.params = np.zeros((4, 2))
    with pytest.raises(ValueError, match="read-only"):
        h.params[0, 0] = 1.0
    with pytest.raises(ValueError, match="read-only"):
        h.loss[0] = 1.0


@pytest.mark.parametrize("steps", [0, 1, 7])
def test_gradient_descent_shapes(steps):
    h = gradient_descent(paraboloid_grad, [3.0, 4.0, 5.0], lr=0.1, steps=steps, loss=paraboloid)
    assert h.steps == steps
    assert h.params.shape == (steps + 1, 3)
    assert h.loss.shape == (steps + 1,)
    assert h.grads.shape == (steps + 1, 3)
    np.testing.assert_array_equal(h.params[0], [3.0, 4.0, 5.0])
    np.testing.assert_allclose(h.grads, 2 * h.params)
    np.testing.assert_allclose(h.loss, (h.params**2).sum(1))


def test_gradient_descent_without_loss_records_nan():
    h = gradient_descent(paraboloid_grad, 2.0, lr=0.1, steps=2)
    assert h.params.shape == (3, 1)
    assert np.isnan(h.loss).all() and h.loss.shape == (3,)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), p=st.integers(1, 5))
def test_gradient_descent_monotone_on_convex_quadratic(seed, p):
    """f(x) = 1/2 x^T A x - b^T x with A positive definite: lr <= 1/lambda_max decreases f every step."""
    rng = np.random.default_rng(seed)
    M = rng.standard_normal((p, p))
    A = M @ M.T + 0.1 * np.eye(p)
    b = rng.standard_normal(p)
    lr = 1.0 / np.linalg.eigvalsh(A).max()
    h = gradient_descent(
        lambda x: A @ x - b, rng.standard_normal(p), lr=lr, steps=50, loss=lambda x: float(0.5 * x @ A @ x - b @ x)
    )
    assert np.all(np.diff(h.loss) <= 1e-12 * np.abs(h.loss[:-1]).max())


def test_standard_gd_eta_1_oscillates_on_the_slides_function():
    h = gradient_descent(paraboloid_grad, [3, 4], lr=1.0, steps=10, loss=paraboloid)
    expected = np.array([[3, 4], [-3, -4]] * 5 + [[3, 4]], dtype=float)
    np.testing.assert_array_equal(h.params, expected)
    assert np.all(h.loss == 25.0)  # never gets lower


def test_standard_gd_eta_half_jumps_to_the_minimum():
    h = gradient_descent(paraboloid_grad, [3, 4], lr=0.5, steps=3)
    np.testing.assert_array_equal(h.params[1:], np.zeros((3, 2)))


def test_standard_gd_eta_tenth_converges_geometrically():
    h = gradient_descent(paraboloid_grad, [3, 4], lr=0.1, steps=30, loss=paraboloid)
    np.testing.assert_allclose(h.params, np.array([3.0, 4.0]) * 0.8 ** np.arange(31)[:, None], rtol=1e-13)
    np.testing.assert_allclose(h.loss[1:] / h.loss[:-1], 0.64, rtol=1e-12)


# --- the slides' walks ----------------------------------------------------------------


def test_slides_walk_reproduces_every_point_of_the_slides():
    h = slides_walk()
    slides_points = [(3, 4), (2, 3), (1, 2), (0, 1), (0, 0)]
    np.testing.assert_array_equal(h.params, np.array(slides_points, dtype=float))
    np.testing.assert_array_equal(h.loss, [25, 13, 5, 1, 0])


def test_slides_walk_gradients_and_the_wrong_one():
    h = slides_walk()
    slides_gradients = [(6, 8), (4, 6), (2, 4), (0, 0)]  # as printed on the slides
    np.testing.assert_array_equal(h.grads[:3], np.array(slides_gradients[:3], dtype=float))
    # At (0, 1) the slides print (0, 0); the gradient of x^2 + y^2 there is (0, 2).
    np.testing.assert_array_equal(h.grads[3], [0.0, 2.0])
    assert not np.array_equal(h.grads[3], slides_gradients[3])
    # With the slides' zero gradient the sign step would not move: the walk would stop at (0, 1).
    stuck = sign_gradient_descent(lambda v: np.zeros(2), [0.0, 1.0], lr=1.0, steps=1)
    np.testing.assert_array_equal(stuck.final, [0.0, 1.0])


def test_slides_walk_is_not_plain_gradient_descent():
    plain = gradient_descent(paraboloid_grad, [3, 4], lr=1.0, steps=4)
    assert not np.array_equal(plain.params, slides_walk().params)
    # ... and no constant learning rate of plain GD gives the slides' first step (3, 4) -> (2, 3):
    # it would need eta = 1/6 for x and eta = 1/8 for y.
    assert (3 - 2) / 6 != (4 - 3) / 8


def test_slides_walk_stays_at_the_minimum():
    h = slides_walk(steps=8)
    np.testing.assert_array_equal(h.params[4:], np.zeros((5, 2)))


def test_sign_gd_moves_each_coordinate_by_eta():
    h = sign_gradient_descent(lambda v: np.array([10.0, -0.001, 0.0]), [0, 0, 0], lr=0.25, steps=2)
    np.testing.assert_array_equal(h.params[1], [-0.25, 0.25, 0.0])


@pytest.mark.parametrize("lr", [0.05, 0.3, 0.5, 0.8, 1.0, 1.2])
def test_square_function_walk_closed_form(lr):
    h = square_function_walk(7.0, lr=lr, steps=12)
    np.testing.assert_allclose(h.params.ravel(), 7.0 * (1 - 2 * lr) ** np.arange(13), rtol=1e-12)
    np.testing.assert_allclose(h.grads.ravel(), 2 * h.params.ravel())


# --- worked SGD steps ---------------------------------------------------------------------


def test_worked_example_one_feature():
    s = sgd_step([1.4], 0, [0.1, -0.1], lr=0.01)
    assert s.z == pytest.approx(-0.04, abs=1e-15)
    assert s.y_hat == pytest.approx(1 / (1 + math.exp(0.04)), rel=1e-14)
    assert s.loss == pytest.approx(-math.log(1 - s.y_hat), rel=1e-14)
    assert round(s.y_hat, 4) == 0.49 and round(s.loss, 4) == 0.6733
    np.testing.assert_allclose(s.grad, [0.4900013331200346, 0.6860018663680484], rtol=1e-14)
    np.testing.assert_allclose(s.theta_new, [0.1 - 0.01 * s.grad[0], -0.1 - 0.01 * s.grad[1]], rtol=1e-15)
    assert tuple(np.round(s.theta_new, 4)) == (0.0951, -0.1069)  # slides: 0.095, -0.1068
    # independent implementations agree
    np.testing.assert_allclose(s.grad, bce_grad([[1.4]], [0], [0.1, -0.1]), rtol=1e-14)
    assert s.loss == pytest.approx(bce_with_logits([0.0], [-0.04]), rel=1e-14)


def test_worked_example_two_features():
    s = sgd_step([1.4, 0.2], 0, [0.1, 0.5, -0.1], lr=0.01)
    assert s.z == pytest.approx(0.78, abs=1e-15)
    assert round(s.y_hat, 4) == 0.6857  # slides: 0.6812
    assert round(s.loss, 4) == 1.1573
    assert round(-math.log(1 - 0.6812), 4) != 1.1573  # the slides' y_hat does not give their loss
    assert tuple(np.round(s.grad, 4)) == (0.6857, 0.96, 0.1371)  # slides: 0.6856, 0.9599 / 0.9598, 0.1371
    assert tuple(np.round(s.theta_new, 4)) == (0.0931, 0.4904, -0.1014)  # slides: 0.0931, 0.4990, -0.1013
    # w2 decreases: the update is w2 - eta * L'_w2, not the slides' w2 + eta * L'_w2
    assert s.theta_new[2] < -0.1
    assert round(-0.1 + 0.01 * s.grad[2], 4) == -0.0986
    np.testing.assert_allclose(s.grad, bce_grad([[1.4, 0.2]], [0], [0.1, 0.5, -0.1]), rtol=1e-14)
    assert s.loss == pytest.approx(bce_objective([[1.4, 0.2]], [0], [0.1, 0.5, -0.1]), rel=1e-14)


def test_sgd_step_mse_matches_the_losses_module():
    s = sgd_step([1.4, 0.2], 1, [0.1, 0.5, -0.1], lr=0.5, loss="mse")
    np.testing.assert_allclose(s.grad, sigmoid_mse_grad([[1.4, 0.2]], [1], [0.1, 0.5, -0.1]), rtol=1e-13)
    assert s.loss == pytest.approx(sigmoid_mse_objective([[1.4, 0.2]], [1], [0.1, 0.5, -0.1]), rel=1e-14)
    np.testing.assert_allclose(s.theta_new, s.theta - 0.5 * s.grad)


def test_sgd_logistic_records_every_step():
    h = sgd_logistic(FLOWERS_X, FLOWERS_Y, [0.1, -0.1], lr=0.01, epochs=3)
    assert h.steps == 12
    assert h.params.shape == (13, 2) and h.loss.shape == (13,)
    assert h.sample.tolist() == [0, 1, 2, 3] * 3
    assert h.y_hat.shape == h.sample_loss.shape == (12,) and h.sample_grad.shape == (12, 2)
    first = sgd_step([1.4], 0, [0.1, -0.1], lr=0.01)
    np.testing.assert_array_equal(h.params[1], first.theta_new)
    assert h.y_hat[0] == first.y_hat and h.sample_loss[0] == first.loss
    # every recorded step is an sgd_step from the previous parameters
    for k in range(h.steps):
        i = h.sample[k]
        s = sgd_step(FLOWERS_X[i], FLOWERS_Y[i], h.params[k], lr=0.01)
        np.testing.assert_allclose(h.params[k + 1], s.theta_new, rtol=1e-15)
        np.testing.assert_allclose(h.sample_grad[k], s.grad, rtol=1e-15)
    # the loss column is the mean over the whole data set
    for k in range(h.steps + 1):
        assert h.loss[k] == pytest.approx(bce_objective(FLOWERS_X, FLOWERS_Y, h.params[k]), rel=1e-13)
    table = h.table()
    assert len(table) == 12 and table[0]["step"] == 1 and table[-1]["params"] == tuple(h.final)


def test_sgd_logistic_shuffle_is_seeded():
    kw = dict(lr=0.1, epochs=4, order="shuffle")
    a = sgd_logistic(FLOWERS_X, FLOWERS_Y, [0, 0], seed=3, **kw)
    b = sgd_logistic(FLOWERS_X, FLOWERS_Y, [0, 0], seed=3, **kw)
    c = sgd_logistic(FLOWERS_X, FLOWERS_Y, [0, 0], seed=4, **kw)
    np.testing.assert_array_equal(a.params, b.params)
    assert not np.array_equal(a.sample, c.sample)
    for epoch in a.sample.reshape(4, 4):  # each epoch is a permutation
        assert sorted(epoch.tolist()) == [0, 1, 2, 3]


def test_sgd_logistic_mse_loss_column():
    h = sgd_logistic(FLOWERS_X, FLOWERS_Y, [0.1, -0.1], lr=0.5, epochs=2, loss="mse")
    for k in (0, 3, 8):
        assert h.loss[k] == pytest.approx(sigmoid_mse_objective(FLOWERS_X, FLOWERS_Y, h.params[k]), rel=1e-13)


def test_sgd_logistic_early_stopping_with_tol():
    X, y = noisy_logistic(200, 2, seed=1)
    h = sgd_logistic(X, y, [0, 0, 0], lr=0.05, epochs=500, order="shuffle", seed=0, tol=1e-3)
    assert h.steps % 200 == 0 and h.steps < 500 * 200


# --- mini-batch and full batch ---------------------------------------------------------------


def test_full_batch_gd_gradients_are_the_losses_gradients():
    X, y = noisy_logistic(50, 3, seed=2)
    h = full_batch_gd(X, y, [0.1, -0.2, 0.3, 0.0], lr=0.5, steps=20)
    assert h.params.shape == (21, 4) and h.grads.shape == (21, 4)
    for k in (0, 7, 20):
        np.testing.assert_allclose(h.grads[k], bce_grad(X, y, h.params[k]), rtol=1e-12, atol=1e-15)
        assert h.loss[k] == pytest.approx(bce_objective(X, y, h.params[k]), rel=1e-13)
    np.testing.assert_allclose(h.params[1:], h.params[:-1] - 0.5 * h.grads[:-1], rtol=1e-15)


def test_full_batch_gd_mse_gradients():
    X, y = noisy_logistic(40, 2, seed=3)
    h = full_batch_gd(X, y, [0.0, 0.0, 0.0], lr=1.0, steps=5, loss="mse")
    for k in range(6):
        np.testing.assert_allclose(h.grads[k], sigmoid_mse_grad(X, y, h.params[k]), rtol=1e-12, atol=1e-15)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_full_batch_gd_monotone_for_small_lr(seed):
    """The mean BCE has Hessian <= (1/4) lambda_max(X_b^T X_b / m): lr below 4 / that is a descent step."""
    X, y = noisy_logistic(60, 3, seed=seed)
    Xb = np.hstack([np.ones((60, 1)), X])
    lr = 4.0 / np.linalg.eigvalsh(Xb.T @ Xb / 60).max()
    h = full_batch_gd(X, y, np.zeros(4), lr=lr, steps=40)
    assert np.all(np.diff(h.loss) <= 1e-15)


def test_full_batch_gd_stops_at_tol():
    h = full_batch_gd(OVERLAP_X, OVERLAP_Y, [0, 0], lr=0.5, steps=100_000, tol=1e-6)
    assert h.steps < 100_000
    assert np.max(np.abs(h.grads[-1])) <= 1e-6 < np.max(np.abs(h.grads[-2]))


def test_minibatch_full_batch_size_is_full_batch_gd():
    X, y = noisy_logistic(30, 2, seed=5)
    mb = minibatch_gd(X, y, [0.1, 0.2, 0.3], lr=0.3, epochs=5, batch_size=30, seed=0)
    fb = full_batch_gd(X, y, [0.1, 0.2, 0.3], lr=0.3, steps=5)
    np.testing.assert_allclose(mb.params, fb.params, rtol=1e-12)


def test_minibatch_step_count_and_seed():
    X, y = noisy_logistic(23, 2, seed=6)
    a = minibatch_gd(X, y, [0, 0, 0], lr=0.1, epochs=3, batch_size=5, seed=1)
    b = minibatch_gd(X, y, [0, 0, 0], lr=0.1, epochs=3, batch_size=5, seed=1)
    assert a.steps == 3 * 5 and a.params.shape == (16, 3) and a.loss.shape == (16,)
    np.testing.assert_array_equal(a.params, b.params)


# --- Newton ---------------------------------------------------------------------------------


def test_newton_agrees_with_scikit_learn_and_the_losses_module():
    sklearn = pytest.importorskip("sklearn.linear_model")
    X, y = noisy_logistic(500, 4, seed=7, rho=0.9)
    h = newton(X, y, tol=1e-14)
    assert h.converged and isinstance(h, NewtonHistory)
    ref = sklearn.LogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(X, y)
    np.testing.assert_allclose(h.final[1:], ref.coef_[0], rtol=1e-7)
    assert h.final[0] == pytest.approx(ref.intercept_[0], rel=1e-7)
    # the fused pass computes exactly the objective, gradient and Hessian of losses.py
    for k in range(h.steps + 1):
        assert h.loss[k] == pytest.approx(bce_objective(X, y, h.params[k]), rel=1e-13)
        np.testing.assert_allclose(h.grads[k], bce_grad(X, y, h.params[k]), rtol=1e-10, atol=1e-16)
        H = bce_hessian(X, y, h.params[k])
        assert h.decrement[k] == pytest.approx(0.5 * h.grads[k] @ np.linalg.solve(H, h.grads[k]), rel=1e-8, abs=1e-30)


def test_newton_converges_quadratically_with_full_steps():
    X, y = noisy_logistic(2000, 5, seed=8)
    h = newton(X, y, tol=1e-20)
    assert h.steps <= 8 and np.all(h.step_size == 1.0)
    assert np.all(np.diff(h.loss) <= 0)
    dec = h.decrement[h.decrement > 1e-14]
    # quadratic convergence: from some point on, each decrement is far below the previous one squared * C
    assert np.all(dec[2:] <= 10 * dec[1:-1] ** 1.5)


@pytest.mark.parametrize("block_rows", [1, 7, 64, 4096])
def test_newton_blocks_do_not_change_the_result(block_rows):
    X, y = noisy_logistic(301, 3, seed=9)
    ref = newton(X, y, tol=1e-16)
    h = newton(X, y, tol=1e-16, fast=True, block_rows=block_rows)
    np.testing.assert_allclose(h.final, ref.final, rtol=1e-10)


# --- Newton: the readable solver and the fused one are the same method -----------------------


def _run_newton(X, y, theta0=None, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        h = newton(X, y, theta0, **kwargs)
    return h, [w.category for w in caught]


def _bc30():
    from lossbook.datasets import breast_cancer

    bc = breast_cancer()
    return (bc.X - bc.X.mean(0)) / bc.X.std(0), bc.y


NEWTON_CASES = {
    # name: (data, start, keyword arguments)
    "correlated": (lambda: noisy_logistic(500, 4, seed=7, rho=0.9), None, dict(tol=1e-14)),
    "quadratic": (lambda: noisy_logistic(2000, 5, seed=8), None, dict(tol=1e-16)),
    "tall-blocks": (lambda: noisy_logistic(9000, 3, seed=3), None, dict(tol=1e-14, block_rows=1000)),
    "bad-start-backtracks": (lambda: noisy_logistic(400, 2, seed=10), [8.0, -30.0, 30.0], dict(tol=1e-14)),
    "collinear-lstsq": (
        lambda: (lambda X, y: (np.column_stack([X, X[:, 0]]), y))(*noisy_logistic(300, 2, seed=11)),
        None,
        dict(tol=1e-14, max_iter=50),
    ),
    "six-flowers": (lambda: (np.array(OVERLAP_X), np.array(OVERLAP_Y, float)), None, {}),
    "separable-flowers": (lambda: (np.array(FLOWERS_X), np.array(FLOWERS_Y, float)), None, dict(max_iter=1000)),
    "separable-breast-cancer": (_bc30, None, {}),
    "max-iter": (lambda: noisy_logistic(200, 3, seed=12), None, dict(max_iter=1, tol=0.0)),
    "to-rounding": (lambda: noisy_logistic(300, 3, seed=0), None, dict(tol=0.0, max_iter=12)),
}


@pytest.mark.parametrize("case", NEWTON_CASES)
def test_newton_fast_and_readable_give_the_same_iterates(case):
    data, theta0, kwargs = NEWTON_CASES[case]
    X, y = data()
    readable, warned_readable = _run_newton(X, y, theta0, fast=False, **kwargs)
    fused, warned_fused = _run_newton(X, y, theta0, fast=True, **kwargs)
    assert warned_fused == warned_readable
    assert (fused.steps, fused.converged, fused.separable) == (readable.steps, readable.converged, readable.separable)
    np.testing.assert_array_equal(fused.step_size, readable.step_size)
    scale = np.max(np.abs(readable.params), axis=1, keepdims=True)
    np.testing.assert_allclose(fused.params, readable.params, rtol=0, atol=1e-10 * scale.max())
    # the fused loss sums max(u, 0) as (sum u + sum |u|) / 2: with the large logits of
    # separable data that cancels a few digits (1e-10 relative on breast cancer)
    np.testing.assert_allclose(fused.loss, readable.loss, rtol=1e-9)
    np.testing.assert_allclose(fused.grads, readable.grads, rtol=1e-7, atol=1e-15)
    np.testing.assert_allclose(fused.decrement, readable.decrement, rtol=1e-6, atol=1e-24)


def test_the_equality_check_sees_a_different_method(monkeypatch):
    """Feed the comparison a fused solver with a broken Armijo constant: the iterates differ."""
    import importlib

    fast_module = importlib.import_module("lossbook.optim._newton_fast")
    X, y = noisy_logistic(400, 2, seed=10)
    readable, _ = _run_newton(X, y, [8.0, -30.0, 30.0], fast=False, tol=1e-14)
    monkeypatch.setattr(fast_module, "sufficient_decrease", lambda new, old, t, slope: new <= old + 0.9 * t * slope)
    broken, _ = _run_newton(X, y, [8.0, -30.0, 30.0], fast=True, tol=1e-14)
    assert broken.step_size.tolist() != readable.step_size.tolist()


@pytest.mark.parametrize("fast", [False, True])
def test_newton_stops_when_the_line_search_finds_no_decrease(monkeypatch, fast):
    """An uphill direction (a broken inner solve): both solvers halve down to MIN_STEP, then warn."""
    import importlib

    newton_module = importlib.import_module("lossbook.optim.newton")
    fast_module = importlib.import_module("lossbook.optim._newton_fast")
    uphill = lambda hess, grad: (grad.copy(), 1.0)  # noqa: E731
    monkeypatch.setattr(newton_module, "inner_solve", uphill)
    monkeypatch.setattr(fast_module, "inner_solve", uphill)
    X, y = noisy_logistic(100, 2, seed=1)
    with pytest.warns(NewtonConvergenceWarning, match="line search found no decrease"):
        h = newton(X, y, fast=fast)
    assert h.steps == 0 and not h.converged


def test_newton_goes_fast_from_newton_fast_min_rows(monkeypatch):
    import importlib

    newton_module = importlib.import_module("lossbook.optim.newton")
    fast_module = importlib.import_module("lossbook.optim._newton_fast")
    used = []
    monkeypatch.setattr(fast_module, "solve", lambda *a, **k: used.append("fast"))
    monkeypatch.setattr(newton_module, "solve", lambda *a, **k: used.append("readable"))
    monkeypatch.setattr(newton_module, "NEWTON_FAST_MIN_ROWS", 5)
    newton(OVERLAP_X[:4], FLOWERS_Y)
    newton(OVERLAP_X, OVERLAP_Y)
    newton(OVERLAP_X, OVERLAP_Y, fast=False)
    newton(OVERLAP_X[:4], FLOWERS_Y, fast=True)
    assert used == ["readable", "fast", "readable", "fast"]


@pytest.mark.parametrize("fast", [False, True])
def test_newton_warnings_point_at_the_callers_line(fast):
    from lossbook.models import LogisticRegression

    with pytest.warns(SeparableDataWarning) as direct:
        newton(FLOWERS_X, FLOWERS_Y, fast=fast)
    with pytest.warns(SeparableDataWarning) as through_fit:
        LogisticRegression().fit(FLOWERS_X, FLOWERS_Y)
    assert direct[0].filename == through_fit[0].filename == __file__


def test_newton_from_a_bad_start_backtracks_and_still_converges():
    X, y = noisy_logistic(400, 2, seed=10)
    start = newton(X, y, [8.0, -30.0, 30.0], tol=1e-14)
    ref = newton(X, y, tol=1e-14)
    assert np.any(start.step_size < 1.0)  # the Armijo line search did work
    assert np.all(np.diff(start.loss) <= 1e-15)
    np.testing.assert_allclose(start.final, ref.final, rtol=1e-8)


def test_newton_with_collinear_columns_falls_back_from_cholesky():
    X, y = noisy_logistic(300, 2, seed=11)
    X_dup = np.column_stack([X, X[:, 0]])  # singular Hessian: Cholesky fails
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no NewtonConvergenceWarning: the fallback converges
        h = newton(X_dup, y, tol=1e-14, max_iter=50)
    assert h.converged
    ref = newton(X, y, tol=1e-14)
    assert h.loss[-1] == pytest.approx(ref.loss[-1], abs=1e-10)
    # the minimum-norm solution shares the duplicated weight equally
    assert h.final[1] == pytest.approx(h.final[3], rel=1e-6)


def test_newton_warns_and_stops_on_separable_data():
    with pytest.warns(SeparableDataWarning, match="linearly separable"):
        h = newton(FLOWERS_X, FLOWERS_Y, max_iter=1000)
    assert h.separable and not h.converged and h.steps < 20
    z = np.hstack([np.ones((4, 1)), FLOWERS_X]) @ h.final
    assert np.all((2 * np.array(FLOWERS_Y) - 1) * z > 0)


def test_newton_max_iter_warning():
    X, y = noisy_logistic(200, 3, seed=12)
    with pytest.warns(NewtonConvergenceWarning, match="max_iter=1"):
        h = newton(X, y, max_iter=1, tol=0.0)
    assert h.steps == 1 and not h.converged


# --- bad inputs -------------------------------------------------------------------------------

BAD_CALLS = [
    # (function, args, kwargs, exception, words the message must contain)
    (gradient_descent, (paraboloid_grad, [1.0]), dict(lr=0.0, steps=3), ValueError, "lr"),
    (gradient_descent, (paraboloid_grad, [1.0]), dict(lr=-1.0, steps=3), ValueError, "lr"),
    (gradient_descent, (paraboloid_grad, [1.0]), dict(lr=0.1, steps=-1), ValueError, "steps"),
    (gradient_descent, (paraboloid_grad, [1.0]), dict(lr=0.1, steps=2.5), TypeError, "steps"),
    (gradient_descent, (paraboloid_grad, [np.nan]), dict(lr=0.1, steps=2), ValueError, "x0"),
    (gradient_descent, (lambda v: np.zeros(3), [1.0, 2.0]), dict(lr=0.1, steps=2), ValueError, "grad"),
    (sign_gradient_descent, (paraboloid_grad, [1.0]), dict(lr=np.inf, steps=2), ValueError, "lr"),
    (sgd_step, ([1.4], 2, [0.1, -0.1]), dict(lr=0.01), ValueError, "y"),
    (sgd_step, ([1.4], [0, 1], [0.1, -0.1]), dict(lr=0.01), ValueError, "y"),
    (sgd_step, ([1.4], 0, [0.1]), dict(lr=0.01), ValueError, "theta"),
    (sgd_step, ([[1.4]], 0, [0.1, -0.1]), dict(lr=0.01), ValueError, "x"),
    (sgd_step, ([1.4], 0, [0.1, -0.1]), dict(lr=0.01, loss="hinge"), ValueError, "loss"),
    (sgd_logistic, ([1.4, 1.5], [0, 1], [0, 0]), dict(lr=0.1, epochs=1), ValueError, "X"),
    (sgd_logistic, (FLOWERS_X, [0, 0, 1], [0, 0]), dict(lr=0.1, epochs=1), ValueError, "y"),
    (sgd_logistic, (FLOWERS_X, [0, 0, 1, 3], [0, 0]), dict(lr=0.1, epochs=1), ValueError, "y"),
    (sgd_logistic, ([[1.4], [np.nan], [3.0], [4.1]], FLOWERS_Y, [0, 0]), dict(lr=0.1, epochs=1), ValueError, "X"),
    (sgd_logistic, (FLOWERS_X, FLOWERS_Y, [0, 0, 0]), dict(lr=0.1, epochs=1), ValueError, "theta0"),
    (sgd_logistic, (FLOWERS_X, FLOWERS_Y, [0, 0]), dict(lr=0.1, epochs=1, order="random"), ValueError, "order"),
    (sgd_logistic, (FLOWERS_X, FLOWERS_Y, [0, 0]), dict(lr=0.1, epochs=-2), ValueError, "epochs"),
    (minibatch_gd, (FLOWERS_X, FLOWERS_Y, [0, 0]), dict(lr=0.1, epochs=1, batch_size=0), ValueError, "batch_size"),
    (full_batch_gd, (FLOWERS_X, FLOWERS_Y, [0, 0]), dict(lr=0.1, steps=1, loss="l2"), ValueError, "loss"),
    (full_batch_gd, (np.zeros((0, 1)), [], [0, 0]), dict(lr=0.1, steps=1), ValueError, "X"),
    (newton, (FLOWERS_X, [[0], [0], [1], [1]]), {}, ValueError, "y"),
    (newton, (FLOWERS_X, FLOWERS_Y, [0.0]), {}, ValueError, "theta0"),
    (newton, (np.ones((4, 1, 1)), FLOWERS_Y), {}, ValueError, "X"),
    (newton, (FLOWERS_X, FLOWERS_Y), dict(max_iter=-1), ValueError, "max_iter"),
    (newton, (FLOWERS_X, FLOWERS_Y), dict(block_rows=0), ValueError, "block_rows"),
    (newton, (FLOWERS_X, FLOWERS_Y), dict(fast="yes"), TypeError, "fast"),
]


@pytest.mark.parametrize(
    "func, args, kwargs, exc, name", BAD_CALLS, ids=[f"{c[0].__name__}-{c[4]}-{i}" for i, c in enumerate(BAD_CALLS)]
)
def test_bad_inputs_name_the_argument(func, args, kwargs, exc, name):
    with pytest.raises(exc) as info:
        func(*args, **kwargs)
    assert str(info.value).startswith(name) or f"{name} " in str(info.value) or f"{name}=" in str(info.value)


def test_history_converts_to_float():
    h = History(params=[[1, 2], [3, 4]], loss=[1, 2])
    assert h.params.dtype == np.float64 and h.loss.dtype == np.float64 and h.grads is None
    assert h.steps == 1 and h.final.tolist() == [3.0, 4.0]
