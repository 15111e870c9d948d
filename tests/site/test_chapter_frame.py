"""Every chapter's frame in a real browser: the header box under the title, the footer's
"Key takeaways" and "Check your understanding" (bookbuild/prerender/chapters.py).

On a few chapters in both languages, light and dark: the header box is the first thing
after the title and holds no heading; the table of contents ends with the two footer
sections, in that order; every footer question says right or wrong with the mouse and the
keyboard; axe-core finds no serious or critical violation in the frame; printed, the
answers of the questions are visible. Fixtures come from tests/site/conftest.py.
"""

from __future__ import annotations

import pytest
from site_audit import new_tab
from site_checks import check_axe, check_quizzes, run_axe

from bookbuild.prerender.chapters import LABELS

pytestmark = pytest.mark.browser

PAGES = {
    "/01-optimization/": "vi",
    "/en/07-mse-sigmoid/": "en",
    "/10-sgd-vectorized/": "vi",
    "/en/13-where-next/": "en",
}

_LAYOUT_JS = """() => {
  const h1 = document.querySelector("article h1");
  let next = h1 ? h1.nextElementSibling : null;
  while (next && next.tagName === "A") next = next.nextElementSibling;
  const box = document.querySelector(".lb-chapter-header");
  const toc = [...document.querySelectorAll(".md-sidebar--secondary .md-nav__link")].map((a) => a.textContent.trim());
  const h2 = [...document.querySelectorAll("article h2")].map((h) => h.textContent.replace("¶", "").trim());
  return {
    boxFirst: !!box && next === box,
    boxHeadings: box ? box.querySelectorAll("h1, h2, h3, h4").length : -1,
    boxVisible: !!box && box.getBoundingClientRect().height > 0,
    toc, h2,
  };
}"""


def layout_problems(state: dict, words: dict[str, str]) -> list[str]:
    """What is wrong with a chapter page's frame, from :data:`_LAYOUT_JS`'s reading."""
    problems = []
    if not (state["boxFirst"] and state["boxVisible"]):
        problems.append("the header box must come right under the title")
    if state["boxHeadings"] != 0:
        problems.append("the header box must add nothing to the table of contents")
    footer = [words["takeaways"], words["check"]]
    if state["h2"][-2:] != footer:
        problems.append(f"the page must end with the sections {footer}; it ends with {state['h2'][-2:]}")
    if [t for t in state["toc"] if t in footer] != footer:
        problems.append(f"the table of contents must end with {footer}")
    return problems


def test_a_planted_frame_defect_is_caught(browser, base_url) -> None:
    """A heading put into the header box, and the box moved below the first paragraph."""
    tab = new_tab(browser)
    try:
        tab.goto(base_url + "/en/07-mse-sigmoid/", wait_until="load")
        words = LABELS["en"]
        assert not layout_problems(tab.evaluate(_LAYOUT_JS), words)
        tab.evaluate(
            """() => { const box = document.querySelector(".lb-chapter-header");
                 box.append(document.createElement("h3"));
                 box.parentElement.insertBefore(box, box.nextElementSibling.nextElementSibling); }"""
        )
        problems = layout_problems(tab.evaluate(_LAYOUT_JS), words)
        assert len(problems) == 2 and "right under the title" in problems[0] and "nothing" in problems[1]
    finally:
        tab.context.close()


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_frame_reads_in_order_and_is_accessible(browser, base_url, axe_source, path: str, scheme: str) -> None:
    words = LABELS[PAGES[path]]
    tab = new_tab(browser, color_scheme=scheme)
    try:
        tab.goto(base_url + path, wait_until="load")
        problems = layout_problems(tab.evaluate(_LAYOUT_JS), words)
        assert not problems, "\n".join(problems)
        violations = run_axe(tab, axe_source)
        frame = [v for v in violations if any("lb-chapter-header" in t or "lb-quiz" in t for t in v["targets"])]
        assert not check_axe(frame), check_axe(frame)
        if scheme == "light":
            problems = check_quizzes(tab)
            assert not problems, "\n".join(problems)
    finally:
        tab.context.close()


def test_printed_the_footer_answers_show(browser, base_url) -> None:
    tab = new_tab(browser)
    try:
        tab.goto(base_url + "/en/07-mse-sigmoid/", wait_until="load")
        tab.emulate_media(media="print")
        shown = tab.evaluate(
            """() => [...document.querySelectorAll('.lb-quiz-answer > *')].every(
                 (e) => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0)"""
        )
        assert shown, "printed, every question's answer must be readable"
    finally:
        tab.context.close()
