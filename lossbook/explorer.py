"""Data for the loss explorer widget (chapters 7 and 8): move w and b, compare MSE and BCE.

The widget (``docs/assets/explorer.js``) draws what this module exports: the data sets,
the mean sigmoid+MSE and BCE losses on a (w, b) grid, and reference values (losses,
gradients, one SGD step and one full-batch step) that the browser tests compare with
what the widget displays. Every number comes from :mod:`lossbook.losses`.

Conventions (those of the lesson): ``z = w x + b``, ``ŷ = σ(z)``; per-sample losses
``(ŷ − y)²`` and ``−y log ŷ − (1 − y) log(1 − ŷ)``; the data-set loss is the mean;
gradients are ordered ``[∂/∂b, ∂/∂w]`` like the slides.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from . import datasets
from .activations import sigmoid
from .losses import add_bias, bce_grad, bce_with_logits, loss_landscape, mse_loss, sigmoid_mse_grad

__all__ = [
    "START",
    "LEARNING_RATE",
    "WORKED_DATASET",
    "CHECK_POINTS",
    "DATASETS",
    "load_dataset",
    "is_separable",
    "reference_values",
    "sgd_step",
    "batch_step",
    "worked_steps",
    "explorer_data",
]

#: The lesson's worked example: start at w = −0.1, b = 0.1, learning rate 0.01.
START = (-0.1, 0.1)
LEARNING_RATE = 0.01
#: Points where the browser tests compare the widget with lossbook: the start, the
#: slides' two sigmoid lines, and one more.
CHECK_POINTS = (START, (0.535, -0.654), (2.331, -5.156), (1.0, -2.0))
#: Significant digits of the exported landscapes, counted on each map's largest value
#: (they are drawn, not compared: colours resolve about 1/100 of the range).
LANDSCAPE_DIGITS = 4
#: The flower added to the six flowers to make the classes overlap: a class-0 flower
#: (y = 0) with a longer petal than the shortest class-1 petal. Made up for the widget,
#: and labelled so in its menu.
OVERLAP_POINT = (3.4, 0.0)


# --- the data sets ---------------------------------------------------------------------

def _petals() -> tuple[np.ndarray, np.ndarray]:
    ds = datasets.petal_lengths()
    return ds.x, ds.y


def _petals_overlap() -> tuple[np.ndarray, np.ndarray]:
    x, y = _petals()
    return np.append(x, OVERLAP_POINT[0]), np.append(y, OVERLAP_POINT[1])


def _sgd_petals() -> tuple[np.ndarray, np.ndarray]:
    ds = datasets.petal_sgd()
    return ds.x, ds.y


def _iris(pair: str) -> Callable[[], tuple[np.ndarray, np.ndarray]]:
    def load() -> tuple[np.ndarray, np.ndarray]:
        ds = datasets.iris_binary(pair, features=("petal_length",))
        return ds.x, ds.y

    return load


@dataclass(frozen=True)
class Dataset:
    """One data set of the widget: how to load it, its names, the window of its landscape
    and the data set the separable / overlapping toggle switches to."""

    load: Callable[[], tuple[np.ndarray, np.ndarray]]
    vi: str
    en: str
    w_range: tuple[float, float]
    b_range: tuple[float, float]
    pair: str


#: The widget's data sets, in the order of its menu. The windows contain the start and,
#: when there is one, the BCE minimum (for separable data there is none: the loss keeps
#: decreasing along a valley as w grows, the caveat of chapter 10).
DATASETS: dict[str, Dataset] = {
    "petals": Dataset(
        _petals,
        "Sáu bông hoa của bài học (tách được)",
        "The lesson's six flowers (separable)",
        (-4.0, 8.0), (-24.0, 8.0), "petals-overlap",
    ),
    "petals-overlap": Dataset(
        _petals_overlap,
        "Sáu bông hoa + một bông thêm vào, x = 3.4, y = 0 (không tách được)",
        "The six flowers + one added flower, x = 3.4, y = 0 (not separable)",
        (-4.0, 8.0), (-24.0, 8.0), "petals",
    ),
    "sgd-petals": Dataset(
        _sgd_petals,
        "Bốn bông hoa của ví dụ SGD (tách được)",
        "The four flowers of the SGD example (separable)",
        (-4.0, 8.0), (-24.0, 8.0), "petals-overlap",
    ),
    "iris-setosa-versicolor": Dataset(
        _iris("setosa-versicolor"),
        "Iris, chiều dài cánh hoa: setosa (0) và versicolor (1), tách được",
        "Iris petal length: setosa (0) vs versicolor (1), separable",
        (-4.0, 8.0), (-24.0, 8.0), "iris-versicolor-virginica",
    ),
    "iris-versicolor-virginica": Dataset(
        _iris("versicolor-virginica"),
        "Iris, chiều dài cánh hoa: versicolor (0) và virginica (1), chồng lấn",
        "Iris petal length: versicolor (0) vs virginica (1), overlapping",
        (-4.0, 14.0), (-64.0, 12.0), "iris-setosa-versicolor",
    ),
}
#: The data set of the lesson's worked steps: the slides' SGD "Example" (its first sample
#: is x = 1.4, y = 0) and the vectorised gradient of chapter 10.
WORKED_DATASET = "sgd-petals"


def load_dataset(key: str) -> tuple[np.ndarray, np.ndarray]:
    """The petal lengths ``x`` and labels ``y`` (0/1) of one of :data:`DATASETS`.

    >>> x, y = load_dataset("petals")
    >>> x.tolist(), y.tolist()
    ([1.4, 1.0, 1.5, 3.0, 3.8, 4.1], [0.0, 0.0, 0.0, 1.0, 1.0, 1.0])
    >>> float(load_dataset("petals-overlap")[0][-1]), len(load_dataset("iris-versicolor-virginica")[0])
    (3.4, 100)
    """
    x, y = DATASETS[key].load()
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float)


def is_separable(x: Any, y: Any) -> bool:
    """Whether one threshold on ``x`` separates the two classes perfectly (then the BCE
    has no minimum: it keeps decreasing as ``|w|`` grows along the right direction).

    >>> is_separable([1.4, 1.0, 3.0], [0, 0, 1]), is_separable([1.4, 3.4, 3.0], [0, 0, 1])
    (True, False)
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    zeros, ones = x[y == 0], x[y == 1]
    return bool(zeros.max() < ones.min() or ones.max() < zeros.min())


