"""lossbook.datasets: the lesson's tables, and the vendored CSVs against scikit-learn's copies."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest

from lossbook import datasets
from lossbook.datasets import _make_csv

HERE = Path(datasets.__file__).resolve().parent

ALL = {
    "house_prices_v1": lambda: datasets.house_prices(1),
    "house_prices_v2": lambda: datasets.house_prices(2),
    "petal_lengths": datasets.petal_lengths,
    "petal_lengths_flipped": lambda: datasets.petal_lengths(flipped=True),
    "petal_sgd": datasets.petal_sgd,
    "petal_two_features": datasets.petal_two_features,
    "output_table": datasets.output_table,
    "iris": datasets.iris,
    "iris_setosa_versicolor": lambda: datasets.iris_binary("setosa-versicolor"),
    "iris_versicolor_virginica": lambda: datasets.iris_binary("versicolor-virginica"),
    "breast_cancer": datasets.breast_cancer,
    "tumour_sizes": datasets.tumour_sizes,
}


# --- every data set: shapes, dtypes, names, immutability ------------------------------------


@pytest.mark.parametrize("name", ALL)
def test_shapes_dtypes_and_names(name):
    ds = ALL[name]()
    assert isinstance(ds, datasets.Dataset)
    assert ds.X.ndim == 2 and ds.y.ndim == 1 and ds.X.shape[0] == ds.y.shape[0] == ds.m
    assert ds.X.dtype == np.float64
    assert ds.y.dtype == (np.int64 if name == "iris" else np.float64)
    assert len(ds.feature_names) == ds.n_features == ds.X.shape[1]
    assert np.all(np.isfinite(ds.X))
    assert ds.source


@pytest.mark.parametrize("name", ALL)
def test_arrays_are_read_only(name):
    ds = ALL[name]()
    with pytest.raises(ValueError):
        ds.X[0, 0] = 99.0
    with pytest.raises(ValueError):
        ds.y[0] = 99
    # and a read-only cache cannot leak a modification into the next call
    assert ALL[name]().X[0, 0] != 99.0


@pytest.mark.parametrize("name", [n for n in ALL if n not in ("iris", "house_prices_v1", "house_prices_v2")])
def test_binary_labels(name):
    ds = ALL[name]()
    assert set(np.unique(ds.y)) <= {0.0, 1.0}
    assert len(ds.target_names) == 2


# --- the lesson's tables, value by value ------------------------------------------------------


def test_house_prices_two_versions():
    v1, v2 = datasets.house_prices(1), datasets.house_prices(2)
    np.testing.assert_array_equal(v1.x, [6.7, 4.6, 3.5, 5.5])
    np.testing.assert_array_equal(v2.x, v1.x)
    np.testing.assert_array_equal(v1.y, [8.1, 5.6, 4.3, 6.7])
    np.testing.assert_array_equal(v2.y, [9.1, 5.9, 4.6, 6.7])
    assert datasets.house_prices().name == "house_prices_v2"  # the worked tables' version
    with pytest.raises(ValueError, match="version must be 1"):
        datasets.house_prices(0)


def test_petal_tables():
    six = datasets.petal_lengths()
    np.testing.assert_array_equal(six.x, [1.4, 1.0, 1.5, 3.0, 3.8, 4.1])
    np.testing.assert_array_equal(six.y, [0, 0, 0, 1, 1, 1])
    np.testing.assert_array_equal(datasets.petal_lengths(flipped=True).y, 1 - six.y)
    four = datasets.petal_sgd()
    np.testing.assert_array_equal(four.x, [1.4, 1.5, 3.0, 4.1])
    np.testing.assert_array_equal(four.y, [0, 0, 1, 1])
    two = datasets.petal_two_features()
    np.testing.assert_array_equal(two.X, [[1.4, 0.2], [1.5, 0.2], [3.0, 1.1], [4.1, 1.3]])
    np.testing.assert_array_equal(two.X[:, 0], four.x)  # same flowers, one more column
    np.testing.assert_array_equal(two.y, four.y)
    out = datasets.output_table()
    np.testing.assert_array_equal(out.x, [0.3, 0.8, 0.7, 0.4, 0.6, 0.8, 0.9, 0.2])
    np.testing.assert_array_equal(out.y, [0, 0, 0, 0, 1, 1, 1, 1])


def test_x_needs_a_single_feature():
    with pytest.raises(ValueError, match="has 2 features"):
        _ = datasets.petal_two_features().x


# --- the CSV files against scikit-learn (the oracle; a test-only dependency) ----------------


@pytest.fixture(scope="module")
def sklearn_datasets():
    return pytest.importorskip("sklearn.datasets")


def test_iris_csv_matches_sklearn_exactly(sklearn_datasets):
    ref = sklearn_datasets.load_iris()
    ds = datasets.iris()
    assert np.array_equal(ds.X, ref.data)  # bit for bit, not approximately
    assert np.array_equal(ds.y, ref.target)
    assert datasets.IRIS_SPECIES == tuple(ref.target_names)
    assert ds.feature_names == tuple(n.replace(" (cm)", "").replace(" ", "_") for n in ref.feature_names)


def test_breast_cancer_csv_matches_sklearn_exactly(sklearn_datasets):
    ref = sklearn_datasets.load_breast_cancer()
    ds = datasets.breast_cancer()
    assert np.array_equal(ds.X, ref.data)
    assert ds.feature_names == tuple(ref.feature_names)
    assert list(ref.target_names) == ["malignant", "benign"]  # sklearn: 0 = malignant
    assert np.array_equal(ds.y, 1 - ref.target)  # lossbook: 1 = malignant
    assert int(ds.y.sum()) == 212 and ds.m - int(ds.y.sum()) == 357


def test_generator_reproduces_the_committed_files_byte_for_byte(sklearn_datasets):
    assert (HERE / "iris.csv").read_text(encoding="utf-8") == _make_csv.iris_csv_text()
    assert (HERE / "breast_cancer.csv").read_text(encoding="utf-8") == _make_csv.breast_cancer_csv_text()


def test_tumour_sizes_is_mean_radius(sklearn_datasets):
    ref = sklearn_datasets.load_breast_cancer()
    ds = datasets.tumour_sizes()
    assert ds.feature_names == ("mean radius",)
    np.testing.assert_array_equal(ds.x, ref.data[:, list(ref.feature_names).index("mean radius")])
    # malignant tumours are larger on average: the notes' premise holds on the real data
    assert ds.x[ds.y == 1].mean() > ds.x[ds.y == 0].mean()


def test_iris_binary_pairs(sklearn_datasets):
    ref = sklearn_datasets.load_iris()
    sv = datasets.iris_binary("setosa-versicolor")
    keep = ref.target < 2
    np.testing.assert_array_equal(sv.X, ref.data[keep][:, [2, 3]])
    np.testing.assert_array_equal(sv.y, ref.target[keep])
    vv = datasets.iris_binary("versicolor-virginica", features=("petal_length",))
    keep = ref.target > 0
    np.testing.assert_array_equal(vv.x, ref.data[keep][:, 2])
    np.testing.assert_array_equal(vv.y, ref.target[keep] - 1)
    assert vv.target_names == ("versicolor", "virginica")


def test_setosa_versicolor_is_separable_versicolor_virginica_is_not():
    sv = datasets.iris_binary("setosa-versicolor", features=("petal_length",))
    assert sv.x[sv.y == 0].max() < sv.x[sv.y == 1].min()
    vv = datasets.iris_binary("versicolor-virginica")
    # no threshold on either petal column separates them
    for j in range(2):
        assert vv.X[vv.y == 0, j].max() >= vv.X[vv.y == 1, j].min()


@pytest.mark.parametrize("pair", ["setosa", "setosa-setosa", "rose-virginica", ""])
def test_iris_binary_rejects_bad_pairs(pair):
    with pytest.raises(ValueError, match="pair must be two different species"):
        datasets.iris_binary(pair)


def test_iris_binary_rejects_bad_features():
    with pytest.raises(ValueError, match="features must be names"):
        datasets.iris_binary(features=("petal_area",))


# --- runtime uses NumPy only ------------------------------------------------------------------


def test_runtime_module_does_not_import_sklearn():
    tree = ast.parse((HERE / "__init__.py").read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    }
    imported |= {
        node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    }
    assert "sklearn" not in imported and "pandas" not in imported


def test_readme_states_provenance_and_licence():
    text = (HERE / "README.md").read_text(encoding="utf-8")
    for needle in (
        "Fisher",
        "1936",
        "Street",
        "Wolberg",
        "Mangasarian",
        "1993",
        "CC BY 4.0",
        "python -m lossbook.datasets._make_csv",
        "1 - target",
    ):
        assert needle in text, needle
