"""The build hooks: KaTeX math, notebook language split, quiz HTML."""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"lbhook_{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


math = load("page_math")
notebooks = load("page_notebooks")
numbers = load("page_numbers")


class _Page:
    url = "x/"

    class file:  # noqa: N801 - the shape MkDocs gives a hook
        src_uri = "x.md"


def test_inline_and_display_math_become_katex_with_mathml() -> None:
    html = '<p>a <span class="arithmatex">\\(\\sigma(z)\\)</span></p><div class="arithmatex">\\[\nx^2 &lt; 1\n\\]</div>'
    content = math.on_page_content(html, _Page, None, None)
    # The search plugin sees the formulas' text only; KaTeX's HTML comes back in the written page.
    assert "katex" not in content.replace("<!--lb-katex:", "").replace("<!--/lb-katex-->", "")
    assert "σ(z)" in content and "x2&lt;1" in content and content.count("<!--lb-katex:") == 2
    out = math.on_post_page(content, _Page, None)
    assert "lb-katex" not in out and out.count('<span class="katex-html" aria-hidden="true">') == 2
    assert "arithmatex" not in out
    assert out.count('class="katex"') == 2 and out.count("<math") == 2
    assert 'display="block"' in out and "lb-math" in out
    assert "<mo>&lt;</mo>" in out  # the escaped "<" reached KaTeX as a real less-than sign


def test_math_katex_cannot_parse_fails_the_build_naming_the_page() -> None:
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match=r"x\.md.*\\frac\{"):
        math.on_page_content('<span class="arithmatex">\\(\\frac{1\\)</span>', _Page, None, None)


def test_notebook_cells_split_by_language() -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Tiêu đề", metadata={"lang": "vi"}),
        nbformat.v4.new_markdown_cell("# Title", metadata={"lang": "en"}),
        nbformat.v4.new_code_cell("print(1)"),
    ]
    vi, en = notebooks.for_language(nb, "vi"), notebooks.for_language(nb, "en")
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
    page = notebooks.to_markdown(nb, "demo", "en", images)
    assert "(demo.ipynb)" in page and "```python\nx\n```" in page and "```text\n[0 1 2]\n```" in page
    assert "![A line from 0 to 1](demo-1-1.png)" in page and list(images) == ["demo-1-1.png"]


def test_a_failing_notebook_cell_fails_the_build() -> None:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("1/0")
    cell.outputs = [nbformat.v4.new_output("error", ename="ZeroDivisionError", evalue="division by zero", traceback=[])]
    nb.cells = [cell]
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        notebooks.to_markdown(nb, "bad", "vi", {})


QUIZ = {
    "q": {
        "answer": 1,
        "vi": {"question": "Câu?", "options": ["A", "B"], "why": ["sai", "đúng"], "explanation": "Vì B."},
        "en": {"question": "Which?", "options": ["A", "B"], "why": ["no", "yes"], "explanation": "Because B."},
    }
}


@pytest.mark.parametrize("lang,check", [("vi", "Kiểm tra"), ("en", "Check")])
def test_quiz_html_works_without_scripts(lang: str, check: str) -> None:
    html = numbers.render_quiz("q", lang, QUIZ)
    assert html.count('type="radio"') == 2 and 'data-answer="1"' in html
    assert "<details" in html and "b)" in html  # the answer is readable with scripts off
    assert f">{check}</button>" in html and "hidden" in html  # the button appears with quiz.js


def test_quiz_with_an_answer_outside_the_options_is_rejected() -> None:
    bad = {"q": {**QUIZ["q"], "answer": 5}}
    with pytest.raises(ValueError, match="answer 5"):
        numbers.render_quiz("q", "en", bad)


i18n = load("page_i18n")


def test_fold_strips_vietnamese_diacritics_and_d_bar() -> None:
    assert i18n.fold("Hàm mất mát, entropy chéo") == "Ham mat mat, entropy cheo"
    assert i18n.fold("Đạo hàm đường chéo") == "Dao ham duong cheo"
    assert i18n.fold("Ngưỡng quyết định ŷ") == "Nguong quyet dinh y"
    assert i18n.fold("plain ASCII") == "plain ASCII"


def test_search_entry_gets_the_folded_spelling_of_accented_words_once_hidden() -> None:
    field = "<p>Hàm mất mát và <code>bce_loss</code>: mất mát &amp; hàm</p>"
    out = i18n.with_folded_words(field)
    assert out.startswith(field)
    hidden = out[len(field):]
    assert hidden == "<span hidden>ham mat va</span>"  # each folded word once, no tags, ASCII words left out
    assert i18n.with_folded_words("<p>sigmoid <code>x</code></p>") == "<p>sigmoid <code>x</code></p>"


