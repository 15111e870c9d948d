"""One look for every figure, and the helpers the figure modules share.

The colour-blind-safe Okabe–Ito palette, line styles and markers that tell series apart
without colour, a white background (readable on the site's dark theme too), text sized
for a figure about 700 px wide (:data:`RC`); :func:`figure_function` checks ``lang`` and
builds a figure under that style.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable

import matplotlib as mpl
import numpy as np
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure

from ..models import LogisticRegression
from ..optim import SeparableDataWarning
from ..text import check_lang, fmt

# --- one style for every figure ---------------------------------------------------------

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour
# vision deficiency. Series are also told apart by line style and marker.
BLUE, ORANGE, GREEN, VERMILLION = "#0072B2", "#E69F00", "#009E73", "#D55E00"


SKY, PURPLE, YELLOW, GREY, BLACK = "#56B4E9", "#CC79A7", "#F0E442", "#6E6E6E", "#000000"


#: Class 0 / class 1 in every scatter plot: colour *and* marker.
CLASS_STYLE = (
    {"color": BLUE, "marker": "o"},
    {"color": VERMILLION, "marker": "^"},
)


#: Sequential map for loss surfaces (perceptually uniform, colour-blind safe).
SURFACE_CMAP = "cividis"


#: Probability of class 1: sky blue (class 0) through white (0.5) to orange (class 1).
PROBA_CMAP = LinearSegmentedColormap.from_list("lossbook_proba", [SKY, "#FFFFFF", ORANGE])


# A figure is about 7 in wide and shown about 700 px wide: 11-12 pt text stays readable.
RC = {
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.fontsize": 10,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "lines.linewidth": 2.0,
    "lines.markersize": 7,
    "legend.frameon": True,
    "legend.framealpha": 0.9,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "mathtext.fontset": "dejavusans",
}


def figure_grid(
    ncols: int = 1, nrows: int = 1, *, width: float = 7.0, height: float = 4.2, **subplot_kw
) -> tuple[Figure, np.ndarray]:
    """A new Figure (no pyplot) with an ``nrows x ncols`` grid of axes, constrained layout."""
    fig = Figure(figsize=(width, height), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False, **subplot_kw)
    return fig, axes.ravel()


def finish(fig: Figure) -> None:
    # Ticks are created lazily, at draw time, when our rc_context is gone: pin their style
    # on every axis now so the SVG does not depend on the caller's rcParams.
    for ax in fig.axes:
        ax.tick_params(which="both", labelsize=RC["xtick.labelsize"], color="#444444", labelcolor=BLACK)


def figure_function(func: Callable[[str], Figure]) -> Callable[..., Figure]:
    """Check ``lang``, build the figure under the shared style, return it."""

    @functools.wraps(func)
    def wrapper(lang: str = "vi") -> Figure:
        lang = check_lang(lang)
        with mpl.rc_context(RC):
            fig = func(lang)
            finish(fig)
        return fig

    return wrapper


def scatter_classes(
    ax,
    x: np.ndarray,
    labels: np.ndarray,
    names: tuple[str, str],
    *,
    height: np.ndarray | None = None,
    size: float = 55,
    alpha: float = 1.0,
) -> None:
    """Points of class 0 and class 1, each with its colour, marker and legend name; drawn at
    ``(x, labels)`` or, given ``height``, at ``(x, height)``."""
    height = labels if height is None else height
    for k in (0, 1):
        mask = labels == k
        ax.scatter(
            x[mask],
            height[mask],
            s=size,
            color=CLASS_STYLE[k]["color"],
            marker=CLASS_STYLE[k]["marker"],
            edgecolor="white",
            linewidth=0.8,
            zorder=5,
            label=names[k],
            alpha=alpha,
        )


def affine(w: float, b: float, digits: int | None = 2, var: str = "x") -> str:
    """``"2.33x - 5.16"`` for mathtext: the given digits (``None``: as the lesson writes them)."""
    show = (lambda v: f"{float(v):g}") if digits is None else (lambda v: fmt(v, digits))
    return f"{show(w)}{var} {'-' if b < 0 else '+'} {show(abs(b))}"


def arrow(ax, start, end, color: str, rad: float = 0.0, style: str = "-") -> None:
    ax.annotate(
        "",
        xy=end,
        xytext=start,
        zorder=4,
        arrowprops={
            "arrowstyle": "-|>",
            "color": color,
            "linewidth": 1.6,
            "linestyle": style,
            "shrinkA": 4,
            "shrinkB": 4,
            "connectionstyle": f"arc3,rad={rad}",
            "mutation_scale": 14,
        },
    )


# --- TODO(datasets or models): no standardising helper exists yet; this is the only math
# written here. Replace it when one lands (e.g. a StandardScaler in lossbook.models).


def standardise(X: np.ndarray) -> np.ndarray:
    """Each column to mean 0 and standard deviation 1 (population std, ddof = 0)."""
    return (X - X.mean(axis=0)) / X.std(axis=0)


def fit_separable(X: np.ndarray, y: np.ndarray, **params) -> LogisticRegression:
    """A BCE fit on separable data, where no minimiser exists: the fit is "after this many
    gradient steps"; the warning that says so is expected, not shown."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SeparableDataWarning)
        return LogisticRegression(**params).fit(X, y)


def petal_axes(ax, t, ds, xlim=(0.0, 5.5)) -> None:
    scatter_classes(
        ax, ds.x, ds.y, (t("hoa A (nhãn 0)", "flower A (label 0)"), t("hoa B (nhãn 1)", "flower B (label 1)"))
    )
    ax.set_xlim(*xlim)
    ax.set_xlabel(t("chiều dài cánh hoa $x$", "petal length $x$"))
