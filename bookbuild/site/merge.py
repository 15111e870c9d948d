"""One site from the per-language builds: the default language at ``site/``, each other
language at ``site/<locale>/``; a file is written only when its bytes change and stale files
are removed, so a rebuild of one language leaves the other's files (and their times) alone.
"""

from __future__ import annotations

import shutil
from pathlib import Path


def _same(a: Path, b: Path) -> bool:
    return b.is_file() and a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()


def sync(src: Path, dst: Path, keep: tuple[str, ...] = ()) -> list[str]:
    """Make ``dst`` a copy of ``src``; top-level entries of ``dst`` named in ``keep`` (another
    language's folder) are left alone. Returns the paths written or removed (relative).

    >>> import tempfile; d = Path(tempfile.mkdtemp())
    >>> _ = (d / "a").mkdir(), (d / "a" / "x.html").write_text("1"), (d / "b" / "en").mkdir(parents=True)
    >>> _ = (d / "b" / "old.html").write_text("0"), (d / "b" / "en" / "y.html").write_text("2")
    >>> sync(d / "a", d / "b", keep=("en",)), sync(d / "a", d / "b", keep=("en",))
    (['x.html', 'old.html'], [])
    >>> sorted(p.relative_to(d / "b").as_posix() for p in (d / "b").rglob("*.html"))
    ['en/y.html', 'x.html']
    """
    src, dst = Path(src), Path(dst)
    if not src.is_dir():
        raise FileNotFoundError(f"src is not a built site: {src}")
    changed, wanted = [], set()
    for path in sorted(src.rglob("*")):
        if path.is_dir():
            continue
        rel = path.relative_to(src)
        if rel.parts[0] in keep:
            raise ValueError(f"{src} has {rel.parts[0]}/, the place of another language")
        wanted.add(rel)
        target = dst / rel
        if not _same(path, target):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            changed.append(rel.as_posix())
    if dst.is_dir():
        for path in sorted(dst.rglob("*"), reverse=True):  # files before their folders
            rel = path.relative_to(dst)
            if rel.parts[0] in keep:
                continue
            if path.is_file() and rel not in wanted:
                path.unlink()
                changed.append(rel.as_posix())
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed


def ship(files: dict[str, Path], site: Path) -> list[str]:
    """Copy ``files`` (site path → source) into a built ``site``; returns those written."""
    written = []
    for rel, source in files.items():
        target = Path(site) / rel
        if not _same(source, target):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            written.append(rel)
    return written


def merge(built: dict[str, Path], site: Path, locales: list[str]) -> list[str]:
    """``built`` (locale → that language's site; some or all of ``locales``) into ``site``:
    the first locale, the default, at the root, the others under ``<locale>/`` (a rebuild
    of one language leaves the others' folders alone). Returns what changed, relative to ``site``."""
    if not locales:
        raise ValueError("locales must name at least the default language")
    unknown = set(built) - set(locales)
    if unknown:
        raise ValueError(f"built has languages not in locales {locales}: {sorted(unknown)}")
    default, others = locales[0], tuple(locales[1:])
    changed = []
    for lang, folder in built.items():
        if lang == default:
            changed += sync(folder, site, keep=others)
        else:
            changed += [f"{lang}/{p}" for p in sync(folder, Path(site) / lang)]
    return changed
