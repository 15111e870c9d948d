"""Chapter 12 (Using the model): its numbers and its two figures, against scikit-learn and by
their definitions; each claim of the page is checked on the data, and on a planted defect."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from sklearn import metrics as skm
from sklearn.calibration import calibration_curve as sk_calibration_curve
from sklearn.linear_model import LogisticRegression as SkLogisticRegression

import lossbook as lb
from lossbook.figures import FIGURES
from lossbook.lesson import l2_sweep, radius_model, reliability, screening, tumour_split
from lossbook.regularised import fit_l2, sklearn_c

TOL = 1e-6


def test_split_is_stratified_and_disjoint():
    s = tumour_split()
    assert s.m_train + s.m_test == s.m == 569
    assert np.intersect1d(s.train, s.test).size == 0
    assert abs(s.share_train - s.share_test) < 0.01


def test_calibration_in_the_large_holds_with_an_intercept():
    r = radius_model()
    assert r.calibration_gap < 1e-12


def test_planted_defect_without_intercept_calibration_in_the_large_fails():
    """The identity needs the intercept: the same data fitted through the origin break it."""
    ds = lb.datasets.tumour_sizes()
    s = tumour_split()
    x, y = ds.x[np.array(s.train)], ds.y[np.array(s.train)]
    sk = SkLogisticRegression(C=np.inf, fit_intercept=False, solver="newton-cholesky", tol=1e-12).fit(x[:, None], y)
    p = sk.predict_proba(x[:, None])[:, 1]
    assert abs(p.mean() - y.mean()) > 0.05


def test_l2_on_weights_only_keeps_calibration_in_the_large_and_penalising_b_breaks_it():
    bc = lb.datasets.breast_cancer()
    s = tumour_split()
    X = bc.X[np.array(s.train)]
    Z = (X - X.mean(0)) / X.std(0)
    y = bc.y[np.array(s.train)]
    fit = fit_l2(Z, y, 0.1)
    assert abs(lb.sigmoid(fit.b + Z @ fit.w).mean() - y.mean()) < 1e-9
    # sklearn's liblinear penalises the intercept too: the mean prediction moves away
    sk = SkLogisticRegression(C=sklearn_c(0.1, len(y)), solver="liblinear", tol=1e-10, max_iter=10_000).fit(Z, y)
    assert abs(sk.predict_proba(Z)[:, 1].mean() - y.mean()) > 1e-4


def test_radius_model_metrics_match_sklearn():
    r = radius_model()
    assert abs(r.auc_test - skm.roc_auc_score(r.y_test, r.y_prob_test)) < TOL
    assert abs(r.log_loss_test - skm.log_loss(r.y_test, r.y_prob_test)) < TOL
    s = tumour_split()
    ds = lb.datasets.tumour_sizes()
    p_train = lb.sigmoid(r.b + r.w * ds.x[np.array(s.train)])
    assert abs(r.log_loss_train - skm.log_loss(ds.y[np.array(s.train)], p_train)) < TOL


@pytest.mark.parametrize("which", ["at_half", "at_threshold"])
def test_screening_counts_match_sklearn(which):
    r, sc = radius_model(), screening()
    threshold = sc.usual if which == "at_half" else sc.threshold
    c = getattr(sc, which)
    pred = (np.asarray(r.y_prob_test) >= threshold).astype(int)
    assert (c.tn, c.fp, c.fn, c.tp) == tuple(skm.confusion_matrix(r.y_test, pred).ravel())
    assert abs(c.precision - skm.precision_score(r.y_test, pred)) < TOL
    assert abs(c.recall - skm.recall_score(r.y_test, pred)) < TOL
    assert abs(c.accuracy - skm.accuracy_score(r.y_test, pred)) < TOL


def test_the_screening_story_the_page_tells():
    """Lower threshold: fewer missed cancers, more false alarms, higher recall, lower precision and accuracy."""
    sc = screening()
    a, b = sc.at_half, sc.at_threshold
    assert sc.threshold < sc.usual
    assert b.fn < a.fn and b.fp > a.fp
    assert b.recall > a.recall and b.precision < a.precision and b.accuracy < a.accuracy
    assert sc.radius_threshold < sc.radius_half


def test_threshold_radius_is_where_the_probability_crosses_it():
    r, sc = radius_model(), screening()
    for t, x in ((sc.usual, sc.radius_half), (sc.threshold, sc.radius_threshold)):
        assert abs(lb.sigmoid(r.b + r.w * x) - t) < 1e-12


def test_odds_ratio_is_exp_w_at_every_radius():
    r = radius_model()
    for x in (8.0, r.boundary, 20.0):
        assert math.isclose(r.odds_at(x + 1) / r.odds_at(x), r.odds_ratio, rel_tol=1e-12)
    assert math.isclose(r.odds_at(r.boundary), 1.0, rel_tol=1e-12)
    # the chapter-11 model on all tumours: e^w = 2.81
    assert round(math.exp(lb.lesson.tumour_newton().w), 2) == round(r.odds_ratio_all, 2) == 2.81


def test_l2_sweep_matches_sklearn_fits():
    sweep = l2_sweep()
    bc, s = lb.datasets.breast_cancer(), tumour_split()
    X = bc.X[np.array(s.train)]
    mean, std = X.mean(0), X.std(0)
    Z = (bc.X - mean) / std
    for mu, test_loss, auc in zip(sweep.mus[1:], sweep.log_loss_test[1:], sweep.auc_test[1:], strict=True):
        sk = SkLogisticRegression(C=sklearn_c(mu, s.m_train), solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(
            Z[np.array(s.train)], bc.y[np.array(s.train)]
        )
        p = sk.predict_proba(Z[np.array(s.test)])[:, 1]
        assert abs(test_loss - skm.log_loss(bc.y[np.array(s.test)], p)) < TOL
        assert abs(auc - skm.roc_auc_score(bc.y[np.array(s.test)], p)) < TOL


def test_l2_sweep_cross_validation_matches_sklearn_fits_on_the_same_folds():
    """Each fold: standardised with the other folds' mean and std, fitted by scikit-learn with
    the matching C, scored by scikit-learn's log-loss; the column is their mean."""
    sweep = l2_sweep()
    bc, s = lb.datasets.breast_cancer(), tumour_split()
    train = np.array(s.train)
    X, y = bc.X[train], bc.y[train]
    fold = lb.metrics.stratified_folds(y, sweep.folds, 0)
    for mu, cv in zip(sweep.mus[1:], sweep.log_loss_cv[1:], strict=True):
        losses = []
        for f in range(sweep.folds):
            fit_rows, held = fold != f, fold == f
            mean, std = X[fit_rows].mean(0), X[fit_rows].std(0)
            sk = SkLogisticRegression(
                C=sklearn_c(mu, int(fit_rows.sum())), solver="newton-cholesky", tol=1e-12, max_iter=1000
            ).fit((X[fit_rows] - mean) / std, y[fit_rows])
            losses.append(skm.log_loss(y[held], sk.predict_proba((X[held] - mean) / std)[:, 1]))
        assert abs(cv - np.mean(losses)) < TOL, mu


