"""Tests of lossbook.figures: every figure in both languages, bad languages refused,
deterministic SVG bytes (with the build's own SVG settings), no pyplot figure left open.

Building a figure is cheap; drawing it to SVG is not, so every figure is built (twice,
once per language, cached for the module) and only a few are drawn, twice each.
"""

from __future__ import annotations

import ast
import io
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
