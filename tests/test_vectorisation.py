"""Loop and vectorised BCE gradients: the same numbers; the timing record is well formed.
No assertion on speed: timings depend on the machine and its load (benchmarks/ measures)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

import lossbook as lb
from lossbook.vectorisation import GradientTiming, loop_bce_gradient, time_bce_gradient, vectorised_bce_gradient


def test_loop_and_vectorised_gradients_agree_with_bce_grad():
    rng = np.random.default_rng(3)
    X = rng.standard_normal((300, 3)) * 4  # large |z|: both branches of the stable sigmoid
    y = (rng.random(300) < 0.5).astype(float)
    theta = rng.standard_normal(4) * 3
    loop, vec = loop_bce_gradient(X, y, theta), vectorised_bce_gradient(X, y, theta)
    np.testing.assert_allclose(loop, vec, rtol=0, atol=1e-12)
    np.testing.assert_allclose(vec, lb.bce_grad(X, y, theta), rtol=0, atol=1e-12)


def test_lesson_flowers():
    X, y, theta = [[1.4], [1.5], [3.0], [4.1]], [0, 0, 1, 1], [0.1, -0.1]
    np.testing.assert_allclose(loop_bce_gradient(X, y, theta), lb.bce_grad(X, y, theta), atol=1e-15)


def test_timing_fields():
    t = time_bce_gradient(m=1_000, n=2, repeats=2, vectorised_repeats=3, seed=1)
    assert isinstance(t, GradientTiming) and (t.m, t.n, t.repeats, t.vectorised_repeats) == (1_000, 2, 2, 3)
    assert t.loop_seconds > 0 and t.vectorised_seconds > 0 and t.speedup > 0
    assert t.speedup == pytest.approx(t.loop_seconds / t.vectorised_seconds)
    assert 0 <= t.max_abs_diff < 1e-12
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.speedup = 1.0  # type: ignore[misc]


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"m": 0}, ValueError),
        ({"n": 0}, ValueError),
        ({"repeats": 0}, ValueError),
        ({"vectorised_repeats": -1}, ValueError),
        ({"seed": -1}, ValueError),
        ({"m": 10.5}, TypeError),
        ({"repeats": True}, TypeError),
        ({"n": "2"}, TypeError),
    ],
)
def test_bad_arguments(kwargs, error):
    with pytest.raises(error):
        time_bce_gradient(**kwargs)


@pytest.mark.parametrize(
    "args",
    [
        ([[1.0], [2.0]], [0, 2], [0.0, 0.0]),  # label not 0/1
        ([[1.0], [2.0]], [0, 1, 1], [0.0, 0.0]),  # lengths differ
        ([[1.0], [2.0]], [0, 1], [0.0, 0.0, 0.0]),  # theta of the wrong size
        ([1.0, 2.0], [0, 1], [0.0, 0.0]),  # X not 2-D
        ([[1.0], [np.nan]], [0, 1], [0.0, 0.0]),  # not finite
    ],
)
def test_bad_data(args):
    for f in (loop_bce_gradient, vectorised_bce_gradient):
        with pytest.raises(ValueError):
            f(*args)
