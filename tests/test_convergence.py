"""Newton against gradient descent at the same gradient-norm tolerance (chapter 11's table)."""

from __future__ import annotations

import dataclasses
import warnings

import numpy as np
import pytest

import lossbook as lb
from lossbook.convergence import LESSON_TOLERANCES, NewtonVsGD, _breast_cancer_mean_features, newton_vs_gd
from lossbook.lesson.newton import NewtonVsGDTable

OVERLAP_X = [[1.4], [1.5], [3.0], [4.1], [2.0], [2.8]]
OVERLAP_Y = [0, 0, 1, 1, 1, 0]


@pytest.fixture(scope="module")
def table() -> NewtonVsGD:
    return lb.breast_cancer_newton_vs_gd()


def test_both_reach_every_tolerance_and_newton_needs_far_fewer(table):
    assert table.tols == LESSON_TOLERANCES
    assert all(k is not None for k in table.newton_iterations + table.gd_iterations)
    assert list(table.gd_iterations) == sorted(table.gd_iterations)
    assert all(10 * n < g for n, g in zip(table.newton_iterations, table.gd_iterations, strict=True))
    assert table.lr > 0 and table.condition > 1
    # the page says: GD still stops at a larger J, with coefficients far from Newton's
    assert all(g > n for g, n in zip(table.gd_loss, table.newton_loss, strict=True))
    assert max(table.max_coef_diff) > 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        table.lr = 1.0  # type: ignore[misc]


def test_stopping_points_really_meet_the_tolerance(table):
    X, y = _breast_cancer_mean_features()
    h = lb.newton(X, y, np.zeros(X.shape[1] + 1), tol=1e-24)
    for tol, k, loss in zip(table.tols, table.newton_iterations, table.newton_loss, strict=True):
        assert np.linalg.norm(h.grads[k]) <= tol < np.linalg.norm(h.grads[k - 1])
        assert loss == pytest.approx(lb.bce_objective(X, y, h.params[k]), rel=1e-12)
    gd = lb.full_batch_gd(X, y, np.zeros(X.shape[1] + 1), lr=table.lr, steps=table.gd_iterations[0])
    norms = np.linalg.norm(gd.grads, axis=1)
    assert norms[-1] <= table.tols[0] < norms[-2]
    assert table.gd_loss[0] == pytest.approx(gd.loss[-1], rel=1e-12)


def test_newton_optimum_agrees_with_scikit_learn():
    sk = pytest.importorskip("sklearn.linear_model")
    X, y = _breast_cancer_mean_features()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ref = sk.LogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(X, y)
    h = lb.newton(X, y, np.zeros(X.shape[1] + 1), tol=1e-24)
    np.testing.assert_allclose(h.final, np.r_[ref.intercept_, ref.coef_[0]], rtol=1e-6, atol=1e-8)


def test_on_overlapping_flowers_the_two_meet():
    r = newton_vs_gd(OVERLAP_X, OVERLAP_Y, tols=(1e-4, 1e-8))
    assert r.max_coef_diff[-1] < 1e-5 and r.gd_loss[-1] == pytest.approx(r.newton_loss[-1], abs=1e-12)


def test_gd_that_does_not_get_there_is_reported():
    r = newton_vs_gd(OVERLAP_X, OVERLAP_Y, tols=(1e-8,), max_steps=10)
    assert r.gd_iterations == (None,) and r.gd_loss == (None,) and r.max_coef_diff == (None,)
    fields = {k: getattr(r, k) for k in NewtonVsGDTable.__dataclass_fields__}
    table = NewtonVsGDTable(**fields)  # the page's table (lossbook.lesson) says so in words
    assert "not reached in 10" in table.markdown("en") and "chưa tới sau 10" in table.markdown("vi")


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"tols": (0.0,)}, ValueError),
        ({"tols": (-1e-3,)}, ValueError),
        ({"tols": ()}, ValueError),
        ({"max_steps": -1}, ValueError),
        ({"max_steps": 2.5}, TypeError),
    ],
)
def test_bad_arguments(kwargs, error):
    with pytest.raises(error):
        newton_vs_gd(OVERLAP_X, OVERLAP_Y, **kwargs)


def test_bad_data():
    with pytest.raises(ValueError):
        newton_vs_gd(OVERLAP_X, [0, 0, 1, 1, 1, 2])
    with pytest.raises(ValueError):
        newton_vs_gd(OVERLAP_X, OVERLAP_Y[:-1])
