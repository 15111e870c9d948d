r"""Chapter 11 (``docs/11-newton.md``): Newton's method on the tumour sizes."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .. import datasets as _datasets
from ..activations import sigmoid as _sigmoid
from ..convergence import breast_cancer_newton_vs_gd as _breast_cancer_newton_vs_gd
from ..optim import newton as _newton
from ..text import fmt, sci, tr
from ._table import Col, table
from .convexity import separable_no_minimiser
from .sgd_vectorized import loss_race

__all__ = [
    "tumour_newton",
    "newton_vs_gd_table",
    "separable_no_minimiser",
    "newton_one_dimensional",
    "loss_race",
]


@dataclass(frozen=True)
class TumourNewton:
    r"""Newton's method for logistic regression on the tumour sizes, iteration by iteration."""

    m: int
    malignant: int
    radius_min: float
    radius_max: float
    b: float
    w: float
    loss: float
    steps: int
    boundary: float
    loss_gap: tuple[float, ...]
    decrement: tuple[float, ...]
    step_size: tuple[float, ...]

    def markdown(self, lang: str = "vi", digits: int = 0) -> str:
        columns = (
            Col("lần lặp $k$", "iteration $k$"),
            Col(r"$J(\theta_k) - J^\star$"),
            Col(r"$\tfrac12\delta_k^2$"),
            Col("bước $t_k$", "step $t_k$"),
        )
        rows = [
            (str(k), sci(g), sci(d), fmt(self.step_size[k - 1], digits) if k else "")
            for k, (g, d) in enumerate(zip(self.loss_gap, self.decrement, strict=True))
        ]
        return table(lang, columns, rows)


@functools.cache
def tumour_newton() -> TumourNewton:
    r"""Newton's method :math:`\theta \leftarrow \theta - t\,H^{-1}\nabla J` (:func:`lossbook.optim.newton`)
    on :func:`lossbook.datasets.tumour_sizes`: the gap to the optimum :math:`J(\theta_k) - J^\star`
    and half the squared Newton decrement :math:`\tfrac12\delta_k^2 = \tfrac12 g^\top H^{-1} g`
    (:math:`\delta`, not the usual :math:`\lambda`, which the lesson keeps for eigenvalues)
    shrink quadratically; the boundary is at :math:`x = -b/w`.

    >>> r = tumour_newton()
    >>> r.steps, round(r.w, 4), round(r.b, 4), round(r.boundary, 2)
    (6, 1.0336, -15.2459, 14.75)
    >>> r.m, r.malignant, r.radius_min, r.radius_max
    (569, 212, 6.981, 28.11)
    >>> print(r.markdown("en"))
    | iteration $k$ | $J(\theta_k) - J^\star$ | $\tfrac12\delta_k^2$ | step $t_k$ |
    |--:|--:|--:|--:|
    | 0 | $3.7 \times 10^{-1}$ | $2.7 \times 10^{-1}$ | |
    | 1 | $6.9 \times 10^{-2}$ | $4.4 \times 10^{-2}$ | 1 |
    | 2 | $1.5 \times 10^{-2}$ | $1.1 \times 10^{-2}$ | 1 |
    | 3 | $1.4 \times 10^{-3}$ | $1.3 \times 10^{-3}$ | 1 |
    | 4 | $2.0 \times 10^{-5}$ | $2.0 \times 10^{-5}$ | 1 |
    | 5 | $5.5 \times 10^{-9}$ | $5.5 \times 10^{-9}$ | 1 |
    | 6 | $0$ | $4.0 \times 10^{-16}$ | 1 |
    """
    data = _datasets.tumour_sizes()
    h = _newton(data.X, data.y)
    b, w = float(h.final[0]), float(h.final[1])
    return TumourNewton(
        data.m,
        int(data.y.sum()),
        float(data.X.min()),
        float(data.X.max()),
        b,
        w,
        float(h.loss[-1]),
        int(h.steps),
        -b / w,
        tuple(float(v - h.loss[-1]) for v in h.loss),
        tuple(float(v) for v in h.decrement),
        tuple(float(v) for v in h.step_size),
    )


def _tolerance(tol: float) -> str:
    r"""A tolerance as the table writes it: ``$10^{-3}$`` for a power of ten, else :func:`lossbook.text.sci`."""
    text = sci(tol, 0)
    return text.replace(r"1 \times ", "") if text.startswith(r"$1 \times") else text


