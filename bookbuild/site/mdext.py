"""The one Python-Markdown extension of the site: KaTeX math and ``<section>`` wrapping.

``pymdownx.arithmatex`` (``generic: true``) leaves ``<span class="arithmatex">\\(..\\)</span>``
and ``<div class="arithmatex">\\[..\\]</div>``; this extension's postprocessor, which runs
after Python-Markdown has put the raw HTML back, replaces each with KaTeX's output
(:mod:`bookbuild.site.katex`; a display formula in a focusable ``<div class="lb-math">``,
because a wide one scrolls) and then wraps the sections (:mod:`bookbuild.site.sections`).
It works in any Python-Markdown site generator (MkDocs, Zensical)::

    markdown_extensions:
      - bookbuild.site.mdext:
          standins: true     # MkDocs: formulas as search stand-ins, restored after the build

A formula KaTeX cannot parse fails the build with :class:`~bookbuild.site.katex.KatexError`
(MkDocs names the page in its log).
"""

from __future__ import annotations

import html
import re

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from . import katex
from .sections import sectioned

MATH = re.compile(r'<(?P<tag>span|div) class="arithmatex">(?P<body>.*?)</(?P=tag)>', re.DOTALL)


def strip_delimiters(body: str) -> tuple[str, bool]:
    """(TeX, display?) of arithmatex's ``\\(..\\)`` or ``\\[..\\]``, HTML entities decoded.

    >>> strip_delimiters("\\\\[\\nx^2 &lt; 1\\n\\\\]")
    ('x^2 < 1', True)
    """
    tex = html.unescape(body).strip()
    if tex.startswith("\\[") and tex.endswith("\\]"):
        return tex[2:-2].strip(), True
    if tex.startswith("\\(") and tex.endswith("\\)"):
        return tex[2:-2].strip(), False
    raise ValueError(f"unexpected arithmatex output {tex[:40]!r}: is pymdownx.arithmatex generic: true?")


def page_html(text: str, standins: bool = False) -> str:
    """A page's HTML with its formulas rendered and its sections wrapped.

    >>> out = page_html('<h2 id="a">A</h2><p><span class="arithmatex">\\\\(z\\\\)</span></p>')
    >>> out.startswith('<h2 id="a">A</h2><section class="lb-section"><p><span class="katex">')
    True
    """
    draw = katex.standin if standins else katex.render

    def replace(match: re.Match) -> str:
        tex, display = strip_delimiters(match["body"])
        out = draw(tex, display)
        return f'<div class="lb-math" tabindex="0">{out}</div>' if display else out

    return sectioned(MATH.sub(replace, text))


class PageHtml(Postprocessor):
    def __init__(self, md: Markdown, standins: bool) -> None:
        super().__init__(md)
        self.standins = standins

    def run(self, text: str) -> str:
        return page_html(text, self.standins)


class PageHtmlExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {"standins": [False, "formulas as search stand-ins (restore with katex.restore_site)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # Priority 5: after raw_html (30), which puts arithmatex's stashed spans back.
        md.postprocessors.register(PageHtml(md, bool(self.getConfig("standins"))), "lb_page_html", 5)


def makeExtension(**kwargs) -> PageHtmlExtension:  # noqa: N802 - Python-Markdown's entry point
    return PageHtmlExtension(**kwargs)
