"""The site from the pre-rendered pages: one strict MkDocs build per language, in this process.

For each language: write ``build/prerender/<lang>/mkdocs.yml`` (:mod:`.config`), build it into
``build/prerender/<lang>/site/`` with MkDocs (any warning fails: strict), put KaTeX's HTML back
where the search stand-ins are (:func:`.katex.restore_site`), ship KaTeX's CSS and fonts, fold the
Vietnamese search index (:mod:`.search`), point the home page's download links at the public
copy (:func:`.meta.link_downloads`); then write one sitemap for every language and
``robots.txt`` (:func:`.meta.write_sitemap`) and merge the languages into ``site/``
(:mod:`.merge`). ``offline=True``: the copy that works from ``file://`` (:mod:`bookbuild.dist`).
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

from . import ROOT, katex
from .config import OUT, SOURCE, WORKER_SHIM, languages, load, root_path, write_config
from .merge import merge, ship
from .meta import Describe, link_downloads, public_url, write_sitemap
from .search import add_keywords, fold_index, install_worker

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


WORKER = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
EXPLORER_DATA = "assets/data/explorer.json"
OFFLINE_DATA = "assets/data/explorer.js"  # the same data as a script: fetch() cannot read file://


def _post_build(
    site: Path,
    lang: str,
    fold_search: bool,
    site_root: str,
    public: str,
    offline: bool = False,
    glossary: Path | None = None,
) -> None:
    """What MkDocs leaves to do in ``lang``'s built site (at ``site_root`` of the merged
    site, published at ``public``; ``glossary``: the book's glossary file, if it has one)."""
    katex.restore_site(site)
    ship(katex.assets(), site)
    if fold_search:
        fold_index(site)
    if (site / "search" / "search_index.json").is_file():
        from lossbook.glossary import load_glossary  # the YAML is read afresh at each build

        try:
            if glossary is not None:
                add_keywords(site, lang, load_glossary(glossary))
            install_worker(site)
        except (ValueError, FileNotFoundError) as err:
            raise BuildError(f"{lang}: {err}") from None
    if offline:  # the copy's download links: bookbuild.dist, once the PDFs are in
        _offline_assets(site)
    else:
        link_downloads(site, site_root, public)


def _offline_assets(site: Path) -> None:
    """The offline copy: the search index as a script again (after folding), the Web Worker
    shim, and the data the explorer fetches as a script that answers that fetch."""
    index = site / "search" / "search_index.json"
    if index.is_file():
        (site / "search" / "search_index.js").write_text(
            "var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8"
        )
    if not WORKER.is_file():
        raise BuildError(f"the Web Worker shim is not installed at {WORKER}: run `make setup` (npm ci)")
    ship({WORKER_SHIM: WORKER}, site)
    data = site / EXPLORER_DATA
    if data.is_file():
        key = json.dumps(EXPLORER_DATA)
        (site / OFFLINE_DATA).write_text(
            "// Written by bookbuild.site.build for the offline copy: fetch() cannot read file://,\n"
            "// so a fetch of the explorer's data is answered from this copy of it.\n"
            "(function () {\n"
            f"  var key = {key}, data = {data.read_text(encoding='utf-8')}, real = window.fetch;\n"
            "  window.fetch = function (input, init) {\n"
            "    var url = String((input && input.url) || input);\n"
            "    if (url.slice(-key.length) === key) {\n"
            "      return Promise.resolve(new Response(JSON.stringify(data), "
            '{ status: 200, headers: { "Content-Type": "application/json" } }));\n'
            "    }\n"
            "    return real.apply(this, arguments);\n"
            "  };\n"
            "})();\n",
            encoding="utf-8",
        )


def build_language(
    lang: str,
    out: Path = OUT,
    *,
    strict: bool = True,
    dirty: bool = False,
    serve_url: str | None = None,
    source: Path = SOURCE,
    offline: bool = False,
) -> Path:
    """MkDocs build of ``out/<lang>`` into ``out/<lang>/site`` (``offline-site``); returns that folder."""
    return LanguageBuild(lang, out, strict=strict, serve_url=serve_url, source=source, offline=offline).build(
        dirty=dirty
    )


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
        self,
        lang: str,
        out: Path = OUT,
        *,
        strict: bool = True,
        serve_url: str | None = None,
        source: Path = SOURCE,
        offline: bool = False,
    ) -> None:
        from mkdocs.config import load_config
        from mkdocs.exceptions import ConfigurationError

        if not (Path(out) / lang / "docs").is_dir():
            raise BuildError(f"{lang}: no pre-rendered pages in {Path(out) / lang / 'docs'} (run the prerender first)")
        self.lang, self.serve_url = lang, serve_url
        # mkdocs.yml `languages: [{fold_search: true}]`: readers type it without diacritics
        base = load(source)
        langs = languages(base)
        self.fold_search = any(l["locale"] == lang and l.get("fold_search") for l in langs)
        glossary = Path(source).parent / "docs" / "_data" / "glossary.yml"  # its terms become search keywords
        self.glossary = glossary if glossary.is_file() else None
        self.site_root, self.public, self.offline = root_path(lang, langs[0]["locale"]), "", offline
        try:
            self.public = public_url(base["site_url"])
            self.config = load_config(config_file=str(write_config(lang, out, source, offline=offline)), strict=strict)
        except (ConfigurationError, ValueError) as err:
            raise BuildError(f"{lang}: {err}") from None
        if serve_url:  # pages that link by absolute path (the 404 page) must work on the local server
            self.config["site_url"] = serve_url
        self.config.plugins["bookbuild-keep-titles"] = _KeepTitles()
        self.config.plugins["bookbuild-describe"] = Describe()
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
        _post_build(self.site, self.lang, self.fold_search, self.site_root, self.public, self.offline, self.glossary)
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
    offline: bool = False,
) -> list[str]:
    """Build ``langs`` (default: all) from ``out`` and merge them into ``site``; returns what
    changed in ``site``. ``source``: the root configuration; ``offline``: the copy that works
    from ``file://`` (``out/<lang>/offline-site``)."""
    every = locales(source)
    langs = every if langs is None else [l for l in every if l in langs]
    built = {}
    for lang in langs:
        start = time.perf_counter()
        url = None if serve_url is None else serve_url.rstrip("/") + "/" + ("" if lang == every[0] else f"{lang}/")
        built[lang] = build_language(
            lang, out, strict=strict, dirty=dirty, serve_url=url, source=source, offline=offline
        )
        log.info(f"{lang}: built in {time.perf_counter() - start:.2f} s")
    folders = {l: Path(out) / l / ("offline-site" if offline else "site") for l in every}
    if every[0] in built and all((folders[l] / "sitemap.xml").is_file() for l in every):
        public = public_url(load(source)["site_url"])
        roots = {l: public + root_path(l, every[0]) for l in every}
        write_sitemap(built[every[0]], roots, {l: folders[l] / "sitemap.xml" for l in every})
    return merge(built, site, every)
