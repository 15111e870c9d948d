r"""Every figure of the site, in Vietnamese and in English (all chapters).

``FIGURES`` maps a figure's name to a function ``f(lang="vi") -> Figure``;
``hooks/page_figures.py`` draws each one to ``docs/assets/figures/<name>.<lang>.svg`` and
a page shows it with ``![alt](assets/figures/<name>.svg)``.

Rules every figure function follows:

* it takes ``lang`` (``"vi"`` or ``"en"``; anything else is a ``ValueError``) and every
  title, label and legend is in that language;
* it returns a :class:`matplotlib.figure.Figure` built without pyplot: no global figure
  is created, nothing is shown, nothing is left open;
* it is thin: every plotted number comes from the math modules (:mod:`lossbook.activations`,
  :mod:`lossbook.losses`, :mod:`lossbook.entropy`, :mod:`lossbook.optim`,
  :mod:`lossbook.models`) and every data point from :mod:`lossbook.datasets`. This module
  imports from them, never the reverse;
* it is deterministic (no randomness, or a seeded generator), so the same sources give
  the same SVG bytes;
* one look for all figures (:func:`_figure`): the colour-blind-safe Okabe–Ito palette,
  line styles and markers that tell series apart without colour, a white background
  (readable on the site's dark theme too), text sized for a figure about 700 px wide.

>>> fig = FIGURES["sigmoid"](lang="en")
>>> fig.axes[0].get_xlabel()
'logit $z$ (any real number)'
>>> FIGURES["sigmoid"](lang="fr")
Traceback (most recent call last):
...
ValueError: lang must be 'vi' or 'en'; got 'fr'
"""
from __future__ import annotations

import functools
import warnings
from collections.abc import Callable

import matplotlib as mpl
import numpy as np
from matplotlib.colors import BoundaryNorm, LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from . import datasets
from .activations import logistic_growth, logit, sigmoid, sigmoid_derivative
from .entropy import binary_entropy
from .lesson import circle_boundary, house_price_table, petal_sigmoid_table, tumour_threshold, walk_2d
from .losses import (
    _sigmoid_mse_bracket,
    bce_per_sample,
    bce_second_derivative,
    loss_landscape,
    mse_loss,
    sigmoid_mse_negative_curvature,
    sigmoid_mse_second_derivative,
    squared_error,
)
from .models import LinearRegression, LogisticRegression
from .optim import (
    SeparableDataWarning,
    full_batch_gd,
    newton,
    sgd_logistic,
    slides_walk,
    square_function_walk,
)

__all__ = ["FIGURES", "LANGS"]

LANGS: tuple[str, ...] = ("vi", "en")

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
_RC = {
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


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"lang must be 'vi' or 'en'; got {lang!r}")
    return lang


def _tr(lang: str) -> Callable[[str, str], str]:
    """``t = _tr(lang)``; ``t("tiếng Việt", "English")`` is the text of ``lang``."""
    return (lambda vi, en: vi) if lang == "vi" else (lambda vi, en: en)


def _figure(ncols: int = 1, nrows: int = 1, *, width: float = 7.0, height: float = 4.2,
            **subplot_kw) -> tuple[Figure, np.ndarray]:
    """A new Figure (no pyplot) with an ``nrows x ncols`` grid of axes, constrained layout."""
    fig = Figure(figsize=(width, height), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False, **subplot_kw)
    return fig, axes.ravel()


def _finish(fig: Figure) -> None:
    # Ticks are created lazily, at draw time, when our rc_context is gone: pin their style
    # on every axis now so the SVG does not depend on the caller's rcParams.
    for ax in fig.axes:
        ax.tick_params(which="both", labelsize=_RC["xtick.labelsize"], color="#444444", labelcolor=BLACK)


def _figure_function(func: Callable[[str], Figure]) -> Callable[..., Figure]:
    """Check ``lang``, build the figure under the shared style, return it."""

    @functools.wraps(func)
    def wrapper(lang: str = "vi") -> Figure:
        lang = _check_lang(lang)
        with mpl.rc_context(_RC):
            fig = func(lang)
            _finish(fig)
        return fig

    return wrapper


def _scatter_classes(ax, x: np.ndarray, labels: np.ndarray, names: tuple[str, str], *,
                     height: np.ndarray | None = None, size: float = 55, alpha: float = 1.0) -> None:
    """Points of class 0 and class 1, each with its colour, marker and legend name; drawn at
    ``(x, labels)`` or, given ``height``, at ``(x, height)``."""
    height = labels if height is None else height
    for k in (0, 1):
        mask = labels == k
        ax.scatter(x[mask], height[mask], s=size, color=CLASS_STYLE[k]["color"],
                   marker=CLASS_STYLE[k]["marker"], edgecolor="white", linewidth=0.8, zorder=5,
                   label=names[k], alpha=alpha)


def _affine(w: float, b: float, digits: int | None = 2, var: str = "x") -> str:
    """``"2.33x - 5.16"`` for mathtext: the given digits (``None``: as the lesson writes them)."""
    show = (lambda v: f"{float(v):g}") if digits is None else (lambda v: _num(v, digits))
    return f"{show(w)}{var} {'-' if b < 0 else '+'} {show(abs(b))}"


def _num(value: float, digits: int = 2) -> str:
    """A number as the site prints it (``hooks/page_numbers.fmt``): fixed decimals, true minus."""
    text = f"{float(value):.{digits}f}"
    if text.startswith("-"):  # -0.00 prints as 0.00, like lossbook.lesson's tables
        text = text[1:] if float(text) == 0.0 else "\u2212" + text[1:]
    return text


# === Chapter: the sigmoid ================================================================

