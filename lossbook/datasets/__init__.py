"""The lesson's data: the small tables of the slides and notes, and two real data sets
(chapters: linear regression, sigmoid, SGD, BCE, the notes' tumour example).

Every function returns a :class:`Dataset`: ``X`` of shape ``(m, n)`` (features, no bias
column, the convention of :mod:`lossbook.losses`), ``y`` of shape ``(m,)``, the names of
the columns and where the numbers come from. Arrays are float64 and read-only (copy them
to modify). ``ds.x`` is the single feature as a 1-D array when there is one.

The real data sets are vendored as CSV files next to this module and read with NumPy
only; ``README.md`` in this folder gives their provenance, licence and how the files were
generated from scikit-learn's bundled copies.

>>> ds = petal_lengths()
>>> ds.x, ds.y
(array([1.4, 1. , 1.5, 3. , 3.8, 4.1]), array([0., 0., 0., 1., 1., 1.]))
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from .._validation import read_only

__all__ = [
    "Dataset",
    "house_prices",
    "petal_lengths",
    "petal_sgd",
    "petal_two_features",
    "output_table",
    "iris",
    "iris_binary",
    "breast_cancer",
    "tumour_sizes",
    "IRIS_FEATURES",
    "IRIS_SPECIES",
]

#: Columns of ``iris.csv`` before the species code, in cm.
IRIS_FEATURES: tuple[str, ...] = ("sepal_length", "sepal_width", "petal_length", "petal_width")
#: Species codes of ``iris.csv``: index = code (scikit-learn's order).
IRIS_SPECIES: tuple[str, ...] = ("setosa", "versicolor", "virginica")


@dataclass(frozen=True)
class Dataset:
    """A small table: features ``X`` (m, n), target ``y`` (m,), and what they mean.

    Attributes
    ----------
    name : str
        Short identifier, e.g. ``"petal_lengths"``.
    X : numpy.ndarray, shape (m, n)
        Features, float64, read-only, without the bias column.
    y : numpy.ndarray, shape (m,)
        Target: float64 labels 0/1 for binary tasks, float64 prices for the house data,
        int64 species codes for :func:`iris`.
    feature_names : tuple of str
        One name per column of ``X``.
    target_name : str
        What ``y`` is.
    target_names : tuple of str
        Meaning of each label value (index = label); empty for a real-valued target.
    source : str
        Where the numbers come from.
    """

    name: str
    X: np.ndarray
    y: np.ndarray
    feature_names: tuple[str, ...]
    target_name: str
    target_names: tuple[str, ...]
    source: str

    @property
    def x(self) -> np.ndarray:
        """The only feature as a 1-D array of shape (m,).

        >>> house_prices().x
        array([6.7, 4.6, 3.5, 5.5])
        >>> petal_two_features().x
        Traceback (most recent call last):
        ...
        ValueError: petal_two_features has 2 features (petal_length, petal_width); use .X, or .X[:, j] for one column
        """
        if self.X.shape[1] != 1:
            names = ", ".join(self.feature_names)
            raise ValueError(
                f"{self.name} has {self.X.shape[1]} features ({names}); use .X, or .X[:, j] for one column"
            )
        return self.X[:, 0]

    @property
    def m(self) -> int:
        """Number of samples.

        >>> breast_cancer().m
        569
        """
        return int(self.X.shape[0])

    @property
    def n_features(self) -> int:
        """Number of features (columns of ``X``).

        >>> breast_cancer().n_features
        30
        """
        return int(self.X.shape[1])


def _table(name, X, y, feature_names, target_name, target_names, source, y_dtype=np.float64) -> Dataset:
    X_arr = read_only(X)
    if X_arr.ndim == 1:
        X_arr = read_only(X_arr.reshape(-1, 1))
    return Dataset(name, X_arr, read_only(y, y_dtype), tuple(feature_names), target_name, tuple(target_names), source)


# --- the slides' small tables (002) -------------------------------------------------------

_AREA = (6.7, 4.6, 3.5, 5.5)
_PRICES = {
    1: (8.1, 5.6, 4.3, 6.7),  # the slides' first "House price data" table
    2: (9.1, 5.9, 4.6, 6.7),  # the second table, used by every worked example after it
}


def house_prices(version: int = 2) -> Dataset:
    """The slides' four houses: area → price.

    The slides show two versions of the table side by side, with the same areas:
    ``version=1`` has prices 8.1, 5.6, 4.3, 6.7 and ``version=2`` has 9.1, 5.9, 4.6, 6.7.
    The worked tables (:func:`lossbook.lesson.house_price_table`) use version 2.

    >>> house_prices().y
    array([9.1, 5.9, 4.6, 6.7])
    >>> house_prices(1).y
    array([8.1, 5.6, 4.3, 6.7])
    >>> house_prices(3)
    Traceback (most recent call last):
    ...
    ValueError: version must be 1 (prices 8.1, 5.6, 4.3, 6.7) or 2 (prices 9.1, 5.9, 4.6, 6.7); got 3
    """
    if version not in _PRICES:
        raise ValueError(
            f"version must be 1 (prices 8.1, 5.6, 4.3, 6.7) or 2 (prices 9.1, 5.9, 4.6, 6.7); got {version!r}"
        )
    return _table(
        f"house_prices_v{version}",
        _AREA,
        _PRICES[version],
        ("area",),
        "price",
        (),
        f"slides (002), 'House Price Prediction', table {version}",
    )


_PETAL_LENGTHS = (1.4, 1.0, 1.5, 3.0, 3.8, 4.1)


def petal_lengths(flipped: bool = False) -> Dataset:
    """The slides' six flowers: petal length → category (Flower A = 0, Flower B = 1).

    ``flipped=True`` gives the slides' other labelling of the same flowers (A = 1,
    B = 0), used to show that a negative weight fits it.

    >>> petal_lengths(flipped=True).y
    array([1., 1., 1., 0., 0., 0.])
    """
    labels = (1, 1, 1, 0, 0, 0) if flipped else (0, 0, 0, 1, 1, 1)
    names = ("Flower B", "Flower A") if flipped else ("Flower A", "Flower B")
    return _table(
        "petal_lengths_flipped" if flipped else "petal_lengths",
        _PETAL_LENGTHS,
        labels,
        ("petal_length",),
        "category",
        names,
        "slides (002), 'Given a new kind of data'" + (", labels flipped" if flipped else ""),
    )


def petal_sgd() -> Dataset:
    """The four flowers of the slides' one-feature SGD example (petal length → label).

    >>> ds = petal_sgd(); ds.x, ds.y
    (array([1.4, 1.5, 3. , 4.1]), array([0., 0., 1., 1.]))
    """
    return _table(
        "petal_sgd",
        (1.4, 1.5, 3.0, 4.1),
        (0, 0, 1, 1),
        ("petal_length",),
        "label",
        ("Flower A", "Flower B"),
        "slides (002), 'Example' (SGD, one feature)",
    )


def petal_two_features() -> Dataset:
    """The four flowers of the slides' two-feature SGD example (length, width → label).

    >>> petal_two_features().X
    array([[1.4, 0.2],
           [1.5, 0.2],
           [3. , 1.1],
           [4.1, 1.3]])
    """
    return _table(
        "petal_two_features",
        [(1.4, 0.2), (1.5, 0.2), (3.0, 1.1), (4.1, 1.3)],
        (0, 0, 1, 1),
        ("petal_length", "petal_width"),
        "label",
        ("Flower A", "Flower B"),
        "slides (002), 'Another Example' (SGD, two features)",
    )


def output_table() -> Dataset:
    """The slides' table of model outputs and labels (section 'Loss function').

    Here the single column is a predicted probability :math:`\\hat y`, not a feature:
    the table asks how much each output should cost for its label.

    >>> ds = output_table(); ds.x, ds.y
    (array([0.3, 0.8, 0.7, 0.4, 0.6, 0.8, 0.9, 0.2]), array([0., 0., 0., 0., 1., 1., 1., 1.]))
    """
    return _table(
        "output_table",
        (0.3, 0.8, 0.7, 0.4, 0.6, 0.8, 0.9, 0.2),
        (0, 0, 0, 0, 1, 1, 1, 1),
        ("y_prob",),
        "label",
        ("0", "1"),
        "slides (002), 'Loss function' (Output / Label)",
    )


# --- real data sets, vendored as CSV ------------------------------------------------------


@cache
def _read_csv(filename: str) -> tuple[tuple[str, ...], np.ndarray]:
    """Header and float64 values of a vendored CSV (read once, then shared read-only)."""
    text = resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
    header, _, body = text.partition("\n")
    values = np.loadtxt(body.splitlines(), delimiter=",", dtype=np.float64, ndmin=2)
    values.setflags(write=False)
    return tuple(header.split(",")), values


def iris() -> Dataset:
    """Fisher's iris data (150 flowers, 50 per species): four measurements in cm →
    species code 0 setosa, 1 versicolor, 2 virginica (``y`` is int64).

    scikit-learn's copy, which follows Fisher (1936) and R; the UCI file differs in two
    rows (see README.md).

    >>> ds = iris(); ds.X.shape, ds.feature_names[2], np.bincount(ds.y)
    ((150, 4), 'petal_length', array([50, 50, 50]))
    """
    header, values = _read_csv("iris.csv")
    return _table(
        "iris",
        values[:, :4],
        values[:, 4].astype(np.int64),
        header[:4],
        "species",
        IRIS_SPECIES,
        "Fisher (1936), via scikit-learn's bundled copy (lossbook/datasets/iris.csv)",
        y_dtype=np.int64,
    )


def iris_binary(
    pair: str = "setosa-versicolor", features: tuple[str, ...] = ("petal_length", "petal_width")
) -> Dataset:
    """Two of the three iris species as a binary task: ``y = 1`` for the second species
    of ``pair``, ``0`` for the first.

    ``"setosa-versicolor"`` is the real version of the slides' flowers A and B, and is
    linearly separable (on petal length alone: setosa ≤ 1.9 cm < 3.0 cm ≤ versicolor),
    so unregularised logistic regression has no finite minimiser on it;
    ``"versicolor-virginica"`` overlaps and has one.

    Parameters
    ----------
    pair : str
        ``"<species>-<species>"`` with two different names of :data:`IRIS_SPECIES`.
    features : tuple of str
        Columns to keep, names of :data:`IRIS_FEATURES`.

    >>> ds = iris_binary(); ds.X.shape, ds.target_names, int(ds.y.sum())
    ((100, 2), ('setosa', 'versicolor'), 50)
    >>> float(iris_binary(features=("petal_length",)).x[iris_binary().y == 0].max())
    1.9
    >>> iris_binary("setosa-rose")
    Traceback (most recent call last):
    ...
    ValueError: pair must be two different species joined by '-' among ('setosa', 'versicolor', 'virginica'), e.g. 'versicolor-virginica'; got 'setosa-rose'
    """
    first, _, second = pair.partition("-")
    if first not in IRIS_SPECIES or second not in IRIS_SPECIES or first == second:
        raise ValueError(
            f"pair must be two different species joined by '-' among {IRIS_SPECIES}, "
            f"e.g. 'versicolor-virginica'; got {pair!r}"
        )
    features = tuple(features)
    unknown = [f for f in features if f not in IRIS_FEATURES]
    if unknown or not features:
        raise ValueError(f"features must be names among {IRIS_FEATURES}; got {features!r}")
    full = iris()
    a, b = IRIS_SPECIES.index(first), IRIS_SPECIES.index(second)
    keep = (full.y == a) | (full.y == b)
    cols = [IRIS_FEATURES.index(f) for f in features]
    return _table(
        f"iris_{first}_{second}",
        full.X[keep][:, cols],
        (full.y[keep] == b).astype(np.float64),
        features,
        f"is_{second}",
        (first, second),
        full.source,
    )


def breast_cancer() -> Dataset:
    """Breast Cancer Wisconsin (Diagnostic): 569 tumours, 30 features computed from a
    digitised image of a fine-needle aspirate → ``y = 1`` malignant (212), ``0`` benign
    (357).

    Note: scikit-learn's ``load_breast_cancer().target`` is the other way round
    (0 = malignant); here the event of interest is 1, as in the notes.

    >>> ds = breast_cancer(); ds.X.shape, ds.feature_names[0], int(ds.y.sum())
    ((569, 30), 'mean radius', 212)
    """
    header, values = _read_csv("breast_cancer.csv")
    return _table(
        "breast_cancer",
        values[:, :30],
        values[:, 30],
        header[:30],
        "malignant",
        ("benign", "malignant"),
        "Street, Wolberg & Mangasarian (1993), via scikit-learn's bundled copy (lossbook/datasets/breast_cancer.csv)",
    )


def tumour_sizes() -> Dataset:
    """The notes' tumour-size example on real data: ``mean radius`` → malignant (1) or
    benign (0), from :func:`breast_cancer`.

    The radius is the mean distance from the centre of a cell nucleus to its perimeter,
    measured on the image (the data set gives no unit).

    >>> ds = tumour_sizes(); ds.x.shape, ds.feature_names, ds.target_names
    ((569,), ('mean radius',), ('benign', 'malignant'))
    """
    full = breast_cancer()
    return _table(
        "tumour_sizes", full.X[:, :1], full.y, full.feature_names[:1], "malignant", full.target_names, full.source
    )
