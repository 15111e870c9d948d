"""Data for the loss explorer widget (chapters 7 and 8): train sigmoid+MSE and BCE side by side.

The widget (``docs/assets/explorer.js``) draws what this module exports: the data sets, the
presets (data set, start, learning rate, window of the landscapes, the story each tells),
and reference values that the browser tests compare with what the widget displays: losses
and gradients at check points, the lesson's worked steps, and for every preset a 100-step
full-batch run and one SGD epoch of both losses. The widget computes its landscapes itself
(the reader may edit the data); the tests compare them with :func:`lossbook.loss_landscape`.
Every number comes from :mod:`lossbook.losses` and :mod:`lossbook.optim`.

Conventions (those of the lesson): ``z = w x + b``, ``ŷ = σ(z)``; per-sample losses
``(ŷ − y)²`` and ``−y log ŷ − (1 − y) log(1 − ŷ)``; the data-set loss is the mean;
gradients are ordered ``[∂/∂b, ∂/∂w]`` like the slides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import datasets
from .activations import sigmoid
from .losses import add_bias, bce_grad, bce_with_logits, mse_loss, sigmoid_mse_grad
from .optim import full_batch_gd, sgd_logistic
from .optim import sgd_step as _one_sample_step

__all__ = [
    "START",
    "LEARNING_RATE",
    "WORKED_DATASET",
    "CHECK_POINTS",
    "DATASETS",
    "PRESETS",
    "REFERENCE_STEPS",
    "GRID_SIZE",
    "Preset",
    "load_dataset",
    "is_separable",
    "reference_values",
    "sgd_step",
    "batch_step",
    "worked_steps",
    "reference_run",
    "explorer_data",
]

#: The lesson's worked example: start at w = −0.1, b = 0.1, learning rate 0.01.
START = (-0.1, 0.1)
LEARNING_RATE = 0.01
#: Points where the browser tests compare the widget with lossbook: the start, the
#: slides' two sigmoid lines, and one more.
CHECK_POINTS = (START, (0.535, -0.654), (2.331, -5.156), (1.0, -2.0))
#: Points per side of the (w, b) grid on which the widget computes its landscapes.
GRID_SIZE = 41
#: The steps of a full-batch run at which the reference values are exported.
REFERENCE_STEPS = (1, 10, 100)
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
    """A data set the widget's presets may use: how to load it, its names (the caption
    of the widget's data plot) and the window of :func:`explorer_data`'s check points."""

    load: Callable[[], tuple[np.ndarray, np.ndarray]]
    vi: str
    en: str
    w_range: tuple[float, float]
    b_range: tuple[float, float]


#: The data sets of the presets (:data:`PRESETS`; only those a preset uses are exported).
#: The windows contain the lesson's start and, when there is one, the BCE minimum (for
#: separable data there is none: the loss keeps decreasing along a valley as w grows,
#: the caveat of chapter 10).
DATASETS: dict[str, Dataset] = {
    "petals": Dataset(
        _petals,
        "Sáu bông hoa của bài học (tách được)",
        "The lesson's six flowers (separable)",
        (-4.0, 8.0),
        (-24.0, 8.0),
    ),
    "petals-overlap": Dataset(
        _petals_overlap,
        "Sáu bông hoa + một bông thêm vào, x = 3.4, y = 0 (không tách được)",
        "The six flowers + one added flower, x = 3.4, y = 0 (not separable)",
        (-4.0, 8.0),
        (-24.0, 8.0),
    ),
    "sgd-petals": Dataset(
        _sgd_petals,
        "Bốn bông hoa của ví dụ SGD (tách được)",
        "The four flowers of the SGD example (separable)",
        (-4.0, 8.0),
        (-24.0, 8.0),
    ),
    "iris-setosa-versicolor": Dataset(
        _iris("setosa-versicolor"),
        "Iris, chiều dài cánh hoa: setosa (0) và versicolor (1), tách được",
        "Iris petal length: setosa (0) vs versicolor (1), separable",
        (-4.0, 8.0),
        (-24.0, 8.0),
    ),
    "iris-versicolor-virginica": Dataset(
        _iris("versicolor-virginica"),
        "Iris, chiều dài cánh hoa: versicolor (0) và virginica (1), chồng lấn",
        "Iris petal length: versicolor (0) vs virginica (1), overlapping",
        (-4.0, 14.0),
        (-64.0, 12.0),
    ),
}
#: The data set of the lesson's worked steps: the slides' SGD "Example" (its first sample
#: is x = 1.4, y = 0) and the vectorised gradient of chapter 10.
WORKED_DATASET = "sgd-petals"


@dataclass(frozen=True)
class Preset:
    """A starting situation of the widget: a data set of :data:`DATASETS`, the start
    ``(w, b)`` of both runs, the learning rate, the window ``w_range`` x ``b_range`` of
    the landscapes, and its name and story in both languages.

    Each of :data:`PRESETS` tells one part of the lesson's story, checked here with
    :func:`reference_run` (full-batch steps, η = 0.5, or 0.3 on iris):

    * ``slides``: the slides' start on the slides' four flowers: after 100 steps both runs
      put every flower on its side (boundary ``x = −b/w`` between 1.5 and 3.0), BCE's
      line the steeper:

      >>> mse, bce = reference_run("slides", "mse")["batch"], reference_run("slides", "bce")["batch"]
      >>> [round(-r["b"][-1] / r["w"][-1], 2) for r in (mse, bce)], bce["w"][-1] > mse["w"][-1]
      ([2.18, 2.2], True)

    * ``wrong``: the six flowers from a confidently wrong line (the slides' fitted line
      turned around and tripled, rounded: every flower on the wrong side). The MSE gradient
      is tiny there, so sigmoid+MSE stalls on its plateau while BCE escapes:

      >>> mse, bce = reference_run("wrong", "mse"), reference_run("wrong", "bce")
      >>> mse["batch"]["steps"], [round(v, 4) for v in mse["batch"]["mse"]]
      ([1, 10, 100], [0.9952, 0.9952, 0.9946])
      >>> max(abs(g) for g in mse["batch"]["grad"][-1]) < 0.01     # after 100 steps: flat
      True
      >>> round(bce["start"]["bce"], 2), round(bce["batch"]["bce"][-1], 2)  # BCE: 8.17 -> 0.89
      (8.17, 0.89)

    * ``separable``: the six flowers from the slides' fitted line: the data are separable,
      the BCE has no minimum and gradient descent only makes ``w`` grow:

      >>> r = reference_run("separable", "bce")
      >>> r["start"]["w"] < r["batch"]["w"][0] < r["batch"]["w"][1] < r["batch"]["w"][2]
      True

    * ``iris``: versicolor against virginica by petal length (100 flowers, overlapping):
      both losses fall at every step shown, BCE faster (a larger share of its start value):

      >>> mse, bce = reference_run("iris", "mse"), reference_run("iris", "bce")
      >>> falls = [[r["start"][k]] + r["batch"][k] for r, k in ((mse, "mse"), (bce, "bce"))]
      >>> all(a > b for f in falls for a, b in zip(f, f[1:]))
      True
      >>> [round(1 - f[-1] / f[0], 2) for f in falls]     # share lost in 100 steps
      [0.12, 0.15]
    """

    dataset: str
    start: tuple[float, float]
    lr: float
    w_range: tuple[float, float]
    b_range: tuple[float, float]
    vi: str
    en: str
    story_vi: str
    story_en: str


#: The widget's presets, in the order of its menu (their stories: :class:`Preset`).
PRESETS: dict[str, Preset] = {
    "slides": Preset(
        "sgd-petals",
        START,
        0.5,
        (-4.0, 8.0),
        (-24.0, 8.0),
        "Điểm xuất phát của slide (bốn bông hoa)",
        "The slides' start (four flowers)",
        "Cả hai lần chạy đều tìm ra đường phân tách; BCE đi nhanh hơn.",
        "Both runs find the boundary; BCE gets there faster.",
    ),
    "wrong": Preset(
        "petals",
        (-7.0, 15.5),
        0.5,
        (-8.0, 8.0),
        (-16.0, 20.0),
        "Xuất phát sai một cách tự tin (sáu bông hoa)",
        "A confidently wrong start (six flowers)",
        "Mọi bông hoa đều bị xếp sai với độ tự tin cao: gradient của sigmoid + MSE gần như bằng 0 nên nó dừng trên "
        "vùng phẳng, còn BCE thoát ra.",
        "Every flower is misclassified with confidence: the sigmoid + MSE gradient is almost 0, so it stalls on its "
        "plateau, while BCE escapes.",
    ),
    "separable": Preset(
        "petals",
        (2.331, -5.156),
        0.5,
        (-2.0, 10.0),
        (-26.0, 6.0),
        "Dữ liệu tách được: w tăng mãi",
        "Separable data: w grows forever",
        "Xuất phát từ đường sigmoid của slide. Dữ liệu tách được nên BCE không có điểm cực tiểu hữu hạn: gradient "
        "descent làm w lớn mãi.",
        "Starting from the slides' sigmoid line. The data are separable, so the BCE has no finite minimum: gradient "
        "descent keeps making w larger.",
    ),
    "iris": Preset(
        "iris-versicolor-virginica",
        (0.0, 0.0),
        0.3,
        (-4.0, 14.0),
        (-64.0, 12.0),
        "Iris: versicolor và virginica chồng lấn",
        "Iris: overlapping versicolor and virginica",
        "Hai lớp chồng lấn: cả hai hàm mất mát đều giảm dần, BCE giảm nhanh hơn; điểm cực tiểu của BCE còn ở rất xa, "
        "cần rất nhiều bước.",
        "Overlapping classes: both losses keep falling, BCE faster; the BCE minimum is still far away and takes many "
        "steps.",
    ),
}


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


def sgd_step(
    x: Any, y: Any, w: float, b: float, lr: float = LEARNING_RATE, loss: str = "bce", sample: int = 0
) -> dict[str, Any]:
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
    step = _one_sample_step([x[sample]], y[sample], [b, w], lr=lr, loss=loss)
    before = reference_values(x[sample : sample + 1], y[sample : sample + 1], w, b)
    return {
        "sample": sample,
        "x": float(x[sample]),
        "y": float(y[sample]),
        "z": step.z,
        "y_hat": step.y_hat,
        "mse": before["mse"],
        "bce": before["bce"],
        **_update(loss, lr, w, b, step.grad, step.theta_new),
    }


def _update(loss: str, lr: float, w: float, b: float, grad: np.ndarray, theta: np.ndarray) -> dict[str, Any]:
    return {
        "loss": loss,
        "lr": float(lr),
        "start": [float(w), float(b)],
        "grad": [float(grad[0]), float(grad[1])],
        "b": float(theta[0]),
        "w": float(theta[1]),
    }


def batch_step(x: Any, y: Any, w: float, b: float, lr: float = LEARNING_RATE, loss: str = "bce") -> dict[str, Any]:
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
    run = full_batch_gd(x.reshape(-1, 1), y, [b, w], lr=lr, steps=1, loss=loss)
    return {"mse": before["mse"], "bce": before["bce"], **_update(loss, lr, w, b, run.grads[0], run.params[1])}


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


# --- reference runs --------------------------------------------------------------------


def _states(x: np.ndarray, y: np.ndarray, params: np.ndarray, loss: str) -> dict[str, list]:
    """(w, b), both mean losses and the gradient of ``loss`` at each row ``(b, w)``."""
    values = [reference_values(x, y, float(p[1]), float(p[0])) for p in params]
    return {
        "w": [v["w"] for v in values],
        "b": [v["b"] for v in values],
        "mse": [v["mse"] for v in values],
        "bce": [v["bce"] for v in values],
        "grad": [v["grad_" + loss] for v in values],
    }


def reference_run(preset: str, loss: str) -> dict[str, Any]:
    """One run of the widget, as lossbook computes it: from the preset's start with its
    learning rate, trained on ``loss`` (``"mse"``: sigmoid + MSE, or ``"bce"``).

    * ``start``: (w, b), both losses and the gradient of ``loss`` at the start;
    * ``batch``: the same after each of :data:`REFERENCE_STEPS` full-batch steps
      (:func:`lossbook.full_batch_gd`), with ``steps``;
    * ``sgd``: the same after one epoch of per-sample steps, samples in order
      (:func:`lossbook.sgd_logistic`), with ``steps`` (the number of samples).

    >>> r = reference_run("slides", "bce")
    >>> r["start"]["w"], r["start"]["b"], r["batch"]["steps"], r["sgd"]["steps"]
    (-0.1, 0.1, [1, 10, 100], [4])
    >>> [round(g, 4) for g in r["start"]["grad"]]   # chapter 10's vectorised gradient
    [-0.0373, -0.6494]
    """
    if preset not in PRESETS:
        raise ValueError(f"preset must be one of {sorted(PRESETS)}; got {preset!r}")
    if loss not in ("mse", "bce"):
        raise ValueError(f"loss must be 'mse' or 'bce'; got {loss!r}")
    spec = PRESETS[preset]
    x, y = load_dataset(spec.dataset)
    X, theta0 = x.reshape(-1, 1), [spec.start[1], spec.start[0]]
    batch = full_batch_gd(X, y, theta0, lr=spec.lr, steps=max(REFERENCE_STEPS), loss=loss)
    epoch = sgd_logistic(X, y, theta0, lr=spec.lr, epochs=1, loss=loss)
    one = {k: v[0] for k, v in _states(x, y, batch.params[:1], loss).items()}
    return {
        "preset": preset,
        "loss": loss,
        "lr": spec.lr,
        "start": one,
        "batch": {"steps": list(REFERENCE_STEPS), **_states(x, y, batch.params[list(REFERENCE_STEPS)], loss)},
        "sgd": {"steps": [len(x)], **_states(x, y, epoch.params[-1:], loss)},
    }


# --- the export -------------------------------------------------------------------------


def _check_grid(spec: Dataset) -> list[tuple[float, float]]:
    """:data:`CHECK_POINTS` and a 3 x 3 grid inside the data set's window, values with two
    decimals (what a reader types)."""
    (w0, w1), (b0, b1) = spec.w_range, spec.b_range
    grid = [
        (round(w0 + (w1 - w0) * f, 2), round(b0 + (b1 - b0) * g, 2)) for f in (0.2, 0.5, 0.8) for g in (0.2, 0.5, 0.8)
    ]
    return list(dict.fromkeys(list(CHECK_POINTS) + grid))


def explorer_data() -> dict[str, Any]:
    """Everything the widget draws and the browser tests compare, as JSON-ready data.

    * ``grid_size``: :data:`GRID_SIZE`, points per side of the landscapes the widget
      computes (rows follow ``b``, columns follow ``w``, as :func:`lossbook.loss_landscape`);
    * ``datasets``: ``{key: {x, y, label: {vi, en}, separable}}``, the data sets of the
      presets;
    * ``presets``: ``{key: {dataset, start: [w, b], lr, w_range, b_range, label: {vi, en},
      story: {vi, en}}}``, in the order of the widget's menu;
    * ``checks``: ``[{dataset, w, b, mse, bce, grad_mse, grad_bce}]``, full precision,
      at :data:`CHECK_POINTS` and a 3 x 3 grid of each data set's window;
    * ``runs``: ``{preset: {"mse": reference_run(preset, "mse"), "bce": ...}}``;
    * ``worked``: :func:`worked_steps`.

    >>> d = explorer_data()
    >>> list(d["presets"]) == list(PRESETS), sorted(d["datasets"])
    (True, ['iris-versicolor-virginica', 'petals', 'sgd-petals'])
    >>> [round(g, 4) for g in d["worked"]["sgd"]["grad"]]
    [0.49, 0.686]
    """
    used = list(dict.fromkeys(p.dataset for p in PRESETS.values()))
    out: dict[str, Any] = {
        "grid_size": GRID_SIZE,
        "datasets": {},
        "presets": {},
        "checks": [],
        "runs": {},
        "worked": worked_steps(),
    }
    for key in used:
        x, y = load_dataset(key)
        spec = DATASETS[key]
        out["datasets"][key] = {
            "x": [float(v) for v in x],
            "y": [int(v) for v in y],
            "label": {"vi": spec.vi, "en": spec.en},
            "separable": is_separable(x, y),
        }
        for w, b in _check_grid(spec):
            out["checks"].append({"dataset": key, **reference_values(x, y, w, b)})
    for key, p in PRESETS.items():
        out["presets"][key] = {
            "dataset": p.dataset,
            "start": list(p.start),
            "lr": p.lr,
            "w_range": list(p.w_range),
            "b_range": list(p.b_range),
            "label": {"vi": p.vi, "en": p.en},
            "story": {"vi": p.story_vi, "en": p.story_en},
        }
        out["runs"][key] = {loss: reference_run(key, loss) for loss in ("mse", "bce")}
    return out
