"""lossbook.lesson: every worked example against an independent recomputation (plain Python
``math``, no lossbook), and the ``markdown()`` contract of every result."""

from __future__ import annotations

import dataclasses
import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lossbook as lb
from lossbook import lesson


def sig(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def bce(y: float, p: float) -> float:
    return -math.log(p) if y == 1 else -math.log(1.0 - p)


# --- every public example: dataclass contract and markdown contract -------------------------

#: The quizzes' checks and their helpers return an option index or a number, not a worked example.
CHECKS = {
    name: getattr(lesson, name)
    for name in lesson.__all__
    if name.startswith("check_") or name in ("option_value", "closest_option")
}
EXAMPLES = {
    name: getattr(lesson, name) for name in lesson.__all__ if callable(getattr(lesson, name)) and name not in CHECKS
}


def test_all_lists_every_public_function():
    public = {
        n
        for n, v in vars(lesson).items()
        if callable(v)
        and not n.startswith("_")
        and getattr(v, "__module__", "").startswith("lossbook.lesson.")
        and not isinstance(v, type)
    }
    assert public == set(EXAMPLES) | set(CHECKS)


@pytest.mark.parametrize("name", [n for n in CHECKS if n.startswith("check_") and n != "check_slides"])
def test_quiz_checks_give_an_option_index(name):
    options = ["$0$", r"$\frac14$", "$1$", r"$\ln 100$", "$8$"]  # each numeric check's answer is one
    import inspect

    check = CHECKS[name]
    value = check(options) if "options" in inspect.signature(check).parameters else check()
    assert type(value) is int and 0 <= value < len(options)


@pytest.mark.parametrize("name", EXAMPLES)
def test_result_is_frozen_and_holds_python_numbers(name):
    result = EXAMPLES[name]()
    assert dataclasses.is_dataclass(result)
    field = dataclasses.fields(result)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(result, field, None)

    def plain(value) -> bool:
        if isinstance(value, tuple):
            return all(plain(v) for v in value)
        return type(value) in (float, int, bool, str)

    for f in dataclasses.fields(result):
        assert plain(getattr(result, f.name)), f"{name}.{f.name} holds {type(getattr(result, f.name))}"


def _strip_math(text: str) -> str:
    return re.sub(r"\$[^$]*\$", "", text)


@pytest.mark.parametrize("name", EXAMPLES)
def test_markdown_contract(name):
    result = EXAMPLES[name]()
    tables = {lang: result.markdown(lang) for lang in lesson.LANGS}
    assert result.markdown() == tables["vi"]  # Vietnamese first
    for lang, md in tables.items():
        assert isinstance(md, str) and md == md.strip()
        lines = md.split("\n")
        assert len(lines) >= 3
        assert re.fullmatch(r"\|(:--|--:|:-:)(\|(:--|--:|:-:))*\|", lines[1]), lines[1]
        n_cols = lines[1].count("|") - 1
        for line in lines:
            assert line.startswith("|") and line.endswith("|")
            assert _strip_math(line).count("|") - 1 == n_cols, (lang, line)
        body = _strip_math("\n".join(lines[2:]))
        assert not re.search(r"(?<![\w.])-\d", body), f"{name} ({lang}) prints an ASCII minus: {body}"
    # the same numbers in both languages, only words differ
    numbers = {
        lang: re.findall(r"−?\d+(?:\.\d+)?", _strip_math("\n".join(md.split("\n")[2:]))) for lang, md in tables.items()
    }
    assert numbers["vi"] == numbers["en"]
    assert len(tables["vi"].split("\n")) == len(tables["en"].split("\n"))


@pytest.mark.parametrize("name", EXAMPLES)
def test_markdown_rejects_unknown_language(name):
    with pytest.raises(ValueError, match="lang must be one of"):
        EXAMPLES[name]().markdown("fr")


def test_tables_use_the_site_format_no_negative_zero():
    """The lesson prints through lossbook.text: a true minus, and no negative zero (the
    null direction of the one-sample BCE Hessian is (−0.0, ...) in floats)."""
    assert not any(callable(vars(lesson).get(n)) for n in ("_fmt", "_t", "_md", "_sci", "_check_lang", "_given"))
    r = lesson.bce_hessian_example()
    assert "−0.0000" not in r.markdown("en") and "| $\\det H$ | $0$ | 0.0000 |" in r.markdown("en")
    assert "−0.1069" in lesson.sgd_step_one_feature().markdown("en")


# --- 1. review: derivative, descent, the 2-D walk, the chain rule ----------------------------


def test_derivative_as_limit_is_2x_plus_delta():
    r = lesson.derivative_as_limit(3.0, (1.0, 0.1, 0.01, 0.001))
    assert r.derivative == 6.0
    for d, q in zip(r.deltas, r.quotients, strict=True):
        assert q == pytest.approx(6.0 + d, abs=1e-9)


def test_square_descent_is_geometric():
    r = lesson.square_descent(3.0, 0.1, 5)
    for t, x in enumerate(r.xs):
        assert x == pytest.approx(3.0 * 0.8**t, rel=1e-12)
    assert r.gradients == tuple(2 * x for x in r.xs)
    assert not float(r.xs[1]).is_integer()  # so x is not in N (erratum slides-naturals-domain)


def test_walk_2d_slides_rule_and_standard_gd():
    r = lesson.walk_2d()
    assert r.slides_points == ((3.0, 4.0), (2.0, 3.0), (1.0, 2.0), (0.0, 1.0), (0.0, 0.0))  # the slides' numbers
    assert r.slides_gradients[3] == (0.0, 2.0)  # the slides print (0.0, 0.0)
    x, y, points = 3.0, 4.0, []
    for _ in range(5):
        points.append((x, y))
        x, y = x - 1.0 * 2 * x, y - 1.0 * 2 * y
    assert r.gd_points == tuple(points) == ((3.0, 4.0), (-3.0, -4.0), (3.0, 4.0), (-3.0, -4.0), (3.0, 4.0))
    assert all(g == (2 * p[0], 2 * p[1]) for p, g in zip(r.gd_points, r.gd_gradients, strict=True))


def test_walk_2d_default_is_optim_slides_walk():
    from lossbook.optim import slides_walk

    h = slides_walk()
    assert lesson.walk_2d().slides_points == tuple(map(tuple, h.params.tolist()))
    assert lesson.walk_2d().slides_gradients == tuple(map(tuple, h.grads.tolist()))


def test_walk_2d_small_step_converges():
    r = lesson.walk_2d(eta=0.25, steps=30)
    assert max(abs(v) for v in r.gd_points[-1]) < 1e-8


@pytest.mark.parametrize("x", [-2.0, 0.0, 1.5, 3.0, 10.0])
def test_chain_rule_is_8x_minus_16(x):
    r = lesson.chain_rule(x)
    assert r.f == 2 * x - 1 and r.g == (2 * x - 4) ** 2
    assert r.dg_dx == pytest.approx(8 * x - 16, abs=1e-12) == r.closed_form
    h = 1e-6
    assert r.numerical == pytest.approx(((2 * (x + h) - 4) ** 2 - (2 * (x - h) - 4) ** 2) / (2 * h), abs=1e-6)


# --- 2. house prices --------------------------------------------------------------------------


def test_the_slides_parameters_are_exported():
    assert lesson.HOUSE_LINES == ((-0.34, 0.04), (1.17, 0.26))
    assert lesson.PETAL_LINES == ((0.535, -0.654), (2.331, -5.156))
    assert lesson.house_price_table(*lesson.HOUSE_LINES[1]) == lesson.house_price_table()
    assert lesson.petal_sigmoid_table(*lesson.PETAL_LINES[1]) == lesson.petal_sigmoid_table()


@pytest.mark.parametrize("w,b", [(-0.34, 0.04), (1.17, 0.26)])
def test_house_price_table(w, b):
    area, price = (6.7, 4.6, 3.5, 5.5), (9.1, 5.9, 4.6, 6.7)
    r = lesson.house_price_table(w, b)
    pred = [w * a + b for a in area]
    err = [(p - y) ** 2 for p, y in zip(pred, price, strict=True)]
    np.testing.assert_allclose(r.predicted, pred, rtol=1e-14)
    np.testing.assert_allclose(r.squared_error, err, rtol=1e-12)
    assert r.sse == pytest.approx(sum(err), rel=1e-12)
    assert r.mse == pytest.approx(sum(err) / 4, rel=1e-12)
    assert r.half_mse == pytest.approx(sum(err) / 8, rel=1e-12)


def test_house_price_table_slides_numbers():
    a = lesson.house_price_table(-0.34, 0.04)
    assert [round(v, 3) for v in a.predicted] == [-2.238, -1.524, -1.15, -1.83]
    assert [round(v, 2) for v in a.squared_error] == [128.55, 55.12, 33.06, 72.76]  # slides: 55.11
    b = lesson.house_price_table()
    assert [round(v, 3) for v in b.predicted] == [8.099, 5.642, 4.355, 6.695]
    assert [round(v, 6) for v in b.squared_error] == [1.002001, 0.066564, 0.060025, 0.000025]


def test_house_price_table_version_1():
    r = lesson.house_price_table(1.17, 0.26, version=1)
    assert r.price == (8.1, 5.6, 4.3, 6.7)


# --- 3. sigmoid tables, boundaries, tumour ---------------------------------------------------


@pytest.mark.parametrize("w,b", [(0.535, -0.654), (2.331, -5.156)])
def test_petal_sigmoid_table(w, b):
    r = lesson.petal_sigmoid_table(w, b)
    assert r.x == (1.4, 1.0, 1.5, 3.0, 3.8, 4.1) and r.y == (0, 0, 0, 1, 1, 1)
    for x, z, p in zip(r.x, r.z, r.y_prob, strict=True):
        assert z == pytest.approx(w * x + b, abs=1e-14)
        assert p == pytest.approx(sig(w * x + b), rel=1e-14)


def test_first_petal_table_z_column_is_exactly_the_slides():
    r = lesson.petal_sigmoid_table(0.535, -0.654)
    assert [round(z, 4) for z in r.z] == [0.095, -0.119, 0.1485, 0.951, 1.379, 1.5395]


def test_second_petal_table_separates_the_flowers():
    r = lesson.petal_sigmoid_table()
    assert [int(p >= 0.5) for p in r.y_prob] == [int(y) for y in r.y]


@given(st.floats(-30, 30))
def test_decision_threshold_is_z_nonnegative(z):
    r = lesson.decision_threshold((z,))
    assert r.predicted[0] == int(sig(z) >= 0.5) == int(z >= 0) or abs(z) < 1e-15


def test_decision_threshold_other_threshold():
    r = lesson.decision_threshold((-1.0, 0.0, 1.0), threshold=0.73)
    assert r.z_threshold == pytest.approx(math.log(0.73 / 0.27))
    assert r.predicted == (0, 0, 1)


def test_circle_boundary():
    pts = ((0.0, 0.0), (0.5, 0.5), (1.0, 0.0), (1.0, 1.0), (0.0, 1.5), (-2.0, 0.1))
    r = lesson.circle_boundary(pts)
    for (x1, x2), z, c in zip(pts, r.z, r.predicted, strict=True):
        assert z == pytest.approx(x1**2 + x2**2 - 1, abs=1e-15)
        assert c == int(x1**2 + x2**2 >= 1)


def test_tumour_model_matches_sklearn():
    sk = pytest.importorskip("sklearn.linear_model")
    from lossbook.datasets import tumour_sizes

    ds = tumour_sizes()
    ref = sk.LogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-12, max_iter=100).fit(ds.X, ds.y)
    r = lesson.tumour_model()
    assert r.m == 569
    assert r.w == pytest.approx(float(ref.coef_[0, 0]), rel=1e-6)
    assert r.b == pytest.approx(float(ref.intercept_[0]), rel=1e-6)
    assert r.boundary_radius == pytest.approx(-r.b / r.w)
    assert sig(r.w * r.boundary_radius + r.b) == pytest.approx(0.5)
    assert sig(r.w * r.radius_at_probability + r.b) == pytest.approx(0.34)
    assert r.radius_at_probability < r.boundary_radius  # 0.34 < 0.5: benign side
    for x, z, p, c in zip(r.radii, r.z, r.y_prob, r.malignant, strict=True):
        assert z == pytest.approx(r.w * x + r.b, rel=1e-12, abs=1e-12)
        assert p == pytest.approx(sig(z), rel=1e-12)
        assert c == (p >= 0.5)


