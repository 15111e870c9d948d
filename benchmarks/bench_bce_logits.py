"""What does a stable BCE-with-logits cost? Measured against one pass over the data.

On 1,000,000 logits: ``lossbook.bce_with_logits`` (public: checks its inputs, then the
stable ``max(z, 0) - y z + log1p(exp(-|z|))``), the same formula without the checks, the
one-call ``np.logaddexp(0, z) - y z``, and the naive ``-y log(sigma) - (1 - y) log(1 - sigma)``
(which returns inf/nan for large |z|). Each is divided by the cost of one pass over z:
``np.sum(z)`` (read only) and ``z.copy()`` (read + write). Best of ``--repeats``. At
1e6 values z and y (8 MB each) stay in a 32 MB L3 cache between repeats, so the baselines
are cache speed; the ratios say how many "passes" the transcendental functions and the
temporaries cost.

    .venv/bin/python benchmarks/bench_bce_logits.py [--size 1000000] [--repeats 20]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from lossbook.losses import bce_with_logits


def best_time(func, repeats: int) -> float:
    func()  # warm-up: page faults, caches
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def stable_unchecked(y, z):
    return float(np.mean(np.maximum(z, 0.0) - y * z + np.log1p(np.exp(-np.abs(z)))))


def stable_in_place(y, z, buf):
    """The stable formula with two preallocated buffers: no 8 MB temporaries to allocate
    and fault in, one pass per ufunc."""
    a, b = buf
    np.abs(z, out=a)
    np.negative(a, out=a)
    np.exp(a, out=a)
    np.log1p(a, out=a)
    np.maximum(z, 0.0, out=b)
    a += b
    np.multiply(y, z, out=b)
    a -= b
    return float(a.mean())


def via_logaddexp(y, z):
    return float(np.mean(np.logaddexp(0.0, z) - y * z))


def naive(y, z):
    with np.errstate(all="ignore"):
        p = 1.0 / (1.0 + np.exp(-z))
        return float(np.mean(-y * np.log(p) - (1.0 - y) * np.log(1.0 - p)))


def measure(size: int = 1_000_000, repeats: int = 20, seed: int = 0) -> dict[str, float]:
    """Seconds per call (best of ``repeats``) of each variant and of the two baselines."""
    rng = np.random.default_rng(seed)
    z = rng.normal(scale=3.0, size=size)
    y = (rng.random(size) < 0.5).astype(np.float64)
    assert abs(bce_with_logits(y, z) - stable_unchecked(y, z)) < 1e-12
    assert abs(bce_with_logits(y, z) - via_logaddexp(y, z)) < 1e-12
    buf = (np.empty(size), np.empty(size))
    assert abs(bce_with_logits(y, z) - stable_in_place(y, z, buf)) < 1e-12
    return {
        "np.sum(z)": best_time(lambda: np.sum(z), repeats),
        "z.copy()": best_time(lambda: z.copy(), repeats),
        "bce_with_logits (checked)": best_time(lambda: bce_with_logits(y, z), repeats),
        "stable formula, unchecked": best_time(lambda: stable_unchecked(y, z), repeats),
        "stable formula, in place": best_time(lambda: stable_in_place(y, z, buf), repeats),
        "logaddexp(0, z) - y z": best_time(lambda: via_logaddexp(y, z), repeats),
        "naive log(sigmoid)": best_time(lambda: naive(y, z), repeats),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    t = measure(args.size, args.repeats)
    read, copy = t["np.sum(z)"], t["z.copy()"]
    print(f"BCE with logits on {args.size:,} float64 values (best of {args.repeats})")
    print(f"  {'':28s} {'ms':>8s} {'x np.sum(z)':>12s} {'x z.copy()':>11s}")
    for name, seconds in t.items():
        print(f"  {name:28s} {seconds * 1e3:8.2f} {seconds / read:12.1f} {seconds / copy:11.1f}")
    big = np.array([-1000.0, 1000.0])
    print(
        "  naive at z = +-1000, y = (1, 0):",
        naive(np.array([1.0, 0.0]), big),
        " stable:",
        bce_with_logits(np.array([1.0, 0.0]), big),
    )


if __name__ == "__main__":
    main()
