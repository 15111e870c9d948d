r"""Page 13 (``docs/errata.md``): the numbers the errata page states about the errata
(their count per source) and about the rounding rule they are judged by.

The errata themselves are :mod:`lossbook.errata` (``ERRATA``, ``CONFIRMED``, the renderers);
this module only computes the page's prose numbers. It imports :mod:`lossbook.errata`
inside its functions: that module imports :mod:`lossbook.lesson`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import datasets as _datasets
from ..text import MINUS, fmt
from ._given import PETAL_LINES
from ._table import Col, table
from .linear_regression import house_price_table

__all__ = ["errata_counts", "float_ties", "house_price_table"]


@dataclass(frozen=True)
class ErrataCounts:
    """How many errata each source has, and how many of the sources' numbers are confirmed."""

    total: int
    slides: int
    blog: int
    notes: int
    confirmed: int

    def markdown(self, lang: str = "vi") -> str:
        rows = [("slides", str(self.slides)), ("blog", str(self.blog)), ("notes", str(self.notes))]
        return table(lang, (Col("nguồn", "source", "l"), Col("số lỗi", "errata")), rows)


def errata_counts() -> ErrataCounts:
    """The errata of :data:`lossbook.errata.ERRATA` counted by source, and the number of
    :data:`lossbook.errata.CONFIRMED` values.

    >>> r = errata_counts()
    >>> r.total == r.slides + r.blog + r.notes
    True
    """
    from .. import errata as _errata

    sources = [e.source for e in _errata.ERRATA]
    return ErrataCounts(
        len(sources), sources.count("slides"), sources.count("blog"), sources.count("notes"), len(_errata.CONFIRMED)
    )


@dataclass(frozen=True)
class FloatTies:
    r"""Two decimal ties of the lesson that binary floats hold slightly off the tie."""

    z: float
    z_stored: str
    error: float
    error_stored: str

    def markdown(self, lang: str = "vi") -> str:
        rows = [
            ("$z = wx + b$", fmt(self.z, 3), self.z_stored),
            (r"$(\hat y - y)^2$", fmt(self.error, 6), self.error_stored),
        ]
        return table(
            lang,
            (Col("đại lượng", "quantity", "l"), Col("giá trị", "value"), Col("số thực dấu phẩy động", "stored float")),
            rows,
        )


def float_ties() -> FloatTies:
    r"""The slides' :math:`z = 2.331 \times 1.0 - 5.156 = -2.825` (second petal, good line)
    and the house table's last error :math:`(6.695 - 6.7)^2 = 0.000025`: exact decimal ties,
    stored as floats just beside the tie, on opposite sides (``z_stored``, ``error_stored``:
    the floats' shortest exact-enough digits, 17 and 15 significant digits).

    >>> r = float_ties()
    >>> fmt(r.z, 3), r.z_stored, fmt(r.error, 6), r.error_stored
    ('−2.825', '−2.8249999999999997', '0.000025', '2.50000000000078e-05')
    """
    w, b = PETAL_LINES[1]
    z = w * float(_datasets.petal_lengths().x[1]) + b
    error = house_price_table().squared_error[-1]
    return FloatTies(float(z), format(z, ".17g").replace("-", MINUS), float(error), format(error, ".15g"))
