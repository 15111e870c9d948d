"""bookbuild.prerender's parts: the expression allow-list, the placeholder engine, quizzes,
the explorer mount, figure sizes, notebooks (ported from tests/test_hooks.py, now
imported as a normal package)."""

from __future__ import annotations

import os
import sys

import nbformat
import pytest

from bookbuild.prerender import (
    PLACEHOLDER,
    ExpressionError,
    PageError,
    _common,
    check_expression,
    for_language,
    namespace,
    render_explorer,
    render_quiz,
    sized_figures,
    substitute,
    svg_size,
    to_markdown,
)

# --- the allow-list --------------------------------------------------------------------

ALLOWED = [
    "fmt(house_gd_fit(eta=0.1).w[-1], 4)",
    "petal_sigmoid_table(1.0, -2.0).markdown(lang)",
    "quiz('slides-q1-steps-order')",
    "fmt(2.331 * 3.0 - 5.156, 3)",
    "fmt(-lb.sigmoid(0.0) ** 2 // 1 % 3 + 1 / 4, 2)",
    "np.array([1.0, -1.4])[0:1]",
    "tr(lang, 'một', 'one')",
    "(1, 2)[0]",
    "x % 3",  # arithmetic modulo on a number is fine
]

REJECTED = {
    "sum(v * v for v in xs)": "generator expression",
    "[v for v in xs]": "comprehension",
    "{k: 1 for k in xs}": "comprehension",
    "(lambda t: t)(1)": "lambda",
    "a if b else c": "conditional expression",
    "f'{x}'": "f-string",
    "(y := 3)": r"assignment expression \(:=\)",
    "f(*args)": r"\*argument unpacking",
    "f(**kw)": r"\*\*keyword unpacking",
    "a == b": "comparison",
    "a and b": "boolean operator",
    '"%.2e" % x': "'%' formatting of a string",
    "a @ b": "the operator MatMult",
    "a << 1": "the operator LShift",
    "~a": "the operator Invert",
    "not a": "the operator Not",
    "x.__class__": "private attribute '__class__'",
    "_secret()": "private name '_secret'",
    "__import__('os')": "private name '__import__'",
    "{'a': 1}": "dict literal",
    "{1, 2}": "set literal",
    "fmt(": "not a Python expression",
}


@pytest.mark.parametrize("expr", ALLOWED)
def test_the_allow_list_accepts_names_calls_indexing_arithmetic_literals(expr: str) -> None:
    check_expression(expr, "p.md:1")


@pytest.mark.parametrize("expr,why", REJECTED.items(), ids=list(REJECTED))
def test_the_allow_list_rejects_everything_else_naming_where_and_what(expr: str, why: str) -> None:
    with pytest.raises(ExpressionError, match=rf"^03-x\.md:7: .*{why}") as info:
        check_expression(expr, "03-x.md:7")
    assert info.value.expression == expr and info.value.where == "03-x.md:7"


# --- the placeholder engine --------------------------------------------------------------


def test_a_page_number_follows_lossbook(monkeypatch) -> None:
    import lossbook

    page = "σ(2) = {{ fmt(lb.sigmoid(2.0), 4) }}"
    assert substitute(page, "vi") == "σ(2) = 0.8808"
    monkeypatch.setattr(lossbook, "sigmoid", lambda z: 0.5)
    assert substitute(page, "vi") == "σ(2) = 0.5000"


def test_a_broken_expression_fails_naming_the_page_the_line_and_the_expression() -> None:
    with pytest.raises(PageError, match=r"^03-x\.md:3: \{\{ no_such_function\(\) \}\}: failed: NameError") as info:
        substitute("# T\n\n{{ no_such_function() }}\n", "vi", "03-x.md")
    assert (info.value.page, info.value.line, info.value.expression) == ("03-x.md", 3, "no_such_function()")


def test_a_forbidden_expression_is_rejected_before_it_runs(monkeypatch) -> None:
    import lossbook

    calls = []
    monkeypatch.setattr(lossbook, "sigmoid", lambda z: calls.append(z) or 0.5, raising=True)
    page = "ok {{ fmt(1.0, 1) }}\n```\n{{ [v for v in x] }}\n```\nbad {{ fmt(sum(lb.sigmoid(v) for v in [1.0]), 4) }}\n"
    with pytest.raises(PageError, match=r"^p\.md:5: .*generator expression.*lesson function"):
        substitute(page, "en", "p.md")
    assert calls == []  # checked first, never evaluated


