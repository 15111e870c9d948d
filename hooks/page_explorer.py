"""MkDocs hook: export the loss explorer's data from lossbook before the build.

Writes ``docs/assets/data/explorer.json`` (git-ignored) from
``lossbook.explorer.explorer_data()``, only when its bytes change so ``mkdocs serve``
does not loop. Pages embed the widget with ``{{ explorer() }}`` (hooks/page_numbers.py).
"""
from __future__ import annotations

import importlib
import json
from pathlib import Path


def on_pre_build(config) -> None:
    explorer = importlib.import_module("lossbook.explorer")
    data = json.dumps(explorer.explorer_data(), separators=(",", ":"), ensure_ascii=False).encode()
    target = Path(config.docs_dir) / "assets" / "data" / "explorer.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != data:
        target.write_bytes(data)
