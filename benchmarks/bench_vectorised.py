"""Why the lesson's "vectorised" form: a per-sample Python loop against one matrix product.

The gradient of the mean BCE on 10,000 samples x 2 features, two ways, same numbers:

* loop (the lesson's "traditional" form): for each sample, z = b + w . x,
  y_hat = sigma(z), add x (y_hat - y) to the running sum;
* vectorised: ``X_b.T @ (sigmoid(X_b @ theta) - y) / m``.

:func:`measure_speedup` returns loop time / vectorised time, for the site to quote.

    .venv/bin/python benchmarks/bench_vectorised.py [--rows 10000] [--features 2]
"""
from __future__ import annotations

import argparse
import math
import time

import numpy as np


def loop_gradient(X: np.ndarray, y: np.ndarray, theta: np.ndarray) -> np.ndarray:
    """Sample by sample, in plain Python over NumPy rows, as the lesson's pseudo-code."""
    m, n = X.shape
    grad = np.zeros(n + 1)
    for i in range(m):
        x = X[i]
        z = theta[0] + float(np.dot(theta[1:], x))
        y_hat = 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
        error = y_hat - y[i]
        grad[0] += error
        grad[1:] += error * x
    return grad / m


def vectorised_gradient(X: np.ndarray, y: np.ndarray, theta: np.ndarray) -> np.ndarray:
    z = theta[0] + X @ theta[1:]
    e = np.exp(-np.abs(z))
    y_hat = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    error = y_hat - y
    return np.concatenate([[error.sum()], error @ X]) / X.shape[0]


def _best(func, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def measure(rows: int = 10_000, features: int = 2, repeats: int = 5, seed: int = 0) -> dict[str, float]:
    """Best-of-``repeats`` seconds of each gradient, and their ratio ``speedup``."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((rows, features))
    y = (rng.random(rows) < 0.5).astype(np.float64)
    theta = rng.normal(size=features + 1)
    np.testing.assert_allclose(loop_gradient(X, y, theta), vectorised_gradient(X, y, theta), rtol=1e-10, atol=1e-14)
    loop = _best(lambda: loop_gradient(X, y, theta), repeats)
    vectorised = _best(lambda: vectorised_gradient(X, y, theta), max(repeats, 50))
    return {"loop": loop, "vectorised": vectorised, "speedup": loop / vectorised}


def measure_speedup(rows: int = 10_000, features: int = 2, repeats: int = 5, seed: int = 0) -> float:
    """Loop time / vectorised time for the BCE gradient on ``rows x features`` data.

    Machine-dependent (a few hundred on a 2-core 2020s server); quote it with the machine.

    >>> measure_speedup(rows=2_000, repeats=2) > 10
    True
    """
    return measure(rows, features, repeats, seed)["speedup"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--features", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    r = measure(args.rows, args.features, args.repeats)
    print(f"BCE gradient on {args.rows:,} x {args.features} (best of {args.repeats} / 50)")
    print(f"  per-sample Python loop : {r['loop'] * 1e3:9.3f} ms")
    print(f"  vectorised NumPy       : {r['vectorised'] * 1e3:9.3f} ms")
    print(f"  speed-up               : {r['speedup']:9.0f} x")


if __name__ == "__main__":
    main()
