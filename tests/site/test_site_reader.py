"""Every page of the built site, both languages, in Chromium, offline (issue 4).

The pages are found in the built site (tests/site/conftest.py), so new pages are tested
without editing this file. Each test reports one check for all pages at once; on failure
the failing pages and their twins are saved as screenshots (light and dark) under
test-artifacts/screenshots/.
"""

from __future__ import annotations

import pytest
from site_audit import fail_with_screenshots
from site_checks import LANGS, compare_twins

pytestmark = pytest.mark.browser


def check_all(audit, check: str, title: str) -> None:
    if audit.problems[check]:
        fail_with_screenshots(audit, title, audit.problems[check])


def test_both_languages_have_the_same_pages(site_pages) -> None:
    paths = {p.path for p in site_pages}
    by_lang = {lang: sorted(p.path for p in site_pages if p.lang == lang) for lang in LANGS}
    assert all(by_lang.values()), f"a language has no page: {by_lang}"
    orphans = sorted(p.path for p in site_pages if p.twin not in paths)
    assert not orphans, f"pages without a twin in the other language: {orphans}"


def test_no_console_error_no_failed_request_nothing_from_another_host(audit) -> None:
    check_all(audit, "traffic", "console errors, failed requests or requests off 127.0.0.1")


def test_math_is_rendered(audit) -> None:
    check_all(audit, "math", "math not rendered")


def test_every_image_loads_and_has_a_meaningful_alt_text(audit) -> None:
    check_all(audit, "images", "images")


def test_language_switcher_leads_to_the_twin(audit) -> None:
    check_all(audit, "switcher", "language switcher")


def test_twins_have_the_same_sections_figures_equations_and_quizzes(audit, site_pages) -> None:
    problems = {}
    for page in site_pages:
        if page.lang != "vi" or page.twin not in audit.structures or page.path not in audit.structures:
            continue  # a missing twin is test_both_languages_have_the_same_pages' failure
        found = compare_twins(audit.structures[page.path], audit.structures[page.twin])
        if found:
            problems[page.path] = [f"{p} (twin {page.twin})" for p in found]
    if problems:
        fail_with_screenshots(audit, "twins differ", problems)


def test_no_broken_internal_link_or_anchor(audit) -> None:
    check_all(audit, "links", "broken links")


def test_no_serious_or_critical_accessibility_violation(audit) -> None:
    problems = {path: list(found) for path, found in audit.problems["axe"].items()}
    for path, found in audit.problems["axe-dark"].items():
        problems.setdefault(path, []).extend(f"dark scheme: {p}" for p in found)
    if problems:
        fail_with_screenshots(audit, "axe-core: serious or critical violations", problems)


def test_quizzes_say_right_or_wrong_with_mouse_and_keyboard(audit) -> None:
    check_all(audit, "quizzes", "quizzes")
