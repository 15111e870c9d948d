"""Figures of the chapters from a line to the sigmoid: why not a line (4), logistic growth (5),
the sigmoid and decision boundaries (6)."""

from __future__ import annotations

from functools import partial

import numpy as np
from matplotlib.figure import Figure

from .. import datasets
from ..activations import logistic_growth, logit, sigmoid, sigmoid_derivative
from ..lesson import circle_boundary, petal_sigmoid_table, tumour_threshold
from ..models import LinearRegression, LogisticRegression
from ..text import fmt, tr
from ._style import PRIME, C, affine, figure_function, figure_grid, fit_separable, petal_axes, scatter_classes


@figure_function
def petal_line_figure(lang: str) -> Figure:
    """The six petals with the least-squares line: it leaves [0, 1]."""
    t = partial(tr, lang)
    ds = datasets.petal_lengths()
    fig, (ax,) = figure_grid(height=4.2)
    line = LinearRegression().fit(ds.X, ds.y)
    w, b = float(line.coef_[0]), line.intercept_
    equation = f"$\\hat y = {affine(w, b, 3)}$"
    ax.axline(
        (0.0, b), slope=w, color=C.GREEN, label=t(f"bình phương tối thiểu: {equation}", f"least squares: {equation}")
    )
    for low, high in ((-1.0, 0.0), (1.0, 2.0)):
        ax.axhspan(low, high, color=C.GREY, alpha=0.15, linewidth=0)
    ax.text(
        5.4,
        1.25,
        t("$\\hat y > 1$: không phải xác suất", "$\\hat y > 1$: not a probability"),
        ha="right",
        va="center",
        color=C.BLACK,
    )
    ax.text(
        0.1,
        -0.2,
        t("$\\hat y < 0$: không phải xác suất", "$\\hat y < 0$: not a probability"),
        ha="left",
        va="center",
        color=C.BLACK,
    )
    petal_axes(ax, t, ds)
    ax.set_ylim(-0.45, 1.45)
    ax.set_ylabel(t("nhãn / dự đoán $\\hat y$", "label / prediction $\\hat y$"))
    ax.set_title(t("Một đường thẳng không phù hợp: nó ra ngoài $[0, 1]$", "A line is not suitable: it leaves $[0, 1]$"))
    ax.legend(loc="upper left", fontsize=9)
    return fig


@figure_function
def tumour_threshold_figure(lang: str) -> Figure:
    """Breast-cancer mean radius vs malignant, the fitted sigmoid and the 0.5 threshold."""
    t = partial(tr, lang)
    ds = datasets.tumour_sizes()
    model = LogisticRegression().fit(ds.X, ds.y)  # Newton's method: the classes overlap
    fig, (ax,) = figure_grid(height=4.3)
    # Spread the 0/1 labels a little vertically so 569 points do not sit on two lines
    # (seeded, so the figure is the same every time).
    jitter = np.random.default_rng(0).uniform(-0.035, 0.035, ds.m)
    scatter_classes(
        ax,
        ds.x,
        ds.y,
        (t("lành tính (0)", "benign (0)"), t("ác tính (1)", "malignant (1)")),
        height=ds.y + jitter,
        size=14,
        alpha=0.45,
    )
    x = np.linspace(5.0, 30.0, 301)
    ax.plot(
        x,
        model.predict_proba(x[:, None])[:, 1],
        color=C.BLACK,
        label=t("sigmoid đã khớp (BCE)", "fitted sigmoid (BCE)"),
    )
    b, w = model.intercept_, float(model.coef_[0])
    threshold = 0.5
    x_cut = (logit(threshold) - b) / w
    ax.axhline(threshold, color=C.GREY, linewidth=1.0, linestyle="--")
    ax.axvline(
        x_cut,
        color=C.GREEN,
        linewidth=1.4,
        linestyle="-.",
        label=t(f"ngưỡng 0.5 ↔ bán kính {fmt(x_cut, 2)}", f"threshold 0.5 ↔ radius {fmt(x_cut, 2)}"),
    )
    story = tumour_threshold()
    x_story = (story.z - b) / w
    ax.plot([x_story], [story.probability], marker="o", markersize=9, color=C.ORANGE, markeredgecolor=C.BLACK, zorder=6)
    ax.annotate(
        t(
            f"$\\hat y = {story.probability:g} < 0.5$ → {story.label('vi')}",
            f"$\\hat y = {story.probability:g} < 0.5$ → {story.label('en')}",
        ),
        xy=(x_story, story.probability),
        xytext=(x_story + 3.0, 0.22),
        arrowprops={"arrowstyle": "->", "color": C.GREY},
    )
    ax.set_xlim(5, 30)
    ax.set_ylim(-0.08, 1.08)
    ax.set_xlabel(t("bán kính trung bình của nhân tế bào (mean radius)", "mean radius of the cell nuclei"))
    ax.set_ylabel(t("$\\hat y$ = xác suất ác tính", "$\\hat y$ = probability of malignant"))
    ax.set_title(
        t(
            "Khối u: xác suất ác tính theo kích thước, cắt ở ngưỡng 0.5",
            "Tumours: probability of malignant against size, cut at 0.5",
        )
    )
    ax.legend(loc="center right", fontsize=9)
    return fig


