"""Each check of the browser suite, fed a deliberately broken page, reports the defect.

The broken pages are tests/site/fixtures/*.html, served by the suite's server at
/__fixtures__/ next to the built site (so they can use its stylesheets and quiz.js).
good.html has none of the defects: every check must stay quiet on it, so a check that
complains about everything would fail too.
"""

from __future__ import annotations

import pytest
from site_audit import Audit, fail_with_screenshots
from site_checks import (
    SitePage,
    check_axe,
    check_dark_contrast,
    check_images,
    check_links,
    check_math,
    check_quiz_keyboard,
    check_quiz_mouse,
    check_quizzes,
    check_switcher,
    check_traffic,
    compare_twins,
    page_links,
    page_structure,
    run_axe,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def open_fixture(tab, base_url):
    """Load tests/site/fixtures/<name> in the recorded tab; returns its URL."""

    def load(name: str) -> str:
        url = f"{base_url}/__fixtures__/{name}"
        tab.goto(url, wait_until="load")
        tab.wait_for_load_state("networkidle")
        return url

    return load


def joined(problems: list[str]) -> str:
    return "\n".join(problems)


# --- the page with no defect ------------------------------------------------------------------


def test_a_correct_page_passes_every_check(tab, open_fixture, site_files, axe_source):
    url = open_fixture("good.html")
    assert check_traffic(tab.traffic) == []
    assert check_math(tab, expected=(1, 1)) == []
    assert check_images(tab) == []
    assert check_links(url, page_links(tab), site_files) == []
    assert check_axe(run_axe(tab, axe_source)) == []
    assert check_quizzes(tab) == []


# --- network and console ----------------------------------------------------------------------


def test_a_request_to_another_host_is_caught(tab, open_fixture):
    open_fixture("cdn.html")
    found = joined(check_traffic(tab.traffic))
    assert "request to another host: https://cdn.jsdelivr.net/npm/katex" in found
    assert "request to another host: https://fonts.googleapis.com/" in found


def test_a_console_error_is_caught(tab, open_fixture):
    open_fixture("console-error.html")
    found = joined(check_traffic(tab.traffic))
    assert "console error: quiz.js: cannot find .lb-quiz-feedback" in found
    assert "undefinedFunction is not defined" in found


def test_a_failed_request_is_caught(tab, open_fixture):
    open_fixture("missing-asset.html")
    assert "no-such-stylesheet.css (HTTP 404)" in joined(check_traffic(tab.traffic))


# --- math -------------------------------------------------------------------------------------


def test_raw_tex_left_as_text_is_caught(tab, open_fixture):
    open_fixture("raw-math.html")
    found = joined(check_math(tab))
    assert "$$L = -\\frac{1}{m}" in found
    assert "\\begin{aligned}" in found
    assert "$\\sigma(z)$" in found


def test_math_that_katex_never_rendered_is_caught(tab, open_fixture):
    open_fixture("math-not-rendered.html")
    found = joined(check_math(tab, expected=(1, 1)))
    assert 'raw TeX shown as text: "\\(x^2\\)"' in found
    assert "1 display formula(s) in the source, 0 rendered" in found
    assert "1 inline formula(s) in the source, 0 rendered" in found


def test_katex_without_its_stylesheet_is_caught(tab, open_fixture):
    open_fixture("katex-unstyled.html")
    found = joined(check_math(tab, expected=(0, 1)))
    assert "KaTeX's CSS is not applied" in found
    assert "no KaTeX font loaded" in found


# --- images -----------------------------------------------------------------------------------


def test_an_image_that_does_not_load_is_caught(tab, open_fixture):
    open_fixture("broken-image.html")
    assert check_images(tab) == ["image does not load: /assets/figures/no-such-figure.svg"]


def test_images_without_a_meaningful_alt_text_are_caught(tab, open_fixture):
    open_fixture("bad-alt.html")
    found = joined(check_images(tab))
    for why in (
        "no alt attribute",
        "empty alt text",
        "alt text is a file name: 'favicon.png'",
        "generic alt text 'Figure'",
        "placeholder alt text 'Figure drawn by code cell 2'",
    ):
        assert why in found


# --- twins and the language switcher ----------------------------------------------------------


def test_twins_with_different_sections_figures_and_quizzes_are_caught(tab, open_fixture):
    open_fixture("twin-vi.html")
    vi = page_structure(tab)
    open_fixture("twin-en.html")
    en = page_structure(tab)
    found = joined(compare_twins(vi, en))
    assert "sections differ: vi h1 h2 h2 h3, en h1 h2 h3" in found
    assert "figures differ: vi 1, en 2" in found
    assert "quiz questions differ" in found


def test_a_switcher_that_leads_elsewhere_is_caught(tab, open_fixture, base_url):
    url = open_fixture("twin-vi.html")
    twin = f"{base_url}/__fixtures__/twin-en.html"
    found = joined(check_switcher(tab, url, twin, "vi"))
    assert f"switcher's en link goes to {base_url}/__fixtures__/good.html, not to the twin" in found
    assert "choosing en in the language menu lands on" in found


def test_a_twin_that_does_not_say_its_language_is_caught(tab, open_fixture, base_url):
    url = open_fixture("twin-en.html")
    found = joined(check_switcher(tab, url, f"{base_url}/__fixtures__/twin-vi.html", "en"))
    assert '<html lang="vi">, expected "en"' in found


# --- links ------------------------------------------------------------------------------------


def test_dead_links_and_anchors_are_caught(tab, open_fixture, site_files, base_url):
    url = open_fixture("dead-links.html")
    found = check_links(url, page_links(tab), site_files)
    assert found == [
        f"dead link: {base_url}/no-such-page/",
        f"dead anchor: {base_url}/#no-such-anchor (no id 'no-such-anchor' in /)",
        f"dead anchor: {url}#missing-here (no id 'missing-here' in /__fixtures__/dead-links.html)",
        f"dead link: {base_url}/__fixtures__/no-such-file.ipynb",
        "absolute link to another server: http://127.0.0.1:8000/ (use a relative link)",
    ]


# --- accessibility ----------------------------------------------------------------------------


def test_accessibility_violations_are_caught(tab, open_fixture, axe_source):
    open_fixture("axe-violation.html")
    found = joined(check_axe(run_axe(tab, axe_source)))
    assert "critical button-name" in found
    assert "critical label" in found
    assert "serious color-contrast" in found


def test_text_unreadable_in_the_dark_scheme_is_caught(tab, open_fixture, axe_source):
    open_fixture("dark-contrast.html")
    assert check_axe(run_axe(tab, axe_source, rules=["color-contrast"])) == []  # fine in light
    assert "serious color-contrast" in joined(check_dark_contrast(tab, axe_source))


# --- quizzes ----------------------------------------------------------------------------------


def quiz(tab, selector: str = ".lb-quiz"):
    return tab.locator(selector).first


def test_a_quiz_whose_script_never_runs_is_caught(tab, open_fixture):
    open_fixture("quiz-no-script.html")
    assert check_quiz_mouse(quiz(tab)) == ["the Check button is not shown (did quiz.js run?)"]


def test_a_quiz_whose_feedback_never_appears_is_caught(tab, open_fixture):
    open_fixture("quiz-mute.html")
    found = check_quiz_mouse(quiz(tab), timeout=500)
    assert found == [f"option {i} (mouse): no feedback appeared" for i in range(3)]


def test_a_quiz_that_calls_a_wrong_answer_right_is_caught(tab, open_fixture):
    open_fixture("quiz-always-right.html")
    found = joined(check_quiz_mouse(quiz(tab)))
    assert "option 0 (mouse) is wrong but the feedback says 'Correct! Well done" in found
    assert "option 2 (mouse) is wrong" in found
    assert "option 1 (mouse) is right" not in found


def test_a_quiz_that_does_not_explain_is_caught(tab, open_fixture):
    open_fixture("quiz-no-explanation.html")
    found = joined(check_quiz_mouse(quiz(tab, "#quiz-demo")))
    assert "option 0 (mouse): its explanation 'No: σ increases.' is not shown" in found
    found = joined(check_quiz_mouse(quiz(tab, "#quiz-nowhy")))
    assert "option 1 (mouse): the feedback gives no explanation: 'Correct!'" in found


def test_a_quiz_that_the_keyboard_cannot_reach_is_caught(tab, open_fixture):
    open_fixture("quiz-mouse-only.html")
    assert check_quiz_mouse(quiz(tab)) == []  # it works with the mouse...
    found = check_quiz_keyboard(quiz(tab))  # ...not with the keyboard
    assert found and found[0].startswith("Tab does not reach the options")


# --- screenshots on failure -------------------------------------------------------------------


def test_a_failure_saves_screenshots_of_the_page_and_its_twin_light_and_dark(browser, base_url, site_files, tmp_path):
    fixtures = site_files.file_for("/__fixtures__/twin-vi.html").parent
    vi = SitePage("/__fixtures__/twin-vi.html", "vi", "/__fixtures__/twin-en.html", fixtures / "twin-vi.html", None)
    en = SitePage("/__fixtures__/twin-en.html", "en", "/__fixtures__/twin-vi.html", fixtures / "twin-en.html", None)
    audit = Audit(browser, base_url, [vi, en], site_files, axe="")
    with pytest.raises(pytest.fail.Exception) as failure:
        fail_with_screenshots(audit, "broken twin", {vi.path: ["sections differ"]}, folder=tmp_path)
    assert "broken twin: 1 problem(s) on 1 page(s)" in str(failure.value)
    assert "sections differ" in str(failure.value)
    shots = sorted(p.name for p in tmp_path.iterdir())
    assert shots == [f"{name}-{scheme}.png" for name in (en.name, vi.name) for scheme in ("dark", "light")]
    assert all((tmp_path / s).stat().st_size > 1000 for s in shots)
