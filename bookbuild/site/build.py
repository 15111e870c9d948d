"""The site from the pre-rendered pages: one strict MkDocs build per language, in this process.

For each language: write ``build/prerender/<lang>/mkdocs.yml`` (:mod:`.config`), build it into
``build/prerender/<lang>/site/`` with MkDocs (any warning fails: strict), put KaTeX's HTML back
where the search stand-ins are (:func:`.katex.restore_site`), ship KaTeX's CSS and fonts, fold the
Vietnamese search index (:mod:`.search`); then merge the languages into ``site/`` (:mod:`.merge`).
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from . import ROOT, katex
from .config import OUT, SOURCE, languages, load, write_config
from .merge import merge, ship
from .search import fold_index

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life notice
SITE = ROOT / "site"
log = logging.getLogger("bookbuild")


class BuildError(RuntimeError):
    """A language's MkDocs build failed (the message says which language and why)."""


def setup_logging(verbose: bool = False) -> None:
    """MkDocs' and our messages on stderr, as the ``mkdocs`` command shows them."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    for name in ("mkdocs", "bookbuild"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(handler)
        logger.setLevel(logging.DEBUG if verbose else logging.INFO if name == "bookbuild" else logging.WARNING)
        logger.propagate = False
    logging.getLogger("mkdocs.livereload").setLevel(logging.INFO)  # "Serving on …", "Reloading browsers"


def locales(source: Path = SOURCE) -> list[str]:
    """The site's languages, the default (at ``site/``) first."""
    return [l["locale"] for l in languages(load(source))]


def _post_build(site: Path, fold_search: bool) -> None:
    """What MkDocs leaves to do in a language's built site."""
    katex.restore_site(site)
    ship(katex.assets(), site)
    if fold_search:
        fold_index(site)


def build_language(
    lang: str,
    out: Path = OUT,
    *,
    strict: bool = True,
    dirty: bool = False,
    serve_url: str | None = None,
    source: Path = SOURCE,
) -> Path:
    """MkDocs build of ``out/<lang>`` into ``out/<lang>/site``; returns that folder."""
    return LanguageBuild(lang, out, strict=strict, serve_url=serve_url, source=source).build(dirty=dirty)


class _KeepTitles:
    """An in-process MkDocs plugin for dirty rebuilds: a page MkDocs skipped (unchanged)
    keeps the title it had at the last build, so the navigation and the footer of the page
    that is rebuilt read as in a full build (MkDocs 1.6 would name it after its file)."""

    def __init__(self) -> None:
        self.titles: dict[str, str] = {}

    def on_env(self, env, *, config, files):
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            if page.content is None and file.src_uri in self.titles:
                page.title = self.titles[file.src_uri]  # a plugin may set it (MkDocs' weak_property)
            elif page.content is not None:
                self.titles[file.src_uri] = page.title
        return env


class LanguageBuild:
    """One language's MkDocs configuration, kept across builds (``serve``): its plugins keep
    their state (the search index of the pages a dirty build skips) and dirty builds are
    possible. ``build(dirty=True)`` renders only the pages whose pre-rendered Markdown is
    newer than their HTML; the caller decides when that is correct (:mod:`.serve`)."""

    def __init__(
        self, lang: str, out: Path = OUT, *, strict: bool = True, serve_url: str | None = None, source: Path = SOURCE
    ) -> None:
        from mkdocs.config import load_config
        from mkdocs.exceptions import ConfigurationError

        if not (Path(out) / lang / "docs").is_dir():
            raise BuildError(f"{lang}: no pre-rendered pages in {Path(out) / lang / 'docs'} (run the prerender first)")
        self.lang, self.serve_url = lang, serve_url
        # mkdocs.yml `languages: [{fold_search: true}]`: readers type it without diacritics
        self.fold_search = any(l["locale"] == lang and l.get("fold_search") for l in languages(load(source)))
        try:
            self.config = load_config(config_file=str(write_config(lang, out, source)), strict=strict)
        except ConfigurationError as err:
            raise BuildError(f"{lang}: {err}") from None
        self.config.plugins["bookbuild-keep-titles"] = _KeepTitles()
        self.config.plugins.on_startup(command="serve" if serve_url else "build", dirty=serve_url is not None)
        self.site = Path(self.config.site_dir)
        self._search = None  # this language's search index at the last build (serve)

    def build(self, dirty: bool = False) -> Path:
        from mkdocs.commands.build import build as mkdocs_build
        from mkdocs.exceptions import Abort

        mkdocs = logging.getLogger("mkdocs")
        quiet, builder = _DirtyNotice(), logging.getLogger("mkdocs.commands.build")
        builder.addFilter(quiet)
        # MkDocs keeps one search plugin per process, shared by the languages' configurations.
        # In a dirty build it merges the rebuilt pages' entries into the last index (its
        # ``search_index_prev``): give it this language's, and none for a full build.
        search = [p for p in self.config.plugins.values() if hasattr(p, "search_index_prev")]
        for plugin in search:
            plugin.is_dirty = self.serve_url is not None
            plugin.search_index_prev = self._search if dirty else None
        try:
            mkdocs_build(self.config, dirty=dirty, serve_url=self.serve_url)
        except (Abort, SystemExit) as err:  # MkDocs has logged the warnings
            raise BuildError(f"{self.lang}: MkDocs build failed ({err})") from None
        except katex.KatexError as err:  # MkDocs has logged the page ("Error reading page …")
            raise BuildError(f"{self.lang}: {err}") from None
        finally:
            builder.removeFilter(quiet)
            mkdocs.handlers[:] = [h for h in mkdocs.handlers if type(h).__name__ != "CountHandler"]
        for plugin in search:
            self._search = plugin.search_index_prev
        _post_build(self.site, self.fold_search)
        return self.site


class _DirtyNotice(logging.Filter):
    """MkDocs warns on every dirty build; serve decides when dirty is correct, so not here."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def build_site(
    langs: list[str] | None = None,
    out: Path = OUT,
    site: Path = SITE,
    *,
    strict: bool = True,
    dirty: bool = False,
    serve_url: str | None = None,
    source: Path = SOURCE,
) -> list[str]:
    """Build ``langs`` (default: all) from ``out`` and merge them into ``site``; returns what
    changed in ``site``. ``source``: the root configuration."""
    every = locales(source)
    langs = every if langs is None else [l for l in every if l in langs]
    built = {}
    for lang in langs:
        start = time.perf_counter()
        url = None if serve_url is None else serve_url.rstrip("/") + "/" + ("" if lang == every[0] else f"{lang}/")
        built[lang] = build_language(lang, out, strict=strict, dirty=dirty, serve_url=url, source=source)
        log.info(f"{lang}: built in {time.perf_counter() - start:.2f} s")
    return merge(built, site, every)
