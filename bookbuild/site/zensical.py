"""The same pre-rendered pages built with Zensical (0.0.x), for the smoke check of ``make test``.

Material for MkDocs reaches its end of life on 2027-05-05 and names Zensical its successor
(docs: /work/shared/reviews/GENERATOR.md). Zensical reads ``mkdocs.yml`` but runs no hook and no
i18n plugin; the pre-rendered Markdown, :mod:`bookbuild.site.mdext` and the overrides are all it
needs. Each language is built strict (``zensical build --clean``) into
``build/prerender/<lang>/zensical-site/``, KaTeX's files are shipped, and the languages merged.
Zensical has its own search (it already ignores diacritics), so there is no folding step.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from . import ROOT, katex
from .build import BuildError, locales
from .config import OUT, write_config
from .merge import merge, ship


def zensical_command() -> list[str]:
    """The ``zensical`` executable of this Python environment."""
    exe = Path(sys.executable).parent / "zensical"
    if not exe.exists():
        raise BuildError(f"zensical is not installed in {Path(sys.executable).parent}: run `make setup`")
    return [str(exe)]


def build_language(lang: str, out: Path = OUT) -> Path:
    """Zensical build of ``out/<lang>``, strict; returns the built folder."""
    config = write_config(lang, out, ssg="zensical")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    proc = subprocess.run(
        [*zensical_command(), "build", "--clean", "-f", str(config)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode:
        raise BuildError(f"{lang}: zensical build failed:\n{(proc.stdout + proc.stderr)[-4000:]}")
    site = config.parent / "zensical-site"
    ship(katex.assets(), site)
    return site


def build_zensical(site: Path, out: Path = OUT) -> list[str]:
    """Every language with Zensical, merged into ``site``; returns what changed there."""
    every = locales()
    return merge({lang: build_language(lang, out) for lang in every}, Path(site), every)
