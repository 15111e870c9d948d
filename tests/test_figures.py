"""Tests of lossbook.figures: every figure in both languages, bad languages refused,
deterministic SVG bytes (with the build's own SVG settings), no pyplot figure left open.

Building a figure is cheap; drawing it to SVG is not, so every figure is built (twice,
once per language, cached for the module) and only a few are drawn, twice each.
"""

from __future__ import annotations

import ast
import io
import re
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from lossbook.figures import FIGURES, LANGS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

#: Figures the lesson's pages rely on (the brief of the figures module).
REQUIRED = {
    "sigmoid",
    "losses_per_sample",
    "landscape",
    "mse_curvature",
    "walk_2d",
    "square_gd",
    "house_prices",
    "petal_line",
    "petal_sigmoid",
    "logistic_growth",
    "decision_boundary_line",
    "decision_boundary_circle",
    "loss_history",
    "entropy",
    "tumour_threshold",
}
#: Drawn to SVG twice in the determinism test: a plain line plot, a filled contour with a
#: colorbar, and a figure with fitted models (the slowest kinds of artists).
DRAWN = ("sigmoid", "decision_boundary_circle", "petal_sigmoid")


def _svg_rc() -> dict:
    """``SVG_RC`` of bookbuild.prerender.draw, the settings the site draws with."""
    from bookbuild.prerender.draw import SVG_RC

    return SVG_RC


def _svg(fig: Figure) -> bytes:
    # Exactly what bookbuild/prerender/draw.py does, into memory.
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return buf.getvalue()


def _texts(fig: Figure) -> list[str]:
    """Every non-empty piece of text of the figure: titles, labels, legends, annotations."""
    found = [t.get_text() for t in fig.findobj(Text) if t.get_visible()]
    return [s for s in found if s.strip()]


def _main_axes(fig: Figure) -> list:
    """Axes that are plots, not colorbars."""
    return [ax for ax in fig.axes if not hasattr(ax, "_colorbar")]


@pytest.fixture(scope="module")
def built() -> dict[tuple[str, str], Figure]:
    """Every figure in every language, built once for this module (no pyplot involved)."""
    before = plt.get_fignums()
    figs = {(name, lang): FIGURES[name](lang=lang) for name in FIGURES for lang in LANGS}
    assert plt.get_fignums() == before, "a figure function left a pyplot figure open"
    return figs


def test_required_figures_are_registered():
    missing = REQUIRED - set(FIGURES)
    assert not missing, f"FIGURES lacks {sorted(missing)}"
    assert "demo" not in FIGURES


def test_every_figure_returns_a_figure_with_axes(built):
    for (name, lang), fig in built.items():
        assert isinstance(fig, Figure), f"{name}[{lang}] returned {type(fig).__name__}, not a Figure"
        assert _main_axes(fig), f"{name}[{lang}] has no axes"


def test_every_axes_has_a_title_and_labels(built):
    for (name, lang), fig in built.items():
        suptitle = fig.get_suptitle()
        for i, ax in enumerate(_main_axes(fig)):
            where = f"{name}[{lang}] axes {i}"
            assert ax.get_title() or suptitle, f"{where} has no title (and the figure no suptitle)"
            assert ax.get_xlabel().strip(), f"{where} has no x label"
            shared_y = ax.get_shared_y_axes().get_siblings(ax)
            assert any(a.get_ylabel().strip() for a in shared_y), f"{where} has no y label"


def test_text_differs_between_languages(built):
    for name in FIGURES:
        vi, en = _texts(built[name, "vi"]), _texts(built[name, "en"])
        assert vi and en, f"{name} has no text"
        assert vi != en, f"{name}: the Vietnamese and English figures have the same text"
        assert len(vi) == len(en), f"{name}: {len(vi)} texts in Vietnamese, {len(en)} in English"


def test_vietnamese_text_has_diacritics(built):
    # Catches an English string that slipped into the Vietnamese figure's title.
    for name in FIGURES:
        fig = built[name, "vi"]
        titles = [fig.get_suptitle()]
        titles += [ax.get_title() for ax in _main_axes(fig)]
        text = " ".join(titles)
        assert any(ord(c) > 127 and c.isalpha() for c in text), (
            f"{name}: Vietnamese titles without diacritics: {text!r}"
        )


@pytest.mark.parametrize("lang", ["fr", "VI", "", None, "english"])
def test_bad_lang_is_a_value_error(lang):
    for _name, func in FIGURES.items():
        with pytest.raises(ValueError, match=r"lang must be one of \('vi', 'en'\)"):
            func(lang=lang)


def test_default_language_is_vietnamese(built):
    fig = FIGURES["sigmoid"]()
    assert _texts(fig) == _texts(built["sigmoid", "vi"])


@pytest.mark.parametrize("name", DRAWN)
def test_svg_is_byte_identical_across_renders(name):
    before = plt.get_fignums()
    with plt.rc_context(_svg_rc()):
        first = _svg(FIGURES[name](lang="vi"))
        second = _svg(FIGURES[name](lang="vi"))
    assert first == second, f"{name}: two renders gave different SVG bytes"
    assert b"<svg" in first and b"Date" not in first
    assert plt.get_fignums() == before


# --- the dark theme: every figure, both languages, on Material's slate background ---------------

SLATE = "#1E2129"


def _luminance(colour) -> float:
    from matplotlib.colors import to_rgb

    rgb = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(colour)]
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]


