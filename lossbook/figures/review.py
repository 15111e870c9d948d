"""Figures of the review chapters: gradient descent (chapter 1) and linear regression (chapter 3)."""

from __future__ import annotations

from functools import partial

import numpy as np
from matplotlib.figure import Figure

from .. import datasets
from ..lesson import house_price_table, walk_2d
from ..losses import mse_loss
from ..models import LinearRegression
from ..optim import slides_walk, square_function_walk
from ..text import fmt, tr
from ._style import PRIME, C, arrow, figure_function, figure_grid

#: A learning rate that converges on x² + y² (each step multiplies the point by 1 − 2η).
_WALK_SMALL_ETA = 0.25


#: Learning rates for f(x) = x²: slow, zig-zag, 2-cycle, divergent (factor 1 − 2η per step).
_SQUARE_ETAS = (0.1, 0.9, 1.0, 1.05)


@figure_function
def square_gd_figure(lang: str) -> Figure:
    """Gradient descent on f(x) = x² from x0 = 3 for several learning rates."""
    t = partial(tr, lang)
    fig, axes = figure_grid(2, width=8.0, height=4.0)
    styles = {
        0.1: (C.BLUE, "-", "o"),
        0.9: (C.ORANGE, "--", "s"),
        1.0: (C.VERMILLION, ":", "^"),
        1.05: (C.PURPLE, "-.", "D"),
    }
    words = {
        0.1: t("hội tụ chậm", "slow"),
        0.9: t("zig-zag, hội tụ", "zig-zag, converges"),
        1.0: t("dao động mãi", "oscillates forever"),
        1.05: t("phân kỳ", "diverges"),
    }
    runs = {eta: square_function_walk(3.0, lr=eta, steps=12) for eta in _SQUARE_ETAS}
    # Left: the iterates on the parabola, for two learning rates.
    curve = np.linspace(-3.5, 3.5, 281)
    axes[0].plot(curve, curve**2, color=C.GREY, linewidth=1.2, label="$f(x) = x^2$")
    for eta in (0.1, 0.9):
        color, style, marker = styles[eta]
        axes[0].plot(
            runs[eta].params[:7, 0],
            runs[eta].loss[:7],
            color=color,
            linestyle=style,
            marker=marker,
            markersize=6,
            linewidth=1.2,
            label=f"$\\eta = {eta:g}$",
        )
    axes[0].set_xlabel("$x$")
    axes[0].set_ylabel("$f(x)$")
    axes[0].set_title(t("Các bước trên parabol $f(x) = x^2$", "The steps on the parabola $f(x) = x^2$"))
    axes[0].legend(loc="upper center", fontsize=9)
    # Right: x_t against t for every learning rate.
    for eta in _SQUARE_ETAS:
        color, style, marker = styles[eta]
        xs = runs[eta].params[:, 0]
        axes[1].plot(
            range(len(xs)),
            xs,
            color=color,
            linestyle=style,
            marker=marker,
            markersize=4,
            linewidth=1.4,
            label=f"$\\eta = {eta:g}$: {words[eta]}",
        )
    axes[1].axhline(0.0, color=C.BLACK, linewidth=0.8)
    axes[1].set_xlabel(t("bước $t$", "step $t$"))
    axes[1].set_ylabel("$x_t$")
    axes[1].set_title(
        t(
            rf"$x_t = x_{{t-1}} - \eta f{PRIME}(x_{{t-1}})$, $x_0 = 3$",
            rf"$x_t = x_{{t-1}} - \eta f{PRIME}(x_{{t-1}})$, $x_0 = 3$",
        )
    )
    axes[1].legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, fontsize=9)
    fig.suptitle(
        t(
            "Tốc độ học quyết định: hội tụ, dao động hay phân kỳ",
            "The learning rate decides: converge, oscillate or diverge",
        )
    )
    return fig


