"""Fixtures of the browser suite: the site built once, served on 127.0.0.1, one Chromium.

Once per session: ``python -m bookbuild build`` (strict) into a temporary folder, a threaded
``http.server`` on a free 127.0.0.1 port, Debian's Chromium through Playwright (offline),
and the ``audit``: every page visited once in each language with every check
(tests/site/site_audit.py). Each test of test_site_reader.py then reports one check for
all pages at once.

Environment:

* ``LOSSBOOK_SITE=<folder>``: test an already built site instead of building one;
* ``LOSSBOOK_CHROMIUM=<path>``: another Chromium than /usr/bin/chromium;
* ``LOSSBOOK_BROWSER_WORKERS=<n>``: audit the pages from n threads (default: 2, or 1 on
  one core);
* ``LOSSBOOK_SCREENSHOTS=all``: save every page's screenshots (light and dark), not
  only the failing pages'.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from site_audit import (
    AXE,
    FIXTURES,
    FIXTURES_URL,
    SCREENSHOTS,
    Audit,
    build_site,
    launch_chromium,
    new_tab,
    page_sources,
    serve,
)
from site_checks import SiteFiles, SitePage, Traffic, discover_pages


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    prebuilt = os.environ.get("LOSSBOOK_SITE")
    if prebuilt:
        return Path(prebuilt).resolve()
    out = tmp_path_factory.mktemp("site")
    build_site(out)
    return out


@pytest.fixture(scope="session")
def base_url(built_site) -> str:
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def site_pages(built_site) -> list[SitePage]:
    pages = discover_pages(built_site, page_sources())
    assert pages, f"no page found in the built site {built_site}"
    return pages


@pytest.fixture(scope="session")
def site_files(built_site, base_url) -> SiteFiles:
    return SiteFiles(base_url, {"/": built_site, FIXTURES_URL: FIXTURES})


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing at {AXE}: run `make setup` (npm ci)", pytrace=False)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def tab(browser):
    """A fresh page whose console and network are recorded in ``tab.traffic``."""
    page = new_tab(browser)
    page.traffic = Traffic().attach(page)
    yield page
    page.context.close()


@pytest.fixture(scope="session")
def audit(browser, base_url, site_pages, site_files, axe_source) -> Audit:
    for stale in [*SCREENSHOTS.glob("vi-*.png"), *SCREENSHOTS.glob("en-*.png")]:
        stale.unlink()  # only this run's failing pages are shown (other tests' images are kept)
    audit = Audit(browser, base_url, site_pages, site_files, axe_source).run_parallel()
    if os.environ.get("LOSSBOOK_SCREENSHOTS") == "all":
        audit.screenshot([p.path for p in site_pages])
    return audit
