"""The site half of the build (bookbuild.site): anchors, KaTeX, sections, the Markdown
extension, the per-language configuration, the merge, the search folding — and a tiny
two-language site built end to end with MkDocs, strict."""

from __future__ import annotations

import json
from pathlib import Path

import markdown
import pytest

from bookbuild.site import config as site_config
from bookbuild.site import katex, mdext, merge, search, sections, slugs
from bookbuild.site.build import BuildError, build_site
from bookbuild.site.serve import changed_languages

# --- anchors ---------------------------------------------------------------------------------


def test_fold_strips_vietnamese_diacritics_and_d_bar() -> None:
    assert slugs.fold("Hàm mất mát, entropy chéo") == "Ham mat mat, entropy cheo"
    assert slugs.fold("Đạo hàm đường chéo") == "Dao ham duong cheo"
    assert slugs.fold("Ngưỡng quyết định ŷ") == "Nguong quyet dinh y"
    assert slugs.fold("plain ASCII") == "plain ASCII"
    with pytest.raises(TypeError, match="text must be a str"):
        slugs.fold(None)


def test_vietnamese_headings_get_ascii_folded_anchors() -> None:
    assert slugs.slugify("Bước học phải đủ nhỏ", "-") == "buoc-hoc-phai-du-nho"  # not "buoc-hoc-phai-u-nho"
    assert slugs.slugify("Đạo hàm: gọn đến bất ngờ", "-") == "dao-ham-gon-den-bat-ngo"


def test_the_root_config_names_the_slugify_for_every_build() -> None:
    toc = next(e["toc"] for e in site_config.load()["markdown_extensions"] if isinstance(e, dict) and "toc" in e)
    assert toc["slugify"] == "bookbuild.site.slugs.slugify" and isinstance(toc["slugify"], site_config.PyName)
    html = markdown.markdown(
        "## Dữ liệu tách được", extensions=["toc"], extension_configs={"toc": {"slugify": slugs.slugify}}
    )
    assert 'id="du-lieu-tach-duoc"' in html


# --- KaTeX, sections, the extension ----------------------------------------------------------


def test_katex_renders_html_and_mathml_and_names_a_formula_it_cannot_parse() -> None:
    out = katex.render(r"\sigma(z) < 1", display=True)
    assert 'class="katex-display"' in out and "<math" in out and "<mo>&lt;</mo>" in out
    with pytest.raises(katex.KatexError, match=r"\\frac\{1"):
        katex.render(r"\frac{1")
    with pytest.raises(TypeError, match="tex must be a str"):
        katex.render(3)


def test_a_standin_holds_the_formulas_text_until_restored(tmp_path) -> None:
    stand = katex.standin("x^2 + y")
    assert "katex" not in stand.replace("lb-katex", "") and "x2+y" in stand
    page = tmp_path / "p" / "index.html"
    page.parent.mkdir()
    page.write_text(f"<head></head><p>{stand}</p>", encoding="utf-8")
    assert katex.restore_site(tmp_path) == [page]
    assert page.read_text(encoding="utf-8") == f"<head></head><p>{katex.render('x^2 + y')}</p>"
    assert katex.restore_site(tmp_path) == []  # nothing left to restore
    with pytest.raises(KeyError, match="0123456789abcdef"):
        katex.restore("<!--lb-katex:0123456789abcdef-->x<!--/lb-katex-->")


def test_sections_wrap_top_level_h2_bodies_only() -> None:
    html = (
        '<h1>T</h1><p>a</p><h2 id="x">X</h2><p>b</p><div class="admonition"><h2>in</h2></div><h2 id="y">Y</h2><p>c</p>'
    )
    out = sections.sectioned(html)
    assert out.count('<section class="lb-section">') == 2
    assert (
        '<h2 id="x">X</h2><section class="lb-section"><p>b</p><div class="admonition"><h2>in</h2></div></section>'
        in out
    )
    assert sections.sectioned("<p>none</p>") == "<p>none</p>"
    with pytest.raises(TypeError, match="html must be a str"):
        sections.sectioned(b"<h2>x</h2>")


def md(text: str, **ext) -> str:
    return markdown.markdown(
        text,
        extensions=["pymdownx.arithmatex", "md_in_html", mdext.makeExtension(**ext)],
        extension_configs={"pymdownx.arithmatex": {"generic": True}},
    )


def test_the_extension_renders_inline_and_display_math_and_wraps_sections() -> None:
    out = md("# T\n\nIntro $\\sigma(z)$.\n\n## Part\n\n$$\nx^2 < 1\n$$\n")
    assert "arithmatex" not in out and out.count('class="katex"') == 2
    assert '<div class="lb-math" tabindex="0"><span class="katex-display">' in out
    assert out.count('<section class="lb-section">') == 1 and out.index("<section") > out.index("</h2>")