def test_tumour_threshold():
    r = lesson.tumour_threshold()
    assert r.probability == 0.34 and not r.malignant
    assert r.z == pytest.approx(math.log(0.34 / 0.66), rel=1e-14) and r.z < 0
    assert r.label("vi") == "lành tính" and r.label("en") == "benign"
    assert lesson.tumour_threshold(0.5).malignant and lesson.tumour_threshold(0.5).label("en") == "malignant"


# --- 4. losses ---------------------------------------------------------------------------------


def test_output_table_losses():
    r = lesson.output_table_losses()
    expected = [bce(y, p) for p, y in zip(r.y_prob, r.y, strict=True)]
    np.testing.assert_allclose(r.losses, expected, rtol=1e-14)
    assert r.mean == pytest.approx(sum(expected) / 8, rel=1e-14)


@pytest.mark.parametrize("p", [0.1, 0.5, 0.8, 0.99])
def test_bernoulli_likelihood(p):
    r = lesson.bernoulli_likelihood(p)
    assert r.likelihood == pytest.approx((1 - p, p))
    assert r.log_likelihood == pytest.approx((math.log(1 - p), math.log(p)))
    assert r.bce == pytest.approx((-math.log(1 - p), -math.log(p)))  # BCE = -log-likelihood


@pytest.mark.parametrize("f", [0.2, 0.7, 0.9])
def test_notes_bce_formula(f):
    r = lesson.notes_bce_formula(f)
    assert r.correct == pytest.approx((-math.log(1 - f), -math.log(f)))
    assert r.notes_formula == pytest.approx((-1.0, -2 * math.log(f)))  # as printed in the notes
    assert r.notes_claim == pytest.approx((-(1 - math.log(f)), -math.log(f)))
    assert r.notes_formula[0] < 0 < r.correct[0]  # a negative "loss"


