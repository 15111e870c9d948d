"""Figures of the loss chapters: sigmoid + MSE (7), binary cross-entropy and entropy (8), convexity (9)."""

from __future__ import annotations

from functools import partial

import numpy as np
from matplotlib.colors import BoundaryNorm
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from .. import datasets
from ..entropy import binary_entropy
from ..logit_curvature import score_loss, score_loss_second_derivative
from ..losses import (
    _sigmoid_mse_bracket,
    bce_per_sample,
    bce_second_derivative,
    loss_landscape,
    sigmoid_mse_negative_curvature,
    sigmoid_mse_second_derivative,
    squared_error,
)
from ..text import fmt, tr
from ._style import C, figure_function, figure_grid


@figure_function
def losses_per_sample_figure(lang: str) -> Figure:
    """Loss of one sample against ŷ, for y = 1 and y = 0: squared error vs BCE."""
    t = partial(tr, lang)
    fig, axes = figure_grid(2, width=7.5, height=4.0, sharey=True)
    # Stop 5e-4 short of 0 and 1: BCE is infinite there (clipped to 36 by bce_per_sample),
    # and the axis ends at 5 anyway.
    y_hat = np.linspace(5e-4, 1.0 - 5e-4, 500)
    for ax, label in zip(axes, (1, 0), strict=True):
        y = np.full_like(y_hat, float(label))
        ax.plot(
            y_hat,
            squared_error(y, y_hat),
            color=C.BLUE,
            linestyle="--",
            label=t("sai số bình phương", "squared error") + r" $(\hat y - y)^2$",
        )
        bce_tex = r"$-\ln \hat y$" if label == 1 else r"$-\ln(1 - \hat y)$"
        ax.plot(y_hat, bce_per_sample(y, y_hat), color=C.VERMILLION, label=f"BCE {bce_tex}")
        wrong_end = 0.0 if label == 1 else 1.0
        ax.annotate(
            "BCE → ∞",
            xy=(abs(wrong_end - 0.02), 4.8),
            xytext=(abs(wrong_end - 0.3), 4.2),
            ha="center",
            arrowprops={"arrowstyle": "->", "color": C.VERMILLION},
            color=C.VERMILLION,
        )
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 5)
        ax.set_title(t(f"nhãn $y = {label}$", f"label $y = {label}$"))
        ax.set_xlabel(t(r"xác suất dự đoán $\hat y$", r"predicted probability $\hat y$"))
        ax.legend(loc="center right" if label == 1 else "center left")
    axes[0].set_ylabel(t("mất mát của một mẫu", "loss of one sample"))
    fig.suptitle(
        t(
            "Càng sai một cách tự tin, BCE phạt càng nặng; sai số bình phương không quá 1",
            "The more confidently wrong, the larger BCE; squared error never exceeds 1",
        )
    )
    return fig


