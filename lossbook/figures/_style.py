"""One look for every figure, in two themes, and the helpers the figure modules share.

The colour-blind-safe Okabe–Ito palette, line styles and markers that tell series apart
without colour, text sized for a figure about 700 px wide (:data:`RC`). Two themes:
``"light"`` (white background, the site's default scheme) and ``"dark"`` (the background
of Material's ``slate`` scheme, light text and axes, the palette's colours that keep at
least 3:1 contrast on it). A figure module takes its colours from :data:`C` (``C.BLUE``,
``C.INK``, ``C.PROBA_CMAP`` …), which reads the theme being drawn;
:func:`figure_function` checks ``lang`` and ``theme`` and builds a figure under that style.

>>> C.INK, C.PAPER
('#000000', 'white')
>>> with theme("dark"):
...     C.INK, C.PAPER
('#E2E4E9', '#1E2129')
"""

from __future__ import annotations

import contextlib
import functools
import warnings
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field

import matplotlib as mpl
import numpy as np
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure

from ..models import LogisticRegression
from ..optim import SeparableDataWarning
from ..text import check_lang, fmt

#: The themes a figure is drawn in: the site's light (default) and dark (``slate``) schemes.
THEMES = ("light", "dark")

# --- one style for every figure ---------------------------------------------------------

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour
# vision deficiency. Series are also told apart by line style and marker.
BLUE, ORANGE, GREEN, VERMILLION = "#0072B2", "#E69F00", "#009E73", "#D55E00"


SKY, PURPLE, YELLOW, GREY, BLACK = "#56B4E9", "#CC79A7", "#F0E442", "#6E6E6E", "#000000"


#: Class 0 / class 1 in every scatter plot: colour *and* marker.
CLASS_STYLE = (
    {"color": BLUE, "marker": "o"},
    {"color": VERMILLION, "marker": "^"},
)


#: Sequential map for loss surfaces (perceptually uniform, colour-blind safe).
SURFACE_CMAP = "cividis"


#: Probability of class 1: sky blue (class 0) through white (0.5) to orange (class 1).
PROBA_CMAP = LinearSegmentedColormap.from_list("lossbook_proba", [SKY, "#FFFFFF", ORANGE])


# A figure is about 7 in wide and shown about 700 px wide: 11-12 pt text stays readable.
RC = {
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.fontsize": 10,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "lines.linewidth": 2.0,
    "lines.markersize": 7,
    "legend.frameon": True,
    "legend.framealpha": 0.9,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "mathtext.fontset": "dejavusans",
}

#: The prime of σ′ and f′, for text and mathtext alike: write ``f"$\\sigma{PRIME}(z)$"``, never
#: ``$\\sigma'(z)$``. Mathtext draws ``'`` (``\\prime``) from Computer Modern's ``cmsy10`` even
#: under the ``dejavusans`` font set, and an SVG that keeps text as text then asks for the
#: character "0" in ``cmsy10`` (where that code point is the prime): no browser has the font,
#: so readers saw "σ⁰". U+2032 is a real Unicode prime that DejaVu Sans (and any fallback font)
#: draws. Likewise write ℝ, not ``\\mathbb{R}`` (which mathtext takes from STIX).
#: ``tests/test_figure_fonts.py`` checks every SVG.
PRIME = "\N{PRIME}"

#: Material's ``slate`` background, ``hsl(225deg 15% 14%)``: the dark figures sit on it
#: without a visible rectangle.
SLATE = "#1E2129"