def _mse_z_second_derivative(y: float, p: float) -> float:
    """d^2/dz^2 of (sigma(z) - y)^2 at sigma(z) = p, by central differences (x = 1)."""
    z, h = math.log(p / (1 - p)), 1e-4
    g = lambda t: (sig(t) - y) ** 2  # noqa: E731
    return (g(z + h) - 2 * g(z) + g(z - h)) / h**2


def test_sigmoid_mse_curvature_values():
    r = lesson.sigmoid_mse_curvature()
    for p, a, b, c in zip(r.y_hat, r.mse_y0, r.mse_y1, r.bce, strict=True):
        assert a == pytest.approx(2 * p * (1 - p) * (-3 * p**2 + 2 * p), abs=1e-15)
        assert b == pytest.approx(2 * p * (1 - p) * (-3 * p**2 + 4 * p - 1), abs=1e-15)
        assert a == pytest.approx(_mse_z_second_derivative(0, p), abs=1e-6)
        assert b == pytest.approx(_mse_z_second_derivative(1, p), abs=1e-6)
        assert c == pytest.approx(p * (1 - p)) and c > 0
    assert r.negative_when_y0 == pytest.approx((2 / 3, 1.0)) and r.negative_when_y1 == pytest.approx((0.0, 1 / 3))


