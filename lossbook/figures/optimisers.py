"""Figures of the optimiser chapters: SGD and vectorisation (10), Newton's method (11)."""

from __future__ import annotations

from functools import partial

import numpy as np
from matplotlib.figure import Figure

from .. import datasets
from ..optim import full_batch_gd, newton, sgd_logistic
from ..text import fmt, tr
from ._style import C, figure_function, figure_grid, standardise

#: Learning rates and lengths for the loss-history comparison (standardised features).
#: The gradient of the mean BCE is L-Lipschitz with L = λmax(X_bᵀX_b)/(4m) ≈ 0.46 here, so
#: GD is stable for η < 2/L ≈ 4.4; η = 2 ≈ 1/L is the textbook choice.
_HISTORY_GD_ETA, _HISTORY_SGD_ETA, _HISTORY_STEPS = 2.0, 0.05, 100


@figure_function
def loss_history_figure(lang: str) -> Figure:
    """Gap to the optimum of the mean BCE per iteration: GD, SGD, Newton (iris, 2 features)."""
    t = partial(tr, lang)
    ds = datasets.iris_binary("versicolor-virginica", features=("petal_length", "petal_width"))
    X = standardise(ds.X)
    theta0 = np.zeros(X.shape[1] + 1)  # every optimiser starts at theta = 0 (mean BCE ln 2)
    by_newton = newton(X, ds.y, theta0)
    optimum = float(by_newton.loss[-1])
    by_sgd = sgd_logistic(X, ds.y, theta0, lr=_HISTORY_SGD_ETA, epochs=_HISTORY_STEPS, order="shuffle", seed=0)
    runs = (
        (
            full_batch_gd(X, ds.y, theta0, lr=_HISTORY_GD_ETA, steps=_HISTORY_STEPS).loss,
            t(f"GD toàn bộ dữ liệu, $\\eta = {_HISTORY_GD_ETA:g}$", f"full-batch GD, $\\eta = {_HISTORY_GD_ETA:g}$"),
            C.BLUE,
            "-",
            "o",
        ),
        (
            by_sgd.loss[:: ds.m],  # the mean loss after every epoch (m per-sample steps)
            t(
                f"SGD, $\\eta = {_HISTORY_SGD_ETA:g}$ (mỗi lần lặp: một vòng dữ liệu)",
                f"SGD, $\\eta = {_HISTORY_SGD_ETA:g}$ (one iteration = one epoch)",
            ),
            C.ORANGE,
            "--",
            "s",
        ),
        (by_newton.loss, t("phương pháp Newton", "Newton's method"), C.VERMILLION, "-", "^"),
    )
    fig, (ax,) = figure_grid(height=4.3)
    # Gaps below 1e-15 are rounding noise of float64 losses near 0.1: plot them at the floor.
    floor = 1e-15
    for losses, label, color, style, marker in runs:
        gaps = np.asarray(losses) - optimum
        ax.semilogy(
            range(len(gaps)),
            np.maximum(gaps, floor),
            color=color,
            linestyle=style,
            marker=marker,
            markersize=4,
            markevery=max(1, len(gaps) // 15),
            label=label,
        )
    ax.set_xlim(0, _HISTORY_STEPS)
    ax.set_ylim(floor / 2, 1.0)
    ax.set_xlabel(t("lần lặp", "iteration"))
    ax.set_ylabel(t("$J(\\theta_t) - J^*$ (thang log)", "$J(\\theta_t) - J^*$ (log scale)"))
    ax.set_title(
        t(
            f"BCE trung bình trừ giá trị tối ưu $J^* = {fmt(optimum, 4)}$ (iris: versicolor/virginica)",
            f"Mean BCE minus its optimum $J^* = {fmt(optimum, 4)}$ (iris: versicolor/virginica)",
        ),
        fontsize=11,
    )
    ax.legend(loc="lower left", bbox_to_anchor=(0.25, 0.02), fontsize=9)
    return fig