@dataclass(frozen=True)
class NewtonVsGDTable:
    """Newton against gradient descent at the chapter's tolerances, on breast cancer's ten
    standardised features (the numbers of :class:`lossbook.convergence.NewtonVsGD`)."""

    tols: tuple[float, ...]
    max_steps: int
    newton_iterations: tuple[int | None, ...]
    gd_iterations: tuple[int | None, ...]
    newton_loss: tuple[float | None, ...]
    gd_loss: tuple[float | None, ...]
    max_coef_diff: tuple[float | None, ...]
    condition: float

    @property
    def gd_iterations_min(self) -> int:
        return min(k for k in self.gd_iterations if k is not None)

    @property
    def gd_iterations_max(self) -> int:
        return max(k for k in self.gd_iterations if k is not None)

    @property
    def newton_iterations_max(self) -> int:
        return max(k for k in self.newton_iterations if k is not None)

    @property
    def max_coef_diff_max(self) -> float:
        return max(d for d in self.max_coef_diff if d is not None)

    def markdown(self, lang: str = "vi", digits: int = 6) -> str:
        def num(v: float | None, d: int = digits) -> str:
            return "" if v is None else fmt(v, d)

        never = tr(lang, f"chưa tới sau {self.max_steps}", f"not reached in {self.max_steps}")
        columns = (
            Col(r"$\varepsilon$"),
            Col("lần lặp Newton", "Newton iterations"),
            Col("lần lặp GD", "GD iterations"),
            Col("$J$ Newton"),
            Col("$J$ GD"),
            Col(r"$\max_j \lvert\theta^{\mathrm{N}}_j - \theta^{\mathrm{GD}}_j\rvert$"),
        )
        rows = [
            (
                _tolerance(tol),
                "" if nit is None else str(nit),
                never if git is None else str(git),
                num(jn),
                num(jg),
                num(d, 4),
            )
            for tol, nit, git, jn, jg, d in zip(
                self.tols,
                self.newton_iterations,
                self.gd_iterations,
                self.newton_loss,
                self.gd_loss,
                self.max_coef_diff,
                strict=True,
            )
        ]
        return table(lang, columns, rows)


def newton_vs_gd_table() -> NewtonVsGDTable:
    r"""Iterations to :math:`\lVert\nabla J\rVert_2 \le \varepsilon` for Newton and for gradient
    descent with :math:`\eta = 1/\beta`, :math:`\beta = \lambda_{\max}(X_b^\top X_b)/(4m)`
    (:func:`lossbook.convergence.breast_cancer_newton_vs_gd`, cached: both languages show one run).

    >>> r = newton_vs_gd_table()
    >>> r.newton_iterations_max < 15 < 50 < r.gd_iterations_min
    True
    >>> _tolerance(1e-3), _tolerance(3e-4)
    ('$10^{-3}$', '$3 \\times 10^{-4}$')
    """
    r = _breast_cancer_newton_vs_gd()
    return NewtonVsGDTable(
        tuple(r.tols),
        int(r.max_steps),
        tuple(r.newton_iterations),
        tuple(r.gd_iterations),
        tuple(r.newton_loss),
        tuple(r.gd_loss),
        tuple(r.max_coef_diff),
        float(r.condition),
    )


@dataclass(frozen=True)
class NewtonOneDimensional:
    r"""Newton's method on :math:`f(\theta) = -\ln\sigma(\theta)`, one step after another."""

    theta: tuple[float, ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        rows = [(str(k), fmt(t, digits)) for k, t in enumerate(self.theta)]
        return table(lang, (Col("lần lặp $k$", "iteration $k$"), Col(r"$\theta_k$")), rows)


def newton_one_dimensional(theta0: float = 0.0, steps: int = 6) -> NewtonOneDimensional:
    r"""Newton on the loss of one sample of label 1 with no feature, :math:`f(\theta) = -\ln\sigma(\theta)`:
    :math:`f' = \sigma(\theta) - 1`, :math:`f'' = \sigma(\theta)(1 - \sigma(\theta))`, so

    .. math:: \theta \leftarrow \theta - \frac{f'}{f''} = \theta + \frac{1}{\sigma(\theta)}

    which walks off to :math:`+\infty` (the infimum 0 is not attained) by about 1 per step.

    >>> [round(t, 4) for t in newton_one_dimensional().theta]
    [0.0, 2.0, 3.1353, 4.1788, 5.1941, 6.1997, 7.2017]
    """
    thetas = [float(theta0)]
    for _ in range(int(steps)):
        t = thetas[-1]
        thetas.append(t + 1.0 / float(_sigmoid(t)))
    return NewtonOneDimensional(tuple(thetas))