@settings(max_examples=200)
@given(st.floats(0.001, 0.999), st.sampled_from([0, 1]))
def test_sigmoid_mse_sign_regions(p, y):
    r = lesson.sigmoid_mse_curvature((p,))
    value = (r.mse_y0 if y == 0 else r.mse_y1)[0]
    low, high = r.negative_when_y0 if y == 0 else r.negative_when_y1
    if abs(value) > 1e-12:
        assert (value < 0) == (low < p < high)


# --- 5. SGD ------------------------------------------------------------------------------------


def _sgd(theta, x, y, eta):
    z = theta[0] + sum(w * xi for w, xi in zip(theta[1:], x, strict=True))
    p = sig(z)
    grad = [p - y] + [xi * (p - y) for xi in x]
    new = [t - eta * g for t, g in zip(theta, grad, strict=True)]
    z1 = new[0] + sum(w * xi for w, xi in zip(new[1:], x, strict=True))
    return z, p, bce(y, p), grad, new, z1, sig(z1), bce(y, sig(z1))


def test_sgd_step_one_feature():
    r = lesson.sgd_step_one_feature()
    z, p, loss, grad, new, z1, p1, loss1 = _sgd([0.1, -0.1], [1.4], 0, 0.01)
    assert r.names == ("b", "w") and r.theta_before == (0.1, -0.1)
    assert (r.z_before, r.y_hat_before, r.loss_before) == pytest.approx((z, p, loss), rel=1e-13)
    assert r.gradient == pytest.approx(grad, rel=1e-13)
    assert r.theta_after == pytest.approx(new, rel=1e-13)
    assert (r.z_after, r.y_hat_after, r.loss_after) == pytest.approx((z1, p1, loss1), rel=1e-12)
    # the slides' numbers, correctly rounded
    assert round(r.loss_before, 4) == 0.6733
    assert [round(g, 3) for g in r.gradient] == [0.49, 0.686]
    assert round(r.param("b"), 4) == 0.0951 and round(r.param("w"), 4) == -0.1069
    assert r.loss_after < r.loss_before


def test_sgd_step_two_features():
    r = lesson.sgd_step_two_features()
    z, p, loss, grad, new, z1, p1, loss1 = _sgd([0.1, 0.5, -0.1], [1.4, 0.2], 0, 0.01)
    assert r.names == ("b", "w1", "w2") and r.x == (1.4, 0.2)
    assert z == pytest.approx(0.78) and r.z_before == pytest.approx(z, rel=1e-14)
    assert r.gradient == pytest.approx(grad, rel=1e-13)
    assert r.theta_after == pytest.approx(new, rel=1e-13)
    assert (r.y_hat_after, r.loss_after) == pytest.approx((p1, loss1), rel=1e-12)
    assert round(r.loss_before, 4) == 1.1573
    assert [round(g, 4) for g in r.gradient] == [0.6857, 0.96, 0.1371]
    assert [round(t, 4) for t in r.theta_after] == [0.0931, 0.4904, -0.1014]
    assert round(r.y_hat_after, 4) == 0.6812
    assert r.param("w2", "before") == -0.1


def test_vectorized_gradient_mean_vs_sum():
    r = lesson.vectorized_gradient()
    xs, ys = (1.4, 1.5, 3.0, 4.1), (0, 0, 1, 1)
    res = [sig(0.1 - 0.1 * x) - y for x, y in zip(xs, ys, strict=True)]
    total = (sum(res), sum(x * e for x, e in zip(xs, res, strict=True)))
    assert r.sum_gradient == pytest.approx(total, rel=1e-12)
    assert r.mean_gradient == pytest.approx(tuple(t / 4 for t in total), rel=1e-12)
    assert r.numerical_mean_gradient == pytest.approx(r.mean_gradient, abs=1e-9)


# --- 6. entropy ------------------------------------------------------------------------------


@pytest.mark.parametrize("p", [0.9, 0.5, 0.25])
def test_entropy_example(p):
    r = lesson.entropy_example(p)
    h_nats = -p * math.log(p) - (1 - p) * math.log(1 - p)
    assert r.nats == pytest.approx(h_nats, rel=1e-14)
    assert r.bits == pytest.approx(h_nats / math.log(2), rel=1e-14)
    assert r.hartleys == pytest.approx(h_nats / math.log(10), rel=1e-14)
    assert r.information_bits == pytest.approx((-math.log2(p), -math.log2(1 - p)))


def test_entropy_slides_numbers():
    assert round(lesson.entropy_example(0.9).bits, 3) == 0.469  # slides: 0.468
    assert lesson.entropy_example(0.5).bits == 1.0


# --- 7. curvature ----------------------------------------------------------------------------


@pytest.mark.parametrize("x,y", [(1.0, 2.0), (-0.5, 3.0), (0.0, 0.0)])
def test_hessian_example(x, y):
    r = lesson.hessian_example(x, y)
    assert r.value == x**2 + 2 * x**2 * y + y**3
    assert r.gradient == (2 * x + 4 * x * y, 2 * x**2 + 3 * y**2)
    assert r.hessian == ((2 + 4 * y, 4 * x), (4 * x, 6 * y))
    np.testing.assert_allclose(r.numerical_hessian, r.hessian, atol=1e-5)


