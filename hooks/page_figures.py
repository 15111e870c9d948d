"""MkDocs hook: draw every figure of ``lossbook.figures.FIGURES`` in both languages.

Each figure becomes ``docs/assets/figures/<name>.<lang>.svg`` (git-ignored, written
before MkDocs collects the files, rewritten only when its bytes change so ``mkdocs serve``
does not loop); a page links ``assets/figures/<name>.svg`` and mkdocs-static-i18n picks
the file of the page's language. Figures are cached in ``.cache/figures`` under a key made of the lossbook
sources they can depend on and the matplotlib version, so an unchanged figure is never
redrawn; SVGs are deterministic (fixed hash salt, no date), so the same inputs give the
same bytes.
"""
from __future__ import annotations

import hashlib
import importlib
import re
import sys
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "figures"
LANGS = ("vi", "en")
# Text-only modules a figure never draws from: editing them must not redraw figures.
NOT_DRAWN_FROM = {"errata.py"}
DRAW = Path(__file__).resolve().parent / "draw_figures.py"
WORKERS = 2  # this machine has two cores



def sources_key() -> str:
    import matplotlib

    digest = hashlib.sha256(matplotlib.__version__.encode())
    for path in sorted((ROOT / "lossbook").rglob("*")):
        if path.is_file() and path.suffix in {".py", ".csv"} and path.name not in NOT_DRAWN_FROM:
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def figure_paths() -> dict[str, Path]:
    """Every figure's cached SVG, drawing the missing ones (two workers, two cores)."""
    figures = importlib.import_module("lossbook.figures")
    key = sources_key()
    CACHE.mkdir(parents=True, exist_ok=True)
    wanted = {
        f"assets/figures/{name}.{lang}.svg": CACHE / f"{name}.{lang}.{key}.svg"
        for name in figures.FIGURES
        for lang in LANGS
    }
    missing = [(uri, path) for uri, path in wanted.items() if not path.exists()]
    if missing:
        jobs = [f"{path}:{Path(uri).name.split('.')[0]}:{Path(uri).name.split('.')[1]}" for uri, path in missing]
        workers = [
            subprocess.Popen([sys.executable, str(DRAW), *jobs[i::WORKERS]], cwd=ROOT)
            for i in range(min(WORKERS, len(jobs)))
        ]
        if any(w.wait() != 0 for w in workers):
            raise PluginError("drawing the figures failed (see the traceback above)")
        for stale in CACHE.glob("*.svg"):
            if stale not in wanted.values():
                stale.unlink()
    return wanted


def on_pre_build(config) -> None:
    # Under `mkdocs serve`, hooks/page_numbers.py (the first hook) has already re-imported
    # lossbook if one of its sources changed; otherwise its caches stay warm.
    out_dir = Path(config.docs_dir) / "assets" / "figures"
    out_dir.mkdir(parents=True, exist_ok=True)
    wanted = figure_paths()
    for uri, cached in wanted.items():
        target = Path(config.docs_dir) / uri
        data = cached.read_bytes()
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
    names = {Path(uri).name for uri in wanted}
    for old in out_dir.glob("*.svg"):
        if old.name not in names:
            old.unlink()


_IMG = re.compile(r'<img (?P<attrs>[^>]*?)src="(?P<src>[^"]*assets/figures/(?P<name>[\w-]+)\.svg)"(?P<rest>[^>]*)>')
_SIZE = re.compile(r'<svg[^>]*?\swidth="(?P<w>[0-9.]+)pt"\s+height="(?P<h>[0-9.]+)pt"')


def on_page_content(html: str, page, config, files) -> str:
    """Each figure's ``<img>`` gets its size (the layout does not jump when it arrives) and,
    after the first figure of the page, ``loading="lazy"``: a reader on a phone downloads
    the figures as they scroll to them, not all before the text settles."""
    lang = getattr(page.file, "locale", None) or "vi"
    seen = 0

    def sized(match: re.Match) -> str:
        nonlocal seen
        svg = Path(config.docs_dir) / "assets" / "figures" / f"{match['name']}.{lang}.svg"
        size = _SIZE.search(svg.read_text(encoding="utf-8")[:1000]) if svg.is_file() else None
        extra = f' width="{round(float(size["w"]) * 4 / 3)}" height="{round(float(size["h"]) * 4 / 3)}"' if size else ""
        extra += ' loading="lazy" decoding="async"' if seen else ""
        seen += 1
        return f'<img {match["attrs"]}src="{match["src"]}"{extra}{match["rest"]}>'

    return _IMG.sub(sized, html)


def on_config(config):
    # MkDocs restores sys.path after importing a hook, so make lossbook importable here.
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return config
