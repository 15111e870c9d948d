"""TeX → HTML + MathML with KaTeX at build time, by one long-lived Node process.

Readers download only KaTeX's CSS and the woff2 fonts it uses: no math JavaScript, nothing
from a third-party host. ``katex_render.cjs`` (next to this file) reads one JSON request per
line, ``{"tex": …, "display": …}``, and answers ``{"html": …}`` or ``{"error": …}``.

**Search stand-ins.** MkDocs' search plugin parses every page's HTML; thousands of KaTeX
tags per page made that parse a third of a rebuild, and put KaTeX's glyph soup and the TeX
annotations into the index. So, under MkDocs, a page first holds each formula as its
MathML's *text* between two comments (:func:`standin`) — what the index should say — and
:func:`restore` puts KaTeX's HTML back in the written files (:func:`restore_site`).
"""

from __future__ import annotations

import atexit
import hashlib
import json
import re
import subprocess
import threading
from pathlib import Path

from . import ROOT

KATEX_DIST = ROOT / "node_modules" / "katex" / "dist"
RENDERER = Path(__file__).resolve().parent / "katex_render.cjs"

STANDIN = re.compile(r"<!--lb-katex:(?P<key>[0-9a-f]{16})-->.*?<!--/lb-katex-->", re.DOTALL)
_ANNOTATION = re.compile(r"<annotation\b.*?</annotation>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


class KatexError(ValueError):
    """KaTeX cannot render a formula; the message quotes the formula and KaTeX's reason."""


class _Renderer:
    """The Node process, started on first use, restarted if it died; one request at a time."""

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()

    def _start(self) -> subprocess.Popen:
        if self._process is None or self._process.poll() is not None:
            if not KATEX_DIST.is_dir():
                raise RuntimeError(f"KaTeX is not installed at {KATEX_DIST}: run `make setup` (npm ci).")
            self._process = subprocess.Popen(
                ["node", str(RENDERER)],
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                bufsize=1,
            )
            atexit.register(self._process.kill)
        return self._process

    def __call__(self, tex: str, display: bool) -> dict:
        with self._lock:
            proc = self._start()
            proc.stdin.write(json.dumps({"tex": tex, "display": display}) + "\n")
            proc.stdin.flush()
            line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the KaTeX process ({RENDERER.name}) stopped while rendering {tex!r}")
        return json.loads(line)


_node = _Renderer()
_html: dict[tuple[str, bool], str] = {}  # (tex, display) -> KaTeX's HTML
_by_key: dict[str, str] = {}  # stand-in key -> KaTeX's HTML


def render(tex: str, display: bool = False) -> str:
    """KaTeX's HTML (with MathML) of ``tex``, memoised for the life of the process.

    Raises :class:`KatexError` naming the formula when KaTeX cannot parse it.

    >>> out = render(r"\\sigma(z)")
    >>> out.startswith('<span class="katex">') and "<math" in out
    True
    >>> render(r"\\frac{1")
    Traceback (most recent call last):
      ...
    bookbuild.site.katex.KatexError: KaTeX cannot render '\\\\frac{1': ...
    """
    if not isinstance(tex, str):
        raise TypeError(f"tex must be a str, not {type(tex).__name__}")
    key = (tex, bool(display))
    if key not in _html:
        reply = _node(tex, bool(display))
        if "error" in reply:
            raise KatexError(f"KaTeX cannot render {tex!r}: {reply['error']}")
        _html[key] = reply["html"]
    return _html[key]


def standin(tex: str, display: bool = False) -> str:
    """What a page holds for ``tex`` until :func:`restore`: the MathML's text between two
    comments (the search index reads it as it would read the MathML).

    >>> s = standin("x^2")
    >>> s.startswith("<!--lb-katex:") and s.endswith("x2<!--/lb-katex-->")
    True
    >>> restore(s) == render("x^2")
    True
    """
    out = render(tex, display)
    key = hashlib.sha256(f"{bool(display)}:{tex}".encode()).hexdigest()[:16]
    _by_key[key] = out
    mathml = out[out.index("<math") : out.index("</math>")]
    return f"<!--lb-katex:{key}-->{_TAG.sub('', _ANNOTATION.sub('', mathml))}<!--/lb-katex-->"


def restore(html: str) -> str:
    """``html`` with KaTeX's HTML where :func:`standin` left a formula's text.

    A stand-in this process did not make (a page written by another process) raises
    :class:`KeyError`: rebuild that page.
    """

    def back(match: re.Match) -> str:
        try:
            return _by_key[match["key"]]
        except KeyError:
            raise KeyError(f"no KaTeX HTML for the stand-in {match['key']} (page built by another process?)") from None

    return STANDIN.sub(back, html)


def restore_site(site: Path) -> list[Path]:
    """Restore every HTML file under ``site`` that still has stand-ins; returns those files."""
    done = []
    for page in sorted(Path(site).rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if "<!--lb-katex:" in text:
            page.write_text(restore(text), encoding="utf-8")
            done.append(page)
    return done


def assets() -> dict[str, Path]:
    """What the site ships of KaTeX: the stylesheet and the woff2 fonts (browsers that read
    the stylesheet's first source, woff2, never ask for the woff/ttf fallbacks), by site path."""
    if not KATEX_DIST.is_dir():
        raise RuntimeError(f"KaTeX is not installed at {KATEX_DIST}: run `make setup` (npm ci).")
    found = {"assets/katex/katex.min.css": KATEX_DIST / "katex.min.css"}
    found.update({f"assets/katex/fonts/{f.name}": f for f in sorted((KATEX_DIST / "fonts").glob("*.woff2"))})
    return found
