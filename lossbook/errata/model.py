r"""The errata's model: what a record is, how its numbers are recomputed, filled into its
text and compared with the source's.

A record names its recomputations (:class:`Ref`: a function and literal arguments, then
fields), never computes in the data; its texts carry ``<<name>>`` fields that
:func:`fill` replaces by those values, printed by :func:`lossbook.text.fmt` or
:func:`lossbook.text.sci` (``<<name:4>>`` four decimals, ``<<name:sci2>>`` scientific
notation with two, ``<<name>>`` a whole number); ``<<``/``>>`` rather than ``{}``
because the texts are full of LaTeX braces. A source's printed number is judged by
:func:`_round_printed`.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from ..text import Text, fmt, sci
from .recompute import truncate

#: The severity classes, in the order of the errata page: what a reader must fix first.
SEVERITIES: tuple[str, ...] = ("math", "condition", "notation", "rounding")
#: A source whose wrong number is explained by truncation: ``reproduce: truncated``.
TRUNCATED = "truncated"


# --- references: a function by name, literal arguments, then fields --------------------------


class RefError(ValueError):
    """A reference that is not ``name(literal, ...)`` followed by fields, or names no known function."""


@dataclass(frozen=True)
class Ref:
    """A recomputation written as data: ``house_price_table(1.17, 0.26).squared_error[1]``.

    Grammar: a function name called with literal arguments (numbers, strings, booleans,
    lists; keywords allowed), followed by any number of ``.field``, ``[index]`` and
    ``.method(literal, ...)``. Nothing else: no operators, no nested calls, no lambdas.
    Parsed once (:meth:`parse`), evaluated without ``eval`` (:meth:`__call__`).

    >>> from lossbook import lesson
    >>> r = Ref.parse("house_price_table(1.17, 0.26).squared_error[1]", vars(lesson))
    >>> round(r(), 6)
    0.066564
    >>> Ref.parse("house_price_table(1.17 + 1)", vars(lesson))
    Traceback (most recent call last):
    ...
    lossbook.errata.model.RefError: 'house_price_table(1.17 + 1)': arguments must be literals (numbers, strings, lists)
    """

    text: str
    function: Callable[..., Any] = field(repr=False, compare=False)
    args: tuple[Any, ...] = field(repr=False, compare=False)
    kwargs: tuple[tuple[str, Any], ...] = field(repr=False, compare=False)
    #: ("attr", name) | ("item", index) | ("call", (args, kwargs)), in order
    path: tuple[tuple[str, Any], ...] = field(repr=False, compare=False)

    def __str__(self) -> str:
        return self.text

    @classmethod
    def parse(cls, text: str, functions: Mapping[str, Callable[..., Any]]) -> Ref:
        if not isinstance(text, str):
            raise RefError(f"{text!r}: a recomputation is a string such as 'house_price_table(1.17, 0.26).mse'")
        try:
            node = ast.parse(text.strip(), mode="eval").body
        except SyntaxError as err:
            raise RefError(f"{text!r}: not a reference ({err.msg})") from None
        path: list[tuple[str, Any]] = []
        while not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            if isinstance(node, ast.Attribute):
                path.append(("attr", node.attr))
                node = node.value
            elif isinstance(node, ast.Subscript):
                path.append(("item", _literal(node.slice, text)))
                node = node.value
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                path.append(("call", _arguments(node, text)))
                path.append(("attr", node.func.attr))
                node = node.func.value
            else:
                raise RefError(f"{text!r}: must start with a function call such as name(...)")
        name = node.func.id
        if name not in functions:
            raise RefError(
                f"{text!r}: unknown function {name!r} (a name of lossbook.lesson, lossbook or "
                "lossbook.errata.recompute)"
            )
        args, kwargs = _arguments(node, text)
        return cls(text, functions[name], args, kwargs, tuple(reversed(path)))

    def __call__(self) -> Any:
        value = self.function(*self.args, **dict(self.kwargs))
        pending = list(self.path)
        while pending:
            kind, what = pending.pop(0)
            if kind == "attr" and pending and pending[0][0] == "call":
                args, kwargs = pending.pop(0)[1]
                value = getattr(value, what)(*args, **dict(kwargs))
            elif kind == "attr":
                value = getattr(value, what)
            else:
                value = value[what]
        return value


def _literal(node: ast.AST, text: str) -> Any:
    try:
        value = ast.literal_eval(node)
    except ValueError:
        raise RefError(f"{text!r}: arguments must be literals (numbers, strings, lists)") from None
    return _tuples(value)


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, (list, tuple)) else value


def _arguments(call: ast.Call, text: str) -> tuple[tuple[Any, ...], tuple[tuple[str, Any], ...]]:
    args = tuple(_literal(a, text) for a in call.args)
    kwargs = tuple((k.arg, _literal(k.value, text)) for k in call.keywords if k.arg)
    if len(kwargs) != len(call.keywords):
        raise RefError(f"{text!r}: no **arguments")
    return args, kwargs


def evaluate(compute: Ref | tuple[Ref, ...]) -> Any:
    """A reference's value; a tuple of references gives the tuple of their values."""
    return tuple(r() for r in compute) if isinstance(compute, tuple) else compute()


