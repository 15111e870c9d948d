r"""Evaluating a fitted classifier (chapter: Using the model).

Every function takes the true labels ``y_true`` (0/1, shape ``(m,)``) and either hard
predictions ``y_pred`` (0/1) or scores ``y_prob`` (probabilities :math:`\hat y \in [0, 1]`).
Arguments are checked once (:mod:`lossbook._validation`): a column vector, a label other
than 0 or 1, a probability outside [0, 1] or two arrays of different lengths raise a
``ValueError`` naming the argument; nothing broadcasts silently.

The conventions are scikit-learn's, so that the tests can compare to 1e-6: the confusion
matrix is ``[[TN, FP], [FN, TP]]``; a sample is predicted positive when
:math:`\hat y \ge t`; the calibration bins are :math:`[0, \tfrac1k], (\tfrac1k, \tfrac2k], \dots`.

>>> y = [0, 0, 1, 1]; p = [0.1, 0.6, 0.4, 0.9]
>>> confusion_matrix(y, predict_labels(p, 0.5)).tolist()
[[1, 1], [1, 1]]
>>> roc_auc(y, p)
0.75
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ._validation import (
    check_count,
    check_finite_scalar,
    check_labels,
    check_probabilities,
    check_same_length,
)

__all__ = [
    "Confusion",
    "accuracy",
    "calibration_curve",
    "confusion",
    "confusion_matrix",
    "log_loss",
    "precision",
    "predict_labels",
    "recall",
    "roc_auc",
    "roc_auc_pairs",
    "roc_curve",
    "stratified_folds",
    "stratified_split",
]

#: Probabilities are clipped to [EPS, 1 − EPS] in :func:`log_loss` (scikit-learn's rule):
#: a float64 sigmoid rounds to exactly 1.0 from z ≈ 37 on, and ln 0 is not a number.
EPS = float(np.finfo(np.float64).eps)


def _labels_and(name: str, values: Any, *, probabilities: bool, y_true: Any) -> tuple[np.ndarray, np.ndarray]:
    """``y_true`` as 0/1 labels and ``values`` as 0/1 labels or probabilities, same length."""
    y = check_labels("y_true", y_true)
    v = check_probabilities(name, values) if probabilities else check_labels(name, values)
    check_same_length("y_true", y, name, v)
    return y, v


def _check_threshold(threshold: Any) -> float:
    t = check_finite_scalar("threshold", threshold)
    if not 0.0 <= t <= 1.0:
        raise ValueError(f"threshold must be in [0, 1]; got {t!r}")
    return t


def predict_labels(y_prob: Any, threshold: float = 0.5) -> np.ndarray:
    r"""Hard labels from probabilities: :math:`\hat c_i = 1` if :math:`\hat y_i \ge t`, else 0.

    >>> predict_labels([0.2, 0.5, 0.7], 0.5)
    array([0, 1, 1])
    >>> predict_labels([0.2, 1.5])
    Traceback (most recent call last):
    ...
    ValueError: y_prob must contain probabilities in [0, 1]; got 1.5 at index 1
    """
    p = check_probabilities("y_prob", y_prob)
    return (p >= _check_threshold(threshold)).astype(np.int64)


def confusion_matrix(y_true: Any, y_pred: Any) -> np.ndarray:
    r"""The 2×2 table of counts :math:`C_{jk} = \#\{i : y_i = j,\ \hat c_i = k\}`:
    ``[[TN, FP], [FN, TP]]`` (rows: the truth, columns: the prediction).

    >>> confusion_matrix([0, 1, 1, 0, 1], [0, 1, 0, 1, 1]).tolist()
    [[1, 1], [1, 2]]
    >>> confusion_matrix([0, 1, 2], [0, 1, 1])
    Traceback (most recent call last):
    ...
    ValueError: y_true must contain only the labels 0 and 1; got 2.0 at index 2
    """
    y, c = _labels_and("y_pred", y_pred, probabilities=False, y_true=y_true)
    out = np.zeros((2, 2), dtype=np.int64)
    np.add.at(out, (y.astype(np.int64), c.astype(np.int64)), 1)
    return out


@dataclass(frozen=True)
class Confusion:
    """The four counts of a confusion matrix and the rates read from them.

    ``tp``: sick, flagged; ``fn``: sick, missed; ``fp``: healthy, flagged (a false alarm);
    ``tn``: healthy, cleared.
    """

    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def m(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def accuracy(self) -> float:
        r""":math:`(TP + TN)/m`."""
        return (self.tp + self.tn) / self.m

    @property
    def precision(self) -> float:
        r""":math:`TP/(TP + FP)`: of the flagged, the share really positive (NaN if none flagged)."""
        flagged = self.tp + self.fp
        return self.tp / flagged if flagged else float("nan")

    @property
    def recall(self) -> float:
        r""":math:`TP/(TP + FN)`: of the positives, the share flagged (sensitivity, TPR)."""
        positives = self.tp + self.fn
        return self.tp / positives if positives else float("nan")

    @property
    def false_positive_rate(self) -> float:
        r""":math:`FP/(FP + TN)`: of the negatives, the share flagged (1 − specificity)."""
        negatives = self.fp + self.tn
        return self.fp / negatives if negatives else float("nan")


def confusion(y_true: Any, y_prob: Any, threshold: float = 0.5) -> Confusion:
    r"""The counts of :func:`confusion_matrix` for the labels :math:`\hat y \ge t`.

    >>> c = confusion([0, 0, 1, 1, 1], [0.1, 0.6, 0.4, 0.8, 0.9], 0.5)
    >>> (c.tp, c.fp, c.fn, c.tn), c.accuracy, round(c.precision, 4), round(c.recall, 4)
    ((2, 1, 1, 1), 0.6, 0.6667, 0.6667)
    """
    y, p = _labels_and("y_prob", y_prob, probabilities=True, y_true=y_true)
    (tn, fp), (fn, tp) = confusion_matrix(y, (p >= _check_threshold(threshold)).astype(np.int64)).tolist()
    return Confusion(tp, fp, fn, tn)


def accuracy(y_true: Any, y_pred: Any) -> float:
    r"""Accuracy :math:`\frac1m\#\{i : \hat c_i = y_i\} = (TP + TN)/m`.

    >>> accuracy([0, 1, 1, 0], [0, 1, 0, 0])
    0.75
    """
    y, c = _labels_and("y_pred", y_pred, probabilities=False, y_true=y_true)
    return float(np.mean(y == c))


def precision(y_true: Any, y_pred: Any) -> float:
    r"""Precision :math:`TP/(TP + FP)`: of the samples predicted positive, the share that are.

    >>> precision([0, 1, 1, 0], [1, 1, 0, 0])
    0.5
    >>> precision([0, 1], [0, 0])
    Traceback (most recent call last):
    ...
    ValueError: y_pred has no positive prediction: precision TP/(TP + FP) is 0/0
    """
    y, c = _labels_and("y_pred", y_pred, probabilities=False, y_true=y_true)
    flagged = int(c.sum())
    if flagged == 0:
        raise ValueError("y_pred has no positive prediction: precision TP/(TP + FP) is 0/0")
    return float((y * c).sum() / flagged)


def recall(y_true: Any, y_pred: Any) -> float:
    r"""Recall (sensitivity) :math:`TP/(TP + FN)`: of the positive samples, the share found.

    >>> recall([0, 1, 1, 0], [1, 1, 0, 0])
    0.5
    >>> recall([0, 0], [0, 1])
    Traceback (most recent call last):
    ...
    ValueError: y_true has no positive sample: recall TP/(TP + FN) is 0/0
    """
    y, c = _labels_and("y_pred", y_pred, probabilities=False, y_true=y_true)
    positives = int(y.sum())
    if positives == 0:
        raise ValueError("y_true has no positive sample: recall TP/(TP + FN) is 0/0")
    return float((y * c).sum() / positives)


def log_loss(y_true: Any, y_prob: Any) -> float:
    r"""Log-loss, the mean binary cross-entropy used as a metric:
    :math:`-\frac1m\sum_i [y_i \ln \hat y_i + (1 - y_i)\ln(1 - \hat y_i)]`, with
    :math:`\hat y` clipped to :math:`[\varepsilon, 1 - \varepsilon]` (:data:`EPS`).

    >>> round(log_loss([0, 1], [0.2, 0.9]), 6)  # (−ln 0.8 − ln 0.9)/2
    0.164252
    >>> log_loss([0, 1], [[0.2], [0.9]])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: y_prob must be a 1-D array of shape (m,); got shape (2, 1). Pass y_prob.ravel() ...
    """
    y, p = _labels_and("y_prob", y_prob, probabilities=True, y_true=y_true)
    p = np.clip(p, EPS, 1.0 - EPS)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log1p(-p)))


def _both_classes(y: np.ndarray, what: str) -> tuple[int, int]:
    positives = int(y.sum())
    negatives = y.size - positives
    if positives == 0 or negatives == 0:
        raise ValueError(f"y_true must contain both labels 0 and 1 for {what}; got only {int(y[0])}s")
    return positives, negatives


def roc_curve(y_true: Any, y_prob: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""The ROC curve: for every threshold :math:`t` among the distinct scores (highest
    first, preceded by :math:`t = \infty`), the false-positive rate
    :math:`FPR(t) = FP/(FP + TN)` and the true-positive rate :math:`TPR(t) = TP/(TP + FN)`
    of the rule :math:`\hat y \ge t`. Returns ``(fpr, tpr, thresholds)``, every point kept
    (scikit-learn's ``drop_intermediate=False``).

    >>> fpr, tpr, t = roc_curve([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.9])
    >>> fpr.tolist(), tpr.tolist(), t.tolist()
    ([0.0, 0.0, 0.5, 0.5, 1.0], [0.0, 0.5, 0.5, 1.0, 1.0], [inf, 0.9, 0.6, 0.4, 0.1])
    """
    y, p = _labels_and("y_prob", y_prob, probabilities=True, y_true=y_true)
    positives, negatives = _both_classes(y, "a ROC curve")
    order = np.argsort(-p, kind="stable")
    p_sorted, y_sorted = p[order], y[order]
    # last index of each run of equal scores: the counts there include every tie
    last = np.r_[np.flatnonzero(np.diff(p_sorted) != 0.0), p_sorted.size - 1]
    tp = np.cumsum(y_sorted)[last]
    fp = (last + 1) - tp
    fpr = np.r_[0.0, fp / negatives]
    tpr = np.r_[0.0, tp / positives]
    return fpr, tpr, np.r_[np.inf, p_sorted[last]]


