"""Root pytest configuration.

docs/notebooks/*.py are jupytext notebooks executed by the build (hooks/page_notebooks.py),
not modules: --doctest-modules must not import them (they change NumPy's print options).
"""

collect_ignore_glob = [
    "docs/notebooks/*.py",
    "docs/notebooks/*.ipynb",
    "lossbook/datasets/_make_csv.py",
    "benchmarks/*",
]
