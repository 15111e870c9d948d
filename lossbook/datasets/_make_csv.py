"""Write ``iris.csv`` and ``breast_cancer.csv`` from scikit-learn's bundled copies.

Run once, by hand, from the repository root (scikit-learn is a *test* dependency of
lossbook, never a runtime one)::

    .venv/bin/python -m lossbook.datasets._make_csv

Every number is written with Python's ``repr`` (the shortest text that reads back as
the same float64), so ``np.loadtxt`` returns arrays bit-for-bit equal to
``sklearn.datasets.load_*().data``; ``tests/test_datasets.py`` checks exactly that, and
that this script reproduces the committed files byte for byte.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

#: Column names of iris.csv (scikit-learn's feature names, spaces -> underscores, no unit).
IRIS_COLUMNS = ("sepal_length", "sepal_width", "petal_length", "petal_width", "species")


def _number(value: float) -> str:
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text  # 1001.0 -> 1001, as in sklearn's file


def iris_csv_text() -> str:
    """iris.csv: the four measurements in cm and the species code (0 setosa, 1 versicolor,
    2 virginica), in scikit-learn's row order."""
    from sklearn.datasets import load_iris

    bunch = load_iris()
    lines = [",".join(IRIS_COLUMNS)]
    for row, target in zip(bunch.data, bunch.target, strict=True):
        lines.append(",".join([*(_number(v) for v in row), str(int(target))]))
    return "\n".join(lines) + "\n"


def breast_cancer_csv_text() -> str:
    """breast_cancer.csv: the 30 features under scikit-learn's names, then ``malignant``
    (1 = malignant, 0 = benign). scikit-learn's own target is the other way round
    (0 = malignant, 1 = benign); the lesson wants the event of interest to be 1."""
    from sklearn.datasets import load_breast_cancer

    bunch = load_breast_cancer()
    assert list(bunch.target_names) == ["malignant", "benign"], bunch.target_names
    lines = [",".join([*bunch.feature_names, "malignant"])]
    for row, target in zip(bunch.data, bunch.target, strict=True):
        lines.append(",".join([*(_number(v) for v in row), str(1 - int(target))]))
    return "\n".join(lines) + "\n"


def main() -> None:
    for name, text in (("iris.csv", iris_csv_text()), ("breast_cancer.csv", breast_cancer_csv_text())):
        (HERE / name).write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {HERE / name} ({len(text.splitlines()) - 1} rows)")


if __name__ == "__main__":
    main()