@_figure_function
def sigmoid_figure(lang: str) -> Figure:
    """σ(z) and σ'(z) on [−8, 8], with the maximum σ'(0) = 1/4 marked."""
    t = _tr(lang)
    fig, (ax,) = _figure(height=4.0)
    z = np.linspace(-8.0, 8.0, 401)
    ax.plot(z, sigmoid(z), color=BLUE, label=r"$\sigma(z) = 1/(1 + e^{-z})$")
    ax.plot(z, sigmoid_derivative(z), color=ORANGE, linestyle="--",
            label=r"$\sigma'(z) = \sigma(z)\,(1 - \sigma(z))$")
    for level in (0.0, 1.0):
        ax.axhline(level, color=GREY, linewidth=0.8, linestyle=":")
    peak = sigmoid_derivative(0.0)
    ax.plot([0.0], [peak], marker="o", color=ORANGE, markeredgecolor=BLACK, zorder=5)
    ax.annotate(t(f"cực đại: σ'(0) = {_num(peak)}", f"maximum: σ'(0) = {_num(peak)}"),
                xy=(0.0, peak), xytext=(1.6, 0.33), arrowprops={"arrowstyle": "->", "color": GREY})
    ax.plot([0.0], [sigmoid(0.0)], marker="o", color=BLUE, markeredgecolor=BLACK, zorder=5)
    ax.annotate(f"σ(0) = {_num(sigmoid(0.0), 1)}", xy=(0.0, sigmoid(0.0)), xytext=(-6.5, 0.62),
                arrowprops={"arrowstyle": "->", "color": GREY})
    ax.set_xlim(-8, 8)
    ax.set_ylim(-0.05, 1.08)
    ax.set_xlabel(t("logit $z$ (số thực bất kỳ)", "logit $z$ (any real number)"))
    ax.set_ylabel(t("giá trị", "value"))
    ax.set_title(t("Hàm sigmoid đưa $z \\in \\mathbb{R}$ về $(0, 1)$; đạo hàm lớn nhất tại 0",
                   "The sigmoid maps $z \\in \\mathbb{R}$ to $(0, 1)$; its slope peaks at 0"))
    ax.legend(loc="upper left")
    return fig


@_figure_function
def logistic_growth_figure(lang: str) -> Figure:
    """Solutions y(t) of y' = r y (1 − y/K) for a few (r, K, y0): each levels off at K."""
    t = _tr(lang)
    fig, (ax,) = _figure(height=4.0)
    time = np.linspace(0.0, 20.0, 401)
    cases = (  # (r, K, y0): two growth rates for one capacity, one smaller capacity
        (0.5, 100.0, 5.0, BLUE, "-"),
        (1.0, 100.0, 5.0, ORANGE, "--"),
        (0.5, 60.0, 2.0, GREEN, "-."),
    )
    for r, K, y0, color, style in cases:
        ax.plot(time, logistic_growth(time, K=K, r=r, y0=y0), color=color, linestyle=style,
                label=f"$r = {r:g}$, $K = {K:g}$, $y_0 = {y0:g}$")
    for K in sorted({case[1] for case in cases}):
        ax.axhline(K, color=GREY, linewidth=1.0, linestyle=":")
        ax.text(20.0, K + 1.5, t(f"sức chứa K = {K:g}", f"capacity K = {K:g}"),
                ha="right", va="bottom", color=GREY)
    ax.set_xlim(0, 20)
    ax.set_ylim(0, 112)
    ax.set_xlabel(t("thời gian $t$", "time $t$"))
    ax.set_ylabel(t("kích thước quần thể $y(t)$", "population size $y(t)$"))
    ax.set_title(t("Tăng trưởng logistic: $y(t)$ tiến dần tới $K$ mà không vượt qua",
                   "Logistic growth: $y(t)$ approaches $K$ and never crosses it"))
    ax.legend(loc="lower right")
    return fig


# === Chapter: the loss, sample by sample =================================================

@_figure_function
def losses_per_sample_figure(lang: str) -> Figure:
    """Loss of one sample against ŷ, for y = 1 and y = 0: squared error vs BCE."""
    t = _tr(lang)
    fig, axes = _figure(2, width=7.5, height=4.0, sharey=True)
    # Stop 5e-4 short of 0 and 1: BCE is infinite there (clipped to 36 by bce_per_sample),
    # and the axis ends at 5 anyway.
    y_hat = np.linspace(5e-4, 1.0 - 5e-4, 500)
    for ax, label in zip(axes, (1, 0)):
        y = np.full_like(y_hat, float(label))
        ax.plot(y_hat, squared_error(y, y_hat), color=BLUE, linestyle="--",
                label=t("bình phương sai số", "squared error") + r" $(\hat y - y)^2$")
        bce_tex = r"$-\ln \hat y$" if label == 1 else r"$-\ln(1 - \hat y)$"
        ax.plot(y_hat, bce_per_sample(y, y_hat), color=VERMILLION, label=f"BCE {bce_tex}")
        wrong_end = 0.0 if label == 1 else 1.0
        ax.annotate("BCE → ∞", xy=(abs(wrong_end - 0.02), 4.8),
                    xytext=(abs(wrong_end - 0.3), 4.2), ha="center",
                    arrowprops={"arrowstyle": "->", "color": VERMILLION}, color=VERMILLION)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 5)
        ax.set_title(t(f"nhãn $y = {label}$", f"label $y = {label}$"))
        ax.set_xlabel(t(r"xác suất dự đoán $\hat y$", r"predicted probability $\hat y$"))
        ax.legend(loc="center right" if label == 1 else "center left")
    axes[0].set_ylabel(t("mất mát của một mẫu", "loss of one sample"))
    fig.suptitle(t("Càng sai một cách tự tin, BCE phạt càng nặng; bình phương sai số không quá 1",
                   "The more confidently wrong, the larger BCE; squared error never exceeds 1"))
    return fig