@pytest.mark.parametrize("x,w,b", [(1.4, -0.1, 0.1), (-2.0, 0.3, 0.5), (0.0, 1.0, -1.0)])
def test_bce_hessian_example(x, w, b):
    r = lesson.bce_hessian_example(x, w, b)
    v = sig(w * x + b) * (1 - sig(w * x + b))
    # order theta = (b, w): [[d2L/db2, d2L/db dw], [d2L/dw db, d2L/dw2]]
    np.testing.assert_allclose(r.hessian, [[v, v * x], [v * x, v * x * x]], rtol=1e-13, atol=1e-17)
    np.testing.assert_allclose(r.null_product, (0.0, 0.0), atol=1e-15)
    assert abs(r.det) < 1e-15
    assert r.eigenvalues[0] == pytest.approx(v * (x * x + 1), rel=1e-13) and r.eigenvalues[1] == 0.0
    assert r.numerical_eigenvalues == pytest.approx(r.eigenvalues, abs=1e-14)
    assert r.trace == pytest.approx(r.eigenvalues[0], rel=1e-13)


def test_gd_step_size_cycle_by_hand():
    r = lesson.gd_step_size()
    assert r.smoothness == pytest.approx(0.5) and r.max_stable_eta == pytest.approx(4.0)

    def step(b, w, eta):  # two samples x = 1, labels 1 and 0: both partials are sig(b + w) - 1/2
        g = sig(b + w) - 0.5
        return b - eta * g, w - eta * g

    b = w = 0.5
    for _ in range(200):
        b, w = step(b, w, 10.0)
    assert (b, w) == pytest.approx(r.final_theta[1], rel=1e-9)
    b2, w2 = step(*step(b, w, 10.0), 10.0)
    assert (b2, w2) == pytest.approx((b, w), rel=1e-9)  # a 2-cycle
    assert step(b, w, 10.0) == pytest.approx((-b, -w), rel=1e-9)
    assert r.converged == (True, False)
    assert sum(r.final_theta[0]) == pytest.approx(0.0, abs=1e-12)  # eta = 1 reaches b + w = 0


def test_separable_no_minimiser():
    r = lesson.separable_no_minimiser()
    xs, ys = (1.4, 1.5, 3.0, 4.1), (0, 0, 1, 1)
    for c, loss in zip(r.scales, r.losses, strict=True):
        expected = sum(math.log1p(math.exp(-(2 * y - 1) * c * (x - 2.25))) for x, y in zip(xs, ys, strict=True)) / 4
        assert loss == pytest.approx(expected, rel=1e-12)
    assert all(a > b > 0 for a, b in zip(r.losses, r.losses[1:], strict=False))


# --- 8. quizzes ------------------------------------------------------------------------------


def test_quiz_answers():
    q1 = lesson.quiz_steps_order()
    assert q1.order == (2, 4, 5, 1, 3) and (q1.answer_letter, q1.answer_index) == ("b", 1)
    assert len(q1.steps("vi")) == len(q1.steps("en")) == 5
    q2 = lesson.quiz_sigmoid_compare()
    assert (q2.answer_letter, q2.answer_index) == ("b", 1)
    assert q2.values[0][1] == pytest.approx(sig(2)) and q2.values[1][1] == pytest.approx(sig(10))
    assert lesson.quiz_sigmoid_compare(10.0, 2.0).answer_letter == "a"
    q3 = lesson.quiz_bce_formula()
    assert (q3.answer_letter, q3.answer_index) == ("d", 3)
    gaps = dict(q3.values)
    assert gaps["d)"] < 1e-12 and gaps["a)"] > 0.1 and math.isinf(gaps["b)"]) and math.isinf(gaps["c)"])
    q46 = lesson.quiz_second_derivatives()
    assert (q46.f_xx, q46.f_yy, q46.f_xy, q46.f_yx) == (2.0, 6.0, 4.0, 4.0)
    assert q46.answers == (("Q4", "b", 1), ("Q5", "d", 3), ("Q6", "c", 2))
    assert q46.max_numerical_error < 1e-6


# --- 9. the numbers in the chapters' prose -----------------------------------------------------


def test_sign_descent_overshoot_bounces():
    r = lesson.sign_descent_overshoot()
    x, xs = 0.5, [0.5]
    for _ in range(3):
        x -= 1.0 * math.copysign(1.0, 2 * x)
        xs.append(x)
    assert r.xs == tuple(xs)


def test_sigmoid_squared_error_chain():
    r = lesson.sigmoid_squared_error_chain()
    h = 1e-6
    f = lambda w: sig(w * 1.4 + 0.1) ** 2  # noqa: E731
    assert r.chain_rule == pytest.approx((f(-0.1 + h) - f(-0.1 - h)) / (2 * h), rel=1e-8)
    assert r.numerical == pytest.approx(r.chain_rule, rel=1e-8)


def _house():
    return (6.7, 4.6, 3.5, 5.5), (9.1, 5.9, 4.6, 6.7)


