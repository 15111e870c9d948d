"""Heading anchors for Vietnamese: the slug of the heading folded to ASCII.

Python-Markdown's slugify strips accents and drops every other letter outside ASCII;
"đ" has no accent to strip, so "Dữ liệu tách được" became ``du-lieu-tach-uoc``. Folding
first, as Vietnamese writers do without a Vietnamese keyboard, keeps the letter:
``du-lieu-tach-duoc``. The generated ``mkdocs.yml`` names :func:`slugify` by import path
(``toc: slugify: !!python/name:bookbuild.site.slugs.slugify``), which MkDocs and Zensical
both understand.
"""

from __future__ import annotations

import unicodedata

from markdown.extensions.toc import slugify as ascii_slugify


def fold(text: str) -> str:
    """Vietnamese without diacritics, as typed on a keyboard without a Vietnamese layout.

    >>> fold("Hàm mất mát, entropy chéo, Đạo hàm")
    'Ham mat mat, entropy cheo, Dao ham'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
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
