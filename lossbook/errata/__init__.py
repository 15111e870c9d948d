r"""The mistakes found in the lesson's three sources, as data that recomputes itself
(chapter: errata).

Sources: the slides (``002_3c2aa1209a5eb0fc.txt``), the blog post
(``000_bc8a750aa8aaa7e2.txt``) and the notes (``004_46d152f6e8e00b5d.txt``).

The records live in ``errata.yml`` (next to this file; its header explains every key).
Each :class:`Erratum` quotes what the source says (the source's wrong numbers are typed
there, and only there), names how lossbook *recomputes* the correction (a function of
:mod:`lossbook.lesson`, :mod:`lossbook` or :mod:`lossbook.errata.recompute` with literal
arguments), and sorts the mistake into a severity class (``math``, ``condition``,
``notation``, ``rounding``). No correct number is typed in the data. When the source's
number can be explained (a truncation, another rule), ``reproduce`` derives it, and
:meth:`Erratum.check` verifies that explanation too. :data:`CONFIRMED` lists the
sources' numbers that were checked and are right.

Modules: :mod:`~lossbook.errata.model` (records, templates, the rounding rule),
:mod:`~lossbook.errata.load` (reads and validates the file),
:mod:`~lossbook.errata.recompute` (the few recomputations the lesson lacks),
:mod:`~lossbook.errata.render` (the page).

>>> e = ERRATUM["slides-sgd2-w1"]
>>> e.says("en")
'$w_1 = 0.5 - \\eta\\, 0.9598 = 0.4990$'
>>> e.correct("en")
'$w_1 = 0.5 - 0.01 \\times 0.9600 = 0.4904$ (0.490400)'
>>> e.check().ok, e.severity
(True, 'math')
>>> print(ERRATUM["slides-sgd1-w"].correct("vi"))
$w = -0.1 - 0.01 \times 0.686 = −0.1069$
>>> ERRATUM["slides-house-error-55"].why("en")
'$(−1.524 - 5.9)^2 = 55.115776$, which rounds to 55.12; 55.11 is truncated.'
>>> r = ERRATUM["slides-entropy"].check()
>>> r.differs, r.reproduced, r.source_value
(True, True, 0.468)
>>> all(c.check() for c in CONFIRMED)
True
"""

from __future__ import annotations

from ..text import Text
from .load import ErrataFileError, load
from .model import SEVERITIES, CheckResult, Confirmed, Erratum, Ref
from .model import _round_printed as _round_printed  # the tests' rounding rule
from .model import _same as _same
from .records import CONFIRMED, CONFIRMED_BY_ID, ERRATA, ERRATUM, SOURCES
from .render import SEVERITY_TEXT, count_errata, erratum_note, render_confirmed_markdown, render_errata_markdown

__all__ = [
    "Text",
    "Erratum",
    "Confirmed",
    "CheckResult",
    "Ref",
    "ErrataFileError",
    "SEVERITIES",
    "SEVERITY_TEXT",
    "SOURCES",
    "ERRATA",
    "ERRATUM",
    "CONFIRMED",
    "CONFIRMED_BY_ID",
    "count_errata",
    "load",
    "render_errata_markdown",
    "render_confirmed_markdown",
    "erratum_note",
]