@_figure_function
def entropy_figure(lang: str) -> Figure:
    """Binary entropy H(p) in bits, with the slides' baskets p = 0.1 and p = 0.5 marked."""
    t = _tr(lang)
    fig, (ax,) = _figure(height=3.9)
    p = np.linspace(0.0, 1.0, 401)
    ax.plot(p, binary_entropy(p), color=BLUE, label=r"$H(p) = -p\log_2 p - (1-p)\log_2(1-p)$")
    for p0, text_xy in ((0.1, (0.2, 0.3)), (0.5, (0.6, 0.72))):
        h0 = binary_entropy(p0)
        ax.plot([p0], [h0], marker="o", color=VERMILLION, markeredgecolor=BLACK, zorder=5)
        ax.annotate(t(f"p = {p0:g}: H = {_num(h0, 3)} bit", f"p = {p0:g}: H = {_num(h0, 3)} bits"),
                    xy=(p0, h0), xytext=text_xy, ha="left", va="top",
                    arrowprops={"arrowstyle": "->", "color": GREY, "relpos": (0.0, 1.0)})
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.12)
    ax.set_xlabel(t("xác suất $p$ của một trong hai kết quả", "probability $p$ of one of the two outcomes"))
    ax.set_ylabel(t("entropy $H(p)$ (bit)", "entropy $H(p)$ (bits)"))
    ax.set_title(t("Entropy nhị phân: bất ngờ trung bình lớn nhất khi $p = 0.5$",
                   "Binary entropy: the average surprise is largest at $p = 0.5$"))
    ax.legend(loc="lower center")
    return fig


# === Chapter: sigmoid + MSE is not convex, BCE is =======================================

@_figure_function
def landscape_figure(lang: str) -> Figure:
    """Mean loss of σ(wx + b) over a (w, b) grid for the six petals: MSE vs BCE."""
    t = _tr(lang)
    ds = datasets.petal_lengths()
    # 91 x 91 points: smooth bands, and an SVG under 200 kB.
    w_grid = np.linspace(-4.0, 8.0, 91)
    b_grid = np.linspace(-24.0, 12.0, 91)
    fig, axes = _figure(2, width=8.0, height=4.0, sharey=True)
    panels = (
        ("mse", t("sigmoid + MSE:\ncó cao nguyên, không lồi", "sigmoid + MSE:\nflat plateaus, not convex")),
        ("bce", t("sigmoid + BCE:\nlồi, không có cao nguyên", "sigmoid + BCE:\nconvex, no plateau")),
    )
    for ax, (loss, title) in zip(axes, panels):
        L = loss_landscape(ds.x, ds.y, w_grid, b_grid, loss=loss)
        if loss == "mse":
            # MSE lies in [0, 1]: even steps show the plateaus at 0.5 and the ridges.
            levels = MaxNLocator(nbins=12).tick_values(0.0, float(L.max()))
        else:
            # BCE grows linearly far from the data but matters near 0: 1-2-5 steps, so the
            # floor of the bowl is not one flat band.
            levels = np.array([0.0, *(m * 10.0**e for e in range(-2, 3) for m in (1, 2, 5))])
            levels = levels[: np.searchsorted(levels, L.max()) + 1]
        norm = BoundaryNorm(levels, ncolors=256)
        filled = ax.contourf(w_grid, b_grid, L, levels=levels, cmap=SURFACE_CMAP, norm=norm)
        bar = fig.colorbar(filled, ax=ax, shrink=0.9, pad=0.02, format="%g")
        bar.set_label(t("MSE trung bình", "mean MSE") if loss == "mse" else t("BCE trung bình", "mean BCE"))
        bar.ax.tick_params(labelsize=9)
        for (w, b), marker in (((0.535, -0.654), "s"), ((2.331, -5.156), "D")):
            ax.plot([w], [b], marker=marker, color=ORANGE, markeredgecolor=BLACK, linestyle="none",
                    label=f"$w = {w:g}$, $b = {_num(b, 3)}$")
        ax.set_title(title)
        ax.set_xlabel(t("trọng số $w$", "weight $w$"))
        ax.grid(False)
    axes[0].set_ylabel(t("độ lệch $b$", "bias $b$"))
    axes[0].legend(loc="lower left", fontsize=9, title=t("hai mô hình của bài giảng", "the slides' two models"),
                   title_fontsize=9)
    fig.suptitle(t("Bề mặt mất mát trên (w, b) với sáu bông hoa, cùng một lưới",
                   "The loss over (w, b) for the six flowers, on the same grid"))
    return fig