def test_l2_sweep_story():
    sweep = l2_sweep()
    # mu is chosen on the training part; the test part would pick another, and report less
    assert sweep.best == int(np.argmin(sweep.log_loss_cv)) and sweep.best != sweep.test_favourite
    assert sweep.log_loss_test[sweep.test_favourite] < sweep.log_loss_test[sweep.best]
    # the quiz choose-mu-by-cross-validation says cross-validation picks the smaller mu
    assert sweep.best_mu < sweep.mus[sweep.test_favourite]
    assert sweep.log_loss_test[0] > radius_model().log_loss_test  # overconfident with a tiny penalty
    assert (
        sweep.log_loss_test[sweep.best] < sweep.log_loss_test[0]
        and sweep.log_loss_test[sweep.best] < sweep.log_loss_test[-1]
    )
    assert max(sweep.auc_test) - min(sweep.auc_test) < 0.02  # the ranking barely moves


# --- the figures, against scikit-learn --------------------------------------------------------


def _roc_line(fig):
    (ax,) = fig.axes
    return next(line for line in ax.get_lines() if line.get_label().startswith("ROC"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_roc_figure_draws_sklearns_curve(lang):
    r = radius_model()
    line = _roc_line(FIGURES["roc"](lang))
    fpr, tpr, _ = skm.roc_curve(r.y_test, r.y_prob_test, drop_intermediate=False)
    np.testing.assert_allclose(line.get_xdata(), fpr, atol=TOL)
    np.testing.assert_allclose(line.get_ydata(), tpr, atol=TOL)
    assert f"{skm.roc_auc_score(r.y_test, r.y_prob_test):.3f}" in line.get_label()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_reliability_figure_draws_sklearns_calibration_curve(lang):
    r, rel = radius_model(), reliability()
    fig = FIGURES["reliability"](lang)
    (ax,) = fig.axes
    points = ax.collections[0].get_offsets()
    prob_true, prob_pred = sk_calibration_curve(r.y_test, r.y_prob_test, n_bins=rel.n_bins)
    np.testing.assert_allclose(points[:, 0], prob_pred, atol=TOL)
    np.testing.assert_allclose(points[:, 1], prob_true, atol=TOL)


def test_figures_speak_the_language():
    for name in ("roc", "reliability"):
        vi, en = FIGURES[name]("vi"), FIGURES[name]("en")
        assert vi.axes[0].get_xlabel() != en.axes[0].get_xlabel()
        assert vi.axes[0].get_title() != en.axes[0].get_title()


def test_planted_defect_a_wrong_curve_would_fail_the_figure_test():
    r = radius_model()
    fpr, tpr, _ = skm.roc_curve(r.y_test, 1 - np.asarray(r.y_prob_test), drop_intermediate=False)  # scores reversed
    line = _roc_line(FIGURES["roc"]("en"))
    assert not np.allclose(line.get_ydata(), tpr, atol=TOL)


def test_the_thirty_standardised_training_features_are_separable_as_the_page_says():
    bc, s = lb.datasets.breast_cancer(), tumour_split()
    X = bc.X[np.array(s.train)]
    with pytest.warns(lb.SeparableDataWarning):
        lb.newton((X - X.mean(0)) / X.std(0), bc.y[np.array(s.train)])
    with warnings.catch_warnings():  # one feature: the classes overlap, a minimiser exists
        warnings.simplefilter("error", lb.SeparableDataWarning)
        lb.newton(X[:, :1], bc.y[np.array(s.train)])
