r"""Chapter 9 (``docs/09-convexity.md``): the BCE Hessian, step sizes, separable data, a
duplicated feature, ridge.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .. import datasets as _datasets
from ..activations import sigmoid as _sigmoid
from ..losses import add_bias as _add_bias
from ..losses import bce_grad as _bce_grad
from ..losses import bce_hessian as _bce_hessian
from ..losses import bce_hessian_eigenvalues as _bce_hessian_eigenvalues
from ..losses import bce_hessian_single as _bce_hessian_single
from ..losses import bce_objective as _bce_objective
from ..optim import full_batch_gd as _full_batch_gd
from ..optim import gradient_descent as _gradient_descent
from ..text import fmt, given, tr
from ._given import PETAL_LINES, RIDGE_MU, SEPARATING_LINE, SGD_B, SGD_W, SGD_X
from ._table import Col, table, values_table
from .through_the_logit import logit_curvature_table, logit_hessian_check

__all__ = [
    "logit_curvature_table",
    "logit_hessian_check",
    "bce_hessian_example",
    "gd_step_size",
    "separable_no_minimiser",
    "petal_bce_hessian",
    "duplicated_feature",
    "bce_smoothness",
    "petal_gd_trajectory",
    "petal_ridge_descent",
]


@dataclass(frozen=True)
class BCEHessianExample:
    r"""The 2x2 BCE Hessian of one sample in the order :math:`\theta = (b, w)`, its
    determinant and eigenvalues (closed form and numerical)."""

    x: float
    w: float
    b: float
    y_hat: float
    hessian: tuple[tuple[float, float], tuple[float, float]]
    det: float
    trace: float
    eigenvalues: tuple[float, float]
    numerical_eigenvalues: tuple[float, float]

    @property
    def null_product(self) -> tuple[float, float]:
        r""":math:`\mathbf H\,(-x, 1)^\top`, zero: the direction :math:`(-x, 1)` is flat (order :math:`(b, w)`).

        >>> [round(v, 12) + 0.0 for v in bce_hessian_example().null_product]
        [0.0, 0.0]
        """
        (a, b), (c, d) = self.hessian
        return (b - self.x * a, d - self.x * c)

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (Col("đại lượng", "quantity", "l"), Col("công thức", "formula", "l"), Col("giá trị", "value"))
        H = self.hessian
        rows = [
            (r"$\hat y = \sigma(wx + b)$", "", fmt(self.y_hat, digits)),
            (r"$\frac{\partial^2 L}{\partial b^2}$", r"$\hat y(1-\hat y)$", fmt(H[0][0], digits)),
            (r"$\frac{\partial^2 L}{\partial b\,\partial w}$", r"$\hat y(1-\hat y)x$", fmt(H[0][1], digits)),
            (r"$\frac{\partial^2 L}{\partial w^2}$", r"$\hat y(1-\hat y)x^2$", fmt(H[1][1], digits)),
            (r"$\det H$", "$0$", fmt(self.det, digits)),
            (r"$\lambda_1$", r"$\hat y(1-\hat y)(x^2+1)$", fmt(self.eigenvalues[0], digits)),
            (r"$\lambda_2$", "$0$", fmt(self.eigenvalues[1], digits)),
        ]
        return table(lang, columns, rows)


def bce_hessian_example(x: float = SGD_X, w: float = SGD_W, b: float = SGD_B) -> BCEHessianExample:
    r"""The entry-by-entry convexity proof at a sample point (by default the first SGD sample,
    :math:`x = 1.4`, :math:`w = -0.1`, :math:`b = 0.1`, so :math:`\hat y = 0.49`), in the order
    :math:`\theta = (b, w)` (the slides write :math:`(w, b)`: rows and columns swapped):

    .. math:: \mathbf H = \hat y(1-\hat y)\begin{bmatrix} 1 & x \\ x & x^2 \end{bmatrix},\quad
              \det H = 0,\quad \lambda_1 = \hat y(1-\hat y)(x^2 + 1),\ \lambda_2 = 0

    The determinant is 0 up to rounding (float64 leaves about 1e-17).

    >>> r = bce_hessian_example()
    >>> round(r.eigenvalues[0], 4), r.eigenvalues[1], abs(r.det) < 1e-15
    (0.7397, 0.0, True)
    >>> print(r.markdown("en"))
    | quantity | formula | value |
    |:--|:--|--:|
    | $\hat y = \sigma(wx + b)$ | | 0.4900 |
    | $\frac{\partial^2 L}{\partial b^2}$ | $\hat y(1-\hat y)$ | 0.2499 |
    | $\frac{\partial^2 L}{\partial b\,\partial w}$ | $\hat y(1-\hat y)x$ | 0.3499 |
    | $\frac{\partial^2 L}{\partial w^2}$ | $\hat y(1-\hat y)x^2$ | 0.4898 |
    | $\det H$ | $0$ | 0.0000 |
    | $\lambda_1$ | $\hat y(1-\hat y)(x^2+1)$ | 0.7397 |
    | $\lambda_2$ | $0$ | 0.0000 |
    """
    x, w, b = float(x), float(w), float(b)
    y_hat = _sigmoid(w * x + b)
    H = _bce_hessian_single(x, y_hat)[::-1, ::-1]  # (w, b) -> (b, w)
    det = float(H[0, 0] * H[1, 1] - H[0, 1] * H[1, 0])
    numerical = np.linalg.eigvalsh(H)[::-1]
    return BCEHessianExample(
        x,
        w,
        b,
        y_hat,
        tuple(tuple(float(v) for v in row) for row in H),
        det,
        float(np.trace(H)),
        _bce_hessian_eigenvalues(x, y_hat),
        (float(numerical[0]), float(numerical[1])),
    )


@dataclass(frozen=True)
class GDStepSize:
    """Full-batch gradient descent on a tiny data set with several learning rates."""

    X: tuple[tuple[float, ...], ...]
    y: tuple[float, ...]
    smoothness: float
    max_stable_eta: float
    etas: tuple[float, ...]
    steps: int
    final_theta: tuple[tuple[float, ...], ...]
    final_loss: tuple[float, ...]
    final_gradient_norm: tuple[float, ...]
    converged: tuple[bool, ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (
            Col(r"$\eta$"),
            Col(rf"$\theta$ sau {self.steps} bước", rf"$\theta$ after {self.steps} steps"),
            Col("$J$"),
            Col(r"$\lVert\nabla J\rVert$"),
            Col("hội tụ?", "converged?", "l"),
        )
        yes, no = tr(lang, "có", "yes"), tr(lang, "không (dao động)", "no (oscillates)")
        rows = [
            (
                given(e),
                "(" + ", ".join(fmt(v, digits) for v in t) + ")",
                fmt(j, digits),
                fmt(g, digits),
                yes if c else no,
            )
            for e, t, j, g, c in zip(
                self.etas, self.final_theta, self.final_loss, self.final_gradient_norm, self.converged, strict=True
            )
        ]
        return table(lang, columns, rows)


def gd_step_size(
    etas: Sequence[float] = (1.0, 10.0), steps: int = 200, theta0: Sequence[float] = (0.5, 0.5)
) -> GDStepSize:
    r"""The blog says gradient descent on the (convex) BCE "always converges". It needs a
    small enough step. Two flowers with the same petal length :math:`x = 1` and opposite
    labels: the minimum is at :math:`b + w = 0`, the gradient is :math:`\beta`-Lipschitz with
    :math:`\beta = \lambda_{\max}\bigl(\tfrac{1}{4m}X_b^\top X_b\bigr) = 0.5`, and GD is
    guaranteed to converge for :math:`\eta < 2/\beta = 4`. With :math:`\eta = 1` it does; with
    :math:`\eta = 10` it settles into a 2-cycle :math:`b = w = \pm 2.464` and never
    converges, although the loss is convex.

    >>> r = gd_step_size()
    >>> r.smoothness, r.max_stable_eta, r.converged
    (0.5, 4.0, (True, False))
    >>> print(r.markdown("en"))
    | $\eta$ | $\theta$ after 200 steps | $J$ | $\lVert\nabla J\rVert$ | converged? |
    |--:|--:|--:|--:|:--|
    | 1 | (0.0000, 0.0000) | 0.6931 | 0.0000 | yes |
    | 10 | (2.4641, 2.4641) | 2.4713 | 0.6969 | no (oscillates) |
    """
    X = np.array([[1.0], [1.0]])
    y = np.array([1.0, 0.0])
    # sigma' <= 1/4 with equality at z = 0, so the Hessian at theta = 0 has the largest
    # eigenvalue over all theta: that is the Lipschitz constant of the gradient.
    smoothness = float(np.linalg.eigvalsh(_bce_hessian(X, y, np.zeros(2)))[-1])
    thetas, losses, norms, converged = [], [], [], []
    for eta in etas:
        h = _full_batch_gd(X, y, list(theta0), lr=float(eta), steps=int(steps))
        g = float(np.linalg.norm(h.grads[-1]))
        thetas.append(tuple(float(v) + 0.0 for v in h.final))
        losses.append(float(h.loss[-1]))
        norms.append(g)
        converged.append(g < 1e-8)
    return GDStepSize(
        tuple(tuple(map(float, r)) for r in X),
        tuple(map(float, y)),
        smoothness,
        2.0 / smoothness,
        tuple(map(float, etas)),
        int(steps),
        tuple(thetas),
        tuple(losses),
        tuple(norms),
        tuple(converged),
    )


@dataclass(frozen=True)
class SeparableNoMinimiser:
    r"""BCE along the ray :math:`c\,\theta` through a separating :math:`\theta`, on
    separable data: it keeps decreasing towards 0, never reaching it."""

    theta: tuple[float, ...]
    scales: tuple[float, ...]
    losses: tuple[float, ...]
    hessian_max: tuple[float, ...]

    def markdown(self, lang: str = "vi", digits: int = 6) -> str:
        columns = (Col("$c$"), Col(r"$(b, w) = c\,\theta$"), Col(r"$J(c\,\theta)$"))
        rows = [
            (given(c), "(" + ", ".join(given(c * t) for t in self.theta) + ")", fmt(j, digits))
            for c, j in zip(self.scales, self.losses, strict=True)
        ]
        return table(lang, columns, rows)


def separable_no_minimiser(
    scales: Sequence[float] = (1.0, 2.0, 4.0, 8.0, 16.0), theta: Sequence[float] = SEPARATING_LINE
) -> SeparableNoMinimiser:
    r"""The blog says logistic regression has a "unique global minimum". On the slides'
    four petals (:func:`lossbook.datasets.petal_sgd`) the classes are separated by the
    line :math:`x = 2.25` (:math:`\theta = (b, w) = (-2.25, 1)`); scaling :math:`\theta`
    up makes every prediction more confident and the loss smaller, without end: the
    infimum 0 is not attained, there is **no** minimiser, and gradient descent lets
    :math:`\lVert\theta\rVert` grow forever. The Hessian vanishes along the ray too
    (``hessian_max``: the largest entry of :math:`|H(c\,\theta)|`), which is what stalls
    Newton's method. (Convexity gives at most one minimum
    *value*; existence and uniqueness of the minimiser need more.)

    >>> r = separable_no_minimiser()
    >>> all(a > b > 0 for a, b in zip(r.losses, r.losses[1:]))
    True
    >>> print(r.markdown("en"))
    | $c$ | $(b, w) = c\,\theta$ | $J(c\,\theta)$ |
    |--:|--:|--:|
    | 1 | (−2.25, 1) | 0.318911 |
    | 2 | (−4.5, 2) | 0.148759 |
    | 4 | (−9, 4) | 0.032654 |
    | 8 | (−18, 8) | 0.001516 |
    | 16 | (−36, 16) | 0.000003 |
    """
    data = _datasets.petal_sgd()
    direction = np.asarray(theta, dtype=float)
    cs = tuple(map(float, scales))
    return SeparableNoMinimiser(
        tuple(map(float, direction)),
        cs,
        tuple(_bce_objective(data.X, data.y, c * direction) for c in cs),
        tuple(float(np.abs(_bce_hessian(data.X, data.y, c * direction)).max()) for c in cs),
    )


@dataclass(frozen=True)
class PetalBCEHessian:
    r"""The BCE Hessian :math:`H = \frac1m X_b^\top S X_b` on the petals, at one line."""

    w: float
    b: float
    eigenvalues: tuple[float, ...]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        return values_table(
            lang, [(r"$\lambda_1$", None, self.eigenvalues[0]), (r"$\lambda_2$", None, self.eigenvalues[1])], digits
        )


def petal_bce_hessian(w: float = PETAL_LINES[1][0], b: float = PETAL_LINES[1][1]) -> PetalBCEHessian:
    r"""The Hessian of the mean BCE on the six petals,
    :math:`H = \frac1m\sum_i \hat y_i(1 - \hat y_i)\,x_i x_i^\top` (with :math:`x_i = (1, x_i)`),
    at the slides' line: both eigenvalues (ascending) are positive.

    >>> [round(v, 4) for v in petal_bce_hessian().eigenvalues]
    [0.011, 0.429]
    """
    data = _datasets.petal_lengths()
    ev = np.linalg.eigvalsh(_bce_hessian(data.X, data.y, [float(b), float(w)]))
    return PetalBCEHessian(float(w), float(b), tuple(float(v) for v in ev))


@dataclass(frozen=True)
class DuplicatedFeature:
    r"""The petals with a second feature :math:`x_2 = c\,x_1`: a flat direction of the BCE."""

    factor: float
    loss_first: float
    loss_second: float
    smallest_eigenvalue: float

    def markdown(self, lang: str = "vi", digits: int = 6) -> str:
        return values_table(
            lang,
            [
                (r"$J(b, w, 0)$", None, self.loss_first),
                (r"$J(b, 0, w/c)$", None, self.loss_second),
                (r"$|\lambda_{\min}|$", None, self.smallest_eigenvalue),
            ],
            digits,
        )


def duplicated_feature(
    w: float = PETAL_LINES[1][0], b: float = PETAL_LINES[1][1], factor: float = 10.0
) -> DuplicatedFeature:
    r"""Add the feature :math:`x_2 = 10\,x_1` (the petal length in millimetres): the weights
    :math:`(b, w, 0)` and :math:`(b, 0, w/10)` give the same :math:`z` and the same loss, so
    the minimiser is not unique and the Hessian is singular (smallest eigenvalue 0 up to
    rounding).

    >>> r = duplicated_feature()
    >>> round(r.loss_first, 6) == round(r.loss_second, 6), r.smallest_eigenvalue < 1e-12
    (True, True)
    """
    data = _datasets.petal_lengths()
    X = np.column_stack([data.x, float(factor) * data.x])
    w, b = float(w), float(b)
    return DuplicatedFeature(
        float(factor),
        _bce_objective(X, data.y, [b, w, 0.0]),
        _bce_objective(X, data.y, [b, 0.0, w / float(factor)]),
        float(abs(np.linalg.eigvalsh(_bce_hessian(X, data.y, [b, w, 0.0]))[0])),
    )


@dataclass(frozen=True)
class BCESmoothness:
    r"""The smoothness constant :math:`\beta` (Lipschitz constant of :math:`\nabla J`) of the BCE
    on a data set, and :math:`2/\beta`."""

    dataset: str
    smoothness: float
    max_stable_eta: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        return values_table(
            lang, [(r"$\beta$", None, self.smoothness), (r"$2/\beta$", None, self.max_stable_eta)], digits
        )


def bce_smoothness(dataset: str = "petal_lengths") -> BCESmoothness:
    r"""Since :math:`\sigma' \le \tfrac14`, the BCE Hessian satisfies
    :math:`\mathbf H \preceq \frac{1}{4m}X_b^\top X_b`, so the gradient is :math:`\beta`-Lipschitz with
    :math:`\beta = \lambda_{\max}\bigl(X_b^\top X_b\bigr)/(4m)`, and with :math:`\eta < 2/\beta` gradient
    descent makes :math:`J(\theta_k)` decrease to :math:`\inf J`. ``dataset`` names a function of
    :mod:`lossbook.datasets` (``"petal_lengths"``, ``"petal_sgd"``).

    >>> r = bce_smoothness()
    >>> round(r.smoothness, 4), round(r.max_stable_eta, 4)
    (2.0998, 0.9525)
    """
    data = getattr(_datasets, str(dataset))()
    Xb = _add_bias(data.X)
    beta = float(np.linalg.eigvalsh(Xb.T @ Xb).max() / (4 * data.m))
    return BCESmoothness(str(dataset), beta, 2 / beta)


@dataclass(frozen=True)
class PetalGDTrajectory:
    r"""Gradient descent on the BCE of the separable petals: :math:`\lVert\theta\rVert` grows, :math:`J \to 0`."""

    lr: float
    steps: tuple[int, ...]
    theta: tuple[tuple[float, float], ...]
    norm: tuple[float, ...]
    loss: tuple[float, ...]

    def markdown(self, lang: str = "vi", digits: int = 3, loss_digits: int = 6) -> str:
        columns = (Col("số bước", "steps"), Col("$(b, w)$"), Col(r"$\lVert\boldsymbol\theta\rVert$"), Col("$J$"))
        rows = [
            (str(k), f"({fmt(t[0], digits)}, {fmt(t[1], digits)})", fmt(n, digits), fmt(j, loss_digits))
            for k, t, n, j in zip(self.steps, self.theta, self.norm, self.loss, strict=True)
        ]
        return table(lang, columns, rows)


@functools.cache
def petal_gd_trajectory(
    lr: float = 0.5, steps: tuple[int, ...] = (10, 100, 1000, 10000), theta0: tuple[float, ...] = (0.0, 0.0)
) -> PetalGDTrajectory:
    r"""Full-batch gradient descent :math:`\theta \leftarrow \theta - \eta\nabla J` on the six
    petals (separable) from :math:`\theta = 0`: the loss keeps falling and the weights keep
    growing, there is no minimiser to converge to.

    >>> r = petal_gd_trajectory()
    >>> all(a < b for a, b in zip(r.norm, r.norm[1:])), all(a > b for a, b in zip(r.loss, r.loss[1:]))
    (True, True)
    """
    data = _datasets.petal_lengths()
    ks = tuple(int(k) for k in steps)
    h = _full_batch_gd(data.X, data.y, list(theta0), lr=float(lr), steps=ks[-1])
    return PetalGDTrajectory(
        float(lr),
        ks,
        tuple((float(h.params[k][0]), float(h.params[k][1])) for k in ks),
        tuple(float(np.linalg.norm(h.params[k])) for k in ks),
        tuple(float(h.loss[k]) for k in ks),
    )


@dataclass(frozen=True)
class PetalRidgeDescent:
    r"""Gradient descent on the BCE plus :math:`\frac{\mu}{2}w^2` on the petals."""

    mu: float
    b: float
    w: float
    max_gradient: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        return values_table(lang, [("$b$", None, self.b), ("$w$", None, self.w)], digits)


@functools.cache
def petal_ridge_descent(mu: float = RIDGE_MU, lr: float = 0.5, steps: int = 10000) -> PetalRidgeDescent:
    r"""With an L2 penalty of strength :math:`\mu` on the weight (not on the bias),
    :math:`J_\mu = J + \frac{\mu}{2}w^2` (gradient :math:`\nabla J + \mu\,(0, w)`), the loss
    on the separable petals has a minimiser again, because both labels occur (coercivity),
    and gradient descent converges to it; ``max_gradient`` is the largest entry of
    :math:`|\nabla J_\mu|` at the end.

    >>> r = petal_ridge_descent()
    >>> round(r.b, 4), round(r.w, 4), r.max_gradient < 1e-8
    (-3.7402, 1.5451, True)
    """
    data = _datasets.petal_lengths()
    mu = float(mu)
    h = _gradient_descent(
        lambda t: _bce_grad(data.X, data.y, t) + mu * np.array([0.0, t[1]]), [0.0, 0.0], lr=float(lr), steps=int(steps)
    )
    return PetalRidgeDescent(mu, float(h.final[0]), float(h.final[1]), float(np.abs(h.grads[-1]).max()))
