r"""Chapter 12 (``docs/12-quizzes.md``): the quizzes' answers that are computations.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..losses import bce_per_sample as _bce_per_sample
from ..gradcheck import numerical_hessian as _numerical_hessian
from ..activations import sigmoid as _sigmoid
from ..text import LANGS, check_lang, fmt, given, md_table, tr
from ._given import QUIZ_Y_HAT

__all__ = ["quiz_steps_order", "quiz_sigmoid_compare", "quiz_bce_formula", "quiz_second_derivatives"]


@dataclass(frozen=True)
class QuizAnswer:
    """A quiz's answer: option letter and index in the slides' order (a, b, c, d), and the
    values that decide it."""

    question: str
    answer_letter: str
    answer_index: int
    values: tuple[tuple[str, float], ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        headers = (tr(lang, "đại lượng", "quantity"), tr(lang, "giá trị", "value"))
        rows = [(name, fmt(v, digits)) for name, v in self.values]
        return md_table(headers, rows, "lr")


_STEPS = {
    1: ("Tính đạo hàm của hàm mất mát theo các tham số mô hình.",
        "Compute the derivative of the loss with respect to the model's parameters."),
    2: ("Khởi tạo các tham số ban đầu của mô hình ($w$ và $b$).",
        "Initialise the model's parameters ($w$ and $b$)."),
    3: ("Cập nhật các tham số mô hình sử dụng Gradient Descent.",
        "Update the parameters with gradient descent."),
    4: (r"Dự đoán đầu ra $\hat y$ bằng cách tính giá trị $z = \theta^T x$ và áp dụng hàm sigmoid.",
        r"Predict the output $\hat y$: compute $z = \theta^T x$ and apply the sigmoid."),
    5: (r"Tính giá trị hàm mất mát dựa trên đầu ra dự đoán $\hat y$ và giá trị thực $y$.",
        r"Compute the loss from the prediction $\hat y$ and the true value $y$."),
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
        headers = (tr(lang, "thứ tự", "order"), tr(lang, "bước (số trong đề)", "step (number in the question)"))
        rows = [(str(i + 1), f"{k}. {text}") for i, (k, text) in enumerate(zip(self.order, self.steps(lang)))]
        return md_table(headers, rows, "rl")


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
    return QuizAnswer("Q2", "abcd"[index], index,
                      ((rf"$\sigma({given(x1)})$", s1), (rf"$\sigma({given(x2)})$", s2)))


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
        lambda y, p: -y * np.log(1 - p) - (1 - y) * np.log(p),   # a)
        lambda y, p: -p * np.log(1 - y) - (1 - p) * np.log(y),   # b)
        lambda y, p: -p * np.log(1 - p) - (1 - y) * np.log(y),   # c)
        lambda y, p: -y * np.log(p) - (1 - y) * np.log(1 - p),   # d)
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
        headers = (tr(lang, "đạo hàm", "derivative"), tr(lang, "giá trị", "value"),
                   tr(lang, "đáp án", "answer"))
        rows = [(r"$\frac{\partial^2 f}{\partial x^2}$", fmt(self.f_xx, digits), f"Q4 {self.answers[0][1]})"),
                (r"$\frac{\partial^2 f}{\partial y^2}$", fmt(self.f_yy, digits), f"Q5 {self.answers[1][1]})"),
                (r"$\frac{\partial^2 f}{\partial x\,\partial y} = \frac{\partial^2 f}{\partial y\,\partial x}$",
                 fmt(self.f_xy, digits), f"Q6 {self.answers[2][1]})")]
        return md_table(headers, rows, "lrl")


def quiz_second_derivatives(points: Sequence[tuple[float, float]] = ((0.0, 0.0), (1.0, 2.0), (-3.0, 0.5))) -> SecondDerivatives:
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
    """

    def f(v: np.ndarray) -> float:
        return float(v[0] ** 2 + 3.0 * v[1] ** 2 + 4.0 * v[0] * v[1])

    analytic = np.array([[2.0, 4.0], [4.0, 6.0]])
    numeric = [_numerical_hessian(f, np.asarray(p, dtype=float)) for p in points]
    err = max(float(np.max(np.abs(N - analytic))) for N in numeric)
    mean = np.mean(numeric, axis=0)
    # The quizzes' options, in the slides' order a)-d), as numbers (None: not a constant).
    q4 = (None, 2.0, None, 4.0)          # 2x + 4y, 2, 6y + 4x, 4
    q5 = (None, None, 4.0, 6.0)          # 6y + 4x, 2x + 4y, 4, 6
    q6 = ((6.0, 2.0), (2.0, 6.0), (4.0, 4.0), (2.0, 2.0))  # (f_xy, f_yx)

    def pick(options, value) -> int:
        return next(i for i, o in enumerate(options) if o is not None and np.allclose(o, value, atol=1e-6))

    i4, i5 = pick(q4, mean[0, 0]), pick(q5, mean[1, 1])
    i6 = pick(q6, (mean[0, 1], mean[1, 0]))
    return SecondDerivatives(tuple((float(a), float(b)) for a, b in points), float(analytic[0, 0]),
                             float(analytic[1, 1]), float(analytic[0, 1]), float(analytic[1, 0]), err,
                             (("Q4", "abcd"[i4], i4), ("Q5", "abcd"[i5], i5), ("Q6", "abcd"[i6], i6)))
