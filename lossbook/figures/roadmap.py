"""The home page's roadmap: the whole lesson in five steps, with the chapters of each.

Linear model → sigmoid → Bernoulli → likelihood/BCE → convex optimisation, then using the
model. A diagram, not a plot: its axes are hidden (their labels are set, never drawn).
Every piece of text is drawn as glyph outlines (a path effect makes matplotlib's SVG
backend emit paths, not ``<text>``), so the figure looks the same whatever fonts the
reader's browser has.
"""

from __future__ import annotations

from functools import partial

from matplotlib import patheffects
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from ..text import tr
from ._style import C, arrow, figure_function, figure_grid

#: Text drawn as paths: any text artist with a path effect is rendered through the
#: renderer's text-to-path route, in SVG too.
AS_PATH = (patheffects.Normal(),)

#: The five steps: (Vietnamese title, English title, formula, Vietnamese chapters, English
#: chapters). The formula is mathtext, the same in both languages.
STEPS = (
    ("Mô hình\ntuyến tính", "Linear\nmodel", r"$z = b + wx$", "chương 1–3", "chapters 1–3"),
    ("Hàm\nsigmoid", "The\nsigmoid", r"$\hat y = \sigma(z)$", "chương 4–6", "chapters 4–6"),
    ("Phân phối\nBernoulli", "Bernoulli\nlabels", r"$Y \sim \mathrm{Bernoulli}(\hat y)$", "chương 7–8", "chapters 7–8"),
    ("Hợp lý\ncực đại: BCE", "Likelihood:\nBCE", r"$J = -\ell(\theta)/m$", "chương 8", "chapter 8"),
    ("Tối ưu\nhàm lồi", "Convex\noptimisation", r"$\nabla^2 J \succeq 0$", "chương 9–11", "chapters 9–11"),
)

_WIDTH, _GAP, _LEFT = 17.0, 3.25, 1.0
_BOTTOM, _TOP = 16.0, 34.0


def _say(ax, x: float, y: float, text: str, **kw) -> None:
    ax.text(x, y, text, ha="center", va="center", color=C.INK, path_effects=AS_PATH, **kw)


@figure_function
def roadmap_figure(lang: str) -> Figure:
    """The lesson's five steps as boxes joined by arrows, each with its formula and chapters,
    and the one-line answer the steps lead to."""
    t = partial(tr, lang)
    fig, (ax,) = figure_grid(1, width=8.0, height=3.8)
    colours = (C.BLUE, C.GREEN, C.ORANGE, C.VERMILLION, C.PURPLE)
    for k, ((vi, en, formula, ch_vi, ch_en), colour) in enumerate(zip(STEPS, colours, strict=True)):
        x0 = _LEFT + k * (_WIDTH + _GAP)
        ax.add_patch(
            FancyBboxPatch(
                (x0, _BOTTOM),
                _WIDTH,
                _TOP - _BOTTOM,
                boxstyle="round,pad=0.4,rounding_size=1.5",
                facecolor=C.PAPER,
                edgecolor=colour,
                linewidth=2.2,
            )
        )
        centre = x0 + _WIDTH / 2
        _say(ax, centre, _TOP - 2.5, str(k + 1), fontsize=13, fontweight="bold")
        _say(ax, centre, _TOP - 8.0, t(vi, en), fontsize=11.5, fontweight="bold", linespacing=1.15)
        _say(ax, centre, _BOTTOM + 3.5, formula, fontsize=11.5)
        _say(ax, centre, _BOTTOM - 3.0, t(ch_vi, ch_en), fontsize=11)
        if k:
            arrow(ax, (x0 - _GAP - 0.2, (_BOTTOM + _TOP) / 2), (x0 + 0.2, (_BOTTOM + _TOP) / 2), C.INK)
    _say(
        ax,
        50.0,
        6.5,
        t(
            "Nhiễu chuẩn → MSE, nhãn Bernoulli → BCE: cả hai đều là hợp lý cực đại,\n"
            r"và cùng một gradient $\frac{1}{m}X_b^{T}(\hat y - y)$. Sau đó: dùng mô hình (chương 12–13).",
            "Gaussian noise → MSE, Bernoulli labels → BCE: both are maximum likelihood,\n"
            r"with the same gradient $\frac{1}{m}X_b^{T}(\hat y - y)$. Then: using the model (chapters 12–13).",
        ),
        fontsize=11,
        linespacing=1.4,
    )
    ax.set_xlim(0, 100)
    ax.set_ylim(2, 37)
    ax.set_title(t("Cả bài học trong năm bước", "The whole lesson in five steps"), path_effects=AS_PATH)
    # A diagram has no axes to read; the labels say what the directions mean, and are not drawn.
    ax.set_xlabel(t("các bước của bài học, theo thứ tự", "the lesson's steps, in order"))
    ax.set_ylabel(t("bước", "step"))
    ax.set_axis_off()
    return fig