def test_placeholders_in_code_blocks_are_left_alone() -> None:
    page = "```python\nprint('{{ 1 + 1 }}')\n```\n~~~\n```\n{{ 2 }}\n~~~\n{{ 1 + 1 }}\n"
    assert substitute(page, "en") == "```python\nprint('{{ 1 + 1 }}')\n```\n~~~\n```\n{{ 2 }}\n~~~\n2\n"


def test_only_harmless_builtins_are_in_reach() -> None:
    assert substitute("{{ max(1, 2) }} {{ len('ab') }} {{ round(2.5) }}", "en") == "2 2 2"
    for expr in ("open('/etc/passwd')", "eval('1')", "getattr(lb, 'sigmoid')", "globals()"):
        with pytest.raises(PageError, match="NameError"):
            substitute(f"{{{{ {expr} }}}}", "en", "p.md")


def test_namespace_is_explicit() -> None:
    import math

    import numpy as np

    import lossbook.text as text

    ns = namespace("vi")
    assert ns["np"] is np and ns["math"] is math and ns["lang"] == "vi"
    assert ns["fmt"] is text.fmt and ns["sci"] is text.sci and ns["given"] is text.given and ns["tr"] is text.tr
    assert "house_gd_fit" in ns and "ERRATUM" in ns
    assert "dataclass" not in ns and "Sequence" not in ns  # lesson's own imports do not leak
    assert "open" not in ns["__builtins__"] and "__import__" not in ns["__builtins__"]
    with pytest.raises(ValueError, match="lang"):
        namespace("fr")


def test_the_page_language_is_bound_and_numbers_print_without_negative_zero() -> None:
    assert substitute("{{ tr(lang, 'một', 'one') }} {{ fmt(-1e-12, 4) }}", "vi") == "một 0.0000"
    assert substitute("{{ tr(lang, 'một', 'one') }} {{ fmt(-0.10684, 4) }}", "en") == "one −0.1068"


def test_placeholder_pattern_finds_each_expression() -> None:
    assert [m["expr"] for m in PLACEHOLDER.finditer("a {{ x }} b {{y(1)}}")] == ["x", "y(1)"]


