r"""The quizzes page (``docs/quizzes.md``): the quizzes' answers that are computations."""

from __future__ import annotations

import ast
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .. import datasets as _datasets
from ..activations import sigmoid as _sigmoid
from ..entropy import binary_entropy as _binary_entropy
from ..gradcheck import numerical_gradient as _numerical_gradient
from ..gradcheck import numerical_hessian as _numerical_hessian
from ..losses import bce_per_sample as _bce_per_sample
from ..losses import bce_with_logits as _bce_with_logits
from ..optim import newton as _newton
from ..text import LANGS, check_lang, fmt, given, tr
from . import _checks
from ._checks import *  # noqa: F403 - the chapters' checks of understanding
from ._given import CONFIDENT_WRONG_Y_HAT, QUIZ_Y_HAT, QUIZ_Z
from ._table import Col, table
from .convexity import separable_no_minimiser
from .linear_regression import house_gradient, house_price_table
from .mse_sigmoid import sigmoid_mse_curvature
from .newton import tumour_newton
from .sgd_vectorized import sgd_step_two_features, vectorized_gradient

__all__ = [
    "quiz_steps_order",
    "quiz_sigmoid_compare",
    "quiz_bce_formula",
    "quiz_second_derivatives",
    # the quizzes' checks: docs/_data/quizzes.yml's ``check:`` calls one, it returns the right option's index
    "option_value",
    "closest_option",
    "check_slides",
    "check_sigmoid_slope_at_zero",
    "check_bce_confident_wrong",
    "check_bce_gradient_z",
    "check_convex_in_theta",
    "check_entropy_fair_coin",
    "check_half_mse_convention",
    "check_sgd_w2_direction",
    "check_vectorised_mean_gradient",
    "check_separable_diverges",
    "check_hessian_indefinite",
    "check_newton_quadratic",
    "check_newton_separable",
    "check_newton_scaling",
    *_checks.__all__,
]


