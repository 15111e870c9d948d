"""Root pytest configuration.

docs/notebooks/*.py are jupytext notebooks executed by the build (bookbuild/prerender/notebooks.py),
not modules: --doctest-modules must not import them (they change NumPy's print options).

No test is timed (speed belongs in benchmarks/): Hypothesis's per-example deadline is off for
every property test, so a loaded machine cannot fail one.
"""

from hypothesis import settings

settings.register_profile("lossbook", deadline=None)
settings.load_profile("lossbook")

collect_ignore_glob = [
    "docs/notebooks/*.py",
    "docs/notebooks/*.ipynb",
    "lossbook/datasets/_make_csv.py",
    "benchmarks/*",
]
