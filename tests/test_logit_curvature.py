"""The convexity argument through the logit (chapters 7 and 9), the Brier score, the long MSE
run and the mislabelled flower: closed forms against finite differences and independent
hand computations; each check is shown to catch a planted defect."""

from __future__ import annotations

import math

import numpy as np
import pytest

import lossbook as lb
from lossbook import lesson
from lossbook.logit_curvature import (
    mse_most_negative_curvature,
    score_loss,
    score_loss_derivative,
    score_loss_hessian,
    score_loss_second_derivative,
)
from lossbook.scoring import expected_log_loss, expected_squared_error

Z = np.linspace(-8.0, 8.0, 33)


def sig(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def loss_by_hand(z: float, y: float, loss: str) -> float:
    p = sig(z)
    if loss == "bce":
        return -y * math.log(p) - (1 - y) * math.log(1 - p)
    return (p - y) ** 2


# --- L(z), L'(z), L''(z) against the textbook forms and finite differences ------------------


@pytest.mark.parametrize("loss", ["bce", "mse"])
@pytest.mark.parametrize("y", [0, 1])
def test_score_loss_is_the_loss_of_sigma_z(loss, y):
    for z in Z:
        assert score_loss(float(z), y, loss) == pytest.approx(loss_by_hand(float(z), y, loss), rel=1e-12, abs=1e-15)


def _fd_problems(first, second, h: float = 1e-4, tol: float = 1e-6) -> list[str]:
    """Where ``first``/``second`` (functions of z, y, loss) disagree with central differences of ``score_loss``."""
    out = []
    for loss in ("bce", "mse"):
        for y in (0, 1):

            def L(z, y=y, loss=loss):
                return score_loss(z, np.full_like(z, float(y)), loss)

            d1 = (L(Z + h) - L(Z - h)) / (2 * h)
            d2 = (L(Z + h) - 2 * L(Z) + L(Z - h)) / h**2
            yy = np.full_like(Z, float(y))
            if np.abs(d1 - first(Z, yy, loss)).max() > tol:
                out.append(f"L' of {loss}, y = {y}")
            if np.abs(d2 - second(Z, yy, loss)).max() > tol:
                out.append(f"L'' of {loss}, y = {y}")
    return out


def test_derivatives_match_finite_differences():
    assert _fd_problems(score_loss_derivative, score_loss_second_derivative) == []


def test_a_wrong_second_derivative_is_caught():
    # Planted defect: the MSE's L'' without the factor 2 (the slides' bracket times y_hat(1 - y_hat) only).
    def half(z, y, loss):
        v = score_loss_second_derivative(z, y, loss)
        return v / 2 if loss == "mse" else v

    assert _fd_problems(score_loss_derivative, half) == ["L'' of mse, y = 0", "L'' of mse, y = 1"]


def test_bce_curvature_is_positive_and_label_free_and_mse_changes_sign():
    b0, b1 = score_loss_second_derivative(Z, np.zeros_like(Z)), score_loss_second_derivative(Z, np.ones_like(Z))
    assert (b0 > 0).all() and np.array_equal(b0, b1)
    np.testing.assert_allclose(b0, [sig(z) * (1 - sig(z)) for z in Z], rtol=1e-12)
    m0 = score_loss_second_derivative(Z, np.zeros_like(Z), "mse")
    m1 = score_loss_second_derivative(Z, np.ones_like(Z), "mse")
    # negative exactly where y_hat > 2/3 (y = 0) or y_hat < 1/3 (y = 1): z > ln 2, z < -ln 2
    assert ((m0 < 0) == (Z > math.log(2))).all() and ((m1 < 0) == (Z < -math.log(2))).all()


def test_mse_second_derivative_is_the_chapter_7_bracket():
    """L''(z) x_i^2 is the per-parameter curvature of chapter 7 (lb.sigmoid_mse_second_derivative)."""
    for y in (0, 1):
        for z in Z:
            p = sig(float(z))
            assert score_loss_second_derivative(float(z), y, "mse") * 1.4**2 == pytest.approx(
                lb.sigmoid_mse_second_derivative(1.4, y, p), rel=1e-9, abs=1e-15
            )


def test_bce_loss_is_finite_and_exact_far_out():
    assert score_loss(1e4, 0) == 1e4 and score_loss(-1e4, 0) == 0.0
    assert score_loss(30.0, 1) == pytest.approx(math.exp(-30.0), rel=1e-12)


def test_hessian_is_rank_one_and_equals_bce_hessian():
    rng = np.random.default_rng(0)
    for _ in range(20):
        x, theta, y = rng.normal(size=3), rng.normal(size=3), int(rng.integers(2))
        x[0] = 1.0
        H = score_loss_hessian(x, theta, y)
        np.testing.assert_allclose(H, lb.bce_hessian(x[None, 1:], [y], theta), rtol=1e-12, atol=1e-15)
        assert np.linalg.matrix_rank(H, tol=1e-12) == 1 and np.linalg.eigvalsh(H).min() > -1e-15
        Hm = score_loss_hessian(x, theta, y, "mse")
        np.testing.assert_allclose(Hm, lb.sigmoid_mse_hessian(x[None, 1:], [y], theta), rtol=1e-9, atol=1e-12)


def test_most_negative_curvature_is_the_cubic_root():
    y_hat, value = mse_most_negative_curvature(1)
    assert 12 * y_hat**3 - 21 * y_hat**2 + 10 * y_hat - 1 == pytest.approx(0.0, abs=1e-12)
    g = lambda p: 2 * p * (1 - p) * (-3 * p * p + 4 * p - 1)  # noqa: E731
    grid = np.linspace(0, 1, 100001)
    assert value == pytest.approx(g(grid).min(), abs=1e-9) and value == pytest.approx(g(y_hat), rel=1e-12)
    c = lesson.mse_curvature_cubic()
    assert c.roots[-1] == pytest.approx(1.0) and c.y_hat == pytest.approx(c.roots[0], rel=1e-12)
    # the grid search of chapter 7 finds the same point
    assert lesson.sigmoid_mse_most_negative().y_hat_at_minimum == pytest.approx(y_hat, abs=1e-5)


@pytest.mark.parametrize(
    "call,message",
    [
        (lambda: score_loss(0.0, 2), r"^y must contain only the labels 0 and 1"),
        (lambda: score_loss(np.nan, 1), r"^z must be a finite number"),
        (lambda: score_loss([0.0, 1.0], [1, 0, 1]), r"^z and y must be scalars or arrays of one common shape"),
        (lambda: score_loss_second_derivative(0.0, 1, "mae"), r"^loss must be one of 'bce', 'mse'"),
        (lambda: score_loss_hessian([1.0, 2.0], [0.0], 1), r"^theta must have the length of x \(2\)"),
        (lambda: expected_squared_error(0.5, 1.5), r"^q must contain probabilities in \[0, 1\]"),
        (lambda: expected_log_loss(0.5, 0.0), r"^q must contain probabilities in \(0, 1\)"),
        (lambda: lesson.mislabelled_flower(-1), r"^index must be 0 to 5"),
    ],
)
def test_bad_input_names_the_argument(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# --- the Brier score is proper ---------------------------------------------------------------


@pytest.mark.parametrize("p", [0.05, 0.3, 0.5, 0.9])
def test_both_scores_are_minimised_at_q_equal_p(p):
    q = np.linspace(0.001, 0.999, 999)
    brier, log_loss = expected_squared_error(p, q), expected_log_loss(p, q)
    assert q[np.argmin(brier)] == pytest.approx(p, abs=1e-3) and q[np.argmin(log_loss)] == pytest.approx(p, abs=1e-3)
    np.testing.assert_allclose(brier, (q - p) ** 2 + p * (1 - p), rtol=1e-12)
    r = lesson.proper_scores()
    assert r.best_q == (r.p, r.p) and r.min_brier == pytest.approx(r.p * (1 - r.p))


def test_an_improper_score_is_caught():
    # Planted defect: the absolute error E|q - Y| is not proper; its minimiser is 0 or 1, not p.
    p, q = 0.3, np.linspace(0.0, 1.0, 101)
    absolute = p * (1 - q) + (1 - p) * q
    assert q[np.argmin(absolute)] != pytest.approx(p, abs=1e-2)


# --- the long MSE run ----------------------------------------------------------------------------


def test_long_run_iterates_are_full_batch_gd():
    """The fast loop of mse_long_run gives the iterates of lb.full_batch_gd (first 2000 steps)."""
    r = lesson.mse_long_run(steps=(1000, 2000))
    petals = lb.datasets.petal_lengths()
    h = lb.full_batch_gd(petals.X, petals.y, list(r.theta0), lr=0.5, steps=2000, loss="mse")
    for k, theta in zip(r.steps, r.theta, strict=True):
        np.testing.assert_allclose(theta, h.params[k], rtol=1e-10)
        assert r.loss[r.steps.index(k)] == pytest.approx(float(h.loss[k]), rel=1e-12)


def test_long_run_drifts_to_a_bad_valley():
    r = lesson.mse_long_run()
    assert r.steps[-1] == 300000 and r.theta0 == pytest.approx((10.312, -4.662))
    ws = [t[1] for t in r.theta]
    assert all(a > b for a, b in zip(ws, ws[1:], strict=False))  # w keeps falling
    assert all(a > b > 0.5 for a, b in zip(r.loss, r.loss[1:], strict=False)) and r.loss[-1] < 0.5 + 1e-6
    assert r.correct == (3, 3, 3, 3) and r.predicted_one == (0, 0, 0, 0)
    assert r.max_gradient[-1] < 2e-6
    # J - 0.5 is the three label-1 flowers' shortfall: sum over them of (1 - y_hat)^2 - 1, plus the rest
    b, w = r.theta[-1]
    xs, ys = (1.4, 1.0, 1.5, 3.0, 3.8, 4.1), (0, 0, 0, 1, 1, 1)
    by_hand = sum((sig(b + w * x) - y) ** 2 for x, y in zip(xs, ys, strict=True)) / 6
    assert r.loss[-1] == pytest.approx(by_hand, rel=1e-12)


# --- one mislabelled flower ------------------------------------------------------------------------


def test_mislabelled_flower_by_hand():
    r = lesson.mislabelled_flower()
    xs, ys = [1.4, 1.0, 1.5, 3.0, 3.8, 4.1], [0, 0, 0, 1, 1, 0]
    b, w = -5.156, 2.331
    for k, loss in enumerate(("bce", "mse")):
        losses = [loss_by_hand(b + w * x, y, loss) for x, y in zip(xs, ys, strict=True)]
        d = [
            (sig(b + w * x) - y) * (1 if loss == "bce" else 2 * sig(b + w * x) * (1 - sig(b + w * x)))
            for x, y in zip(xs, ys, strict=True)
        ]
        norms = [abs(v) * math.hypot(1, x) for v, x in zip(d, xs, strict=True)]
        assert r.loss[k] == pytest.approx(losses[5], rel=1e-10)
        assert r.loss_share[k] == pytest.approx(losses[5] / sum(losses), rel=1e-10)
        assert r.gradient_share[k] == pytest.approx(norms[5] / sum(norms), rel=1e-10)
    assert r.gradient_share[0] > 2 * r.gradient_share[1]  # BCE follows the wrong label, MSE barely


# --- the chapter-9 tables and the figure -------------------------------------------------------------


def test_logit_tables():
    t = lesson.logit_curvature_table()
    assert t.max_fd_error < 1e-6 and t.bce[2] == 0.25
    c = lesson.logit_hessian_check()
    assert c.max_difference < 1e-15
    e = lesson.bce_hessian_example()
    np.testing.assert_allclose(c.hessian, e.hessian, rtol=1e-13)  # both in the order (b, w)


def test_score_curvature_figure_draws_the_library_curves():
    from lossbook.figures import FIGURES

    fig = FIGURES["score_curvature"](lang="en")
    left, right = fig.axes[:2]
    curves = {line.get_label(): line for line in right.get_lines() if not line.get_label().startswith("_")}
    assert set(curves) == {"BCE, y = 0 or 1", "MSE, y = 1", "MSE, y = 0"}
    z, v = curves["MSE, y = 0"].get_data()
    np.testing.assert_allclose(v, score_loss_second_derivative(z, np.zeros_like(z), "mse"), rtol=1e-12)
    z, v = curves["BCE, y = 0 or 1"].get_data()
    assert (np.asarray(v) > 0).all()
    assert len([line for line in left.get_lines() if not line.get_label().startswith("_")]) == 4
    texts = " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))
    assert "′" not in texts or "″" in texts  # primes are Unicode characters, never mathtext glyphs
    assert "L''" not in texts and "$L'" not in texts
