"""Vietnamese typed without diacritics finds the accented words.

Readers often type "ham mat mat" for "hàm mất mát". Material's lunr index is built in the
browser from ``search/search_index.json``, with no hook for a custom pipeline, so after the
build of a language with ``fold_search: true`` (mkdocs.yml ``languages:``) each entry gets
the folded spelling of its accented words in a hidden ``<span>`` (Material's tokenizer skips
tags; the span never shows in a result).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from .slugs import fold

TAG = re.compile(r"<[^>]*>")
WORD = re.compile(r"\w+")
FOLDED = re.compile(r"<span hidden>[^<]*</span>$")


def with_folded_words(field: str) -> str:
    """``field`` (HTML of Material's index) plus a hidden span of the folded spelling of
    its accented words, each once, in lower case (lunr's case); unchanged when it has none,
    or when it already has its span.

    >>> with_folded_words("<p>Hàm mất mát của <code>sigmoid</code></p>")
    '<p>Hàm mất mát của <code>sigmoid</code></p><span hidden>ham mat cua</span>'
    >>> with_folded_words("binary cross-entropy")
    'binary cross-entropy'
    """
    if not isinstance(field, str):
        raise TypeError(f"field must be a str, not {type(field).__name__}")
    if FOLDED.search(field):
        return field
    words = dict.fromkeys(fold(w).lower() for w in WORD.findall(html.unescape(TAG.sub(" ", field))) if fold(w) != w)
    return f"{field}<span hidden>{html.escape(' '.join(words))}</span>" if words else field


def fold_index(site: Path) -> int:
    """Add the folded words to every entry of ``site/search/search_index.json``; returns the
    number of entries. A site without an index raises FileNotFoundError."""
    index = Path(site) / "search" / "search_index.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    data["docs"] = [
        dict(d, title=with_folded_words(d["title"]), text=with_folded_words(d["text"])) for d in data["docs"]
    ]
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(data["docs"])
