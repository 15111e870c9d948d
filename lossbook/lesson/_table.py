r"""The lesson's tables, declared by their columns: one :class:`Col` per column (its header in
both languages and its alignment), rows of cells already written with :mod:`lossbook.text`.

A result's ``markdown(lang)`` then reads as the table it prints::

    COLUMNS = (Col("nhãn", "label"), Col("$z$"), Col(r"$\sigma(z)$"))
    def markdown(self, lang="vi", digits=4):
        return table(lang, COLUMNS, [(given(y), fmt(z, digits), fmt(p, digits)) for ...])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..text import check_lang, fmt, md_table, tr

__all__ = ["Col", "table", "values_table"]


@dataclass(frozen=True)
class Col:
    """One column: its header in Vietnamese and English (``en=None``: the same words, e.g. a
    formula) and its alignment, ``"r"`` (numbers, the default), ``"l"`` (words) or ``"c"``.

    >>> Col("nhãn", "label").header("en"), Col("$z$").header("vi"), Col("$z$", align="l").align
    ('label', '$z$', 'l')
    """

    vi: str
    en: str | None = None
    align: str = "r"

    def header(self, lang: str) -> str:
        return tr(lang, self.vi, self.vi if self.en is None else self.en)


def table(lang: str, columns: Sequence[Col], rows: Sequence[Sequence[str]]) -> str:
    """The pipe table of ``columns`` with ``rows`` (one cell per column), headers in ``lang``.

    >>> print(table("en", (Col("nhãn", "label"), Col("$z$")), [("0", "−1.8926")]))
    | label | $z$ |
    |--:|--:|
    | 0 | −1.8926 |
    >>> table("fr", (Col("$z$"),), [])
    Traceback (most recent call last):
    ValueError: lang must be one of ('vi', 'en'); got 'fr'
    """
    check_lang(lang)
    return md_table([c.header(lang) for c in columns], rows, "".join(c.align for c in columns))


QUANTITY_VALUE = (Col("đại lượng", "quantity", "l"), Col("giá trị", "value"))


def values_table(lang: str, rows: Sequence[tuple[str, str | None, float]], digits: int) -> str:
    """A two-column table ``quantity | value``; ``rows`` are ``(vi label, en label, value)``
    (``en label`` None: the same in both languages, e.g. a formula).

    >>> print(values_table("en", [("$w$", None, 1.37267), ("MSE mới", "new MSE", -1e-9)], 4))
    | quantity | value |
    |:--|--:|
    | $w$ | 1.3727 |
    | new MSE | 0.0000 |
    """
    return table(lang, QUANTITY_VALUE, [(tr(lang, vi, vi if en is None else en), fmt(v, digits)) for vi, en, v in rows])
