"""The body of each top-level ``##`` section of a page in a ``<section class="lb-section">``.

The chapters are long and their formulas are thousands of KaTeX elements. With
``content-visibility: auto`` on each section (docs/assets/lossbook.css) the browser lays
out and paints only the sections near the screen: the first screen of text appears
without waiting for the style and layout of the whole chapter (Lighthouse, on the
heaviest chapter: total blocking time and largest contentful paint). Off-screen sections
stay in the document, so find-in-page, anchors, screen readers and printing see them.

Only ``<h2>`` that stand at the top level of the content are section starts; one inside
an admonition, a tab or a ``<div>`` is left where it is. :mod:`bookbuild.site.mdext` applies
:func:`sectioned` to every page.
"""

from __future__ import annotations

import re

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# A start or end tag (comments, like the math hook's stand-ins, and text never match).
_TAG = re.compile(r"<(?P<end>/)?(?P<name>[a-zA-Z][\w:-]*)\b[^>]*?(?P<self>/)?>")


def top_level_h2(html: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the ``<h2>…</h2>`` at nesting depth 0 (a regular-expression
    scan: MkDocs' HTML is well formed, and this runs on every page of every rebuild).

    >>> top_level_h2('<h2>a</h2><div><h2>b</h2><br></div><h2 id="c">c</h2>')
    [(0, 10), (35, 52)]
    """
    depth, spans, start = 0, [], None
    for tag in _TAG.finditer(html):
        name = tag["name"].lower()
        if tag["end"]:
            depth = max(0, depth - 1)
            if name == "h2" and depth == 0 and start is not None:
                spans.append((start, tag.end()))
                start = None
        elif name not in _VOID and not tag["self"]:
            if name == "h2" and depth == 0:
                start = tag.start()
            depth += 1
    return spans


def sectioned(html: str) -> str:
    """``html`` with what follows each top-level ``<h2>``, up to the next one (or the end),
    wrapped in a section. The heading itself stays outside: Material's table of contents
    measures where every heading is, and a heading inside a skipped section would make
    the browser lay that section out after all.

    >>> sectioned('<h1>T</h1><p>a</p><h2 id="x">X</h2><p>b</p><div><h2>in</h2></div><h2 id="y">Y</h2><p>c</p>')
    '<h1>T</h1><p>a</p><h2 id="x">X</h2><section class="lb-section"><p>b</p><div><h2>in</h2></div></section><h2 id="y">Y</h2><section class="lb-section"><p>c</p></section>'
    >>> sectioned("<p>no sections</p>")
    '<p>no sections</p>'
    """
    if not isinstance(html, str):
        raise TypeError(f"html must be a str, not {type(html).__name__}")
    spans = top_level_h2(html)
    if not spans:
        return html
    parts = [html[: spans[0][0]]]
    for (start, end), following in zip(spans, [s for s, _ in spans[1:]] + [len(html)], strict=True):
        parts.append(html[start:end])
        if html[end:following].strip():
            parts.append(f'<section class="lb-section">{html[end:following]}</section>')
    return "".join(parts)
