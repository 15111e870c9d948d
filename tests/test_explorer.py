"""lossbook.explorer: the data the loss explorer draws, and the numbers it must show.

The browser tests (tests/site/test_explorer_widget.py) compare the widget with
``explorer_data()``; these tests make sure that what is exported is itself right: the
lesson's worked steps, losses and gradients recomputed independently (objectives, finite
differences), the presets' reference runs recomputed by a plain loop of gradient steps,
the presets' stories, and a JSON file small enough to load on every chapter page.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from lossbook import bce_objective, numerical_gradient, sigmoid_mse_objective
from lossbook.explorer import (
    CHECK_POINTS,
    DATASETS,
    LEARNING_RATE,
    PRESETS,
    REFERENCE_STEPS,
    START,
    WORKED_DATASET,
    batch_step,
    explorer_data,
    is_separable,
    load_dataset,
    reference_run,
    reference_values,
    sgd_step,
)

ROOT = Path(__file__).resolve().parent.parent
#: The data file is fetched by every page with the widget: keep it small.
MAX_JSON_BYTES = 128 * 1024


@pytest.fixture(scope="module")
def data() -> dict:
    return explorer_data()


def test_the_lessons_worked_sgd_step() -> None:
    """x = 1.4, y = 0, from w = -0.1, b = 0.1, eta = 0.01 (the slides' "Example")."""
    x, y = load_dataset(WORKED_DATASET)
    assert (x[0], y[0]) == (1.4, 0.0)
    s = sgd_step(x, y, *START, LEARNING_RATE)
    assert round(s["z"], 4) == -0.04 and round(s["y_hat"], 2) == 0.49 and round(s["bce"], 4) == 0.6733
    assert [round(g, 4) for g in s["grad"]] == [0.49, 0.686]
    assert (round(s["b"], 4), round(s["w"], 4)) == (0.0951, -0.1069)
    # exactly: b - eta * (y_hat - y), w - eta * x * (y_hat - y)
    p = 1 / (1 + math.exp(0.04))
    assert s["b"] == pytest.approx(0.1 - 0.01 * p, abs=1e-15)
    assert s["w"] == pytest.approx(-0.1 - 0.01 * 1.4 * p, abs=1e-15)


def test_worked_steps_agree_with_the_lesson_module(data) -> None:
    lesson = pytest.importorskip("lossbook.lesson")
    worked = data["worked"]
    one = lesson.sgd_step_one_feature()
    assert worked["sgd"]["grad"] == pytest.approx(list(one.gradient), abs=1e-14)
    assert [worked["sgd"]["b"], worked["sgd"]["w"]] == pytest.approx(list(one.theta_after), abs=1e-14)
    vec = lesson.vectorized_gradient((START[1], START[0]))
    assert worked["batch"]["grad"] == pytest.approx(list(vec.mean_gradient), abs=1e-14)


def test_worked_steps_are_gradient_steps_on_the_right_loss(data) -> None:
    x, y = load_dataset(WORKED_DATASET)
    X = x.reshape(-1, 1)
    for loss, objective in (("bce", bce_objective), ("mse", sigmoid_mse_objective)):
        steps = data["worked"] if loss == "bce" else data["worked"]["mse"]
        for kind, (Xs, ys) in (("sgd", (X[:1], y[:1])), ("batch", (X, y))):
            step = steps[kind]
            assert step["loss"] == loss and step["lr"] == LEARNING_RATE and step["start"] == list(START)
            numeric = numerical_gradient(lambda t: objective(Xs, ys, t), np.array([START[1], START[0]]))  # noqa: B023 (called at once)
            assert step["grad"] == pytest.approx(list(numeric), abs=1e-8), (loss, kind)
            assert step["b"] == pytest.approx(START[1] - LEARNING_RATE * step["grad"][0], abs=1e-15)
            assert step["w"] == pytest.approx(START[0] - LEARNING_RATE * step["grad"][1], abs=1e-15)


def test_batch_step_on_one_sample_is_the_sgd_step() -> None:
    s, b = sgd_step([1.4, 3.0], [0, 1], 0.3, -0.2, 0.1), batch_step([1.4], [0], 0.3, -0.2, 0.1)
    assert (s["grad"], s["b"], s["w"]) == (b["grad"], b["b"], b["w"])


def test_data_sets_and_presets(data) -> None:
    assert list(data["presets"]) == list(PRESETS)
    assert set(data["datasets"]) == {p.dataset for p in PRESETS.values()}
    for key, d in data["datasets"].items():
        x, y = load_dataset(key)
        assert d["x"] == x.tolist() and d["y"] == [int(v) for v in y] and set(d["y"]) == {0, 1}, key
        assert d["separable"] == is_separable(x, y), key
        assert d["label"]["vi"] and d["label"]["en"] and d["label"]["vi"] != d["label"]["en"]
    assert data["datasets"]["petals"]["x"] == [1.4, 1.0, 1.5, 3.0, 3.8, 4.1]
    assert data["datasets"]["petals"]["separable"] and not data["datasets"]["iris-versicolor-virginica"]["separable"]
    for key, p in data["presets"].items():
        (w0, w1), (b0, b1), (w, b) = p["w_range"], p["b_range"], p["start"]
        assert w0 < w < w1 and b0 < b < b1, f"{key}: the start is outside the landscapes' window"
        assert p["lr"] > 0 and p["dataset"] in data["datasets"]
        for field in ("label", "story"):
            assert p[field]["vi"] and p[field]["en"] and p[field]["vi"] != p[field]["en"], (key, field)
    assert data["presets"]["slides"]["start"] == list(START)


def test_a_preset_or_loss_that_does_not_exist_is_refused() -> None:
    with pytest.raises(ValueError, match="preset"):
        reference_run("nope", "bce")
    with pytest.raises(ValueError, match="loss"):
        reference_run("slides", "mae")


def _plain_descent(x, y, w, b, lr, loss, steps, per_sample=False):
    """Gradient descent written out with the objectives' numerical gradients: an oracle
    independent of lossbook.optim."""
    objective = bce_objective if loss == "bce" else sigmoid_mse_objective
    X, theta, out = x.reshape(-1, 1), np.array([b, w], dtype=float), []
    for k in range(steps):
        Xs, ys = (X[k % len(x) : k % len(x) + 1], y[k % len(x) : k % len(x) + 1]) if per_sample else (X, y)
        theta = theta - lr * numerical_gradient(lambda t: objective(Xs, ys, t), theta)  # noqa: B023 (called at once)
        out.append(theta.copy())
    return out


@pytest.mark.parametrize("preset", list(PRESETS))
@pytest.mark.parametrize("loss", ["mse", "bce"])
def test_reference_runs_are_gradient_descent(data, preset, loss) -> None:
    spec, run = PRESETS[preset], data["runs"][preset][loss]
    x, y = load_dataset(spec.dataset)
    assert run["lr"] == spec.lr and [run["start"]["w"], run["start"]["b"]] == list(spec.start)
    thetas = _plain_descent(x, y, *spec.start, spec.lr, loss, max(REFERENCE_STEPS))
    assert run["batch"]["steps"] == list(REFERENCE_STEPS)
    for i, k in enumerate(REFERENCE_STEPS):
        b, w = thetas[k - 1]
        assert [run["batch"]["w"][i], run["batch"]["b"][i]] == pytest.approx([w, b], abs=1e-6), (k, preset, loss)
        ref = reference_values(x, y, run["batch"]["w"][i], run["batch"]["b"][i])
        assert run["batch"]["mse"][i] == ref["mse"] and run["batch"]["bce"][i] == ref["bce"]
        assert run["batch"]["grad"][i] == ref["grad_" + loss]
    b, w = _plain_descent(x, y, *spec.start, spec.lr, loss, len(x), per_sample=True)[-1]
    assert run["sgd"]["steps"] == [len(x)]
    assert [run["sgd"]["w"][0], run["sgd"]["b"][0]] == pytest.approx([w, b], abs=1e-6), (preset, loss)


def test_the_presets_tell_their_stories(data) -> None:
    runs = data["runs"]
    # wrong: sigmoid+MSE stalls (loss still near its maximum 1, gradient tiny), BCE escapes
    mse, bce = runs["wrong"]["mse"], runs["wrong"]["bce"]
    assert mse["batch"]["mse"][-1] > 0.99 and max(map(abs, mse["batch"]["grad"][-1])) < 0.01
    assert bce["batch"]["bce"][-1] < bce["start"]["bce"] / 5
    # separable: w only grows, the BCE only falls
    sep = runs["separable"]["bce"]
    ws, losses = [sep["start"]["w"]] + sep["batch"]["w"], [sep["start"]["bce"]] + sep["batch"]["bce"]
    assert all(a < b for a, b in zip(ws, ws[1:], strict=False)) and all(
        a > b for a, b in zip(losses, losses[1:], strict=False)
    )


def test_is_separable() -> None:
    assert is_separable([3.0, 1.0], [0, 1]) and not is_separable([1.0, 1.0], [0, 1])


def test_checks_are_recomputed_independently(data) -> None:
    by_set: dict[str, list] = {}
    for check in data["checks"]:
        by_set.setdefault(check["dataset"], []).append((check["w"], check["b"]))
        x, y = load_dataset(check["dataset"])
        X, theta = x.reshape(-1, 1), np.array([check["b"], check["w"]])
        assert check["mse"] == pytest.approx(sigmoid_mse_objective(X, y, theta), abs=1e-14)
        assert check["bce"] == pytest.approx(bce_objective(X, y, theta), abs=1e-12)
        for name, objective in (("grad_mse", sigmoid_mse_objective), ("grad_bce", bce_objective)):
            numeric = numerical_gradient(lambda t: objective(X, y, t), theta)  # noqa: B023 (called at once)
            assert check[name] == pytest.approx(list(numeric), abs=1e-7), (check, name)
    assert set(by_set) == set(data["datasets"])
    for key, points in by_set.items():
        spec = DATASETS[key]
        assert set(CHECK_POINTS) <= set(points) and len(points) >= 9 + len(CHECK_POINTS) - 1, key
        inside = [
            p for p in points if spec.w_range[0] < p[0] < spec.w_range[1] and spec.b_range[0] < p[1] < spec.b_range[1]
        ]
        assert len(inside) == len(points), key


def test_reference_values_at_the_start_on_one_sample() -> None:
    r = reference_values([1.4], [0], *START)
    assert round(r["mse"], 4) == round(0.49**2, 4) and round(r["bce"], 4) == 0.6733


def test_json_is_small_strict_and_stable(data) -> None:
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    assert len(text.encode()) < MAX_JSON_BYTES, f"explorer.json is {len(text.encode())} bytes"
    assert json.dumps(explorer_data(), separators=(",", ":"), ensure_ascii=False) == text  # deterministic


def test_the_prerender_ships_exactly_explorer_data(data) -> None:
    from bookbuild.prerender import explorer_json

    assert json.loads(explorer_json().decode("utf-8")) == json.loads(json.dumps(data))
    assert explorer_json() == explorer_json()  # cached bytes are the same bytes
