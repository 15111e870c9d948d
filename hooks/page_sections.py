"""MkDocs hook: each ``##`` section of a page in its own ``<section class="lb-section">``.

The chapters are long and their formulas are thousands of KaTeX elements. With
``content-visibility: auto`` on each section (docs/assets/lossbook.css) the browser lays
out and paints only the sections near the screen: the first screen of text appears
without waiting for the style and layout of the whole chapter (Lighthouse, on the
heaviest chapter: total blocking time and largest contentful paint). Off-screen sections
stay in the document, so find-in-page, anchors, screen readers and printing see them.

Only ``<h2>`` that stand at the top level of the content are section starts; one inside
an admonition, a tab or a ``<div>`` is left where it is.
"""
from __future__ import annotations

from html.parser import HTMLParser

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _TopLevelH2(HTMLParser):
    """Offsets, in the parsed text, of the ``<h2>`` start tags at nesting depth 0."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                self.line_starts.append(i + 1)
        self.depth = 0
        self.offsets: list[int] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "h2" and self.depth == 0:
            line, col = self.getpos()
            self.offsets.append(self.line_starts[line - 1] + col)
        if tag not in _VOID:
            self.depth += 1

    def handle_startendtag(self, tag, attrs) -> None:
        pass

    def handle_endtag(self, tag) -> None:
        if tag not in _VOID:
            self.depth = max(0, self.depth - 1)


def sectioned(html: str) -> str:
    """``html`` with everything from each top-level ``<h2>`` to the next one (or the end)
    wrapped in a section; what comes before the first ``<h2>`` is left as it is.

    >>> sectioned('<h1>T</h1><p>a</p><h2 id="x">X</h2><p>b</p><div><h2>in</h2></div><h2 id="y">Y</h2>')
    '<h1>T</h1><p>a</p><section class="lb-section"><h2 id="x">X</h2><p>b</p><div><h2>in</h2></div></section><section class="lb-section"><h2 id="y">Y</h2></section>'
    >>> sectioned("<p>no sections</p>")
    '<p>no sections</p>'
    """
    offsets = _TopLevelH2(html).offsets
    if not offsets:
        return html
    bounds = [*offsets, len(html)]
    parts = [html[: offsets[0]]]
    parts += [f'<section class="lb-section">{html[a:b]}</section>' for a, b in zip(bounds, bounds[1:])]
    return "".join(parts)


def on_page_content(html: str, page, config, files) -> str:
    return sectioned(html)
