"""Figures: every figure of ``lossbook.figures.FIGURES``, drawn once per language and
theme (light, and dark for Material's ``slate`` scheme) and cached, and their place in
the pages.

The SVGs are cached in ``.cache/prerender/figures`` under a key made of the lossbook sources a
figure can depend on and the matplotlib version, so an unchanged figure is never
redrawn; missing ones are drawn in worker processes (one per core) while the rest of
the pre-render goes on. A page links ``assets/figures/<name>.svg``; the pre-render copies
the page's language's SVGs there (``<name>.svg`` light, ``<name>.dark.svg`` dark), shows
the light one in the light scheme and the dark one in the dark scheme (Material's
``#only-light`` / ``#only-dark`` image switch), and gives each figure its size (the layout
does not jump when it arrives) and, after the first figure of a page, lazy loading.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from ._common import CACHE, ROOT, PrerenderError, fresh_lossbook, lossbook_digest, write_if_changed

__all__ = ["DARK", "FIGURE_URI", "FigureError", "Drawing", "sized_figures", "start_drawing", "svg_size"]

FIGURE_CACHE = CACHE / "figures"
FIGURE_URI = "assets/figures/{name}.svg"
#: The dark variant of figure ``<name>`` is drawn, cached and linked as ``<name>.dark``.
DARK = ".dark"
#: Text-only parts of lossbook that no figure draws from: editing them redraws nothing.
NOT_DRAWN_FROM = ("errata",)


class FigureError(PrerenderError, RuntimeError):
    """Drawing a figure failed (the worker's traceback is on stderr)."""


def figures_key() -> str:
    """What every figure's bytes depend on: lossbook (less the errata) and matplotlib."""
    return lossbook_digest(skip=NOT_DRAWN_FROM, salt=f"matplotlib {version('matplotlib')}")


class Drawing:
    """The figures being drawn: :meth:`wait` returns ``{(name, lang): cached SVG path}``."""

    def __init__(self, wanted: dict[tuple[str, str], Path], workers: list[subprocess.Popen]) -> None:
        self.wanted, self._workers = wanted, workers

    def wait(self) -> dict[tuple[str, str], Path]:
        for worker in self._workers:
            worker.wait()
        self._workers = []
        missing = [f"{name} ({lang})" for (name, lang), path in self.wanted.items() if not path.is_file()]
        if missing:
            raise FigureError(
                f"drawing failed for the figure(s) {', '.join(missing)} (the worker's traceback is above)"
            )
        return self.wanted

    def cancel(self) -> None:
        """Stop the workers (a page failed: the reader wants the error now) and drop
        their half-written files."""
        for worker in self._workers:
            worker.kill()
            worker.wait()
            for tmp in FIGURE_CACHE.glob(f"*.{worker.pid}.tmp"):
                tmp.unlink(missing_ok=True)
        self._workers = []


def figure_names(key: str) -> list[str]:
    """The names of ``lossbook.figures.FIGURES``, remembered per ``key`` so that a run
    with every figure cached does not import matplotlib and the figures module."""
    remembered = FIGURE_CACHE / f"names.{key}.json"
    if remembered.is_file():
        return json.loads(remembered.read_text(encoding="utf-8"))
    fresh_lossbook()
    names = list(importlib.import_module("lossbook.figures").FIGURES)
    for stale in FIGURE_CACHE.glob("names.*.json"):
        stale.unlink()
    write_if_changed(remembered, json.dumps(names))
    return names


def start_drawing(langs: tuple[str, ...] = ("vi", "en"), workers: int | None = None) -> Drawing:
    """Start drawing every missing figure of ``langs``, light and dark (``workers``
    processes, default one per core) and drop cached SVGs of older sources; return at once."""
    key = figures_key()
    names = [name + variant for name in figure_names(key) for variant in ("", DARK)]
    wanted = {(n, lang): FIGURE_CACHE / f"{n}.{lang}.{key}.svg" for n in names for lang in langs}
    for stale in FIGURE_CACHE.glob("*.svg"):
        if not stale.name.endswith(f".{key}.svg"):
            stale.unlink()
    missing = [(name, lang, path) for (name, lang), path in wanted.items() if not path.exists()]
    # One figure's variants (light, dark; each language) go to the same worker, whose caches
    # then compute the figure's data once (loss_history's runs take seconds).
    figures = list(dict.fromkeys(name.removesuffix(DARK) for name, _, _ in missing))
    count = min(workers or os.cpu_count() or 1, len(figures))
    shares: list[list[str]] = [[] for _ in range(count)]
    for name, lang, path in missing:
        shares[figures.index(name.removesuffix(DARK)) % count].append(f"{path}:{name}:{lang}")
    procs = [subprocess.Popen([sys.executable, "-m", "bookbuild.prerender.draw", *jobs], cwd=ROOT) for jobs in shares]
    return Drawing(wanted, procs)


_SIZE = re.compile(r'<svg[^>]*?\swidth="(?P<w>[0-9.]+)pt"\s+height="(?P<h>[0-9.]+)pt"')
_FIGURE = re.compile(
    r"(?P<img>!\[(?:[^\[\]]|\[[^\]]*\])*\]\((?:\.\./)*assets/figures/(?P<name>[\w-]+)\.svg\))"
    r"(?:\{(?P<attrs>[^}\n]*)\})?"
)


def svg_size(svg: bytes | str) -> tuple[int, int] | None:
    """An SVG's size in CSS pixels (matplotlib writes points: 1 pt = 4/3 px), or None.

    >>> svg_size('<svg xmlns:xlink="x" width="300pt" height="150.5pt" viewBox="0 0 300 150">')
    (400, 201)
    """
    head = svg[:1000].decode("utf-8", "replace") if isinstance(svg, bytes) else svg[:1000]
    m = _SIZE.search(head)
    return (round(float(m["w"]) * 4 / 3), round(float(m["h"]) * 4 / 3)) if m else None


def sized_figures(markdown: str, size_of, *, dark: bool = True) -> str:
    """Each figure image of ``markdown`` gets ``{ width=… height=… }`` (attr_list) from
    ``size_of(name)`` (``(w, h)`` or None), and every figure after the page's first
    ``loading="lazy" decoding="async"``: a reader on a phone downloads the figures as they
    scroll to them. Attributes the page wrote itself are kept.

    With ``dark``, each figure becomes two images with the same alt text: the light one
    (``#only-light``, sized as above) and, right after it on the same line, the dark one (``<name>.dark``,
    ``#only-dark``, sized by ``size_of("<name>.dark")``), which Material shows only in the
    dark scheme. The dark image always loads lazily, so a reader in the light scheme never
    downloads it (a hidden lazy image is not fetched). Attributes the page wrote go to both,
    but an ``#id`` only to the light one.

    >>> page = "![a](assets/figures/a.svg)\\n\\n![b](../assets/figures/b.svg){ .wide }\\n![c](x.png)"
    >>> print(sized_figures(page, lambda name: (400, 200), dark=False))
    ![a](assets/figures/a.svg){ width="400" height="200" }
    <BLANKLINE>
    ![b](../assets/figures/b.svg){ .wide width="400" height="200" loading="lazy" decoding="async" }
    ![c](x.png)
    >>> print(sized_figures("![A plot](assets/figures/a.svg)", lambda name: (400, 200)))
    ... # doctest: +NORMALIZE_WHITESPACE
    ![A plot](assets/figures/a.svg#only-light){ width="400" height="200" }
    ![A plot](assets/figures/a.dark.svg#only-dark){ width="400" height="200" loading="lazy" decoding="async" }
    """
    seen = 0

    def with_attrs(img: str, size, lazy: bool, written: list[str]) -> str:
        attrs = list(written)
        if size:
            attrs.append(f'width="{size[0]}" height="{size[1]}"')
        if lazy:
            attrs.append('loading="lazy" decoding="async"')
        return f"{img}{{ {' '.join(attrs)} }}" if attrs else img

    def add(m: re.Match) -> str:
        nonlocal seen
        name, img = m["name"], m["img"]
        written = [m["attrs"].strip()] if m["attrs"] and m["attrs"].strip() else []
        lazy, seen = bool(seen), seen + 1
        if not dark:
            return with_attrs(img, size_of(name), lazy, written)
        target = img[: -len(f"{name}.svg)")]  # "![alt](…/assets/figures/"
        light = with_attrs(f"{target}{name}.svg#only-light)", size_of(name), lazy, written)
        no_id = [" ".join(re.sub(r"(?<!\S)#[\w-]+", "", attrs).split()) for attrs in written]  # ids stay unique
        shade = with_attrs(f"{target}{name}{DARK}.svg#only-dark)", size_of(name + DARK), True, [a for a in no_id if a])
        return f"{light} {shade}"  # one line: the figure stays one block in a list or admonition

    return _FIGURE.sub(add, markdown)
