"""The real pages through bookbuild.prerender (ported from tests/test_pages.py): every
placeholder of ``docs/`` fits the allow-list and evaluates, or is one of the known
violators that the engine must reject until the lesson gives it a function."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookbuild.prerender import PLACEHOLDER, ExpressionError, check_expression, namespace
from bookbuild.prerender._common import DOCS
from bookbuild.prerender.placeholders import FENCE, evaluate
from bookbuild.prerender.sources import pages

#: Placeholders of today's pages that compute in the page (CODE.md P6). The lesson work
#: (issue 9, item 2) replaces each with a lesson function; the engine rejects them
#: meanwhile. When one leaves the pages, delete it here (a test below says which).
KNOWN_REJECTED = {
    "fmt(sum(v * v for v in walk_2d(eta=0.1).gd_points[4]), 4)",
    "fmt(sum(v * v for v in walk_2d(eta=0.25).gd_points[4]), 4)",
    "fmt(sum(v * v for v in walk_2d(eta=0.5).gd_points[4]), 4)",
    "fmt(sum(v * v for v in walk_2d(eta=0.9).gd_points[4]), 4)",
    "fmt(sum(v * v for v in walk_2d(eta=1.0).gd_points[4]), 4)",
    "fmt(sum(v * v for v in walk_2d(eta=1.05).gd_points[4]), 4)",
    '", ".join(fmt(v, 1) for v in sign_descent_overshoot().xs)',
    "fmt(lb.numerical_gradient(lambda v: (3 * v[0] + 1) ** 4, [0.0])[0], 4)",
    '"%.1e" % logistic_growth_check().max_residual',
    '"%.1g" % logistic_is_sigmoid().max_gap',
    '"%.2e" % lb.sigmoid(-40.0)',
    "petal_sigmoid_table(*PETAL_LINES[0]).markdown(lang)",
    "petal_sigmoid_table(*PETAL_LINES[1]).markdown(lang)",
    "fmt(label_swap(*PETAL_LINES[1]).original, 4)",
    "fmt(label_swap(*PETAL_LINES[1]).swapped, 4)",
    '"%.2e" % lb.sigmoid(-10 * (2.331 * 3.0 - 5.156))',
    '"%.4e" % lb.sigmoid(-40.0)',
    '"%.0e" % duplicated_feature().smallest_eigenvalue',
    "fmt((lb.bce_hessian_single(1.4, 0.49) @ np.array([1.0, -1.4]))[0], 4)",
    "fmt((lb.bce_hessian_single(1.4, 0.49) @ np.array([1.0, -1.4]))[1], 4)",
    '"%.0e" % petal_ridge_descent().max_gradient',
    '"%.1e" % separable_no_minimiser().hessian_max[-1]',
    "fmt((lambda f: f(f(f(f(f(f(0.0)))))))(lambda t: t + 1 / lb.sigmoid(t)), 4)",
    'sum(e.source == "slides" for e in ERRATA)',
    'sum(e.source == "blog" for e in ERRATA)',
    'sum(e.source == "notes" for e in ERRATA)',
    '("%.17g" % (2.331 * 1.0 - 5.156)).replace("-", "−")',
    '"%.15g" % house_price_table().squared_error[3]',
}
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
    ns = namespace(lang)
    for line, expr in placeholders(path.read_text(encoding="utf-8")):
        where = f"{path.relative_to(DOCS)}:{line}"
        if expr in KNOWN_REJECTED:
            with pytest.raises(ExpressionError):
                check_expression(expr, where)
            continue
        value = str(evaluate(expr, ns, where))
        assert "{{" not in value, f"{where}: {expr} printed a placeholder"


def test_the_known_violators_are_still_on_the_pages() -> None:
    present = {expr for _, _, path in SOURCES for _, expr in placeholders(path.read_text(encoding="utf-8"))}
    gone = sorted(KNOWN_REJECTED - present)
    assert not gone, f"no page uses these any more; delete them from KNOWN_REJECTED: {gone}"


@pytest.mark.parametrize("source", SOURCES, ids=_id)
def test_placeholders_are_short(source) -> None:
    _, _, path = source
    long = [e for _, e in placeholders(path.read_text(encoding="utf-8")) if len(e) + 6 > MAX_PLACEHOLDER]
    assert not long, f"{path.relative_to(DOCS)}: move these computations into the lesson: {long}"


def test_every_language_has_every_page() -> None:
    assert set(pages("vi")) == set(pages("en"))
    assert "index.md" in pages("en") and pages("en")["index.md"].name == "index.en.md"
    assert all(not uri.startswith("_") and uri.endswith(".md") for uri in pages("vi"))
