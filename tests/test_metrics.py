"""lossbook.metrics and lossbook.regularised against scikit-learn (to 1e-6), and their input checks.

Each validating function gets a planted defect: a column vector, a label 2, a probability
above 1, arrays of different lengths; the error must name the argument.
"""

from __future__ import annotations

import numpy as np
import pytest
from sklearn import metrics as skm
from sklearn.calibration import calibration_curve as sk_calibration_curve
from sklearn.linear_model import LogisticRegression as SkLogisticRegression

import lossbook as lb
from lossbook import metrics
from lossbook.regularised import fit_l2, sklearn_c

TOL = 1e-6


def _cases():
    """A few (y_true, y_prob) pairs: random, with ties, and the radius model's test part."""
    rng = np.random.default_rng(7)
    y = rng.integers(0, 2, 200).astype(float)
    p = np.clip(0.3 * y + rng.uniform(0, 0.7, 200), 0, 1)
    ties = np.round(p, 1)  # many equal scores
    r = lb.lesson.radius_model()
    return [(y, p), (y, ties), (r.y_test, r.y_prob_test)]


CASES = _cases()


@pytest.mark.parametrize("y, p", CASES)
@pytest.mark.parametrize("threshold", [0.2, 0.5, 0.7])
def test_confusion_precision_recall_accuracy_match_sklearn(y, p, threshold):
    pred = metrics.predict_labels(p, threshold)
    np.testing.assert_array_equal(metrics.confusion_matrix(y, pred), skm.confusion_matrix(y, pred, labels=[0, 1]))
    c = metrics.confusion(y, p, threshold)
    assert (c.tn, c.fp, c.fn, c.tp) == tuple(skm.confusion_matrix(y, pred, labels=[0, 1]).ravel())
    assert abs(metrics.precision(y, pred) - skm.precision_score(y, pred)) < TOL
    assert abs(metrics.recall(y, pred) - skm.recall_score(y, pred)) < TOL
    assert abs(metrics.accuracy(y, pred) - skm.accuracy_score(y, pred)) < TOL
    assert abs(c.precision - skm.precision_score(y, pred)) < TOL
    assert abs(c.recall - skm.recall_score(y, pred)) < TOL


@pytest.mark.parametrize("y, p", CASES)
def test_roc_curve_and_auc_match_sklearn(y, p):
    fpr, tpr, thr = metrics.roc_curve(y, p)
    sk_fpr, sk_tpr, sk_thr = skm.roc_curve(y, p, drop_intermediate=False)
    np.testing.assert_allclose(fpr, sk_fpr, atol=TOL)
    np.testing.assert_allclose(tpr, sk_tpr, atol=TOL)
    np.testing.assert_allclose(thr[1:], sk_thr[1:], atol=TOL)
    assert np.isinf(thr[0])
    assert abs(metrics.roc_auc(y, p) - skm.roc_auc_score(y, p)) < TOL
    assert abs(metrics.roc_auc_pairs(y, p) - skm.roc_auc_score(y, p)) < TOL


@pytest.mark.parametrize("y, p", CASES)
def test_log_loss_matches_sklearn(y, p):
    assert abs(metrics.log_loss(y, p) - skm.log_loss(y, p, labels=[0, 1])) < TOL


def test_log_loss_of_certain_wrong_prediction_is_finite_like_sklearn():
    y, p = [0.0, 1.0], [1.0, 1.0]
    assert np.isfinite(metrics.log_loss(y, p))
    assert abs(metrics.log_loss(y, p) - skm.log_loss(y, p, labels=[0, 1])) < TOL


@pytest.mark.parametrize("y, p", CASES)
@pytest.mark.parametrize("n_bins", [2, 5, 10])
def test_calibration_curve_matches_sklearn(y, p, n_bins):
    observed, predicted, counts = metrics.calibration_curve(y, p, n_bins)
    sk_true, sk_pred = sk_calibration_curve(y, p, n_bins=n_bins, strategy="uniform")
    np.testing.assert_allclose(observed, sk_true, atol=TOL)
    np.testing.assert_allclose(predicted, sk_pred, atol=TOL)
    assert counts.sum() == len(y)


