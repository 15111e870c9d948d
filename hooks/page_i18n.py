"""MkDocs hook: what mkdocs-static-i18n and Material leave undone for a two-language site.

1. Material fetches ``sitemap.xml`` at its base URL and under every ``<link rel="alternate">``
   of the page. mkdocs-static-i18n writes one sitemap at the root (listing both languages,
   with their hreflang alternates) and points the alternates at the page's twin, so every
   page asked for ``<page>/sitemap.xml`` and ``<twin>/sitemap.xml``: two 404s and two
   console errors per page. The English build gets a copy of the sitemap, and the head's
   alternate links are dropped (the switcher already links the twin; the sitemap keeps the
   hreflang alternates for search engines).
2. Search: mkdocs-static-i18n merges both languages into one index, so an English reader
   got Vietnamese pages (mkdocs-static-i18n #271). After the merge, the index is split:
   ``search/search_index.json`` keeps the Vietnamese pages, ``en/search/search_index.json``
   the English ones, and English pages point Material's ``base`` at ``/en/``.
3. Material's search dialog has ``role="dialog"`` and no name (axe: aria-dialog-name,
   serious): it gets one.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{.*?"base": ")([^"]*)(")')
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_NAME = {"vi": "Tìm kiếm", "en": "Search"}


def on_post_page(output: str, page, config) -> str:
    lang = getattr(page.file, "locale", None) or "vi"
    output = ALTERNATE.sub("", output)
    output = output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{SEARCH_NAME[lang]}">')
    if lang == "en":  # Material's base for English pages: the English root (search index, sitemap)
        output = CONFIG_BASE.sub(lambda m: f"{m[1]}{m[2].rstrip('/') or '.'}/en/{m[3]}", output, count=1)
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built English and merged the index
def on_post_build(config) -> None:
    site = Path(config.site_dir)
    english = site / "en"
    index = site / "search" / "search_index.json"
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return  # inside the nested English build: the merged index does not exist yet
    if not english.is_dir() or not index.exists():
        return
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        if (site / name).exists():
            shutil.copyfile(site / name, english / name)
    merged = json.loads(index.read_text(encoding="utf-8"))
    vi = [d for d in merged["docs"] if not d["location"].startswith("en/")]
    en = [dict(d, location=d["location"][len("en/"):]) for d in merged["docs"] if d["location"].startswith("en/")]
    if not en:
        return  # already split (a hook event seen twice)
    (english / "search").mkdir(exist_ok=True)
    (english / "search" / "search_index.json").write_text(
        json.dumps({**merged, "docs": en}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    index.write_text(json.dumps({**merged, "docs": vi}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
