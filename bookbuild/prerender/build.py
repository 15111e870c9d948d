"""The pre-render: ``docs/`` + lossbook + quizzes + notebooks → one folder of plain
Markdown and assets per language, ``build/prerender/<lang>/docs``.

Expensive inputs are cached under ``.cache/prerender/`` by what they depend on (figures by
lossbook and matplotlib, notebooks by their source and lossbook, pages by their text,
lossbook, ``docs/_data`` and this package's code), so a rebuild after editing one page
renders that page only. An output file is written only when its bytes change, and a
file the last run wrote and this one did not is removed; the :class:`Result` says which
files changed, so a site build knows which language(s) to rebuild.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from ._common import CACHE, DOCS, ROOT, code_digest, digest, lossbook_digest, write_if_changed
from .explorer import DATA_URI, explorer_json
from .figures import FIGURE_URI, sized_figures, start_drawing, svg_size
from .notebooks import notebook_files, notebook_key, start_notebooks
from .placeholders import substitute
from .sources import notebook_sources, pages, static_files

__all__ = ["OUT", "Result", "prerender"]

OUT = ROOT / "build" / "prerender"
MANIFEST = ".prerender-files.json"  # in out/<lang>/: what the last run wrote in docs/
PAGE_CACHE = CACHE / "pages"


@dataclass
class Result:
    """What a pre-render changed: per language, the files (relative to ``<lang>/docs``)
    written because their bytes changed, and the files removed."""

    out: Path
    changed: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def langs(self) -> tuple[str, ...]:
        """The languages whose site must be rebuilt."""
        return tuple(lang for lang in self.changed if self.changed[lang] or self.removed.get(lang))

    def __str__(self) -> str:
        parts = [
            f"{lang}: {len(self.changed[lang])} written, {len(self.removed.get(lang, []))} removed"
            for lang in self.changed
        ]
        return f"prerender {self.seconds:.2f} s → {self.out} ({'; '.join(parts)})"


def page_salt(docs: Path = DOCS) -> str:
    """What every rendered page depends on besides its text: lossbook, this package's code and
    every file under ``docs/_data`` (quizzes, glossary, the chapter frames in ``chapters/``)."""
    data = [p for p in (docs / "_data").rglob("*") if p.is_file()]
    return digest(data, salt=f"{lossbook_digest()}\0{code_digest()}", root=docs)


_memo: dict[tuple[str, str], tuple[str, str]] = {}  # (lang, uri) -> (key, text), for `serve`


def render_page(text: str, lang: str, uri: str, salt: str) -> str:
    """``text`` with its placeholders substituted, from the cache when the page, lossbook,
    the quizzes and this code are unchanged (``salt`` digests the last three)."""
    key = digest([], salt=f"{salt}\0{lang}\0{uri}\0{text}")
    if _memo.get((lang, uri), ("",))[0] == key:
        return _memo[(lang, uri)][1]
    cached = PAGE_CACHE / lang / f"{uri.replace('/', '__')}.{key}.md"
    if cached.is_file():
        out = cached.read_text(encoding="utf-8")
    else:
        out = substitute(text, lang, uri)
        for stale in cached.parent.glob(f"{uri.replace('/', '__')}.*.md"):
            stale.unlink()
        write_if_changed(cached, out)
    _memo[(lang, uri)] = (key, out)
    return out


_notebook_memo: dict[tuple[str, str], dict[str, bytes]] = {}


def _notebook_outputs(futures: dict, lang: str) -> dict[str, bytes]:
    """Every executed notebook's files in ``lang``, under ``notebooks/`` (remembered per
    notebook version, so a ``serve`` rebuild does not redo them)."""
    files: dict[str, bytes] = {}
    keys = {(notebook_key(source), lang): (source, future) for source, future in futures.items()}
    for key, (source, future) in keys.items():
        if key not in _notebook_memo:
            _notebook_memo[key] = notebook_files(future.result(), source.stem, lang)
        files.update({f"notebooks/{name}": data for name, data in _notebook_memo[key].items()})
    for old in [k for k in _notebook_memo if k[1] == lang and k not in keys]:
        del _notebook_memo[old]
    return files


def prerender(out: Path = OUT, langs: tuple[str, ...] = ("vi", "en"), docs: Path = DOCS) -> Result:
    """Write every language's pages and assets into ``out/<lang>/docs``; see the module
    docstring. A placeholder that fails raises :class:`~.placeholders.PageError`; a
    figure or notebook that fails raises too, and nothing is removed then."""
    start = time.perf_counter()
    salt = page_salt(docs)
    drawing = start_drawing(langs)
    running = start_notebooks(notebook_sources(docs))
    try:
        static = {uri: path.read_bytes() for uri, path in static_files(docs).items()}
        explorer = explorer_json()
        rendered = {
            lang: {
                uri: render_page(src.read_text(encoding="utf-8"), lang, uri, salt)
                for uri, src in pages(lang, docs).items()
            }
            for lang in langs
        }
    except BaseException:
        drawing.cancel()  # the error now, not after the figures (notebooks finish: `serve` reuses them)
        raise
    figures = drawing.wait()
    svgs = {key: path.read_bytes() for key, path in figures.items()}
    sizes = {key: svg_size(data) for key, data in svgs.items()}

    result = Result(out)
    for lang in langs:
        files = dict(static)
        files[DATA_URI] = explorer
        files.update({FIGURE_URI.format(name=name): data for (name, flang), data in svgs.items() if flang == lang})
        for uri, data in _notebook_outputs(running, lang).items():
            if uri.endswith(".md"):
                data = render_page(data.decode("utf-8"), lang, uri, salt).encode()
            files[uri] = data
        files.update({uri: text.encode() for uri, text in rendered[lang].items()})
        for uri in [u for u in files if u.endswith(".md")]:
            page = files[uri].decode("utf-8")
            files[uri] = sized_figures(page, lambda name, lang=lang: sizes.get((name, lang))).encode()
        result.changed[lang], result.removed[lang] = _write_tree(out / lang, files)
    result.seconds = time.perf_counter() - start
    return result


def _write_tree(folder: Path, files: dict[str, bytes]) -> tuple[list[str], list[str]]:
    """Write ``files`` under ``folder/docs``, each only if its bytes changed, and remove
    what the last run wrote there and this one did not (other files are left alone)."""
    docs, manifest = folder / "docs", folder / MANIFEST
    changed = [uri for uri, data in sorted(files.items()) if write_if_changed(docs / uri, data)]
    before = set(json.loads(manifest.read_text(encoding="utf-8"))) if manifest.is_file() else set()
    removed = sorted(before - set(files))
    for uri in removed:
        path = docs / uri
        path.unlink(missing_ok=True)
        for parent in path.parents:
            if parent == docs or not parent.is_dir() or any(parent.iterdir()):
                break
            parent.rmdir()
    write_if_changed(manifest, json.dumps(sorted(files), indent=0))
    return changed, removed
