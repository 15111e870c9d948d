"""Every chapter's frame: ``{{ chapter_header() }}`` under its title and
``{{ chapter_footer() }}`` at its end.

The header says what the reader will learn, what they need and how long it takes; the footer
holds the key takeaways and the chapter's check of understanding. Both are data
(``docs/_data/chapters.yml``), rendered in the page's language.
"""

from __future__ import annotations

__all__ = ["render_chapter_footer", "render_chapter_header"]


def render_chapter_header(page: str, lang: str) -> str:
    """The header of chapter ``page`` (``07-mse-sigmoid.md``) in ``lang``; empty until the
    chapter has an entry."""
    return ""


def render_chapter_footer(page: str, lang: str) -> str:
    """The footer of chapter ``page`` in ``lang``; empty until the chapter has an entry."""
    return ""