@_figure_function
def mse_curvature_figure(lang: str) -> Figure:
    """The bracket f(ŷ) of the sigmoid + MSE second derivative, negative regions shaded;
    next to it the whole per-sample curvature, with the BCE's for comparison."""
    t = _tr(lang)
    fig, axes = _figure(2, width=8.0, height=4.2)
    y_hat = np.linspace(0.0, 1.0, 401)
    color_of = {0: (BLUE, "-"), 1: (VERMILLION, "--")}
    for y in (0, 1):
        color, style = color_of[y]
        labels = np.full_like(y_hat, float(y))
        # Left: the slides' bracket f(y_hat) = -3 y_hat^2 + 2 y_hat - y + 2 y y_hat.
        bracket_tex = r"$-3\hat y^2 + 2\hat y$" if y == 0 else r"$-3\hat y^2 + 4\hat y - 1$"
        axes[0].plot(y_hat, _sigmoid_mse_bracket(labels, y_hat), color=color, linestyle=style,
                     label=f"$y = {y}$: $f = ${bracket_tex}")
        # Right: the whole second derivative 2 x^2 y_hat (1 - y_hat) f(y_hat), with x = 1.
        axes[1].plot(y_hat, sigmoid_mse_second_derivative(1.0, labels, y_hat), color=color, linestyle=style,
                     label=f"MSE, $y = {y}$")
        low, high = sigmoid_mse_negative_curvature(y)
        for ax in axes:
            ax.axvspan(low, high, color=color, alpha=0.12, linewidth=0)
            ax.axvline(high if y == 1 else low, color=color, linewidth=0.8, linestyle=":")
    # The BCE curvature x^2 y_hat (1 - y_hat): the same for both labels, never negative.
    axes[1].plot(y_hat, bce_second_derivative(1.0, y_hat), color=GREEN, linestyle="-.",
                 label=t("BCE, $y = 0$ hoặc $1$", "BCE, $y = 0$ or $1$"))
    low1 = sigmoid_mse_negative_curvature(1)[1]
    high0 = sigmoid_mse_negative_curvature(0)[0]
    axes[0].text(low1 / 2, 0.45, t(f"âm khi y = 1\nvà ŷ < {_num(low1, 3)}", f"negative for y = 1\nand ŷ < {_num(low1, 3)}"),
                 ha="center", va="bottom", color=VERMILLION, fontsize=9)
    axes[0].text((1 + high0) / 2, 0.45, t(f"âm khi y = 0\nvà ŷ > {_num(high0, 3)}", f"negative for y = 0\nand ŷ > {_num(high0, 3)}"),
                 ha="center", va="bottom", color=BLUE, fontsize=9)
    axes[0].set_ylim(-1.1, 0.85)
    axes[1].set_ylim(-0.2, 0.3)
    axes[0].set_title(t("Dấu ngoặc $f(\\hat y)$ của bài giảng", "The slides' bracket $f(\\hat y)$"))
    axes[1].set_title(t("Độ cong $\\partial^2 L / \\partial \\theta_i^2$ với $x_i = 1$",
                        "Curvature $\\partial^2 L / \\partial \\theta_i^2$ with $x_i = 1$"))
    axes[0].set_ylabel(r"$f(\hat y)$")
    axes[1].set_ylabel(r"$\partial^2 L / \partial \theta_i^2$")
    for ax, where in zip(axes, ("lower center", "lower center")):
        ax.axhline(0.0, color=BLACK, linewidth=0.8)
        ax.set_xlim(0, 1)
        ax.set_xlabel(r"$\hat y$")
        ax.legend(loc=where, fontsize=9)
    fig.suptitle(t("Sigmoid + MSE: độ cong âm ở vùng tô màu → hàm mất mát không lồi",
                   "Sigmoid + MSE: negative curvature in the shaded regions → not convex"))
    return fig


# === Chapter: decision boundaries ========================================================

@_figure_function
def decision_boundary_circle_figure(lang: str) -> Figure:
    """ŷ = σ(x1² + x2² − 1): the boundary ŷ = 0.5 is the unit circle."""
    t = _tr(lang)
    fig, (ax,) = _figure(width=6.0, height=5.0)
    grid = np.linspace(-2.0, 2.0, 101)
    x1, x2 = np.meshgrid(grid, grid)
    y_hat = sigmoid(x1**2 + x2**2 - 1.0)  # the model's logit: z = x1² + x2² − 1
    filled = ax.contourf(x1, x2, y_hat, levels=np.linspace(0.0, 1.0, 11), cmap=PROBA_CMAP, vmin=0, vmax=1)
    lines = ax.contour(x1, x2, y_hat, levels=[0.3, 0.5, 0.7], colors=[GREY, BLACK, GREY],
                       linewidths=[0.8, 2.0, 0.8], linestyles=["--", "-", "--"])
    ax.clabel(lines, fmt=lambda v: f"{v:.1f}", fontsize=9)
    bar = fig.colorbar(filled, ax=ax, ticks=np.linspace(0, 1, 6))
    bar.set_label(t(r"$\hat y = \sigma(x_1^2 + x_2^2 - 1)$", r"$\hat y = \sigma(x_1^2 + x_2^2 - 1)$")
                  + t(" (xác suất lớp 1)", " (probability of class 1)"))
    table = circle_boundary()  # the notes' five points
    points = np.array(table.points)
    _scatter_classes(ax, points[:, 0], np.array(table.predicted), (t("dự đoán lớp 0", "predicted class 0"),
                     t("dự đoán lớp 1", "predicted class 1")), height=points[:, 1], size=60)
    for (px, py), p in zip(table.points, table.y_prob):
        ax.annotate(f"{_num(p, 2)}", xy=(px, py), xytext=(7, 4), textcoords="offset points", fontsize=9)
    ax.text(0.0, -0.68, t("ŷ < 0.5\n→ lớp 0", "ŷ < 0.5\n→ class 0"), ha="center", va="center")
    ax.text(1.55, 1.75, t("ŷ > 0.5 → lớp 1", "ŷ > 0.5 → class 1"), ha="center", va="center")
    ax.legend(loc="lower left", fontsize=9)
    ax.set_aspect("equal")
    ax.grid(False)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title(t("Ranh giới quyết định $\\hat y = 0.5$ là đường tròn $x_1^2 + x_2^2 = 1$",
                   "The decision boundary $\\hat y = 0.5$ is the circle $x_1^2 + x_2^2 = 1$"))
    return fig


# === Chapter: gradient descent (review) ==================================================

def _arrow(ax, start, end, color: str, rad: float = 0.0, style: str = "-") -> None:
    ax.annotate("", xy=end, xytext=start, zorder=4,
                arrowprops={"arrowstyle": "-|>", "color": color, "linewidth": 1.6, "linestyle": style,
                            "shrinkA": 4, "shrinkB": 4, "connectionstyle": f"arc3,rad={rad}",
                            "mutation_scale": 14})


