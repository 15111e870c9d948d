"""lossbook.explorer: the data the loss explorer draws, and the numbers it must show.

The browser tests (tests/site/test_explorer_widget.py) compare the widget with
``explorer_data()``; these tests make sure that what is exported is itself right: the
lesson's worked steps, losses and gradients recomputed independently (objectives, finite
differences), landscapes equal to ``loss_landscape`` up to their rounding, and a JSON file
small enough to load on every chapter page.
"""
from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from lossbook import bce_objective, loss_landscape, numerical_gradient, sigmoid_mse_objective
from lossbook.explorer import (
    CHECK_POINTS,
    DATASETS,
    LEARNING_RATE,
    START,
    WORKED_DATASET,
    batch_step,
    explorer_data,
    is_separable,
    load_dataset,
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
            numeric = numerical_gradient(lambda t: objective(Xs, ys, t), np.array([START[1], START[0]]))
            assert step["grad"] == pytest.approx(list(numeric), abs=1e-8), (loss, kind)
            assert step["b"] == pytest.approx(START[1] - LEARNING_RATE * step["grad"][0], abs=1e-15)
            assert step["w"] == pytest.approx(START[0] - LEARNING_RATE * step["grad"][1], abs=1e-15)


def test_batch_step_on_one_sample_is_the_sgd_step() -> None:
    s, b = sgd_step([1.4, 3.0], [0, 1], 0.3, -0.2, 0.1), batch_step([1.4], [0], 0.3, -0.2, 0.1)
    assert (s["grad"], s["b"], s["w"]) == (b["grad"], b["b"], b["w"])


def test_data_sets(data) -> None:
    assert list(data["datasets"]) == list(DATASETS)
    expected_separable = {"petals": True, "petals-overlap": False, "sgd-petals": True,
                          "iris-setosa-versicolor": True, "iris-versicolor-virginica": False}
    assert {k: d["separable"] for k, d in data["datasets"].items()} == expected_separable
    for key, d in data["datasets"].items():
        assert len(d["x"]) == len(d["y"]) >= 4 and set(d["y"]) == {0, 1}, key
        assert d["label"]["vi"] and d["label"]["en"] and d["label"]["vi"] != d["label"]["en"]
        # the toggle goes to a data set of the other kind
        assert data["datasets"][d["pair"]]["separable"] != d["separable"], key
    assert data["datasets"]["petals"]["x"] == [1.4, 1.0, 1.5, 3.0, 3.8, 4.1]
    assert len(data["datasets"]["iris-setosa-versicolor"]["x"]) == 100
    # the added flower is the only difference, and is labelled in the menu
    assert data["datasets"]["petals-overlap"]["x"][:-1] == data["datasets"]["petals"]["x"]
    assert "3.4" in data["datasets"]["petals-overlap"]["label"]["en"]


def test_is_separable() -> None:
    assert is_separable([3.0, 1.0], [0, 1]) and not is_separable([1.0, 1.0], [0, 1])


def test_landscapes_are_lossbooks_rounded(data) -> None:
    for key, grid in data["landscapes"].items():
        x, y = load_dataset(key)
        w, b = np.array(grid["w"]), np.array(grid["b"])
        assert len(w) == len(b) == 41 and np.all(np.diff(w) > 0) and np.all(np.diff(b) > 0)
        assert [w[0], w[-1]] == list(DATASETS[key].w_range) and [b[0], b[-1]] == list(DATASETS[key].b_range)
        for loss in ("mse", "bce"):
            exact = loss_landscape(x, y, w, b, loss=loss)
            shown = np.array(grid[loss])
            assert shown.shape == (len(b), len(w))  # rows follow b, columns follow w
            assert np.allclose(shown, exact, rtol=0, atol=exact.max() * 1e-3), (key, loss)
        lo, hi = grid["w"][0], grid["w"][-1]
        assert lo <= START[0] <= hi and grid["b"][0] <= START[1] <= grid["b"][-1], key


def test_checks_are_recomputed_independently(data) -> None:
    by_set: dict[str, list] = {}
    for check in data["checks"]:
        by_set.setdefault(check["dataset"], []).append((check["w"], check["b"]))
        x, y = load_dataset(check["dataset"])
        X, theta = x.reshape(-1, 1), np.array([check["b"], check["w"]])
        assert check["mse"] == pytest.approx(sigmoid_mse_objective(X, y, theta), abs=1e-14)
        assert check["bce"] == pytest.approx(bce_objective(X, y, theta), abs=1e-12)
        for name, objective in (("grad_mse", sigmoid_mse_objective), ("grad_bce", bce_objective)):
            numeric = numerical_gradient(lambda t: objective(X, y, t), theta)
            assert check[name] == pytest.approx(list(numeric), abs=1e-7), (check, name)
    assert set(by_set) == set(DATASETS)
    for key, points in by_set.items():
        spec = DATASETS[key]
        assert set(CHECK_POINTS) <= set(points) and len(points) >= 9 + len(CHECK_POINTS) - 1, key
        inside = [p for p in points if spec.w_range[0] < p[0] < spec.w_range[1] and spec.b_range[0] < p[1] < spec.b_range[1]]
        assert len(inside) == len(points), key


def test_reference_values_at_the_start_on_one_sample() -> None:
    r = reference_values([1.4], [0], *START)
    assert round(r["mse"], 4) == round(0.49**2, 4) and round(r["bce"], 4) == 0.6733


def test_json_is_small_strict_and_stable(data) -> None:
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    assert len(text.encode()) < MAX_JSON_BYTES, f"explorer.json is {len(text.encode())} bytes"
    assert json.dumps(explorer_data(), separators=(",", ":"), ensure_ascii=False) == text  # deterministic


def test_grid_size(data) -> None:
    small = explorer_data(grid_size=3)
    assert all(len(g["w"]) == 3 and len(g["mse"]) == 3 and len(g["mse"][0]) == 3 for g in small["landscapes"].values())
    assert small["checks"] == data["checks"] and small["worked"] == data["worked"]
    with pytest.raises(ValueError, match="grid_size"):
        explorer_data(grid_size=1)


def test_the_hook_writes_the_data_file_only_when_it_changes(tmp_path, data) -> None:
    spec = importlib.util.spec_from_file_location("lb_page_explorer", ROOT / "hooks" / "page_explorer.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    config = SimpleNamespace(docs_dir=str(tmp_path))
    hook.on_pre_build(config)
    target = tmp_path / "assets" / "data" / "explorer.json"
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(json.dumps(data))
    before = target.stat().st_mtime_ns
    hook.on_pre_build(config)
    assert target.stat().st_mtime_ns == before  # unchanged bytes: not rewritten (mkdocs serve)
