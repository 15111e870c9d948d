"""What lets readers (and search engines) find the site: the public address, per-page
descriptions, one sitemap for both languages, ``robots.txt``, the download links.

* :func:`public_url` — the site's public address: ``$LOSSBOOK_SITE_URL`` if set, else
  ``site_url`` of the root ``mkdocs.yml`` (the documented default). Canonical links,
  ``hreflang`` alternates, Open Graph URLs and the sitemap all derive from it.
* :func:`description` — a page's ``<meta name="description">``: its first paragraph of
  running text, formulas as their text (not TeX), cut at a word near 160 characters;
  :class:`Describe` sets it on every page that has none in its front matter.
* :func:`write_sitemap` — ``sitemap.xml`` of the default language's root listing the pages of
  every language, each with its ``xhtml:link`` alternates (``hreflang``, ``x-default``), and
  ``robots.txt`` pointing at it.
* :func:`link_downloads` — the home page's links to the zip and the PDFs (``downloads/…``):
  kept relative where the file is in the built site, else made absolute on the public
  address (a local build has no downloads; the published site has them).
"""

from __future__ import annotations

import gzip
import html
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.sax.saxutils import escape

ENV = "LOSSBOOK_SITE_URL"
"""The environment variable that sets the public address (``https://host/path/``)."""

DOWNLOADS = "downloads/"
LIMIT = 160


def public_url(default: str, environ: dict[str, str] | None = None) -> str:
    """The public address of the site's root, ending in ``/``: ``$LOSSBOOK_SITE_URL`` if set
    (and not empty), else ``default`` (``site_url`` of mkdocs.yml).

    >>> public_url("https://a.example/book", {})
    'https://a.example/book/'
    >>> public_url("https://a.example/", {"LOSSBOOK_SITE_URL": "https://b.example/x/"})
    'https://b.example/x/'
    >>> public_url("https://a.example/", {"LOSSBOOK_SITE_URL": "b.example"})
    Traceback (most recent call last):
    ValueError: LOSSBOOK_SITE_URL must be an http(s) address like https://host/path/, not 'b.example'
    """
    environ = os.environ if environ is None else environ
    url = (environ.get(ENV) or "").strip()
    name = ENV if url else "site_url (mkdocs.yml)"
    url = url or str(default or "")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(f"{name} must be an http(s) address like https://host/path/, not {url!r}")
    return url.rstrip("/") + "/"


# --- descriptions ------------------------------------------------------------------------------

_STANDIN = re.compile(r"<!--lb-katex:[0-9a-f]{16}-->(.*?)<!--/lb-katex-->", re.DOTALL)
_KATEX = re.compile(r'<span class="katex-mathml">.*?</span>', re.DOTALL)  # restored pages: MathML twice
_CONTAINERS = {"div", "details", "aside", "nav", "figure", "table", "blockquote", "ul", "ol", "dl", "header"}


