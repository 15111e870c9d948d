"""bookbuild.prerender.prerender() end to end, on planted ``docs/`` folders: per-language
pages, errors naming the page, writing only what changed, stale files, caching, and
nothing written into ``docs/``. Figures and the explorer data are stubbed (they have their
own tests); one test runs a real notebook kernel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bookbuild.prerender import PageError, build, figures, notebooks, prerender

SVG = b'<svg xmlns:xlink="x" width="300pt" height="150pt" viewBox="0 0 300 150"></svg>'


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A small docs folder, an output folder and a page cache, all under tmp_path."""
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "_data").mkdir()
    (docs / "notebooks").mkdir()
    (docs / "index.md").write_text(
        "# Trang chủ\n\nσ(0) = {{ fmt(lb.sigmoid(0.0), 2) }}, {{ tr(lang, 'một', 'one') }}\n\n"
        "![a](assets/figures/fig.svg)\n\n![b](assets/figures/fig.svg)\n",
        encoding="utf-8",
    )
    (docs / "index.en.md").write_text("# Home\n\n{{ tr(lang, 'một', 'one') }}\n", encoding="utf-8")
    (docs / "notebooks" / "index.md").write_text("# Sổ tay\n", encoding="utf-8")  # no English twin
    (docs / "assets" / "site.js").write_text("// js\n", encoding="utf-8")
    (docs / "assets" / "figures").mkdir()
    (docs / "assets" / "figures" / "old.vi.svg").write_text("left by an old build", encoding="utf-8")
    (docs / "_data" / "quizzes.yml").write_text("{}\n", encoding="utf-8")
    svgs = {}
    for lang in ("vi", "en"):
        for name in ("fig", "fig.dark"):
            svgs[(name, lang)] = tmp_path / f"{name}.{lang}.svg"
            svgs[(name, lang)].write_bytes(SVG.replace(b"<svg ", f"<svg id='{name}-{lang}' ".encode()))
    monkeypatch.setattr(
        build, "start_drawing", lambda langs: figures.Drawing({k: v for k, v in svgs.items() if k[1] in langs}, [])
    )
    monkeypatch.setattr(build, "explorer_json", lambda: b'{"x":1}')
    monkeypatch.setattr(build, "PAGE_CACHE", tmp_path / "cache")
    monkeypatch.setattr(notebooks, "NOTEBOOK_CACHE", tmp_path / "nbcache")
    build._memo.clear()
    return docs, tmp_path / "out"


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_each_language_gets_its_pages_assets_and_figures(site) -> None:
    docs, out = site
    before = _tree(docs)
    result = prerender(out, docs=docs)
    assert _tree(docs) == before, "the pre-render wrote into docs/"
    vi, en = _tree(out / "vi" / "docs"), _tree(out / "en" / "docs")
    assert (
        sorted(vi)
        == sorted(en)
        == [
            "assets/data/explorer.json",
            "assets/figures/fig.dark.svg",
            "assets/figures/fig.svg",
            "assets/site.js",
            "index.md",
            "notebooks/index.md",
        ]
    )
    assert b"0.50, m\xe1\xbb\x99t" in vi["index.md"] and en["index.md"] == b"# Home\n\none\n"
    assert en["notebooks/index.md"] == b"# S\xe1\xbb\x95 tay\n"  # not translated yet: the Vietnamese page
    assert b"id='fig-vi'" in vi["assets/figures/fig.svg"] and b"id='fig-en'" in en["assets/figures/fig.svg"]
    assert b"id='fig.dark-vi'" in vi["assets/figures/fig.dark.svg"]
    page = vi["index.md"].decode()
    lazy = 'loading="lazy" decoding="async"'
    assert '![a](assets/figures/fig.svg#only-light){ width="400" height="200" } ' in page
    assert f'![a](assets/figures/fig.dark.svg#only-dark){{ width="400" height="200" {lazy} }}' in page
    assert f'![b](assets/figures/fig.svg#only-light){{ width="400" height="200" {lazy} }}' in page
    assert result.langs == ("vi", "en") and "index.md" in result.changed["en"]


def test_a_rerun_writes_nothing_and_an_edit_rewrites_only_its_language(site) -> None:
    docs, out = site
    prerender(out, docs=docs)
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    again = prerender(out, docs=docs)
    assert again.langs == () and again.changed == {"vi": [], "en": []}
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == mtimes
    (docs / "index.en.md").write_text("# Home\n\nedited\n", encoding="utf-8")
    edited = prerender(out, docs=docs)
    assert edited.langs == ("en",) and edited.changed["en"] == ["index.md"]


