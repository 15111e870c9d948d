"""The lesson's notebooks, executed once, as pages and downloads in both languages.

A notebook is one jupytext "percent" file ``docs/notebooks/<name>.py``: cells that carry
``lang="vi"`` or ``lang="en"`` appear in that language only, cells without it in both.
Markdown cells always carry it; code cells are shared, except the small ones that print
words or draw labelled plots, which come in a vi/en pair (both run, in the one
execution). The notebook is executed with a real Jupyter kernel (nbclient), cached in
``.cache/prerender/notebooks`` by the digest of its source and of lossbook, and becomes, per
language, ``notebooks/<name>.md`` (text, code, printed output, figures),
``notebooks/<name>.ipynb`` (the download, with outputs) and the PNGs it drew.
"""

from __future__ import annotations

import base64
import json
import os
import re
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import nbformat

from ._common import CACHE, ROOT, PrerenderError, digest, lossbook_sources, write_if_changed

__all__ = ["DOWNLOAD", "FIGURE", "executed", "for_language", "notebook_files", "start_notebooks", "to_markdown"]

NOTEBOOK_CACHE = CACHE / "notebooks"
DOWNLOAD = {
    "vi": "Tải notebook này (.ipynb, đã chạy sẵn)",
    "en": "Download this notebook (.ipynb, with outputs)",
}
FIGURE = {"vi": "Hình do ô mã {n} vẽ", "en": "Figure drawn by code cell {n}"}


class NotebookError(PrerenderError, RuntimeError):
    """A notebook cell failed; the message names the notebook and the error."""


def notebook_key(source: Path) -> str:
    """What an executed notebook depends on: its source (name and text, not where the
    docs folder is) and lossbook."""
    return digest(lossbook_sources(), salt=f"{source.name}\0{source.read_text(encoding='utf-8')}")


def executed(source: Path, cache: Path | None = None) -> nbformat.NotebookNode:
    """The notebook with outputs, from the cache (default ``.cache/prerender/notebooks``)
    when neither it nor lossbook changed."""
    cache = cache or NOTEBOOK_CACHE
    cached = cache / f"{source.stem}.{notebook_key(source)}.ipynb"
    if cached.exists():
        return nbformat.read(cached, as_version=4)
    import jupytext  # only when a notebook runs: a cached build does not pay the import
    from jupyter_client import KernelManager
    from nbclient import NotebookClient

    nb = jupytext.read(source)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    # A local socket file, not TCP on loopback: nothing listens on a port during the build.
    with tempfile.TemporaryDirectory() as sockets:
        km = KernelManager(kernel_name="python3", transport="ipc", ip=str(Path(sockets) / "kernel"))
        try:
            NotebookClient(nb, km=km, timeout=120, resources={"metadata": {"path": str(ROOT)}}).execute()
        except Exception as err:  # CellExecutionError, a dead kernel, a time-out
            plain = re.sub(r"\x1b\[[0-9;]*m", "", str(err))  # the kernel's traceback, without colours
            raise NotebookError(f"notebooks/{source.name}: {type(err).__name__}: {plain}") from err
        finally:
            if km.has_kernel:
                km.shutdown_kernel(now=True)
    for stale in cache.glob(f"{source.stem}.*.ipynb"):
        stale.unlink()
    write_if_changed(cached, nbformat.writes(nb))
    return nb


_pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="notebook")
_running: dict[tuple[Path, str], Future] = {}


def start_notebooks(sources: list[Path]) -> dict[Path, Future]:
    """Execute ``sources`` in the background (kernels in parallel, one per core at most);
    each future gives the executed notebook, or raises what its execution raised. A
    notebook already executing (or executed) in this process for the same key is not
    started again: a long-running ``serve`` reuses it."""
    keys = {path: (path, notebook_key(path)) for path in sources}
    for key in keys.values():
        if key not in _running or (_running[key].done() and _running[key].exception()):
            _running[key] = _pool.submit(executed, key[0])
    for old in [k for k in _running if k not in keys.values() and _running[k].done()]:
        del _running[old]
    return {path: _running[key] for path, key in keys.items()}


def for_language(nb: nbformat.NotebookNode, lang: str) -> nbformat.NotebookNode:
    """A copy holding the shared cells and the cells of ``lang``."""
    out = nbformat.from_dict(json.loads(json.dumps(nb)))
    out.cells = [c for c in out.cells if c.metadata.get("lang", lang) == lang]
    for cell in out.cells:
        cell.metadata.pop("lang", None)
    out.metadata["language_info"] = nb.metadata.get("language_info", {})
    return out


def _text(output) -> str | None:
    if output.output_type == "stream":
        return output.text
    if output.output_type in {"execute_result", "display_data"} and "image/png" not in output.data:
        return output.data.get("text/plain")
    if output.output_type == "error":
        raise NotebookError(f"notebook cell failed: {output.ename}: {output.evalue}")
    return None


def to_markdown(nb: nbformat.NotebookNode, name: str, lang: str, images: dict[str, bytes]) -> str:
    """The page (front matter :data:`SEARCH_FRONT_MATTER` first): Markdown cells as they are,
    code in fences, text outputs in ``text`` fences, PNG outputs added to ``images`` (saved
    next to the page) with a caption as alt text. A cell that failed raises."""
    parts: list[str] = []
    code_cell, download_added = 0, False
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
            if not download_added:  # the download button sits under the title cell
                parts.append(f"[{DOWNLOAD[lang]}]({name}.ipynb){{ .md-button download }}")
                download_added = True
            continue
        if cell.cell_type != "code":
            continue
        code_cell += 1
        parts.append(f"```python\n{cell.source}\n```")
        for k, output in enumerate(cell.get("outputs", [])):
            text = _text(output)
            if text:
                parts.append(f"```text\n{text.rstrip()}\n```")
            elif "data" in output and "image/png" in output.data:
                img = f"{name}-{code_cell}-{k}.png"
                images[img] = base64.b64decode(output.data["image/png"])
                alt = cell.metadata.get(f"alt_{lang}") or FIGURE[lang].format(n=code_cell)
                parts.append(f"![{alt}]({img})")
    return SEARCH_FRONT_MATTER + "\n\n".join(parts) + "\n"


#: A notebook page applies what a chapter teaches, and repeats its terms in code and output: in
#: the search it ranks below the chapters (Material's ``search.boost``), so a term finds the
#: chapter that defines it first.
SEARCH_FRONT_MATTER = "---\nsearch:\n  boost: 0.5\n---\n\n"


def notebook_files(nb: nbformat.NotebookNode, name: str, lang: str) -> dict[str, bytes]:
    """One executed notebook's files in ``lang``, by path under ``notebooks/``: the page
    ``<name>.md``, the download ``<name>.ipynb`` and the images."""
    local, images = for_language(nb, lang), {}
    page = to_markdown(local, name, lang, images)
    return {
        f"{name}.md": page.encode(),
        f"{name}.ipynb": nbformat.writes(local).encode(),
        **images,
    }