def test_lossbook_is_reimported_only_when_a_source_changes(tmp_path, monkeypatch) -> None:
    """`serve`: an unchanged lossbook keeps its module (and the lesson's cached
    computations) across rebuilds; an edited source file, or data file, is re-imported.
    The edits go to a copy of lossbook's sources, which the digest is pointed at."""
    import shutil

    copy = tmp_path / "lossbook"
    shutil.copytree(_common.LOSSBOOK, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(_common, "LOSSBOOK", copy)
    saved = {k: v for k, v in sys.modules.items() if k == "lossbook" or k.startswith("lossbook.")}
    _common._imported.clear()
    try:
        first = _common.fresh_lossbook()
        assert _common.fresh_lossbook() is first
        for source in (copy / "text.py", copy / "datasets" / "iris.csv"):
            before = _common.fresh_lossbook()
            source.write_bytes(source.read_bytes() + b"\n")
            assert _common.fresh_lossbook() is not before, f"editing {source.name} did not re-import lossbook"
            assert _common.fresh_lossbook() is _common.fresh_lossbook()
    finally:  # the rest of the session keeps the modules its tests imported
        for k in [k for k in sys.modules if k == "lossbook" or k.startswith("lossbook.")]:
            del sys.modules[k]
        sys.modules.update(saved)
        _common._imported.clear()


# --- quizzes and the explorer ------------------------------------------------------------

QUIZ = {
    "q": {
        "answer": 1,
        "vi": {"question": "Câu?", "options": ["A", "B"], "why": ["sai", "đúng"], "explanation": "Vì B."},
        "en": {"question": "Which $x<1$?", "options": ["A", "B"], "why": ["no", "yes"], "explanation": "Because B."},
    }
}


@pytest.mark.parametrize("lang,check", [("vi", "Kiểm tra"), ("en", "Check")])
def test_quiz_html_works_without_scripts(lang: str, check: str) -> None:
    html = render_quiz("q", lang, QUIZ)
    assert html.count('type="radio"') == 2 and 'data-answer="1"' in html
    assert "<details" in html and "b)" in html  # the answer is readable with scripts off
    assert f">{check}</button>" in html and "hidden" in html  # the button appears with quiz.js
    assert "\n\n" not in html  # no blank line: Markdown keeps the block as raw HTML


def test_quiz_math_is_left_for_the_site_as_an_arithmatex_span() -> None:
    assert '<span class="arithmatex">\\(x&lt;1\\)</span>' in render_quiz("q", "en", QUIZ)


def test_quiz_with_an_answer_outside_the_options_or_an_unknown_id_is_rejected() -> None:
    with pytest.raises(ValueError, match="answer 5"):
        render_quiz("q", "en", {"q": {**QUIZ["q"], "answer": 5}})
    with pytest.raises(KeyError, match="nope"):
        render_quiz("nope", "en", QUIZ)


def test_a_page_quiz_renders_from_the_quizzes_file() -> None:
    out = substitute('{{ quiz("slides-q1-steps-order") }}', "en", "quizzes.md")
    assert out.startswith('<div class="lb-quiz" id="quiz-slides-q1-steps-order"')


def test_the_explorer_mount_speaks_the_page_language() -> None:
    assert 'data-lang="vi"' in substitute("{{ explorer() }}", "vi") and "JavaScript" in render_explorer("en")
    with pytest.raises(ValueError, match="lang"):
        render_explorer("fr")


# --- figures -----------------------------------------------------------------------------

SVG = '<?xml version="1.0"?>\n<svg xmlns:xlink="x" width="300pt" height="150pt" viewBox="0 0 300 150">'


def test_figures_get_their_size_and_all_but_the_first_load_lazily() -> None:
    page = (
        "![first](../assets/figures/a.svg)\n\n![second [with] brackets](assets/figures/b.svg)\n\n"
        "![photo](x.png)\n\n![unknown](assets/figures/zz.svg)\n"
    )
    sizes = {"a": svg_size(SVG), "b": svg_size(SVG.encode())}
    out = sized_figures(page, sizes.get, dark=False).rstrip("\n").split("\n\n")
    assert out[0] == '![first](../assets/figures/a.svg){ width="400" height="200" }'
    assert (
        out[1]
        == '![second [with] brackets](assets/figures/b.svg){ width="400" height="200" loading="lazy" decoding="async" }'
    )
    assert out[2] == "![photo](x.png)"  # not a lossbook figure: left alone
    assert out[3] == '![unknown](assets/figures/zz.svg){ loading="lazy" decoding="async" }'
    assert svg_size("<svg>") is None


def test_each_figure_has_a_light_and_a_dark_image_with_the_same_alt_text() -> None:
    page = "![first, [with] brackets](../assets/figures/a.svg)\n\n![second](assets/figures/b.svg)\n\n![photo](x.png)\n"
    sizes = {"a": (400, 200), "a.dark": (401, 201), "b": (300, 100), "b.dark": (300, 100)}
    out = sized_figures(page, sizes.get).rstrip("\n").split("\n\n")
    assert out[0] == (
        '![first, [with] brackets](../assets/figures/a.svg#only-light){ width="400" height="200" } '
        '![first, [with] brackets](../assets/figures/a.dark.svg#only-dark){ width="401" height="201" '
        'loading="lazy" decoding="async" }'
    )  # the first figure: light eager (as before), dark lazy (never fetched in the light scheme)
    assert out[1] == (
        '![second](assets/figures/b.svg#only-light){ width="300" height="100" loading="lazy" decoding="async" } '
        '![second](assets/figures/b.dark.svg#only-dark){ width="300" height="100" loading="lazy" decoding="async" }'
    )
    assert out[2] == "![photo](x.png)"
    written = sized_figures("![c](assets/figures/c.svg){ #fig-c .wide }", lambda name: None)
    assert written == (
        "![c](assets/figures/c.svg#only-light){ #fig-c .wide } "
        '![c](assets/figures/c.dark.svg#only-dark){ .wide loading="lazy" decoding="async" }'
    )


def test_both_themes_of_every_figure_are_drawn(monkeypatch, tmp_path) -> None:
    from bookbuild.prerender import figures

    started = []
    monkeypatch.setattr(figures, "FIGURE_CACHE", tmp_path)
    monkeypatch.setattr(figures, "figure_names", lambda key: ["a", "b"])
    monkeypatch.setattr(figures.subprocess, "Popen", lambda cmd, cwd: started.append(cmd) or _Done())
    drawing = figures.start_drawing(("vi", "en"), workers=1)
    assert sorted(drawing.wanted) == [(n, lang) for n in ("a", "a.dark", "b", "b.dark") for lang in ("en", "vi")]
    jobs = sorted(job.split(":", 1)[1] for job in started[0][3:])
    assert jobs == sorted(f"{n}:{lang}" for n in ("a", "a.dark", "b", "b.dark") for lang in ("vi", "en"))


def test_the_figure_worker_count_follows_the_machine(monkeypatch, tmp_path) -> None:
    from bookbuild.prerender import figures

    started = []
    monkeypatch.setattr(figures, "FIGURE_CACHE", tmp_path)
    monkeypatch.setattr(figures, "figure_names", lambda key: ["a", "b", "c", "d", "e"])
    monkeypatch.setattr(figures.subprocess, "Popen", lambda cmd, cwd: started.append(cmd) or _Done())
    monkeypatch.setattr(os, "cpu_count", lambda: 3)
    figures.start_drawing(("vi", "en"))
    assert len(started) == 3 and sum(len(cmd) - 3 for cmd in started) == 20  # 5 figures x 2 languages x 2 themes
    assert all(cmd[1:3] == ["-m", "bookbuild.prerender.draw"] for cmd in started)


class _Done:
    def wait(self) -> int:
        return 0


# --- notebooks (from tests/test_hooks.py) ------------------------------------------------


def test_notebook_cells_split_by_language() -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Tiêu đề", metadata={"lang": "vi"}),
        nbformat.v4.new_markdown_cell("# Title", metadata={"lang": "en"}),
        nbformat.v4.new_code_cell("print(1)"),
    ]
    vi, en = for_language(nb, "vi"), for_language(nb, "en")
    assert [c.source for c in vi.cells] == ["# Tiêu đề", "print(1)"]
    assert [c.source for c in en.cells] == ["# Title", "print(1)"]
    assert "lang" not in vi.cells[0].metadata


