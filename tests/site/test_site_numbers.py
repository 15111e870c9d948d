"""The built site prints numbers one way (``lossbook.text``): no negative zero, one notation
for tiny numbers, a true minus sign in prose, no formula left as raw TeX, and twins that print
the same numbers.

The checks read the reader-visible text of each page's article, outside code (``<code>``,
``<pre>``: a program's output is shown as the program prints it) and outside the hidden TeX
source of formulas. Each check is proved on a planted page below.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

#: Elements whose text is not prose: code shows what a program prints; ``annotation`` and
#: ``.katex-mathml`` repeat a formula for machines.
_NOT_PROSE = {"script", "style", "svg", "code", "pre", "kbd", "annotation", "math"}
_BLOCK = {"p", "li", "td", "th", "div", "h1", "h2", "h3", "h4", "br", "summary", "tr"}

NEGATIVE_ZERO = re.compile(r"(?<![\w.])[−-]0(?:\.0+)?(?![.,]?\d)")
E_NOTATION = re.compile(r"\d(?:\.\d+)?[eE][-+−]?\d+")
HYPHEN_MINUS = re.compile(r"(?<![\w\])}|])-\d")
DECIMAL = re.compile(r"−?\d+\.\d+")
#: A formula KaTeX never saw: a dollar sign or a TeX command left in the prose.
RAW_TEX = re.compile(r"\$[^$\n]*\$|\$|\\(?:frac|hat|sum|theta|sigma|mathbf|mathbb|ln|log|cdot|times|top)\b")


class _Prose(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip: list[str] = []
        self._article = 0

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self._article += 1
        if tag in _NOT_PROSE:
            self._skip.append(tag)
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "article":
            self._article -= 1
        if self._skip and self._skip[-1] == tag:
            self._skip.pop()

    def handle_data(self, data):
        if self._article and not self._skip:
            self.parts.append(data)


def prose(html: str) -> str:
    """The article's visible prose of a page, code and formula sources left out."""
    parser = _Prose()
    parser.feed(html)
    return "".join(parser.parts)


def _hits(pattern: re.Pattern, text: str) -> list[str]:
    return [text[max(0, m.start() - 30) : m.end() + 10].replace("\n", " ") for m in pattern.finditer(text)]


def number_problems(html: str) -> list[str]:
    """What is wrong with the numbers of one page: negative zeros, e-notation, hyphen minus."""
    text = prose(html)
    problems = [f"negative zero: …{h}…" for h in _hits(NEGATIVE_ZERO, text)]
    problems += [f"programmer notation (use lossbook.text.sci): …{h}…" for h in _hits(E_NOTATION, text)]
    problems += [f"hyphen as minus sign (use lossbook.text.fmt): …{h}…" for h in _hits(HYPHEN_MINUS, text)]
    problems += [f"raw TeX (a formula not rendered): …{h}…" for h in _hits(RAW_TEX, text)]
    return problems


def twin_difference(vi_html: str, en_html: str) -> tuple[Counter, Counter]:
    """Decimal numbers that one twin prints and the other does not (vi only, en only)."""
    vi, en = Counter(DECIMAL.findall(prose(vi_html))), Counter(DECIMAL.findall(prose(en_html)))
    return vi - en, en - vi


# --- the checks, proved on planted pages ------------------------------------------------

PAGE = "<html><body><article>{}</article></body></html>"


@pytest.mark.parametrize(
    "body, found",
    [
        ("<p>λ₂ = −0.0000, matching the formula</p>", "negative zero"),
        ("<p>σ(−40) ≈ 4.25e-18 is tiny</p>", "programmer notation"),
        ("<p>the error is -2.82 here</p>", "hyphen as minus"),
        ("<p>with step $h = $ finds</p>", "raw TeX"),
        ("<p>the mean is \\frac{1}{m} of it</p>", "raw TeX"),
    ],
)
def test_number_check_catches_planted_defect(body, found):
    problems = number_problems(PAGE.format(body))
    assert len(problems) == 1 and problems[0].startswith(found), problems


def test_number_check_passes_good_prose_and_ignores_code():
    body = (
        "<p>λ₂ = 0.0000, b = −0.05, area-4.6 row, "
        '<span class="katex-html">4.3×10<span class="msupsub">−18</span></span></p>'
        "<pre><code>print(-0.0, 4.25e-18)</code></pre><p><code>tol=1e-6</code></p>"
        '<span class="katex"><math><annotation>-0.0000</annotation></math></span>'
    )
    assert number_problems(PAGE.format(body)) == []


def test_twin_check_catches_a_changed_number():
    vi = PAGE.format("<p>w = 2.3310 và b = −5.1560</p>")
    en = PAGE.format("<p>w = 2.3310 and b = 5.1560</p>")
    assert twin_difference(vi, en) == (Counter({"−5.1560": 1}), Counter({"5.1560": 1}))
    assert twin_difference(vi, vi) == (Counter(), Counter())


# --- the built site --------------------------------------------------------------------


def _pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).parts[0] not in {"assets", "search"}]


@pytest.mark.browser
def test_site_numbers_print_one_way(built_site):
    problems = {}
    for page in _pages(built_site):
        found = number_problems(page.read_text(encoding="utf-8"))
        if found:
            problems[page.relative_to(built_site).as_posix()] = found
    assert not problems, "numbers not printed the site's way:\n" + "\n".join(
        f"{page}: {p}" for page, found in problems.items() for p in found
    )


@pytest.mark.browser
def test_twins_print_the_same_numbers(built_site):
    problems = []
    for page in _pages(built_site):
        rel = page.relative_to(built_site)
        twin = built_site / "en" / rel
        if rel.parts[0] == "en" or not twin.is_file():
            continue
        vi_only, en_only = twin_difference(page.read_text(encoding="utf-8"), twin.read_text(encoding="utf-8"))
        if vi_only or en_only:
            problems.append(f"{rel}: only in vi {dict(vi_only)}, only in en {dict(en_only)}")
    assert not problems, "twins print different numbers:\n" + "\n".join(problems)


@pytest.mark.browser
def test_the_build_writes_nothing_into_docs(built_site):
    """Generated files belong to build/ and site/: after a build, docs/ holds only sources."""
    import subprocess

    root = Path(__file__).resolve().parents[2]
    status = subprocess.run(
        ["git", "status", "--porcelain", "--ignored", "--untracked-files=all", "docs"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    stray = [line for line in status.splitlines() if line[:2] in ("??", "!!")]
    assert not stray, "the build wrote into docs/:\n" + "\n".join(stray)
