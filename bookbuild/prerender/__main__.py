"""``python -m bookbuild.prerender [--out DIR] [--lang vi|en ...]``: pre-render the site's
content; a content error (a page, a figure, a notebook) prints its message, exit status 1."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import OUT, PrerenderError, prerender


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bookbuild.prerender", description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default {OUT})")
    parser.add_argument("--lang", action="append", choices=("vi", "en"), help="a language (default: both)")
    args = parser.parse_args(argv)
    try:
        result = prerender(args.out, tuple(args.lang or ("vi", "en")))
    except PrerenderError as err:
        print(f"prerender: {err}", file=sys.stderr)
        return 1
    print(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