# --- templates ---------------------------------------------------------------------------------

#: A template field: <<name>>, <<name:4>> (decimals) or <<name:sci2>> (scientific notation).
FIELD = re.compile(r"<<(?P<name>\w+)(?::(?P<spec>sci\d+|\d+))?>>")


def _format_value(value: Any, spec: str | None) -> str:
    """One value through the site's number format: ``spec`` decimals (:func:`lossbook.text.fmt`),
    ``sciN`` (:func:`lossbook.text.sci`), none for a whole number; a tuple element by element."""
    if isinstance(value, (tuple, list)):
        return ", ".join(_format_value(v, spec) for v in value)
    if spec is None:
        if isinstance(value, bool) or not float(value).is_integer():
            raise ValueError(f"{value!r} needs a format: <<name:4>> (decimals) or <<name:sci2>>")
        return fmt(value, 0)
    return sci(value, int(spec[3:])) if spec.startswith("sci") else fmt(value, int(spec))


def fill(template: str, values: Mapping[str, Any]) -> str:
    r"""Replace each ``<<name:spec>>`` of ``template`` by ``values[name]`` as the site prints it.

    >>> fill(r"$w = <<value:4>>$, <<n>> points, <<tiny:sci1>>", {"value": -0.10686, "n": 3, "tiny": 4.2e-18})
    '$w = −0.1069$, 3 points, $4.2 \\times 10^{-18}$'
    """
    return FIELD.sub(lambda m: _format_value(values[m.group("name")], m.group("spec")), template)


def template_fields(template: str) -> set[str]:
    """The names a template uses: ``template_fields("<<a:4>> <<b>>") == {"a", "b"}``."""
    return {m.group("name") for m in FIELD.finditer(template)}


# --- judging a printed number ---------------------------------------------------------------------


def _round_printed(x: float, digits: int) -> Decimal:
    """``x`` rounded to ``digits`` decimals the way this module judges a printed number:
    the **exact decimal value**, ties to even.

    The lessons' data are short decimals, so the exact value of a computation is the float
    cleaned to 12 decimals (binary floating point cannot hold most decimals: 2.331 - 5.156
    is stored as -2.82499999999999973..., the error (6.695 - 6.7)^2 comes out as
    2.50000000000078e-05, and rounding those floats directly sends the two ties -2.825 and
    0.000025 in opposite directions). A tie is then rounded half to even, the rule of IEEE 754,
    of Python's ``round`` and of NumPy: a source that prints -2.82 for -2.825, or 0.00002 for
    0.000025, has rounded correctly.

    >>> _round_printed(2.331 * 1.0 - 5.156, 2), _round_printed(2.5000000000007818e-05, 5)
    (Decimal('-2.82'), Decimal('0.00002'))
    >>> _round_printed(0.00686 + 0.1, 4)
    Decimal('0.1069')
    """
    exact = Decimal(repr(round(float(x), 12)))
    return exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN)


