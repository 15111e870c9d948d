"""The lesson's spine: both losses are maximum likelihood (lossbook.likelihood, chapters 3
and 8), and the home page's roadmap figure (lossbook.figures.roadmap).

Each check is proved on a planted defect.
"""

from __future__ import annotations

import io
import math
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import lossbook as lb  # noqa: E402
from lossbook import likelihood  # noqa: E402
from lossbook.figures import FIGURES, roadmap  # noqa: E402
from lossbook.lesson import house_gaussian_mle, house_least_squares, house_normal_equations, linear_vs_logistic  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RNG = np.random.default_rng(10)


# --- the Gaussian likelihood and the normal equations ---------------------------------------


def test_gaussian_nll_is_minus_the_sum_of_normal_log_densities():
    scipy_stats = pytest.importorskip("scipy.stats")
    X, y, theta = RNG.normal(size=(7, 2)), RNG.normal(size=7), RNG.normal(size=3)
    y_hat = lb.add_bias(X) @ theta
    for s2 in (0.1, 1.0, 9.0):
        expected = -scipy_stats.norm.logpdf(y, loc=y_hat, scale=math.sqrt(s2)).sum()
        assert likelihood.gaussian_nll(X, y, theta, s2) == pytest.approx(expected, rel=1e-12)


def test_gaussian_nll_is_the_mse_scaled_plus_a_constant():
    X, y, theta = RNG.normal(size=(5, 1)), RNG.normal(size=5), RNG.normal(size=2)
    m, s2 = 5, 2.5
    mse = lb.linear_mse_objective(X, y, theta)
    assert likelihood.gaussian_nll(X, y, theta, s2) == pytest.approx(
        m / (2 * s2) * mse + m / 2 * math.log(2 * math.pi * s2)
    )


def test_gaussian_nll_gradient_matches_central_differences():
    X, y, theta = RNG.normal(size=(6, 2)), RNG.normal(size=6), RNG.normal(size=3)
    numeric = lb.numerical_gradient(lambda t: likelihood.gaussian_nll(X, y, t, 0.7), theta)
    np.testing.assert_allclose(likelihood.gaussian_nll_grad(X, y, theta, 0.7), numeric, rtol=1e-6, atol=1e-8)


def test_normal_equations_agree_with_lstsq_and_with_the_page_line():
    X, y = RNG.normal(size=(20, 3)), RNG.normal(size=20)
    expected, *_ = np.linalg.lstsq(lb.add_bias(X), y, rcond=None)
    np.testing.assert_allclose(likelihood.normal_equations(X, y), expected, rtol=1e-10)
    r, ls = house_normal_equations(), house_least_squares()
    assert (r.b, r.w) == pytest.approx((ls.b, ls.w), abs=1e-12)
    assert r.residual < 1e-9


