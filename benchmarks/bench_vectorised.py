"""Why the lesson's "vectorised" form: a per-sample Python loop against one matrix product.

The gradient of the mean BCE on 10,000 samples x 2 features, two ways, same numbers:

* loop (the lesson's "traditional" form): for each sample, z = b + w . x,
  y_hat = sigma(z), add x (y_hat - y) to the running sum;
* vectorised: ``X_b.T @ (sigmoid(X_b @ theta) - y) / m``.

The measurement is :func:`lossbook.time_bce_gradient`, the very function chapter 10 calls
when the site is built; this script only chooses the sizes and prints.

    .venv/bin/python benchmarks/bench_vectorised.py [--rows 10000] [--features 2]
"""

from __future__ import annotations

import argparse

import lossbook as lb


def measure_speedup(rows: int = 10_000, features: int = 2, repeats: int = 5, seed: int = 0) -> float:
    """Loop time / vectorised time for the BCE gradient on ``rows x features`` data.

    Machine-dependent (a few hundred on a 2-core 2020s server); quote it with the machine.
    """
    return lb.time_bce_gradient(rows, features, repeats=repeats, vectorised_repeats=max(repeats, 50), seed=seed).speedup


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--features", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    r = lb.time_bce_gradient(args.rows, args.features, repeats=args.repeats, vectorised_repeats=max(args.repeats, 50))
    print(f"BCE gradient on {r.m:,} x {r.n} (best of {r.repeats} / {r.vectorised_repeats})")
    print(f"  per-sample Python loop : {r.loop_seconds * 1e3:9.3f} ms")
    print(f"  vectorised NumPy       : {r.vectorised_seconds * 1e3:9.3f} ms")
    print(f"  speed-up               : {r.speedup:9.0f} x")
    print(f"  max |difference|       : {r.max_abs_diff:9.1e}")


if __name__ == "__main__":
    main()