def roc_auc(y_true: Any, y_prob: Any) -> float:
    r"""Area under the ROC curve, by the trapezoid rule on :func:`roc_curve`:
    :math:`\mathrm{AUC} = \sum_k \tfrac12 (FPR_{k} - FPR_{k-1})(TPR_k + TPR_{k-1})`.
    It equals :func:`roc_auc_pairs`, the probability that a random positive scores above a
    random negative (ties count one half).

    >>> roc_auc([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.9]), roc_auc_pairs([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.9])
    (0.75, 0.75)
    """
    fpr, tpr, _ = roc_curve(y_true, y_prob)
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2.0))


def roc_auc_pairs(y_true: Any, y_prob: Any) -> float:
    r"""The AUC counted over pairs: :math:`\frac{1}{m_+ m_-}\sum_{i: y_i = 1}\sum_{j: y_j = 0}
    \bigl([\hat y_i > \hat y_j] + \tfrac12[\hat y_i = \hat y_j]\bigr)` (Mann–Whitney);
    :math:`m_+ m_-` comparisons, for checking :func:`roc_auc` on small data.

    >>> roc_auc_pairs([0, 1, 1], [0.5, 0.5, 0.8])
    0.75
    """
    y, p = _labels_and("y_prob", y_prob, probabilities=True, y_true=y_true)
    _both_classes(y, "the AUC")
    pos, neg = p[y == 1.0][:, None], p[y == 0.0][None, :]
    return float(np.mean((pos > neg) + 0.5 * (pos == neg)))


