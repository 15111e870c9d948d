r"""How lossbook writes numbers and words: the one number format of the site, in both languages.

Every printed number on the site (page prose, lesson tables, errata, figure labels, the
explorer) goes through :func:`fmt` or :func:`sci`, so one value prints one way:

- fixed decimals with a true minus sign (U+2212), and **no negative zero**: a value that
  rounds to zero prints ``0.0000``, never ``−0.0000``;
- a number too small for fixed decimals in **one** notation, ``$4.3 \times 10^{-18}$``
  (LaTeX, rendered by KaTeX on the pages and by mathtext in the figures), never ``4.25e-18``;
- a datum given by the lesson as the lesson writes it (:func:`given`: ``1.4``, ``−0.1``).

The language helpers: :data:`LANGS`, :func:`check_lang`, :func:`tr` and :class:`Text`;
and :func:`md_table` for the pipe tables of the lesson and the errata.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["LANGS", "MINUS", "Text", "check_lang", "fmt", "given", "md_table", "sci", "tr"]

#: The site's languages, default first.
LANGS: tuple[str, ...] = ("vi", "en")
#: The minus sign the site prints (a hyphen is a dash in running text).
MINUS = "\u2212"


def check_lang(lang: str) -> str:
    """``lang`` itself if the site has that language, else a ValueError naming the argument.

    >>> check_lang("en")
    'en'
    >>> check_lang("fr")
    Traceback (most recent call last):
    ValueError: lang must be one of ('vi', 'en'); got 'fr'
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}; got {lang!r}")
    return lang


def tr(lang: str, vi: str, en: str) -> str:
    """The text of ``lang``: ``tr("en", "lành tính", "benign") == "benign"``.

    >>> tr("vi", "lành tính", "benign")
    'lành tính'
    """
    return vi if check_lang(lang) == "vi" else en


@dataclass(frozen=True)
class Text:
    """A sentence in both languages; ``text(lang)`` picks one. A quote from a
    one-language source is ``Text.same(quote)``.

    >>> Text("lành tính", "benign")("en")
    'benign'
    >>> Text.same("w = 2.331")("vi")
    'w = 2.331'
    """

    vi: str
    en: str

    def __call__(self, lang: str = "vi") -> str:
        return tr(lang, self.vi, self.en)

    @classmethod
    def same(cls, text: str) -> Text:
        return cls(text, text)


def _signed(text: str) -> str:
    """A true minus for a leading hyphen, and none at all on a zero (``-0.00`` -> ``0.00``)."""
    if not text.startswith("-"):
        return text
    return text[1:] if float(text) == 0.0 else MINUS + text[1:]


def _check_digits(digits: int) -> int:
    if isinstance(digits, bool) or not isinstance(digits, int) or digits < 0:
        raise ValueError(f"digits must be a whole number >= 0; got {digits!r}")
    return digits


def fmt(value: float, digits: int = 4) -> str:
    """``value`` with ``digits`` fixed decimals and a true minus sign; no negative zero.

    >>> fmt(0.673346), fmt(-2.825, 2), fmt(-1e-12), fmt(3, 0)
    ('0.6733', '−2.83', '0.0000', '3')
    >>> fmt(float("inf")), fmt(-float("inf"))
    ('∞', '−∞')
    >>> fmt("0.5")
    Traceback (most recent call last):
    TypeError: value must be a real number; got str '0.5'
    """
    digits = _check_digits(digits)
    if isinstance(value, (str, bytes)) or not hasattr(value, "__float__"):
        raise TypeError(f"value must be a real number; got {type(value).__name__} {value!r}")
    x = float(value)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "∞" if x > 0 else MINUS + "∞"
    return _signed(f"{x:.{digits}f}")


def sci(value: float, digits: int = 1) -> str:
    r"""``value`` in scientific notation as inline LaTeX: ``$4.3 \times 10^{-18}$``.

    ``digits`` decimals in the mantissa; the site's one notation for very small (or very
    large) numbers, in prose and tables alike. Zero prints ``$0$``.

    >>> sci(4.25e-18), sci(-1.5e-9, 2), sci(0.0), sci(12345.0)
    ('$4.3 \\times 10^{-18}$', '$−1.50 \\times 10^{-9}$', '$0$', '$1.2 \\times 10^{4}$')
    """
    digits = _check_digits(digits)
    x = float(value)
    if x == 0.0:
        return "$0$"
    if not math.isfinite(x):
        return f"${fmt(x)}$"
    mantissa, exponent = f"{x:.{digits}e}".split("e")
    return f"${_signed(mantissa)} \\times 10^{{{int(exponent)}}}$"


def given(value: float) -> str:
    """A datum given by the lesson, as the lesson writes it: shortest form, true minus.

    >>> given(1.4), given(-0.1), given(3.0)
    ('1.4', '−0.1', '3')
    """
    return _signed(f"{float(value):g}")


def md_table(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str) -> str:
    """A Markdown pipe table; ``align`` has one letter per column: ``l``, ``r`` or ``c``.

    >>> print(md_table(("x", "σ(x)"), [("0", "0.5000")], "lr"))
    | x | σ(x) |
    |:--|--:|
    | 0 | 0.5000 |
    >>> md_table(("x", "y"), [("1",)], "lr")
    Traceback (most recent call last):
    ValueError: row 0 has 1 cells but headers has 2; pass one cell per column
    """
    marks = {"l": ":--", "r": "--:", "c": ":-:"}
    if len(align) != len(headers) or set(align) - set(marks):
        raise ValueError(f"align must have one of 'l', 'r', 'c' per column ({len(headers)}); got {align!r}")
    for i, row in enumerate(rows):
        if len(row) != len(headers):
            raise ValueError(f"row {i} has {len(row)} cells but headers has {len(headers)}; pass one cell per column")

    def line(cells: Sequence[str]) -> str:
        return "|" + "|".join(f" {c} " if c else " " for c in cells) + "|"

    return "\n".join([line(headers), "|" + "|".join(marks[a] for a in align) + "|", *map(line, rows)])
