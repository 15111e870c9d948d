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

import re

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# A start or end tag (comments, like the math hook's stand-ins, and text never match).
_TAG = re.compile(r"<(?P<end>/)?(?P<name>[a-zA-Z][\w:-]*)\b[^>]*?(?P<self>/)?>")


def top_level_h2(html: str) -> list[int]:
    """Offsets of the ``<h2>`` start tags at nesting depth 0 (a regular-expression scan:
    MkDocs' HTML is well formed, and this runs on every page of every rebuild).

    >>> top_level_h2('<h2>a</h2><div><h2>b</h2><br></div><h2 id="c">c</h2>')
    [0, 35]
    """
    depth, offsets = 0, []
    for tag in _TAG.finditer(html):
        name = tag["name"].lower()
        if tag["end"]:
            depth = max(0, depth - 1)
        elif name not in _VOID and not tag["self"]:
            if name == "h2" and depth == 0:
                offsets.append(tag.start())
            depth += 1
    return offsets


def sectioned(html: str) -> str:
    """``html`` with everything from each top-level ``<h2>`` to the next one (or the end)
    wrapped in a section; what comes before the first ``<h2>`` is left as it is.

    >>> sectioned('<h1>T</h1><p>a</p><h2 id="x">X</h2><p>b</p><div><h2>in</h2></div><h2 id="y">Y</h2>')
    '<h1>T</h1><p>a</p><section class="lb-section"><h2 id="x">X</h2><p>b</p><div><h2>in</h2></div></section><section class="lb-section"><h2 id="y">Y</h2></section>'
    >>> sectioned("<p>no sections</p>")
    '<p>no sections</p>'
    """
    offsets = top_level_h2(html)
    if not offsets:
        return html
    bounds = [*offsets, len(html)]
    parts = [html[: offsets[0]]]
    parts += [f'<section class="lb-section">{html[a:b]}</section>' for a, b in zip(bounds, bounds[1:])]
    return "".join(parts)


def on_page_content(html: str, page, config, files) -> str:
    return sectioned(html)
