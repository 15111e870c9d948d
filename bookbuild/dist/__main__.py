"""``python -m bookbuild.dist`` (``make dist``): the offline zip and one PDF per language in ``dist/``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import DIST, WORK, build_dist


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bookbuild.dist", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DIST, help="where the zip and the PDFs go (default: dist/)")
    parser.add_argument("--work", type=Path, default=WORK, help="where the offline copy is built (default: build/dist/)")
    parser.add_argument("--no-prerender", action="store_true", help="build from build/prerender as it is")
    parser.add_argument("--no-pdf", action="store_true", help="the zip only (no Chromium needed)")
    args = parser.parse_args(argv)

    from bookbuild.site.build import BuildError, setup_logging

    from .pdf import PrintError

    setup_logging()
    try:
        build_dist(
            args.out,
            args.work,
            prerender=not args.no_prerender,
            pdf=not args.no_pdf,
            log=lambda m: print(m, file=sys.stderr),
        )
    except (BuildError, PrintError) as err:
        print(f"ERROR   -  {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
