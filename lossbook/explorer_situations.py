"""The loss explorer's situations (chapters 7 and 8): the data sets the reader can pick and
the presets (data set, start, learning rate, window of the landscapes, the story each tells),
in both languages. :mod:`lossbook.explorer` exports them with the reference values the
browser tests compare the widget with.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import datasets

__all__ = [
    "START",
    "OVERLAP_POINT",
    "Dataset",
    "DATASETS",
    "WORKED_DATASET",
    "Preset",
    "PRESETS",
    "load_dataset",
    "is_separable",
]

#: The lesson's worked example starts at w = −0.1, b = 0.1 (learning rate 0.01).
START = (-0.1, 0.1)
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
    :func:`lossbook.explorer.reference_run` (full-batch steps, η = 0.5, or 0.3 on iris):

    >>> from lossbook.explorer import reference_run

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