@_figure_function
def walk_2d_figure(lang: str) -> Figure:
    """The slides' walk on f = x² + y² from (3, 4) next to standard GD with η = 1 and η = 0.25."""
    t = _tr(lang)
    fig, axes = _figure(2, width=8.0, height=4.3, sharey=True)
    signs = slides_walk()                                          # the slides' numbers (sign rule)
    slides = walk_2d(x0=3.0, y0=4.0, eta=1.0, steps=4)             # standard GD with eta = 1
    small = walk_2d(x0=3.0, y0=4.0, eta=_WALK_SMALL_ETA, steps=6)  # standard GD with a small eta
    grid = np.linspace(-5.5, 5.5, 89)
    gx, gy = np.meshgrid(grid, grid)
    for ax in axes:
        # Level sets of f itself, f = x^2 + y^2: circles through the walk's losses 1, 5, 13, 25.
        ax.contour(gx, gy, gx**2 + gy**2, levels=sorted(set(signs.loss[:-1].tolist())), colors="#BBBBBB",
                   linewidths=0.8)
        ax.plot([0], [0], marker="*", markersize=13, color=GREEN, markeredgecolor=BLACK, linestyle="none",
                zorder=6, label=t("cực tiểu (0, 0)", "minimum (0, 0)"))
        ax.set_aspect("equal")
        ax.set_xlim(-5.5, 5.5)
        ax.set_ylim(-5.5, 5.5)
        ax.set_xlabel("$x$")
    axes[0].set_ylabel("$y$")

    # Left: the slides' numbers, produced by x <- x - eta * sign(df/dx).
    pts = signs.params
    axes[0].plot(pts[:, 0], pts[:, 1], linestyle="none", marker="o", color=ORANGE, markeredgecolor=BLACK,
                 zorder=5, label=t(r"$x \leftarrow x - \eta\,\mathrm{sign}(\partial f/\partial x)$",
                                   r"$x \leftarrow x - \eta\,\mathrm{sign}(\partial f/\partial x)$"))
    for a, b in zip(pts[:-1], pts[1:]):
        _arrow(axes[0], a, b, ORANGE)
    for k, (px, py) in enumerate(pts[:-1]):
        axes[0].annotate(f"({px:g}, {py:g})", xy=(px, py), xytext=(6, -3), textcoords="offset points",
                         fontsize=9, ha="left", va="top")
    axes[0].set_title(t("Bài giảng: bước $\\eta = 1$ theo dấu đạo hàm", "Slides: steps of $\\eta = 1$ by the sign"))
    axes[0].legend(loc="lower left", fontsize=9)

    # Right: standard gradient descent x <- x - eta * df/dx.
    gd = np.array(slides.gd_points)
    axes[1].plot(gd[:2, 0], gd[:2, 1], linestyle="none", marker="s", color=VERMILLION, markeredgecolor=BLACK,
                 zorder=5, label=t(f"$\\eta = {slides.eta:g}$: dao động mãi", f"$\\eta = {slides.eta:g}$: oscillates forever"))
    _arrow(axes[1], gd[0], gd[1], VERMILLION, rad=0.25)
    _arrow(axes[1], gd[1], gd[2], VERMILLION, rad=0.25, style="--")
    for px, py in gd[:2]:
        axes[1].annotate(f"({_num(px, 0)}, {_num(py, 0)})", xy=(px, py), xytext=(0, 9 if py > 0 else -9),
                         textcoords="offset points", fontsize=9, ha="center", va="bottom" if py > 0 else "top")
    conv = np.array(small.gd_points)
    axes[1].plot(conv[:, 0], conv[:, 1], marker="o", markersize=5, color=BLUE, linewidth=1.2, zorder=5,
                 label=t(f"$\\eta = {small.eta:g}$: hội tụ", f"$\\eta = {small.eta:g}$: converges"))
    axes[1].set_title(t(r"GD chuẩn: $x \leftarrow x - \eta\,\partial f/\partial x$",
                        r"Standard GD: $x \leftarrow x - \eta\,\partial f/\partial x$"))
    axes[1].legend(loc="lower right", fontsize=9)
    fig.suptitle(t("$f(x, y) = x^2 + y^2$ từ $(3, 4)$: quy tắc nào cho ra các số của bài giảng?",
                   "$f(x, y) = x^2 + y^2$ from $(3, 4)$: which rule gives the slides' numbers?"))
    return fig


#: A learning rate that converges on x² + y² (each step multiplies the point by 1 − 2η).
_WALK_SMALL_ETA = 0.25
#: Learning rates for f(x) = x²: slow, zig-zag, 2-cycle, divergent (factor 1 − 2η per step).
_SQUARE_ETAS = (0.1, 0.9, 1.0, 1.05)


@_figure_function
def square_gd_figure(lang: str) -> Figure:
    """Gradient descent on f(x) = x² from x0 = 3 for several learning rates."""
    t = _tr(lang)
    fig, axes = _figure(2, width=8.0, height=4.0)
    styles = {0.1: (BLUE, "-", "o"), 0.9: (ORANGE, "--", "s"), 1.0: (VERMILLION, ":", "^"),
              1.05: (PURPLE, "-.", "D")}
    words = {0.1: t("hội tụ chậm", "slow"), 0.9: t("zig-zag, hội tụ", "zig-zag, converges"),
             1.0: t("dao động mãi", "oscillates forever"), 1.05: t("phân kỳ", "diverges")}
    runs = {eta: square_function_walk(3.0, lr=eta, steps=12) for eta in _SQUARE_ETAS}
    # Left: the iterates on the parabola, for two learning rates.
    curve = np.linspace(-3.5, 3.5, 281)
    axes[0].plot(curve, curve**2, color=GREY, linewidth=1.2, label="$f(x) = x^2$")
    for eta in (0.1, 0.9):
        color, style, marker = styles[eta]
        axes[0].plot(runs[eta].params[:7, 0], runs[eta].loss[:7], color=color, linestyle=style, marker=marker, markersize=6, linewidth=1.2,
                     label=f"$\\eta = {eta:g}$")
    axes[0].set_xlabel("$x$")
    axes[0].set_ylabel("$f(x)$")
    axes[0].set_title(t("Các bước trên parabol $f(x) = x^2$", "The steps on the parabola $f(x) = x^2$"))
    axes[0].legend(loc="upper center", fontsize=9)
    # Right: x_t against t for every learning rate.
    for eta in _SQUARE_ETAS:
        color, style, marker = styles[eta]
        xs = runs[eta].params[:, 0]
        axes[1].plot(range(len(xs)), xs, color=color, linestyle=style, marker=marker, markersize=4,
                     linewidth=1.4, label=f"$\\eta = {eta:g}$: {words[eta]}")
    axes[1].axhline(0.0, color=BLACK, linewidth=0.8)
    axes[1].set_xlabel(t("bước $t$", "step $t$"))
    axes[1].set_ylabel("$x_t$")
    axes[1].set_title(t(r"$x_t = x_{t-1} - \eta f'(x_{t-1})$, $x_0 = 3$", r"$x_t = x_{t-1} - \eta f'(x_{t-1})$, $x_0 = 3$"))
    axes[1].legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, fontsize=9)
    fig.suptitle(t("Tốc độ học quyết định: hội tụ, dao động hay phân kỳ",
                   "The learning rate decides: converge, oscillate or diverge"))
    return fig