@figure_function
def mse_curvature_figure(lang: str) -> Figure:
    """The bracket f(ŷ) of the sigmoid + MSE second derivative, negative regions shaded;
    next to it the whole per-sample curvature, with the BCE's for comparison."""
    t = partial(tr, lang)
    fig, axes = figure_grid(2, width=8.0, height=4.2)
    y_hat = np.linspace(0.0, 1.0, 401)
    color_of = {0: (C.BLUE, "-"), 1: (C.VERMILLION, "--")}
    for y in (0, 1):
        color, style = color_of[y]
        labels = np.full_like(y_hat, float(y))
        # Left: the bracket f(y_hat) = -3 y_hat^2 + 2 y_hat - y + 2 y y_hat.
        bracket_tex = r"$-3\hat y^2 + 2\hat y$" if y == 0 else r"$-3\hat y^2 + 4\hat y - 1$"
        axes[0].plot(
            y_hat,
            _sigmoid_mse_bracket(labels, y_hat),
            color=color,
            linestyle=style,
            label=f"$y = {y}$: $f = ${bracket_tex}",
        )
        # Right: the whole second derivative 2 x^2 y_hat (1 - y_hat) f(y_hat), with x = 1.
        axes[1].plot(
            y_hat,
            sigmoid_mse_second_derivative(1.0, labels, y_hat),
            color=color,
            linestyle=style,
            label=f"MSE, $y = {y}$",
        )
        low, high = sigmoid_mse_negative_curvature(y)
        for ax in axes:
            ax.axvspan(low, high, color=color, alpha=0.12, linewidth=0)
            ax.axvline(high if y == 1 else low, color=color, linewidth=0.8, linestyle=":")
    # The BCE curvature x^2 y_hat (1 - y_hat): the same for both labels, never negative.
    axes[1].plot(
        y_hat,
        bce_second_derivative(1.0, y_hat),
        color=C.GREEN,
        linestyle="-.",
        label=t("BCE, $y = 0$ hoặc $1$", "BCE, $y = 0$ or $1$"),
    )
    low1 = sigmoid_mse_negative_curvature(1)[1]
    high0 = sigmoid_mse_negative_curvature(0)[0]
    axes[0].text(
        low1 / 2,
        0.45,
        t(f"âm khi y = 1\nvà ŷ < {fmt(low1, 3)}", f"negative for y = 1\nand ŷ < {fmt(low1, 3)}"),
        ha="center",
        va="bottom",
        color=C.VERMILLION,
        fontsize=9,
    )
    axes[0].text(
        (1 + high0) / 2,
        0.45,
        t(f"âm khi y = 0\nvà ŷ > {fmt(high0, 3)}", f"negative for y = 0\nand ŷ > {fmt(high0, 3)}"),
        ha="center",
        va="bottom",
        color=C.BLUE,
        fontsize=9,
    )
    axes[0].set_ylim(-1.1, 0.85)
    axes[1].set_ylim(-0.2, 0.3)
    axes[0].set_title(t("Biểu thức trong ngoặc $f(\\hat y)$", "The bracket $f(\\hat y)$"))
    axes[1].set_title(
        t(
            "Độ cong $\\partial^2 L / \\partial \\theta_i^2$ với $x_i = 1$",
            "Curvature $\\partial^2 L / \\partial \\theta_i^2$ with $x_i = 1$",
        )
    )
    axes[0].set_ylabel(r"$f(\hat y)$")
    axes[1].set_ylabel(r"$\partial^2 L / \partial \theta_i^2$")
    for ax, where in zip(axes, ("lower center", "lower center"), strict=True):
        ax.axhline(0.0, color=C.BLACK, linewidth=0.8)
        ax.set_xlim(0, 1)
        ax.set_xlabel(r"$\hat y$")
        ax.legend(loc=where, fontsize=9)
    fig.suptitle(
        t(
            "Sigmoid + MSE: độ cong âm ở vùng tô màu → hàm mất mát không lồi",
            "Sigmoid + MSE: negative curvature in the shaded regions → not convex",
        )
    )
    return fig


@figure_function
def score_curvature_figure(lang: str) -> Figure:
    """One sample's loss L(z) against its score z (left) and its second derivative L″(z)
    (right), for BCE and sigmoid + MSE, labels 0 and 1: L″ decides convexity in θ, since
    the Hessian is L″(z)·x xᵀ. BCE's L″ is σ(z)(1 − σ(z)) > 0 for both labels; MSE's dips
    below 0 where the model is confidently wrong."""
    t = partial(tr, lang)
    fig, axes = figure_grid(2, width=8.0, height=4.2)
    z = np.linspace(-6.0, 6.0, 481)
    styles = {
        ("bce", 1): (C.VERMILLION, "-"),
        ("bce", 0): (C.VERMILLION, "--"),
        ("mse", 1): (C.BLUE, "-"),
        ("mse", 0): (C.BLUE, "--"),
    }
    for (loss, y), (color, style) in styles.items():
        labels = np.full_like(z, float(y))
        name = f"{loss.upper()}, y = {y}"
        axes[0].plot(z, score_loss(z, labels, loss), color=color, linestyle=style, label=name)
        if loss == "bce" and y == 0:
            continue  # the same curve as y = 1: the label drops out of L″
        curve = score_loss_second_derivative(z, labels, loss)
        label = t("BCE, y = 0 hoặc 1", "BCE, y = 0 or 1") if loss == "bce" else name
        axes[1].plot(z, curve, color=color, linestyle=style, label=label)
        if loss == "mse":
            axes[1].fill_between(z, curve, 0.0, where=curve < 0, color=color, alpha=0.15, linewidth=0)
    axes[1].axhline(0.0, color=C.BLACK, linewidth=0.8)
    axes[0].set_ylim(0.0, 4.0)
    axes[1].set_ylim(-0.15, 0.3)
    axes[0].set_title(t("Mất mát của một mẫu theo điểm số z", "One sample's loss against its score z"))
    axes[1].set_title(t("Đạo hàm bậc hai L″(z): âm ở vùng tô màu", "Second derivative L″(z): negative where shaded"))
    axes[0].set_ylabel("L(z)")
    axes[1].set_ylabel("L″(z)")
    for ax in axes:
        ax.set_xlim(-6.0, 6.0)
        ax.set_xlabel(t("điểm số z = θᵀx", "score z = θᵀx"))
    axes[0].legend(loc="upper center", fontsize=9)
    axes[1].legend(loc="upper right", fontsize=9)
    fig.suptitle(
        t(
            "Hessian theo θ là L″(z)·x xᵀ: BCE luôn cong lên, MSE thì không",
            "The Hessian in θ is L″(z)·x xᵀ: BCE always curves up, MSE does not",
        )
    )
    return fig