def test_house_fits_match_the_closed_form():
    xs, ys = _house()
    m = len(xs)
    mx, my = sum(xs) / m, sum(ys) / m
    w = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
    b = my - w * mx
    ls, gd = lesson.house_least_squares(), lesson.house_gd_fit()
    assert (ls.w, ls.b) == pytest.approx((w, b), rel=1e-12)
    assert (gd.w, gd.b) == pytest.approx((w, b), abs=1e-4) and 0 < gd.n_iter < 20000


def test_house_gradient_and_sgd_step_by_hand():
    xs, ys = _house()
    g = lesson.house_gradient(1.17, 0.26)
    err = [1.17 * x + 0.26 - y for x, y in zip(xs, ys, strict=True)]
    assert g.grad_w == pytest.approx(2 * sum(e * x for e, x in zip(err, xs, strict=True)) / 4, rel=1e-12)
    assert g.grad_b == pytest.approx(2 * sum(err) / 4, rel=1e-12)
    assert g.half_grad_w == pytest.approx(g.grad_w / 2)
    s = lesson.house_sgd_step()
    e = -0.34 * 6.7 + 0.04 - 9.1
    assert (s.grad_w, s.grad_b) == pytest.approx((2 * e * 6.7, 2 * e), rel=1e-12)
    w, b = -0.34 - 0.01 * 2 * e * 6.7, 0.04 - 0.01 * 2 * e
    assert s.mse_after == pytest.approx(sum((w * x + b - y) ** 2 for x, y in zip(xs, ys, strict=True)) / 4, rel=1e-12)


@pytest.mark.parametrize("flipped, outlier", [(False, None), (True, None), (False, 12.0)])
def test_petal_line_fit_closed_form(flipped, outlier):
    xs, ys = [1.4, 1.0, 1.5, 3.0, 3.8, 4.1], [0, 0, 0, 1, 1, 1]
    if flipped:
        ys = [1 - y for y in ys]
    if outlier is not None:
        xs, ys = xs + [outlier], ys + [1]
    m = len(xs)
    mx, my = sum(xs) / m, sum(ys) / m
    w = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
    b = my - w * mx
    r = lesson.petal_line_fit(flipped, outlier)
    assert (r.w, r.b) == pytest.approx((w, b), rel=1e-10)
    assert r.predict(r.crossing_half) == pytest.approx(0.5) and r.predict(r.crossing_zero) == pytest.approx(
        0.0, abs=1e-12
    )
    assert r.predict(r.crossing_one) == pytest.approx(1.0)


def test_logistic_growth_check():
    r = lesson.logistic_growth_check()
    K, rate, y0 = 100.0, 0.5, 5.0
    y = lambda t: K / (1 + (K - y0) / y0 * math.exp(-rate * t))  # noqa: E731
    for t, v, d in zip(r.t, r.y, r.central_difference, strict=True):
        assert v == pytest.approx(y(t), rel=1e-12)
        assert d == pytest.approx(rate * y(t) * (1 - y(t) / K), rel=1e-6)
    assert 0 < r.max_residual < 1e-6
    assert r.y_at_t_half == pytest.approx(50.0) and r.y_at_t_level == pytest.approx(90.0)
    assert r.t_half == pytest.approx(math.log((K - y0) / y0) / rate)


def test_logistic_is_sigmoid_and_above_capacity():
    assert lesson.logistic_is_sigmoid().max_gap < 1e-15
    r = lesson.logistic_above_capacity()
    # y' = r y (1 - y/K) holds at t = 2 too (lb.logistic_growth itself refuses y0 > K)
    y = lambda t: lesson.logistic_above_capacity(t=t).y  # noqa: E731
    h = 1e-4
    assert (y(2.0 + h) - y(2.0 - h)) / (2 * h) == pytest.approx(0.5 * r.y * (1 - r.y / 100.0), rel=1e-6)
    assert 100.0 < r.y < 150.0 and y(0.0) == pytest.approx(150.0)


def test_iris_logistic_fit_is_a_stationary_point():
    from lossbook import datasets

    r = lesson.iris_logistic_fit()
    d = datasets.iris_binary("versicolor-virginica")
    grad = [0.0, 0.0, 0.0]
    for (x1, x2), y in zip(d.X, d.y, strict=True):
        e = sig(r.b + r.w1 * x1 + r.w2 * x2) - y
        grad = [grad[0] + e, grad[1] + e * x1, grad[2] + e * x2]
    assert max(abs(g) for g in grad) / len(d.y) < 1e-6


def test_saturation_gradients_ratio():
    r = lesson.saturation_gradients()
    for z, m, c, q in zip(r.z, r.mse, r.bce, r.ratio, strict=True):
        p = sig(z)
        assert m == pytest.approx(2 * (p - 1) * p * (1 - p), rel=1e-12) and c == pytest.approx(p - 1, rel=1e-12)
        assert q == pytest.approx(1 / (2 * p * (1 - p)), rel=1e-10)