@figure_function
def logistic_growth_figure(lang: str) -> Figure:
    """Solutions y(t) of y' = r y (1 − y/K) for a few (r, K, y0): each levels off at K."""
    t = partial(tr, lang)
    fig, (ax,) = figure_grid(height=4.0)
    time = np.linspace(0.0, 20.0, 401)
    cases = (  # (r, K, y0): two growth rates for one capacity, one smaller capacity
        (0.5, 100.0, 5.0, C.BLUE, "-"),
        (1.0, 100.0, 5.0, C.ORANGE, "--"),
        (0.5, 60.0, 2.0, C.GREEN, "-."),
    )
    for r, K, y0, color, style in cases:
        ax.plot(
            time,
            logistic_growth(time, K=K, r=r, y0=y0),
            color=color,
            linestyle=style,
            label=f"$r = {r:g}$, $K = {K:g}$, $y_0 = {y0:g}$",
        )
    for K in sorted({case[1] for case in cases}):
        ax.axhline(K, color=C.GREY, linewidth=1.0, linestyle=":")
        ax.text(20.0, K + 1.5, t(f"sức chứa K = {K:g}", f"capacity K = {K:g}"), ha="right", va="bottom", color=C.GREY)
    ax.set_xlim(0, 20)
    ax.set_ylim(0, 112)
    ax.set_xlabel(t("thời gian $t$", "time $t$"))
    ax.set_ylabel(t("kích thước quần thể $y(t)$", "population size $y(t)$"))
    ax.set_title(
        t(
            "Tăng trưởng logistic: $y(t)$ tiến dần tới $K$ mà không vượt qua",
            "Logistic growth: $y(t)$ approaches $K$ and never crosses it",
        )
    )
    ax.legend(loc="lower right")
    return fig


@figure_function
def sigmoid_figure(lang: str) -> Figure:
    """σ(z) and σ'(z) on [−8, 8], with the maximum σ'(0) = 1/4 marked."""
    t = partial(tr, lang)
    fig, (ax,) = figure_grid(height=4.0)
    z = np.linspace(-8.0, 8.0, 401)
    ax.plot(z, sigmoid(z), color=C.BLUE, label=r"$\sigma(z) = 1/(1 + e^{-z})$")
    ax.plot(
        z,
        sigmoid_derivative(z),
        color=C.ORANGE,
        linestyle="--",
        label=rf"$\sigma{PRIME}(z) = \sigma(z)\,(1 - \sigma(z))$",
    )
    for level in (0.0, 1.0):
        ax.axhline(level, color=C.GREY, linewidth=0.8, linestyle=":")
    peak = sigmoid_derivative(0.0)
    ax.plot([0.0], [peak], marker="o", color=C.ORANGE, markeredgecolor=C.BLACK, zorder=5)
    ax.annotate(
        t(f"cực đại: σ{PRIME}(0) = {fmt(peak, 2)}", f"maximum: σ{PRIME}(0) = {fmt(peak, 2)}"),
        xy=(0.0, peak),
        xytext=(1.6, 0.33),
        arrowprops={"arrowstyle": "->", "color": C.GREY},
    )
    ax.plot([0.0], [sigmoid(0.0)], marker="o", color=C.BLUE, markeredgecolor=C.BLACK, zorder=5)
    ax.annotate(
        f"σ(0) = {fmt(sigmoid(0.0), 1)}",
        xy=(0.0, sigmoid(0.0)),
        xytext=(-6.5, 0.62),
        arrowprops={"arrowstyle": "->", "color": C.GREY},
    )
    ax.set_xlim(-8, 8)
    ax.set_ylim(-0.05, 1.08)
    ax.set_xlabel(t("logit $z$ (số thực bất kỳ)", "logit $z$ (any real number)"))
    ax.set_ylabel(t("giá trị", "value"))
    ax.set_title(
        t(
            "Hàm sigmoid đưa $z \\in \\mathrm{ℝ}$ về $(0, 1)$; đạo hàm lớn nhất tại 0",
            "The sigmoid maps $z \\in \\mathrm{ℝ}$ to $(0, 1)$; its slope peaks at 0",
        )
    )
    ax.legend(loc="upper left")
    return fig