@figure_function
def landscape_figure(lang: str) -> Figure:
    """Mean loss of σ(wx + b) over a (w, b) grid for the six petals: MSE vs BCE."""
    t = partial(tr, lang)
    ds = datasets.petal_lengths()
    # 91 x 91 points: smooth bands, and an SVG under 200 kB.
    w_grid = np.linspace(-4.0, 8.0, 91)
    b_grid = np.linspace(-24.0, 12.0, 91)
    fig, axes = figure_grid(2, width=8.0, height=4.0, sharey=True)
    panels = (
        ("mse", t("sigmoid + MSE:\ncó cao nguyên, không lồi", "sigmoid + MSE:\nflat plateaus, not convex")),
        (
            "bce",
            t(
                "sigmoid + BCE:\nlồi, không có cao nguyên ở mức mất mát cao",
                "sigmoid + BCE:\nconvex, no plateau at high loss",
            ),
        ),
    )
    for ax, (loss, title) in zip(axes, panels, strict=True):
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
        filled = ax.contourf(w_grid, b_grid, L, levels=levels, cmap=C.SURFACE_CMAP, norm=norm)
        bar = fig.colorbar(filled, ax=ax, shrink=0.9, pad=0.02, format="%g")
        bar.set_label(t("MSE trung bình", "mean MSE") if loss == "mse" else t("BCE trung bình", "mean BCE"))
        bar.ax.tick_params(labelsize=9)
        for (w, b), marker in (((0.535, -0.654), "s"), ((2.331, -5.156), "D")):
            ax.plot(
                [w],
                [b],
                marker=marker,
                color=C.ORANGE,
                markeredgecolor=C.BLACK,
                linestyle="none",
                label=f"$w = {w:g}$, $b = {fmt(b, 3)}$",
            )
        ax.set_title(title)
        ax.set_xlabel(t("trọng số $w$", "weight $w$"))
        ax.grid(False)
    axes[0].set_ylabel("bias $b$")
    axes[0].legend(
        loc="lower left", fontsize=9, title=t("hai mô hình của chương 6", "chapter 6's two models"), title_fontsize=9
    )
    fig.suptitle(
        t(
            "Bề mặt mất mát trên (w, b) với sáu bông hoa, cùng một lưới",
            "The loss over (w, b) for the six flowers, on the same grid",
        )
    )
    return fig


@figure_function
def entropy_figure(lang: str) -> Figure:
    """Binary entropy H(p) in bits, with the slides' baskets p = 0.1 and p = 0.5 marked."""
    t = partial(tr, lang)
    fig, (ax,) = figure_grid(height=3.9)
    p = np.linspace(0.0, 1.0, 401)
    ax.plot(p, binary_entropy(p), color=C.BLUE, label=r"$H(p) = -p\log_2 p - (1-p)\log_2(1-p)$")
    for p0, text_xy in ((0.1, (0.2, 0.3)), (0.5, (0.6, 0.72))):
        h0 = binary_entropy(p0)
        ax.plot([p0], [h0], marker="o", color=C.VERMILLION, markeredgecolor=C.BLACK, zorder=5)
        ax.annotate(
            t(f"p = {p0:g}: H = {fmt(h0, 3)} bit", f"p = {p0:g}: H = {fmt(h0, 3)} bits"),
            xy=(p0, h0),
            xytext=text_xy,
            ha="left",
            va="top",
            arrowprops={"arrowstyle": "->", "color": C.GREY, "relpos": (0.0, 1.0)},
        )
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.12)
    ax.set_xlabel(t("xác suất $p$ của một trong hai kết quả", "probability $p$ of one of the two outcomes"))
    ax.set_ylabel(t("entropy $H(p)$ (bit)", "entropy $H(p)$ (bits)"))
    ax.set_title(
        t(
            "Entropy nhị phân: bất ngờ trung bình lớn nhất khi $p = 0.5$",
            "Binary entropy: the average surprise is largest at $p = 0.5$",
        )
    )
    ax.legend(loc="lower center")
    return fig
