r"""The mistakes found in the lesson's three sources, as data that recomputes itself
(chapter: errata).

Sources: the slides (``002_3c2aa1209a5eb0fc.txt``), the blog post
(``000_bc8a750aa8aaa7e2.txt``) and the notes (``004_46d152f6e8e00b5d.txt``).

Each :class:`Erratum` quotes what the source says (``says``, in both languages; the
source's wrong numbers are typed here, and only here, as ``source_value``), and
*computes* the correction: ``compute()`` calls :mod:`lossbook` (usually a function of
:mod:`lossbook.lesson`, named in ``lesson``) and returns the values that fill the
templates of ``correct`` and ``why``. No correct number is typed in this module. When
the source's number can be explained (a truncation, another rule), ``reproduce()`` derives
it, and :meth:`Erratum.check` verifies that explanation too.

:data:`CONFIRMED` lists the sources' numbers that were checked and are right.

>>> e = ERRATUM["slides-sgd2-w1"]
>>> e.says("en")
'$w_1 = 0.5 - \\eta\\, 0.9598 = 0.4990$'
>>> e.correct("en")
'$w_1 = 0.5 - 0.01 \\times 0.9600 = 0.4904$ (0.490400)'
>>> e.check().ok
True
>>> len(ERRATA) == len({e.id for e in ERRATA})
True
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, Callable

import numpy as np

from . import lesson as _lesson
from .activations import sigmoid as _sigmoid
from .activations import sigmoid_derivative as _sigmoid_derivative
from .activations import logistic_growth as _logistic_growth
from .activations import logistic_growth_rhs as _logistic_growth_rhs
from .gradcheck import numerical_gradient as _numerical_gradient
from .losses import bce_hessian as _bce_hessian
from .losses import bce_loss as _bce_loss
from .losses import bce_per_sample as _bce_per_sample
from . import datasets as _datasets

__all__ = [
    "Text",
    "Erratum",
    "Confirmed",
    "CheckResult",
    "SOURCES",
    "ERRATA",
    "ERRATUM",
    "CONFIRMED",
    "render_errata_markdown",
    "render_confirmed_markdown",
]


# --- bilingual text and number templates ----------------------------------------------------

@dataclass(frozen=True)
class Text:
    """A sentence in both languages. ``text("vi")`` / ``text("en")`` picks one.

    >>> Text("lành tính", "benign")("en")
    'benign'
    """

    vi: str
    en: str

    def __call__(self, lang: str = "vi") -> str:
        if lang not in ("vi", "en"):
            raise ValueError(f"lang must be 'vi' or 'en'; got {lang!r}")
        return self.vi if lang == "vi" else self.en


_FIELD = re.compile(r"<<(?P<name>\w+)(?::(?P<spec>[^>]*))?>>")


def _format_value(value: Any, spec: str) -> str:
    """One value as the site prints it: a float with the format ``spec`` and a true minus
    sign; a tuple as its elements joined by ', '; anything else with ``str``."""
    if isinstance(value, (tuple, list)):
        return ", ".join(_format_value(v, spec) for v in value)
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.floating, np.integer)):
        return str(value)
    if isinstance(value, (int, np.integer)) and not spec:
        return str(int(value)).replace("-", "−")
    text = format(float(value), spec) if spec else repr(float(value))
    if text.startswith("-"):
        text = text[1:] if float(text) == 0.0 else "−" + text[1:]
    return text


def _fill(template: str, values: dict[str, Any]) -> str:
    """Replace ``<<name:spec>>`` by ``values[name]`` formatted with ``spec`` (``<<``/``>>``
    instead of ``{}``: the templates are full of LaTeX braces)."""
    return _FIELD.sub(lambda m: _format_value(values[m.group("name")], m.group("spec") or ""), template)


def _truncate(x: float, digits: int) -> float:
    """``x`` cut (towards zero) after ``digits`` decimals: how the slides print numbers.
    (The tiny offset keeps 0.29 * 100 = 28.999999999999996 from truncating to 0.28.)"""
    scale = 10.0**digits
    return math.trunc(x * scale + math.copysign(1e-9, x)) / scale


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
        return all(_same(x, y, d) for x, y, d in zip(a, b, ds))
    if digits is None:
        return bool(a == b)
    return _round_printed(a, digits) == _round_printed(b, digits)


# --- the data model -------------------------------------------------------------------------

#: Source key → (file name, name in Vietnamese, name in English).
SOURCES: dict[str, tuple[str, str, str]] = {
    "slides": ("002_3c2aa1209a5eb0fc.txt", "Slide bài giảng", "Lecture slides"),
    "blog": ("000_bc8a750aa8aaa7e2.txt", "Bài blog", "Blog post"),
    "notes": ("004_46d152f6e8e00b5d.txt", "Ghi chú", "Notes"),
}


@dataclass(frozen=True)
class CheckResult:
    """What :meth:`Erratum.check` found.

    ``correct_value`` is recomputed by lossbook, ``source_value`` is the source's (typed
    or reproduced), ``differs`` says they disagree at the printed precision,
    ``reproduced`` whether ``reproduce()`` gives the typed source value (None when there
    is nothing to reproduce), and ``ok`` is the verdict: the erratum stands.
    """

    correct_value: Any
    source_value: Any
    differs: bool
    reproduced: bool | None

    @property
    def ok(self) -> bool:
        """The erratum stands: lossbook disagrees with the source, and the source's number
        is explained where an explanation is given.

        >>> ERRATUM["slides-sgd1-w"].check().ok
        True
        """
        return self.differs and self.reproduced is not False


@dataclass(frozen=True)
class Erratum:
    """One mistake of one source.

    Attributes
    ----------
    id : str
        Stable identifier, ``<source>-<topic>``.
    source : str
        Key of :data:`SOURCES`.
    location : Text
        Where in the source (slide title, table, row).
    kind : str
        ``"number"`` (a wrong digit), ``"formula"``, ``"claim"`` (a wrong statement),
        ``"inconsistency"`` or ``"notation"``.
    says : Text
        What the source says, quoted (LaTeX allowed).
    correct_template, why_template : Text
        The correction and the reason, with ``<<name:spec>>`` fields filled from
        ``compute()``.
    compute : callable
        ``() -> dict``: the values recomputed by lossbook; ``"value"`` is the one compared
        with the source.
    source_value : Any
        The source's value as printed (None when it prints no number; then
        ``reproduce`` must evaluate what it says).
    reproduce : callable or None
        ``() -> value``: the source's value derived from what the source does (its
        formula, its rounding, its rule).
    digits : int, tuple of int, or None
        Precision of the comparison (the source's printed decimals); None: exact.
    lesson : str or None
        Name of the :mod:`lossbook.lesson` function that shows the worked example.
    """

    id: str
    source: str
    location: Text
    kind: str
    says: Text
    correct_template: Text
    why_template: Text
    compute: Callable[[], dict[str, Any]] = field(repr=False)
    source_value: Any = None
    reproduce: Callable[[], Any] | None = field(default=None, repr=False)
    digits: Any = None
    lesson: str | None = None

    @property
    def file(self) -> str:
        """The source's file name.

        >>> ERRATUM["notes-bce-compact"].file
        '004_46d152f6e8e00b5d.txt'
        """
        return SOURCES[self.source][0]

    def values(self) -> dict[str, Any]:
        """The recomputed values (calls lossbook).

        >>> sorted(ERRATUM["slides-sgd2-w2-sign"].values())
        ['plus', 'value']
        """
        return self.compute()

    def correct_value(self) -> Any:
        """The recomputed value that replaces the source's.

        >>> round(ERRATUM["slides-sgd2-w1"].correct_value(), 4)
        0.4904
        """
        return self.values()["value"]

    def correct(self, lang: str = "vi") -> str:
        r"""The correction, numbers filled in by lossbook.

        >>> print(ERRATUM["slides-sgd1-w"].correct("vi"))
        $w = -0.1 - 0.01 \times 0.686 = −0.1069$
        """
        return _fill(self.correct_template(lang), self.values())

    def why(self, lang: str = "vi") -> str:
        """Why, numbers filled in by lossbook.

        >>> ERRATUM["slides-house-error-55"].why("en")
        '$(−1.524 - 5.9)^2 = 55.115776$, which rounds to 55.12; 55.11 is truncated.'
        """
        return _fill(self.why_template(lang), self.values())

    def check(self) -> CheckResult:
        """Recompute the correct value and compare it with the source's.

        >>> r = ERRATUM["slides-entropy"].check()
        >>> r.differs, r.reproduced, r.source_value
        (True, True, 0.468)
        """
        correct = self.correct_value()
        reproduced_value = self.reproduce() if self.reproduce is not None else None
        source = self.source_value if self.source_value is not None else reproduced_value
        if source is None:
            raise ValueError(f"erratum {self.id!r} has neither source_value nor reproduce()")
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
    compute: Callable[[], Any] = field(repr=False)
    digits: Any = None
    lesson: str | None = None

    def check(self) -> bool:
        """Whether lossbook's value equals the source's at the printed precision.

        >>> all(c.check() for c in CONFIRMED)
        True
        """
        return _same(self.compute(), self.source_value, self.digits)


def _T(vi: str, en: str) -> Text:
    return Text(vi, en)


# --- helpers that evaluate what the sources say ---------------------------------------------

def _petal_column(w: float, b: float, column: str) -> tuple[float, ...]:
    return getattr(_lesson.petal_sigmoid_table(w, b), column)


def _mixed_partials_counterexample() -> dict[str, float]:
    """f(x, y) = xy(x^2 - y^2)/(x^2 + y^2), f(0, 0) = 0: the textbook function whose
    mixed partials differ at the origin: d/dy(df/dx) = -1 and d/dx(df/dy) = +1."""

    def f(v: np.ndarray) -> float:
        x, y = float(v[0]), float(v[1])
        r2 = x * x + y * y
        return 0.0 if r2 == 0.0 else x * y * (x * x - y * y) / r2

    h = 1e-3  # outer step; the inner gradient uses its own (smaller) default step

    def fx(v: np.ndarray) -> float:
        return float(_numerical_gradient(f, v, h=1e-6)[0])

    def fy(v: np.ndarray) -> float:
        return float(_numerical_gradient(f, v, h=1e-6)[1])

    f_xy = (fx(np.array([0.0, h])) - fx(np.array([0.0, -h]))) / (2 * h)  # d/dy of df/dx
    f_yx = (fy(np.array([h, 0.0])) - fy(np.array([-h, 0.0]))) / (2 * h)  # d/dx of df/dy
    return {"f_xy": f_xy, "f_yx": f_yx}


# ==========================================================================================
# The errata
# ==========================================================================================

_SLIDES = [
    Erratum(
        id="slides-naturals-domain",
        source="slides",
        location=_T("'Square function' và 'Optimization: 2D function'",
                    "'Square function' and 'Optimization: 2D function'"),
        kind="notation",
        says=_T(r"$-100 \leq x \leq 100$, $x \in \mathbb{N}$ (và $x, y \in \mathbb{N}$)",
                r"$-100 \leq x \leq 100$, $x \in \mathbb{N}$ (and $x, y \in \mathbb{N}$)"),
        correct_template=_T(r"$-100 \leq x \leq 100$, $x \in \mathbb{R}$ (và $x, y \in \mathbb{R}$)",
                            r"$-100 \leq x \leq 100$, $x \in \mathbb{R}$ (and $x, y \in \mathbb{R}$)"),
        why_template=_T(
            r"$\mathbb{N}$ không có số âm, và gradient descent rời khỏi tập số nguyên: chẳng hạn từ $x_0 = 3$ với "
            r"$\eta = 0.1$, điểm tiếp theo là $x_1 = <<x1:.1f>>$.",
            r"$\mathbb{N}$ has no negative numbers, and gradient descent leaves the integers: for example from "
            r"$x_0 = 3$ with $\eta = 0.1$ the next point is $x_1 = <<x1:.1f>>$."),
        compute=lambda: {"x1": _lesson.square_descent(3.0, 0.1, 1).xs[1],
                         "value": float(_lesson.square_descent(3.0, 0.1, 1).xs[1]).is_integer()},
        source_value=True,  # "the iterates are natural numbers"
        lesson="square_descent",
    ),
    Erratum(
        id="slides-walk-rule",
        source="slides",
        location=_T(r"'Optimization: 2D function', $f = x^2 + y^2$, $\eta = 1$, từ $(3, 4)$",
                    r"'Optimization: 2D function', $f = x^2 + y^2$, $\eta = 1$, from $(3, 4)$"),
        kind="inconsistency",
        says=_T(r"$x = x - \eta \frac{\partial f}{\partial x}$, $\eta = 1.0$: $(x_1, y_1) = (2.0, 3.0)$, "
                r"rồi $(1, 2)$, $(0, 1)$, $(0, 0)$",
                r"$x = x - \eta \frac{\partial f}{\partial x}$, $\eta = 1.0$: $(x_1, y_1) = (2.0, 3.0)$, "
                r"then $(1, 2)$, $(0, 1)$, $(0, 0)$"),
        correct_template=_T(
            r"Gradient descent chuẩn với $\eta = 1$ cho $(x_1, y_1) = (<<value:.1f>>)$, rồi quay lại $(3, 4)$, "
            r"dao động mãi. Các điểm trên slide là của quy tắc $x \leftarrow x - \eta\,\mathrm{sign}"
            r"(\partial f/\partial x)$.",
            r"Standard gradient descent with $\eta = 1$ gives $(x_1, y_1) = (<<value:.1f>>)$, then back to "
            r"$(3, 4)$, forever. The slides' points come from the rule "
            r"$x \leftarrow x - \eta\,\mathrm{sign}(\partial f/\partial x)$."),
        why_template=_T(
            r"Với $\eta = 1$: $x - \eta \cdot 2x = -x$. Các số của slide (mỗi bước dài đúng 1, ngược dấu đạo hàm, "
            r"gradient descent theo dấu) giữ các điểm trên số nguyên.",
            r"With $\eta = 1$, $x - \eta \cdot 2x = -x$. The slides' numbers are steps of 1 against the sign "
            r"of each partial derivative (sign gradient descent), which keep the points on integers."),
        compute=lambda: {"value": _lesson.walk_2d().gd_points[1]},
        source_value=(2.0, 3.0),
        reproduce=lambda: _lesson.walk_2d().slides_points[1],
        digits=1,
        lesson="walk_2d",
    ),
    Erratum(
        id="slides-walk-gradient",
        source="slides",
        location=_T(r"'Optimization: 2D function', đạo hàm tại $(x_3, y_3) = (0, 1)$",
                    r"'Optimization: 2D function', derivative at $(x_3, y_3) = (0, 1)$"),
        kind="number",
        says=_T(r"$\frac{\partial f(x_3, y_3)}{\partial y} = 0.0$", r"$\frac{\partial f(x_3, y_3)}{\partial y} = 0.0$"),
        correct_template=_T(r"$\frac{\partial f(x_3, y_3)}{\partial y} = 2y_3 = <<value:.1f>>$",
                            r"$\frac{\partial f(x_3, y_3)}{\partial y} = 2y_3 = <<value:.1f>>$"),
        why_template=_T(
            r"Đạo hàm riêng của $x^2 + y^2$ theo $y$ là $2y$; gradient chỉ bằng 0 tại $(0, 0)$.",
            r"The partial derivative of $x^2 + y^2$ with respect to $y$ is $2y$; the gradient vanishes only "
            r"at $(0, 0)$."),
        compute=lambda: {"value": _lesson.walk_2d().slides_gradients[3][1]},
        source_value=0.0,
        digits=1,
        lesson="walk_2d",
    ),
    Erratum(
        id="slides-house-versions",
        source="slides",
        location=_T("'House Price Prediction', hai bảng dữ liệu", "'House Price Prediction', the two data tables"),
        kind="inconsistency",
        says=_T("Hai bảng cùng diện tích 6.7, 4.6, 3.5, 5.5 với giá 8.1, 5.6, 4.3, 6.7 (bảng 1) và "
                "9.1, 5.9, 4.6, 6.7 (bảng 2)",
                "Two tables with the same areas 6.7, 4.6, 3.5, 5.5 and prices 8.1, 5.6, 4.3, 6.7 (table 1) and "
                "9.1, 5.9, 4.6, 6.7 (table 2)"),
        correct_template=_T(
            "Các bảng tính ($w = -0.34$ và $w = 1.17$) dùng bảng <<value>>: với nó, sai số hàng đầu khi "
            "$w = 1.17$, $b = 0.26$ là <<e2:.3f>> như slide; với bảng 1 sẽ là <<e1:.6f>>.",
            "The worked tables ($w = -0.34$ and $w = 1.17$) use table <<value>>: with it the first row's error "
            "for $w = 1.17$, $b = 0.26$ is <<e2:.3f>> as printed; with table 1 it would be <<e1:.6f>>."),
        why_template=_T("Slide không nói bảng tính dùng bộ dữ liệu nào; cột giá của các bảng tính là 9.1, 5.9, 4.6, 6.7.",
                        "The slides never say which data the worked tables use; their price column reads "
                        "9.1, 5.9, 4.6, 6.7."),
        compute=lambda: {
            "e1": _lesson.house_price_table(1.17, 0.26, 1).squared_error[0],
            "e2": _lesson.house_price_table(1.17, 0.26, 2).squared_error[0],
            "value": next(v for v in (1, 2)
                          if round(_lesson.house_price_table(1.17, 0.26, v).squared_error[0], 3) == 1.002),
        },
        source_value=1,  # the table the slides present first as "House price data"
        lesson="house_price_table",
    ),
    Erratum(
        id="slides-house-error-55",
        source="slides",
        location=_T(r"'Area-based house price prediction', $w = -0.34$, $b = 0.04$, hàng diện tích 4.6",
                    r"'Area-based house price prediction', $w = -0.34$, $b = 0.04$, row area 4.6"),
        kind="number",
        says=_T("sai số 55.11", "error 55.11"),
        correct_template=_T("<<value:.2f>>", "<<value:.2f>>"),
        why_template=_T(r"$(<<pred:.3f>> - 5.9)^2 = <<value:.6f>>$, làm tròn thành <<value:.2f>>; 55.11 là bị cắt bớt.",
                        r"$(<<pred:.3f>> - 5.9)^2 = <<value:.6f>>$, which rounds to <<value:.2f>>; 55.11 is truncated."),
        compute=lambda: {"value": _lesson.house_price_table(-0.34, 0.04).squared_error[1],
                         "pred": _lesson.house_price_table(-0.34, 0.04).predicted[1]},
        source_value=55.11,
        reproduce=lambda: _truncate(_lesson.house_price_table(-0.34, 0.04).squared_error[1], 2),
        digits=2,
        lesson="house_price_table",
    ),
    Erratum(
        id="slides-house-error-0066",
        source="slides",
        location=_T(r"'Area-based house price prediction', $w = 1.17$, $b = 0.26$, hàng diện tích 4.6",
                    r"'Area-based house price prediction', $w = 1.17$, $b = 0.26$, row area 4.6"),
        kind="number",
        says=_T("sai số 0.066", "error 0.066"),
        correct_template=_T("<<value:.3f>>", "<<value:.3f>>"),
        why_template=_T(r"$(<<pred:.3f>> - 5.9)^2 = <<value:.6f>>$, làm tròn thành <<value:.3f>>; 0.066 là bị cắt bớt.",
                        r"$(<<pred:.3f>> - 5.9)^2 = <<value:.6f>>$, which rounds to <<value:.3f>>; 0.066 is truncated."),
        compute=lambda: {"value": _lesson.house_price_table(1.17, 0.26).squared_error[1],
                         "pred": _lesson.house_price_table(1.17, 0.26).predicted[1]},
        source_value=0.066,
        reproduce=lambda: _truncate(_lesson.house_price_table(1.17, 0.26).squared_error[1], 3),
        digits=3,
        lesson="house_price_table",
    ),
    Erratum(
        id="slides-petal1-sigma",
        source="slides",
        location=_T(r"'Using the Sigmoid function', bảng $z = 0.535x - 0.654$, cột $\sigma(z)$",
                    r"'Using the Sigmoid function', table $z = 0.535x - 0.654$, column $\sigma(z)$"),
        kind="number",
        says=_T("0.52, 0.47, 0.53, 0.72, 0.79, 0.82", "0.52, 0.47, 0.53, 0.72, 0.79, 0.82"),
        correct_template=_T("<<value:.2f>>", "<<value:.2f>>"),
        why_template=_T(r"$\sigma(0.1485) = <<s3:.4f>>$ và $\sigma(1.379) = <<s5:.4f>>$: slide cắt bớt thay vì làm tròn. "
                        r"(Cột $z$ của bảng này đúng bằng $0.535x - 0.654$.)",
                        r"$\sigma(0.1485) = <<s3:.4f>>$ and $\sigma(1.379) = <<s5:.4f>>$: the slides truncate instead "
                        r"of rounding. (This table's $z$ column is exactly $0.535x - 0.654$.)"),
        compute=lambda: {"value": _petal_column(0.535, -0.654, "y_prob"),
                         "s3": _petal_column(0.535, -0.654, "y_prob")[2],
                         "s5": _petal_column(0.535, -0.654, "y_prob")[4]},
        source_value=(0.52, 0.47, 0.53, 0.72, 0.79, 0.82),
        reproduce=lambda: tuple(_truncate(v, 2) for v in _petal_column(0.535, -0.654, "y_prob")),
        digits=2,
        lesson="petal_sigmoid_table",
    ),
    Erratum(
        id="slides-petal2-z",
        source="slides",
        location=_T(r"'Using the Sigmoid function', bảng $z = 2.331x - 5.156$ (in hai lần), cột $z$",
                    r"'Using the Sigmoid function', table $z = 2.331x - 5.156$ (shown twice), column $z$"),
        kind="number",
        says=_T("−1.89, −2.82, −1.65, 1.837, 3.701, 4.401", "−1.89, −2.82, −1.65, 1.837, 3.701, 4.401"),
        correct_template=_T("<<z3:.2f>> thay cho −1.65 và <<z5:.3f>> thay cho 3.701 (chính xác: <<value:.4f>>)",
                            "<<z3:.2f>> instead of −1.65 and <<z5:.3f>> instead of 3.701 (exactly: <<value:.4f>>)"),
        why_template=_T(r"$2.331 \times 1.5 - 5.156 = <<z3:.4f>>$ và $2.331 \times 3.8 - 5.156 = <<z5:.4f>>$: "
                        r"slide cắt bớt thay vì làm tròn. Còn −2.82 thì đúng: $2.331 \times 1.0 - 5.156 = <<z2:.3f>>$ "
                        r"là điểm giữa, và làm tròn về số chẵn cho −2.82 (xem quy tắc làm tròn ở đầu trang).",
                        r"$2.331 \times 1.5 - 5.156 = <<z3:.4f>>$ and $2.331 \times 3.8 - 5.156 = <<z5:.4f>>$: "
                        r"the slides truncate instead of rounding. The −2.82 is right: $2.331 \times 1.0 - 5.156 = "
                        r"<<z2:.3f>>$ is a tie, and rounding half to even gives −2.82 (see the rounding rule above)."),
        compute=lambda: {"value": _petal_column(2.331, -5.156, "z"),
                         "z2": _petal_column(2.331, -5.156, "z")[1],
                         "z3": _petal_column(2.331, -5.156, "z")[2],
                         "z5": _petal_column(2.331, -5.156, "z")[4]},
        source_value=(-1.89, -2.82, -1.65, 1.837, 3.701, 4.401),
        reproduce=lambda: tuple(_truncate(v, d) for v, d in
                                zip(_petal_column(2.331, -5.156, "z"), (2, 2, 2, 3, 3, 3))),
        digits=(2, 2, 2, 3, 3, 3),
        lesson="petal_sigmoid_table",
    ),
    Erratum(
        id="slides-petal2-sigma",
        source="slides",
        location=_T(r"'Using the Sigmoid function', bảng $z = 2.331x - 5.156$ (in hai lần), cột $\sigma(z)$",
                    r"'Using the Sigmoid function', table $z = 2.331x - 5.156$ (shown twice), column $\sigma(z)$"),
        kind="number",
        says=_T("0.1309, 0.0559, 0.1598, 0.8625, 0.9759, 0.9878", "0.1309, 0.0559, 0.1598, 0.8625, 0.9759, 0.9878"),
        correct_template=_T("<<value:.4f>>", "<<value:.4f>>"),
        why_template=_T("Các giá trị chính xác <<value:.6f>>: slide cắt bớt 0.0559, 0.8625, 0.9878 thay vì làm tròn.",
                        "The exact values are <<value:.6f>>: the slides truncate 0.0559, 0.8625 and 0.9878 instead "
                        "of rounding."),
        compute=lambda: {"value": _petal_column(2.331, -5.156, "y_prob")},
        source_value=(0.1309, 0.0559, 0.1598, 0.8625, 0.9759, 0.9878),
        reproduce=lambda: tuple(_truncate(v, 4) for v in _petal_column(2.331, -5.156, "y_prob")),
        digits=4,
        lesson="petal_sigmoid_table",
    ),
    Erratum(
        id="slides-sgd1-w",
        source="slides",
        location=_T("'Example' (SGD một đặc trưng), cập nhật $w$", "'Example' (one-feature SGD), update of $w$"),
        kind="number",
        says=_T(r"$w = -0.1 - \eta\, 0.686 = -0.1068$", r"$w = -0.1 - \eta\, 0.686 = -0.1068$"),
        correct_template=_T(r"$w = -0.1 - 0.01 \times 0.686 = <<value:.4f>>$",
                            r"$w = -0.1 - 0.01 \times 0.686 = <<value:.4f>>$"),
        why_template=_T(r"$-0.1 - 0.00686 = <<value:.5f>>$, làm tròn thành <<value:.4f>>; −0.1068 là bị cắt bớt.",
                        r"$-0.1 - 0.00686 = <<value:.5f>>$, which rounds to <<value:.4f>>; −0.1068 is truncated."),
        compute=lambda: {"value": _lesson.sgd_step_one_feature().param("w")},
        source_value=-0.1068,
        reproduce=lambda: _truncate(_lesson.sgd_step_one_feature().param("w"), 4),
        digits=4,
        lesson="sgd_step_one_feature",
    ),
    Erratum(
        id="slides-sgd2-yhat",
        source="slides",
        location=_T(r"'Another Example' (SGD hai đặc trưng), $\hat y - y$ trong gradient",
                    r"'Another Example' (two-feature SGD), $\hat y - y$ in the gradient"),
        kind="number",
        says=_T(r"$L'_b = 1 * 0.6856$", r"$L'_b = 1 * 0.6856$"),
        correct_template=_T(r"$L'_b = \hat y - y = \sigma(0.78) = <<value:.4f>>$",
                            r"$L'_b = \hat y - y = \sigma(0.78) = <<value:.4f>>$"),
        why_template=_T(r"$z = 0.1 + 0.5 \times 1.4 - 0.1 \times 0.2 = 0.78$ và $\sigma(0.78) = <<value:.6f>>$; "
                        r"0.6856 là bị cắt bớt.",
                        r"$z = 0.1 + 0.5 \times 1.4 - 0.1 \times 0.2 = 0.78$ and $\sigma(0.78) = <<value:.6f>>$; "
                        r"0.6856 is truncated."),
        compute=lambda: {"value": _lesson.sgd_step_two_features().gradient[0]},
        source_value=0.6856,
        reproduce=lambda: _truncate(_lesson.sgd_step_two_features().gradient[0], 4),
        digits=4,
        lesson="sgd_step_two_features",
    ),
    Erratum(
        id="slides-sgd2-grad-w1",
        source="slides",
        location=_T(r"'Another Example', $L'_{w_1}$ (vector gradient và dòng cập nhật)",
                    r"'Another Example', $L'_{w_1}$ (gradient vector and update line)"),
        kind="inconsistency",
        says=_T(r"$L'_{w_1} = 0.9599$ trong vector, $0.9598$ trong dòng cập nhật $w_1$",
                r"$L'_{w_1} = 0.9599$ in the vector, $0.9598$ in the update of $w_1$"),
        correct_template=_T(r"$L'_{w_1} = 1.4 \times <<yhat:.6f>> = <<grad:.4f>>$ (cả hai chỗ)",
                            r"$L'_{w_1} = 1.4 \times <<yhat:.6f>> = <<grad:.4f>>$ (both places)"),
        why_template=_T(r"$1.4 \times <<yhat:.6f>> = <<grad:.6f>>$, làm tròn thành <<grad:.4f>>.",
                        r"$1.4 \times <<yhat:.6f>> = <<grad:.6f>>$, which rounds to <<grad:.4f>>."),
        compute=lambda: {"value": (_lesson.sgd_step_two_features().gradient[1],) * 2,
                         "grad": _lesson.sgd_step_two_features().gradient[1],
                         "yhat": _lesson.sgd_step_two_features().y_hat_before},
        source_value=(0.9599, 0.9598),
        digits=4,
        lesson="sgd_step_two_features",
    ),
    Erratum(
        id="slides-sgd2-w1",
        source="slides",
        location=_T(r"'Another Example', cập nhật $w_1$", r"'Another Example', update of $w_1$"),
        kind="number",
        says=_T(r"$w_1 = 0.5 - \eta\, 0.9598 = 0.4990$", r"$w_1 = 0.5 - \eta\, 0.9598 = 0.4990$"),
        correct_template=_T(r"$w_1 = 0.5 - 0.01 \times <<grad:.4f>> = <<value:.4f>>$ (<<value:.6f>>)",
                            r"$w_1 = 0.5 - 0.01 \times <<grad:.4f>> = <<value:.4f>>$ (<<value:.6f>>)"),
        why_template=_T(r"Bước cập nhật là $\eta\, L'_{w_1} = <<step:.4f>>$, không phải 0.0010. Giá trị $\hat y = 0.6812$ "
                        r"sau bước (trên slide) khớp với $w_1 = <<value:.4f>>$; với $w_1 = 0.4990$ sẽ là "
                        r"<<yhat_wrong:.4f>>.",
                        r"The step is $\eta\, L'_{w_1} = <<step:.4f>>$, not 0.0010. The slides' $\hat y = 0.6812$ "
                        r"after the step matches $w_1 = <<value:.4f>>$; with $w_1 = 0.4990$ it would be "
                        r"<<yhat_wrong:.4f>>."),
        compute=lambda: {
            "value": _lesson.sgd_step_two_features().param("w1"),
            "grad": _lesson.sgd_step_two_features().gradient[1],
            "step": 0.01 * _lesson.sgd_step_two_features().gradient[1],
            "yhat_wrong": _sigmoid(0.0931 + 0.4990 * 1.4 - 0.1013 * 0.2),  # the slides' printed b, w1, w2
        },
        source_value=0.4990,
        digits=4,
        lesson="sgd_step_two_features",
    ),
    Erratum(
        id="slides-sgd2-w2-sign",
        source="slides",
        location=_T(r"'Another Example', cập nhật $w_2$", r"'Another Example', update of $w_2$"),
        kind="formula",
        says=_T(r"$w_2 = -0.1 + \eta\, 0.1371$", r"$w_2 = -0.1 + \eta\, 0.1371$"),
        correct_template=_T(r"$w_2 = -0.1 - \eta\, 0.1371 = <<value:.4f>>$",
                            r"$w_2 = -0.1 - \eta\, 0.1371 = <<value:.4f>>$"),
        why_template=_T(r"Gradient descent trừ gradient: $w \leftarrow w - \eta L'_w$. Với dấu +, kết quả sẽ là "
                        r"<<plus:.4f>>; số −0.1013 in trên slide thực ra đến từ dấu −.",
                        r"Gradient descent subtracts the gradient, $w \leftarrow w - \eta L'_w$. With the + the result "
                        r"would be <<plus:.4f>>; the printed −0.1013 actually comes from the minus sign."),
        compute=lambda: {"value": _lesson.sgd_step_two_features().param("w2"),
                         "plus": -0.1 + 0.01 * _lesson.sgd_step_two_features().gradient[2]},
        reproduce=lambda: -0.1 + 0.01 * _lesson.sgd_step_two_features().gradient[2],  # the formula as printed
        digits=4,
        lesson="sgd_step_two_features",
    ),
    Erratum(
        id="slides-sgd2-w2",
        source="slides",
        location=_T(r"'Another Example', giá trị $w_2$ mới", r"'Another Example', new value of $w_2$"),
        kind="number",
        says=_T(r"$w_2 = -0.1013$", r"$w_2 = -0.1013$"),
        correct_template=_T(r"$w_2 = <<value:.4f>>$", r"$w_2 = <<value:.4f>>$"),
        why_template=_T(r"$-0.1 - 0.01 \times <<grad:.6f>> = <<value:.6f>>$, làm tròn thành <<value:.4f>>; "
                        r"−0.1013 là bị cắt bớt.",
                        r"$-0.1 - 0.01 \times <<grad:.6f>> = <<value:.6f>>$, which rounds to <<value:.4f>>; "
                        r"−0.1013 is truncated."),
        compute=lambda: {"value": _lesson.sgd_step_two_features().param("w2"),
                         "grad": _lesson.sgd_step_two_features().gradient[2]},
        source_value=-0.1013,
        reproduce=lambda: _truncate(_lesson.sgd_step_two_features().param("w2"), 4),
        digits=4,
        lesson="sgd_step_two_features",
    ),
    Erratum(
        id="slides-entropy",
        source="slides",
        location=_T(r"'Entropy', $p(X = 0) = 0.9$, $p(X = 1) = 0.1$", r"'Entropy', $p(X = 0) = 0.9$, $p(X = 1) = 0.1$"),
        kind="number",
        says=_T(r"$H(X) = -0.9 \log(0.9) - 0.1 \log(0.1) = 0.468$ (không nói cơ số của log)",
                r"$H(X) = -0.9 \log(0.9) - 0.1 \log(0.1) = 0.468$ (no base given for the log)"),
        correct_template=_T(r"$H(X) = <<value:.3f>>$ bit ($\log_2$)", r"$H(X) = <<value:.3f>>$ bits ($\log_2$)"),
        why_template=_T(r"Ví dụ thứ hai ($0.5/0.5 \to 1.0$) chỉ đúng với $\log_2$; khi đó $H = <<value:.6f>>$, làm tròn "
                        r"thành <<value:.3f>> (0.468 là bị cắt bớt). Với log tự nhiên (đơn vị của BCE) "
                        r"$H = <<nats:.4f>>$ nat.",
                        r"The second example ($0.5/0.5 \to 1.0$) holds only for $\log_2$; then $H = <<value:.6f>>$, "
                        r"which rounds to <<value:.3f>> (0.468 is truncated). With the natural log (the unit of the "
                        r"BCE) $H = <<nats:.4f>>$ nats."),
        compute=lambda: {"value": _lesson.entropy_example(0.9).bits, "nats": _lesson.entropy_example(0.9).nats},
        source_value=0.468,
        reproduce=lambda: _truncate(_lesson.entropy_example(0.9).bits, 3),
        digits=3,
        lesson="entropy_example",
    ),
    Erratum(
        id="slides-predict-z-comment",
        source="slides",
        location=_T("'Logistic Regression-MSE', 'Implement' (vòng lặp huấn luyện)",
                    "'Logistic Regression-MSE', 'Implement' (the training loop)"),
        kind="notation",
        says=_T("`# predict z` phía trên `y_hat = predict(xi, theta)`", "`# predict z` above `y_hat = predict(xi, theta)`"),
        correct_template=_T(r"`# predict y_hat`: `predict` trả về $\hat y = \sigma(z)$, không phải $z$",
                            r"`# predict y_hat`: `predict` returns $\hat y = \sigma(z)$, not $z$"),
        why_template=_T(r"`predict(x, theta)` tính `sigmoid_function(np.dot(x, theta))`. Với $x = (1, 1.4)$, "
                        r"$\theta = (0.1, -0.1)$: $z = <<z:.2f>>$ nhưng `predict` trả về <<value:.4f>>.",
                        r"`predict(x, theta)` computes `sigmoid_function(np.dot(x, theta))`. For $x = (1, 1.4)$, "
                        r"$\theta = (0.1, -0.1)$: $z = <<z:.2f>>$ but `predict` returns <<value:.4f>>."),
        compute=lambda: {"z": float(np.dot([1.0, 1.4], [0.1, -0.1])),
                         "value": float(_sigmoid(float(np.dot([1.0, 1.4], [0.1, -0.1]))))},
        reproduce=lambda: float(np.dot([1.0, 1.4], [0.1, -0.1])),  # what the comment says predict gives
        digits=4,
        lesson=None,
    ),
    Erratum(
        id="slides-growth-abs",
        source="slides",
        location=_T("'Đưa về dạng hàm sigmoid' (nghiệm của phương trình logistic)",
                    "'Đưa về dạng hàm sigmoid' (solving the logistic equation)"),
        kind="claim",
        says=_T(r"$\ln|y| - \ln|K - y| = rt + C$, rồi ngay $\ln\left(\frac{y}{K - y}\right) = rt + C$",
                r"$\ln|y| - \ln|K - y| = rt + C$, then at once $\ln\left(\frac{y}{K - y}\right) = rt + C$"),
        correct_template=_T(r"$\ln|y| - \ln|K - y| = \ln\left|\frac{y}{K - y}\right|$; bỏ được dấu $|\cdot|$ chỉ "
                            r"khi $0 < y < K$ (giả thiết của chương 5, mà `lb.logistic_growth` kiểm tra)",
                            r"$\ln|y| - \ln|K - y| = \ln\left|\frac{y}{K - y}\right|$; the $|\cdot|$ can be dropped "
                            r"only when $0 < y < K$ (chapter 5's assumption, which `lb.logistic_growth` checks)"),
        why_template=_T(r"Với $K = 100$ và $y = 150$ (vượt sức chứa): $\frac{y}{K - y} = <<ratio:.0f>> < 0$ không có "
                        r"logarit, trong khi $\ln|y| - \ln|K - y| = <<lnabs:.4f>>$. Công thức cuối của slide vẫn đúng "
                        r"khi $y_0 > K$ (với $A < 0$), nhưng phép biến đổi cần nói rõ điều kiện.",
                        r"With $K = 100$ and $y = 150$ (above the capacity): $\frac{y}{K - y} = <<ratio:.0f>> < 0$ has no "
                        r"logarithm, while $\ln|y| - \ln|K - y| = <<lnabs:.4f>>$. The slides' final formula still holds "
                        r"for $y_0 > K$ (with $A < 0$), but the step must state its condition."),
        compute=lambda: {"ratio": 150.0 / (100.0 - 150.0), "lnabs": math.log(150.0) - math.log(abs(100.0 - 150.0)),
                         "value": 150.0 / (100.0 - 150.0) > 0},
        source_value=True,  # "y / (K - y) > 0, so its log is defined", for every y
        lesson=None,
    ),
    Erratum(
        id="slides-growth-steepness",
        source="slides",
        location=_T("'Liên hệ với hàm sigmoid'", "'Liên hệ với hàm sigmoid'"),
        kind="claim",
        says=_T(r"hàm logistic là dạng tổng quát của sigmoid với $K$ là giới hạn trên và $rt$ điều khiển độ dốc",
                r"the logistic function is a general sigmoid with $K$ the upper limit and $rt$ controlling the "
                r"steepness"),
        correct_template=_T(r"$y(t) = K\,\sigma\big(r(t - t^*)\big)$, $t^* = \frac{1}{r}\ln\frac{K - y_0}{y_0}$: "
                            r"$r$ (không phải $rt$) điều khiển độ dốc, và $t^*$ dời đường cong",
                            r"$y(t) = K\,\sigma\big(r(t - t^*)\big)$, $t^* = \frac{1}{r}\ln\frac{K - y_0}{y_0}$: "
                            r"$r$ (not $rt$) controls the steepness, and $t^*$ shifts the curve"),
        why_template=_T(r"Bỏ mất $t^*$ là viết $y = K\sigma(rt)$, tức $y(0) = K/2$. Với $K = 100$, $r = 0.5$, "
                        r"$y_0 = 5$: $t^* = <<tstar:.3f>>$ và $y(0) = <<value:.0f>>$, không phải <<half:.0f>>; độ dốc "
                        r"lớn nhất $Kr/4 = <<slope:.1f>>$ đạt tại $t^*$.",
                        r"Dropping $t^*$ means $y = K\sigma(rt)$, i.e. $y(0) = K/2$. With $K = 100$, $r = 0.5$, "
                        r"$y_0 = 5$: $t^* = <<tstar:.3f>>$ and $y(0) = <<value:.0f>>$, not <<half:.0f>>; the largest "
                        r"slope $Kr/4 = <<slope:.1f>>$ is reached at $t^*$."),
        compute=lambda: {"tstar": math.log((100.0 - 5.0) / 5.0) / 0.5,
                         "value": float(_logistic_growth(0.0, 100.0, 0.5, 5.0)),
                         "half": 100.0 * float(_sigmoid(0.5 * 0.0)),
                         "slope": float(_logistic_growth_rhs(_logistic_growth(math.log((100.0 - 5.0) / 5.0) / 0.5,
                                                                             100.0, 0.5, 5.0), 100.0, 0.5))},
        reproduce=lambda: 100.0 * float(_sigmoid(0.5 * 0.0)),  # K sigma(rt) at t = 0, no shift
        digits=4,
        lesson=None,
    ),
    Erratum(
        id="slides-hessian-definition",
        source="slides",
        location=_T("'Discussion', định nghĩa ma trận Hessian", "'Discussion', definition of the Hessian matrix"),
        kind="notation",
        says=_T(r"phần tử hàng 2 cột 1 là $\frac{\partial^2 f}{\partial x \partial y}$ (giống hàng 1 cột 2)",
                r"row 2, column 1 is $\frac{\partial^2 f}{\partial x \partial y}$ (same as row 1, column 2)"),
        correct_template=_T(r"hàng 2 cột 1 là $\frac{\partial^2 f}{\partial y\,\partial x}$",
                            r"row 2, column 1 is $\frac{\partial^2 f}{\partial y\,\partial x}$"),
        why_template=_T(r"Hai đạo hàm hỗn hợp bằng nhau khi $f$ khả vi liên tục cấp hai (định lý Schwarz), như mọi hàm "
                        r"của bài học; nhưng định nghĩa phải ghi đúng. Với $f = xy\frac{x^2 - y^2}{x^2 + y^2}$ tại "
                        r"gốc: $f_{xy} = <<f_xy:.2f>>$, $f_{yx} = <<f_yx:.2f>>$.",
                        r"The two mixed partials are equal when $f$ has continuous second derivatives (Schwarz), as "
                        r"every function of the lesson does; but the definition should name the right one. For "
                        r"$f = xy\frac{x^2 - y^2}{x^2 + y^2}$ at the origin: $f_{xy} = <<f_xy:.2f>>$, "
                        r"$f_{yx} = <<f_yx:.2f>>$."),
        compute=lambda: {**_mixed_partials_counterexample(), "value": _mixed_partials_counterexample()["f_yx"]},
        reproduce=lambda: _mixed_partials_counterexample()["f_xy"],  # what the slides' entry denotes
        digits=2,
        lesson=None,
    ),
    Erratum(
        id="slides-diagonal-convexity",
        source="slides",
        location=_T("'Binary Cross-entropy: Convex function' (simplified version)",
                    "'Binary Cross-entropy: Convex function' (simplified version)"),
        kind="claim",
        says=_T(r"$\frac{\partial^2 L}{\partial \theta_i^2} = x_i^2(\hat y - \hat y^2) \geq 0$ (lập luận cho tính lồi)",
                r"$\frac{\partial^2 L}{\partial \theta_i^2} = x_i^2(\hat y - \hat y^2) \geq 0$ (as the convexity argument)"),
        correct_template=_T(r"Cần cả ma trận Hessian nửa xác định dương: $v^\top H v = \hat y(1-\hat y)(x^\top v)^2 \geq 0$",
                            r"The whole Hessian must be positive semi-definite: "
                            r"$v^\top H v = \hat y(1-\hat y)(x^\top v)^2 \geq 0$"),
        why_template=_T(r"Đường chéo không âm là điều kiện cần, chưa đủ: $\begin{bmatrix}1 & 2\\ 2 & 1\end{bmatrix}$ có "
                        r"đường chéo dương nhưng trị riêng $<<lam:.0f>>$. (Slide chứng minh đúng ở phần sau, bằng "
                        r"định thức và trị riêng.)",
                        r"A non-negative diagonal is necessary, not sufficient: "
                        r"$\begin{bmatrix}1 & 2\\ 2 & 1\end{bmatrix}$ has a positive diagonal and the eigenvalue "
                        r"$<<lam:.0f>>$. (The slides prove it properly later, with the determinant and eigenvalues.)"),
        compute=lambda: {"lam": float(np.linalg.eigvalsh(np.array([[1.0, 2.0], [2.0, 1.0]]))[0]),
                         "value": bool(np.linalg.eigvalsh(np.array([[1.0, 2.0], [2.0, 1.0]]))[0] >= 0)},
        source_value=True,  # "a non-negative diagonal makes the matrix PSD"
        lesson="bce_hessian_example",
    ),
    Erratum(
        id="slides-p-undefined",
        source="slides",
        location=_T("'Prove convexity' và 'eigenvalues of Hessian matrix'; 'Mean Squared Error' và 'Convex function' "
                    "(simplified version)",
                    "'Prove convexity' and 'eigenvalues of Hessian matrix'; 'Mean Squared Error' and 'Convex function' "
                    "(simplified version)"),
        kind="notation",
        says=_T(r"$0 \leq p \leq 1$, nên $\hat y(1 - \hat y) \geq 0$; và $\hat y(1 - \hat y) \in \left[0, \frac{1}{4}\right]$",
                r"$0 \leq p \leq 1$, so $\hat y(1 - \hat y) \geq 0$; and $\hat y(1 - \hat y) \in \left[0, \frac{1}{4}\right]$"),
        correct_template=_T(r"$0 < \hat y < 1$, nên $\hat y(1 - \hat y) \in \left(0, \frac{1}{4}\right]$",
                            r"$0 < \hat y < 1$, so $\hat y(1 - \hat y) \in \left(0, \frac{1}{4}\right]$"),
        why_template=_T(r"$p$ chưa được định nghĩa (ý là $\hat y$), và $\sigma(z)$ không bao giờ bằng 0 hay 1 với $z$ hữu "
                        r"hạn: trên $[-30, 30]$, $\hat y(1 - \hat y) \geq <<min:.2e>>$; giá trị lớn nhất <<max:.2f>> "
                        r"đạt tại $z = 0$, còn 0 thì không bao giờ đạt.",
                        r"$p$ is never defined (it means $\hat y$), and $\sigma(z)$ never reaches 0 or 1 for finite "
                        r"$z$: on $[-30, 30]$, $\hat y(1 - \hat y) \geq <<min:.2e>>$; the largest value <<max:.2f>> is "
                        r"reached at $z = 0$, while 0 is never reached."),
        compute=lambda: {"min": float(np.min(_sigmoid_derivative(np.linspace(-30.0, 30.0, 601)))),
                         "max": float(_sigmoid_derivative(0.0)),
                         "value": bool(np.min(_sigmoid_derivative(np.linspace(-30.0, 30.0, 601))) > 0)},
        source_value=False,  # the slides allow y_hat(1 - y_hat) = 0 (the interval is closed at 0)
        lesson="bce_hessian_example",
    ),
]

_NOTES = [
    Erratum(
        id="notes-bce-compact",
        source="notes",
        location=_T("'Cost Function', dạng gọn của $L$", "'Cost Function', compact form of $L$"),
        kind="formula",
        says=_T(r"$L = -y^{(i)}\log(f) - (1 - y^{(i)}(1 - \log(f)))$", r"$L = -y^{(i)}\log(f) - (1 - y^{(i)}(1 - \log(f)))$"),
        correct_template=_T(r"$L = -y^{(i)}\log f - (1 - y^{(i)})\log(1 - f)$",
                            r"$L = -y^{(i)}\log f - (1 - y^{(i)})\log(1 - f)$"),
        why_template=_T(r"Như đã viết, công thức cho $-1$ khi $y = 0$ (mất mát âm, không phụ thuộc $f$) và $-2\log f$ khi "
                        r"$y = 1$. Với $f = 0.7$, $y = 0$: đúng là <<value:.4f>>, công thức của ghi chú cho "
                        r"<<notes:.4f>>.",
                        r"As written it gives $-1$ for $y = 0$ (a negative loss that ignores $f$) and $-2\log f$ for "
                        r"$y = 1$. At $f = 0.7$, $y = 0$ the loss is <<value:.4f>>; the notes' formula gives "
                        r"<<notes:.4f>>."),
        compute=lambda: {"value": _lesson.notes_bce_formula(0.7).correct[0],
                         "notes": _lesson.notes_bce_formula(0.7).notes_formula[0]},
        reproduce=lambda: _lesson.notes_bce_formula(0.7).notes_formula[0],
        digits=4,
        lesson="notes_bce_formula",
    ),
    Erratum(
        id="notes-bce-case-y0",
        source="notes",
        location=_T("'Cost Function', trường hợp $y^{(i)} = 0$", "'Cost Function', the case $y^{(i)} = 0$"),
        kind="formula",
        says=_T(r"Khi $y^{(i)} = 0$: $L = -(1 - \log(f))$", r"When $y^{(i)} = 0$: $L = -(1 - \log(f))$"),
        correct_template=_T(r"Khi $y^{(i)} = 0$: $L = -\log(1 - f)$", r"When $y^{(i)} = 0$: $L = -\log(1 - f)$"),
        why_template=_T(r"Chính ghi chú định nghĩa $L = -\log(1 - f)$ khi $y = 0$. Với $f = 0.7$: <<value:.4f>>, "
                        r"không phải <<claim:.4f>>.",
                        r"The notes' own case definition says $L = -\log(1 - f)$ for $y = 0$. At $f = 0.7$: "
                        r"<<value:.4f>>, not <<claim:.4f>>."),
        compute=lambda: {"value": _lesson.notes_bce_formula(0.7).correct[0],
                         "claim": _lesson.notes_bce_formula(0.7).notes_claim[0]},
        reproduce=lambda: _lesson.notes_bce_formula(0.7).notes_claim[0],
        digits=4,
        lesson="notes_bce_formula",
    ),
    Erratum(
        id="notes-cost-j",
        source="notes",
        location=_T(r"'Cost Function', công thức $J(\vec w, b)$", r"'Cost Function', the formula for $J(\vec w, b)$"),
        kind="formula",
        says=_T(r"$J = \frac{1}{m}\sum_{i=1}^{m} -y^{(i)}\log(f) - (1 - y^{(i)}(1 - \log(f)))$",
                r"$J = \frac{1}{m}\sum_{i=1}^{m} -y^{(i)}\log(f) - (1 - y^{(i)}(1 - \log(f)))$"),
        correct_template=_T(r"$J = \frac{1}{m}\sum_{i=1}^{m}\left[-y^{(i)}\log f^{(i)} - (1 - y^{(i)})\log(1 - f^{(i)})\right]$",
                            r"$J = \frac{1}{m}\sum_{i=1}^{m}\left[-y^{(i)}\log f^{(i)} - (1 - y^{(i)})\log(1 - f^{(i)})\right]$"),
        why_template=_T(r"Cùng lỗi với dạng gọn, thêm dấu ngoặc cho tổng và chỉ số $i$ của $f$. Trên bảng 8 đầu ra của "
                        r"slide: $J = <<value:.4f>>$; công thức của ghi chú cho <<notes:.4f>>.",
                        r"The same mistake as the compact form, plus the brackets of the sum and the index $i$ on $f$. "
                        r"On the slides' table of 8 outputs $J = <<value:.4f>>$; the notes' formula gives "
                        r"<<notes:.4f>>."),
        compute=lambda: {"value": _lesson.output_table_losses().mean,
                         "notes": float(np.mean(_notes_loss(_datasets.output_table().y, _datasets.output_table().x)))},
        reproduce=lambda: float(np.mean(_notes_loss(_datasets.output_table().y, _datasets.output_table().x))),
        digits=4,
        lesson="output_table_losses",
    ),
    Erratum(
        id="notes-cost-is-sum",
        source="notes",
        location=_T("'Cost Function', định nghĩa", "'Cost Function', definition"),
        kind="claim",
        says=_T("cost trên toàn bộ dataset là tổng loss trên tất cả training examples",
                "the cost over the data set is the sum of the losses of all training examples"),
        correct_template=_T(r"cost là **trung bình** của loss: $J = \frac{1}{m}\sum_i L^{(i)}$",
                            r"the cost is the **mean** of the losses: $J = \frac{1}{m}\sum_i L^{(i)}$"),
        why_template=_T("Chính công thức $J$ của ghi chú có $1/m$. Trên bảng 8 đầu ra của slide: trung bình "
                        "<<value:.4f>>, tổng <<total:.4f>>.",
                        "The notes' own $J$ has the $1/m$. On the slides' table of 8 outputs: mean <<value:.4f>>, "
                        "sum <<total:.4f>>."),
        compute=lambda: {"value": _bce_loss(_datasets.output_table().y, _datasets.output_table().x),
                         "total": float(np.sum(_bce_per_sample(_datasets.output_table().y, _datasets.output_table().x)))},
        reproduce=lambda: float(np.sum(_bce_per_sample(_datasets.output_table().y, _datasets.output_table().x))),
        digits=4,
        lesson="output_table_losses",
    ),
    Erratum(
        id="notes-loss-argument",
        source="notes",
        location=_T("'Cost Function', công thức $J$", "'Cost Function', the formula for $J$"),
        kind="notation",
        says=_T(r"$L(f_{\vec w,b}(\vec x^{(i)}))$", r"$L(f_{\vec w,b}(\vec x^{(i)}))$"),
        correct_template=_T(r"$L(f_{\vec w,b}(\vec x^{(i)}), y^{(i)})$", r"$L(f_{\vec w,b}(\vec x^{(i)}), y^{(i)})$"),
        why_template=_T(r"Mất mát phụ thuộc cả nhãn: với cùng $f = 0.7$, $L = <<l0:.4f>>$ khi $y = 0$ và "
                        r"$<<l1:.4f>>$ khi $y = 1$.",
                        r"The loss depends on the label too: for the same $f = 0.7$, $L = <<l0:.4f>>$ when $y = 0$ "
                        r"and $<<l1:.4f>>$ when $y = 1$."),
        compute=lambda: {"l0": _lesson.notes_bce_formula(0.7).correct[0], "l1": _lesson.notes_bce_formula(0.7).correct[1],
                         "value": len(set(_lesson.notes_bce_formula(0.7).correct))},
        source_value=1,  # a function of f alone has one value per f
        lesson="notes_bce_formula",
    ),
    Erratum(
        id="notes-tanh",
        source="notes",
        location=_T("'Introduction'", "'Introduction'"),
        kind="claim",
        says=_T("Chúng ta dùng hàm *tanh* hoặc hàm *sigmoid* (để tính xác suất)",
                "We use the *tanh* or the *sigmoid* function (to compute the probability)"),
        correct_template=_T(r"$\tanh$ nhận giá trị trong $(-1, 1)$, không phải xác suất; dời và co lại thì "
                            r"$\frac{1 + \tanh(z/2)}{2} = \sigma(z)$",
                            r"$\tanh$ takes values in $(-1, 1)$, not a probability; shifted and scaled, "
                            r"$\frac{1 + \tanh(z/2)}{2} = \sigma(z)$"),
        why_template=_T(r"Ví dụ $z = -1$: $\tanh(-1) = <<tanh:.4f>> < 0$, còn $\sigma(-1) = <<value:.4f>>$.",
                        r"For example $z = -1$: $\tanh(-1) = <<tanh:.4f>> < 0$, while $\sigma(-1) = <<value:.4f>>$."),
        compute=lambda: {"value": (1.0 + math.tanh(-0.5)) / 2.0, "tanh": math.tanh(-1.0), "sigma": _sigmoid(-1.0)},
        reproduce=lambda: math.tanh(-1.0),
        digits=4,
        lesson=None,
    ),
    Erratum(
        id="notes-vector-output",
        source="notes",
        location=_T("'Logistic Regression Model'", "'Logistic Regression Model'"),
        kind="notation",
        says=_T(r"$\overrightarrow{y} = \sigma(\vec w \cdot \vec x + b)$", r"$\overrightarrow{y} = \sigma(\vec w \cdot \vec x + b)$"),
        correct_template=_T(r"$\hat y = \sigma(\vec w \cdot \vec x + b)$: một số trong $(0, 1)$ cho mỗi mẫu",
                            r"$\hat y = \sigma(\vec w \cdot \vec x + b)$: one number in $(0, 1)$ per sample"),
        why_template=_T(r"$\vec w \cdot \vec x$ là một số, nên đầu ra là vô hướng (số chiều <<value>>), và là dự đoán "
                        r"(mũ), không phải nhãn.",
                        r"$\vec w \cdot \vec x$ is a number, so the output is a scalar (<<value>> dimensions), and a "
                        r"prediction (hat), not the label."),
        compute=lambda: {"value": int(np.ndim(_sigmoid(float(np.dot([0.5, -0.1], [1.4, 0.2])) + 0.1)))},
        source_value=1,  # a vector
        lesson="sgd_step_two_features",
    ),
    Erratum(
        id="notes-x-hat-boundary",
        source="notes",
        location=_T("'Decision Boundary', bước 2", "'Decision Boundary', step 2"),
        kind="notation",
        says=_T(r"Tính $\hat{x}$ (decision boundary)", r"Compute $\hat{x}$ (the decision boundary)"),
        correct_template=_T(r"Ranh giới là tập $\{\vec x : \vec w \cdot \vec x + b = 0\}$, không phải một điểm $\hat x$",
                            r"The boundary is the set $\{\vec x : \vec w \cdot \vec x + b = 0\}$, not one point $\hat x$"),
        why_template=_T(r"Với hai đặc trưng, đó là cả một đường: trong ví dụ đường tròn của ghi chú, <<value>> điểm "
                        r"khác nhau $(1, 0)$, $(0, 1)$, $(-1, 0)$ đều có $z = 0$.",
                        r"With two features it is a whole curve: in the notes' circle example the <<value>> different "
                        r"points $(1, 0)$, $(0, 1)$, $(-1, 0)$ all have $z = 0$."),
        compute=lambda: {"value": sum(z == 0.0 for z in
                                      _lesson.circle_boundary(((1.0, 0.0), (0.0, 1.0), (-1.0, 0.0))).z)},
        source_value=1,  # one point x-hat
        lesson="circle_boundary",
    ),
]

_BLOG = [
    Erratum(
        id="blog-likelihood",
        source="blog",
        location=_T("mục 3, 'Xây dựng Binary Cross-Entropy từ phân phối Bernoulli'",
                    "section 3, 'Building Binary Cross-Entropy from the Bernoulli distribution'"),
        kind="formula",
        says=_T("Likelihood: `L = y*log(y_hat) + (1-y)*log(1-y_hat)`", "Likelihood: `L = y*log(y_hat) + (1-y)*log(1-y_hat)`"),
        correct_template=_T(r"Likelihood là $\hat y^{y}(1 - \hat y)^{1-y}$; biểu thức của blog là **log**-likelihood",
                            r"The likelihood is $\hat y^{y}(1 - \hat y)^{1-y}$; the blog's expression is the "
                            r"**log**-likelihood"),
        why_template=_T(r"Với $\hat y = 0.8$, $y = 1$: likelihood <<value:.4f>> (một xác suất), log-likelihood "
                        r"<<loglik:.4f>> (luôn $\leq 0$). BCE là trừ log-likelihood.",
                        r"For $\hat y = 0.8$, $y = 1$: likelihood <<value:.4f>> (a probability), log-likelihood "
                        r"<<loglik:.4f>> (always $\leq 0$). The BCE is minus the log-likelihood."),
        compute=lambda: {"value": _lesson.bernoulli_likelihood(0.8).likelihood[1],
                         "loglik": _lesson.bernoulli_likelihood(0.8).log_likelihood[1]},
        reproduce=lambda: _lesson.bernoulli_likelihood(0.8).log_likelihood[1],
        digits=4,
        lesson="bernoulli_likelihood",
    ),
    Erratum(
        id="blog-mse-half",
        source="blog",
        location=_T("mục 2, 'Loss Function cho Linear Regression'", "section 2, 'Loss function for linear regression'"),
        kind="formula",
        says=_T("`MSE = 1/(2m) * Σ (y_hat - y)^2`", "`MSE = 1/(2m) * Σ (y_hat - y)^2`"),
        correct_template=_T(r"$\mathrm{MSE} = \frac{1}{m}\sum(\hat y - y)^2$; $\frac{1}{2m}\sum$ là một nửa MSE",
                            r"$\mathrm{MSE} = \frac{1}{m}\sum(\hat y - y)^2$; $\frac{1}{2m}\sum$ is half the MSE"),
        why_template=_T(r"Hệ số $\frac12$ được chọn để triệt tiêu số 2 trong gradient, cùng điểm cực tiểu nhưng không phải "
                        r"MSE. Bảng giá nhà với $w = 1.17$, $b = 0.26$: MSE <<value:.4f>>, $\frac{1}{2m}\sum$ <<half:.4f>>.",
                        r"The $\frac12$ is chosen to cancel the 2 of the gradient: same minimiser, but not the MSE. "
                        r"House table with $w = 1.17$, $b = 0.26$: MSE <<value:.4f>>, $\frac{1}{2m}\sum$ "
                        r"<<half:.4f>>."),
        compute=lambda: {"value": _lesson.house_price_table().mse, "half": _lesson.house_price_table().half_mse},
        reproduce=lambda: _lesson.house_price_table().half_mse,
        digits=4,
        lesson="house_price_table",
    ),
    Erratum(
        id="blog-gradient-mean",
        source="blog",
        location=_T("mục 4, 'Logistic Regression dạng vector hoá'", "section 4, 'Vectorised logistic regression'"),
        kind="formula",
        says=_T(r"`∇θ L = X^T (y_hat - y)`", r"`∇θ L = X^T (y_hat - y)`"),
        correct_template=_T(r"$\nabla_\theta J = \frac{1}{m}X^\top(\hat y - y)$ cho mất mát trung bình $J$",
                            r"$\nabla_\theta J = \frac{1}{m}X^\top(\hat y - y)$ for the mean loss $J$"),
        why_template=_T(r"$X^\top(\hat y - y)$ là gradient của **tổng** mất mát, lớn gấp $m$ lần. Trên 4 bông hoa của "
                        r"slide tại $(b, w) = (0.1, -0.1)$: $L'_w = <<value:.4f>>$ (khớp sai phân <<numeric:.4f>>), "
                        r"không phải <<total:.4f>>.",
                        r"$X^\top(\hat y - y)$ is the gradient of the **sum** of the losses, $m$ times larger. On the "
                        r"slides' 4 flowers at $(b, w) = (0.1, -0.1)$: $L'_w = <<value:.4f>>$ (a finite difference "
                        r"gives <<numeric:.4f>>), not <<total:.4f>>."),
        compute=lambda: {"value": _lesson.vectorized_gradient().mean_gradient[1],
                         "total": _lesson.vectorized_gradient().sum_gradient[1],
                         "numeric": _lesson.vectorized_gradient().numerical_mean_gradient[1]},
        reproduce=lambda: _lesson.vectorized_gradient().sum_gradient[1],
        digits=4,
        lesson="vectorized_gradient",
    ),
    Erratum(
        id="blog-hessian-entries",
        source="blog",
        location=_T("mục 5, 'BCE là convex – Phân tích Hessian'", "section 5, 'BCE is convex – Hessian analysis'"),
        kind="claim",
        says=_T("Vì các phần tử đều ≥ 0 → Hessian không âm", "Since all entries are ≥ 0 → the Hessian is non-negative"),
        correct_template=_T(r"Các phần tử có thể âm; điều đúng là Hessian **nửa xác định dương**: "
                            r"$v^\top H v = \frac{1}{m}\sum_i \hat y_i(1 - \hat y_i)(x_i^\top v)^2 \geq 0$",
                            r"Entries can be negative; what holds is that the Hessian is **positive semi-definite**: "
                            r"$v^\top H v = \frac{1}{m}\sum_i \hat y_i(1 - \hat y_i)(x_i^\top v)^2 \geq 0$"),
        why_template=_T(r"Ngoài đường chéo là $x_j x_k \hat y(1 - \hat y)$, âm khi hai đặc trưng trái dấu. Với mẫu "
                        r"$x = -1.4$ tại $(b, w) = (0.1, -0.1)$: $H_{bw} = <<offdiag:.4f>>$, nhưng các trị riêng "
                        r"<<eig:.4f>> đều $\geq 0$.",
                        r"Off the diagonal the entries are $x_j x_k \hat y(1 - \hat y)$, negative when two features "
                        r"have opposite signs. For the sample $x = -1.4$ at $(b, w) = (0.1, -0.1)$: "
                        r"$H_{bw} = <<offdiag:.4f>>$, yet the eigenvalues <<eig:.4f>> are $\geq 0$."),
        compute=lambda: _hessian_entries_example(),
        source_value=True,  # "all entries are >= 0"
        lesson="bce_hessian_example",
    ),
    Erratum(
        id="blog-unique-minimum",
        source="blog",
        location=_T("mục 5, kết luận", "section 5, conclusion"),
        kind="claim",
        says=_T("Logistic Regression có **global minimum duy nhất**", "Logistic regression has a **unique global minimum**"),
        correct_template=_T("Lồi: mọi cực tiểu địa phương là toàn cục. Nhưng điểm cực tiểu có thể **không tồn tại** "
                            "(dữ liệu tách được tuyến tính) hoặc không duy nhất (đặc trưng trùng lặp).",
                            "Convex: every local minimum is global. But a minimiser may **not exist** (linearly "
                            "separable data) or not be unique (duplicated features)."),
        why_template=_T(r"Bốn bông hoa của slide tách được bởi $x = 2.25$: dọc theo $c\,(b, w) = c\,(-2.25, 1)$ mất mát "
                        r"giảm mãi, <<first:.4f>> khi $c = 1$ còn <<last:.6f>> khi $c = 16$, không bao giờ đạt 0.",
                        r"The slides' four flowers are separated by $x = 2.25$: along $c\,(b, w) = c\,(-2.25, 1)$ the "
                        r"loss keeps falling, <<first:.4f>> at $c = 1$ and <<last:.6f>> at $c = 16$, never reaching 0."),
        compute=lambda: {"first": _lesson.separable_no_minimiser().losses[0],
                         "last": _lesson.separable_no_minimiser().losses[-1],
                         "value": not all(a > b > 0 for a, b in zip(_lesson.separable_no_minimiser().losses,
                                                                    _lesson.separable_no_minimiser().losses[1:]))},
        source_value=True,  # "a minimum exists (and is unique)"
        lesson="separable_no_minimiser",
    ),
    Erratum(
        id="blog-gd-converges",
        source="blog",
        location=_T("mục 5, kết luận", "section 5, conclusion"),
        kind="claim",
        says=_T("Gradient Descent luôn hội tụ", "Gradient descent always converges"),
        correct_template=_T(r"Chỉ khi bước đủ nhỏ: $\eta < 2/L$ với $L$ là hằng số Lipschitz của gradient; và trên dữ "
                            r"liệu tách được, $\theta$ phân kỳ trong khi mất mát tiến về 0",
                            r"Only with a small enough step, $\eta < 2/L$ with $L$ the Lipschitz constant of the "
                            r"gradient; and on separable data $\theta$ diverges while the loss tends to 0"),
        why_template=_T(r"Hai mẫu $x = 1$ với nhãn 1 và 0: $L = <<smooth:.1f>>$, nên cần $\eta < <<bound:.0f>>$. Với "
                        r"$\eta = 10$, GD nhảy mãi giữa $b = w = \pm<<cycle:.4f>>$.",
                        r"Two samples $x = 1$ labelled 1 and 0: $L = <<smooth:.1f>>$, so $\eta < <<bound:.0f>>$ is "
                        r"needed. With $\eta = 10$ GD jumps forever between $b = w = \pm<<cycle:.4f>>$."),
        compute=lambda: {"smooth": _lesson.gd_step_size().smoothness, "bound": _lesson.gd_step_size().max_stable_eta,
                         "cycle": abs(_lesson.gd_step_size().final_theta[1][0]),
                         "value": all(_lesson.gd_step_size().converged)},
        source_value=True,  # "always converges"
        lesson="gd_step_size",
    ),
]


def _notes_loss(y: np.ndarray, f: np.ndarray) -> np.ndarray:
    """The notes' compact loss, evaluated exactly as printed: -y log f - (1 - y(1 - log f))."""
    log_f = np.log(f)
    return -y * log_f - (1.0 - y * (1.0 - log_f))


def _hessian_entries_example() -> dict[str, Any]:
    H = _bce_hessian(np.array([[-1.4]]), np.array([0.0]), np.array([0.1, -0.1]))
    eig = tuple(float(v) for v in np.linalg.eigvalsh(H))
    return {"offdiag": float(H[0, 1]), "eig": eig, "value": bool(np.all(H >= 0))}


#: Every erratum, slides first, then notes, then blog.
ERRATA: tuple[Erratum, ...] = tuple(_SLIDES + _NOTES + _BLOG)
#: The errata by id.
ERRATUM: dict[str, Erratum] = {e.id: e for e in ERRATA}


# ==========================================================================================
# Numbers of the sources that were checked and are right
# ==========================================================================================

CONFIRMED: tuple[Confirmed, ...] = (
    Confirmed("slides-house-predicted-a", "slides",
              _T(r"'Area-based house price prediction', $w = -0.34$, $b = 0.04$", r"'Area-based house price prediction', $w = -0.34$, $b = 0.04$"),
              _T("dự đoán −2.238, −1.524, −1.15, −1.83", "predicted −2.238, −1.524, −1.15, −1.83"),
              (-2.238, -1.524, -1.15, -1.83), lambda: _lesson.house_price_table(-0.34, 0.04).predicted, 3,
              "house_price_table"),
    Confirmed("slides-house-errors-a", "slides",
              _T(r"cùng bảng, sai số (trừ hàng 2)", r"same table, errors (except row 2)"),
              _T("128.55, 33.06, 72.76", "128.55, 33.06, 72.76"), (128.55, 33.06, 72.76),
              lambda: tuple(_lesson.house_price_table(-0.34, 0.04).squared_error[i] for i in (0, 2, 3)), 2,
              "house_price_table"),
    Confirmed("slides-house-predicted-b", "slides",
              _T(r"'Area-based house price prediction', $w = 1.17$, $b = 0.26$", r"'Area-based house price prediction', $w = 1.17$, $b = 0.26$"),
              _T("dự đoán 8.099, 5.642, 4.355, 6.695; sai số 1.002, 0.06", "predicted 8.099, 5.642, 4.355, 6.695; errors 1.002, 0.06"),
              (8.099, 5.642, 4.355, 6.695, 1.002, 0.06),
              lambda: (*_lesson.house_price_table().predicted, _lesson.house_price_table().squared_error[0],
                       _lesson.house_price_table().squared_error[2]),
              (3, 3, 3, 3, 3, 2), "house_price_table"),
    Confirmed("slides-house-error-000002", "slides",
              _T(r"'Area-based house price prediction', $w = 1.17$, $b = 0.26$, hàng diện tích 5.5",
                 r"'Area-based house price prediction', $w = 1.17$, $b = 0.26$, row area 5.5"),
              _T("sai số 0.00002 (giá trị đúng là một điểm giữa ở chữ số thứ 5; làm tròn về số chẵn cho 0.00002)",
                 "error 0.00002 (the exact value is a tie at the 5th decimal; rounding half to even gives 0.00002)"),
              0.00002, lambda: _lesson.house_price_table(1.17, 0.26).squared_error[3], 5, "house_price_table"),
    Confirmed("slides-chain-rule", "slides", _T("'For composite function and chain rule'", "'For composite function and chain rule'"),
              _T(r"$\frac{dg}{dx} = 8x - 16$ (kiểm tại $x = 3$: 8)", r"$\frac{dg}{dx} = 8x - 16$ (checked at $x = 3$: 8)"),
              8.0, lambda: _lesson.chain_rule(3.0).numerical, 6, "chain_rule"),
    Confirmed("slides-hessian-example", "slides", _T("'Discussion', $f = x^2 + 2x^2y + y^3$", "'Discussion', $f = x^2 + 2x^2y + y^3$"),
              _T(r"$H_f = \begin{bmatrix} 2 + 4y & 4x \\ 4x & 6y \end{bmatrix}$ (tại $(1, 2)$: 10, 4, 12)",
                 r"$H_f = \begin{bmatrix} 2 + 4y & 4x \\ 4x & 6y \end{bmatrix}$ (at $(1, 2)$: 10, 4, 12)"),
              (10.0, 4.0, 12.0), lambda: (_lesson.hessian_example(1.0, 2.0).numerical_hessian[0][0],
                                          _lesson.hessian_example(1.0, 2.0).numerical_hessian[0][1],
                                          _lesson.hessian_example(1.0, 2.0).numerical_hessian[1][1]), 4,
              "hessian_example"),
    Confirmed("slides-petal1-z", "slides", _T(r"bảng $z = 0.535x - 0.654$, cột $z$", r"table $z = 0.535x - 0.654$, column $z$"),
              _T("0.095, −0.119, 0.1485, 0.951, 1.379, 1.5395", "0.095, −0.119, 0.1485, 0.951, 1.379, 1.5395"),
              (0.095, -0.119, 0.1485, 0.951, 1.379, 1.5395), lambda: _petal_column(0.535, -0.654, "z"), 4,
              "petal_sigmoid_table"),
    Confirmed("slides-sgd1-loss", "slides", _T("'Example', mất mát trước bước", "'Example', loss before the step"),
              _T("previous $L = 0.6733$", "previous $L = 0.6733$"), 0.6733,
              lambda: _lesson.sgd_step_one_feature().loss_before, 4, "sgd_step_one_feature"),
    Confirmed("slides-sgd1-grad", "slides", _T("'Example', gradient", "'Example', gradient"),
              _T("$L'_b = 0.49$, $L'_w = 0.686$, $b = 0.095$", "$L'_b = 0.49$, $L'_w = 0.686$, $b = 0.095$"),
              (0.49, 0.686, 0.095),
              lambda: (*_lesson.sgd_step_one_feature().gradient, _lesson.sgd_step_one_feature().param("b")), (2, 3, 3),
              "sgd_step_one_feature"),
    Confirmed("slides-sgd2-loss", "slides", _T("'Another Example', mất mát trước bước", "'Another Example', loss before the step"),
              _T("previous $L = 1.1573$", "previous $L = 1.1573$"), 1.1573,
              lambda: _lesson.sgd_step_two_features().loss_before, 4, "sgd_step_two_features"),
    Confirmed("slides-sgd2-b-w2grad", "slides", _T("'Another Example', $b$ mới và $L'_{w_2}$", "'Another Example', new $b$ and $L'_{w_2}$"),
              _T("$b = 0.0931$, $L'_{w_2} = 0.1371$", "$b = 0.0931$, $L'_{w_2} = 0.1371$"), (0.0931, 0.1371),
              lambda: (_lesson.sgd_step_two_features().param("b"), _lesson.sgd_step_two_features().gradient[2]), 4,
              "sgd_step_two_features"),
    Confirmed("slides-sgd2-yhat-after", "slides", _T(r"'Another Example', $\hat y$ sau bước", r"'Another Example', $\hat y$ after the step"),
              _T(r"$\hat y = 0.6812$ (đúng với tham số cập nhật đúng, không với $w_1 = 0.4990$ in trên slide)",
                 r"$\hat y = 0.6812$ (right for the correctly updated parameters, not for the printed $w_1 = 0.4990$)"),
              0.6812, lambda: _lesson.sgd_step_two_features().y_hat_after, 4, "sgd_step_two_features"),
    Confirmed("slides-entropy-fair", "slides", _T(r"'Entropy', $p = 0.5/0.5$", r"'Entropy', $p = 0.5/0.5$"),
              _T("$H(X) = 1.0$ (bit)", "$H(X) = 1.0$ (bits)"), 1.0, lambda: _lesson.entropy_example(0.5).bits, 6,
              "entropy_example"),
    Confirmed("slides-bce-eigenvalues", "slides", _T("'Prove using the eigenvalues of Hessian matrix'", "'Prove using the eigenvalues of Hessian matrix'"),
              _T(r"$\lambda_1 = \hat y(1-\hat y)(x^2+1)$, $\lambda_2 = 0$ (kiểm bằng số tại $x = 1.4$, $\hat y = 0.49$)",
                 r"$\lambda_1 = \hat y(1-\hat y)(x^2+1)$, $\lambda_2 = 0$ (checked numerically at $x = 1.4$, $\hat y = 0.49$)"),
              (True, True),
              lambda: (bool(np.isclose(_lesson.bce_hessian_example().numerical_eigenvalues[0],
                                       _lesson.bce_hessian_example().eigenvalues[0], rtol=1e-12)),
                       bool(abs(_lesson.bce_hessian_example().numerical_eigenvalues[1]) < 1e-15)),
              None, "bce_hessian_example"),
    Confirmed("slides-mse-curvature-regions", "slides", _T("'Mean Squared Error', dấu của đạo hàm bậc hai", "'Mean Squared Error', sign of the second derivative"),
              _T(r"$y = 0$: $-3\hat y^2 + 2\hat y$; $y = 1$: $-3\hat y^2 + 4\hat y - 1$ (âm khi $\hat y > 2/3$, "
                 r"$\hat y < 1/3$)",
                 r"$y = 0$: $-3\hat y^2 + 2\hat y$; $y = 1$: $-3\hat y^2 + 4\hat y - 1$ (negative for $\hat y > 2/3$, "
                 r"$\hat y < 1/3$)"),
              (2 / 3, 1 / 3), lambda: (_lesson.sigmoid_mse_curvature().negative_when_y0[0],
                                       _lesson.sigmoid_mse_curvature().negative_when_y1[1]), 12,
              "sigmoid_mse_curvature"),
    Confirmed("notes-tumour", "notes", _T("'Introduction'", "'Introduction'"),
              _T("ngưỡng 0.5, xác suất ác tính 0.34 → lành tính", "threshold 0.5, probability malignant 0.34 → benign"),
              False, lambda: _lesson.tumour_threshold(0.34, 0.5).malignant, None, "tumour_threshold"),
    Confirmed("notes-circle", "notes", _T("'Decision Boundary'", "'Decision Boundary'"),
              _T(r"$w_1 = w_2 = 1$, $b = -1$: ranh giới $x_1^2 + x_2^2 - 1 = 0$", r"$w_1 = w_2 = 1$, $b = -1$: boundary $x_1^2 + x_2^2 - 1 = 0$"),
              (0, 0, 1, 1, 1), lambda: _lesson.circle_boundary().predicted, None, "circle_boundary"),
)


# ==========================================================================================
# The errata page
# ==========================================================================================

_HEADERS = {
    "vi": ("Mã", "Vị trí", "Nguồn viết", "Đúng là", "Vì sao"),
    "en": ("ID", "Where", "The source says", "Correct", "Why"),
}
_KIND = {
    "number": ("số", "number"), "formula": ("công thức", "formula"), "claim": ("khẳng định", "claim"),
    "inconsistency": ("không nhất quán", "inconsistency"), "notation": ("ký hiệu", "notation"),
}


def _cell(text: str) -> str:
    return text.replace("|", r"\|").replace("\n", " ")


def render_errata_markdown(lang: str = "vi", heading_level: int = 3) -> str:
    r"""The errata page's body: one section per source (heading of ``heading_level``,
    naming the file), each with a table ID | where | the source says | correct | why.
    Every correct number is computed now by lossbook.

    >>> page = render_errata_markdown("en")
    >>> page.splitlines()[0]
    '### Lecture slides (`002_3c2aa1209a5eb0fc.txt`)'
    >>> "| `slides-sgd2-w1` |" in page and "0.4904" in page
    True
    >>> render_errata_markdown("fr")
    Traceback (most recent call last):
    ...
    ValueError: lang must be 'vi' or 'en'; got 'fr'
    """
    if lang not in ("vi", "en"):
        raise ValueError(f"lang must be 'vi' or 'en'; got {lang!r}")
    i = 0 if lang == "vi" else 1
    blocks = []
    for key, (filename, name_vi, name_en) in SOURCES.items():
        entries = [e for e in ERRATA if e.source == key]
        if not entries:
            continue
        lines = [f"{'#' * heading_level} {(name_vi, name_en)[i]} (`{filename}`)", "",
                 "| " + " | ".join(_HEADERS[lang]) + " |", "|:--|:--|:--|:--|:--|"]
        for e in entries:
            where = f"{e.location(lang)} ({_KIND[e.kind][i]})"
            lines.append("| " + " | ".join(_cell(c) for c in (f"`{e.id}`", where, e.says(lang), e.correct(lang),
                                                              e.why(lang))) + " |")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def render_confirmed_markdown(lang: str = "vi") -> str:
    r"""A table of the sources' numbers that were recomputed and are right.

    >>> print(render_confirmed_markdown("en").splitlines()[0])
    | ID | Where | The source says | Recomputed by lossbook |
    """
    if lang not in ("vi", "en"):
        raise ValueError(f"lang must be 'vi' or 'en'; got {lang!r}")
    headers = {"vi": ("Mã", "Vị trí", "Nguồn viết", "lossbook tính lại"),
               "en": ("ID", "Where", "The source says", "Recomputed by lossbook")}[lang]
    ok = {"vi": "đúng", "en": "right"}[lang]
    lines = ["| " + " | ".join(headers) + " |", "|:--|:--|:--|:--|"]
    for c in CONFIRMED:
        name = SOURCES[c.source][1 if lang == "vi" else 2]
        lines.append("| " + " | ".join(_cell(x) for x in (f"`{c.id}`", f"{name}: {c.location(lang)}", c.says(lang),
                                                          ok if c.check() else "✗")) + " |")
    return "\n".join(lines)
