"""``make dist`` (issue 13): the zip works unzipped from ``file://`` in both languages, each
PDF has every chapter, no raw TeX and a sane page count; and every page of the built site
has the right canonical link, hreflang alternates, Open Graph tags and description.

The dist is built once per session (``python -m bookbuild.dist`` into a temporary folder),
or taken from ``LOSSBOOK_DIST=<folder>`` (one that holds lossbook.zip and the PDFs).
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from site_audit import FIXTURES, ROOT, new_tab
from site_checks import Traffic, search

sys.path.insert(0, str(ROOT / "tests"))
from test_site_meta import head_problems  # noqa: E402 - the head check, shared with the tiny site's test

from bookbuild.dist import FOLDER, ZIP_NAME, pdf_name  # noqa: E402
from bookbuild.site import meta  # noqa: E402
from bookbuild.site.config import load  # noqa: E402

pytestmark = pytest.mark.browser
LANGS = ("vi", "en")
PAGES_RANGE = (40, 400)  # A4 pages per language: ~100 at issue 13; far outside means a broken print
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="session")
def dist(tmp_path_factory) -> Path:
    given = os.environ.get("LOSSBOOK_DIST")
    if given:
        return Path(given).resolve()
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [sys.executable, "-m", "bookbuild.dist", "--out", str(out), "--work", str(out / "work")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if proc.returncode:
        pytest.fail(f"python -m bookbuild.dist failed:\n{(proc.stdout + proc.stderr)[-4000:]}", pytrace=False)
    return out


@pytest.fixture(scope="session")
def unzipped(dist, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(dist / ZIP_NAME) as zf:
        assert {n.split("/")[0] for n in zf.namelist()} == {FOLDER}, "the zip has one top-level folder"
        zf.extractall(target)
    return target / FOLDER


def lang_root(copy: Path, lang: str) -> Path:
    return copy if lang == LANGS[0] else copy / lang


def chapter_titles(root: Path) -> dict[str, str]:
    """Each chapter page (``NN-topic.html``) of a language's copy → its ``<h1>``."""
    found = {}
    for page in sorted(root.glob("[0-9][0-9]-*.html")):
        h1 = _H1.search(page.read_text(encoding="utf-8"))
        assert h1, f"{page}: no <h1>"
        title = re.sub(r'<a class="headerlink".*?</a>', "", h1.group(1), flags=re.DOTALL)
        found[page.name] = " ".join(html.unescape(_TAG.sub("", title)).split())
    return found


def pages_with(root: Path, marker: str) -> list[Path]:
    return [p for p in sorted(root.glob("*.html")) if marker in p.read_text(encoding="utf-8")]


def file_traffic_problems(traffic: Traffic) -> list[str]:
    """No console error, no failed request, nothing asked of a server (file://, data: only)."""
    problems = [f"console error: {e}" for e in traffic.console_errors]
    problems += [f"failed request: {f}" for f in dict.fromkeys(traffic.failed)]
    problems += [
        f"request off the disk: {u}"
        for u in dict.fromkeys(traffic.requests)
        if not u.startswith(("file:", "data:", "blob:", "about:"))
    ]
    return problems


@pytest.fixture
def file_tab(browser):
    page = new_tab(browser)
    page.traffic = Traffic().attach(page)
    yield page
    page.context.close()