#: Full-batch GD on the six petals for the "fitted" curve: the petals are separable, BCE has
#: no minimiser (the weights grow for ever), so the fit is "after this many steps".
_PETAL_GD_ETA, _PETAL_GD_STEPS = 0.5, 1000


@figure_function
def petal_sigmoid_figure(lang: str) -> Figure:
    """The six petals with the slides' two sigmoids and a model fitted by minimising BCE."""
    t = partial(tr, lang)
    ds = datasets.petal_lengths()
    fig, (ax,) = figure_grid(height=4.3)
    x = np.linspace(0.0, 5.5, 301)
    for k, ((w, b), color, style, marker) in enumerate(
        (((0.535, -0.654), C.PURPLE, ":", "s"), ((2.331, -5.156), C.ORANGE, "--", "D")), start=1
    ):
        table = petal_sigmoid_table(w, b)
        ax.plot(
            x,
            sigmoid(w * x + b),
            color=color,
            linestyle=style,
            label=t(f"bảng {k}", f"table {k}") + f": $z = {affine(w, b, None)}$",
        )
        ax.plot(
            table.x,
            table.y_prob,
            linestyle="none",
            marker=marker,
            markersize=5,
            color=color,
            markeredgecolor=C.BLACK,
            zorder=4,
        )
    fitted = fit_separable(ds.X, ds.y, solver="gd", lr=_PETAL_GD_ETA, max_iter=_PETAL_GD_STEPS, tol=0.0)
    w, b = float(fitted.coef_[0]), fitted.intercept_
    ax.plot(
        x,
        fitted.predict_proba(x[:, None])[:, 1],
        color=C.BLUE,
        label=t(
            f"BCE, {fitted.n_iter_} bước GD: $z = {affine(w, b)}$",
            f"BCE, {fitted.n_iter_} GD steps: $z = {affine(w, b)}$",
        ),
    )
    ax.axhline(0.5, color=C.GREY, linewidth=0.8, linestyle=":")
    petal_axes(ax, t, ds)
    ax.set_ylim(-0.08, 1.08)
    ax.set_ylabel(r"$\hat y = \sigma(wx + b)$")
    ax.set_title(t("Hàm sigmoid khớp với nhãn 0/1 của sáu bông hoa", "A sigmoid fits the six flowers' 0/1 labels"))
    ax.legend(loc="lower right", fontsize=9)
    return fig