# --- reference values -------------------------------------------------------------------

def reference_values(x: Any, y: Any, w: float, b: float) -> dict[str, Any]:
    """Mean losses and gradients ``[∂/∂b, ∂/∂w]`` at (w, b), as the widget shows them.

    >>> r = reference_values([1.4], [0.0], -0.1, 0.1)
    >>> round(r["bce"], 4), [round(g, 4) for g in r["grad_bce"]]
    (0.6733, [0.49, 0.686])
    """
    X = np.asarray(x, dtype=float).reshape(-1, 1)
    y = np.asarray(y, dtype=float)
    theta = np.array([b, w], dtype=float)
    z = add_bias(X) @ theta
    return {
        "w": float(w),
        "b": float(b),
        "mse": float(mse_loss(y, sigmoid(z))),
        "bce": float(bce_with_logits(y, z)),
        "grad_mse": [float(g) for g in sigmoid_mse_grad(X, y, theta)],
        "grad_bce": [float(g) for g in bce_grad(X, y, theta)],
    }


def _gradient(loss: str, x: np.ndarray, y: np.ndarray, w: float, b: float) -> np.ndarray:
    grad = {"bce": bce_grad, "mse": sigmoid_mse_grad}[loss]
    return grad(np.asarray(x, dtype=float).reshape(-1, 1), np.asarray(y, dtype=float), [b, w])


def _step(loss: str, x: np.ndarray, y: np.ndarray, w: float, b: float, lr: float) -> dict[str, Any]:
    g = _gradient(loss, x, y, w, b)
    new_b, new_w = b - lr * g[0], w - lr * g[1]
    return {
        "loss": loss,
        "lr": float(lr),
        "start": [float(w), float(b)],
        "grad": [float(g[0]), float(g[1])],
        "b": float(new_b),
        "w": float(new_w),
    }


def sgd_step(x: Any, y: Any, w: float, b: float, lr: float = LEARNING_RATE,
             loss: str = "bce", sample: int = 0) -> dict[str, Any]:
    """One stochastic gradient step on the sample ``sample`` alone: ``θ ← θ − η ∇ℓ_i(θ)``.

    Returns the sample, its logit, prediction and loss before the step, the gradient
    ``[∂/∂b, ∂/∂w]`` and the new ``b`` and ``w``. The lesson's first step (``x = 1.4``,
    ``y = 0``, from ``w = −0.1``, ``b = 0.1`` with ``η = 0.01``):

    >>> s = sgd_step([1.4, 1.0], [0, 0], -0.1, 0.1)
    >>> round(s["z"], 4), round(s["y_hat"], 2), round(s["bce"], 4)
    (-0.04, 0.49, 0.6733)
    >>> [round(g, 4) for g in s["grad"]], round(s["b"], 4), round(s["w"], 4)
    ([0.49, 0.686], 0.0951, -0.1069)
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    xi, yi = x[sample : sample + 1], y[sample : sample + 1]
    before = reference_values(xi, yi, w, b)
    z = float(w * xi[0] + b)
    return {
        "sample": sample,
        "x": float(xi[0]),
        "y": float(yi[0]),
        "z": z,
        "y_hat": float(sigmoid(z)),
        "mse": before["mse"],
        "bce": before["bce"],
        **_step(loss, xi, yi, w, b, lr),
    }


def batch_step(x: Any, y: Any, w: float, b: float, lr: float = LEARNING_RATE,
               loss: str = "bce") -> dict[str, Any]:
    """One full-batch gradient step: ``θ ← θ − η ∇L(θ)`` with ``L`` the mean loss of all
    samples. On the four flowers of the slides' SGD example, from the start, the gradient
    is chapter 10's vectorised one, ``(1/m) X_bᵀ(ŷ − y)``:

    >>> x, y = load_dataset("sgd-petals")
    >>> s = batch_step(x, y, *START)
    >>> [round(g, 4) for g in s["grad"]], round(s["b"], 6), round(s["w"], 6)
    ([-0.0373, -0.6494], 0.100373, -0.093506)
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    before = reference_values(x, y, w, b)
    return {"mse": before["mse"], "bce": before["bce"], **_step(loss, x, y, w, b, lr)}