# --- TODO(datasets or models): no standardising helper exists yet; this is the only math
# written here. Replace it when one lands (e.g. a StandardScaler in lossbook.models).

def _standardise(X: np.ndarray) -> np.ndarray:
    """Each column to mean 0 and standard deviation 1 (population std, ddof = 0)."""
    return (X - X.mean(axis=0)) / X.std(axis=0)


def _fit_separable(X: np.ndarray, y: np.ndarray, **params) -> LogisticRegression:
    """A BCE fit on separable data, where no minimiser exists: the fit is "after this many
    gradient steps"; the warning that says so is expected, not shown."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SeparableDataWarning)
        return LogisticRegression(**params).fit(X, y)


# === Chapter: linear regression, and why a line does not fit labels ======================

@_figure_function
def house_prices_figure(lang: str) -> Figure:
    """The four houses with the slides' two lines and the least-squares line."""
    t = _tr(lang)
    ds = datasets.house_prices()
    fig, (ax,) = _figure(height=4.3)
    best = LinearRegression().fit(ds.X, ds.y)
    lines = (  # (w, b, MSE on the four houses)
        (-0.34, 0.04, house_price_table(-0.34, 0.04).mse, VERMILLION, ":", t("bài giảng", "slides")),
        (1.17, 0.26, house_price_table(1.17, 0.26).mse, ORANGE, "--", t("bài giảng", "slides")),
        (float(best.coef_[0]), best.intercept_, mse_loss(ds.y, best.predict(ds.X)), BLUE, "-",
         t("bình phương tối thiểu", "least squares")),
    )
    for w, b, mse, color, style, source in lines:
        ax.axline((0.0, b), slope=w, color=color, linestyle=style,
                  label=f"{source}: $w = {_num(w)}$, $b = {_num(b)}$ (MSE {_num(mse)})")
    table = house_price_table(1.17, 0.26)
    for xi, yi, pi in zip(table.area, table.price, table.predicted):
        ax.plot([xi, xi], [yi, pi], color=ORANGE, linewidth=1.0)
    ax.scatter(ds.x, ds.y, s=60, color=BLACK, zorder=5, label=t("bốn căn nhà", "the four houses"))
    ax.axhline(0.0, color=GREY, linewidth=0.8)
    ax.set_xlim(0, 8)
    ax.set_ylim(-3.5, 11)
    ax.set_xlabel(t("diện tích", "area"))
    ax.set_ylabel(t("giá nhà", "price"))
    ax.set_title(t("Dự đoán giá nhà $\\hat y = wx + b$: đường nào khớp hơn?",
                   "House prices $\\hat y = wx + b$: which line fits better?"))
    ax.legend(loc="upper left", fontsize=9)
    return fig


def _petal_axes(ax, t, ds, xlim=(0.0, 5.5)) -> None:
    _scatter_classes(ax, ds.x, ds.y, (t("hoa A (nhãn 0)", "flower A (label 0)"),
                                      t("hoa B (nhãn 1)", "flower B (label 1)")))
    ax.set_xlim(*xlim)
    ax.set_xlabel(t("chiều dài cánh hoa $x$", "petal length $x$"))


@_figure_function
def petal_line_figure(lang: str) -> Figure:
    """The six petals with the least-squares line: it leaves [0, 1]."""
    t = _tr(lang)
    ds = datasets.petal_lengths()
    fig, (ax,) = _figure(height=4.2)
    line = LinearRegression().fit(ds.X, ds.y)
    w, b = float(line.coef_[0]), line.intercept_
    equation = f"$\\hat y = {_affine(w, b, 3)}$"
    ax.axline((0.0, b), slope=w, color=GREEN,
              label=t(f"bình phương tối thiểu: {equation}", f"least squares: {equation}"))
    for low, high in ((-1.0, 0.0), (1.0, 2.0)):
        ax.axhspan(low, high, color=GREY, alpha=0.15, linewidth=0)
    ax.text(5.4, 1.25, t("$\\hat y > 1$: không phải xác suất", "$\\hat y > 1$: not a probability"),
            ha="right", va="center", color=BLACK)
    ax.text(0.1, -0.2, t("$\\hat y < 0$: không phải xác suất", "$\\hat y < 0$: not a probability"),
            ha="left", va="center", color=BLACK)
    _petal_axes(ax, t, ds)
    ax.set_ylim(-0.45, 1.45)
    ax.set_ylabel(t("nhãn / dự đoán $\\hat y$", "label / prediction $\\hat y$"))
    ax.set_title(t("Một đường thẳng không phù hợp: nó ra ngoài $[0, 1]$",
                   "A line is not suitable: it leaves $[0, 1]$"))
    ax.legend(loc="upper left", fontsize=9)
    return fig


#: Full-batch GD on the six petals for the "fitted" curve: the petals are separable, BCE has
#: no minimiser (the weights grow for ever), so the fit is "after this many steps".
_PETAL_GD_ETA, _PETAL_GD_STEPS = 0.5, 1000