def test_calibration_edge_goes_to_lower_bin_like_sklearn():
    y, p = [0, 1, 1], [0.5, 0.5, 0.9]
    observed, predicted, counts = metrics.calibration_curve(y, p, 2)
    assert counts.tolist() == [2, 1]
    np.testing.assert_allclose(predicted, sk_calibration_curve(y, p, n_bins=2)[1])


def test_stratified_split_keeps_shares_and_is_seeded():
    y = lb.datasets.breast_cancer().y
    train, test = metrics.stratified_split(y, 0.25, seed=0)
    assert np.intersect1d(train, test).size == 0 and train.size + test.size == y.size
    assert test.size == round(0.25 * 357) + round(0.25 * 212)
    assert abs(y[train].mean() - y[test].mean()) < 0.01
    again = metrics.stratified_split(y, 0.25, seed=0)
    np.testing.assert_array_equal(again[1], test)
    other = metrics.stratified_split(y, 0.25, seed=1)
    assert not np.array_equal(other[1], test)


# --- fitted coefficients against scikit-learn --------------------------------------------


def test_radius_model_matches_unpenalised_sklearn():
    ds = lb.datasets.tumour_sizes()
    s = lb.lesson.tumour_split()
    r = lb.lesson.radius_model()
    sk = SkLogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(
        ds.X[np.array(s.train)], ds.y[np.array(s.train)]
    )
    assert abs(r.w - sk.coef_[0, 0]) < TOL * 10
    assert abs(r.b - sk.intercept_[0]) < TOL * 100  # b ~ -16: 1e-6 relative
    assert abs(r.b - sk.intercept_[0]) / abs(r.b) < TOL


