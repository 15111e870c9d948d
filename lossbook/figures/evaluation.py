"""Figures of the chapter Using the model (12): the ROC curve and the reliability diagram of
the radius model on the test tumours."""

from __future__ import annotations

from functools import partial

from matplotlib.figure import Figure

from ..lesson.using_the_model import radius_model, reliability, roc_points, screening
from ..text import fmt, tr
from ._style import C, figure_function, figure_grid


@figure_function
def roc_figure(lang: str) -> Figure:
    """The test ROC curve (FPR, TPR), the diagonal of a coin toss, and the two thresholds."""
    t = partial(tr, lang)
    fpr, tpr, _ = roc_points()
    r, s = radius_model(), screening()
    fig, (ax,) = figure_grid(height=4.6, width=5.6)
    ax.plot(
        [0, 1],
        [0, 1],
        color=C.GREY,
        linestyle="--",
        label=t(f"đoán ngẫu nhiên (AUC = {fmt(0.5, 1)})", f"random guess (AUC = {fmt(0.5, 1)})"),
    )
    ax.fill_between(fpr, tpr, step=None, color=C.SKY, alpha=0.18, linewidth=0)
    ax.plot(fpr, tpr, color=C.BLUE, drawstyle="default", label=f"ROC, AUC = {fmt(r.auc_test, 3)}")
    for c, thr, marker, colour in ((s.at_half, 0.5, "o", C.INK), (s.at_threshold, s.threshold, "s", C.VERMILLION)):
        ax.scatter(
            [c.false_positive_rate],
            [c.recall],
            s=70,
            marker=marker,
            color=colour,
            edgecolor=C.PAPER,
            zorder=5,
            label=t(f"ngưỡng {fmt(thr, 1)}", f"threshold {fmt(thr, 1)}"),
        )
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.set_aspect("equal")
    ax.set_xlabel(t("tỉ lệ dương tính giả FPR = FP/(FP + TN)", "false-positive rate FPR = FP/(FP + TN)"))
    ax.set_ylabel(t("recall (TPR) = TP/(TP + FN)", "recall (TPR) = TP/(TP + FN)"))
    ax.set_title(t("Đường ROC trên tập kiểm tra", "ROC curve on the test set"))
    ax.legend(loc="lower right", fontsize=9)
    return fig


@figure_function
def reliability_figure(lang: str) -> Figure:
    """Observed share malignant against mean predicted probability, one point per bin (area
    proportional to the number of tumours), and the diagonal of perfect calibration."""
    t = partial(tr, lang)
    rel = reliability()
    fig, (ax,) = figure_grid(height=4.6, width=5.6)
    ax.plot([0, 1], [0, 1], color=C.GREY, linestyle="--", label=t("hiệu chuẩn hoàn hảo", "perfect calibration"))
    ax.plot(rel.predicted, rel.observed, color=C.BLUE, linewidth=1.2)
    ax.scatter(
        rel.predicted,
        rel.observed,
        s=[12 * n for n in rel.counts],
        color=C.BLUE,
        edgecolor=C.PAPER,
        zorder=5,
        alpha=0.85,
        label=t("một nhóm (diện tích ∝ số khối u)", "one bin (area ∝ number of tumours)"),
    )
    for p, o, n in zip(rel.predicted, rel.observed, rel.counts, strict=True):
        ax.annotate(str(n), (p, o), textcoords="offset points", xytext=(9, -12), fontsize=9, color=C.INK)
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.set_aspect("equal")
    ax.set_xlabel(t("xác suất dự đoán trung bình trong nhóm", "mean predicted probability in the bin"))
    ax.set_ylabel(t("tỉ lệ ác tính thực tế trong nhóm", "observed share malignant in the bin"))
    ax.set_title(t("Biểu đồ độ tin cậy trên tập kiểm tra", "Reliability diagram on the test set"))
    ax.legend(loc="upper left", fontsize=9)
    return fig
