"""Smoke check: the pre-rendered pages build with Zensical, Material's successor, too.

Material for MkDocs reaches its end of life on 2027-05-05. The content pipeline does not
depend on MkDocs: ``python -m bookbuild zensical`` builds the same ``build/prerender/<lang>/``
folders with Zensical (strict), and this test reads the home page and a chapter in both
languages in Chromium: math rendered by KaTeX, a figure shown, no console error, no failed
request, nothing from another host. (Zensical's own search UI is not tested here.)
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from site_audit import ROOT, new_tab, serve
from site_checks import Traffic, check_images, check_math, check_traffic, source_formulas

pytestmark = pytest.mark.browser

PAGES = ["/", "/en/", "/06-sigmoid/", "/en/06-sigmoid/"]


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("zensical-site")
    proc = subprocess.run(
        [sys.executable, "-m", "bookbuild", "zensical", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if proc.returncode:
        pytest.fail(f"python -m bookbuild zensical failed:\n{(proc.stdout + proc.stderr)[-4000:]}", pytrace=False)
    server, url = serve(out)
    yield out, url
    server.shutdown()


def expected_formulas(path: str):
    lang, rel = ("en", path.removeprefix("/en/")) if path.startswith("/en/") else ("vi", path)
    rel = rel.strip("/") or "index"
    source = ROOT / "build" / "prerender" / lang / "docs" / f"{rel}.md"
    return source_formulas(source.read_text(encoding="utf-8")) if source.is_file() else None


def problems_of(browser, url: str, path: str, block: str | None = None) -> list[str]:
    """What is wrong with the page at ``url + path`` (requests matching ``block`` fail)."""
    tab = new_tab(browser)
    traffic = Traffic().attach(tab)
    if block:
        tab.route(block, lambda route: route.abort())
    try:
        tab.goto(url + path, wait_until="load")
        lang = tab.evaluate("document.documentElement.lang")
        problems = [f"<html lang={lang!r}>"] if lang != ("en" if path.startswith("/en/") else "vi") else []
        problems += check_math(tab, expected_formulas(path))
        if tab.locator(".katex").count() == 0:
            problems.append("no KaTeX formula on the page")
        if "sigmoid" in path:
            figure = tab.locator('img[src*="assets/figures/"]').first
            figure.scroll_into_view_if_needed()
            if not tab.evaluate("(img) => img.complete && img.naturalWidth > 0", figure.element_handle()):
                problems.append("the first figure is not shown")
        problems += check_images(tab)
        tab.wait_for_load_state("networkidle")
        problems += check_traffic(traffic)
    finally:
        tab.context.close()
    return problems


@pytest.mark.parametrize("path", PAGES)
def test_zensical_build_reads_right(browser, zensical_site, path):
    site, url = zensical_site
    problems = problems_of(browser, url, path)
    assert not problems, f"Zensical build, {path}:\n" + "\n".join(problems)


def test_the_smoke_check_sees_a_figure_that_does_not_load(browser, zensical_site):
    site, url = zensical_site
    problems = problems_of(browser, url, "/en/06-sigmoid/", block="**/assets/figures/**")
    assert "the first figure is not shown" in problems
    assert any(p.startswith("failed request:") for p in problems)