def worked_steps() -> dict[str, Any]:
    """The lesson's worked steps on :data:`WORKED_DATASET`, from :data:`START` with
    :data:`LEARNING_RATE`: one SGD step on the first sample (``x = 1.4``, ``y = 0``) and
    one full-batch step, with BCE (``"sgd"``, ``"batch"``) and with sigmoid + MSE
    (``"mse"``: the same two steps).

    >>> w = worked_steps()
    >>> round(w["sgd"]["b"], 4), round(w["sgd"]["w"], 4), round(w["mse"]["sgd"]["w"], 4)
    (0.0951, -0.1069, -0.1034)
    """
    x, y = load_dataset(WORKED_DATASET)
    return {
        "dataset": WORKED_DATASET,
        "sgd": sgd_step(x, y, *START),
        "batch": batch_step(x, y, *START),
        "mse": {"sgd": sgd_step(x, y, *START, loss="mse"), "batch": batch_step(x, y, *START, loss="mse")},
    }


# --- the export -------------------------------------------------------------------------

def _rounded(values: np.ndarray, digits: int = LANDSCAPE_DIGITS) -> list[list[float]]:
    """A landscape as nested lists, rounded to ``digits`` significant digits of its
    largest value (short JSON: a tiny loss becomes ``0`` or ``1e-04``, not ``1.2345e-07``).

    >>> _rounded(np.array([[12.3456789, 0.00012345]]), 4)
    [[12.35, 0.0]]
    """
    top = float(np.max(np.abs(values))) or 1.0
    decimals = max(0, digits - 1 - math.floor(math.log10(top)))
    return [[round(float(v), decimals) for v in row] for row in values]


def _check_grid(spec: Dataset) -> list[tuple[float, float]]:
    """:data:`CHECK_POINTS` and a 3 x 3 grid inside the data set's window, values with two
    decimals (what a reader types)."""
    (w0, w1), (b0, b1) = spec.w_range, spec.b_range
    grid = [(round(w0 + (w1 - w0) * f, 2), round(b0 + (b1 - b0) * g, 2))
            for f in (0.2, 0.5, 0.8) for g in (0.2, 0.5, 0.8)]
    return list(dict.fromkeys(list(CHECK_POINTS) + grid))


def explorer_data(grid_size: int = 41) -> dict[str, Any]:
    """Everything the widget draws and the browser tests compare, as JSON-ready data.

    * ``datasets``: ``{key: {x, y, label: {vi, en}, start: [w, b], separable, pair}}``,
      in the order of the widget's menu; ``pair`` is the data set its separable toggle
      switches to;
    * ``landscapes``: ``{key: {w, b, mse, bce}}``, the mean losses on a
      ``grid_size x grid_size`` grid (rows follow ``b``, columns follow ``w``), rounded
      (see :data:`LANDSCAPE_DIGITS`);
    * ``checks``: ``[{dataset, w, b, mse, bce, grad_mse, grad_bce}]``, full precision,
      at :data:`CHECK_POINTS` and a 3 x 3 grid of each data set's window;
    * ``worked``: :func:`worked_steps`.

    >>> d = explorer_data(grid_size=5)
    >>> list(d["datasets"]) == list(DATASETS), len(d["landscapes"]["petals"]["mse"])
    (True, 5)
    >>> [round(g, 4) for g in d["worked"]["sgd"]["grad"]]
    [0.49, 0.686]
    """
    if grid_size < 2:
        raise ValueError(f"grid_size must be at least 2; got {grid_size!r}")
    out: dict[str, Any] = {"datasets": {}, "landscapes": {}, "checks": [], "worked": worked_steps()}
    for key, spec in DATASETS.items():
        x, y = load_dataset(key)
        out["datasets"][key] = {
            "x": [float(v) for v in x],
            "y": [int(v) for v in y],
            "label": {"vi": spec.vi, "en": spec.en},
            "start": list(START),
            "separable": is_separable(x, y),
            "pair": spec.pair,
        }
        w_grid = np.linspace(*spec.w_range, grid_size)
        b_grid = np.linspace(*spec.b_range, grid_size)
        out["landscapes"][key] = {
            "w": [round(float(v), 6) for v in w_grid],
            "b": [round(float(v), 6) for v in b_grid],
            "mse": _rounded(loss_landscape(x, y, w_grid, b_grid, loss="mse")),
            "bce": _rounded(loss_landscape(x, y, w_grid, b_grid, loss="bce")),
        }
        for w, b in _check_grid(spec):
            out["checks"].append({"dataset": key, **reference_values(x, y, w, b)})
    return out
