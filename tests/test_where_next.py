"""Chapters 10, 11 and 13: the optimiser race behind ``loss_history.svg``, and the "where
next" threads (Newton = IRLS, minibatch SGD, L2 as a Gaussian prior, softmax regression,
hard threshold). Each check that compares two computations is shown to fail on a planted
defect."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

import lossbook as lb
from lossbook.irls import irls, irls_step
from lossbook.lesson import where_next
from lossbook.lesson.sgd_vectorized import loss_race, sgd_separable
from lossbook.optim import full_batch_gd, minibatch_gd
from lossbook.optim.race import optimiser_race
from lossbook.prior import neg_log_posterior, prior_variance
from lossbook.regularised import fit_l2, penalised_bce
from lossbook.softmax import categorical_cross_entropy, fit_softmax, one_hot, softmax, softmax_grad


def _tumours_std():
    d = lb.datasets.tumour_sizes()
    return (d.X - d.X.mean(0)) / d.X.std(0), d.y


# --- the race (A2, B3) -------------------------------------------------------------------------


def test_race_gd_bends_then_converges_linearly():
    """GD's per-step factor still rises at pass 100 (the curve bends) and is constant late
    (a straight line on the log axis): what chapter 10 says."""
    r = optimiser_race()
    early = [r.gd_ratio(k) for k in (10, 50, 100)]
    assert early == sorted(early) and early[-1] - early[0] > 0.01
    late = [r.gd_ratio(k) for k in (1500, 1750, 2000)]
    assert max(late) - min(late) < 1e-4
    assert r.gd_gap[100] > 1e-3 and r.gd_gap[2000] < 1e-11


def test_race_sgd_has_a_noise_floor_that_grows_with_eta():
    r = optimiser_race()
    (lo_small, mid_small, hi_small), (lo_large, mid_large, hi_large) = (r.sgd_floor(e) for e in r.sgd_etas)
    assert mid_small < mid_large and hi_small < hi_large
    # a floor, not convergence: the band is still orders of magnitude above GD's end
    assert lo_small > 100 * r.gd_gap[-1]
    # and SGD is ahead of GD after one pass (m updates for the price of one)
    assert r.sgd_gap[1][r.m] < r.gd_gap[1]


def test_race_newton_reaches_rounding_in_a_few_passes():
    r = optimiser_race()
    assert r.newton_passes() <= 10
    assert r.newton_passes(1e-6) < r.gd_passes(1e-6) / 50


def test_race_page_numbers_are_the_race():
    r, page = optimiser_race(), loss_race()
    assert page.gd_passes_1e6 == r.gd_passes(1e-6)
    assert page.sgd_floor == tuple(r.sgd_floor(e)[1] for e in r.sgd_etas)
    assert page.floor_ratio() > 10


def test_sgd_on_separable_data_has_no_floor():
    s = sgd_separable()
    assert list(s.loss) == sorted(s.loss, reverse=True) and s.loss[-1] < s.loss[0] / 50


def test_race_rejects_bad_arguments():
    with pytest.raises(ValueError, match="gd_steps"):
        optimiser_race(gd_steps=0)
    with pytest.raises(ValueError, match="sgd_etas"):
        optimiser_race(sgd_etas=(-1.0,))


# --- Newton = IRLS ---------------------------------------------------------------------------


def _wls(Xb, weights, response):
    """Weighted least squares by the normal equations (independent of lossbook.irls)."""
    return np.linalg.solve(Xb.T @ (Xb * weights[:, None]), Xb.T @ (weights * response))


def _newton_step(Xb, y, theta):
    y_hat = lb.sigmoid(Xb @ theta)
    H = Xb.T @ (Xb * (y_hat * (1 - y_hat))[:, None]) / len(y)
    return theta - np.linalg.solve(H, Xb.T @ (y_hat - y) / len(y))


def _working_response(Xb, y, theta):
    z = Xb @ theta
    y_hat = lb.sigmoid(z)
    s = y_hat * (1 - y_hat)
    return s, z + (y - y_hat) / s


def test_newton_step_is_the_weighted_least_squares_fit_on_the_tumours():
    d = lb.datasets.tumour_sizes()
    Xb = np.column_stack([np.ones(d.m), d.X])
    for theta in lb.newton(d.X, d.y).params:
        s, z = _working_response(Xb, d.y, theta)
        assert np.max(np.abs(_wls(Xb, s, z) - _newton_step(Xb, d.y, theta))) < 1e-10
        assert irls_step(d.X, d.y, theta).max_abs_diff < 1e-10
    assert where_next.irls_vs_newton().max_step_diff < 1e-10


def test_irls_check_catches_a_working_response_without_the_weights():
    """Planted defect: z + (y - y_hat) (no S^-1) is not Newton's step."""
    d = lb.datasets.tumour_sizes()
    Xb = np.column_stack([np.ones(d.m), d.X])
    theta = np.array([-5.0, 0.3])
    s, _ = _working_response(Xb, d.y, theta)
    wrong = Xb @ theta + (d.y - lb.sigmoid(Xb @ theta))
    assert np.max(np.abs(_wls(Xb, s, wrong) - _newton_step(Xb, d.y, theta))) > 1e-3