@pytest.mark.parametrize("mu", [1e-3, 1e-2, 1e-1, 1.0])
def test_l2_fit_matches_sklearn_with_c_for_the_sum(mu):
    """sklearn penalises C·Σ L_i + ½‖w‖²: the same minimiser as mean L + (μ/2)‖w‖² with C = 1/(μm)."""
    bc = lb.datasets.breast_cancer()
    s = lb.lesson.tumour_split()
    X = bc.X[np.array(s.train)]
    Z = (X - X.mean(0)) / X.std(0)
    y = bc.y[np.array(s.train)]
    fit = fit_l2(Z, y, mu)
    sk = SkLogisticRegression(C=sklearn_c(mu, len(y)), solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(Z, y)
    np.testing.assert_allclose(fit.w, sk.coef_[0], atol=TOL)
    assert abs(fit.b - sk.intercept_[0]) < TOL


def test_l2_sweep_uses_the_fits_checked_above():
    sweep = lb.lesson.l2_sweep()
    assert sweep.log_loss_train == tuple(sorted(sweep.log_loss_train))  # more penalty, worse fit on training
    assert sweep.weight_norm == tuple(sorted(sweep.weight_norm, reverse=True))
    assert 0 < sweep.best < len(sweep.mus) - 1  # the test log-loss has an interior minimum


# --- planted defects: each check names the argument ---------------------------------------

Y = [0, 1, 1, 0]
P = [0.1, 0.8, 0.6, 0.3]
LABEL_FUNCS = [metrics.confusion_matrix, metrics.precision, metrics.recall, metrics.accuracy]
PROB_FUNCS = [
    metrics.log_loss,
    metrics.roc_curve,
    metrics.roc_auc,
    metrics.roc_auc_pairs,
    metrics.calibration_curve,
    metrics.confusion,
]


@pytest.mark.parametrize("func", LABEL_FUNCS + PROB_FUNCS)
def test_column_vector_y_true_raises_naming_it(func):
    second = [0, 1, 1, 0] if func in LABEL_FUNCS else P
    with pytest.raises(ValueError, match=r"^y_true must be a 1-D array"):
        func(np.asarray(Y)[:, None], second)


@pytest.mark.parametrize("func", LABEL_FUNCS + PROB_FUNCS)
def test_non_binary_y_true_raises_naming_it(func):
    second = [0, 1, 1, 0] if func in LABEL_FUNCS else P
    with pytest.raises(ValueError, match=r"^y_true must contain only the labels 0 and 1; got 2.0 at index 2"):
        func([0, 1, 2, 0], second)


@pytest.mark.parametrize("func", LABEL_FUNCS)
def test_non_binary_y_pred_raises_naming_it(func):
    with pytest.raises(ValueError, match=r"^y_pred must contain only the labels 0 and 1"):
        func(Y, [0, 1, 0.7, 0])


@pytest.mark.parametrize("func", PROB_FUNCS)
def test_probability_out_of_range_raises_naming_it(func):
    with pytest.raises(ValueError, match=r"^y_prob must contain probabilities in \[0, 1\]; got 1.2 at index 1"):
        func(Y, [0.1, 1.2, 0.6, 0.3])


@pytest.mark.parametrize("func", PROB_FUNCS)
def test_column_vector_y_prob_raises_instead_of_broadcasting(func):
    with pytest.raises(ValueError, match=r"^y_prob must be a 1-D array"):
        func(Y, np.asarray(P)[:, None])


@pytest.mark.parametrize("func", LABEL_FUNCS + PROB_FUNCS)
def test_different_lengths_raise_naming_both(func):
    second = [0, 1, 1] if func in LABEL_FUNCS else P[:3]
    with pytest.raises(ValueError, match=r"^y_true has 4 samples but y_\w+ has 3"):
        func(Y, second)


def test_single_class_roc_raises():
    with pytest.raises(ValueError, match="y_true must contain both labels"):
        metrics.roc_auc([1, 1], [0.2, 0.3])


def test_stratified_folds_deal_each_class_evenly_and_are_seeded():
    y = lb.datasets.breast_cancer().y
    fold = metrics.stratified_folds(y, 5, seed=0)
    assert fold.shape == y.shape and set(fold.tolist()) == set(range(5))
    for c in (0, 1):
        sizes = np.bincount(fold[y == c], minlength=5)
        assert sizes.max() - sizes.min() <= 1, sizes  # dealt in turn
    assert max(abs(y[fold == f].mean() - y.mean()) for f in range(5)) < 0.01
    np.testing.assert_array_equal(metrics.stratified_folds(y, 5, seed=0), fold)
    assert not np.array_equal(metrics.stratified_folds(y, 5, seed=1), fold)


def test_bad_threshold_bins_fraction_and_mu_raise_naming_them():
    with pytest.raises(ValueError, match="^threshold must be in"):
        metrics.confusion(Y, P, 1.5)
    with pytest.raises(ValueError, match="^n_bins must be >= 1"):
        metrics.calibration_curve(Y, P, 0)
    with pytest.raises(ValueError, match="^test_fraction must be in"):
        metrics.stratified_split(Y, 0.0)
    with pytest.raises(ValueError, match="^y must contain only the labels"):
        metrics.stratified_split([0, 3], 0.5)
    with pytest.raises(
        ValueError, match=r"^k must be at least 2 and at most the size of the smaller class \(2\); got 1"
    ):
        metrics.stratified_folds([0, 0, 1, 1, 1], 1)
    with pytest.raises(ValueError, match="^k must be at least 2 and at most the size of the smaller class"):
        metrics.stratified_folds([0, 0, 1, 1, 1], 3)
    with pytest.raises(ValueError, match="^y must be"):
        metrics.stratified_folds([[0, 1], [1, 0]], 2)
    with pytest.raises(ValueError, match="^mu must be >= 0"):
        fit_l2([[1.0], [2.0]], [0, 1], -0.1)
    with pytest.raises(ValueError, match="^X must be a 2-D array"):
        fit_l2([1.0, 2.0], [0, 1], 0.1)


def test_planted_defect_a_broadcasting_metric_would_be_caught():
    """The check above is what catches the classic bug: (m, 1) − (m,) is an (m, m) matrix."""
    y, p = np.asarray(Y, float), np.asarray(P)[:, None]
    silently_wrong = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))  # broadcasts to (4, 4)
    assert abs(silently_wrong - skm.log_loss(Y, P)) > 1e-3
    with pytest.raises(ValueError, match="y_prob"):
        metrics.log_loss(Y, p)
