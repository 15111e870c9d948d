"""The loss explorer: its mount point on a page and its data file.

A page writes ``{{ explorer() }}``; ``docs/assets/explorer.js`` builds the widget in the
mount point from ``assets/data/explorer.json``, which :func:`explorer_json` computes from
``lossbook.explorer.explorer_data()`` (cached by lossbook's sources).
"""

from __future__ import annotations

import importlib
import json

from ._common import CACHE, fresh_lossbook, lossbook_digest, write_if_changed

__all__ = ["DATA_URI", "FALLBACK", "explorer_json", "render_explorer"]

DATA_URI = "assets/data/explorer.json"
FALLBACK = {
    "vi": "Công cụ khám phá hàm mất mát cần JavaScript. Không có nó, các hình bề mặt "
    "hàm mất mát ở trên cho cùng một thông tin ở dạng tĩnh.",
    "en": "The loss explorer needs JavaScript. Without it, the loss-landscape figures "
    "above show the same information, statically.",
}


def render_explorer(lang: str) -> str:
    """The explorer's mount point, with a sentence for readers without JavaScript.

    >>> render_explorer("en").startswith('<div class="lb-explorer" id="explorer" data-lang="en"><p>')
    True
    """
    if lang not in FALLBACK:
        raise ValueError(f"lang must be one of {tuple(FALLBACK)}; got {lang!r}")
    return f'<div class="lb-explorer" id="explorer" data-lang="{lang}"><p>{FALLBACK[lang]}</p></div>'


def explorer_json() -> bytes:
    """``explorer.json``'s bytes (compact UTF-8 JSON), from ``.cache/prerender/explorer`` when
    lossbook did not change since they were computed."""
    cache = CACHE / "explorer" / f"explorer.{lossbook_digest()}.json"
    if cache.is_file():
        return cache.read_bytes()
    fresh_lossbook()  # in a long-running `serve`, the edited lossbook, not the imported one
    data = importlib.import_module("lossbook.explorer").explorer_data()
    out = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()
    for stale in cache.parent.glob("explorer.*.json"):
        stale.unlink()
    write_if_changed(cache, out)
    return out
