r"""Every figure of the site, in Vietnamese and in English (all chapters).

``FIGURES`` maps a figure's name to a function ``f(lang="vi", theme="light") -> Figure``;
``bookbuild.prerender`` draws each one per language and theme (``assets/figures/<name>.svg``
and ``<name>.dark.svg``) and a page shows it with ``![alt](assets/figures/<name>.svg)`` (the
pre-render turns that into the light/dark image pair).

Rules every figure function follows:

* it takes ``lang`` (``"vi"`` or ``"en"``; anything else is a ``ValueError``) and every
  title, label and legend is in that language;
* it returns a :class:`matplotlib.figure.Figure` built without pyplot: no global figure
  is created, nothing is shown, nothing is left open;
* it is thin: every plotted number comes from the math modules (:mod:`lossbook.activations`,
  :mod:`lossbook.losses`, :mod:`lossbook.entropy`, :mod:`lossbook.optim`,
  :mod:`lossbook.models`) and every data point from :mod:`lossbook.datasets`. This module
  imports from them, never the reverse;
* it is deterministic (no randomness, or a seeded generator), so the same sources give
  the same SVG bytes;
* one look for all figures (:mod:`lossbook.figures._style`): the colour-blind-safe
  Okabe–Ito palette, line styles and markers that tell series apart without colour, two
  themes (``theme="light"``: white background; ``"dark"``: the slate page's background,
  light text; colours taken from ``_style.C``, never typed), text sized for a figure about
  700 px wide; every number in a label printed by :func:`lossbook.text.fmt`, like the pages'.

The figures live with their chapters: :mod:`~lossbook.figures.review` (chapters 1-3),
:mod:`~lossbook.figures.sigmoid` (4-6), :mod:`~lossbook.figures.loss` (7-9),
:mod:`~lossbook.figures.optimisers` (10-11), :mod:`~lossbook.figures.evaluation` (12).

>>> fig = FIGURES["sigmoid"](lang="en")
>>> fig.axes[0].get_xlabel()
'logit $z$ (any real number)'
>>> FIGURES["sigmoid"](lang="fr")
Traceback (most recent call last):
...
ValueError: lang must be one of ('vi', 'en'); got 'fr'
"""

from __future__ import annotations

from collections.abc import Callable

from matplotlib.figure import Figure

from ..text import LANGS
from .evaluation import reliability_figure, roc_figure
from .loss import (
    entropy_figure,
    landscape_figure,
    losses_per_sample_figure,
    mse_curvature_figure,
    score_curvature_figure,
)
from .optimisers import loss_history_figure
from .review import house_prices_figure, square_gd_figure, walk_2d_figure
from .roadmap import roadmap_figure
from .sigmoid import (
    decision_boundary_circle_figure,
    decision_boundary_line_figure,
    logistic_growth_figure,
    petal_line_figure,
    petal_sigmoid_figure,
    sigmoid_figure,
    tumour_threshold_figure,
)

__all__ = [
    "FIGURES",
    "LANGS",
    "decision_boundary_circle_figure",
    "decision_boundary_line_figure",
    "entropy_figure",
    "house_prices_figure",
    "landscape_figure",
    "logistic_growth_figure",
    "loss_history_figure",
    "losses_per_sample_figure",
    "mse_curvature_figure",
    "petal_line_figure",
    "petal_sigmoid_figure",
    "reliability_figure",
    "roc_figure",
    "score_curvature_figure",
    "roadmap_figure",
    "sigmoid_figure",
    "square_gd_figure",
    "tumour_threshold_figure",
    "walk_2d_figure",
]

#: Every figure of the site, name -> ``f(lang="vi") -> Figure``, in the lesson's order.
FIGURES: dict[str, Callable[..., Figure]] = {
    # the home page: the whole lesson
    "roadmap": roadmap_figure,
    # review: gradient descent, linear regression
    "square_gd": square_gd_figure,
    "walk_2d": walk_2d_figure,
    "house_prices": house_prices_figure,
    # from a line to the sigmoid
    "petal_line": petal_line_figure,
    "logistic_growth": logistic_growth_figure,
    "sigmoid": sigmoid_figure,
    "petal_sigmoid": petal_sigmoid_figure,
    "decision_boundary_line": decision_boundary_line_figure,
    "decision_boundary_circle": decision_boundary_circle_figure,
    "tumour_threshold": tumour_threshold_figure,
    # the loss: MSE vs BCE
    "losses_per_sample": losses_per_sample_figure,
    "mse_curvature": mse_curvature_figure,
    "landscape": landscape_figure,
    "score_curvature": score_curvature_figure,
    # optimisers, entropy
    "loss_history": loss_history_figure,
    "entropy": entropy_figure,
    # using the model
    "roc": roc_figure,
    "reliability": reliability_figure,
}
