"""MkDocs hook: render every formula to HTML + MathML with KaTeX at build time.

pymdownx.arithmatex (``generic: true``) leaves ``<span class="arithmatex">\\(..\\)</span>``
and ``<div class="arithmatex">\\[..\\]</div>`` in the page; this hook replaces each with
KaTeX's output, rendered by one long-lived Node process (hooks/katex_render.cjs).
Readers download only KaTeX's CSS and the woff2 fonts it uses: no math JavaScript,
nothing from a third-party host. A formula KaTeX cannot parse fails the build.

KaTeX's markup reaches the page only in ``on_post_page``. Until then each formula is
its MathML's text between two comments: the search plugin, which parses every page's
content, indexes that text (as it would from the MathML) without parsing thousands of
KaTeX's tags per page (that parse was a third of a rebuild).
"""
from __future__ import annotations

import atexit
import hashlib
import html
import json
import re
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
KATEX_DIST = ROOT / "node_modules" / "katex" / "dist"
RENDERER = Path(__file__).resolve().parent / "katex_render.cjs"

_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?P<body>.*?)</(?P=tag)>', re.DOTALL
)
_DEFERRED = re.compile(r"<!--lb-katex:(?P<key>[0-9a-f]{16})-->.*?<!--/lb-katex-->", re.DOTALL)
_ANNOTATION = re.compile(r"<annotation\b.*?</annotation>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_process: subprocess.Popen | None = None
_cache: dict[tuple[str, bool], str] = {}  # (tex, display) -> what the page holds until on_post_page
_katex: dict[str, str] = {}  # key of a deferred formula -> KaTeX's HTML


def _renderer() -> subprocess.Popen:
    global _process
    if _process is None or _process.poll() is not None:
        if not KATEX_DIST.is_dir():
            raise PluginError(f"KaTeX is not installed at {KATEX_DIST}: run `make setup` (npm ci).")
        _process = subprocess.Popen(
            ["node", str(RENDERER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )
        atexit.register(_process.kill)
    return _process


def render(tex: str, display: bool) -> str:
    """Return the stand-in for KaTeX's HTML of ``tex`` (its MathML text between two
    comments, see :func:`restore`); raise ValueError with KaTeX's message if it fails."""
    key = (tex, display)
    if key not in _cache:
        proc = _renderer()
        proc.stdin.write(json.dumps({"tex": tex, "display": display}) + "\n")
        proc.stdin.flush()
        reply = json.loads(proc.stdout.readline())
        if "error" in reply:
            raise ValueError(reply["error"])
        out = reply["html"]
        mathml = out[out.index("<math"):out.index("</math>")]
        digest = hashlib.sha256(f"{display}:{tex}".encode()).hexdigest()[:16]
        _katex[digest] = out
        _cache[key] = f"<!--lb-katex:{digest}-->{_TAG.sub('', _ANNOTATION.sub('', mathml))}<!--/lb-katex-->"
    return _cache[key]


def restore(html_text: str) -> str:
    """KaTeX's HTML (MathML for assistive technology, HTML for the eye) where
    :func:`render` left a stand-in."""
    return _DEFERRED.sub(lambda m: _katex[m["key"]], html_text)


def _strip_delimiters(body: str) -> tuple[str, bool]:
    tex = html.unescape(body).strip()
    if tex.startswith("\\[") and tex.endswith("\\]"):
        return tex[2:-2].strip(), True
    if tex.startswith("\\(") and tex.endswith("\\)"):
        return tex[2:-2].strip(), False
    raise ValueError(f"unexpected arithmatex output {tex[:40]!r}")


def on_page_content(html_text: str, page, config, files) -> str:
    def replace(match: re.Match) -> str:
        tex, display = _strip_delimiters(match.group("body"))
        try:
            rendered = render(tex, display)
        except ValueError as err:
            raise PluginError(f"{page.file.src_uri}: KaTeX cannot render {tex!r}: {err}") from None
        # tabindex: a wide formula scrolls, and a scrollable region must take keyboard focus.
        return f'<div class="lb-math" tabindex="0">{rendered}</div>' if display else rendered

    return _MATH.sub(replace, html_text)


# KaTeX's stylesheet says font-display: block, so text with a formula is not painted
# until its fonts arrive; the browser only learns of them after the stylesheet and layout.
# Preloading the two that every formula uses starts them with the stylesheets.
PRELOAD = ("KaTeX_Main-Regular.woff2", "KaTeX_Math-Italic.woff2")


def on_post_page(output: str, page, config) -> str:
    output = restore(output)
    if 'class="katex"' in output:
        root = "../" * page.url.count("/")
        links = "".join(
            f'<link rel="preload" href="{root}assets/katex/fonts/{font}" as="font" type="font/woff2" crossorigin>'
            for font in PRELOAD
        )
        output = output.replace("</head>", links + "</head>", 1)
    return output


def on_files(files: Files, config) -> Files:
    """Ship KaTeX's stylesheet and woff2 fonts with the site (browsers that read the
    stylesheet's first source, woff2, never ask for the woff/ttf fallbacks)."""
    assets = [("assets/katex/katex.min.css", KATEX_DIST / "katex.min.css")]
    assets += [
        (f"assets/katex/fonts/{font.name}", font)
        for font in sorted((KATEX_DIST / "fonts").glob("*.woff2"))
    ]
    for uri, path in assets:
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files