def test_flipped_line_descent_start():
    r = lesson.flipped_line_descent()
    xs, ys = (1.4, 1.0, 1.5, 3.0, 3.8, 4.1), (0, 0, 0, 1, 1, 1)
    b, w = r.theta0
    assert (b, w) == pytest.approx((10.312, -4.662))
    assert r.start_mse == pytest.approx(
        sum((sig(b + w * x) - y) ** 2 for x, y in zip(xs, ys, strict=True)) / 6, rel=1e-12
    )
    assert r.bce_loss[0] == pytest.approx(
        sum(bce(y, sig(b + w * x)) for x, y in zip(xs, ys, strict=True)) / 6, rel=1e-12
    )
    assert r.mse_correct[0] == r.bce_correct[0] == 0 and r.bce_correct[-1] == 6 > r.mse_correct[-1]


def test_sigmoid_mse_concavity_and_minimum():
    r = lesson.sigmoid_mse_concavity()
    p = sig(2.0)
    assert r.second_derivative == pytest.approx(2 * p * p * (1 - p) * (2 - 3 * p), rel=1e-12)
    assert r.finite_difference == pytest.approx(r.second_derivative, rel=1e-5)
    # H = J''(z) [[1, x], [x, x^2]] with x = 1: eigenvalues 0 and 2 J''
    assert r.hessian_min_eigenvalue == pytest.approx(2 * r.second_derivative, rel=1e-12)
    m = lesson.sigmoid_mse_most_negative()
    closed = lambda p: 2 * p * (1 - p) * (-3 * p * p + 4 * p - 1)  # noqa: E731  (y = 1)
    assert m.minimum == pytest.approx(min(closed(i / 1000) for i in range(1001)), abs=1e-5)
    assert m.minimum == pytest.approx(closed(m.y_hat_at_minimum), rel=1e-12)
    assert 0 < m.y_hat_at_minimum < 1 / 3


def test_clipped_vs_logits_and_logit_gradient():
    r = lesson.clipped_vs_logits()
    assert r.cap == pytest.approx(52 * math.log(2))
    for z, p, q in zip(r.z, r.from_probabilities, r.from_logits, strict=True):
        assert q == pytest.approx(z + math.log1p(math.exp(-z)), rel=1e-12)
        assert p == pytest.approx(min(q, r.cap), rel=1e-9)
    g = lesson.bce_logit_gradient()
    assert g.analytic == pytest.approx(sig(-0.04)) and g.numerical == pytest.approx(g.analytic, rel=1e-8)


def test_petal_bce_hessian_by_hand():
    xs, (b, w) = (1.4, 1.0, 1.5, 3.0, 3.8, 4.1), (-5.156, 2.331)
    s = [sig(b + w * x) * (1 - sig(b + w * x)) for x in xs]
    a, c, d = (
        sum(s) / 6,
        sum(v * x for v, x in zip(s, xs, strict=True)) / 6,
        sum(v * x * x for v, x in zip(s, xs, strict=True)) / 6,
    )
    tr, det = a + d, a * d - c * c
    root = math.sqrt(tr * tr / 4 - det)
    assert lesson.petal_bce_hessian().eigenvalues == pytest.approx((tr / 2 - root, tr / 2 + root), rel=1e-10)


def test_duplicated_feature_and_smoothness():
    r = lesson.duplicated_feature()
    assert r.loss_first == pytest.approx(r.loss_second, rel=1e-12) and r.smallest_eigenvalue < 1e-12
    for name, xs in (("petal_lengths", (1.4, 1.0, 1.5, 3.0, 3.8, 4.1)), ("petal_sgd", (1.4, 1.5, 3.0, 4.1))):
        m = len(xs)
        a, c, d = m, sum(xs), sum(x * x for x in xs)
        lam = (a + d) / 2 + math.sqrt((a - d) ** 2 / 4 + c * c)
        s = lesson.bce_smoothness(name)
        assert s.smoothness == pytest.approx(lam / (4 * m), rel=1e-12) and s.max_stable_eta == pytest.approx(
            2 / s.smoothness
        )


def test_petal_gd_trajectory_and_ridge():
    t = lesson.petal_gd_trajectory()
    assert all(a < b for a, b in zip(t.norm, t.norm[1:], strict=False)) and all(
        a > b for a, b in zip(t.loss, t.loss[1:], strict=False)
    )
    assert t.norm[-1] == pytest.approx(math.hypot(*t.theta[-1]))
    r = lesson.petal_ridge_descent()
    xs, ys = (1.4, 1.0, 1.5, 3.0, 3.8, 4.1), (0, 0, 0, 1, 1, 1)
    e = [sig(r.b + r.w * x) - y for x, y in zip(xs, ys, strict=True)]
    assert abs(sum(e) / 6) < 1e-8 and abs(sum(v * x for v, x in zip(e, xs, strict=True)) / 6 + 0.1 * r.w) < 1e-8


def test_sgd_epoch_table_by_hand():
    r = lesson.sgd_epoch_table()
    xs, ys = (1.4, 1.5, 3.0, 4.1), (0, 0, 1, 1)
    b, w = 0.1, -0.1
    mean = lambda b, w: sum(bce(y, sig(b + w * x)) for x, y in zip(xs, ys, strict=True)) / 4  # noqa: E731
    assert r.loss[0] == pytest.approx(mean(b, w), rel=1e-12)
    for k, (x, y) in enumerate(zip(xs, ys, strict=True)):
        assert r.sample_loss[k] == pytest.approx(bce(y, sig(b + w * x)), rel=1e-12)
        g = sig(b + w * x) - y
        b, w = b - 0.01 * g, w - 0.01 * g * x
        assert r.loss[k + 1] == pytest.approx(mean(b, w), rel=1e-12)
    assert lesson.sgd_epoch_table(epochs=100).final_loss < r.final_loss


