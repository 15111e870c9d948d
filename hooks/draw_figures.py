"""Draw lossbook figures to deterministic SVG files: ``python hooks/draw_figures.py OUT:NAME:LANG ...``.

Run by hooks/page_figures.py in worker processes (one per core) when the figure cache misses.
Same inputs give the same bytes: a fixed SVG hash salt, no date, text kept as text.
"""
from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

SVG_RC = {"svg.hashsalt": "lossbook", "svg.fonttype": "none"}


def draw(name: str, lang: str, out: Path) -> None:
    from lossbook.figures import FIGURES

    with plt.rc_context(SVG_RC):
        fig = FIGURES[name](lang=lang)
        tmp = out.with_suffix(".tmp")
        fig.savefig(tmp, format="svg", metadata={"Date": None}, bbox_inches="tight")
        plt.close(fig)
    tmp.replace(out)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    for job in sys.argv[1:]:
        out, name, lang = job.rsplit(":", 2)
        draw(name, lang, Path(out))
