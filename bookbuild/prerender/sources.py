"""Which files of ``docs/`` make a language's site.

* Pages: every ``X.md``; for English ``X.en.md`` where it exists, else ``X.md`` (a page
  not translated yet still appears, in Vietnamese). The pre-render writes each one as
  ``X.md``.
* Notebooks: ``notebooks/<name>.py`` (jupytext sources; :mod:`.notebooks` makes them pages).
* Static files: everything else, except ``_data/`` and what a build generates.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path

from ._common import DOCS

__all__ = ["notebook_sources", "pages", "static_files"]

#: Not part of any site: data read by the pre-render, and what a build generates (the
#: MkDocs hooks of old wrote these into ``docs/``; a stale copy must not be published).
NOT_STATIC = (
    "_data/*",
    "notebooks/*.py",
    "assets/figures/*",
    "assets/data/*",
    "notebooks/*.ipynb",
    "notebooks/*.png",
    "*.tmp",
)


def _uri(path: Path, docs: Path) -> str:
    return path.relative_to(docs).as_posix()


def notebook_sources(docs: Path = DOCS) -> list[Path]:
    """The jupytext notebooks, ``docs/notebooks/*.py``."""
    return sorted((docs / "notebooks").glob("*.py"))


def pages(lang: str, docs: Path = DOCS) -> dict[str, Path]:
    """``{uri: source}``: the pages of ``lang``'s site (``uri`` like ``notebooks/index.md``)."""
    out: dict[str, Path] = {}
    for path in sorted(docs.rglob("*.md")):
        uri = _uri(path, docs)
        if uri.startswith("_") or "/_" in uri or path.name.endswith((".en.md", ".vi.md")):
            continue
        if path.parent.name == "notebooks" and path.with_suffix(".py").exists():
            continue  # written by an old MkDocs build from the notebook, not a page
        twin = path.with_name(path.name[: -len(".md")] + f".{lang}.md")
        out[uri] = twin if twin.exists() else path
    return out


def static_files(docs: Path = DOCS) -> dict[str, Path]:
    """``{uri: file}``: the files copied as they are (scripts, styles, …)."""
    return {
        _uri(p, docs): p
        for p in sorted(docs.rglob("*"))
        if p.is_file() and p.suffix != ".md" and not any(fnmatch.fnmatch(_uri(p, docs), g) for g in NOT_STATIC)
    }
