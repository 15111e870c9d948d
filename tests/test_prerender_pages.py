"""The real pages through bookbuild.prerender (ported from tests/test_pages.py): every
placeholder of ``docs/`` fits the allow-list and evaluates, or is one of the known
violators that the engine must reject until the lesson gives it a function."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookbuild.prerender import PLACEHOLDER, namespace
from bookbuild.prerender._common import DOCS
from bookbuild.prerender.placeholders import FENCE, evaluate
from bookbuild.prerender.sources import pages

MAX_PLACEHOLDER = 110
SOURCES = sorted({(lang, uri, src) for lang in ("vi", "en") for uri, src in pages(lang).items()}, key=str)


def placeholders(markdown: str) -> list[tuple[int, str]]:
    """``(line, expression)`` of every placeholder outside fenced code."""
    found, fence = [], ""
    for number, line in enumerate(markdown.splitlines(), start=1):
        m = FENCE.match(line)
        if m and (not fence or m.group("fence") == fence):
            fence = "" if fence else m.group("fence")
        elif not fence:
            found += [(number, p.group("expr")) for p in PLACEHOLDER.finditer(line)]
    return found


def _id(source: tuple[str, str, Path]) -> str:
    return f"{source[0]}:{source[2].relative_to(DOCS)}"


@pytest.mark.parametrize("source", SOURCES, ids=_id)
def test_every_placeholder_fits_the_allow_list_and_evaluates(source) -> None:
    lang, uri, path = source
    ns = namespace(lang, uri)  # the page: chapter_header() renders its chapter
    for line, expr in placeholders(path.read_text(encoding="utf-8")):
        where = f"{path.relative_to(DOCS)}:{line}"
        value = str(evaluate(expr, ns, where))
        assert "{{" not in value, f"{where}: {expr} printed a placeholder"


@pytest.mark.parametrize("source", SOURCES, ids=_id)
def test_placeholders_are_short(source) -> None:
    _, _, path = source
    long = [e for _, e in placeholders(path.read_text(encoding="utf-8")) if len(e) + 6 > MAX_PLACEHOLDER]
    assert not long, f"{path.relative_to(DOCS)}: move these computations into the lesson: {long}"


def test_every_language_has_every_page() -> None:
    assert set(pages("vi")) == set(pages("en"))
    assert "index.md" in pages("en") and pages("en")["index.md"].name == "index.en.md"
    assert all(not uri.startswith("_") and uri.endswith(".md") for uri in pages("vi"))