def test_notebook_page_has_download_code_output_and_alt_text() -> None:
    nb = nbformat.v4.new_notebook()
    code = nbformat.v4.new_code_cell("x", metadata={"alt_en": "A line from 0 to 1"})
    code.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="[0 1 2]\n"),
        nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"}),
    ]
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"), code]
    images: dict[str, bytes] = {}
    page = to_markdown(nb, "demo", "en", images)
    assert "(demo.ipynb)" in page and "```python\nx\n```" in page and "```text\n[0 1 2]\n```" in page
    assert "![A line from 0 to 1](demo-1-1.png)" in page and list(images) == ["demo-1-1.png"]


def test_a_failing_notebook_cell_fails_the_build() -> None:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("1/0")
    cell.outputs = [nbformat.v4.new_output("error", ename="ZeroDivisionError", evalue="division by zero", traceback=[])]
    nb.cells = [cell]
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        to_markdown(nb, "bad", "vi", {})


# --- plumbing ----------------------------------------------------------------------------


def test_digest_sees_renames_and_edits_not_order(tmp_path) -> None:
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("x = 1")
    b.write_text("y = 2")
    key = _common.digest([a, b], root=tmp_path)
    assert _common.digest([b, a], root=tmp_path) == key
    a.write_text("x = 2")
    assert _common.digest([a, b], root=tmp_path) != key
    a.rename(tmp_path / "c.py")
    a.write_text("x = 1")
    assert _common.digest([tmp_path / "c.py", b], root=tmp_path) != _common.digest([a, b], root=tmp_path)


def test_the_figure_key_ignores_the_errata_but_not_the_math() -> None:
    skipped = {p.relative_to(_common.LOSSBOOK).as_posix() for p in _common.lossbook_sources()} - {
        p.relative_to(_common.LOSSBOOK).as_posix() for p in _common.lossbook_sources(skip=("errata",))
    }
    assert skipped and all(s.startswith("errata") for s in skipped)


def test_the_prerender_imports_no_site_generator() -> None:
    import subprocess

    code = (
        "import sys, bookbuild.prerender, bookbuild.prerender.build, bookbuild.prerender.draw;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material', 'zensical', 'markdown')];"
        "print(bad); sys.exit(bool(bad))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=_common.ROOT)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("module", ["_common", "expressions", "quizzes", "explorer", "figures", "placeholders"])
def test_docstring_examples_run(module: str) -> None:
    """bookbuild/ is not in pytest's testpaths (yet): its doctests run here."""
    import doctest
    import importlib

    mod = importlib.import_module(f"bookbuild.prerender.{module}")
    result = doctest.testmod(mod, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


def test_a_figure_that_fails_to_draw_is_named(monkeypatch, tmp_path) -> None:
    from bookbuild.prerender import figures

    drawn = tmp_path / "ok.vi.svg"
    drawn.write_text(SVG)
    drawing = figures.Drawing({("ok", "vi"): drawn, ("broken", "en"): tmp_path / "broken.en.svg"}, [_Done()])
    with pytest.raises(figures.FigureError, match=r"figure\(s\) broken \(en\)"):
        drawing.wait()
