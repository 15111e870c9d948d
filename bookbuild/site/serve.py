"""``python -m bookbuild serve``: the site on http://127.0.0.1:8000/ rebuilt on save, with live reload.

MkDocs' ``LiveReloadServer`` serves ``site/`` and calls :class:`Rebuild` when a watched path
changes (``docs/``, ``lossbook/``, ``bookbuild/``, ``overrides/``, ``mkdocs.yml``):

* the pre-render runs again; only the languages whose pre-rendered files changed are built
  again (a Vietnamese page → the Vietnamese site only), in this process (KaTeX's renderer
  and its memo stay warm, so does the pre-render's lossbook);
* ``mkdocs.yml`` or ``overrides/`` changed → every language;
* ``bookbuild/`` changed → the server restarts itself (the build code is re-imported whole).

Each rebuild is a full (not dirty) MkDocs build of that language: about a second on this
machine, and the navigation and search index of every page stay right.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import Callable

from . import ROOT
from .build import SITE, build_site, locales

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


def _snapshot(paths) -> dict[str, int]:
    found = {}
    for top in paths:
        top = ROOT / top
        files = [top] if top.is_file() else [p for p in top.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        found.update({str(p): p.stat().st_mtime_ns for p in files})
    return found


class Rebuild:
    """The builder the server calls after a change; ``prerender()`` returns the ``Result``."""

    def __init__(self, prerender: Callable[[], object], serve_url: str) -> None:
        self.prerender, self.serve_url = prerender, serve_url
        self.langs = locales()
        self.config = _snapshot(("mkdocs.yml", "overrides"))
        self.code = _snapshot(("bookbuild",))

    def first(self) -> None:
        self.prerender()
        build_site(self.langs, strict=False, serve_url=self.serve_url)

    def __call__(self) -> None:
        start = time.perf_counter()
        code = _snapshot(("bookbuild",))
        if code != self.code:
            log.info("bookbuild/ changed: restarting the server")
            os.execv(sys.executable, [sys.executable, "-m", "bookbuild", *sys.argv[1:]])
        result = self.prerender()
        prerendered = time.perf_counter()
        config = _snapshot(("mkdocs.yml", "overrides"))
        langs = self.langs if config != self.config else changed_languages(result, self.langs)
        self.config = config
        if langs:
            build_site(langs, strict=False, serve_url=self.serve_url)
        end = time.perf_counter()
        log.info(f"rebuilt {', '.join(langs) or 'nothing'} in {end - start:.2f} s "
                 f"(pre-render {prerendered - start:.2f} s, site {end - prerendered:.2f} s)")


def serve(prerender: Callable[[], object], host: str = "127.0.0.1", port: int = 8000) -> None:
    """Build once, then serve ``site/`` and rebuild on every change until Ctrl+C."""
    from mkdocs.livereload import LiveReloadServer

    url = f"http://{host}:{port}/"
    rebuild = Rebuild(prerender, url)
    rebuild.first()
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(SITE))
    server.error_handler = lambda code: (SITE / "404.html").read_bytes() if code == 404 and (SITE / "404.html").is_file() else None
    for path in WATCHED:
        server.watch(str(ROOT / path))
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
