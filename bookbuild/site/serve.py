"""``python -m bookbuild serve``: the site on http://127.0.0.1:8000/ rebuilt on save, with live reload.

MkDocs' ``LiveReloadServer`` serves ``site/`` and calls :class:`Rebuild` when a watched path
changes (``docs/``, ``lossbook/``, ``bookbuild/``, ``overrides/``, ``mkdocs.yml``):

* the pre-render runs again; only the languages whose pre-rendered files changed are built
  again (a Vietnamese page → the Vietnamese site only), in this process (KaTeX's renderer
  and its memo stay warm, so does the pre-render's lossbook);
* ``mkdocs.yml`` or ``overrides/`` changed → every language;
* ``bookbuild/`` changed → the server restarts itself (the build code is re-imported whole).

Each language keeps its MkDocs configuration (and plugins' state) across rebuilds. When only
existing pages' text changed (not their title, not an ``index.md``, no asset), the build is
*dirty*: MkDocs renders only those pages (:func:`dirty_is_correct`); the search plugin keeps
the other pages' entries and :class:`~bookbuild.site.build._KeepTitles` their titles, so the
site reads as after a full build. Anything else is a full build of that language.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from . import ROOT
from .build import SITE, LanguageBuild, locales
from .config import OUT
from .merge import merge

WATCHED = ("docs", "lossbook", "bookbuild", "overrides", "mkdocs.yml")
log = logging.getLogger("bookbuild")


def changed_languages(result, langs: list[str]) -> list[str]:
    """The languages whose pre-rendered output changed, from the pre-render's ``Result``:
    its ``langs`` (locales), or its ``changed`` paths relative to the output folder
    (``"<lang>/docs/…"``). A result that says neither means every language."""
    if result is None:
        return list(langs)
    named = getattr(result, "langs", None)
    if named is not None:
        return [l for l in langs if l in set(named)]
    changed = getattr(result, "changed", None)
    if changed is None:
        return list(langs)
    first = {Path(p).parts[0] for p in changed if Path(p).parts}
    return [l for l in langs if l in first]


def changed_pages(result, lang: str) -> list[str] | None:
    """The paths under ``<lang>/docs/`` the pre-render changed (relative to that folder), or
    None when its ``Result`` does not list paths (then the language is built in full).

    >>> class R: changed = {"vi/docs/06-sigmoid.md", "en/docs/x.md", "vi/mkdocs.yml"}
    >>> changed_pages(R, "vi")
    ['06-sigmoid.md']
    """
    changed = getattr(result, "changed", None)
    if changed is None:
        return None
    prefix = (lang, "docs")
    return sorted(Path(*Path(p).parts[2:]).as_posix() for p in changed if Path(p).parts[:2] == prefix)


def _snapshot(paths) -> dict[str, int]:
    found = {}
    for top in paths:
        top = ROOT / top
        files = [top] if top.is_file() else [p for p in top.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        found.update({str(p): p.stat().st_mtime_ns for p in files})
    return found


def page_title(path: Path) -> str | None:
    """The ``# `` heading of a pre-rendered page (what MkDocs names it in the navigation)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), None)


def dirty_is_correct(changed: list[str], titles: dict[str, str | None], docs: Path) -> bool:
    """Whether a dirty MkDocs build (only the changed pages rendered) gives the same site as
    a full one: only existing pages' Markdown changed (no asset, no page added or removed),
    none is an ``index.md`` (Material's search keeps a dirty page's entries by location
    prefix, and an index's location is the prefix of its folder's pages), and no page's
    title changed (other pages' navigation shows it). ``changed``: paths relative to ``docs``;
    ``titles``: the pages' titles at the last build (updated here).

    >>> dirty_is_correct(["assets/a.svg"], {}, Path("."))
    False
    """
    if not changed:
        return True
    for rel in changed:
        if not rel.endswith(".md") or rel not in titles or Path(rel).name == "index.md":
            return False
        if page_title(docs / rel) != titles[rel]:
            return False
    return True


class Rebuild:
    """The builder the server calls after a change; ``prerender()`` returns the ``Result``."""

    def __init__(self, prerender: Callable[[], object], serve_url: str) -> None:
        self.prerender, self.serve_url = prerender, serve_url
        self.langs = locales()
        self.config = _snapshot(("mkdocs.yml", "overrides"))
        self.code = _snapshot(("bookbuild",))
        self.builds: dict[str, LanguageBuild] = {}
        self.titles: dict[str, dict[str, str | None]] = {}

    def _url(self, lang: str) -> str:
        return self.serve_url.rstrip("/") + "/" + ("" if lang == self.langs[0] else f"{lang}/")

    def _build(self, lang: str, changed: list[str] | None) -> None:
        """Build ``lang``: dirty when only ``changed`` pages need it, else in full (with a
        fresh configuration when ``changed`` is None: the first build, or a config change)."""
        docs = OUT / lang / "docs"
        if changed is None or lang not in self.builds:
            self.builds[lang] = LanguageBuild(lang, OUT, strict=False, serve_url=self._url(lang))
        dirty = changed is not None and dirty_is_correct(changed, self.titles.get(lang, {}), docs)
        start = time.perf_counter()
        site = self.builds[lang].build(dirty=dirty)
        merge({lang: site}, SITE, self.langs)
        self.titles[lang] = {p.relative_to(docs).as_posix(): page_title(p) for p in docs.rglob("*.md")}
        log.info(f"{lang}: {'dirty' if dirty else 'full'} build in {time.perf_counter() - start:.2f} s")

    def first(self) -> None:
        self.prerender()
        for lang in self.langs:
            self._build(lang, None)

    def __call__(self) -> None:
        start = time.perf_counter()
        code = _snapshot(("bookbuild",))
        if code != self.code:
            log.info("bookbuild/ changed: restarting the server")
            os.execv(sys.executable, [sys.executable, "-m", "bookbuild", *sys.argv[1:]])
        result = self.prerender()
        prerendered = time.perf_counter()
        config = _snapshot(("mkdocs.yml", "overrides"))
        fresh = config != self.config
        self.config = config
        langs = self.langs if fresh else changed_languages(result, self.langs)
        for lang in langs:
            pages = None if fresh else changed_pages(result, lang)
            self._build(lang, pages)
        end = time.perf_counter()
        log.info(
            f"rebuilt {', '.join(langs) or 'nothing'} in {end - start:.2f} s "
            f"(pre-render {prerendered - start:.2f} s, site {end - prerendered:.2f} s)"
        )


def serve(prerender: Callable[[], object], host: str = "127.0.0.1", port: int = 8000) -> None:
    """Build once, then serve ``site/`` and rebuild on every change until Ctrl+C."""
    from mkdocs.livereload import LiveReloadServer

    url = f"http://{host}:{port}/"
    rebuild = Rebuild(prerender, url)
    rebuild.first()
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(SITE))
    server.error_handler = lambda code: (
        (SITE / "404.html").read_bytes() if code == 404 and (SITE / "404.html").is_file() else None
    )
    for path in WATCHED:
        server.watch(str(ROOT / path))
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
