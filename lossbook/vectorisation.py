r"""Loop or vectorised: the same BCE gradient, two ways, timed (chapter: SGD, vectorised).

The gradient of the mean binary cross-entropy over :math:`m` samples,

.. math:: \nabla_\theta J = \frac1m \sum_{i=1}^m x_b^{(i)}\,(\hat y_i - y_i)
          = \frac1m X_b^\top(\hat{\mathbf y} - \mathbf y),

computed by a Python loop over the samples (the left-hand side, as the lesson's
pseudo-code) and by one matrix product (the right-hand side). :func:`time_bce_gradient`
times both on the same seeded random data; the page and ``benchmarks/bench_vectorised.py``
both call it, so the measurement is written once. Times depend on the machine: quote
them with the machine that measured them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ._kernels import sigmoid, sigmoid_scalar
from ._validation import check_count, check_design_matrix, check_labels, check_same_length, check_theta

__all__ = ["GradientTiming", "loop_bce_gradient", "time_bce_gradient", "vectorised_bce_gradient"]


def _inputs(X: Any, y: Any, theta: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    X_arr = check_design_matrix("X", X)
    y_arr = check_labels("y", y)
    check_same_length("X", X_arr, "y", y_arr)
    return X_arr, y_arr, check_theta("theta", theta, X_arr.shape[1])


def _loop(X: np.ndarray, y: np.ndarray, theta: np.ndarray) -> np.ndarray:
    """Sample by sample: z = b + w . x, y_hat = sigma(z), add (1, x)(y_hat - y)."""
    m, n = X.shape
    grad = np.zeros(n + 1)
    for i in range(m):
        x = X[i]
        z = theta[0] + float(np.dot(theta[1:], x))
        y_hat = sigmoid_scalar(z)
        error = y_hat - y[i]
        grad[0] += error
        grad[1:] += error * x
    return grad / m


def bce_gradient(X: np.ndarray, y: np.ndarray, theta: np.ndarray) -> np.ndarray:
    r"""All samples at once, on checked arrays (no validation):
    :math:`\frac1m X_b^\top(\sigma(X_b\theta) - y)`, without building :math:`X_b`.

    The kernel of :func:`vectorised_bce_gradient`, for callers that run it many times on
    arrays they have already checked (:func:`lossbook.convergence.newton_vs_gd`).

    >>> bce_gradient(np.array([[1.4]]), np.array([0.0]), np.array([0.1, -0.1])).round(4)
    array([0.49 , 0.686])
    """
    z = theta[0] + X @ theta[1:]
    error = sigmoid(z) - y
    return np.concatenate([[error.sum()], error @ X]) / X.shape[0]


def loop_bce_gradient(X: Any, y: Any, theta: Any) -> np.ndarray:
    r"""Gradient of the mean BCE by a Python loop over the samples.

    .. math:: \nabla_\theta J = \frac1m \sum_{i=1}^m x_b^{(i)}\,(\hat y_i - y_i),
              \qquad \hat y_i = \sigma\big(b + w^\top x^{(i)}\big)

    >>> loop_bce_gradient([[1.4], [1.5], [3.0], [4.1]], [0, 0, 1, 1], [0.1, -0.1]).round(4)
    array([-0.0373, -0.6494])
    """
    return _loop(*_inputs(X, y, theta))


def vectorised_bce_gradient(X: Any, y: Any, theta: Any) -> np.ndarray:
    r"""Gradient of the mean BCE as one matrix product.

    .. math:: \nabla_\theta J = \frac1m X_b^\top\big(\sigma(X_b\theta) - \mathbf y\big)

    >>> X, y, theta = [[1.4], [1.5], [3.0], [4.1]], [0, 0, 1, 1], [0.1, -0.1]
    >>> bool(np.allclose(vectorised_bce_gradient(X, y, theta), loop_bce_gradient(X, y, theta)))
    True
    """
    return bce_gradient(*_inputs(X, y, theta))


def _best(func: Callable[[], np.ndarray], repeats: int) -> tuple[float, np.ndarray]:
    """Fastest of ``repeats`` runs (seconds), and the last result."""
    best, out = math.inf, None
    for _ in range(repeats):
        start = time.perf_counter()
        out = func()
        best = min(best, time.perf_counter() - start)
    return best, out


@dataclass(frozen=True)
class GradientTiming:
    """Best-of-``repeats`` wall-clock times of the two gradients on ``m x n`` data.

    ``speedup`` = ``loop_seconds / vectorised_seconds``; ``max_abs_diff`` = the largest
    absolute difference between the two gradients (rounding only).
    """

    m: int
    n: int
    repeats: int
    vectorised_repeats: int
    loop_seconds: float
    vectorised_seconds: float
    speedup: float
    max_abs_diff: float


def time_bce_gradient(
    m: int = 10_000, n: int = 2, *, repeats: int = 3, vectorised_repeats: int = 30, seed: int = 0
) -> GradientTiming:
    r"""Time the BCE gradient by a Python loop and vectorised, on the same seeded data.

    Data: :math:`X \sim \mathcal N(0, 1)^{m \times n}`, labels 0/1 with probability 1/2,
    :math:`\theta \sim \mathcal N(0, 1)^{n + 1}` (``numpy.random.default_rng(seed)``).
    Each way is run ``repeats`` / ``vectorised_repeats`` times and the fastest
    ``time.perf_counter`` interval kept (the least disturbed by the rest of the machine).
    Cost: about ``repeats`` loop runs, some 3-10 µs per sample each.

    >>> t = time_bce_gradient(m=500, repeats=1, vectorised_repeats=2)
    >>> t.m, t.n, t.max_abs_diff < 1e-12, t.loop_seconds > 0, t.speedup > 0
    (500, 2, True, True, True)
    >>> time_bce_gradient(m=0)
    Traceback (most recent call last):
    ...
    ValueError: m must be >= 1; got 0
    """
    m, n = check_count("m", m, minimum=1), check_count("n", n, minimum=1)
    repeats = check_count("repeats", repeats, minimum=1)
    vectorised_repeats = check_count("vectorised_repeats", vectorised_repeats, minimum=1)
    seed = check_count("seed", seed)
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((m, n))
    y = (rng.random(m) < 0.5).astype(np.float64)
    theta = rng.standard_normal(n + 1)
    loop_seconds, g_loop = _best(lambda: _loop(X, y, theta), repeats)
    vec_seconds, g_vec = _best(lambda: bce_gradient(X, y, theta), vectorised_repeats)
    # perf_counter resolves well below a microsecond; the floor only guards a zero interval
    loop_seconds, vec_seconds = max(loop_seconds, 1e-9), max(vec_seconds, 1e-9)
    return GradientTiming(
        m,
        n,
        repeats,
        vectorised_repeats,
        loop_seconds,
        vec_seconds,
        loop_seconds / vec_seconds,
        float(np.max(np.abs(g_loop - g_vec))),
    )