def test_the_extension_in_standin_mode_leaves_text_for_the_search_index() -> None:
    out = md("$a+b$", standins=True)
    assert "<!--lb-katex:" in out and 'class="katex"' not in out
    assert 'class="katex"' in katex.restore(out)


def test_bad_tex_in_a_page_fails_naming_the_formula() -> None:
    with pytest.raises(katex.KatexError, match=r"KaTeX cannot render '\\\\frac\{1'"):
        md("$\\frac{1$")


# --- the configuration of each language -------------------------------------------------------


def test_each_language_gets_its_nav_url_alternates_and_extension_settings() -> None:
    base = site_config.load()
    vi, en = site_config.site_config(base, "vi"), site_config.site_config(base, "en")
    assert vi["theme"]["language"] == "vi" and en["theme"]["language"] == "en"
    assert en["site_url"] == vi["site_url"] + "en/"
    assert list(vi["nav"][0]) == ["Trang chủ"] and list(en["nav"][0]) == ["Home"]
    assert [a["link"] for a in vi["extra"]["alternate"]] == ["", "en/"]
    assert [a["link"] for a in en["extra"]["alternate"]] == ["../", ""]
    assert en["site_description"].startswith("Why") and vi["site_description"].startswith("Vì sao")
    for conf in (vi, en):
        assert not {"hooks", "watch", "languages"} & set(conf) and conf["strict"] is True
        assert conf["plugins"] == [{"search": {"lang": ["en", "vi"]}}]
        assert {"bookbuild.site.mdext": {"standins": True}} in conf["markdown_extensions"]
        assert Path(conf["theme"]["custom_dir"]) == site_config.OVERRIDES
    zen = site_config.site_config(base, "en", ssg="zensical")
    assert zen["theme"]["variant"] == "classic" and zen["site_dir"] == "zensical-site"
    assert {"bookbuild.site.mdext": {"standins": False}} in zen["markdown_extensions"]


def test_each_language_gets_its_own_colour_toggle_labels_and_interface_strings() -> None:
    base = site_config.load()
    vi, en = site_config.site_config(base, "vi"), site_config.site_config(base, "en")
    labels = {c["theme"]["language"]: [p["toggle"]["name"] for p in c["theme"]["palette"]] for c in (vi, en)}
    assert labels == {
        "vi": ["Chuyển sang chế độ tối", "Chuyển sang chế độ sáng"],
        "en": ["Switch to dark mode", "Switch to light mode"],
    }
    assert [p["scheme"] for p in vi["theme"]["palette"]] == [p["scheme"] for p in en["theme"]["palette"]]
    assert vi["extra"]["theme_strings"]["top"] == "Lên đầu trang"
    toc = [next(e["toc"] for e in c["markdown_extensions"] if isinstance(e, dict) and "toc" in e) for c in (vi, en)]
    assert [t["permalink_title"] for t in toc] == ["Liên kết đến mục này", "Permanent link"]
    assert all(t["slugify"] == "bookbuild.site.slugs.slugify" for t in toc)
    assert en["extra"]["theme_strings"]["lossbook.404.title"] == "Page not found"
    assert "top" not in en["extra"]["theme_strings"]  # English keeps Material's "Back to top"
    # every site string (lossbook.*) exists in every language, else a page would print the key
    own = [{k for k in c["extra"]["theme_strings"] if k.startswith("lossbook.")} for c in (vi, en)]
    assert own[0] == own[1] and own[0]
    broken = dict(base, languages=[dict(base["languages"][0], palette_toggle=["Tối"]), base["languages"][1]])
    with pytest.raises(ValueError, match="palette_toggle"):
        site_config.site_config(broken, "vi")


def test_a_language_or_generator_that_does_not_exist_is_refused() -> None:
    base = site_config.load()
    with pytest.raises(ValueError, match="lang must be one of"):
        site_config.site_config(base, "fr")
    with pytest.raises(ValueError, match="ssg must be one of"):
        site_config.site_config(base, "vi", ssg="hugo")
    with pytest.raises(ValueError, match="no `languages:`"):
        site_config.languages({"nav": []})


