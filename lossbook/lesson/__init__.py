r"""Every worked example of the lesson, recomputed: one module per chapter.

``docs/NN-topic.md`` ↔ ``lossbook/lesson/topic.py``: a page's ``{{ ... }}`` calls the
functions of its own chapter's module (``tests/test_lesson_layout.py`` checks it). The
sources' given data live once in :mod:`lossbook.lesson._given`; tables are declared with
:mod:`lossbook.lesson._table`; numbers and words go through :mod:`lossbook.text`.

One function per worked example of the three sources (slides ``002``, blog ``000``,
notes ``004``). Each returns a small frozen dataclass holding the numbers as Python
floats (tuples for columns) and a ``markdown(lang="vi")`` method that renders the page's
table: Vietnamese (``"vi"``) or English (``"en"``) headers, numbers with fixed decimals and
a true minus sign (U+2212), numeric columns right-aligned. ``markdown`` returns the table
only (no trailing newline, no surrounding blank lines: leave a blank line around the
``{{ ... }}`` placeholder in the page).

The inputs (the lesson's given data: ``x = 1.4``, ``eta = 0.01``, ``w = 2.331``...) are
the defaults of the functions; everything else is computed by :mod:`lossbook`. Where a
source prints a different number, :mod:`lossbook.errata` records it and says why. A
function used by two chapters lives in the first and is imported by the second.

>>> print(sgd_step_one_feature().markdown("en"))
| | before | gradient $L'$ | after |
|:--|--:|--:|--:|
| $b$ | 0.1000 | 0.4900 | 0.0951 |
| $w$ | −0.1000 | 0.6860 | −0.1069 |
| $z$ | −0.0400 | | −0.0545 |
| $\hat y$ | 0.4900 | | 0.4864 |
| $L$ | 0.6733 | | 0.6663 |
"""

from __future__ import annotations

import importlib

from ._given import HOUSE_LINES as HOUSE_LINES
from ._given import LANGS as LANGS
from ._given import PETAL_LINES as PETAL_LINES
from .bce import *  # noqa: F403
from .chain_rule import *  # noqa: F403
from .convexity import *  # noqa: F403
from .errata import *  # noqa: F403
from .linear_regression import *  # noqa: F403
from .logistic_growth import *  # noqa: F403
from .mse_sigmoid import *  # noqa: F403
from .newton import *  # noqa: F403
from .optimization import *  # noqa: F403
from .quizzes import *  # noqa: F403
from .sgd_vectorized import *  # noqa: F403
from .sigmoid import *  # noqa: F403
from .using_the_model import *  # noqa: F403
from .where_next import *  # noqa: F403
from .why_not_a_line import *  # noqa: F403

#: The chapters' modules, in the order of the pages: ``docs/01-optimization.md`` ↔
#: ``lossbook.lesson.optimization`` … ``docs/errata.md`` ↔ ``lossbook.lesson.errata``. (By
#: module name: ``lossbook.lesson.chain_rule`` is the chapter-2 *function*, as before the split.)
CHAPTERS = tuple(
    importlib.import_module(f"{__name__}.{name}")
    for name in (
        "optimization",
        "chain_rule",
        "linear_regression",
        "why_not_a_line",
        "logistic_growth",
        "sigmoid",
        "mse_sigmoid",
        "bce",
        "convexity",
        "sgd_vectorized",
        "newton",
        "using_the_model",
        "where_next",
        "quizzes",
        "errata",
    )
)

#: Every chapter's public names, once each (a function shared by two chapters is listed by both).
__all__ = list(
    dict.fromkeys(["LANGS", "HOUSE_LINES", "PETAL_LINES", *(name for chapter in CHAPTERS for name in chapter.__all__)])
)