def _contrast(a, b=SLATE) -> float:
    low, high = sorted((_luminance(a), _luminance(b)))
    return (high + 0.05) / (low + 0.05)


@pytest.fixture(scope="module")
def built_dark() -> dict[tuple[str, str], Figure]:
    before = plt.get_fignums()
    figs = {(name, lang): FIGURES[name](lang=lang, theme="dark") for name in FIGURES for lang in LANGS}
    assert plt.get_fignums() == before, "a figure function left a pyplot figure open"
    return figs


def dark_problems(fig: Figure) -> list[str]:
    """What keeps a figure from reading on the dark page: a background that is not dark,
    text under 4.5:1 or a line under 3:1 against the slate background (grid lines, meant
    to be faint, excepted)."""
    from matplotlib.lines import Line2D

    problems = []
    backgrounds = [("figure", fig.get_facecolor())] + [
        (f"axes {i}", ax.get_facecolor()) for i, ax in enumerate(fig.axes)
    ]
    problems += [f"{what} background {tuple(c)} is not dark" for what, c in backgrounds if _luminance(c) > 0.05]
    for text in fig.findobj(Text):
        if text.get_visible() and text.get_text().strip() and _contrast(text.get_color()) < 4.5:
            problems.append(f"text {text.get_text()!r} at {_contrast(text.get_color()):.1f}:1")
    grid = {id(line) for ax in fig.axes for line in [*ax.xaxis.get_gridlines(), *ax.yaxis.get_gridlines()]}
    for line in fig.findobj(Line2D):
        if line.get_visible() and id(line) not in grid and line.get_linestyle() != "None":
            if _contrast(line.get_color()) < 3:
                problems.append(f"line {line.get_label()!r} at {_contrast(line.get_color()):.1f}:1")
    return problems


def test_every_figure_draws_in_the_dark_theme_in_both_languages(built, built_dark):
    for (name, lang), fig in built_dark.items():
        assert isinstance(fig, Figure) and _main_axes(fig), f"{name}[{lang}] dark"
        assert _texts(fig) == _texts(built[name, lang]), f"{name}[{lang}]: the dark figure says something else"
        assert dark_problems(fig) == [], f"{name}[{lang}] dark: {dark_problems(fig)}"


def test_dark_problems_catches_the_light_figure(built):
    found = dark_problems(built["sigmoid", "en"])
    assert "figure background (1.0, 1.0, 1.0, 1.0) is not dark" in found
    assert any(p.startswith("text 'logit $z$") for p in found)


@pytest.mark.parametrize("theme", ["Dark", "", None, "slate"])
def test_bad_theme_is_a_value_error(theme):
    with pytest.raises(ValueError, match=r"theme must be one of \('light', 'dark'\)"):
        FIGURES["sigmoid"](lang="en", theme=theme)


def white_background(svg: bytes) -> bool:
    """Whether an SVG paints white anywhere (its background rectangle, a legend box, a halo)."""
    return bool(re.search(rb"fill:\s*#ffffff|fill=\"#ffffff\"|fill:\s*white\b", svg, re.IGNORECASE))


@pytest.mark.parametrize("name", DRAWN)
def test_dark_svg_has_no_white_background(name):
    with plt.rc_context(_svg_rc()):
        dark = _svg(FIGURES[name](lang="en", theme="dark"))
        light = _svg(FIGURES[name](lang="en"))
        default = _svg(FIGURES[name](lang="en", theme="light"))
    assert not white_background(dark), f"{name}: the dark SVG paints white"
    first_fill = re.search(rb"<path [^>]*style=\"fill:\s*(#[0-9a-f]{6})", dark)
    assert first_fill and first_fill[1].upper() == SLATE.encode(), "the dark background is not slate"
    assert white_background(light), "the check does not see the light figure's white background"
    assert default == light, "theme='light' is not the default"


# --- the package: small modules, one number format, matplotlib only here ------------------------

FIGURES_DIR = ROOT / "lossbook" / "figures"


def test_every_figure_function_is_importable_from_the_package():
    import lossbook.figures as figures

    for name, func in FIGURES.items():
        assert getattr(figures, func.__name__) is func, f"lossbook.figures.{func.__name__} ({name}) is not importable"


def module_problems(name: str, source: str) -> list[str]:
    """What keeps a figure module from the house rules: over 500 lines, or its own
    number/language helper instead of lossbook.text."""
    problems = [f"{name} has {len(source.splitlines())} lines"] if len(source.splitlines()) > 500 else []
    tree = ast.parse(source)
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    used |= {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    problems += [f"{name} has its own {helper}" for helper in sorted({"_num", "_tr", "_check_lang"} & used)]
    return problems


@pytest.mark.parametrize("path", sorted(FIGURES_DIR.glob("*.py")), ids=lambda p: p.name)
def test_figure_modules_are_small_and_use_the_site_format(path):
    assert not module_problems(path.name, path.read_text(encoding="utf-8"))


def test_module_problems_catches_a_planted_module():
    planted = "def _num(v):\n    return str(v)\n" + "x = 1\n" * 500
    assert module_problems("planted.py", planted) == ["planted.py has 502 lines", "planted.py has its own _num"]


def test_import_lossbook_does_not_load_matplotlib():
    code = "import sys, lossbook, lossbook.errata, lossbook.lesson; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