def test_split_index_folds_vietnamese_entries_only(tmp_path) -> None:
    import json
    from types import SimpleNamespace

    site = tmp_path
    (site / "search").mkdir()
    (site / "en").mkdir()
    docs = [{"location": "", "title": "Trang chủ", "text": "<p>hàm mất mát</p>"},
            {"location": "en/", "title": "Home", "text": "<p>loss function</p>"}]
    (site / "search" / "search_index.json").write_text(json.dumps({"config": {}, "docs": docs}), encoding="utf-8")
    config = SimpleNamespace(site_dir=str(site), plugins={})
    i18n.on_post_build(config)
    vi = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    en = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert [d["location"] for d in vi] == [""] and [d["location"] for d in en] == [""]
    assert vi[0]["text"].endswith("<span hidden>ham mat</span>") and vi[0]["title"] == "Trang chủ<span hidden>chu</span>"
    assert en[0] == {"location": "", "title": "Home", "text": "<p>loss function</p>"}


def test_lossbook_is_reimported_only_when_a_source_changes() -> None:
    """`mkdocs serve`: an unchanged lossbook keeps its module (and the lesson's cached
    computations) across rebuilds; an edited source file, or data file, is re-imported."""
    saved = {k: v for k, v in sys.modules.items() if k == "lossbook" or k.startswith("lossbook.")}
    try:
        _check_reimports()
    finally:  # the rest of the session keeps the modules its tests imported
        for k in [k for k in sys.modules if k == "lossbook" or k.startswith("lossbook.")]:
            del sys.modules[k]
        sys.modules.update(saved)
        numbers._mtimes.clear()


def _check_reimports() -> None:
    first = numbers._fresh_lossbook()
    assert numbers._fresh_lossbook() is first
    for source in (ROOT / "lossbook" / "lesson.py", ROOT / "lossbook" / "datasets" / "iris.csv"):
        before = numbers._fresh_lossbook()
        st = source.stat()
        try:
            os.utime(source, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
            assert numbers._fresh_lossbook() is not before, f"editing {source.name} did not re-import lossbook"
        finally:
            os.utime(source, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_pages_with_math_preload_katexs_main_fonts_relative_to_the_page() -> None:
    head = "<html><head><title>t</title></head><body>{}</body></html>"
    content = math.on_page_content('<p><span class="arithmatex">\\(z\\)</span></p>', _Page, None, None)
    out = math.on_post_page(head.format(content), _Page, None)
    links = [l for l in out.split("<link")[1:] if 'rel="preload"' in l]
    assert len(links) == 2 and all('href="../assets/katex/fonts/KaTeX_' in l and 'as="font"' in l for l in links)
    assert out.index('rel="preload"') < out.index("</head>")
    assert 'rel="preload"' not in math.on_post_page(head.format("<p>no math</p>"), _Page, None)


figures = load("page_figures")


def test_figures_get_their_size_and_all_but_the_first_load_lazily(tmp_path) -> None:
    from types import SimpleNamespace

    folder = tmp_path / "assets" / "figures"
    folder.mkdir(parents=True)
    for name in ("a", "b"):
        (folder / f"{name}.en.svg").write_text('<?xml version="1.0"?>\n<svg xmlns:xlink="x" width="300pt" height="150pt" '
                                               'viewBox="0 0 300 150">', encoding="utf-8")
    page = SimpleNamespace(file=SimpleNamespace(locale="en"))
    html = ('<p><img alt="first" src="../assets/figures/a.svg" /></p>'
            '<p><img alt="second" src="../assets/figures/b.svg" /></p><p><img alt="photo" src="x.png" /></p>')
    out = figures.on_page_content(html, page, SimpleNamespace(docs_dir=str(tmp_path)), None)
    first, second, other = out.split("<img")[1:]
    assert 'width="400" height="200"' in first and "loading" not in first
    assert 'width="400" height="200"' in second and 'loading="lazy"' in second and second.lstrip().startswith('alt="second"')
    assert "width" not in other and "loading" not in other  # not a lossbook figure: left alone


def test_a_failing_notebook_fails_the_build_though_it_ran_in_the_background(tmp_path) -> None:
    from types import SimpleNamespace

    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "broken.py").write_text(
        '# %% [markdown] lang="en"\n# # Broken\n\n# %%\nraise ValueError("on purpose")\n', encoding="utf-8")
    config = SimpleNamespace(docs_dir=str(tmp_path))
    notebooks.on_config(config)
    with pytest.raises(Exception, match="on purpose"):
        notebooks.on_pre_build(config)
    assert not list((tmp_path / "notebooks").glob("broken*.md")), "no page for a notebook that failed"


def test_vietnamese_headings_get_ascii_folded_anchors() -> None:
    from types import SimpleNamespace

    config = SimpleNamespace(mdx_configs={"toc": {"permalink": True}})
    i18n.on_config(config)
    slug = config.mdx_configs["toc"]["slugify"]
    assert config.mdx_configs["toc"]["permalink"] is True
    assert slug("Bước học phải đủ nhỏ", "-") == "buoc-hoc-phai-du-nho"  # not "buoc-hoc-phai-u-nho"
    assert slug("Đạo hàm: gọn đến bất ngờ", "-") == "dao-ham-gon-den-bat-ngo"
