"""The PDFs: each language's print page (:mod:`.printbook`) printed by Chromium (Playwright's
``page.pdf``: A4, page numbers in the footer, the headings as the PDF's outline).

Chromium is Debian's, the one the browser tests drive (``LOSSBOOK_CHROMIUM`` names another);
the print page is opened from ``file://`` with every request to another host refused, and a
console error, a failed request or an image that did not load fails the print.
"""

from __future__ import annotations

import os
from pathlib import Path

from .printbook import print_page

CHROMIUM = Path(os.environ.get("LOSSBOOK_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-sync"]
FOOTER = (
    '<div style="width:100%;font-size:8px;text-align:center;color:#555">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


class PrintError(RuntimeError):
    """Chromium could not print a language's book (the message says which and why)."""


def print_pdfs(jobs: dict[str, tuple[Path, Path, str, str]]) -> dict[str, Path]:
    """``jobs``: language → (its built site's root, the PDF to write, title, subtitle).
    Returns language → the PDF written. The print page is removed again from the site."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise PrintError(f"{CHROMIUM} is missing: `make dist` installs Debian's chromium (or set LOSSBOOK_CHROMIUM)")
    done = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            for lang, (root, target, title, subtitle) in jobs.items():
                page_file = print_page(root, lang, title, subtitle, name=f"print-{lang}.html")
                try:
                    done[lang] = _print(browser, page_file, Path(target), lang)
                finally:
                    page_file.unlink()
        finally:
            browser.close()
    return done


def _print(browser, page_file: Path, target: Path, lang: str) -> Path:
    context = browser.new_context(color_scheme="light", service_workers="block")
    problems: list[str] = []
    try:
        page = context.new_page()
        page.route(lambda url: not url.startswith("file:"), lambda route: (problems.append(route.request.url), route.abort()))
        page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
        page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
        page.goto(page_file.resolve().as_uri(), wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        broken = page.eval_on_selector_all("img", "imgs => imgs.filter(i => !i.complete || !i.naturalWidth).map(i => i.src)")
        problems += [f"image not loaded: {src}" for src in broken]
        if problems:
            raise PrintError(f"{lang}: the print page {page_file.name} has problems: {problems[:10]}")
        page.emulate_media(media="print", color_scheme="light")
        target.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(
            path=str(target),
            format="A4",
            print_background=True,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=FOOTER,
            margin={"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"},
            outline=True,
            tagged=True,
        )
    finally:
        context.close()
    return target
