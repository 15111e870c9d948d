"""The lesson's layout: one hop from a page to its code, each given datum written once.

- ``docs/NN-topic.md`` ↔ ``lossbook/lesson/topic.py``: every name a page's ``{{ ... }}``
  uses is a public name of its chapter's module (a function shared by two chapters is
  imported by the second and listed in its ``__all__``) or of the shared part:
  :mod:`lossbook.text`, ``lossbook/lesson/_*.py``, :mod:`lossbook.errata`, and ``lb``,
  ``np``, ``math``, ``lang``, ``quiz``, ``explorer``.
- Placeholders are simple forms: names, attributes, calls, indexing, arithmetic, literals;
  no lambda, comprehension, conditional, f-string or ``%`` formatting.
- A decimal of ``lossbook/lesson/_given.py`` (2.331, 1.4, 0.01, ...) appears as a literal in
  no other module of the lesson.
- No module of the lesson is longer than 500 lines.

Each check is a function returning its problems, and each is shown to catch a planted defect.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest
from test_pages import strip_code  # one definition of "the page without its code blocks"

import lossbook.errata
import lossbook.lesson
import lossbook.text

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LESSON = ROOT / "lossbook" / "lesson"
PLACEHOLDER = re.compile(r"\{\{\s*(?P<expr>.+?)\s*\}\}")
#: A chapter (``07-mse-sigmoid.md``), or one of the unnumbered pages that have a lesson module.
CHAPTER_PAGE = re.compile(r"(?:(?P<number>\d\d)-)?(?P<topic>[a-z0-9-]+?)(?:\.en)?\.md")
LESSON_PAGES = ("quizzes", "errata")
MAX_LINES = 500


def chapter_pages() -> list[Path]:
    def is_lesson_page(name: str) -> bool:
        m = CHAPTER_PAGE.fullmatch(name)
        return bool(m) and (m.group("number") is not None or m.group("topic") in LESSON_PAGES)

    return sorted(p for p in DOCS.glob("*.md") if is_lesson_page(p.name))


def chapter_module(page_name: str):
    """``09-convexity.en.md`` -> ``lossbook.lesson.convexity``."""
    topic = CHAPTER_PAGE.fullmatch(page_name).group("topic").replace("-", "_")
    return importlib.import_module(f"lossbook.lesson.{topic}")


def shared_names() -> set[str]:
    names = {"lb", "np", "math", "lang", "quiz", "explorer", "chapter_header", "chapter_footer"}
    names |= set(lossbook.text.__all__) | set(lossbook.errata.__all__)
    for path in LESSON.glob("_*.py"):
        if path.name != "__init__.py":
            names |= set(importlib.import_module(f"lossbook.lesson.{path.stem}").__all__)
    return names


def placeholders(markdown: str) -> list[str]:
    return [m.group("expr") for m in PLACEHOLDER.finditer(strip_code(markdown))]


def one_hop_problems(page_name: str, markdown: str) -> list[str]:
    """Names in the page's placeholders that are neither its chapter's nor shared."""
    module = chapter_module(page_name)
    allowed = set(module.__all__) | shared_names()
    problems = []
    for expr in placeholders(markdown):
        for node in ast.walk(ast.parse(expr, mode="eval")):
            if isinstance(node, ast.Name) and node.id not in allowed:
                home = next((c.__name__ for c in lossbook.lesson.CHAPTERS if node.id in c.__all__), "nowhere")
                problems.append(
                    f"{page_name}: {{{{ {expr} }}}} uses {node.id!r} (in {home}), not in "
                    f"{module.__name__}: import it there and list it in its __all__"
                )
    return problems


#: The syntax a placeholder may use (the page engine's allow-list is the build's own check).
SIMPLE = (
    ast.Expression,
    ast.Name,
    ast.Load,
    ast.Attribute,
    ast.Call,
    ast.keyword,
    ast.Subscript,
    ast.Slice,
    ast.Constant,
    ast.Tuple,
    ast.List,
    ast.BinOp,
    ast.UnaryOp,
    ast.Add,
    ast.Sub,
    ast.Mult,
    ast.Div,
    ast.FloorDiv,
    ast.Pow,
    ast.USub,
    ast.UAdd,
)


def form_problems(page_name: str, markdown: str) -> list[str]:
    problems = []
    for expr in placeholders(markdown):
        bad = sorted({type(n).__name__ for n in ast.walk(ast.parse(expr, mode="eval")) if not isinstance(n, SIMPLE)})
        if bad:
            problems.append(
                f"{page_name}: {{{{ {expr} }}}} uses {bad}: move the computation into "
                f"{chapter_module(page_name).__name__} (docstring formula, doctest)"
            )
    return problems


# --- the pages -------------------------------------------------------------------------------


@pytest.mark.parametrize("page", chapter_pages(), ids=lambda p: p.name)
def test_a_page_calls_only_its_chapter_and_the_shared_part(page: Path) -> None:
    problems = one_hop_problems(page.name, page.read_text(encoding="utf-8"))
    assert not problems, "\n".join(problems)


def test_a_placeholder_calling_another_chapter_is_caught() -> None:
    page = "x = {{ fmt(walk_2d(eta=0.5).factor, 2) }}, J = {{ fmt(tumour_newton().loss, 4) }}\n"
    problems = one_hop_problems("01-optimization.md", page)
    assert len(problems) == 1 and "tumour_newton" in problems[0] and "lossbook.lesson.newton" in problems[0]
    assert not one_hop_problems(
        "11-newton.md", "{{ fmt(tumour_newton().loss, 4) }} {{ sci(1e-9) }} {{ lb.sigmoid(0.0) }}"
    )
    # code blocks are not placeholders
    assert not one_hop_problems("01-optimization.md", "```\n{{ tumour_newton() }}\n```\n")


def test_every_chapter_page_has_its_module() -> None:
    assert {chapter_module(p.name).__name__ for p in chapter_pages()} == {c.__name__ for c in lossbook.lesson.CHAPTERS}


@pytest.mark.parametrize("page", chapter_pages(), ids=lambda p: p.name)
def test_placeholders_are_simple_forms(page: Path) -> None:
    problems = form_problems(page.name, page.read_text(encoding="utf-8"))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "expr",
    [
        '", ".join(fmt(v, 1) for v in sign_descent_overshoot().xs)',
        "fmt((lambda f: f(f(0.0)))(lambda t: t + 1), 4)",
        '"%.2e" % lb.sigmoid(-40.0)',
        "fmt(1.0 if lb.sigmoid(0.0) > 0.4 else 0.0, 1)",
        'f"{lb.sigmoid(0.0):.2f}"',
        "petal_sigmoid_table(*PETAL_LINES[0]).markdown(lang)",
        "sum(e.source == 'slides' for e in ERRATA)",
    ],
)
def test_a_computing_placeholder_is_caught(expr: str) -> None:
    assert form_problems("06-sigmoid.md", "{{ " + expr + " }}")
    assert not form_problems("06-sigmoid.md", "{{ fmt(petal_for_probability(0.9).x, 3) }} {{ sci(-2 * 1e-9) }}")


# --- the given data, once --------------------------------------------------------------------


def _decimals(source: str) -> dict[float, list[int]]:
    """Float literals that are data (not whole numbers, not 1/2), by absolute value -> lines."""
    found: dict[float, list[int]] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and type(node.value) is float:
            v = abs(node.value)
            if not v.is_integer() and v != 0.5:
                found.setdefault(v, []).append(node.lineno)
    return found


def retyped_given(given_source: str, modules: dict[str, str]) -> list[str]:
    given = _decimals(given_source)
    return [
        f"{name}:{line}: {v!r} is a datum of _given.py; import it from there"
        for name, source in modules.items()
        for v, lines in _decimals(source).items()
        if v in given
        for line in lines
    ]


def _lesson_sources() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(LESSON.glob("*.py")) if p.name != "_given.py"}


def test_no_given_datum_is_retyped_in_the_lesson() -> None:
    problems = retyped_given((LESSON / "_given.py").read_text(encoding="utf-8"), _lesson_sources())
    assert not problems, "\n".join(problems)


def test_a_retyped_datum_is_caught() -> None:
    given = (LESSON / "_given.py").read_text(encoding="utf-8")
    planted = {"sigmoid.py": "def f(w: float = 2.331, b: float = -5.156, t: float = 0.5, n: float = 3.0):\n    pass\n"}
    problems = retyped_given(given, planted)
    assert [p.split(": ")[1] for p in problems] == [
        "2.331 is a datum of _given.py; import it from there",
        "5.156 is a datum of _given.py; import it from there",
    ]


def test_the_given_data_are_the_sources() -> None:
    from lossbook.lesson import _given

    assert _given.PETAL_LINES[1] == (2.331, -5.156) and _given.HOUSE_LINES[1] == (1.17, 0.26)
    assert (_given.SGD_X, _given.SGD_Y, _given.SGD_W, _given.SGD_B, _given.SGD_ETA) == (1.4, 0.0, -0.1, 0.1, 0.01)
    assert lossbook.lesson.PETAL_LINES is _given.PETAL_LINES  # the public name keeps working


# --- small modules ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(LESSON.glob("*.py")), ids=lambda p: p.name)
def test_lesson_modules_are_small(path: Path) -> None:
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n <= MAX_LINES, f"{path.name} has {n} lines; split it (one concept per module)"
