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
FOLDED_SEARCH = ("vi",)  # languages whose readers type without diacritics
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


def build_language(lang: str, out: Path = OUT, *, strict: bool = True, dirty: bool = False,
                   serve_url: str | None = None, source: Path = SOURCE) -> Path:
    """MkDocs build of ``out/<lang>`` into ``out/<lang>/site``; returns that folder."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    if not (Path(out) / lang / "docs").is_dir():
        raise BuildError(f"{lang}: no pre-rendered pages in {Path(out) / lang / 'docs'} (run the prerender first)")
    config_file = write_config(lang, out, source)
    try:
        config = load_config(config_file=str(config_file), strict=strict)
        config.plugins.on_startup(command="serve" if serve_url else "build", dirty=dirty)
        mkdocs_build(config, dirty=dirty, serve_url=serve_url)
    except (Abort, ConfigurationError, SystemExit) as err:  # MkDocs has logged the warnings
        raise BuildError(f"{lang}: MkDocs build failed ({err})") from None
    finally:
        logging.getLogger("mkdocs").handlers[:] = [h for h in logging.getLogger("mkdocs").handlers
                                                  if type(h).__name__ != "CountHandler"]
    site = Path(config.site_dir)
    katex.restore_site(site)
    ship(katex.assets(), site)
    if lang in FOLDED_SEARCH:
        fold_index(site)
    return site


def build_site(langs: list[str] | None = None, out: Path = OUT, site: Path = SITE, *,
               strict: bool = True, dirty: bool = False, serve_url: str | None = None,
               source: Path = SOURCE) -> list[str]:
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
