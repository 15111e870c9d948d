"""The pages' Markdown: twins in both languages, and no computed number typed by hand.

Numbers reach a page through ``{{ expression }}`` (``bookbuild.prerender``) or through a
``>>>`` example that pytest runs. These tests make that a rule: a decimal number with
three or more decimals written in a page must be a lesson *input* (a float literal in
lossbook's code, e.g. the slides' w = 2.331) or a source's wrong value quoted from
``lossbook.errata``; anything else is a number someone computed by hand.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bookbuild import prerender
from lossbook.text import fmt

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GENERATED = {"notebooks"}  # pages written by the build from docs/notebooks/*.py


numbers_hook = prerender  # the {{ }} engine: PLACEHOLDER, substitute, namespace


def source_pages() -> list[Path]:
    """Hand-written pages (the build writes the notebook pages)."""
    pages = []
    for p in sorted(DOCS.rglob("*.md")):
        rel = p.relative_to(DOCS)
        if rel.parts[0].startswith("_"):
            continue
        if rel.parts[0] in GENERATED and (DOCS / rel.parent / (p.name.split(".")[0] + ".py")).exists():
            continue
        pages.append(p)
    return pages


def twin_of(page: Path) -> Path:
    if page.name.endswith(".en.md"):
        return page.with_name(page.name[: -len(".en.md")] + ".md")
    return page.with_name(page.name[: -len(".md")] + ".en.md")


VI_PAGES = [p for p in source_pages() if not p.name.endswith(".en.md")]
ALL_PAGES = source_pages()


def strip_code(markdown: str) -> str:
    """The Markdown without fenced code blocks (code and >>> examples are tested elsewhere)."""
    out, fence = [], None
    for line in markdown.splitlines():
        m = re.match(r"\s*(```|~~~)", line)
        if m and (fence is None or m.group(1) == fence):
            fence = None if fence else m.group(1)
            continue
        if fence is None:
            out.append(line)
    return "\n".join(out)


def structure(markdown: str) -> dict[str, object]:
    text = strip_code(markdown)
    return {
        "sections (##)": len(re.findall(r"^##\s", text, re.MULTILINE)),
        "figures": re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text),
        "display equations": len(re.findall(r"^\s*\$\$", text, re.MULTILINE)) // 2,
        "quizzes": re.findall(r"quiz\(\s*['\"]([^'\"]+)", text),
        "placeholders": len(numbers_hook.PLACEHOLDER.findall(text)),
    }


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_every_page_has_its_twin(page: Path) -> None:
    assert twin_of(page).exists(), f"{page.relative_to(DOCS)} has no twin {twin_of(page).name}"


@pytest.mark.parametrize("page", [p for p in VI_PAGES if twin_of(p).exists()], ids=lambda p: p.name)
def test_twins_have_the_same_structure(page: Path) -> None:
    vi = structure(page.read_text(encoding="utf-8"))
    en = structure(twin_of(page).read_text(encoding="utf-8"))
    assert vi == en, f"{page.name} and its English twin differ: vi={vi} en={en}"


# --- no hand-computed numbers -------------------------------------------------------------

DECIMAL = re.compile(r"(?<![\w.])[−-]?\d+\.\d{3,}")


def lesson_inputs() -> set[str]:
    """Float literals in lossbook's code (not in docstrings): the lesson's given data."""
    found: set[str] = set()
    for path in (ROOT / "lossbook").rglob("*.py"):
        if path.name == "errata.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, float):
                found.add(repr(node.value).lstrip("-"))
    return found


def quoted_source_values() -> set[str]:
    """Numbers the sources print wrongly, as recorded (and tested) in lossbook.errata."""
    try:
        from lossbook import errata
    except ImportError:
        return set()
    text = (
        " ".join(str(v) for entry in errata.ERRATA for v in vars(entry).values()) if hasattr(errata, "ERRATA") else ""
    )
    return {m.lstrip("−-") for m in DECIMAL.findall(text)}


def hand_typed_numbers(markdown: str, allowed: set[str]) -> list[str]:
    text = numbers_hook.PLACEHOLDER.sub(" ", strip_code(markdown))
    return [m for m in DECIMAL.findall(text) if m.lstrip("−-") not in allowed]


def test_hand_typed_number_is_caught() -> None:
    page = "Loss: 0.6733, w = {{ fmt(lb.sigmoid(0.0)) }}, given 2.331\n```\n0.1234\n```\n"
    assert hand_typed_numbers(page, {"2.331"}) == ["0.6733"]


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_no_hand_computed_numbers(page: Path) -> None:
    allowed = lesson_inputs() | quoted_source_values()
    typed = hand_typed_numbers(page.read_text(encoding="utf-8"), allowed)
    assert not typed, (
        f"{page.relative_to(DOCS)} types computed numbers {typed}: "
        "write {{ expression }} so lossbook computes them (see CONTRIBUTING.md)"
    )


# --- every number is computed by lossbook at build time ---------------------------------


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_every_placeholder_evaluates(page: Path) -> None:
    lang = "en" if page.name.endswith(".en.md") else "vi"
    out = numbers_hook.substitute(page.read_text(encoding="utf-8"), lang, page.name)
    assert not numbers_hook.PLACEHOLDER.search(strip_code(out))


def test_a_page_number_follows_lossbook(monkeypatch) -> None:
    import lossbook

    page = "σ(2) = {{ fmt(lb.sigmoid(2.0), 4) }}"
    assert numbers_hook.substitute(page, "vi") == "σ(2) = 0.8808"
    monkeypatch.setattr(lossbook, "sigmoid", lambda z: 0.5)
    assert numbers_hook.substitute(page, "vi") == "σ(2) = 0.5000"


def test_a_broken_expression_fails_the_build_naming_the_page() -> None:
    with pytest.raises(prerender.PageError, match="03-x.md.*no_such_function"):
        numbers_hook.substitute("{{ no_such_function() }}", "vi", "03-x.md")


def test_placeholders_in_code_blocks_are_left_alone() -> None:
    page = "```python\nprint('{{ 1 + 1 }}')\n```\n{{ 1 + 1 }}\n"
    assert numbers_hook.substitute(page, "en") == "```python\nprint('{{ 1 + 1 }}')\n```\n2\n"


def test_fmt_uses_a_true_minus_sign() -> None:
    assert fmt(-0.10684, 4) == "−0.1068"
    assert fmt(0.5, 2) == "0.50"


def test_pages_print_no_negative_zero_and_one_scientific_notation() -> None:
    """The pages' fmt is lossbook.text's, as in the lesson's tables: no −0.0000 (the
    eigenvalue 0 of chapter 9 printed both ways in one paragraph), and sci for tiny numbers."""
    assert fmt(-1e-17, 4) == "0.0000"
    assert numbers_hook.substitute("{{ sci(4.248354255291589e-18, 2) }}", "en") == r"$4.25 \times 10^{-18}$"


# --- placeholders stay short: computations live in lossbook.lesson --------------------------

MAX_PLACEHOLDER = 110


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_placeholders_are_short(page: Path) -> None:
    long = [
        m.group(0)
        for m in numbers_hook.PLACEHOLDER.finditer(strip_code(page.read_text(encoding="utf-8")))
        if len(m.group(0)) > MAX_PLACEHOLDER
    ]
    assert not long, f"{page.relative_to(DOCS)}: move these computations into lossbook/lesson.py: {long}"


def test_namespace_is_explicit() -> None:
    ns = numbers_hook.namespace("vi")
    import math

    import numpy as np

    assert ns["np"] is np and ns["math"] is math
    assert "house_gd_fit" in ns and "ERRATUM" in ns
    assert "dataclass" not in ns and "Sequence" not in ns  # lesson's own imports do not leak
