"""Lighthouse scores of the built site: home page and heaviest chapter, both languages.

Builds the site (``mkdocs build --strict`` into a temporary folder), serves it on a free
127.0.0.1 port, runs Lighthouse (the npm package pinned in this folder's package.json)
in Debian's Chromium on four pages, and prints performance, accessibility and
best-practices scores and the bytes transferred. Issue 4's target: every score >= 95,
the heaviest page under 600 KB. A benchmark, not a test: it prints, it does not fail
(``--strict`` makes it exit 1 when a target is missed).

    cd benchmarks/lighthouse && npm ci          # once: installs lighthouse here
    .venv/bin/python benchmarks/lighthouse/bench_lighthouse.py [--site DIR] [--desktop] [--no-gzip]

The server compresses text with gzip, as any real host (GitHub Pages, nginx) does;
``--no-gzip`` measures raw bytes. Lighthouse's default is a mid-range phone on a slow 4G
link (simulated); ``--desktop`` uses its desktop preset. "Heaviest chapter": the page
other than the home pages with the most bytes of HTML and images (both twins are run).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices")
TARGET_SCORE, TARGET_BYTES = 95, 600 * 1024
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ipynb")


class Handler(SimpleHTTPRequestHandler):
    """A static server that gzips text when the browser accepts it."""

    gzip = True

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                return super().send_head()  # the redirect to the folder's URL
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.gzip and accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path, use_gzip: bool) -> tuple[ThreadingHTTPServer, str]:
    handler = type("H", (Handler,), {"gzip": use_gzip})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def build(out: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)], cwd=ROOT, env=env, check=True
    )


def page_weight(site: Path, html: Path) -> int:
    """Bytes of a page's HTML and of the images it shows (what differs between pages)."""
    text = html.read_text(encoding="utf-8")
    total = html.stat().st_size
    for src in set(re.findall(r'<img[^>]+src="([^"]+)"', text)):
        target = (html.parent / src.split("?")[0]).resolve()
        if target.is_file() and site in target.parents:
            total += target.stat().st_size
    return total


def heaviest_chapter(site: Path) -> str:
    """URL path (Vietnamese) of the non-home page whose twins weigh the most together."""
    weights = {}
    for html in site.rglob("index.html"):
        rel = html.relative_to(site).as_posix()
        if rel.startswith(("en/", "assets/")) or rel == "index.html":
            continue
        path = "/" + rel[: -len("index.html")]
        twin = site / "en" / rel
        weights[path] = page_weight(site, html) + (page_weight(site, twin) if twin.is_file() else 0)
    return max(weights, key=weights.get)


def lighthouse(url: str, desktop: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        cmd = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ]
        if desktop:
            cmd.append("--preset=desktop")
        subprocess.run(cmd, env=dict(os.environ, CHROME_PATH=CHROMIUM), check=True)
        data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        raise RuntimeError(f"{url}: {data['runtimeError']}")
    scores = {c: round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES}
    scored = {ref["id"] for c in CATEGORIES for ref in data["categories"][c]["auditRefs"] if ref["weight"] > 0}
    failing = [
        f"{a['title']} ({a.get('displayValue') or round(100 * a['score'])})"
        for id_, a in data["audits"].items()
        if id_ in scored and a.get("score") is not None and a["score"] < 0.9
    ]
    return {**scores, "bytes": int(data["audits"]["total-byte-weight"]["numericValue"]), "weak": failing}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--desktop", action="store_true", help="Lighthouse's desktop preset")
    parser.add_argument("--no-gzip", action="store_true", help="serve uncompressed")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--verbose", action="store_true", help="list the scored audits under 90")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print(f"lighthouse is not installed: cd {HERE.relative_to(ROOT)} && npm ci", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site.resolve() if args.site else Path(tmp) / "site"
        if not args.site:
            build(site)
        server, base = serve(site, use_gzip=not args.no_gzip)
        chapter = heaviest_chapter(site)
        pages = [
            ("home", "vi", "/"),
            ("home", "en", "/en/"),
            (f"heaviest: {chapter.strip('/')}", "vi", chapter),
            (f"heaviest: {chapter.strip('/')}", "en", "/en" + chapter),
        ]
        rows = []
        for label, lang, path in pages:
            rows.append((label, lang, path, lighthouse(base + path, args.desktop)))
        server.shutdown()
    mode = f"{'desktop' if args.desktop else 'mobile (Lighthouse default: simulated slow 4G)'}, {'raw' if args.no_gzip else 'gzip'}"
    print(
        f"\nLighthouse 12 on Debian Chromium, {mode}; targets: scores >= {TARGET_SCORE}, bytes < {TARGET_BYTES // 1024} KB\n"
    )
    head = f"{'page':<28} {'lang':<4} {'perf':>5} {'a11y':>5} {'best-pr':>8} {'KB':>7}  target"
    print(head)
    print("-" * len(head))
    missed = False
    for label, lang, _path, r in rows:
        ok = all(r[c] >= TARGET_SCORE for c in CATEGORIES) and r["bytes"] < TARGET_BYTES
        missed |= not ok
        print(
            f"{label:<28} {lang:<4} {r['performance']:>5} {r['accessibility']:>5} {r['best-practices']:>8} "
            f"{r['bytes'] / 1024:>7.0f}  {'ok' if ok else 'MISSED'}"
        )
        if args.verbose and r["weak"]:
            print(f"{'':<34}scored audits under 90: {'; '.join(r['weak'])}")
    return 1 if (missed and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
