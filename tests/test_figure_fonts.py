"""Every SVG figure the build draws asks only for fonts whose glyphs are Unicode code points.

The build keeps text as text (``svg.fonttype = "none"``), so a browser draws each glyph with
the font the SVG names or, lacking it, a fallback. That is harmless for a Unicode font
(DejaVu Sans: a fallback font draws the same character) and wrong for the TeX fonts
matplotlib's mathtext falls back on: ``cmsy10`` stores the prime at the code point of "0",
so readers saw "σ⁰" and "f⁰" (review LESSON.md, A1). The check: no Computer Modern (Bakoma)
family anywhere, and every run of text laid out in a family of :data:`ALLOWED`.
Figures drawn as paths name no font and pass.
"""

from __future__ import annotations

import io
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from bookbuild.prerender.draw import SVG_RC, draw  # noqa: E402
from lossbook.figures import FIGURES  # noqa: E402

#: Families a figure's text may be laid out in (the first family of a declaration): DejaVu
#: Sans is matplotlib's and mathtext's ``dejavusans`` font, Unicode-encoded.
ALLOWED = {"DejaVu Sans", "DejaVu Sans Mono"}
#: TeX's Bakoma fonts (cmr10, cmmi10, cmsy10, cmex10, …): their code points are not Unicode.
BAKOMA = re.compile(r"^cm[a-z]*\d+$", re.IGNORECASE)
_FAMILY = re.compile(r"font-family\s*[:=]\s*(?P<q>\"?)(?P<value>[^;\"]+)(?P=q)")


def font_problems(svg: str) -> list[str]:
    """Every font declaration of ``svg`` that a browser would not draw right, once each.

    >>> font_problems("<text style=\\"font-family: 'DejaVu Sans', Arial, sans-serif\\">x</text>")
    []
    >>> font_problems("<tspan style=\\"font-size: 7px; font-family: 'cmsy10'\\">0</tspan>")
    ["TeX font 'cmsy10' in font-family: 'cmsy10'"]
    """
    if not isinstance(svg, str):
        raise TypeError(f"svg must be a str; got {type(svg).__name__}")
    problems: list[str] = []
    for match in _FAMILY.finditer(svg):
        value = match["value"].strip()
        families = [f.strip().strip("'\"") for f in value.split(",")]
        found = [f"TeX font {f!r} in font-family: {value}" for f in families if BAKOMA.match(f)]
        if not found and families[0] not in ALLOWED:
            found = [f"font {families[0]!r} outside {sorted(ALLOWED)} in font-family: {value}"]
        problems += [p for p in found if p not in problems]
    return problems


def _svg(fig: Figure) -> str:
    buf = io.BytesIO()
    with plt.rc_context(SVG_RC):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue().decode("utf-8")


# --- the check, proved on planted defects --------------------------------------------------


def test_a_mathtext_prime_as_the_build_draws_it_is_caught() -> None:
    """The A1 defect itself: ``$f'(x)$`` under the site's style asks for cmsy10."""
    fig = Figure()
    fig.text(0.5, 0.5, "$f'(x)$")
    with plt.rc_context({"mathtext.fontset": "dejavusans"}):
        svg = _svg(fig)
    assert font_problems(svg) == ["TeX font 'cmsy10' in font-family: 'cmsy10'"]


def test_fonts_outside_the_allow_list_are_caught_once_each() -> None:
    planted = (
        "<text style=\"font-family: 'STIXGeneral'\">ℝ</text>"
        '<text font-family="Comic Sans MS">a</text><text font-family="Comic Sans MS">b</text>'
        "<text style=\"font-family: 'DejaVu Sans', 'cmr10', sans-serif\">c</text>"
    )
    assert font_problems(planted) == [
        "font 'STIXGeneral' outside ['DejaVu Sans', 'DejaVu Sans Mono'] in font-family: 'STIXGeneral'",
        "font 'Comic Sans MS' outside ['DejaVu Sans', 'DejaVu Sans Mono'] in font-family: Comic Sans MS",
        "TeX font 'cmr10' in font-family: 'DejaVu Sans', 'cmr10', sans-serif",
    ]
    assert font_problems('<svg><path d="M 0 0 L 1 1"/></svg>') == []  # text drawn as paths
    with pytest.raises(TypeError, match="svg must be a str"):
        font_problems(b"<svg/>")


# --- every figure of the site ----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_every_figure_uses_only_unicode_fonts_in_both_languages(name, tmp_path) -> None:
    """Drawn by the build's own :func:`draw`: light in Vietnamese, dark in English."""
    for job, lang in ((name, "vi"), (f"{name}.dark", "en")):
        out = tmp_path / f"{job}.{lang}.svg"
        draw(job, lang, out)
        assert font_problems(out.read_text(encoding="utf-8")) == [], f"{job} ({lang})"
