"""LinearRegression and LogisticRegression: scikit-learn and lstsq as oracles, separable data,
bad inputs."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from lossbook.losses import bce_objective, sigmoid_mse_objective
from lossbook.models import LinearRegression, LogisticRegression, NotFittedError
from lossbook.optim import NewtonHistory, SeparableDataWarning, SGDHistory

FLOWERS_X = [[1.4], [1.0], [1.5], [3.0], [3.8], [4.1]]  # the lesson's six petal lengths
FLOWERS_Y = [0, 0, 0, 1, 1, 1]
OVERLAP_X = [[1.4], [1.5], [3.0], [4.1], [2.0], [2.8]]
OVERLAP_Y = [0, 0, 1, 1, 1, 0]


def noisy_logistic(m, n, seed):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((m, n))
    w = rng.normal(size=n)
    y = (rng.random(m) < 1 / (1 + np.exp(-(X @ w - 0.2)))).astype(float)
    return X, y


@pytest.fixture(scope="module")
def breast_cancer():
    datasets = pytest.importorskip("sklearn.datasets")
    data = datasets.load_breast_cancer()
    X = (data.data - data.data.mean(0)) / data.data.std(0)
    return X, data.target.astype(float)


def mean_log_loss(X, y, coef, intercept):
    z = X @ coef + intercept
    return float(np.mean(np.logaddexp(0.0, z) - y * z))


# --- LogisticRegression against scikit-learn ---------------------------------------------------


def test_breast_cancer_mean_features_agree_with_scikit_learn(breast_cancer):
    """The ten 'mean ...' features overlap (finite minimiser): unpenalised fits must agree."""
    from sklearn.linear_model import LogisticRegression as SkLogisticRegression

    X, y = breast_cancer[0][:, :10], breast_cancer[1]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # scikit-learn must converge, without ConvergenceWarning
        ref = SkLogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(X, y)
    ours = LogisticRegression(tol=1e-14).fit(X, y)
    np.testing.assert_allclose(ours.coef_, ref.coef_[0], rtol=1e-6)
    assert ours.intercept_ == pytest.approx(ref.intercept_[0], rel=1e-6)
    assert ours.loss_ == pytest.approx(mean_log_loss(X, y, ref.coef_[0], ref.intercept_[0]), abs=1e-9)
    assert ours.loss_ == pytest.approx(bce_objective(X, y, np.r_[ours.intercept_, ours.coef_]), rel=1e-13)
    np.testing.assert_allclose(ours.predict_proba(X), ref.predict_proba(X), atol=1e-8)
    np.testing.assert_array_equal(ours.predict(X), ref.predict(X))
    np.testing.assert_allclose(ours.decision_function(X), ref.decision_function(X), rtol=1e-6, atol=1e-8)
    assert isinstance(ours.history_, NewtonHistory) and ours.n_iter_ == ours.history_.steps <= 15


def test_breast_cancer_all_features_are_separable(breast_cancer):
    """With all 30 standardised features the two classes are linearly separable: no minimiser.
    (scikit-learn's newton-cholesky then runs out of iterations with coefficients in the thousands.)"""
    X, y = breast_cancer
    with pytest.warns(SeparableDataWarning, match="linearly separable"):
        clf = LogisticRegression(max_iter=200).fit(X, y)
    assert clf.history_.separable and clf.n_iter_ < 50
    np.testing.assert_array_equal(clf.predict(X), y)


def test_lesson_flowers_are_separable_for_every_solver():
    with pytest.warns(SeparableDataWarning):
        LogisticRegression().fit(FLOWERS_X, FLOWERS_Y)
    with pytest.warns(SeparableDataWarning, match="solver='gd'"):
        LogisticRegression(solver="gd", lr=0.5, max_iter=2000).fit(FLOWERS_X, FLOWERS_Y)


def test_overlapping_data_do_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        clf = LogisticRegression().fit(OVERLAP_X, OVERLAP_Y)
    assert clf.history_.converged


@pytest.mark.parametrize(
    "solver, kwargs, atol",
    [
        ("gd", dict(lr=1.0, max_iter=20_000, tol=1e-9), 1e-6),
        ("sgd", dict(lr=0.005, max_iter=60, seed=0), 3e-2),
    ],
)
def test_first_order_solvers_approach_newton(solver, kwargs, atol):
    X, y = noisy_logistic(400, 3, seed=1)
    newton = LogisticRegression(tol=1e-14).fit(X, y)
    other = LogisticRegression(solver=solver, **kwargs).fit(X, y)
    np.testing.assert_allclose(other.coef_, newton.coef_, atol=atol)
    assert other.loss_ >= newton.loss_ - 1e-12  # Newton found the minimum


def test_sgd_history_and_seed():
    X, y = noisy_logistic(50, 2, seed=2)
    a = LogisticRegression(solver="sgd", max_iter=3, seed=7).fit(X, y)
    b = LogisticRegression(solver="sgd", max_iter=3, seed=7).fit(X, y)
    assert isinstance(a.history_, SGDHistory) and a.history_.steps == 150 and a.n_iter_ == 3
    np.testing.assert_array_equal(a.coef_, b.coef_)


def test_mse_loss_with_gradient_descent():
    X, y = noisy_logistic(200, 2, seed=3)
    clf = LogisticRegression(loss="mse", solver="gd", lr=1.0, max_iter=300).fit(X, y)
    h = clf.history_
    assert h.steps == 300 and np.all(np.diff(h.loss) <= 1e-15)
    assert clf.loss_ == pytest.approx(sigmoid_mse_objective(X, y, h.final), rel=1e-13)


def test_newton_refuses_the_mse_loss():
    with pytest.raises(ValueError, match=r"solver='newton' needs loss='bce'.*not\s+convex"):
        LogisticRegression(loss="mse", solver="newton")


def test_predict_proba_predict_decision_function_are_consistent():
    X, y = noisy_logistic(100, 3, seed=4)
    clf = LogisticRegression().fit(X, y)
    z = clf.decision_function(X)
    np.testing.assert_allclose(z, X @ clf.coef_ + clf.intercept_)
    P = clf.predict_proba(X)
    assert P.shape == (100, 2)
    np.testing.assert_allclose(P.sum(1), 1.0, rtol=1e-15)
    np.testing.assert_allclose(P[:, 1], 1 / (1 + np.exp(-z)), rtol=1e-13)
    np.testing.assert_array_equal(clf.predict(X), (P[:, 1] > 0.5).astype(int))
    assert clf.predict(X).dtype.kind == "i"


def test_predict_proba_is_stable_for_huge_logits():
    clf = LogisticRegression().fit(OVERLAP_X, OVERLAP_Y)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        P = clf.predict_proba([[1e6], [-1e6]])
    np.testing.assert_array_equal(P, [[0.0, 1.0], [1.0, 0.0]])


# --- LinearRegression ----------------------------------------------------------------------------


@pytest.mark.parametrize("m, n", [(4, 1), (50, 3), (200, 10)])
def test_linear_regression_matches_lstsq(m, n):
    rng = np.random.default_rng(m + n)
    X = rng.standard_normal((m, n))
    y = rng.standard_normal(m)
    model = LinearRegression().fit(X, y)
    theta = np.linalg.lstsq(np.column_stack([np.ones(m), X]), y, rcond=None)[0]
    np.testing.assert_allclose(model.coef_, theta[1:], rtol=1e-10, atol=1e-12)
    assert model.intercept_ == pytest.approx(theta[0], rel=1e-10, abs=1e-12)
    np.testing.assert_allclose(model.predict(X), np.column_stack([np.ones(m), X]) @ theta, rtol=1e-10, atol=1e-12)
    assert model.n_iter_ == 0 and model.history_ is None


def test_linear_regression_gd_converges_to_lstsq():
    rng = np.random.default_rng(5)
    X = rng.standard_normal((100, 3))
    y = X @ [1.0, -2.0, 0.5] + 3 + 0.1 * rng.standard_normal(100)
    gd = LinearRegression(solver="gd", lr=0.1, max_iter=10_000, tol=1e-12).fit(X, y)
    ref = LinearRegression().fit(X, y)
    np.testing.assert_allclose(gd.coef_, ref.coef_, rtol=1e-9)
    h = gd.history_
    assert h.steps == gd.n_iter_ < 10_000 and np.all(np.diff(h.loss) <= 1e-15)


def test_linear_regression_gd_divergence_names_lr_and_its_bound():
    X = [[6.7], [4.6], [3.5], [5.5]]
    y = [9.1, 5.9, 4.6, 6.7]
    with pytest.raises(ValueError, match=r"lr=0\.1.*stable only for lr < 0\.0"):
        LinearRegression(solver="gd", lr=0.1, max_iter=5000).fit(X, y)


def test_linear_regression_slides_house_prices():
    X = [[6.7], [4.6], [3.5], [5.5]]
    y = [9.1, 5.9, 4.6, 6.7]
    model = LinearRegression().fit(X, y)
    slope, intercept = np.polyfit(np.ravel(X), y, 1)
    assert model.coef_[0] == pytest.approx(slope, rel=1e-12)
    assert model.intercept_ == pytest.approx(intercept, rel=1e-12)


# --- bad inputs: one row per mistake, the message names the argument -------------------------------

GOOD_X = [[1.4], [1.5], [3.0], [4.1]]
GOOD_Y = [0, 1, 0, 1]

BAD_FITS = [
    # (estimator, X, y, argument named in the message)
    (LogisticRegression(), [1.4, 1.5, 3.0, 4.1], GOOD_Y, "X"),  # 1-D X
    (LogisticRegression(), np.ones((4, 1, 1)), GOOD_Y, "X"),  # 3-D X
    (LogisticRegression(), np.zeros((0, 1)), [], "X"),  # empty
    (LogisticRegression(), [[1.4], [np.nan], [3.0], [4.1]], GOOD_Y, "X"),  # NaN in X
    (LogisticRegression(), [[1.4], [np.inf], [3.0], [4.1]], GOOD_Y, "X"),  # inf in X
    (LogisticRegression(), GOOD_X, [[0], [1], [0], [1]], "y"),  # column-vector y
    (LogisticRegression(), GOOD_X, [0, 1, 2, 1], "y"),  # label 2
    (LogisticRegression(), GOOD_X, [0, 1, np.nan, 1], "y"),  # NaN in y
    (LogisticRegression(), GOOD_X, [0, 1, 0], "X"),  # lengths differ
    (LogisticRegression(), GOOD_X, [1, 1, 1, 1], "y"),  # one class
    (LinearRegression(), [6.7, 4.6], [9.1, 5.9], "X"),  # 1-D X
    (LinearRegression(), [[6.7], [4.6]], [9.1, np.nan], "y"),  # NaN in y
    (LinearRegression(), [[6.7], [4.6]], [9.1, 5.9, 4.6], "X"),  # lengths differ
]


@pytest.mark.parametrize(
    "estimator, X, y, name", BAD_FITS, ids=[f"{type(r[0]).__name__}-{r[3]}-{i}" for i, r in enumerate(BAD_FITS)]
)
def test_fit_rejects_bad_data_naming_the_argument(estimator, X, y, name):
    with pytest.raises(ValueError) as info:
        estimator.fit(X, y)
    assert str(info.value).split()[0] == name


BAD_HYPER = [
    (LogisticRegression, dict(solver="lbfgs"), "solver"),
    (LogisticRegression, dict(loss="hinge"), "loss"),
    (LogisticRegression, dict(lr=0), "lr"),
    (LogisticRegression, dict(lr=-0.1), "lr"),
    (LogisticRegression, dict(max_iter=0), "max_iter"),
    (LogisticRegression, dict(tol=-1.0), "tol"),
    (LogisticRegression, dict(tol=np.nan), "tol"),
    (LogisticRegression, dict(seed=-3), "seed"),
    (LinearRegression, dict(solver="sgd"), "solver"),
    (LinearRegression, dict(lr=0.0), "lr"),
]


@pytest.mark.parametrize(
    "cls, kwargs, name", BAD_HYPER, ids=[f"{r[0].__name__}-{r[2]}-{i}" for i, r in enumerate(BAD_HYPER)]
)
def test_constructor_rejects_bad_hyperparameters(cls, kwargs, name):
    with pytest.raises(ValueError) as info:
        cls(**kwargs)
    assert str(info.value).split()[0] == name


@pytest.mark.parametrize("cls", [LinearRegression, LogisticRegression])
def test_predict_before_fit(cls):
    with pytest.raises(NotFittedError, match="not fitted yet"):
        cls().predict([[1.0]])


def test_predict_with_the_wrong_number_of_features():
    clf = LogisticRegression().fit(OVERLAP_X, OVERLAP_Y)
    with pytest.raises(ValueError, match=r"^X has 2 features but LogisticRegression was fitted with 1"):
        clf.predict([[1.0, 2.0]])
    with pytest.raises(ValueError, match=r"^X must be a 2-D array"):
        clf.predict_proba([1.0, 2.0])


def test_repr_shows_hyperparameters():
    assert repr(LogisticRegression(solver="gd", lr=0.5)) == (
        "LogisticRegression(loss='bce', solver='gd', lr=0.5, max_iter=100, tol=None, seed=None)"
    )
