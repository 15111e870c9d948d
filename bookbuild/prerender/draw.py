"""Draw lossbook figures to deterministic SVG files, in a worker process:
``python -m bookbuild.prerender.draw OUT:NAME:LANG ...`` (run by :mod:`.figures`), where
``NAME`` is a figure of ``lossbook.figures.FIGURES`` (light theme) or ``<figure>.dark``.

Same inputs give the same bytes: a fixed SVG hash salt, no date, text kept as text.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

SVG_RC = {"svg.hashsalt": "lossbook", "svg.fonttype": "none"}


def draw(name: str, lang: str, out: Path) -> None:
    """Draw figure ``name`` (``<figure>`` or ``<figure>.dark``) in ``lang`` to ``out``
    (written whole or not at all)."""
    from lossbook.figures import FIGURES

    figure, _, theme = name.partition(".")
    with plt.rc_context(SVG_RC):
        fig = FIGURES[figure](lang=lang, theme=theme or "light")
        tmp = out.with_name(f"{out.name}.{os.getpid()}.tmp")
        fig.savefig(tmp, format="svg", metadata={"Date": None}, bbox_inches="tight")
        plt.close(fig)
    tmp.replace(out)


def main(jobs: list[str]) -> int:
    """Draw every job (``OUT:NAME:LANG``); one that fails prints its traceback and the
    others are still drawn. The exit status is 1 if any failed."""
    failed = 0
    for job in jobs:
        out, name, lang = job.rsplit(":", 2)
        try:
            draw(name, lang, Path(out))
        except Exception:
            print(f"figure {name} ({lang}) failed:", file=sys.stderr)
            traceback.print_exc()
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