@_figure_function
def petal_sigmoid_figure(lang: str) -> Figure:
    """The six petals with the slides' two sigmoids and a model fitted by minimising BCE."""
    t = _tr(lang)
    ds = datasets.petal_lengths()
    fig, (ax,) = _figure(height=4.3)
    x = np.linspace(0.0, 5.5, 301)
    for (w, b), color, style, marker in (((0.535, -0.654), PURPLE, ":", "s"),
                                         ((2.331, -5.156), ORANGE, "--", "D")):
        table = petal_sigmoid_table(w, b)
        ax.plot(x, sigmoid(w * x + b), color=color, linestyle=style,
                label=t("bài giảng", "slides") + f": $z = {_affine(w, b, None)}$")
        ax.plot(table.x, table.y_prob, linestyle="none", marker=marker, markersize=5, color=color,
                markeredgecolor=BLACK, zorder=4)
    fitted = _fit_separable(ds.X, ds.y, solver="gd", lr=_PETAL_GD_ETA, max_iter=_PETAL_GD_STEPS, tol=0.0)
    w, b = float(fitted.coef_[0]), fitted.intercept_
    ax.plot(x, fitted.predict_proba(x[:, None])[:, 1], color=BLUE,
            label=t(f"BCE, {fitted.n_iter_} bước GD: $z = {_affine(w, b)}$",
                    f"BCE, {fitted.n_iter_} GD steps: $z = {_affine(w, b)}$"))
    ax.axhline(0.5, color=GREY, linewidth=0.8, linestyle=":")
    _petal_axes(ax, t, ds)
    ax.set_ylim(-0.08, 1.08)
    ax.set_ylabel(r"$\hat y = \sigma(wx + b)$")
    ax.set_title(t("Hàm sigmoid khớp với nhãn 0/1 của sáu bông hoa",
                   "A sigmoid fits the six flowers' 0/1 labels"))
    ax.legend(loc="lower right", fontsize=9)
    return fig


# === Chapter: decision boundaries, thresholds ============================================

@_figure_function
def decision_boundary_line_figure(lang: str) -> Figure:
    """Iris versicolor vs virginica, petal length and width: the fitted line ŷ = 0.5."""
    t = _tr(lang)
    ds = datasets.iris_binary("versicolor-virginica", features=("petal_length", "petal_width"))
    model = LogisticRegression().fit(ds.X, ds.y)  # Newton's method: the classes overlap
    fig, (ax,) = _figure(width=7.0, height=4.8)
    g1 = np.linspace(2.8, 7.2, 89)
    g2 = np.linspace(0.8, 2.7, 77)
    x1, x2 = np.meshgrid(g1, g2)
    y_hat = model.predict_proba(np.column_stack([x1.ravel(), x2.ravel()]))[:, 1].reshape(x1.shape)
    filled = ax.contourf(x1, x2, y_hat, levels=np.linspace(0.0, 1.0, 11), cmap=PROBA_CMAP, vmin=0, vmax=1)
    lines = ax.contour(x1, x2, y_hat, levels=[0.1, 0.5, 0.9], colors=[GREY, BLACK, GREY],
                       linewidths=[0.8, 2.0, 0.8], linestyles=["--", "-", "--"])
    ax.clabel(lines, fmt=lambda v: f"{v:.1f}", fontsize=9)
    bar = fig.colorbar(filled, ax=ax, ticks=np.linspace(0, 1, 6))
    bar.set_label(t("$\\hat y$ = xác suất là virginica", "$\\hat y$ = probability of virginica"))
    _scatter_classes(ax, ds.X[:, 0], ds.y, ("versicolor (0)", "virginica (1)"), height=ds.X[:, 1],
                     size=30, alpha=0.85)
    b, (w1, w2) = model.intercept_, model.coef_
    ax.set_xlim(g1[0], g1[-1])
    ax.set_ylim(g2[0], g2[-1])
    ax.grid(False)
    ax.set_xlabel(t("chiều dài cánh hoa $x_1$ (cm)", "petal length $x_1$ (cm)"))
    ax.set_ylabel(t("chiều rộng cánh hoa $x_2$ (cm)", "petal width $x_2$ (cm)"))
    equation = f"${_num(w1)}x_1 {'-' if w2 < 0 else '+'} {_affine(abs(w2), b, var='x_2')} = 0$"
    ax.set_title(t(f"Ranh giới quyết định là một đường thẳng: {equation}",
                   f"The decision boundary is a straight line: {equation}"), fontsize=11)
    ax.legend(loc="upper left", fontsize=9)
    return fig