@dataclass(frozen=True)
class Palette:
    """Every colour a figure uses, for one theme. ``INK`` is text, axes and outlines;
    ``PAPER`` the background (also the halo around markers); ``FAINT`` secondary lines."""

    BLUE: str
    ORANGE: str
    GREEN: str
    VERMILLION: str
    SKY: str
    PURPLE: str
    YELLOW: str
    GREY: str
    INK: str
    PAPER: str
    FAINT: str
    TICK: str
    PROBA_CMAP: LinearSegmentedColormap
    SURFACE_CMAP: str = SURFACE_CMAP
    rc: dict = field(default_factory=dict)

    # Old names, kept so a figure reads like before.
    @property
    def BLACK(self) -> str:  # noqa: N802
        return self.INK

    @property
    def CLASS_STYLE(self) -> tuple[dict, dict]:  # noqa: N802
        """Class 0 / class 1 in every scatter plot: colour *and* marker."""
        return ({"color": self.BLUE, "marker": "o"}, {"color": self.VERMILLION, "marker": "^"})


LIGHT = Palette(
    BLUE=BLUE,
    ORANGE=ORANGE,
    GREEN=GREEN,
    VERMILLION=VERMILLION,
    SKY=SKY,
    PURPLE=PURPLE,
    YELLOW=YELLOW,
    GREY=GREY,
    INK=BLACK,
    PAPER="white",
    FAINT="#BBBBBB",
    TICK="#444444",
    PROBA_CMAP=PROBA_CMAP,
    rc=RC,
)

# On SLATE, Okabe–Ito's blue is at 3.1:1, its grey at 3.2:1 and its vermillion at 4.2:1
# (labels need 4.5:1): the dark theme lightens them (sky blue 7.0:1, a light grey 6.8:1,
# vermillion #E06410 4.6:1); orange, green, purple and yellow keep their colours (4.7:1
# or more). Text is Material's slate text colour, made opaque
# (12.6:1).
_DARK_INK, _DARK_GRID = "#E2E4E9", "#3B404D"
DARK = Palette(
    BLUE=SKY,
    ORANGE=ORANGE,
    GREEN=GREEN,
    VERMILLION="#E06410",
    SKY=SKY,
    PURPLE=PURPLE,
    YELLOW=YELLOW,
    GREY="#A3A8B4",
    INK=_DARK_INK,
    PAPER=SLATE,
    FAINT="#6B7080",
    TICK="#A3A8B4",
    # Class 0 (deep blue) through the page's background (0.5) to class 1 (deep orange):
    # light text keeps 5:1 on every level.
    PROBA_CMAP=LinearSegmentedColormap.from_list("lossbook_proba_dark", ["#004F7C", SLATE, "#7F5700"]),
    rc={
        **RC,
        "grid.color": _DARK_GRID,
        "figure.facecolor": SLATE,
        "axes.facecolor": SLATE,
        "savefig.facecolor": SLATE,
        "text.color": _DARK_INK,
        "axes.labelcolor": _DARK_INK,
        "axes.edgecolor": "#A3A8B4",
        "xtick.color": "#A3A8B4",
        "ytick.color": "#A3A8B4",
        "xtick.labelcolor": _DARK_INK,
        "ytick.labelcolor": _DARK_INK,
        "legend.edgecolor": "#6B7080",
        "legend.labelcolor": _DARK_INK,
        "patch.edgecolor": _DARK_INK,
        "hatch.color": _DARK_INK,
    },
)

PALETTES = {"light": LIGHT, "dark": DARK}
_THEME: ContextVar[Palette] = ContextVar("lossbook_figure_theme", default=LIGHT)


def check_theme(name: str) -> str:
    if name not in PALETTES:
        raise ValueError(f"theme must be one of {THEMES}; got {name!r}")
    return name


@contextlib.contextmanager
def theme(name: str) -> Iterator[Palette]:
    """Draw in theme ``name``: :data:`C` gives its colours and matplotlib its rc style."""
    palette = PALETTES[check_theme(name)]
    token = _THEME.set(palette)
    try:
        with mpl.rc_context(palette.rc):
            yield palette
    finally:
        _THEME.reset(token)


class _Current:
    """The palette of the theme being drawn: ``C.BLUE`` is Okabe–Ito's blue in the light
    theme and sky blue in the dark one."""

    def __getattr__(self, name: str):
        return getattr(_THEME.get(), name)


#: The colours of the theme being drawn (see :class:`Palette`).
C = _Current()
_theme = theme