def calibration_curve(y_true: Any, y_prob: Any, n_bins: int = 10) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""The reliability diagram's points: split [0, 1] into ``n_bins`` equal bins
    :math:`B_k` (a score on an edge goes to the lower bin) and, for every non-empty bin,
    the observed frequency :math:`\frac{1}{|B_k|}\sum_{i \in B_k} y_i`, the mean predicted
    probability :math:`\frac{1}{|B_k|}\sum_{i \in B_k}\hat y_i` and the count :math:`|B_k|`.
    A calibrated model has the two close in every bin. Returns
    ``(prob_true, prob_pred, counts)``, the first two as scikit-learn's ``calibration_curve``.

    >>> t, p, n = calibration_curve([0, 0, 1, 1, 1], [0.1, 0.15, 0.5, 0.8, 0.9], n_bins=2)
    >>> t.round(4).tolist(), p.round(4).tolist(), n.tolist()
    ([0.3333, 1.0], [0.25, 0.85], [3, 2])
    """
    y, p = _labels_and("y_prob", y_prob, probabilities=True, y_true=y_true)
    k = check_count("n_bins", n_bins, minimum=1)
    edges = np.linspace(0.0, 1.0, k + 1)
    ids = np.searchsorted(edges[1:-1], p)
    counts = np.bincount(ids, minlength=k)
    sums_true = np.bincount(ids, weights=y, minlength=k)
    sums_pred = np.bincount(ids, weights=p, minlength=k)
    kept = counts > 0
    return (
        sums_true[kept] / counts[kept],
        sums_pred[kept] / counts[kept],
        counts[kept],
    )


def stratified_split(y: Any, test_fraction: float = 0.25, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    r"""A seeded, stratified train/test split: in each class :math:`c` with :math:`m_c`
    samples, :math:`\operatorname{round}(f\,m_c)` samples drawn at random (NumPy's
    ``default_rng(seed)``, class 0 first) go to the test part, the rest to training; so both
    parts keep the share of each class. Returns the sorted indices ``(train, test)``.

    >>> train, test = stratified_split([0, 0, 0, 0, 1, 1, 1, 1], 0.25, seed=0)
    >>> len(train), len(test), sorted(int(v) for v in np.asarray([0, 0, 0, 0, 1, 1, 1, 1])[test])
    (6, 2, [0, 1])
    >>> stratified_split([0, 1], 1.5)
    Traceback (most recent call last):
    ...
    ValueError: test_fraction must be in (0, 1); got 1.5
    """
    labels = check_labels("y", y)
    f = check_finite_scalar("test_fraction", test_fraction)
    if not 0.0 < f < 1.0:
        raise ValueError(f"test_fraction must be in (0, 1); got {f!r}")
    rng = np.random.default_rng(check_count("seed", seed))
    test = np.zeros(labels.size, dtype=bool)
    for c in (0.0, 1.0):
        idx = rng.permutation(np.flatnonzero(labels == c))
        test[idx[: int(round(f * idx.size))]] = True
    if test.all() or not test.any():
        raise ValueError(f"test_fraction {f!r} leaves an empty part for {labels.size} samples; use more samples")
    return np.flatnonzero(~test), np.flatnonzero(test)


def stratified_folds(y: Any, k: int = 5, seed: int = 0) -> np.ndarray:
    r"""The fold (0 to :math:`k - 1`) of each sample for a seeded, stratified :math:`k`-fold
    cross-validation: in each class (class 0 first), the samples in a random order (NumPy's
    ``default_rng(seed)``) are dealt to folds 0, 1, …, :math:`k - 1`, 0, 1, …; so every fold
    keeps the share of each class, and fold sizes differ by at most one per class.

    >>> stratified_folds([0, 0, 0, 0, 1, 1, 1, 1], 2).tolist()
    [1, 0, 0, 1, 1, 0, 1, 0]
    >>> stratified_folds([0, 0, 1, 1], 3)
    Traceback (most recent call last):
    ...
    ValueError: k must be at least 2 and at most the size of the smaller class (2); got 3
    """
    labels = check_labels("y", y)
    k = check_count("k", k)
    smaller = int(min((labels == 0).sum(), (labels == 1).sum()))
    if not 2 <= k <= smaller:
        raise ValueError(f"k must be at least 2 and at most the size of the smaller class ({smaller}); got {k}")
    rng = np.random.default_rng(check_count("seed", seed))
    fold = np.empty(labels.size, dtype=int)
    for c in (0.0, 1.0):
        idx = rng.permutation(np.flatnonzero(labels == c))
        fold[idx] = np.arange(idx.size) % k
    return fold