def test_the_written_config_keeps_python_name_tags_and_is_rewritten_only_when_it_changes(tmp_path) -> None:
    path = site_config.write_config("en", tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "slugify: !!python/name:bookbuild.site.slugs.slugify" in text
    mtime = path.stat().st_mtime_ns
    assert site_config.write_config("en", tmp_path).stat().st_mtime_ns == mtime
    assert site_config.load(path)["theme"]["language"] == "en"


# --- merge and search ------------------------------------------------------------------------


def test_merge_puts_english_under_en_and_a_rebuild_of_one_language_keeps_the_other(tmp_path) -> None:
    vi, en, site = tmp_path / "vi", tmp_path / "en", tmp_path / "site"
    for folder, text in ((vi, "vi"), (en, "en")):
        (folder / "a").mkdir(parents=True)
        (folder / "index.html").write_text(text)
        (folder / "a" / "index.html").write_text(text + "-a")
    assert sorted(merge.merge({"vi": vi, "en": en}, site, ["vi", "en"])) == [
        "a/index.html",
        "en/a/index.html",
        "en/index.html",
        "index.html",
    ]
    (vi / "a" / "index.html").unlink()
    assert merge.merge({"vi": vi}, site, ["vi", "en"]) == ["a/index.html"]  # stale page removed
    assert (site / "en" / "a" / "index.html").read_text() == "en-a"
    with pytest.raises(ValueError, match="not in locales"):
        merge.merge({"fr": vi}, site, ["vi", "en"])
    (vi / "en").mkdir()
    (vi / "en" / "x.html").write_text("clash")
    with pytest.raises(ValueError, match="place of another language"):
        merge.merge({"vi": vi}, site, ["vi", "en"])


def test_search_entries_get_the_folded_spelling_once(tmp_path) -> None:
    field = "<p>Hàm mất mát và <code>bce_loss</code>: mất mát &amp; hàm</p>"
    assert search.with_folded_words(field) == field + "<span hidden>ham mat va</span>"
    assert search.with_folded_words(search.with_folded_words(field)) == search.with_folded_words(field)
    assert search.with_folded_words("<p>sigmoid <code>x</code></p>") == "<p>sigmoid <code>x</code></p>"
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(
        json.dumps({"config": {}, "docs": [{"location": "", "title": "Trang chủ", "text": "<p>hàm mất mát</p>"}]})
    )
    assert search.fold_index(tmp_path) == 1
    doc = json.loads((tmp_path / "search" / "search_index.json").read_text())["docs"][0]
    assert doc["title"] == "Trang chủ<span hidden>chu</span>" and doc["text"].endswith("<span hidden>ham mat</span>")


def test_serve_rebuilds_only_the_languages_the_prerender_changed() -> None:
    class Result:
        def __init__(self, changed):
            self.changed = changed

    assert changed_languages(Result({"vi/docs/06-sigmoid.md"}), ["vi", "en"]) == ["vi"]
    assert changed_languages(Result(set()), ["vi", "en"]) == []
    assert changed_languages(Result({"en/docs/x.md", "vi/docs/assets/a.svg"}), ["vi", "en"]) == ["vi", "en"]
    assert changed_languages(None, ["vi", "en"]) == ["vi", "en"]


# --- a tiny site, end to end -----------------------------------------------------------------

ROOT_CONFIG = """\
site_name: tiny
site_url: http://127.0.0.1:8000/
nav:
  - Trang chủ: index.md
  - Chương: a.md
theme:
  name: material
  language: vi
extra_css: [assets/katex/katex.min.css]
markdown_extensions:
  - toc:
      permalink: true
      slugify: !!python/name:bookbuild.site.slugs.slugify
  - pymdownx.arithmatex:
      generic: true
  - bookbuild.site.mdext
plugins:
  - search
languages:
  - locale: vi
    name: Tiếng Việt
    fold_search: true
  - locale: en
    name: English
    nav_translations: {Trang chủ: Home, Chương: Chapter}
"""
PAGES = {
    "vi": {
        "index.md": "# Trang chủ\n\nKhông có công thức.\n",
        "a.md": "# Chương\n\n## Đạo hàm\n\nHàm mất mát $\\sigma(z)$.\n",
    },
    "en": {"index.md": "# Home\n\nNo formula.\n", "a.md": "# Chapter\n\n## Derivative\n\nThe loss $\\sigma(z)$.\n"},
}


GLOSSARY = """\
derivative:
  en: derivative
  vi: đạo hàm
  chapter: a.md
  definition: {vi: Giới hạn của tỉ số sai phân., en: The limit of the difference quotient.}
"""


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    root = tmp_path_factory.mktemp("tiny")
    (root / "mkdocs.yml").write_text(ROOT_CONFIG, encoding="utf-8")
    for lang, pages in PAGES.items():
        for name, text in pages.items():
            (root / "out" / lang / "docs").mkdir(parents=True, exist_ok=True)
            (root / "out" / lang / "docs" / name).write_text(text, encoding="utf-8")
    (root / "docs" / "_data").mkdir(parents=True)  # the book's glossary: its terms become search keywords
    (root / "docs" / "a.md").write_text(PAGES["vi"]["a.md"], encoding="utf-8")
    (root / "docs" / "_data" / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    build_site(out=root / "out", site=root / "site", source=root / "mkdocs.yml")
    return root


def test_tiny_site_has_each_language_at_its_root_with_a_switcher_to_the_twin(tiny) -> None:
    vi = (tiny / "site" / "a" / "index.html").read_text(encoding="utf-8")
    en = (tiny / "site" / "en" / "a" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="vi"' in vi and '<html lang="en"' in en
    assert 'href="../en/a/" hreflang="en" lang="en" class="md-select__link"' in vi
    assert 'href="../../a/" hreflang="vi" lang="vi" class="md-select__link"' in en
    assert 'id="dao-ham"' in vi  # the đ-folding slugify
    assert (
        '<link rel="alternate"' not in vi and '<link rel="alternate"' not in en
    )  # Material would reroute the switcher
    assert 'role="dialog" aria-label="Tìm kiếm"' in vi and 'role="dialog" aria-label="Search"' in en


def test_tiny_site_has_katex_restored_its_fonts_preloaded_and_shipped(tiny) -> None:
    page = (tiny / "site" / "en" / "a" / "index.html").read_text(encoding="utf-8")
    home = (tiny / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert page.count('class="katex"') == 1 and "lb-katex" not in page
    head = page[: page.index("</head>")]
    assert head.count('rel="preload"') == 2 and 'href="../assets/katex/fonts/KaTeX_Main-Regular.woff2"' in head
    assert 'rel="preload"' not in home  # no math, no font preload
    for lang_root in (tiny / "site", tiny / "site" / "en"):
        assert (lang_root / "assets" / "katex" / "katex.min.css").is_file()
        assert (lang_root / "assets" / "katex" / "fonts" / "KaTeX_Main-Regular.woff2").is_file()


def test_tiny_site_has_one_search_index_per_language_vietnamese_folded(tiny) -> None:
    vi = json.loads((tiny / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((tiny / "site" / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert all("Home" not in d["title"] for d in vi["docs"]) and all("Trang" not in d["title"] for d in en["docs"])
    assert any(d["text"].endswith("<span hidden>ham mat</span>") for d in vi["docs"])
    assert not any("<span hidden>" in d["text"] for d in en["docs"])
    assert not any('class="katex' in d["text"] for d in vi["docs"] + en["docs"])  # stand-ins were indexed
    assert any("σ(z)" in d["text"] for d in en["docs"])


def test_tiny_site_gives_each_glossary_term_to_its_defining_section_and_ships_the_worker(tiny) -> None:
    for root, lang, section, keywords in (
        (tiny / "site", "vi", "a/#dao-ham", ["đạo hàm", "dao ham", "derivative"]),
        (tiny / "site" / "en", "en", "a/#derivative", ["derivative"]),
    ):
        index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert {d["location"]: d["keywords"] for d in index["docs"] if "keywords" in d} == {section: keywords}, lang
        assert index["config"]["fields"]["keywords"]["boost"] == 1e6
        workers = root / "assets" / "javascripts" / "workers"
        worker = next(workers.glob("lossbook-search.*.min.js"))
        assert worker.name.removeprefix("lossbook-") in {p.name for p in workers.glob("search.*.min.js")}
        assert f'"search": "assets/javascripts/workers/{worker.name}"' in (root / "index.html").read_text("utf-8")


def test_tiny_site_build_fails_on_a_term_its_chapter_never_names(tiny, tmp_path) -> None:
    import shutil

    shutil.copytree(tiny, tmp_path / "tiny")
    glossary = tmp_path / "tiny" / "docs" / "_data" / "glossary.yml"
    glossary.write_text(GLOSSARY.replace("đạo hàm", "độ dốc"), encoding="utf-8")
    with pytest.raises(BuildError, match="vi: glossary term 'derivative': no section of a/ .vi. names 'độ dốc'"):
        build_site(
            ["vi"], out=tmp_path / "tiny" / "out", site=tmp_path / "site", source=tmp_path / "tiny" / "mkdocs.yml"
        )


def test_the_served_404_page_links_to_the_local_server_not_the_public_path(tiny, tmp_path) -> None:
    """Published under /book/, the 404 page links /book/…; served locally at the root, it must
    link /… (MkDocs writes the 404 page's links from site_url, not relative)."""
    import shutil

    from bookbuild.site.build import LanguageBuild

    shutil.copytree(tiny / "out", tmp_path / "out")
    source = tmp_path / "mkdocs.yml"
    source.write_text(ROOT_CONFIG.replace("http://127.0.0.1:8000/", "https://example.org/book/"), encoding="utf-8")
    public = LanguageBuild("vi", tmp_path / "out", strict=False, source=source).build()
    assert 'href="/book/assets/' in (public / "404.html").read_text(encoding="utf-8")
    served = LanguageBuild("vi", tmp_path / "out", strict=False, serve_url="http://127.0.0.1:8000/", source=source)
    page = (served.build() / "404.html").read_text(encoding="utf-8")
    assert 'href="/assets/' in page and "/book/" not in page


def test_tiny_site_build_is_strict_a_broken_link_fails_it(tiny, tmp_path) -> None:
    import shutil

    shutil.copytree(tiny / "out", tmp_path / "out")
    (tmp_path / "out" / "en" / "docs" / "a.md").write_text("# Chapter\n\n[gone](missing.md)\n", encoding="utf-8")
    with pytest.raises(BuildError, match="en: MkDocs build failed"):
        build_site(["en"], out=tmp_path / "out", site=tmp_path / "site", source=tiny / "mkdocs.yml")


def test_serve_builds_dirty_only_when_that_gives_the_full_builds_site(tmp_path) -> None:
    from bookbuild.site.serve import changed_pages, dirty_is_correct

    (tmp_path / "a.md").write_text("# Chương\n\ntext\n", encoding="utf-8")
    titles = {"a.md": "Chương", "index.md": "Trang chủ"}
    assert dirty_is_correct(["a.md"], titles, tmp_path)
    assert not dirty_is_correct(["index.md"], titles, tmp_path)  # Material's search: location prefix
    assert not dirty_is_correct(["b.md"], titles, tmp_path)  # a new page: the navigation changes
    assert not dirty_is_correct(["assets/x.svg"], titles, tmp_path)
    (tmp_path / "a.md").write_text("# Chương mới\n", encoding="utf-8")
    assert not dirty_is_correct(["a.md"], titles, tmp_path)  # other pages' navigation shows the title

    class Result:
        changed = {"vi/docs/a.md", "en/docs/a.md", "vi/mkdocs.yml"}

    assert changed_pages(Result, "vi") == ["a.md"] and changed_pages(object(), "vi") is None


def test_a_dirty_rebuild_keeps_the_other_pages_titles_and_each_languages_search_index(tiny, tmp_path) -> None:
    import os
    import shutil

    from bookbuild.site.build import LanguageBuild

    shutil.copytree(tiny / "out", tmp_path / "out")
    (tmp_path / "out" / "vi" / "docs" / "b.md").write_text("# Phụ lục\n\nxem thêm\n", encoding="utf-8")
    source = tmp_path / "mkdocs.yml"
    source.write_text(ROOT_CONFIG.replace("  - Chương: a.md\n", "  - Chương: a.md\n  - b.md\n"), encoding="utf-8")
    vi = LanguageBuild("vi", tmp_path / "out", strict=False, serve_url="http://127.0.0.1:8000/", source=source)
    en = LanguageBuild("en", tmp_path / "out", strict=False, serve_url="http://127.0.0.1:8000/en/", source=source)
    vi.build(), en.build()
    page = tmp_path / "out" / "vi" / "docs" / "a.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nCâu mới về đạo hàm.\n", encoding="utf-8")
    later = page.stat().st_mtime + 5
    os.utime(page, (later, later))
    site = vi.build(dirty=True)
    html = (site / "a" / "index.html").read_text(encoding="utf-8")
    assert "Phụ lục" in html and "None" not in html  # b.md was not read; its title kept
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert {d["location"].split("#")[0] for d in docs} == {"", "a/", "b/"}  # no English page, none lost
    assert any("Câu mới" in d["text"] for d in docs) and len(docs) == len({d["location"] for d in docs})


def test_tiny_site_build_with_bad_tex_fails_naming_the_language_and_formula(tiny, tmp_path) -> None:
    import shutil

    shutil.copytree(tiny / "out", tmp_path / "out")
    (tmp_path / "out" / "vi" / "docs" / "a.md").write_text("# Chương\n\n$\\frac{1$\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"vi: KaTeX cannot render '\\\\frac\{1'"):
        build_site(["vi"], out=tmp_path / "out", site=tmp_path / "site", source=tiny / "mkdocs.yml")
