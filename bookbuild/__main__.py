"""``python -m bookbuild build|serve|zensical`` — the lossbook site, strict.

* ``build``: pre-render (``bookbuild.prerender``), then one MkDocs build per language, merged
  into ``site/`` (or ``--site-dir``); any MkDocs warning fails the build;
* ``serve``: the same, then serve ``site/`` with live reload, rebuilding what a save changed;
* ``zensical``: the smoke check's build — the same pre-rendered pages built with Zensical.

The two halves meet here only: ``bookbuild.prerender.prerender()`` writes
``build/prerender/<lang>/docs/`` and returns a ``Result`` whose ``changed`` lists the files it
wrote or removed, relative to ``build/prerender`` (``"vi/docs/06-sigmoid.md"``); ``serve`` builds
again only those languages, dirty when only existing pages' text changed
(:mod:`bookbuild.site.serve`). A ``Result`` with ``langs`` instead, or neither, means full builds.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def _prerender():
    """The pre-render's entry point (imported here only: the site side never imports it)."""
    try:
        from bookbuild.prerender import prerender
    except ModuleNotFoundError as err:
        if err.name not in ("bookbuild.prerender",):
            raise
        raise SystemExit("bookbuild.prerender is missing: the pre-render half of the build is not installed") from None
    return prerender


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bookbuild", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="pre-render and build the site, strict")
    build.add_argument("--site-dir", type=Path, default=None, help="where the site goes (default: site/)")
    build.add_argument("--no-prerender", action="store_true", help="build from build/prerender as it is")
    build.add_argument("-v", "--verbose", action="store_true")
    serve = sub.add_parser("serve", help="build, serve with live reload, rebuild on save")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("-v", "--verbose", action="store_true")
    zen = sub.add_parser("zensical", help="build the pre-rendered pages with Zensical instead")
    zen.add_argument("--site-dir", type=Path, required=True)
    zen.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)

    from bookbuild.site.build import SITE, BuildError, build_site, setup_logging

    setup_logging(args.verbose)
    try:
        if args.command == "serve":
            from bookbuild.site.serve import serve as run

            run(_prerender(), args.host, args.port)
            return 0
        start = time.perf_counter()
        if not getattr(args, "no_prerender", False):
            _prerender()()
        if args.command == "zensical":
            from bookbuild.site.zensical import build_zensical

            build_zensical(args.site_dir)
        else:
            build_site(site=args.site_dir or SITE)
        print(f"built in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    except BuildError as err:
        print(f"ERROR   -  {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
