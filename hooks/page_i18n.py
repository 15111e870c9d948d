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
4. Anchors: Python-Markdown's slugs drop every letter outside ASCII after stripping
   accents, and "đ" has no accent to strip ("Dữ liệu tách được" became
   ``du-lieu-tach-uoc``). Headings are slugged from their Vietnamese spelling folded to
   ASCII as Vietnamese writers do (``du-lieu-tach-duoc``).
5. Vietnamese without diacritics: readers often type "ham mat mat" for "hàm mất mát".
   Material's lunr index is built in the browser from the JSON, with no hook for a
   custom pipeline, so each Vietnamese entry carries the folded spelling of its accented
   words in a hidden ``<span>`` (Material's tokenizer skips tags; the span never shows).
"""
from __future__ import annotations

import html
import json
import re
import shutil
import unicodedata
from pathlib import Path

from markdown.extensions.toc import slugify as ascii_slugify
from mkdocs.plugins import event_priority

ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{.*?"base": ")([^"]*)(")')
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_NAME = {"vi": "Tìm kiếm", "en": "Search"}
TAG = re.compile(r"<[^>]*>")
WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Vietnamese without diacritics, as typed on a keyboard without a Vietnamese layout.

    >>> fold("Hàm mất mát, entropy chéo, Đạo hàm")
    'Ham mat mat, entropy cheo, Dao ham'
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def slugify(value: str, separator: str) -> str:
    """A heading's anchor: Python-Markdown's slug of its folded spelling.

    >>> slugify("Dữ liệu tách được: không có điểm cực tiểu", "-")
    'du-lieu-tach-duoc-khong-co-diem-cuc-tieu'
    >>> slugify("Stable BCE from logits", "-")
    'stable-bce-from-logits'
    """
    return ascii_slugify(fold(value), separator)


def on_config(config):
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify
    return config


def with_folded_words(field: str) -> str:
    """``field`` (HTML of Material's index) plus a hidden span of the folded spelling of
    its accented words, each once, in lower case (lunr's case); unchanged when it has none.

    >>> with_folded_words("<p>Hàm mất mát của <code>sigmoid</code></p>")
    '<p>Hàm mất mát của <code>sigmoid</code></p><span hidden>ham mat cua</span>'
    >>> with_folded_words("binary cross-entropy")
    'binary cross-entropy'
    """
    words = dict.fromkeys(fold(w).lower() for w in WORD.findall(html.unescape(TAG.sub(" ", field))) if fold(w) != w)
    return f"{field}<span hidden>{html.escape(' '.join(words))}</span>" if words else field


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
    vi = [dict(d, title=with_folded_words(d["title"]), text=with_folded_words(d["text"]))
          for d in merged["docs"] if not d["location"].startswith("en/")]
    en = [dict(d, location=d["location"][len("en/"):]) for d in merged["docs"] if d["location"].startswith("en/")]
    if not en:
        return  # already split (a hook event seen twice)
    (english / "search").mkdir(exist_ok=True)
    (english / "search" / "search_index.json").write_text(
        json.dumps({**merged, "docs": en}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    index.write_text(json.dumps({**merged, "docs": vi}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
