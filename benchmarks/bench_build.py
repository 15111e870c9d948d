"""How long the site takes to build: cold (no caches) and after editing one page.

Prints seconds for: a cold strict build of both languages (figures drawn, notebooks
executed), then a rebuild after appending a blank line to one page (what `mkdocs serve`
does on save: a full build with warm figure/notebook caches). Targets from issue 3:
cold <= 30 s, rebuild <= 3 s on this 2-core machine.

    .venv/bin/python benchmarks/bench_build.py
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]


def build(site: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run([*MKDOCS, "-d", str(site)], cwd=ROOT, env=env, check=True)
    return time.perf_counter() - start


def clear_caches() -> None:
    shutil.rmtree(ROOT / ".cache", ignore_errors=True)
    shutil.rmtree(ROOT / "docs" / "assets" / "figures", ignore_errors=True)
    notebooks = ROOT / "docs" / "notebooks"
    for source in notebooks.glob("*.py"):  # the pages, downloads and images built from it
        name = source.stem
        for generated in [*notebooks.glob(f"{name}.md"), *notebooks.glob(f"{name}.*.md"),
                          *notebooks.glob(f"{name}.*.ipynb"), *notebooks.glob(f"{name}-*.png")]:
            generated.unlink()


def main() -> None:
    page = ROOT / "docs" / "06-sigmoid.md"
    if not page.exists():
        page = ROOT / "docs" / "index.md"
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        clear_caches()
        cold = build(site)
        warm = build(site)
        original = page.read_text(encoding="utf-8")
        try:
            page.write_text(original + "\n", encoding="utf-8")
            edited = build(site)
        finally:
            page.write_text(original, encoding="utf-8")
    print(f"{'build':<34}{'seconds':>8}{'target':>8}")
    print(f"{'cold (no caches, both languages)':<34}{cold:>8.2f}{30:>8}")
    print(f"{'warm (nothing changed)':<34}{warm:>8.2f}{'':>8}")
    print(f"{'after editing ' + page.name:<34}{edited:>8.2f}{3:>8}")
    print(f"ratio edited/cold: {edited / cold:.2f}")


if __name__ == "__main__":
    main()
