r"""Chapter 12 (``docs/12-using-the-model.md``): using a fitted model on the tumour data.

The chapter's story, one function per step: the train/test split (:func:`tumour_split`), the
one-feature radius model fitted on the training part (:func:`radius_model`: calibration in
the large, log-loss, AUC, odds ratio), its confusion matrices at 0.5 and at the screening
threshold (:func:`screening`), its reliability diagram (:func:`reliability`), and the L2
sweep on the 30 standardised features (:func:`l2_sweep`).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from .. import datasets as _datasets
from ..activations import sigmoid as _sigmoid
from ..metrics import (
    Confusion,
    calibration_curve,
    confusion,
    log_loss,
    roc_auc,
    roc_curve,
    stratified_folds,
    stratified_split,
)
from ..optim import newton as _newton
from ..regularised import fit_l2
from ..text import fmt, given, tr
from ._given import (
    CALIBRATION_BINS,
    L2_CV_FOLDS,
    L2_MU_EXPONENTS,
    SCREENING_THRESHOLD,
    THRESHOLD,
    USING_SEED,
    USING_TEST_FRACTION,
)
from ._table import Col, table

__all__ = ["tumour_split", "radius_model", "screening", "reliability", "l2_sweep"]


@dataclass(frozen=True)
class TumourSplit:
    """Indices of the training and test tumours, and their sizes."""

    train: tuple[int, ...]
    test: tuple[int, ...]
    m: int
    m_train: int
    m_test: int
    malignant_train: int
    malignant_test: int
    test_fraction: float
    seed: int

    @property
    def share_train(self) -> float:
        return self.malignant_train / self.m_train

    @property
    def share_test(self) -> float:
        return self.malignant_test / self.m_test

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        """One row per part: tumours, malignant, share malignant."""
        columns = (
            Col("phần", "part", "l"),
            Col("số khối u", "tumours"),
            Col("ác tính", "malignant"),
            Col("tỉ lệ", "share"),
        )
        rows = [
            (
                tr(lang, "huấn luyện", "training"),
                str(self.m_train),
                str(self.malignant_train),
                fmt(self.share_train, digits),
            ),
            (tr(lang, "kiểm tra", "test"), str(self.m_test), str(self.malignant_test), fmt(self.share_test, digits)),
        ]
        return table(lang, columns, rows)


@functools.cache
def tumour_split(test_fraction: float = USING_TEST_FRACTION, seed: int = USING_SEED) -> TumourSplit:
    r"""The breast-cancer tumours split by :func:`lossbook.metrics.stratified_split`: the
    same share of malignant tumours in both parts.

    >>> s = tumour_split()
    >>> s.m, s.m_train, s.m_test, s.malignant_train, s.malignant_test
    (569, 427, 142, 159, 53)
    >>> round(s.share_train, 4), round(s.share_test, 4)
    (0.3724, 0.3732)
    """
    y = _datasets.breast_cancer().y
    train, test = stratified_split(y, test_fraction, seed)
    return TumourSplit(
        tuple(int(i) for i in train),
        tuple(int(i) for i in test),
        y.size,
        train.size,
        test.size,
        int(y[train].sum()),
        int(y[test].sum()),
        test_fraction,
        seed,
    )


@dataclass(frozen=True)
class RadiusModel:
    r"""The model :math:`\hat y = \sigma(b + w\,x)` of malignancy on the mean radius :math:`x`,
    fitted by Newton on the training part, and what it gives on both parts."""

    b: float
    w: float
    iterations: int
    mean_prob_train: float
    mean_y_train: float
    mean_prob_test: float
    mean_y_test: float
    log_loss_train: float
    log_loss_test: float
    auc_test: float
    b_all: float
    w_all: float
    y_prob_test: tuple[float, ...]
    y_test: tuple[float, ...]

    @property
    def odds_ratio(self) -> float:
        r""":math:`e^{w}`: the odds of malignancy multiply by this per unit of radius."""
        return math.exp(self.w)

    @property
    def odds_ratio_all(self) -> float:
        return math.exp(self.w_all)

    @property
    def boundary(self) -> float:
        """The radius where :math:`\\hat y = 0.5`: :math:`-b/w`."""
        return -self.b / self.w

    @property
    def calibration_gap(self) -> float:
        """:math:`|\\overline{\\hat y} - \\bar y|` on the training part (zero up to Newton's tolerance)."""
        return abs(self.mean_prob_train - self.mean_y_train)

    @property
    def prob_one_unit_above(self) -> float:
        r""":math:`\hat y` one unit of radius above the boundary, where the odds are 1: :math:`\sigma(w)`."""
        return float(_sigmoid(self.w))

    def odds_at(self, radius: float) -> float:
        r"""The model's odds :math:`\hat y/(1 - \hat y) = e^{b + w x}` at ``radius``."""
        return math.exp(self.b + self.w * radius)

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        """Train vs test: mean prediction, share of malignant tumours, log-loss."""
        columns = (Col("", "", "l"), Col("huấn luyện", "training"), Col("kiểm tra", "test"))
        rows = [
            (r"$\overline{\hat y}$", fmt(self.mean_prob_train, digits), fmt(self.mean_prob_test, digits)),
            (r"$\bar y$", fmt(self.mean_y_train, digits), fmt(self.mean_y_test, digits)),
            (tr(lang, "log-loss", "log-loss"), fmt(self.log_loss_train, digits), fmt(self.log_loss_test, digits)),
        ]
        return table(lang, columns, rows)


@functools.cache
def radius_model() -> RadiusModel:
    r"""Newton (:func:`lossbook.optim.newton`) on the training radii; with the intercept,
    :math:`\partial J/\partial b = \frac1m\sum_i(\hat y_i - y_i) = 0` at the optimum, so the mean
    prediction equals the share of malignant tumours on the training part.

    >>> r = radius_model()
    >>> round(r.b, 4), round(r.w, 4), r.iterations, round(r.odds_ratio, 2), round(r.odds_ratio_all, 2)
    (-16.3163, 1.1033, 7, 3.01, 2.81)
    >>> round(r.mean_prob_train, 4), round(r.mean_y_train, 4), r.calibration_gap < 1e-14
    (0.3724, 0.3724, True)
    >>> round(r.log_loss_train, 4), round(r.log_loss_test, 4), round(r.auc_test, 4)
    (0.276, 0.3352, 0.9268)
    """
    ds = _datasets.tumour_sizes()
    s = tumour_split()
    train, test = np.array(s.train), np.array(s.test)
    # one iteration past the default tolerance: the gradient's bias entry to rounding
    h = _newton(ds.X[train], ds.y[train], tol=1e-20, max_iter=20)
    b, w = float(h.final[0]), float(h.final[1])
    prob = _sigmoid(b + w * ds.x)
    full = _newton(ds.X, ds.y).final
    y_tr, y_te, p_tr, p_te = ds.y[train], ds.y[test], prob[train], prob[test]
    return RadiusModel(
        b,
        w,
        int(h.steps),
        float(p_tr.mean()),
        float(y_tr.mean()),
        float(p_te.mean()),
        float(y_te.mean()),
        log_loss(y_tr, p_tr),
        log_loss(y_te, p_te),
        roc_auc(y_te, p_te),
        float(full[0]),
        float(full[1]),
        tuple(float(v) for v in p_te),
        tuple(float(v) for v in y_te),
    )


@dataclass(frozen=True)
class Screening:
    """The radius model's confusion matrices on the test part at 0.5 and at the screening threshold."""

    threshold: float
    usual: float
    counts_half: tuple[int, int, int, int]
    counts_threshold: tuple[int, int, int, int]
    radius_half: float
    radius_threshold: float

    @property
    def at_half(self) -> Confusion:
        """TP, FP, FN, TN at the usual threshold 0.5."""
        return Confusion(*self.counts_half)

    @property
    def at_threshold(self) -> Confusion:
        """TP, FP, FN, TN at the screening threshold."""
        return Confusion(*self.counts_threshold)

    def markdown(self, lang: str = "vi", digits: int = 3) -> str:
        """One row per threshold: the four counts, accuracy, precision, recall."""
        columns = (
            Col("ngưỡng $t$", "threshold $t$"),
            Col("bán kính từ", "radius from"),
            Col("TP"),
            Col("FN"),
            Col("FP"),
            Col("TN"),
            Col("tỉ lệ đúng", "accuracy"),
            Col("độ chuẩn xác", "precision"),
            Col("độ nhạy", "recall"),
        )
        rows = [
            (given(t), fmt(r, 2), str(c.tp), str(c.fn), str(c.fp), str(c.tn))
            + (fmt(c.accuracy, digits), fmt(c.precision, digits), fmt(c.recall, digits))
            for t, r, c in (
                (self.usual, self.radius_half, self.at_half),
                (self.threshold, self.radius_threshold, self.at_threshold),
            )
        ]
        return table(lang, columns, rows)


def _counts(c: Confusion) -> tuple[int, int, int, int]:
    return (c.tp, c.fp, c.fn, c.tn)


@functools.cache
def screening(threshold: float = SCREENING_THRESHOLD) -> Screening:
    r"""Counts at the thresholds 0.5 and ``threshold`` on the test tumours (:func:`lossbook.metrics.confusion`);
    the rule :math:`\hat y \ge t` is :math:`x \ge (\operatorname{logit} t - b)/w`.

    >>> s = screening()
    >>> c, d = s.at_half, s.at_threshold
    >>> (c.tp, c.fn, c.fp, c.tn), (d.tp, d.fn, d.fp, d.tn)
    ((39, 14, 5, 84), (45, 8, 16, 73))
    >>> round(s.radius_half, 2), round(s.radius_threshold, 2)
    (14.79, 13.53)
    >>> print(s.markdown("en"))
    | threshold $t$ | radius from | TP | FN | FP | TN | accuracy | precision | recall |
    |--:|--:|--:|--:|--:|--:|--:|--:|--:|
    | 0.5 | 14.79 | 39 | 14 | 5 | 84 | 0.866 | 0.886 | 0.736 |
    | 0.2 | 13.53 | 45 | 8 | 16 | 73 | 0.831 | 0.738 | 0.849 |
    """
    r = radius_model()

    def radius(t: float) -> float:
        return (math.log(t / (1.0 - t)) - r.b) / r.w

    return Screening(
        float(threshold),
        THRESHOLD,
        _counts(confusion(r.y_test, r.y_prob_test, THRESHOLD)),
        _counts(confusion(r.y_test, r.y_prob_test, threshold)),
        radius(THRESHOLD),
        radius(float(threshold)),
    )


def roc_points() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The radius model's ROC curve on the test part: ``(fpr, tpr, thresholds)``."""
    r = radius_model()
    return roc_curve(r.y_test, r.y_prob_test)


@dataclass(frozen=True)
class Reliability:
    """The reliability diagram of the radius model on the test part: one row per non-empty bin."""

    n_bins: int
    observed: tuple[float, ...]
    predicted: tuple[float, ...]
    counts: tuple[int, ...]

    def markdown(self, lang: str = "vi", digits: int = 3) -> str:
        columns = (
            Col("số khối u", "tumours"),
            Col("xác suất dự đoán trung bình", "mean predicted probability"),
            Col("tỉ lệ ác tính thực tế", "observed share malignant"),
        )
        rows = [
            (str(n), fmt(p, digits), fmt(o, digits))
            for o, p, n in zip(self.observed, self.predicted, self.counts, strict=True)
        ]
        return table(lang, columns, rows)


@functools.cache
def reliability(n_bins: int = CALIBRATION_BINS) -> Reliability:
    r""":func:`lossbook.metrics.calibration_curve` of the radius model on the test tumours.

    >>> print(reliability().markdown("en"))
    | tumours | mean predicted probability | observed share malignant |
    |--:|--:|--:|
    | 81 | 0.057 | 0.099 |
    | 14 | 0.292 | 0.357 |
    | 9 | 0.518 | 0.667 |
    | 4 | 0.746 | 0.500 |
    | 34 | 0.959 | 0.941 |
    """
    r = radius_model()
    observed, predicted, counts = calibration_curve(r.y_test, r.y_prob_test, n_bins)
    return Reliability(n_bins, tuple(map(float, observed)), tuple(map(float, predicted)), tuple(int(c) for c in counts))


@dataclass(frozen=True)
class L2Sweep:
    """For each L2 strength :math:`\\mu` of the 30-feature model: training, cross-validated
    and test log-loss, test AUC and the weights' norm."""

    mus: tuple[float, ...]
    log_loss_train: tuple[float, ...]
    log_loss_cv: tuple[float, ...]
    log_loss_test: tuple[float, ...]
    auc_test: tuple[float, ...]
    weight_norm: tuple[float, ...]
    n_features: int
    folds: int

    @property
    def best(self) -> int:
        """Index of the strength chosen: the lowest cross-validated log-loss (the training
        part only; the test part is kept for the last measurement)."""
        return int(np.argmin(self.log_loss_cv))

    @property
    def best_mu(self) -> float:
        return self.mus[self.best]

    @property
    def n_strengths(self) -> int:
        """How many strengths the sweep tries."""
        return len(self.mus)

    @property
    def test_favourite(self) -> int:
        """Index of the strength the *test* part would pick: choosing with it reports the
        lowest test loss of the sweep, an optimistic one."""
        return int(np.argmin(self.log_loss_test))

    def markdown(self, lang: str = "vi", digits: int = 3) -> str:
        columns = (
            Col(r"$\mu$"),
            Col("log-loss huấn luyện", "training log-loss"),
            Col("log-loss kiểm định chéo", "cross-validated log-loss"),
            Col("log-loss kiểm tra", "test log-loss"),
            Col("AUC kiểm tra", "test AUC"),
            Col(r"$\lVert w\rVert$"),
        )
        rows = [
            (_power_of_ten(mu), fmt(a, digits), fmt(v, digits), fmt(b, digits), fmt(c, digits), fmt(n, 2))
            for mu, a, v, b, c, n in zip(
                self.mus,
                self.log_loss_train,
                self.log_loss_cv,
                self.log_loss_test,
                self.auc_test,
                self.weight_norm,
                strict=True,
            )
        ]
        return table(lang, columns, rows)


def _power_of_ten(mu: float) -> str:
    """``$10^{-3}$`` for 0.001, ``1`` for 1."""
    k = round(math.log10(mu))
    return given(mu) if k == 0 else f"$10^{{{k}}}$"


def _fit_standardised(X: np.ndarray, y: np.ndarray, fit_rows: np.ndarray, mu: float):
    """:func:`lossbook.regularised.fit_l2` on the rows ``fit_rows``, standardised with *their*
    mean and standard deviation; returns the fit and the probabilities of every row."""
    mean, std = X[fit_rows].mean(axis=0), X[fit_rows].std(axis=0)
    Z = (X - mean) / std
    fit = fit_l2(Z[fit_rows], y[fit_rows], mu)
    return fit, _sigmoid(fit.b + Z @ fit.w)


@functools.cache
def l2_sweep(exponents: tuple[int, ...] = L2_MU_EXPONENTS, folds: int = L2_CV_FOLDS) -> L2Sweep:
    r"""The 30 features, standardised with the training part's mean and standard deviation;
    for each :math:`\mu = 10^k`, :func:`lossbook.regularised.fit_l2` minimises
    :math:`J + \frac{\mu}{2}\lVert w\rVert^2` on the training part. Without the penalty the
    training tumours are linearly separable and no minimiser exists.

    :math:`\mu` is chosen by ``folds``-fold stratified cross-validation on the training part
    (:func:`lossbook.metrics.stratified_folds`): each fold is predicted by a model fitted, and
    standardised, on the other folds; the column is the mean of the folds' log-losses. The test
    part plays no part in the choice.

    >>> s = l2_sweep()
    >>> print(s.markdown("en"))
    | $\mu$ | training log-loss | cross-validated log-loss | test log-loss | test AUC | $\lVert w\rVert$ |
    |--:|--:|--:|--:|--:|--:|
    | $10^{-5}$ | 0.003 | 0.197 | 0.625 | 0.970 | 27.05 |
    | $10^{-4}$ | 0.012 | 0.107 | 0.316 | 0.974 | 12.40 |
    | $10^{-3}$ | 0.030 | 0.057 | 0.151 | 0.985 | 4.98 |
    | $10^{-2}$ | 0.057 | 0.068 | 0.126 | 0.986 | 2.36 |
    | $10^{-1}$ | 0.123 | 0.128 | 0.169 | 0.982 | 1.11 |
    | 1 | 0.276 | 0.279 | 0.301 | 0.977 | 0.45 |
    >>> s.best_mu, s.mus[s.test_favourite]
    (0.001, 0.01)
    """
    mus = tuple(10.0**k for k in exponents)
    bc = _datasets.breast_cancer()
    s = tumour_split()
    train, test = np.array(s.train), np.array(s.test)
    fold = stratified_folds(bc.y[train], folds, USING_SEED)
    rows = []
    for mu in mus:
        fit, prob = _fit_standardised(bc.X, bc.y, train, mu)
        cv = [
            log_loss(bc.y[train[fold == f]], _fit_standardised(bc.X, bc.y, train[fold != f], mu)[1][train[fold == f]])
            for f in range(folds)
        ]
        rows.append(
            (
                log_loss(bc.y[train], prob[train]),
                float(np.mean(cv)),
                log_loss(bc.y[test], prob[test]),
                roc_auc(bc.y[test], prob[test]),
                float(np.linalg.norm(fit.w)),
            )
        )
    cols = tuple(zip(*rows, strict=True))
    return L2Sweep(tuple(float(m) for m in mus), *cols, bc.n_features, folds)