class _Paragraphs(HTMLParser):
    """The text of each ``<p>`` that sits in no container (admonition, figure, list, …)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._open: list[str] = []
        self._text: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag == "p" and self._text is None and not any(t in _CONTAINERS for t in self._open):
            self._text = []
        elif tag in ("script", "style", "sup", "annotation"):
            self._skip += 1
        if tag not in ("br", "img", "input", "hr", "wbr", "p"):
            self._open.append(tag)

    def handle_endtag(self, tag):
        if tag == "p" and self._text is not None:
            self.found.append(" ".join("".join(self._text).split()))
            self._text = None
            return
        if tag in ("script", "style", "sup", "annotation"):
            self._skip = max(0, self._skip - 1)
        if tag in self._open:
            while self._open and self._open.pop() != tag:
                pass

    def handle_data(self, data):
        if self._text is not None and not self._skip:
            self._text.append(data)


def description(content: str, limit: int = LIMIT) -> str | None:
    """The page's description: the first top-level paragraph of at least 40 characters,
    formulas as their text, cut at a word before ``limit`` characters (with "…"); None when
    the page has no such paragraph.

    >>> description('<div class="admonition"><p>Not this one, it is in a box of its own.</p></div>'
    ...             '<p>Short.</p><p>The loss <!--lb-katex:0123456789abcdef-->L(z)<!--/lb-katex--> of one '
    ...             'sample is <em>convex</em> in its score.</p>')
    'The loss L(z) of one sample is convex in its score.'
    >>> description("<p>" + "word " * 60 + "</p>", limit=30)
    'word word word word word word…'
    >>> description("<h1>Only a title</h1>") is None
    True
    """
    if not isinstance(content, str):
        raise TypeError(f"content must be a str, not {type(content).__name__}")
    parser = _Paragraphs()
    parser.feed(_KATEX.sub("", _STANDIN.sub(lambda m: html.escape(m.group(1)), content)))
    parser.close()
    text = next((t for t in parser.found if len(t) >= 40), None)
    if text is None:
        return None
    if len(text) > limit:
        cut = text[: limit - 1]
        if text[limit - 1] != " ":  # a word cut in two: drop it
            cut = cut.rsplit(" ", 1)[0]
        text = cut.rstrip(" ,;:—–-") + "…"
    return text


class Describe:
    """An in-process MkDocs plugin: each page without ``description:`` in its front matter
    gets its first paragraph's (Material writes ``page.meta.description`` into the head and
    the Open Graph tags in ``overrides/main.html`` reuse it)."""

    def on_page_content(self, content, *, page, config, files):
        if not page.meta.get("description"):
            found = description(content)
            if found:
                page.meta["description"] = found
        return content


# --- sitemap, robots.txt -----------------------------------------------------------------------

_LOC = re.compile(r"<loc>([^<]*)</loc>")


def sitemap_urls(path: Path) -> list[str]:
    """The ``<loc>`` addresses of a sitemap MkDocs wrote."""
    return [html.unescape(u) for u in _LOC.findall(Path(path).read_text(encoding="utf-8"))]


def write_sitemap(site: Path, roots: dict[str, str], sitemaps: dict[str, Path]) -> Path:
    """Write ``site/sitemap.xml`` (and its ``.gz``) listing the pages of every language and
    ``site/robots.txt`` pointing at it. ``roots``: locale → that language's public root,
    default language first; ``sitemaps``: locale → the sitemap its build wrote. A page whose
    twin exists in the other languages gets ``xhtml:link`` alternates for each and
    ``x-default`` (the default language's). Returns the sitemap's path."""
    default = next(iter(roots))
    pages: dict[str, dict[str, str]] = {}  # path under a language root → locale → URL
    order: list[str] = []
    for lang, root in roots.items():
        for url in sitemap_urls(sitemaps[lang]):
            if not url.startswith(root):
                raise ValueError(f"{sitemaps[lang]}: {url} is not under the language's root {root}")
            rel = url[len(root) :]
            if rel not in pages:
                pages[rel], order = {}, [*order, rel]
            pages[rel][lang] = url
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for rel in order:
        twins = pages[rel]
        for url in twins.values():
            lines.append(f"  <url><loc>{escape(url)}</loc>")
            if len(twins) > 1:
                for lang, alt in twins.items():
                    lines.append(f'    <xhtml:link rel="alternate" hreflang="{lang}" href="{escape(alt)}"/>')
                if default in twins:
                    lines.append(
                        f'    <xhtml:link rel="alternate" hreflang="x-default" href="{escape(twins[default])}"/>'
                    )
            lines.append("  </url>")
    lines.append("</urlset>\n")
    target = Path(site) / "sitemap.xml"
    text = "\n".join(lines)
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
        (Path(site) / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    robots = f"User-agent: *\nAllow: /\n\nSitemap: {roots[default]}sitemap.xml\n"
    if not (Path(site) / "robots.txt").is_file() or (Path(site) / "robots.txt").read_text(encoding="utf-8") != robots:
        (Path(site) / "robots.txt").write_text(robots, encoding="utf-8")
    return target


# --- download links ---------------------------------------------------------------------------

_HREF = re.compile(r'(<a\b[^>]*?\bhref=")([^"#?]*)(")')


def link_downloads(site: Path, site_root: str, public_root: str, local: tuple[str, ...] = ()) -> list[Path]:
    """In a built site (one language, at ``site_root`` of the merged site: ``""`` or
    ``"en/"``), point each ``<a href>`` into ``downloads/`` at the public copy
    (``public_root + "downloads/…"``) unless the file is one of ``local`` (site paths such as
    ``"downloads/lossbook-vi.pdf"``, shipped with this copy). Returns the pages changed.

    >>> import tempfile; d = Path(tempfile.mkdtemp())
    >>> _ = (d / "index.html").write_text('<a href="../downloads/a.zip">z</a> <a href="../downloads/b.pdf">p</a>')
    >>> _ = link_downloads(d, "en/", "https://x.example/", local=("downloads/b.pdf",))
    >>> (d / "index.html").read_text()
    '<a href="https://x.example/downloads/a.zip">z</a> <a href="../downloads/b.pdf">p</a>'
    """
    changed = []
    fake = "http://lossbook.invalid/"
    for page in sorted(Path(site).rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if DOWNLOADS not in text:
            continue
        here = fake + site_root + page.relative_to(site).as_posix()

        def swap(m, here=here):
            target = urljoin(here, m.group(2))
            if not target.startswith(fake + DOWNLOADS) or target[len(fake) :] in local:
                return m.group(0)
            return m.group(1) + public_root + target[len(fake) :] + m.group(3)

        new = _HREF.sub(swap, text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed.append(page)
    return changed