@dataclass(frozen=True)
class QuizAnswer:
    """A quiz's answer: option letter and index in the slides' order (a, b, c, d), and the
    values that decide it."""

    question: str
    answer_letter: str
    answer_index: int
    values: tuple[tuple[str, float], ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (Col("đại lượng", "quantity", "l"), Col("giá trị", "value"))
        rows = [(name, fmt(v, digits)) for name, v in self.values]
        return table(lang, columns, rows)


_STEPS = {
    1: (
        "Tính đạo hàm của hàm mất mát theo các tham số mô hình.",
        "Compute the derivative of the loss with respect to the model's parameters.",
    ),
    2: ("Khởi tạo các tham số ban đầu của mô hình ($w$ và $b$).", "Initialise the model's parameters ($w$ and $b$)."),
    3: ("Cập nhật các tham số mô hình sử dụng Gradient Descent.", "Update the parameters with gradient descent."),
    4: (
        r"Dự đoán đầu ra $\hat y$ bằng cách tính giá trị $z = \theta^T x$ và áp dụng hàm sigmoid.",
        r"Predict the output $\hat y$: compute $z = \theta^T x$ and apply the sigmoid.",
    ),
    5: (
        r"Tính giá trị hàm mất mát dựa trên đầu ra dự đoán $\hat y$ và giá trị thực $y$.",
        r"Compute the loss from the prediction $\hat y$ and the true value $y$.",
    ),
}


@dataclass(frozen=True)
class StepsOrder:
    """The order of the steps of logistic regression training (quiz 1)."""

    order: tuple[int, ...]
    answer_letter: str
    answer_index: int

    def steps(self, lang: str = "vi") -> tuple[str, ...]:
        """The steps' texts, in the right order.

        >>> print(quiz_steps_order().steps("en")[0])
        Initialise the model's parameters ($w$ and $b$).
        """
        i = LANGS.index(check_lang(lang))
        return tuple(_STEPS[k][i] for k in self.order)

    def markdown(self, lang: str = "vi", digits: int = 0) -> str:
        columns = (Col("thứ tự", "order"), Col("bước (số trong đề)", "step (number in the question)", "l"))
        rows = [
            (str(i + 1), f"{k}. {text}") for i, (k, text) in enumerate(zip(self.order, self.steps(lang), strict=True))
        ]
        return table(lang, columns, rows)


def quiz_steps_order() -> StepsOrder:
    r"""Quiz 1: the order of the steps of logistic-regression training is
    2 (initialise), 4 (predict), 5 (loss), 1 (derivative), 3 (update): option b). It is the
    order in which :func:`sgd_step_one_feature` computes its fields.

    >>> r = quiz_steps_order()
    >>> r.order, r.answer_letter, r.answer_index
    ((2, 4, 5, 1, 3), 'b', 1)
    """
    order = (2, 4, 5, 1, 3)
    options = ((4, 5, 1, 2, 3), (2, 4, 5, 1, 3), (2, 5, 4, 1, 3), (2, 4, 3, 5, 1))  # the slides' a)-d)
    index = options.index(order)
    return StepsOrder(order, "abcd"[index], index)


def quiz_sigmoid_compare(x1: float = 2.0, x2: float = 10.0) -> QuizAnswer:
    r"""Quiz 2: with :math:`x_1 = 2` and :math:`x_2 = 10`,
    :math:`\sigma(x_1) = 0.8808 < \sigma(x_2) = 0.99995`: option b). (The sigmoid is
    increasing; both values are below 1.)

    >>> r = quiz_sigmoid_compare()
    >>> r.answer_letter, r.answer_index
    ('b', 1)
    >>> print(r.markdown("en", digits=5))
    | quantity | value |
    |:--|--:|
    | $\sigma(2)$ | 0.88080 |
    | $\sigma(10)$ | 0.99995 |
    """
    s1, s2 = _sigmoid(float(x1)), _sigmoid(float(x2))
    index = 0 if s1 > s2 else 1 if s1 < s2 else 2  # the slides' a) >, b) <, c) =
    return QuizAnswer("Q2", "abcd"[index], index, ((rf"$\sigma({given(x1)})$", s1), (rf"$\sigma({given(x2)})$", s2)))


def quiz_bce_formula(y_hat: Sequence[float] = QUIZ_Y_HAT) -> QuizAnswer:
    r"""Quiz 3: which formula is the BCE? Each of the slides' four options is evaluated at
    :math:`y \in \{0, 1\}` and several :math:`\hat y`; only d)
    :math:`-y\log\hat y - (1 - y)\log(1 - \hat y)` equals
    :func:`lossbook.losses.bce_per_sample` everywhere. (b and c take the log of the label
    :math:`y \in \{0, 1\}`, which is :math:`-\infty` or undefined.) ``values`` holds each
    option's largest gap to the BCE (``inf`` when it is undefined).

    >>> r = quiz_bce_formula()
    >>> r.answer_letter, r.answer_index
    ('d', 3)
    """
    p = np.tile(np.asarray(y_hat, dtype=float), 2)
    y = np.repeat([0.0, 1.0], len(y_hat))
    bce = _bce_per_sample(y, p)
    options = (
        lambda y, p: -y * np.log(1 - p) - (1 - y) * np.log(p),  # a)
        lambda y, p: -p * np.log(1 - y) - (1 - p) * np.log(y),  # b)
        lambda y, p: -p * np.log(1 - p) - (1 - y) * np.log(y),  # c)
        lambda y, p: -y * np.log(p) - (1 - y) * np.log(1 - p),  # d)
    )
    gaps = []
    with np.errstate(divide="ignore", invalid="ignore"):  # log(0) in b) and c) is the point
        for option in options:
            diff = np.abs(option(y, p) - bce)
            gaps.append(float(np.inf) if not np.all(np.isfinite(diff)) else float(diff.max()))
    index = int(np.argmin(gaps))
    return QuizAnswer("Q3", "abcd"[index], index, tuple((f"{'abcd'[i]})", g) for i, g in enumerate(gaps)))


@dataclass(frozen=True)
class SecondDerivatives:
    """Second derivatives of :math:`f(x, y) = x^2 + 3y^2 + 4xy` (quizzes 4-6)."""

    points: tuple[tuple[float, float], ...]
    f_xx: float
    f_yy: float
    f_xy: float
    f_yx: float
    max_numerical_error: float
    answers: tuple[tuple[str, str, int], ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (Col("đạo hàm", "derivative", "l"), Col("giá trị", "value"), Col("đáp án", "answer", "l"))
        label = [tr(lang, f"Câu {q[1:]} {letter})", f"{q} {letter})") for q, letter, _ in self.answers]  # q: "Q4"
        rows = [
            (r"$\frac{\partial^2 f}{\partial x^2}$", fmt(self.f_xx, digits), label[0]),
            (r"$\frac{\partial^2 f}{\partial y^2}$", fmt(self.f_yy, digits), label[1]),
            (
                r"$\frac{\partial^2 f}{\partial x\,\partial y} = \frac{\partial^2 f}{\partial y\,\partial x}$",
                fmt(self.f_xy, digits),
                label[2],
            ),
        ]
        return table(lang, columns, rows)


def quiz_second_derivatives(
    points: Sequence[tuple[float, float]] = ((0.0, 0.0), (1.0, 2.0), (-3.0, 0.5)),
) -> SecondDerivatives:
    r"""Quizzes 4-6: :math:`f(x, y) = x^2 + 3y^2 + 4xy` has
    :math:`f_{xx} = 2` (Q4 b), :math:`f_{yy} = 6` (Q5 d),
    :math:`f_{xy} = f_{yx} = 4` (Q6 c), the same at every point: checked with
    :func:`lossbook.gradcheck.numerical_hessian` at ``points``.

    >>> r = quiz_second_derivatives()
    >>> r.answers
    (('Q4', 'b', 1), ('Q5', 'd', 3), ('Q6', 'c', 2))
    >>> r.max_numerical_error < 1e-6
    True
    >>> print(r.markdown("en"))
    | derivative | value | answer |
    |:--|--:|:--|
    | $\frac{\partial^2 f}{\partial x^2}$ | 2.0000 | Q4 b) |
    | $\frac{\partial^2 f}{\partial y^2}$ | 6.0000 | Q5 d) |
    | $\frac{\partial^2 f}{\partial x\,\partial y} = \frac{\partial^2 f}{\partial y\,\partial x}$ | 4.0000 | Q6 c) |
    >>> print(r.markdown("vi").splitlines()[2])
    | $\frac{\partial^2 f}{\partial x^2}$ | 2.0000 | Câu 4 b) |
    """

    def f(v: np.ndarray) -> float:
        return float(v[0] ** 2 + 3.0 * v[1] ** 2 + 4.0 * v[0] * v[1])

    analytic = np.array([[2.0, 4.0], [4.0, 6.0]])
    numeric = [_numerical_hessian(f, np.asarray(p, dtype=float)) for p in points]
    err = max(float(np.max(np.abs(N - analytic))) for N in numeric)
    mean = np.mean(numeric, axis=0)
    # The quizzes' options, in the slides' order a)-d), as numbers (None: not a constant).
    q4 = (None, 2.0, None, 4.0)  # 2x + 4y, 2, 6y + 4x, 4
    q5 = (None, None, 4.0, 6.0)  # 6y + 4x, 2x + 4y, 4, 6
    q6 = ((6.0, 2.0), (2.0, 6.0), (4.0, 4.0), (2.0, 2.0))  # (f_xy, f_yx)

    def pick(options, value) -> int:
        return next(i for i, o in enumerate(options) if o is not None and np.allclose(o, value, atol=1e-6))

    i4, i5 = pick(q4, mean[0, 0]), pick(q5, mean[1, 1])
    i6 = pick(q6, (mean[0, 1], mean[1, 0]))
    return SecondDerivatives(
        tuple((float(a), float(b)) for a, b in points),
        float(analytic[0, 0]),
        float(analytic[1, 1]),
        float(analytic[0, 1]),
        float(analytic[1, 0]),
        err,
        (("Q4", "abcd"[i4], i4), ("Q5", "abcd"[i5], i5), ("Q6", "abcd"[i6], i6)),
    )


# ==========================================================================================
# The quizzes' checks. docs/_data/quizzes.yml writes ``check: check_<id>()`` (or, for an
# option that is a number, ``check_<id>(options)``: the checker passes the question's own
# options, so their numbers are written once, in the quiz, and read here by option_value).
# Each returns the index (0 = a) of the option lossbook agrees with.
# ==========================================================================================

_FRAC = re.compile(r"\\frac\s*(?:\{(?P<a>[^{}]+)\}|(?P<a1>\d))\s*(?:\{(?P<b>[^{}]+)\}|(?P<b1>\d))")
_LN = re.compile(r"\\ln\s*(?P<x>\d+(?:\.\d+)?)")
_MATH_OPS = (
    ast.Expression,
    ast.BinOp,
    ast.UnaryOp,
    ast.Constant,
    ast.Add,
    ast.Sub,
    ast.Mult,
    ast.Div,
    ast.Pow,
    ast.USub,
    ast.UAdd,
    ast.Call,
    ast.Name,
    ast.Load,
)


def option_value(option: str) -> float:
    r"""The number an option states: its ``$...$`` math (``\frac12``, ``\ln 100``, ``0.99^2``,
    ``-\ln 0.99``) or, without math, its leading number (``"2 bits"``).

    >>> option_value(r"$\frac14$"), option_value(r"$\ln 2$") == math.log(2), option_value("2 bits")
    (0.25, True, 2.0)
    >>> option_value(r"$-\ln 0.99$") == -math.log(0.99), option_value(r"$0.99^2$") == 0.99**2
    (True, True)
    >>> option_value("It grows")
    Traceback (most recent call last):
    ValueError: option must state a number ($\frac12$, $\ln 100$, 0.99^2, '1 bit'); got 'It grows'
    """
    found = re.search(r"\$([^$]+)\$", option) or re.match(r"\s*(-?\d+(?:\.\d+)?)\b", option)
    if not found:
        raise ValueError(rf"option must state a number ($\frac12$, $\ln 100$, 0.99^2, '1 bit'); got {option!r}")
    tex = found.group(1)
    expr = _FRAC.sub(lambda m: f"(({m['a'] or m['a1']})/({m['b'] or m['b1']}))", tex)
    expr = _LN.sub(lambda m: f"ln({m['x']})", expr).replace("^", "**").replace(r"\,", "").replace("−", "-")
    tree = ast.parse(expr.strip(), mode="eval")
    if not all(isinstance(n, _MATH_OPS) for n in ast.walk(tree)) or any(
        isinstance(n, ast.Name) and n.id != "ln" for n in ast.walk(tree)
    ):
        raise ValueError(f"option {option!r}: {tex!r} is not plain arithmetic with numbers, \\frac and \\ln")
    return float(eval(compile(tree, "<option>", "eval"), {"__builtins__": {}, "ln": math.log}))  # noqa: S307


def closest_option(options: Sequence[str], value: float, rel: float = 1e-6) -> int:
    """The index of the one option whose number (:func:`option_value`) is ``value``; a
    ValueError when none or several are.

    >>> closest_option([r"$\\frac12$", r"$\\frac14$", "$1$"], 0.2500000001)
    1
    >>> closest_option(["$1$", "$2$"], 3.0)
    Traceback (most recent call last):
    ValueError: no option states 3.0 (options state [1.0, 2.0]); fix the quiz or lossbook
    """
    values = [option_value(o) for o in options]
    hits = [i for i, v in enumerate(values) if math.isclose(v, float(value), rel_tol=rel, abs_tol=1e-12)]
    if len(hits) != 1:
        what = "no option states" if not hits else f"options {hits} all state"
        raise ValueError(f"{what} {float(value)!r} (options state {values}); fix the quiz or lossbook")
    return hits[0]


def check_slides(question: str) -> int:
    """The slides' questions Q1-Q6 (:func:`quiz_steps_order`, :func:`quiz_sigmoid_compare`,
    :func:`quiz_bce_formula`, :func:`quiz_second_derivatives`).

    >>> [check_slides(q) for q in ("Q1", "Q2", "Q3", "Q4", "Q5", "Q6")]
    [1, 1, 3, 1, 3, 2]
    """
    if question in ("Q4", "Q5", "Q6"):
        return dict((q, i) for q, _, i in quiz_second_derivatives().answers)[question]
    answers = {"Q1": quiz_steps_order, "Q2": quiz_sigmoid_compare, "Q3": quiz_bce_formula}
    if question not in answers:
        raise ValueError(f"question must be one of Q1 ... Q6; got {question!r}")
    return answers[question]().answer_index


def check_sigmoid_slope_at_zero(options: Sequence[str]) -> int:
    r""":math:`\sigma'(0)` by a central difference of :func:`lossbook.activations.sigmoid`: the option stating it.

    >>> check_sigmoid_slope_at_zero([r"$\frac12$", r"$\frac14$", "$1$", "$0$"])
    1
    """
    return closest_option(options, float(_numerical_gradient(lambda v: float(_sigmoid(v[0])), [0.0])[0]))


def check_bce_confident_wrong(options: Sequence[str], y_hat: float = CONFIDENT_WRONG_Y_HAT) -> int:
    r"""The BCE of label 0 predicted ``y_hat`` (:func:`lossbook.losses.bce_per_sample`): the option stating it.

    >>> check_bce_confident_wrong([r"$0.99^2$", r"$\ln 100$", r"$\ln 2$", r"$-\ln 0.99$"])
    1
    """
    return closest_option(options, float(_bce_per_sample([0.0], [float(y_hat)])[0]))


def check_entropy_fair_coin(options: Sequence[str]) -> int:
    r"""The entropy in bits of a fair coin, :math:`H_2(\tfrac12)` (:func:`lossbook.entropy.binary_entropy`).

    >>> check_entropy_fair_coin(["0 bits", r"$\frac12$ bit", "1 bit", "2 bits"])
    2
    """
    return closest_option(options, float(_binary_entropy(0.5)))


def check_bce_gradient_z(z: float = QUIZ_Z) -> int:
    r""":math:`dL/dz` of the BCE from logits (a central difference of
    :func:`lossbook.losses.bce_with_logits`) at ``z`` for both labels, against the options
    a) :math:`\hat y - y`, b) :math:`(\hat y - y)\hat y(1 - \hat y)`, c) :math:`-y/\hat y`,
    d) :math:`y - \hat y`: the option closest for both labels.

    >>> check_bce_gradient_z()
    0
    """
    s = float(_sigmoid(float(z)))
    options = (lambda y: s - y, lambda y: (s - y) * s * (1 - s), lambda y: -y / s, lambda y: y - s)

    def derivative(y: float) -> float:
        return float(_numerical_gradient(lambda v: _bce_with_logits(np.array([y]), v), np.array([float(z)]))[0])

    gaps = [max(abs(option(y) - derivative(y)) for y in (0.0, 1.0)) for option in options]
    return int(np.argmin(gaps))


def check_convex_in_theta() -> int:
    r"""Which per-sample loss is convex in :math:`(w, b)`: a) MSE on a sigmoid, b) BCE, c) both,
    d) neither, from the signs of their second derivatives (:func:`sigmoid_mse_curvature`).

    >>> check_convex_in_theta()
    1
    """
    c = sigmoid_mse_curvature()
    mse_convex, bce_convex = min(c.mse_y0 + c.mse_y1) >= 0, min(c.bce) >= 0
    return {(True, False): 0, (False, True): 1, (True, True): 2, (False, False): 3}[(mse_convex, bce_convex)]


def check_half_mse_convention() -> int:
    r"""Why :math:`\frac{1}{2m}\sum`: b) the :math:`\frac12` cancels the derivative's 2 and the
    minimiser is unchanged (it is exactly half the MSE, its gradient half the gradient), else
    a) "a better minimum".

    >>> check_half_mse_convention()
    1
    """
    h, g = house_price_table(), house_gradient()
    same = math.isclose(h.mse, 2 * h.half_mse, rel_tol=1e-12) and math.isclose(
        g.grad_w, 2 * g.half_grad_w, rel_tol=1e-12
    )
    return 1 if same else 0


def check_sgd_w2_direction() -> int:
    r"""How :math:`w_2` moves in the slides' two-feature step (:func:`sgd_step_two_features`):
    a) up, b) down, c) not at all.

    >>> check_sgd_w2_direction()
    1
    """
    change = sgd_step_two_features().change("w2")
    return 0 if change > 0 else 1 if change < 0 else 2


def check_vectorised_mean_gradient() -> int:
    r"""Which of a) :math:`X_b^\top(\hat y - y)`, b) :math:`\frac1m X_b^\top(\hat y - y)`,
    c) :math:`\frac1m X_b^\top(y - \hat y)` is the finite difference of the mean loss on the four
    petals (:func:`vectorized_gradient`); d) is not a gradient of :math:`J` at all.

    >>> check_vectorised_mean_gradient()
    1
    """
    v = vectorized_gradient()
    candidates = (v.sum_gradient, v.mean_gradient, tuple(-g for g in v.mean_gradient))
    gaps = [max(abs(a - b) for a, b in zip(c, v.numerical_mean_gradient, strict=True)) for c in candidates]
    return int(np.argmin(gaps))


def check_separable_diverges() -> int:
    r"""On separable petals the loss along :math:`c\,\theta` falls towards 0 without end
    (:func:`separable_no_minimiser`): b), else a) a finite minimiser.

    >>> check_separable_diverges()
    1
    """
    L = separable_no_minimiser().losses
    return 1 if all(a > b > 0 for a, b in zip(L, L[1:], strict=False)) else 0


def check_hessian_indefinite() -> int:
    r""":math:`f = x^2 + 3y^2 + 4xy` is convex iff its Hessian has no negative eigenvalue
    (:func:`quiz_second_derivatives`): b) no, else a) yes.

    >>> check_hessian_indefinite()
    1
    """
    r = quiz_second_derivatives()
    return 1 if np.linalg.eigvalsh(np.array([[r.f_xx, r.f_xy], [r.f_yx, r.f_yy]])).min() < 0 else 0


def check_newton_quadratic() -> int:
    r"""Newton on the tumour sizes (:func:`tumour_newton`): near the optimum the decrement is
    roughly squared each step, :math:`\ln d_{k+1}/\ln d_k > 1.5`: b), else a) linear.

    >>> check_newton_quadratic()
    1
    """
    d = tumour_newton().decrement
    return 1 if math.log(d[-2]) / math.log(d[-3]) > 1.5 else 0


def check_newton_separable() -> int:
    r"""On separable petals the Hessian along :math:`c\,\theta` vanishes
    (:func:`separable_no_minimiser`'s ``hessian_max``, 1000 times smaller at :math:`c = 16`): b), else a).

    >>> check_newton_separable()
    1
    """
    h = separable_no_minimiser().hessian_max
    return 1 if 1000 * h[-1] < h[0] else 0


def check_newton_scaling() -> int:
    r"""Newton's iterations on the tumour sizes, raw and standardised (:func:`lossbook.optim.newton`):
    a) the same (Newton is invariant to linear changes of the features), else b) "drops".

    >>> check_newton_scaling()
    0
    """
    d = _datasets.tumour_sizes()
    return 0 if _newton(d.X, d.y).steps == _newton((d.X - d.X.mean(0)) / d.X.std(0), d.y).steps else 1
