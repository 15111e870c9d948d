"""MkDocs hook: the lesson's notebooks, executed at build time, in both languages.

A notebook is one jupytext "percent" file ``docs/notebooks/<name>.py``: cells that
carry ``lang="vi"`` or ``lang="en"`` appear in that language only, cells without it in
both. Markdown cells always carry it; code cells are shared, except the small ones that
print words or draw labelled plots, which come in a vi/en pair (both run, in the one
execution). At build time the notebook is executed once with a real
Jupyter kernel (nbclient), cached in ``.cache/notebooks`` by the hash of its source and
of lossbook, and turned into, for each language:

* a page ``notebooks/<name>.md`` / ``<name>.en.md`` (text, code, printed output, figures);
* a download ``notebooks/<name>.<lang>.ipynb`` with the outputs,

written next to the source (git-ignored) before MkDocs collects the files.

Why not mkdocs-jupyter's page rendering: mkdocs-static-i18n has no notebook support
(its issue #198), so a notebook page would exist in one language only. Rendering to
Markdown here lets the i18n plugin see two ordinary pages, and lets the same math and
number hooks run on them as on every other page.
"""
from __future__ import annotations

import base64
import hashlib
import json
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import jupytext
import nbformat

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "notebooks"
LANGS = ("vi", "en")
DOWNLOAD = {
    "vi": "Tải notebook này (.ipynb, đã chạy sẵn)",
    "en": "Download this notebook (.ipynb, with outputs)",
}
FIGURE = {"vi": "Hình do ô mã {n} vẽ", "en": "Figure drawn by code cell {n}"}


def _lossbook_digest() -> bytes:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "lossbook").rglob("*")):
        if path.is_file() and path.suffix in {".py", ".csv"}:
            digest.update(path.read_bytes())
    return digest.digest()


def executed(source: Path) -> nbformat.NotebookNode:
    """The notebook with outputs, from the cache when neither it nor lossbook changed."""
    key = hashlib.sha256(source.read_bytes() + _lossbook_digest()).hexdigest()[:16]
    cached = CACHE / f"{source.stem}.{key}.ipynb"
    if cached.exists():
        return nbformat.read(cached, as_version=4)
    from jupyter_client import KernelManager
    from nbclient import NotebookClient

    nb = jupytext.read(source)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    # A local socket file, not TCP on loopback: nothing listens on a port during the build.
    with tempfile.TemporaryDirectory() as sockets:
        km = KernelManager(kernel_name="python3", transport="ipc", ip=str(Path(sockets) / "kernel"))
        try:
            NotebookClient(nb, km=km, timeout=120, resources={"metadata": {"path": str(ROOT)}}).execute()
        finally:
            if km.has_kernel:
                km.shutdown_kernel(now=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    for stale in CACHE.glob(f"{source.stem}.*.ipynb"):
        stale.unlink()
    nbformat.write(nb, cached)
    return nb


def for_language(nb: nbformat.NotebookNode, lang: str) -> nbformat.NotebookNode:
    """A copy holding the shared cells and the Markdown cells of ``lang``."""
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
        raise RuntimeError(f"notebook cell failed: {output.ename}: {output.evalue}")
    return None


def to_markdown(nb, name: str, lang: str, images: dict[str, bytes]) -> str:
    """The page: Markdown cells as they are, code in fences, text outputs in ``text``
    fences, PNG outputs saved next to the page with a caption as alt text."""
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
    return "\n\n".join(parts) + "\n"


def _write_if_changed(path: Path, data: bytes) -> None:
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


# Notebooks run in their own kernels (processes): started as soon as the configuration is
# read, they execute while hooks/page_figures.py draws the figures, and on_pre_build
# collects them. A cached notebook costs a file read.
_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="notebook")
_running: dict[Path, Future] = {}


def on_config(config):
    for path in sorted((Path(config.docs_dir) / "notebooks").glob("*.py")):
        _running[path] = _pool.submit(executed, path)  # this build's, never an earlier one's
    return config


def on_pre_build(config) -> None:
    """Write each notebook's pages, downloads and images into docs/notebooks/ (git-ignored)
    before MkDocs collects the files; unchanged outputs are not rewritten, so
    ``mkdocs serve`` does not rebuild in a loop."""
    folder = Path(config.docs_dir) / "notebooks"
    for path in sorted(folder.glob("*.py")):
        running = _running.pop(path, None)
        nb = running.result() if running else executed(path)
        name = path.stem
        for lang in LANGS:
            localized = for_language(nb, lang)
            images: dict[str, bytes] = {}
            page = to_markdown(localized, name, lang, images)
            suffix = "" if lang == "vi" else ".en"
            _write_if_changed(folder / f"{name}{suffix}.md", page.encode())
            _write_if_changed(folder / f"{name}.{lang}.ipynb", nbformat.writes(localized).encode())
            written = set()
            for img, data in images.items():
                stem, ext = img.rsplit(".", 1)
                written.add(f"{stem}.{lang}.{ext}")
                _write_if_changed(folder / f"{stem}.{lang}.{ext}", data)
            for stale in folder.glob(f"{name}-*-*.{lang}.png"):  # cells renumbered since
                if stale.name not in written:
                    stale.unlink()
