"""Data for the loss explorer widget (chapters 7 and 8): train sigmoid+MSE and BCE side by side.

The widget (``docs/assets/explorer.js``) draws what this module exports: the data sets and
presets of :mod:`lossbook.explorer_situations` (data set, start, learning rate, window of the
landscapes, the story each tells), and reference values that the browser tests compare with
what the widget displays: losses and gradients at check points, the lesson's worked steps,
and for every preset a 100-step full-batch run and one SGD epoch of both losses. The widget
computes its landscapes itself (the reader may edit the data); the tests compare them with
:func:`lossbook.loss_landscape`.
Every number comes from :mod:`lossbook.losses` and :mod:`lossbook.optim`.

Conventions (those of the lesson): ``z = w x + b``, ``ŷ = σ(z)``; per-sample losses
``(ŷ − y)²`` and ``−y log ŷ − (1 − y) log(1 − ŷ)``; the data-set loss is the mean;
gradients are ordered ``[∂/∂b, ∂/∂w]`` like the slides.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .activations import sigmoid
from .explorer_situations import (
    DATASETS,
    PRESETS,
    START,
    WORKED_DATASET,
    Dataset,
    Preset,
    is_separable,
    load_dataset,
)
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

#: The lesson's worked example's learning rate (its start: :data:`START`).
LEARNING_RATE = 0.01
#: Points where the browser tests compare the widget with lossbook: the start, the
#: slides' two sigmoid lines, and one more.
CHECK_POINTS = (START, (0.535, -0.654), (2.331, -5.156), (1.0, -2.0))
#: Points per side of the (w, b) grid on which the widget computes its landscapes.
GRID_SIZE = 41
#: The steps of a full-batch run at which the reference values are exported.
REFERENCE_STEPS = (1, 10, 100)
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