@figure_function
def walk_2d_figure(lang: str) -> Figure:
    """The slides' walk on f = x² + y² from (3, 4) next to standard GD with η = 1 and η = 0.25."""
    t = partial(tr, lang)
    fig, axes = figure_grid(2, width=8.0, height=4.3, sharey=True)
    signs = slides_walk()  # the slides' numbers (sign rule)
    slides = walk_2d(x0=3.0, y0=4.0, eta=1.0, steps=4)  # standard GD with eta = 1
    small = walk_2d(x0=3.0, y0=4.0, eta=_WALK_SMALL_ETA, steps=6)  # standard GD with a small eta
    grid = np.linspace(-5.5, 5.5, 89)
    gx, gy = np.meshgrid(grid, grid)
    for ax in axes:
        # Level sets of f itself, f = x^2 + y^2: circles through the walk's losses 1, 5, 13, 25.
        ax.contour(gx, gy, gx**2 + gy**2, levels=sorted(set(signs.loss[:-1].tolist())), colors=C.FAINT, linewidths=0.8)
        ax.plot(
            [0],
            [0],
            marker="*",
            markersize=13,
            color=C.GREEN,
            markeredgecolor=C.BLACK,
            linestyle="none",
            zorder=6,
            label=t("cực tiểu (0, 0)", "minimum (0, 0)"),
        )
        ax.set_aspect("equal")
        ax.set_xlim(-5.5, 5.5)
        ax.set_ylim(-5.5, 5.5)
        ax.set_xlabel("$x$")
    axes[0].set_ylabel("$y$")

    # Left: the slides' numbers, produced by x <- x - eta * sign(df/dx).
    pts = signs.params
    axes[0].plot(
        pts[:, 0],
        pts[:, 1],
        linestyle="none",
        marker="o",
        color=C.ORANGE,
        markeredgecolor=C.BLACK,
        zorder=5,
        label=t(
            r"$x \leftarrow x - \eta\,\mathrm{sign}(\partial f/\partial x)$",
            r"$x \leftarrow x - \eta\,\mathrm{sign}(\partial f/\partial x)$",
        ),
    )
    for a, b in zip(pts[:-1], pts[1:], strict=True):
        arrow(axes[0], a, b, C.ORANGE)
    for _k, (px, py) in enumerate(pts[:-1]):
        axes[0].annotate(
            f"({px:g}, {py:g})",
            xy=(px, py),
            xytext=(6, -3),
            textcoords="offset points",
            fontsize=9,
            ha="left",
            va="top",
        )
    axes[0].set_title(t("Bước $\\eta = 1$ theo dấu đạo hàm", "Steps of $\\eta = 1$ by the sign"))
    axes[0].legend(loc="lower left", fontsize=9)

    # Right: standard gradient descent x <- x - eta * df/dx.
    gd = np.array(slides.gd_points)
    axes[1].plot(
        gd[:2, 0],
        gd[:2, 1],
        linestyle="none",
        marker="s",
        color=C.VERMILLION,
        markeredgecolor=C.BLACK,
        zorder=5,
        label=t(f"$\\eta = {slides.eta:g}$: dao động mãi", f"$\\eta = {slides.eta:g}$: oscillates forever"),
    )
    arrow(axes[1], gd[0], gd[1], C.VERMILLION, rad=0.25)
    arrow(axes[1], gd[1], gd[2], C.VERMILLION, rad=0.25, style="--")
    for px, py in gd[:2]:
        axes[1].annotate(
            f"({fmt(px, 0)}, {fmt(py, 0)})",
            xy=(px, py),
            xytext=(0, 9 if py > 0 else -9),
            textcoords="offset points",
            fontsize=9,
            ha="center",
            va="bottom" if py > 0 else "top",
        )
    conv = np.array(small.gd_points)
    axes[1].plot(
        conv[:, 0],
        conv[:, 1],
        marker="o",
        markersize=5,
        color=C.BLUE,
        linewidth=1.2,
        zorder=5,
        label=t(f"$\\eta = {small.eta:g}$: hội tụ", f"$\\eta = {small.eta:g}$: converges"),
    )
    axes[1].set_title(
        t(
            r"GD chuẩn: $x \leftarrow x - \eta\,\partial f/\partial x$",
            r"Standard GD: $x \leftarrow x - \eta\,\partial f/\partial x$",
        )
    )
    axes[1].legend(loc="lower right", fontsize=9)
    fig.suptitle(
        t(
            "$f(x, y) = x^2 + y^2$ từ $(3, 4)$: bước theo dấu hay gradient descent?",
            "$f(x, y) = x^2 + y^2$ from $(3, 4)$: sign steps or gradient descent?",
        )
    )
    return fig


@figure_function
def house_prices_figure(lang: str) -> Figure:
    """The four houses with the slides' two lines and the least-squares line."""
    t = partial(tr, lang)
    ds = datasets.house_prices()
    fig, (ax,) = figure_grid(height=4.3)
    best = LinearRegression().fit(ds.X, ds.y)
    lines = (  # (w, b, MSE on the four houses)
        (-0.34, 0.04, house_price_table(-0.34, 0.04).mse, C.VERMILLION, ":", t("bài giảng", "slides")),
        (1.17, 0.26, house_price_table(1.17, 0.26).mse, C.ORANGE, "--", t("bài giảng", "slides")),
        (
            float(best.coef_[0]),
            best.intercept_,
            mse_loss(ds.y, best.predict(ds.X)),
            C.BLUE,
            "-",
            t("bình phương tối thiểu", "least squares"),
        ),
    )
    for w, b, mse, color, style, source in lines:
        ax.axline(
            (0.0, b),
            slope=w,
            color=color,
            linestyle=style,
            label=f"{source}: $w = {fmt(w, 2)}$, $b = {fmt(b, 2)}$ (MSE {fmt(mse, 2)})",
        )
    table = house_price_table(1.17, 0.26)
    for xi, yi, pi in zip(table.area, table.price, table.predicted, strict=True):
        ax.plot([xi, xi], [yi, pi], color=C.ORANGE, linewidth=1.0)
    ax.scatter(ds.x, ds.y, s=60, color=C.BLACK, zorder=5, label=t("bốn căn nhà", "the four houses"))
    ax.axhline(0.0, color=C.GREY, linewidth=0.8)
    ax.set_xlim(0, 8)
    ax.set_ylim(-3.5, 11)
    ax.set_xlabel(t("diện tích", "area"))
    ax.set_ylabel(t("giá nhà", "price"))
    ax.set_title(
        t(
            "Dự đoán giá nhà $\\hat y = wx + b$: đường nào khớp hơn?",
            "House prices $\\hat y = wx + b$: which line fits better?",
        )
    )
    ax.legend(loc="upper left", fontsize=9)
    return fig