def test_irls_converges_to_newtons_minimiser():
    X, y = _tumours_std()
    P = irls(X, y, [0.0, 0.0], steps=10)
    assert np.allclose(P[-1], lb.newton(X, y).final, atol=1e-8)
    g = lb.bce_grad(X, y, P[-1])
    assert np.linalg.norm(g) < 1e-12  # a fixed point of IRLS is stationary (exercise 3)


def test_irls_names_the_bad_argument():
    with pytest.raises(ValueError, match="theta"):
        irls_step([[1.0], [2.0]], [0, 1], [0.0, 0.0, 0.0])
    with pytest.raises(ValueError, match="theta"):
        irls_step([[1.0], [2.0]], [0, 1], [0.0, 1000.0])  # s_i underflow to 0


# --- minibatch SGD ---------------------------------------------------------------------------


def _mean_batch_gradient(X, y, theta, B, batch_grad):
    """The exact expectation over all batches of B distinct samples."""
    grads = [batch_grad(X[list(c)], y[list(c)], theta) for c in itertools.combinations(range(len(y)), B)]
    return np.mean(grads, axis=0)


def test_minibatch_gradient_is_unbiased():
    """Chapter 10, exercise 6: E[g_B] = grad J, by enumerating every batch."""
    rng = np.random.default_rng(3)
    X, y, theta = rng.normal(size=(7, 2)), np.array([0, 1, 1, 0, 1, 0, 0.0]), np.array([0.2, -0.5, 0.7])
    full = lb.bce_grad(X, y, theta)
    for B in (1, 2, 3, 7):
        assert np.allclose(_mean_batch_gradient(X, y, theta, B, lb.bce_grad), full, atol=1e-14)


def test_unbiasedness_check_catches_a_summed_batch_gradient():
    """Planted defect: the batch's summed gradient (no 1/B) is biased by a factor B."""
    rng = np.random.default_rng(3)
    X, y, theta = rng.normal(size=(7, 2)), np.array([0, 1, 1, 0, 1, 0, 0.0]), np.array([0.2, -0.5, 0.7])

    def summed(Xs, ys, t):
        return len(ys) * lb.bce_grad(Xs, ys, t)

    assert not np.allclose(_mean_batch_gradient(X, y, theta, 3, summed), lb.bce_grad(X, y, theta))


def test_minibatch_ends_are_sgd_and_full_batch_gd():
    X, y = _tumours_std()
    m = len(y)
    full = minibatch_gd(X, y, [0.0, 0.0], lr=0.5, epochs=5, batch_size=m, seed=0)
    assert np.allclose(full.params, full_batch_gd(X, y, [0.0, 0.0], lr=0.5, steps=5).params)
    one = minibatch_gd(X, y, [0.0, 0.0], lr=0.5, epochs=1, batch_size=1, seed=0)
    assert one.steps == m
    r = where_next.minibatch_comparison()
    assert r.updates == tuple(r.epochs * math.ceil(r.m / b) for b in r.batch_sizes)
    assert min(r.gap) in r.gap[1:-1]  # a middle batch wins on the same budget


# --- L2 as a Gaussian prior ------------------------------------------------------------------


def _posterior_minus_penalised(X, y, thetas, mu, tau2):
    return [neg_log_posterior(X, y, t, tau2) - len(y) * penalised_bce(X, y, t, mu) for t in thetas]


def test_negative_log_posterior_is_m_times_the_penalised_loss_plus_a_constant():
    X, y = _tumours_std()
    mu = 0.05
    thetas = np.random.default_rng(0).normal(size=(6, 2)) * 2
    diffs = _posterior_minus_penalised(X, y, thetas, mu, prior_variance(mu, len(y)))
    assert max(diffs) - min(diffs) < 1e-8
    assert abs(where_next.gaussian_prior().posterior_check) < 1e-9


def test_prior_check_catches_the_wrong_variance():
    """Planted defect: tau^2 = 1/mu (forgetting m) is not the prior of the mean-loss penalty."""
    X, y = _tumours_std()
    mu = 0.05
    thetas = np.random.default_rng(0).normal(size=(6, 2)) * 2
    diffs = _posterior_minus_penalised(X, y, thetas, mu, 1 / mu)
    assert max(diffs) - min(diffs) > 1.0