@_figure_function
def tumour_threshold_figure(lang: str) -> Figure:
    """Breast-cancer mean radius vs malignant, the fitted sigmoid and the 0.5 threshold."""
    t = _tr(lang)
    ds = datasets.tumour_sizes()
    model = LogisticRegression().fit(ds.X, ds.y)  # Newton's method: the classes overlap
    fig, (ax,) = _figure(height=4.3)
    # Spread the 0/1 labels a little vertically so 569 points do not sit on two lines
    # (seeded, so the figure is the same every time).
    jitter = np.random.default_rng(0).uniform(-0.035, 0.035, ds.m)
    _scatter_classes(ax, ds.x, ds.y, (t("lành tính (0)", "benign (0)"), t("ác tính (1)", "malignant (1)")),
                     height=ds.y + jitter, size=14, alpha=0.45)
    x = np.linspace(5.0, 30.0, 301)
    ax.plot(x, model.predict_proba(x[:, None])[:, 1], color=BLACK,
            label=t("sigmoid đã khớp (BCE)", "fitted sigmoid (BCE)"))
    b, w = model.intercept_, float(model.coef_[0])
    threshold = 0.5
    x_cut = (logit(threshold) - b) / w
    ax.axhline(threshold, color=GREY, linewidth=1.0, linestyle="--")
    ax.axvline(x_cut, color=GREEN, linewidth=1.4, linestyle="-.",
               label=t(f"ngưỡng 0.5 ↔ bán kính {_num(x_cut)}", f"threshold 0.5 ↔ radius {_num(x_cut)}"))
    story = tumour_threshold()
    x_story = (story.z - b) / w
    ax.plot([x_story], [story.probability], marker="o", markersize=9, color=ORANGE, markeredgecolor=BLACK, zorder=6)
    ax.annotate(t(f"$\\hat y = {story.probability:g} < 0.5$ → {story.label('vi')}",
                  f"$\\hat y = {story.probability:g} < 0.5$ → {story.label('en')}"),
                xy=(x_story, story.probability), xytext=(x_story + 3.0, 0.22),
                arrowprops={"arrowstyle": "->", "color": GREY})
    ax.set_xlim(5, 30)
    ax.set_ylim(-0.08, 1.08)
    ax.set_xlabel(t("bán kính trung bình của nhân tế bào (mean radius)", "mean radius of the cell nuclei"))
    ax.set_ylabel(t("$\\hat y$ = xác suất ác tính", "$\\hat y$ = probability of malignant"))
    ax.set_title(t("Khối u: xác suất ác tính theo kích thước, cắt ở ngưỡng 0.5",
                   "Tumours: probability of malignant against size, cut at 0.5"))
    ax.legend(loc="center right", fontsize=9)
    return fig


# === Chapter: optimisers =================================================================

#: Learning rates and lengths for the loss-history comparison (standardised features).
#: The gradient of the mean BCE is L-Lipschitz with L = λmax(X_bᵀX_b)/(4m) ≈ 0.46 here, so
#: GD is stable for η < 2/L ≈ 4.4; η = 2 ≈ 1/L is the textbook choice.
_HISTORY_GD_ETA, _HISTORY_SGD_ETA, _HISTORY_STEPS = 2.0, 0.05, 100


@_figure_function
def loss_history_figure(lang: str) -> Figure:
    """Gap to the optimum of the mean BCE per iteration: GD, SGD, Newton (iris, 2 features)."""
    t = _tr(lang)
    ds = datasets.iris_binary("versicolor-virginica", features=("petal_length", "petal_width"))
    X = _standardise(ds.X)
    theta0 = np.zeros(X.shape[1] + 1)  # every optimiser starts at theta = 0 (mean BCE ln 2)
    by_newton = newton(X, ds.y, theta0)
    optimum = float(by_newton.loss[-1])
    by_sgd = sgd_logistic(X, ds.y, theta0, lr=_HISTORY_SGD_ETA, epochs=_HISTORY_STEPS, order="shuffle", seed=0)
    runs = (
        (full_batch_gd(X, ds.y, theta0, lr=_HISTORY_GD_ETA, steps=_HISTORY_STEPS).loss,
         t(f"GD toàn bộ dữ liệu, $\\eta = {_HISTORY_GD_ETA:g}$", f"full-batch GD, $\\eta = {_HISTORY_GD_ETA:g}$"),
         BLUE, "-", "o"),
        (by_sgd.loss[::ds.m],  # the mean loss after every epoch (m per-sample steps)
         t(f"SGD, $\\eta = {_HISTORY_SGD_ETA:g}$ (mỗi lần lặp: một vòng dữ liệu)",
           f"SGD, $\\eta = {_HISTORY_SGD_ETA:g}$ (one iteration = one epoch)"),
         ORANGE, "--", "s"),
        (by_newton.loss, t("phương pháp Newton", "Newton's method"), VERMILLION, "-", "^"),
    )
    fig, (ax,) = _figure(height=4.3)
    # Gaps below 1e-15 are rounding noise of float64 losses near 0.1: plot them at the floor.
    floor = 1e-15
    for losses, label, color, style, marker in runs:
        gaps = np.asarray(losses) - optimum
        ax.semilogy(range(len(gaps)), np.maximum(gaps, floor), color=color, linestyle=style, marker=marker,
                    markersize=4, markevery=max(1, len(gaps) // 15), label=label)
    ax.set_xlim(0, _HISTORY_STEPS)
    ax.set_ylim(floor / 2, 1.0)
    ax.set_xlabel(t("lần lặp", "iteration"))
    ax.set_ylabel(t("$J(\\theta_t) - J^*$ (thang log)", "$J(\\theta_t) - J^*$ (log scale)"))
    ax.set_title(t(f"BCE trung bình trừ giá trị tối ưu $J^* = {_num(optimum, 4)}$ (iris: versicolor/virginica)",
                   f"Mean BCE minus its optimum $J^* = {_num(optimum, 4)}$ (iris: versicolor/virginica)"),
                 fontsize=11)
    ax.legend(loc="lower left", bbox_to_anchor=(0.25, 0.02), fontsize=9)
    return fig


#: Every figure of the site, name -> ``f(lang="vi") -> Figure``, in the lesson's order.
FIGURES: dict[str, Callable[..., Figure]] = {
    # review: gradient descent, linear regression
    "square_gd": square_gd_figure,
    "walk_2d": walk_2d_figure,
    "house_prices": house_prices_figure,
    # from a line to the sigmoid
    "petal_line": petal_line_figure,
    "logistic_growth": logistic_growth_figure,
    "sigmoid": sigmoid_figure,
    "petal_sigmoid": petal_sigmoid_figure,
    "decision_boundary_line": decision_boundary_line_figure,
    "decision_boundary_circle": decision_boundary_circle_figure,
    "tumour_threshold": tumour_threshold_figure,
    # the loss: MSE vs BCE
    "losses_per_sample": losses_per_sample_figure,
    "mse_curvature": mse_curvature_figure,
    "landscape": landscape_figure,
    # optimisers, entropy
    "loss_history": loss_history_figure,
    "entropy": entropy_figure,
}