def test_the_gaussian_maximiser_does_not_depend_on_the_noise_level():
    r = house_gaussian_mle()
    assert len(r.s2) == 3 and len(set(r.s2)) == 3
    assert all(g < 1e-6 for g in r.gradient_at_least_squares)
    assert all(a < b for a, b in zip(r.nll_least_squares, r.nll_slides_line, strict=True))
    # planted: at a point off the least-squares line the numerical gradient is not zero
    data = lb.datasets.house_prices()
    off = likelihood.normal_equations(data.X, data.y) + [0.1, 0.0]
    grad = lb.numerical_gradient(lambda t: likelihood.gaussian_nll(data.X, data.y, t, 1.0), off)
    assert np.linalg.norm(grad) > 1e-2


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: likelihood.gaussian_nll([[1.0]], [1.0], [0.0, 1.0], s2=-1.0), "s2 must be > 0"),
        (lambda: likelihood.normal_equations([[2.0], [2.0], [2.0]], [1.0, 2.0, 3.0]), "X: X_b"),
        (lambda: likelihood.glm_gradient([[1.0]], [1.0], [0.0, 1.0], "log"), "link must be one of"),
        (lambda: likelihood.bernoulli_log_likelihood([[1.0]], [0.5], [0.0, 1.0]), "y must contain only"),
        (lambda: likelihood.gaussian_nll([[1.0], [2.0]], [1.0], [0.0, 1.0]), "samples"),
    ],
)
def test_bad_input_names_the_argument(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# --- the Bernoulli likelihood and the shared gradient ---------------------------------------


def test_bernoulli_log_likelihood_is_minus_m_times_the_mean_bce():
    X, theta = RNG.normal(size=(9, 2)), RNG.normal(size=3)
    y = (RNG.random(9) < 0.5).astype(float)
    assert likelihood.bernoulli_log_likelihood(X, y, theta) == pytest.approx(-9 * lb.bce_objective(X, y, theta))
    numeric = lb.numerical_gradient(lambda t: likelihood.bernoulli_log_likelihood(X, y, t), theta)
    np.testing.assert_allclose(likelihood.bernoulli_log_likelihood_grad(X, y, theta), numeric, rtol=1e-6, atol=1e-8)


def test_one_gradient_formula_for_both_models():
    X, theta = RNG.normal(size=(11, 2)), RNG.normal(size=3)
    y01 = (RNG.random(11) < 0.5).astype(float)
    np.testing.assert_allclose(likelihood.glm_gradient(X, y01, theta, "logit"), lb.bce_grad(X, y01, theta))
    np.testing.assert_allclose(
        likelihood.glm_gradient(X, y01, theta, "identity"), lb.linear_mse_grad(X, y01, theta) / 2
    )
    # planted: the sigmoid with the squared error (a non-canonical pair) does not give it
    assert not np.allclose(lb.sigmoid_mse_grad(X, y01, theta) / 2, likelihood.glm_gradient(X, y01, theta, "logit"))


def test_linear_vs_logistic_page_numbers():
    r = linear_vs_logistic()
    np.testing.assert_allclose(r.half_mse_grad, r.identity_grad, atol=1e-12)
    np.testing.assert_allclose(r.bce_grad, r.logit_grad, atol=1e-12)
    assert r.linear_stationarity < 1e-9 and r.logistic_stationarity < 1e-9
    assert r.linear_mean_y_hat == pytest.approx(r.mean_y, abs=1e-12)
    assert r.logistic_mean_y_hat == pytest.approx(r.mean_y, abs=1e-9)


def test_mean_prediction_equals_mean_label_only_with_a_bias():
    """Σŷ = Σy at the BCE optimum comes from the bias's row of the gradient."""
    data = lb.datasets.iris_binary("versicolor-virginica", features=("petal_length",))
    fit = lb.LogisticRegression(tol=1e-18).fit(data.X, data.y)
    assert fit.predict_proba(data.X)[:, 1].mean() == pytest.approx(data.y.mean(), abs=1e-9)
    # planted: a model without a bias (θ = (0, w), w fitted on the likelihood alone) misses it
    ws = np.linspace(-1.0, 1.0, 2001)
    best = ws[np.argmax([likelihood.bernoulli_log_likelihood(data.X, data.y, [0.0, w]) for w in ws])]
    assert abs(lb.sigmoid(best * data.x).mean() - data.y.mean()) > 1e-3


# --- the roadmap figure ----------------------------------------------------------------------


def _svg(fig: Figure) -> str:
    from bookbuild.prerender.draw import SVG_RC

    with plt.rc_context(SVG_RC):
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return buf.getvalue().decode()


def text_problems(svg: str) -> list[str]:
    """Text a browser would draw with its own fonts: ``<text>`` elements or a font-family."""
    problems = [f"<text> element: {m[:60]!r}" for m in re.findall(r"<text\b[^>]*>", svg)]
    if "font-family" in svg or "font:" in svg:
        problems.append("a font-family declaration")
    return problems


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_roadmap_draws_every_text_as_paths(lang, theme):
    fig = FIGURES["roadmap"](lang=lang, theme=theme)
    assert text_problems(_svg(fig)) == []


def test_text_problems_catches_text_left_as_text():
    fig = FIGURES["roadmap"](lang="vi")
    fig.axes[0].text(0.5, 0.5, "chữ thường", transform=fig.axes[0].transAxes)  # no path effect
    assert any(p.startswith("<text>") for p in text_problems(_svg(fig)))


def test_roadmap_names_the_five_steps_and_real_chapters():
    assert len(roadmap.STEPS) == 5
    en_titles = " ".join(step[1] for step in roadmap.STEPS).replace("\n", " ")
    for word in ("Linear", "sigmoid", "Bernoulli", "Likelihood", "Convex"):
        assert word in en_titles
    chapters = {int(p.name[:2]) for p in (ROOT / "docs").glob("[0-9][0-9]-*.en.md")}
    cited = set()
    for *_, ch_vi, ch_en in roadmap.STEPS:
        numbers = [int(n) for n in re.findall(r"\d+", ch_en)]
        assert numbers == [int(n) for n in re.findall(r"\d+", ch_vi)]
        cited |= set(range(numbers[0], numbers[-1] + 1))
    assert cited == set(range(1, 12)) and cited <= chapters


# --- the chapter frames of chapters 3 and 8 ---------------------------------------------------


def frame_problems(name: str, frame: dict) -> list[str]:
    """What is wrong with a chapter frame (docs/_data/chapters/<NN-topic>.yml)."""
    problems = []
    if not isinstance(frame.get("minutes"), int) or not 5 <= frame["minutes"] <= 90:
        problems.append(f"{name}: minutes must be a whole number of minutes")
    for stem in frame.get("needs", []):
        if not (ROOT / "docs" / f"{stem}.md").exists():
            problems.append(f"{name}: needs {stem!r}, which is no page")
    sizes = {"learn": (2, 4), "takeaways": (3, 5), "need": (0, 9)}
    for key, (low, high) in sizes.items():
        vi, en = frame["vi"].get(key, []), frame["en"].get(key, [])
        if len(vi) != len(en):
            problems.append(f"{name}: {key} has {len(vi)} Vietnamese and {len(en)} English items")
        if not low <= len(en) <= high:
            problems.append(f"{name}: {key} must have {low}-{high} items")
    return problems


@pytest.mark.parametrize("name", ["03-linear-regression", "08-bce"])
def test_chapter_frames_are_complete_in_both_languages(name):
    import yaml

    frame = yaml.safe_load((ROOT / "docs" / "_data" / "chapters" / f"{name}.yml").read_text(encoding="utf-8"))
    assert frame_problems(name, frame) == []


def test_frame_problems_catches_a_planted_frame():
    planted = {
        "minutes": "soon",
        "needs": ["99-nowhere"],
        "vi": {"learn": ["a"], "takeaways": ["a", "b", "c"]},
        "en": {"learn": ["a", "b"], "takeaways": ["a", "b", "c"]},
    }
    found = " ".join(frame_problems("x", planted))
    assert "minutes" in found and "99-nowhere" in found and "learn has 1 Vietnamese and 2 English" in found


# --- teaching voice (issue 10 item 8) in the spine's pages -------------------------------------

SPINE_PAGES = ("03-linear-regression", "08-bce", "index")
_AUDIT_WORDS = re.compile(r"(?<![\w-])(slides?|lossbook|the notes|ghi chú của học viên)(?![\w-])", re.IGNORECASE)


def voice_problems(markdown: str) -> list[str]:
    """Running prose that speaks of the sources or of the package: outside code, inline code,
    placeholders (``erratum_note`` lines), link targets (Markdown and HTML) and the "Try it" section."""
    from test_pages import strip_code

    text = strip_code(markdown)
    text = (
        re.split(r"^## (?:Try it|Thử ngay)\s*$", text, flags=re.MULTILINE)[0]
        + "\n".join(re.split(r"^## (?:Try it|Thử ngay)\s*$", text, flags=re.MULTILINE)[1:2]).partition("\n## ")[2]
    )
    text = re.sub(r"\{\{.*?\}\}", "", text)
    text = re.sub(r"`[^`]*`", "", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r'\bhref="[^"]*"', "", text)  # an HTML link's target (the Download section's files)
    return [
        f"line {n}: {line.strip()[:70]!r}" for n, line in enumerate(text.splitlines(), 1) if _AUDIT_WORDS.search(line)
    ]


@pytest.mark.parametrize("lang_suffix", [".md", ".en.md"])
@pytest.mark.parametrize("page", SPINE_PAGES)
def test_spine_pages_teach_the_idea_not_the_sources(page, lang_suffix):
    markdown = (ROOT / "docs" / f"{page}{lang_suffix}").read_text(encoding="utf-8")
    assert voice_problems(markdown) == []


def test_voice_problems_catches_an_audit_sentence():
    page = "# T\n\nThe slides print 0.066 here.\n\n## Try it\n\n```python\nimport lossbook\n```\n\n## Next\n\nok\n"
    assert len(voice_problems(page)) == 1
    assert voice_problems("# T\n\nSlide in 55.11; computed by lossbook.\n") != []
