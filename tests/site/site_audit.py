"""Build, serve and browse the site once, running every check of ``site_checks`` on each page.

* ``build_site``: ``python -m bookbuild build`` of the working tree into a folder (strict);
* ``serve``: a threaded ``http.server`` on a free 127.0.0.1 port (the site at ``/``, the
  broken fixture pages at ``/__fixtures__/``);
* ``launch_chromium`` / ``new_tab``: Debian's Chromium through Playwright, offline (every
  host but 127.0.0.1 resolves to nothing), a fresh profile and context each time;
* ``Audit``: one visit per page (light, then dark for colour contrast), the problems kept
  by check and page, screenshots of failing pages and their twins, light and dark.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from site_checks import (
    SiteFiles,
    SitePage,
    Traffic,
    check_axe,
    check_dark_contrast,
    check_images,
    check_links,
    check_math,
    check_quizzes,
    check_switcher,
    check_traffic,
    page_links,
    page_structure,
    run_axe,
    source_formulas,
)

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PRERENDERED = ROOT / "build" / "prerender"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURES_URL = "/__fixtures__/"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = Path(os.environ.get("LOSSBOOK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Offline for real: a request to any other host fails (and is reported), never leaves.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
VIEWPORT = {"width": 1280, "height": 900}
# Pages are audited from this many threads, one Chromium each (2 cores: ~1.8x faster).
WORKERS = int(os.environ.get("LOSSBOOK_BROWSER_WORKERS", min(2, os.cpu_count() or 1)))


# --- build and serve ------------------------------------------------------------------------


def build_site(out: Path) -> None:
    """``python -m bookbuild build`` of the working tree into ``out`` (pre-render, then one
    strict MkDocs build per language); a failure stops the suite."""
    proc = subprocess.run(
        [sys.executable, "-m", "bookbuild", "build", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if proc.returncode:
        pytest.fail(f"python -m bookbuild build failed:\n{(proc.stdout + proc.stderr)[-4000:]}", pytrace=False)


def page_sources() -> dict[str, Path] | Path:
    """Where the pages' Markdown is: the pre-rendered folder of each language (numbers in,
    notebooks written), or ``docs/`` when there is no pre-render (a site given by LOSSBOOK_SITE)."""
    found = {lang: PRERENDERED / lang / "docs" for lang in ("vi", "en")}
    return found if all(folder.is_dir() for folder in found.values()) else DOCS


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site, and the fixture pages under FIXTURES_URL, without logging."""

    mounts: tuple[tuple[str, Path], ...] = ((FIXTURES_URL, FIXTURES),)

    def translate_path(self, path: str) -> str:
        for prefix, folder in self.mounts:
            if urlsplit(path).path.startswith(prefix):
                site, self.directory = self.directory, str(folder)  # one handler per request
                try:
                    return super().translate_path("/" + path[len(prefix) :])
                finally:
                    self.directory = site
        return super().translate_path(path)

    def log_message(self, *args) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # the browser left the page early
            super().handle_error(request, client_address)


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``site`` on a free 127.0.0.1 port from a thread; returns the server and its URL."""
    server = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# --- the browser ----------------------------------------------------------------------------


def launch_chromium(playwright):
    """Debian's Chromium; ``launch()`` starts from a fresh temporary profile each time."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium with apt", pytrace=False)
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def new_tab(browser, color_scheme: str = "light"):
    """A page in a fresh context: no storage shared with other pages (Material remembers
    the palette a reader chose)."""
    context = browser.new_context(
        viewport=VIEWPORT, color_scheme=color_scheme, reduced_motion="reduce", service_workers="block"
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def take_screenshot(browser, url: str, out: Path, color_scheme: str) -> Path:
    """What the reader saw: the whole page, freshly loaded, in a colour scheme."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tab = new_tab(browser, color_scheme=color_scheme)
    try:
        tab.goto(url, wait_until="load")
        tab.screenshot(path=str(out), full_page=True)
    finally:
        tab.context.close()
    return out


# --- one visit per page, every check --------------------------------------------------------


class Audit:
    """Visits each page once, runs every check, keeps the problems by check and page."""

    CHECKS = ("traffic", "math", "images", "links", "axe", "axe-dark", "quizzes", "switcher")

    def __init__(self, browser, base_url: str, pages: list[SitePage], files: SiteFiles, axe: str) -> None:
        self.browser, self.base_url, self.pages, self.files, self.axe = browser, base_url, pages, files, axe
        self.problems: dict[str, dict[str, list[str]]] = {check: {} for check in self.CHECKS}
        self.structures: dict[str, dict] = {}
        self.seconds = 0.0
        self._shot: set[tuple[str, str]] = set()
        self._context = None

    def url(self, path: str) -> str:
        return self.base_url + path

    def run(self) -> Audit:
        """Visit every page, in this thread, with this browser."""
        start = time.perf_counter()
        try:
            for page in self.pages:
                self.visit(page)
        finally:
            self.close()
        self.seconds = time.perf_counter() - start
        return self

    def run_parallel(self, workers: int = WORKERS) -> Audit:
        """Visit the pages from ``workers`` threads, each with its own Playwright and
        Chromium (Playwright objects belong to one thread), then merge their findings."""
        if workers <= 1 or len(self.pages) < 2:
            return self.run()
        start = time.perf_counter()
        parts: list[Audit | BaseException] = []

        def work(pages: list[SitePage]) -> None:
            from playwright.sync_api import sync_playwright

            try:
                with sync_playwright() as playwright:
                    browser = launch_chromium(playwright)
                    try:
                        parts.append(Audit(browser, self.base_url, pages, self.files, self.axe).run())
                    finally:
                        browser.close()
            except BaseException as err:  # noqa: BLE001 - re-raised in the calling thread
                parts.append(err)

        threads = [threading.Thread(target=work, args=(self.pages[i::workers],)) for i in range(workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for part in parts:
            if isinstance(part, BaseException):
                raise part
            self.structures.update(part.structures)
            for check, found in part.problems.items():
                self.problems[check].update(found)
        order = {p.path: i for i, p in enumerate(self.pages)}
        for check in self.problems:
            self.problems[check] = dict(sorted(self.problems[check].items(), key=lambda kv: order[kv[0]]))
        self.seconds = time.perf_counter() - start
        return self

    def _record(self, check: str, path: str, run) -> None:
        try:
            found = run()
        except Exception as err:  # noqa: BLE001 - a crashing check is a failing check
            found = [f"the check crashed: {type(err).__name__}: {str(err).splitlines()[0]}"]
        if found:
            self.problems[check].setdefault(path, []).extend(found)

    def visit(self, site_page: SitePage) -> None:
        path, url = site_page.path, self.url(site_page.path)
        expected = None
        if site_page.source is not None:
            expected = source_formulas(site_page.source.read_text(encoding="utf-8"))
        if self._context is None:  # one context for the audit: the HTTP cache is shared, as for a reader
            self._context = new_tab(self.browser).context
        tab = self._context.new_page()
        traffic = Traffic().attach(tab)
        try:
            tab.goto(url, wait_until="load")
            # Read-only checks first, then the ones that click, then the one that leaves the page.
            self._record("math", path, lambda: check_math(tab, expected))
            self._record("images", path, lambda: check_images(tab))
            self.structures[path] = page_structure(tab)
            self._record("links", path, lambda: check_links(url, page_links(tab), self.files))
            self._record("axe", path, lambda: check_axe(run_axe(tab, self.axe)))
            self._record("quizzes", path, lambda: check_quizzes(tab))
            self._record("axe-dark", path, lambda: check_dark_contrast(tab, self.axe))
            tab.wait_for_load_state("networkidle")
            self._record("traffic", path, lambda: check_traffic(traffic))
            self._record("switcher", path, lambda: check_switcher(tab, url, self.url(site_page.twin), site_page.lang))
        except Exception as err:  # noqa: BLE001 - e.g. the page never loaded
            self.problems["traffic"].setdefault(path, []).append(f"page could not be tested: {err}")
        finally:
            try:
                tab.evaluate("localStorage.clear(); sessionStorage.clear()")  # the next page starts light
            finally:
                tab.close()

    def close(self) -> None:
        if self._context is not None:
            self._context.close()
            self._context = None

    def screenshot(self, paths, folder: Path = SCREENSHOTS) -> list[Path]:
        """Full-page screenshots of these pages and their twins, light and dark."""
        by_path = {p.path: p for p in self.pages}
        wanted = []
        for path in paths:
            if path in by_path:
                wanted += [by_path[path], by_path.get(by_path[path].twin)]
        saved = []
        for page in dict.fromkeys(p for p in wanted if p is not None):
            for scheme in ("light", "dark"):
                if (page.path, scheme) not in self._shot:
                    self._shot.add((page.path, scheme))
                    out = folder / f"{page.name}-{scheme}.png"
                    saved.append(take_screenshot(self.browser, self.url(page.path), out, scheme))
        return saved


def fail_with_screenshots(audit: Audit, title: str, problems: dict[str, list[str]], folder: Path = SCREENSHOTS) -> None:
    """Fail, listing every page's problems, after saving screenshots of those pages."""
    shots = audit.screenshot(list(problems), folder)
    lines = [f"{title}: {sum(map(len, problems.values()))} problem(s) on {len(problems)} page(s)"]
    for path, found in sorted(problems.items()):
        lines.append(path)
        lines += [f"    - {p}" for p in found]
    if shots:
        shown = folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder
        lines.append(f"screenshots (light and dark, with the twins) in {shown}/")
    pytest.fail("\n".join(lines), pytrace=False)
