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


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_frame_reads_in_order_and_is_accessible(browser, base_url, axe_source, path: str, scheme: str) -> None:
    words = LABELS[PAGES[path]]
    tab = new_tab(browser, color_scheme=scheme)
    try:
        tab.goto(base_url + path, wait_until="load")
        state = tab.evaluate(_LAYOUT_JS)
        assert state["boxFirst"] and state["boxVisible"], "the header box must come right under the title"
        assert state["boxHeadings"] == 0, "the header box must add nothing to the table of contents"
        assert state["h2"][-2:] == [words["takeaways"], words["check"]], state["h2"]
        assert [t for t in state["toc"] if t in (words["takeaways"], words["check"])] == [
            words["takeaways"],
            words["check"],
        ]
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
