"""The plumbing every pre-render step shares: where things are, what an input's digest
is, and how a file is written only when its bytes change.

One copy of each, where the MkDocs hooks had three (CODE.md P3).
"""

from __future__ import annotations

import hashlib
import importlib
import os
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
LOSSBOOK = ROOT / "lossbook"
CACHE = ROOT / ".cache" / "prerender"
#: The sources a lossbook result can depend on: code and the data files it reads.
LOSSBOOK_SUFFIXES = frozenset({".py", ".csv", ".json", ".yml", ".yaml", ".toml"})


def digest(paths: Iterable[Path], *, salt: str = "", root: Path = ROOT) -> str:
    """A short hex digest of ``salt`` and of each file's path (relative to ``root``) and bytes.

    Renaming a file changes the digest as much as editing it; the order of ``paths`` does not.

    >>> digest([]) == digest([], salt="") != digest([], salt="x")
    True
    >>> len(digest([Path(__file__)]))
    16
    """
    h = hashlib.sha256(salt.encode())
    for path in sorted(Path(p) for p in paths):
        try:
            name = path.relative_to(root).as_posix()
        except ValueError:
            name = path.as_posix()
        h.update(b"\0" + name.encode() + b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def lossbook_sources(*, skip: Iterable[str] = ()) -> list[Path]:
    """lossbook's source and data files, minus any whose path (relative to ``lossbook/``)
    starts with one of ``skip`` (e.g. ``"errata"`` for both ``errata.py`` and ``errata/``)."""
    skip = tuple(skip)
    return [
        p
        for p in sorted(LOSSBOOK.rglob("*"))
        if p.is_file()
        and p.suffix in LOSSBOOK_SUFFIXES
        and "__pycache__" not in p.parts
        and not p.relative_to(LOSSBOOK).as_posix().startswith(skip)
    ]


def lossbook_digest(*, skip: Iterable[str] = (), salt: str = "") -> str:
    """The digest of lossbook's sources (see :func:`lossbook_sources`)."""
    return digest(lossbook_sources(skip=skip), salt=salt)


def code_digest() -> str:
    """The digest of the pre-render's own code: a change to how a page is rendered must
    invalidate the rendered pages as surely as a change to the page."""
    return digest(Path(__file__).parent.glob("*.py"))


def write_if_changed(path: Path, data: bytes | str) -> bool:
    """Write ``data`` to ``path`` (making its folder) unless the file already holds exactly
    those bytes; True if it wrote. A watcher sees no change when nothing changed.

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "a" / "b.txt"
    >>> write_if_changed(f, "x"), write_if_changed(f, b"x"), write_if_changed(f, "y")
    (True, False, True)
    """
    data = data.encode("utf-8") if isinstance(data, str) else data
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")  # no two writers share one
    tmp.write_bytes(data)
    tmp.replace(path)
    return True


class PrerenderError(Exception):
    """A content error the pre-render reports (a page, a figure, a notebook): the message
    names what failed; ``serve`` shows it and waits for the next save."""


_imported: dict[str, str] = {}


def fresh_lossbook() -> ModuleType:
    """``lossbook``, re-imported when one of its sources changed since the last call.

    A long-running process (``serve``) keeps lossbook and the lesson's cached computations
    across rebuilds while the sources stay the same, and sees an edit at once.
    """
    key = lossbook_digest()
    if _imported and _imported.get("key") != key:
        for name in [m for m in sys.modules if m == "lossbook" or m.startswith("lossbook.")]:
            del sys.modules[name]
        importlib.invalidate_caches()
    _imported["key"] = key
    return importlib.import_module("lossbook")
