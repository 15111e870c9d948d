"""Draw lossbook figures to deterministic SVG files, in a worker process:
``python -m bookbuild.prerender.draw OUT:NAME:LANG ...`` (run by :mod:`.figures`).

Same inputs give the same bytes: a fixed SVG hash salt, no date, text kept as text.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

SVG_RC = {"svg.hashsalt": "lossbook", "svg.fonttype": "none"}


def draw(name: str, lang: str, out: Path) -> None:
    """Draw figure ``name`` in ``lang`` to ``out`` (written whole or not at all)."""
    from lossbook.figures import FIGURES

    with plt.rc_context(SVG_RC):
        fig = FIGURES[name](lang=lang)
        tmp = out.with_name(f"{out.name}.{os.getpid()}.tmp")
        fig.savefig(tmp, format="svg", metadata={"Date": None}, bbox_inches="tight")
        plt.close(fig)
    tmp.replace(out)


def main(jobs: list[str]) -> None:
    for job in jobs:
        out, name, lang = job.rsplit(":", 2)
        draw(name, lang, Path(out))


if __name__ == "__main__":
    main(sys.argv[1:])