def test_tumour_newton_matches_gradient_descent_optimum():
    from lossbook import datasets

    r = lesson.tumour_newton()
    d = datasets.tumour_sizes()
    e = [sig(r.b + r.w * float(x[0])) - y for x, y in zip(d.X, d.y, strict=True)]
    assert abs(sum(e)) / d.m < 1e-6 and abs(sum(v * float(x[0]) for v, x in zip(e, d.X, strict=True))) / d.m < 1e-6
    assert r.boundary == pytest.approx(-r.b / r.w) and sig(r.b + r.w * r.boundary) == pytest.approx(0.5)
    assert r.loss_gap[-1] == 0.0 and all(a > b for a, b in zip(r.loss_gap, r.loss_gap[1:], strict=False))


def test_separable_hessian_vanishes_along_the_ray():
    r = lesson.separable_no_minimiser()
    xs = (1.4, 1.5, 3.0, 4.1)
    for c, hmax in zip(r.scales, r.hessian_max, strict=True):
        s = [sig(c * (x - 2.25)) * (1 - sig(c * (x - 2.25))) for x in xs]
        assert hmax == pytest.approx(
            max(sum(v * x**k for v, x in zip(s, xs, strict=True)) / 4 for k in (0, 1, 2)), rel=1e-10
        )
    assert r.hessian_max[-1] < 1e-3 * r.hessian_max[0]


def test_label_swap_keeps_the_loss_and_matches_a_hand_computation() -> None:
    import math

    d = lb.datasets.petal_lengths()
    w, b = lesson.PETAL_LINES[1]
    by_hand = -sum(
        math.log(1 / (1 + math.exp(-(w * x + b)))) if y == 1 else math.log(1 - 1 / (1 + math.exp(-(w * x + b))))
        for x, y in zip(d.x, d.y, strict=True)
    ) / len(d.y)
    r = lesson.label_swap(w, b)
    assert r.original == pytest.approx(by_hand, rel=1e-12)
    assert r.swapped == pytest.approx(r.original, rel=1e-12)
    assert lesson.label_swap(1.0, -2.0).swapped == pytest.approx(lesson.label_swap(1.0, -2.0).original, rel=1e-12)


def test_sgd_step_change_is_minus_eta_times_the_gradient() -> None:
    r = lesson.sgd_step_two_features()
    for name, g in zip(r.names, r.gradient, strict=True):
        assert r.change(name) == pytest.approx(-r.eta * g, rel=1e-12)
    assert r.change("w1") / r.change("w2") == pytest.approx(r.x[0] / r.x[1], rel=1e-12)


def test_sgd_epoch_residuals_at_the_start_by_hand() -> None:
    import math

    d = lb.datasets.petal_sgd()
    b, w = 0.1, -0.1
    expected = [1 / (1 + math.exp(-(b + w * x))) - y for x, y in zip(d.X[:, 0], d.y, strict=True)]
    assert lesson.sgd_epoch_table((b, w)).residual0 == pytest.approx(expected, rel=1e-12)


# --- chapter 4: why not a hard threshold ---------------------------------------------------------


def test_hard_threshold_gradient_is_zero_off_the_boundary_and_the_sigmoids_is_not() -> None:
    r = lesson.hard_threshold_descent()
    assert r.gradient == (0.0, 0.0) and r.end == r.start and r.errors == 2
    # the smooth cost's gradient, by hand: (2/m) sum (yhat - y) yhat (1 - yhat) (1, x)
    data = lb.datasets.petal_lengths()
    x, y = data.X[:, 0], data.y
    p = lb.sigmoid(r.start[0] + r.start[1] * x)
    g = 2 * np.mean(((p - y) * p * (1 - p))[:, None] * np.c_[np.ones_like(x), x], axis=0)
    assert np.allclose(r.smooth_gradient, g, atol=1e-8)
    # "almost everywhere": with a petal exactly on the boundary (x = 3, z = 0) the difference
    # quotient does see the jump, and descent moves
    on_edge = lesson.hard_threshold_descent(b=-3.0, w=1.0, steps=1)
    assert on_edge.gradient != (0.0, 0.0) and on_edge.end != on_edge.start


def test_chapter_6_says_right_what_scipy_expit_does() -> None:
    """Chapter 6: expit is the plain formula, right at z = -1000 only because 1/inf = 0 (no
    warning), and 1 - expit(40) loses every digit, where lb.sigmoid(-40) keeps them."""
    import warnings

    from scipy.special import expit

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert expit(-1000.0) == 0.0 and expit(1000.0) == 1.0
    assert 1 - expit(40.0) == 0.0 and lb.sigmoid(-40.0) > 0.0
    assert np.isclose(expit(-40.0), 1 / (1 + np.exp(40.0)), rtol=1e-14, atol=0)  # the plain formula