@figure_function
def decision_boundary_line_figure(lang: str) -> Figure:
    """Iris versicolor vs virginica, petal length and width: the fitted line ŷ = 0.5."""
    t = partial(tr, lang)
    ds = datasets.iris_binary("versicolor-virginica", features=("petal_length", "petal_width"))
    model = LogisticRegression().fit(ds.X, ds.y)  # Newton's method: the classes overlap
    fig, (ax,) = figure_grid(width=7.0, height=4.8)
    g1 = np.linspace(2.8, 7.2, 89)
    g2 = np.linspace(0.8, 2.7, 77)
    x1, x2 = np.meshgrid(g1, g2)
    y_hat = model.predict_proba(np.column_stack([x1.ravel(), x2.ravel()]))[:, 1].reshape(x1.shape)
    filled = ax.contourf(x1, x2, y_hat, levels=np.linspace(0.0, 1.0, 11), cmap=C.PROBA_CMAP, vmin=0, vmax=1)
    lines = ax.contour(
        x1,
        x2,
        y_hat,
        levels=[0.1, 0.5, 0.9],
        colors=[C.GREY, C.BLACK, C.GREY],
        linewidths=[0.8, 2.0, 0.8],
        linestyles=["--", "-", "--"],
    )
    ax.clabel(lines, fmt=lambda v: f"{v:.1f}", fontsize=9)
    bar = fig.colorbar(filled, ax=ax, ticks=np.linspace(0, 1, 6))
    bar.set_label(t("$\\hat y$ = xác suất là virginica", "$\\hat y$ = probability of virginica"))
    scatter_classes(ax, ds.X[:, 0], ds.y, ("versicolor (0)", "virginica (1)"), height=ds.X[:, 1], size=30, alpha=0.85)
    b, (w1, w2) = model.intercept_, model.coef_
    ax.set_xlim(g1[0], g1[-1])
    ax.set_ylim(g2[0], g2[-1])
    ax.grid(False)
    ax.set_xlabel(t("chiều dài cánh hoa $x_1$ (cm)", "petal length $x_1$ (cm)"))
    ax.set_ylabel(t("chiều rộng cánh hoa $x_2$ (cm)", "petal width $x_2$ (cm)"))
    equation = f"${fmt(w1, 2)}x_1 {'-' if w2 < 0 else '+'} {affine(abs(w2), b, var='x_2')} = 0$"
    ax.set_title(
        t(
            f"Ranh giới quyết định là một đường thẳng: {equation}",
            f"The decision boundary is a straight line: {equation}",
        ),
        fontsize=11,
    )
    ax.legend(loc="upper left", fontsize=9)
    return fig


@figure_function
def decision_boundary_circle_figure(lang: str) -> Figure:
    """ŷ = σ(x1² + x2² − 1): the boundary ŷ = 0.5 is the unit circle."""
    t = partial(tr, lang)
    fig, (ax,) = figure_grid(width=6.0, height=5.0)
    grid = np.linspace(-2.0, 2.0, 101)
    x1, x2 = np.meshgrid(grid, grid)
    y_hat = sigmoid(x1**2 + x2**2 - 1.0)  # the model's logit: z = x1² + x2² − 1
    filled = ax.contourf(x1, x2, y_hat, levels=np.linspace(0.0, 1.0, 11), cmap=C.PROBA_CMAP, vmin=0, vmax=1)
    lines = ax.contour(
        x1,
        x2,
        y_hat,
        levels=[0.3, 0.5, 0.7],
        colors=[C.GREY, C.BLACK, C.GREY],
        linewidths=[0.8, 2.0, 0.8],
        linestyles=["--", "-", "--"],
    )
    ax.clabel(lines, fmt=lambda v: f"{v:.1f}", fontsize=9)
    bar = fig.colorbar(filled, ax=ax, ticks=np.linspace(0, 1, 6))
    bar.set_label(
        t(r"$\hat y = \sigma(x_1^2 + x_2^2 - 1)$", r"$\hat y = \sigma(x_1^2 + x_2^2 - 1)$")
        + t(" (xác suất lớp 1)", " (probability of class 1)")
    )
    table = circle_boundary()  # the notes' five points
    points = np.array(table.points)
    scatter_classes(
        ax,
        points[:, 0],
        np.array(table.predicted),
        (t("dự đoán lớp 0", "predicted class 0"), t("dự đoán lớp 1", "predicted class 1")),
        height=points[:, 1],
        size=60,
    )
    for (px, py), p in zip(table.points, table.y_prob, strict=True):
        ax.annotate(f"{fmt(p, 2)}", xy=(px, py), xytext=(7, 4), textcoords="offset points", fontsize=9)
    ax.text(0.0, -0.68, t("ŷ < 0.5\n→ lớp 0", "ŷ < 0.5\n→ class 0"), ha="center", va="center")
    ax.text(1.55, 1.75, t("ŷ > 0.5 → lớp 1", "ŷ > 0.5 → class 1"), ha="center", va="center")
    ax.legend(loc="lower left", fontsize=9)
    ax.set_aspect("equal")
    ax.grid(False)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title(
        t(
            "Ranh giới quyết định $\\hat y = 0.5$ là đường tròn $x_1^2 + x_2^2 = 1$",
            "The decision boundary $\\hat y = 0.5$ is the circle $x_1^2 + x_2^2 = 1$",
        )
    )
    return fig