def _same(a: Any, b: Any, digits: Any) -> bool:
    """Whether two values agree at the printed precision (``digits`` an int, one int per
    element, or None for exact equality), rounding as :func:`_round_printed`."""
    if isinstance(a, (tuple, list)) or isinstance(b, (tuple, list)):
        if not (isinstance(a, (tuple, list)) and isinstance(b, (tuple, list))) or len(a) != len(b):
            return False
        ds = digits if isinstance(digits, (tuple, list)) else [digits] * len(a)
        return all(_same(x, y, d) for x, y, d in zip(a, b, ds, strict=True))
    if digits is None:
        return bool(a == b)
    return _round_printed(a, digits) == _round_printed(b, digits)


def _truncated(value: Any, digits: Any) -> Any:
    """``value`` truncated at ``digits`` (one per element for a tuple): what a source that cuts prints."""
    if isinstance(value, tuple):
        ds = digits if isinstance(digits, (tuple, list)) else [digits] * len(value)
        return tuple(truncate(v, d) for v, d in zip(value, ds, strict=True))
    return truncate(value, digits)


# --- the records -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckResult:
    """What :meth:`Erratum.check` found.

    ``correct_value`` is recomputed by lossbook, ``source_value`` is the source's (typed
    or reproduced), ``differs`` says they disagree at the printed precision,
    ``reproduced`` whether ``reproduce`` gives the typed source value (None when there
    is nothing to reproduce), and ``ok`` is the verdict: the erratum stands.
    """

    correct_value: Any
    source_value: Any
    differs: bool
    reproduced: bool | None

    @property
    def ok(self) -> bool:
        """The erratum stands: lossbook disagrees with the source, and the source's number
        is explained where an explanation is given."""
        return self.differs and self.reproduced is not False


@dataclass(frozen=True)
class Erratum:
    """One mistake of one source (a record of ``errata.yml``; the file's header explains the keys).

    ``compute`` maps each ``<<name>>`` of the texts to its recomputation; ``"value"`` is
    the one compared with ``source_value``. ``reproduce`` derives the source's value from
    what the source does: :data:`TRUNCATED` (it cut ``value`` after ``digits`` decimals) or
    a :class:`Ref`.
    """

    id: str
    source: str
    severity: str
    location: Text
    says: Text
    correct_template: Text
    why_template: Text
    compute: Mapping[str, Ref | tuple[Ref, ...]] = field(repr=False)
    source_value: Any = None
    reproduce: Ref | str | None = field(default=None, repr=False)
    digits: Any = None
    lesson: str | None = None
    file: str = ""

    def values(self) -> dict[str, Any]:
        """The recomputed values (calls lossbook)."""
        return {name: evaluate(ref) for name, ref in self.compute.items()}

    def correct_value(self) -> Any:
        """The recomputed value that replaces the source's."""
        return evaluate(self.compute["value"])

    def correct(self, lang: str = "vi") -> str:
        """The correction, numbers filled in by lossbook."""
        return fill(self.correct_template(lang), self.values())

    def why(self, lang: str = "vi") -> str:
        """Why, numbers filled in by lossbook."""
        return fill(self.why_template(lang), self.values())

    def reproduced_value(self) -> Any:
        """The source's value as derived from what the source does (None: no explanation given)."""
        if self.reproduce is None:
            return None
        if self.reproduce == TRUNCATED:
            return _truncated(self.correct_value(), self.digits)
        return evaluate(self.reproduce)

    def check(self) -> CheckResult:
        """Recompute the correct value and compare it with the source's."""
        correct = self.correct_value()
        reproduced_value = self.reproduced_value()
        source = self.source_value if self.source_value is not None else reproduced_value
        if source is None:
            raise ValueError(f"erratum {self.id!r} has neither source_value nor reproduce")
        reproduced = None
        if self.source_value is not None and self.reproduce is not None:
            reproduced = _same(reproduced_value, self.source_value, self.digits)
        return CheckResult(correct, source, not _same(correct, source, self.digits), reproduced)


@dataclass(frozen=True)
class Confirmed:
    """A number of a source that was recomputed and is right (``check()`` is True)."""

    id: str
    source: str
    location: Text
    says: Text
    source_value: Any
    compute: Ref | tuple[Ref, ...] = field(repr=False)
    digits: Any = None
    lesson: str | None = None

    def value(self) -> Any:
        """lossbook's value of the number."""
        return evaluate(self.compute)

    def check(self) -> bool:
        """Whether lossbook's value equals the source's at the printed precision."""
        return _same(self.value(), self.source_value, self.digits)