def test_a_page_removed_from_docs_is_removed_from_the_output_and_other_files_stay(site) -> None:
    docs, out = site
    prerender(out, docs=docs)
    (out / "vi" / "docs" / "assets" / "katex").mkdir(parents=True)
    (out / "vi" / "docs" / "assets" / "katex" / "katex.css").write_text("/* the site step's */")
    (docs / "notebooks" / "index.md").unlink()
    result = prerender(out, docs=docs)
    assert result.removed == {"vi": ["notebooks/index.md"], "en": ["notebooks/index.md"]}
    assert not (out / "vi" / "docs" / "notebooks").exists()  # the emptied folder goes too
    assert (out / "vi" / "docs" / "assets" / "katex" / "katex.css").exists()  # not ours: kept


def test_pages_are_rendered_once_then_come_from_the_cache(site, monkeypatch) -> None:
    docs, out = site
    prerender(out, docs=docs)
    build._memo.clear()  # a new process: only the disk cache is left
    calls = []
    monkeypatch.setattr(build, "substitute", lambda text, lang, uri: calls.append((lang, uri)) or text)
    prerender(out, docs=docs)
    assert calls == []
    (docs / "index.md").write_text("# Trang chủ\n\n{{ fmt(1.0, 1) }}\n", encoding="utf-8")
    prerender(out, docs=docs)
    assert calls == [("vi", "index.md")]  # the English page has its own source: not re-rendered


@pytest.mark.parametrize(
    "line,expected",
    [
        (
            "{{ fmt(sum(v * v for v in [1.0]), 4) }}",
            r"^03-x\.md:3: \{\{ fmt\(sum\(v \* v for v in \[1\.0\]\), 4\) \}\}: uses a generator expression",
        ),
        ('{{ "%.2e" % lb.sigmoid(-40.0) }}', r"^03-x\.md:3: .*'%' formatting of a string"),
        ("{{ (lambda t: t)(1.0) }}", r"^03-x\.md:3: .*uses a lambda"),
        ("{{ no_such_function() }}", r"^03-x\.md:3: \{\{ no_such_function\(\) \}\}: failed: NameError"),
    ],
)
def test_a_planted_bad_page_fails_the_prerender_naming_page_line_and_expression(site, line, expected) -> None:
    docs, out = site
    (docs / "03-x.md").write_text(f"# X\n\n{line}\n", encoding="utf-8")
    with pytest.raises(PageError, match=expected):
        prerender(out, docs=docs)
    assert not (out / "vi" / "docs" / "03-x.md").exists()


def test_a_failing_notebook_fails_the_prerender_and_writes_no_page(site) -> None:
    docs, out = site
    (docs / "notebooks" / "broken.py").write_text(
        '# %% [markdown] lang="en"\n# # Broken\n\n# %%\nraise ValueError("on purpose")\n', encoding="utf-8"
    )
    with pytest.raises(notebooks.NotebookError, match=r"(?s)^notebooks/broken\.py: .*ValueError: on purpose"):
        prerender(out, docs=docs)
    assert not list(out.rglob("broken*")), "no page for a notebook that failed"


def test_the_manifest_lists_what_the_prerender_owns(site) -> None:
    docs, out = site
    prerender(out, langs=("en",), docs=docs)
    assert not (out / "vi").exists()
    owned = json.loads((out / "en" / build.MANIFEST).read_text(encoding="utf-8"))
    assert owned == sorted(_tree(out / "en" / "docs"))


def test_a_page_error_stops_the_figure_workers_at_once(site, monkeypatch) -> None:
    docs, out = site

    class Worker:
        pid, killed = 12345, False

        def kill(self) -> None:
            self.killed = True

        def wait(self) -> int:
            return -9 if self.killed else 0

    worker = Worker()
    monkeypatch.setattr(build, "start_drawing", lambda langs: figures.Drawing({}, [worker]))
    (docs / "03-x.md").write_text("{{ nope }}\n", encoding="utf-8")
    with pytest.raises(PageError, match=r"03-x\.md:1"):
        prerender(out, docs=docs)
    assert worker.killed