def figure_grid(
    ncols: int = 1, nrows: int = 1, *, width: float = 7.0, height: float = 4.2, **subplot_kw
) -> tuple[Figure, np.ndarray]:
    """A new Figure (no pyplot) with an ``nrows x ncols`` grid of axes, constrained layout."""
    fig = Figure(figsize=(width, height), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False, **subplot_kw)
    return fig, axes.ravel()


def finish(fig: Figure) -> None:
    # Ticks are created lazily, at draw time, when our rc_context is gone: pin their style
    # on every axis now so the SVG does not depend on the caller's rcParams.
    for ax in fig.axes:
        ax.tick_params(which="both", labelsize=RC["xtick.labelsize"], color=C.TICK, labelcolor=C.INK)


def figure_function(func: Callable[[str], Figure]) -> Callable[..., Figure]:
    """Check ``lang`` and ``theme``, build the figure under that theme's style, return it."""

    @functools.wraps(func)
    def wrapper(lang: str = "vi", theme: str = "light") -> Figure:
        lang = check_lang(lang)
        with _theme(theme):
            fig = func(lang)
            finish(fig)
        return fig

    return wrapper


def scatter_classes(
    ax,
    x: np.ndarray,
    labels: np.ndarray,
    names: tuple[str, str],
    *,
    height: np.ndarray | None = None,
    size: float = 55,
    alpha: float = 1.0,
) -> None:
    """Points of class 0 and class 1, each with its colour, marker and legend name; drawn at
    ``(x, labels)`` or, given ``height``, at ``(x, height)``."""
    height = labels if height is None else height
    for k in (0, 1):
        mask = labels == k
        ax.scatter(
            x[mask],
            height[mask],
            s=size,
            color=C.CLASS_STYLE[k]["color"],
            marker=C.CLASS_STYLE[k]["marker"],
            edgecolor=C.PAPER,
            linewidth=0.8,
            zorder=5,
            label=names[k],
            alpha=alpha,
        )


def affine(w: float, b: float, digits: int | None = 2, var: str = "x") -> str:
    """``"2.33x - 5.16"`` for mathtext: the given digits (``None``: as the lesson writes them)."""
    show = (lambda v: f"{float(v):g}") if digits is None else (lambda v: fmt(v, digits))
    return f"{show(w)}{var} {'-' if b < 0 else '+'} {show(abs(b))}"


def arrow(ax, start, end, color: str, rad: float = 0.0, style: str = "-") -> None:
    ax.annotate(
        "",
        xy=end,
        xytext=start,
        zorder=4,
        arrowprops={
            "arrowstyle": "-|>",
            "color": color,
            "linewidth": 1.6,
            "linestyle": style,
            "shrinkA": 4,
            "shrinkB": 4,
            "connectionstyle": f"arc3,rad={rad}",
            "mutation_scale": 14,
        },
    )


# --- TODO(datasets or models): no standardising helper exists yet; this is the only math
# written here. Replace it when one lands (e.g. a StandardScaler in lossbook.models).


def standardise(X: np.ndarray) -> np.ndarray:
    """Each column to mean 0 and standard deviation 1 (population std, ddof = 0)."""
    return (X - X.mean(axis=0)) / X.std(axis=0)


def fit_separable(X: np.ndarray, y: np.ndarray, **params) -> LogisticRegression:
    """A BCE fit on separable data, where no minimiser exists: the fit is "after this many
    gradient steps"; the warning that says so is expected, not shown."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SeparableDataWarning)
        return LogisticRegression(**params).fit(X, y)


def petal_axes(ax, t, ds, xlim=(0.0, 5.5)) -> None:
    scatter_classes(
        ax, ds.x, ds.y, (t("hoa A (nhãn 0)", "flower A (label 0)"), t("hoa B (nhãn 1)", "flower B (label 1)"))
    )
    ax.set_xlim(*xlim)
    ax.set_xlabel(t("chiều dài cánh hoa $x$", "petal length $x$"))