def test_the_file_traffic_check_catches_a_console_error_and_a_request_off_the_disk(file_tab) -> None:
    file_tab.goto((FIXTURES / "console-error.html").as_uri())
    problems = file_traffic_problems(file_tab.traffic)
    assert any("console error" in p for p in problems), problems
    assert file_traffic_problems(Traffic(requests=["https://unpkg.com/iframe-worker/shim"])) == [
        "request off the disk: https://unpkg.com/iframe-worker/shim"
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_the_offline_copy_reads_from_disk_navigation_math_figures_and_language_switch(unzipped, file_tab, lang) -> None:
    root = lang_root(unzipped, lang)
    other = [l for l in LANGS if l != lang][0]
    tab = file_tab
    tab.goto((root / "index.html").as_uri(), wait_until="load")
    assert tab.evaluate("document.documentElement.lang") == lang
    chapters = chapter_titles(root)
    assert len(chapters) >= 13, f"chapters found in the copy: {list(chapters)}"
    first = next(iter(chapters))
    with tab.expect_navigation():
        tab.click(f"nav.md-nav--primary a.md-nav__link[href='{first}']")
    assert tab.url == (root / first).as_uri()
    assert tab.locator("h1").first.inner_text().strip().rstrip("¶").strip() == chapters[first]

    figure_page = next(p for p in pages_with(root, ".svg#only-light") if p.name in chapters)
    tab.goto(figure_page.as_uri(), wait_until="load")
    assert tab.locator(".katex").count() > 0 and tab.locator(".lb-katex, .arithmatex:not(:has(.katex))").count() == 0
    tab.evaluate("Promise.all([...document.images].map(i => (i.loading = 'eager', i.decode().catch(() => 0))))")
    shown = tab.eval_on_selector_all(
        "article img",
        "imgs => imgs.filter(i => i.offsetParent !== null).map(i => [i.getAttribute('src'), i.naturalWidth])",
    )
    assert shown and all(width > 0 for _, width in shown), f"figures not shown: {shown}"
    katex_fonts = tab.evaluate(
        "document.fonts.ready.then(() => [...document.fonts].filter(f => f.family.includes('KaTeX')"
        " && f.status === 'loaded').length)"
    )
    assert katex_fonts > 0, "KaTeX's fonts did not load from the copy"

    tab.hover(".md-header .md-select")
    with tab.expect_navigation():
        tab.click(f".md-header a.md-select__link[hreflang={other}]")
    twin = lang_root(unzipped, other) / figure_page.name
    assert tab.url.split("#")[0] == twin.as_uri() and tab.evaluate("document.documentElement.lang") == other
    assert file_traffic_problems(tab.traffic) == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_offline_copy_searches_checks_quizzes_and_runs_the_explorer_from_disk(unzipped, file_tab, lang) -> None:
    root = lang_root(unzipped, lang)
    tab = file_tab
    tab.goto((root / "index.html").as_uri(), wait_until="load")
    found = search(tab, "sigmoid", timeout=15_000)
    assert found and all(f.startswith(str(root)) and f.endswith(".html") for f in found), found[:3]
    tab.goto((root / "index.html").as_uri(), wait_until="load")  # the search worker's glossary rule
    term = search(tab, {"vi": "so gia", "en": "increment"}[lang], timeout=15_000)
    assert term and term[0] == str(root / "01-optimization.html"), term[:3]

    quiz_page = pages_with(root, 'class="lb-quiz"')[0]
    tab.goto(quiz_page.as_uri(), wait_until="load")
    quiz = tab.locator(".lb-quiz").first
    quiz.locator("input[type=radio]").first.check()
    quiz.locator(".lb-quiz-check").click()
    assert quiz.locator(".lb-quiz-feedback").inner_text().strip()

    explorer_page = pages_with(root, 'class="lb-explorer"')[0]
    tab.goto(explorer_page.as_uri(), wait_until="load")
    tab.locator(".lb-explorer").first.scroll_into_view_if_needed()
    tab.wait_for_selector(".lb-explorer[data-ready]", timeout=15_000)
    assert tab.get_attribute(".lb-explorer", "data-ready") == "true"
    assert file_traffic_problems(tab.traffic) == []


def test_the_offline_copy_links_the_pdfs_it_holds(unzipped) -> None:
    for lang in LANGS:
        assert (unzipped / "downloads" / pdf_name(lang)).is_file()
    home = (unzipped / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]*downloads/[^"]*)"', home)
    for lang in LANGS:
        if f"downloads/{pdf_name(lang)}" in " ".join(links):  # the home page's Download section
            assert f'href="downloads/{pdf_name(lang)}"' in home


# --- the PDFs ---------------------------------------------------------------------------------


def pdf_problems(path: Path, titles: list[str], pages: tuple[int, int] = PAGES_RANGE) -> list[str]:
    """What is wrong with a book's PDF: a title missing from its text or its outline, raw TeX
    in its text, a page count outside ``pages``."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    text = "\n".join(p.extract_text() or "" for p in reader.pages)
    flat = "".join(text.split())
    outline: list[str] = []

    def walk(items):
        for item in items:
            walk(item) if isinstance(item, list) else outline.append(" ".join(item.title.split()))

    walk(reader.outline)
    problems = [f"title not in the text: {t!r}" for t in titles if "".join(t.split()) not in flat]
    problems += [f"title not in the outline: {t!r}" for t in titles if t not in outline]
    tex = sorted(set(re.findall(r"\\[A-Za-z]+|\$", text)))
    if tex:
        problems.append(f"raw TeX in the text: {tex[:10]}")
    if not pages[0] <= len(reader.pages) <= pages[1]:
        problems.append(f"{len(reader.pages)} pages, expected {pages[0]}-{pages[1]}")
    return problems


@pytest.mark.parametrize("lang", LANGS)
def test_each_pdf_has_every_chapter_the_answers_no_raw_tex_and_a_sane_length(dist, unzipped, lang) -> None:
    from bookbuild.dist.printbook import LABELS

    titles = list(chapter_titles(lang_root(unzipped, lang)).values())
    assert len(titles) >= 13
    pdf = dist / pdf_name(lang)
    assert pdf_problems(pdf, [*titles, LABELS[lang]["toc"], LABELS[lang]["answers"]]) == []
    assert pdf.read_bytes() == (unzipped / "downloads" / pdf_name(lang)).read_bytes()  # the zip holds it


def test_the_pdf_check_catches_raw_tex_a_missing_title_and_a_short_book(tab, tmp_path) -> None:
    tab.set_content("<h1>Only chapter</h1><p>The loss is $\\frac{1}{m}\\sum_i L_i$.</p>")
    tab.pdf(path=str(tmp_path / "bad.pdf"), outline=True)
    problems = pdf_problems(tmp_path / "bad.pdf", ["Only chapter", "Missing chapter"])
    assert any("Missing chapter" in p and "text" in p for p in problems)
    assert any(p.startswith("raw TeX") and "\\frac" in p for p in problems)
    assert any(p.startswith("1 pages") for p in problems)


# --- the published site's heads ----------------------------------------------------------------


def test_every_page_has_canonical_hreflang_og_and_a_description_on_the_public_address(built_site) -> None:
    public = meta.public_url(load()["site_url"])
    roots = {"vi": public, "en": public + "en/"}
    problems, pages = [], 0
    for page in sorted(Path(built_site).rglob("index.html")):
        parts = [p for p in page.parent.relative_to(built_site).parts if p != "."]
        lang = "en" if parts[:1] == ["en"] else "vi"
        path = "".join(f"{p}/" for p in (parts[1:] if lang == "en" else parts))
        pages += 1
        problems += [
            f"{page.relative_to(built_site)}: {p}" for p in head_problems(page.read_text("utf-8"), path, roots)
        ]
    assert pages > 40 and problems == []
    sitemap = meta.sitemap_urls(Path(built_site) / "sitemap.xml")
    assert public in sitemap and public + "en/" in sitemap and len(sitemap) == pages
    assert f"Sitemap: {public}sitemap.xml" in (Path(built_site) / "robots.txt").read_text(encoding="utf-8")