def test_map_estimate_matches_scikit_learn_and_shrinks():
    sklearn = pytest.importorskip("sklearn.linear_model")
    X, y = _tumours_std()
    mu = 0.1
    ours = fit_l2(X, y, mu).theta
    # scikit-learn minimises C * sum(loss) + w^2 / 2, i.e. mean loss + w^2 / (2 C m): mu = 1 / (C m)
    sk = sklearn.LogisticRegression(C=1 / (mu * len(y)), tol=1e-12, max_iter=10_000).fit(X, y)
    assert abs(ours[1] - sk.coef_[0, 0]) < 1e-6 and abs(ours[0] - sk.intercept_[0]) < 1e-6
    r = where_next.gaussian_prior()
    assert list(r.w) == sorted(r.w, reverse=True) and r.w[0] < r.w_mle


def test_prior_names_the_bad_argument():
    with pytest.raises(ValueError, match="mu"):
        prior_variance(-1.0, 10)
    with pytest.raises(ValueError, match="tau2"):
        neg_log_posterior([[1.0]], [1], [0.0, 0.0], 0.0)


# --- softmax regression ----------------------------------------------------------------------


def test_softmax_two_class_case_is_the_sigmoid():
    z = np.linspace(-40, 40, 81)
    two = softmax(np.column_stack([z, np.zeros_like(z)]))[:, 0]
    assert np.max(np.abs(two - lb.sigmoid(z))) < 1e-15
    assert where_next.softmax_iris().two_class_diff < 1e-15


def _fd_gradient(X, y, T, loss, h=1e-6):
    G = np.zeros_like(T)
    for idx in np.ndindex(*T.shape):
        E = np.zeros_like(T)
        E[idx] = h
        G[idx] = (loss(X, y, T + E) - loss(X, y, T - E)) / (2 * h)
    return G


def test_softmax_gradient_matches_finite_differences():
    rng = np.random.default_rng(1)
    X, y, T = rng.normal(size=(9, 2)), np.array([0, 1, 2, 2, 1, 0, 0, 1, 2]), rng.normal(size=(3, 3))
    assert np.allclose(softmax_grad(X, y, T), _fd_gradient(X, y, T, categorical_cross_entropy), atol=1e-8)


def test_gradient_check_catches_a_missing_one_over_m():
    """Planted defect: X_b^T (P - Y) without 1/m."""
    rng = np.random.default_rng(1)
    X, y, T = rng.normal(size=(9, 2)), np.array([0, 1, 2, 2, 1, 0, 0, 1, 2]), rng.normal(size=(3, 3))
    assert not np.allclose(9 * softmax_grad(X, y, T), _fd_gradient(X, y, T, categorical_cross_entropy), atol=1e-8)


def test_softmax_fit_on_iris_matches_scikit_learn():
    sklearn = pytest.importorskip("sklearn.linear_model")
    ds = lb.datasets.iris()
    X = ds.X[:, 2:4]
    X = (X - X.mean(0)) / X.std(0)
    mu = where_next.softmax_iris().mu
    ours = fit_softmax(X, ds.y, K=3, mu=mu, lr=1.0, steps=3000)
    sk = sklearn.LogisticRegression(C=1 / (mu * len(ds.y)), tol=1e-12, max_iter=10_000).fit(X, ds.y)
    # both penalise every class's weights, so the weights are identified; the biases only up to a shift
    assert np.allclose(ours.Theta[1:], sk.coef_.T, atol=1e-6)
    assert np.allclose(ours.Theta[0] - ours.Theta[0].mean(), sk.intercept_ - sk.intercept_.mean(), atol=1e-6)
    assert ours.accuracy == pytest.approx(sk.score(X, ds.y))


def test_softmax_names_the_bad_argument():
    with pytest.raises(ValueError, match="y must hold integer labels"):
        one_hot([0, 1, 3], 3)
    with pytest.raises(ValueError, match="Theta"):
        softmax_grad([[1.0]], [0], [[0.0, 0.0, 0.0]])
    with pytest.raises(ValueError, match="Z"):
        softmax(np.zeros((2, 2, 2)))


# --- hard threshold --------------------------------------------------------------------------


def test_hard_threshold_has_no_gradient_while_bce_has_one():
    r = where_next.hard_threshold()
    assert r.error_grad == (0.0, 0.0)
    assert 0 < r.error_rate < 0.5
    assert min(abs(g) for g in r.bce_grad) > 0.01
