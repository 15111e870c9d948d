"""Figures of the optimiser chapters: SGD and vectorisation (10), Newton's method (11)."""

from __future__ import annotations

from functools import partial

import numpy as np
from matplotlib.figure import Figure

from ..optim.race import optimiser_race
from ..text import fmt, tr
from ._style import C, figure_function, figure_grid

#: Passes over the data shown in the left panel (the start), the right panel shows the whole run.
_HISTORY_START_PASSES = 12


@figure_function
def loss_history_figure(lang: str) -> Figure:
    """Gap to the optimum of the mean BCE per pass over the data: GD, SGD at two η, Newton.

    The x-axis counts passes over the data (m per-sample gradients each), so the three
    optimisers are compared at equal cost; SGD is drawn one point per step (left) or per
    epoch (right), without a line, so that its noise floor shows as a band.
    """
    t = partial(tr, lang)
    race = optimiser_race()
    m, floor = race.m, 1e-15  # gaps below 1e-15 are rounding noise of float64 losses
    sgd_colors = (C.ORANGE, C.GREEN)
    fig, axes = figure_grid(ncols=2, width=8.6, height=4.3, sharey=True)
    for ax, last in zip(axes, (_HISTORY_START_PASSES, len(race.gd_gap) - 1), strict=True):
        every = 3 if ax is axes[0] else m * 10  # per-sample steps shown: every 3rd, or one per 10 epochs
        for eta, gap, color in zip(race.sgd_etas, race.sgd_gap, sgd_colors, strict=True):
            k = np.arange(0, min(len(gap), last * m + 1), every)
            ax.semilogy(
                k / m,
                np.maximum(gap[k], floor),
                linestyle="none",
                marker=".",
                markersize=2.5,
                color=color,
                label=t(f"SGD, $\\eta = {eta:g}$ (từng bước)", f"SGD, $\\eta = {eta:g}$ (per step)"),
            )
        k = np.arange(0, min(len(race.gd_gap), last + 1))
        ax.semilogy(
            k,
            np.maximum(race.gd_gap[k], floor),
            color=C.BLUE,
            linewidth=1.8,
            label=t(f"GD toàn bộ dữ liệu, $\\eta = {race.gd_eta:g}$", f"full-batch GD, $\\eta = {race.gd_eta:g}$"),
        )
        k = np.arange(len(race.newton_gap))
        ax.semilogy(
            k,
            np.maximum(race.newton_gap, floor),
            color=C.VERMILLION,
            marker="^",
            markersize=4,
            label=t("phương pháp Newton", "Newton's method"),
        )
        ax.set_xlim(0, last)
    axes[0].set_xlabel(t("số lượt qua dữ liệu", "passes over the data"))
    axes[1].set_xlabel(t(f"số lượt (mỗi lượt: {m} gradient của từng mẫu)", f"passes ({m} per-sample gradients each)"))
    axes[0].set_ylim(floor / 2, 1.0)
    axes[0].set_ylabel(t("$J(\\theta) - J^*$ (thang log)", "$J(\\theta) - J^*$ (log scale)"))
    axes[0].set_title(t("khởi đầu", "the start"), fontsize=10)
    axes[1].set_title(t("toàn bộ lượt chạy", "the whole run"), fontsize=10)
    fig.suptitle(
        t(
            f"BCE trung bình trừ giá trị tối ưu $J^* = {fmt(race.optimum, 4)}$ (iris: versicolor/virginica)",
            f"Mean BCE minus its optimum $J^* = {fmt(race.optimum, 4)}$ (iris: versicolor/virginica)",
        ),
        fontsize=11,
    )
    axes[1].legend(loc="lower left", fontsize=8, markerscale=2)
    return fig
