r"""The convexity argument through the logit, for chapters 7 and 9: a loss of the score
:math:`z = \boldsymbol\theta^\top\mathbf x` has the Hessian :math:`L''(z)\,\mathbf x\mathbf x^\top`, so the
sign of :math:`L''(z)` decides everything.

Imported by :mod:`lossbook.lesson.mse_sigmoid` and :mod:`lossbook.lesson.convexity`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..activations import sigmoid as _sigmoid
from ..logit_curvature import score_loss as _score_loss
from ..logit_curvature import score_loss_hessian as _score_loss_hessian
from ..logit_curvature import score_loss_second_derivative as _score_loss_second_derivative
from ..losses import bce_hessian as _bce_hessian
from ..text import fmt, given
from ._given import SGD_B, SGD_W, SGD_X, SGD_Y
from ._table import Col, table, values_table

__all__ = ["logit_curvature_table", "logit_hessian_check"]


@dataclass(frozen=True)
class LogitCurvatureTable:
    r""":math:`L''(z)` of BCE and of sigmoid + MSE at a few scores, with a finite-difference check."""

    z: tuple[float, ...]
    y_hat: tuple[float, ...]
    bce: tuple[float, ...]
    mse_y0: tuple[float, ...]
    mse_y1: tuple[float, ...]
    max_fd_error: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (
            Col("$z$"),
            Col(r"$\hat y = \sigma(z)$"),
            Col(r"BCE: $L''(z)$, $y = 0$ hoặc $1$", r"BCE: $L''(z)$, $y = 0$ or $1$"),
            Col(r"MSE: $L''(z)$, $y = 0$"),
            Col(r"MSE: $L''(z)$, $y = 1$"),
        )
        rows = [
            (given(z), fmt(p, digits), fmt(c, digits), fmt(a, digits), fmt(b, digits))
            for z, p, c, a, b in zip(self.z, self.y_hat, self.bce, self.mse_y0, self.mse_y1, strict=True)
        ]
        return table(lang, columns, rows)


def logit_curvature_table(z: Sequence[float] = (-4.0, -2.0, 0.0, 2.0, 4.0), h: float = 1e-4) -> LogitCurvatureTable:
    r"""The second derivatives, in the score, of one sample's loss
    (:func:`lossbook.logit_curvature.score_loss_second_derivative`):

    .. math:: L''_{\text{BCE}}(z) = \hat y(1 - \hat y), \qquad
              L''_{\text{MSE}}(z) = 2\hat y(1 - \hat y)\bigl[-3\hat y^2 + 2\hat y - y + 2y\hat y\bigr]

    and ``max_fd_error``, the largest gap between these formulas and the second difference
    :math:`\bigl(L(z + h) - 2L(z) + L(z - h)\bigr)/h^2` of :func:`lossbook.logit_curvature.score_loss`
    over the table's twelve entries (both MSE labels, both BCE labels).

    >>> r = logit_curvature_table()
    >>> min(r.bce) > 0, min(r.mse_y0) < 0, min(r.mse_y1) < 0, r.max_fd_error < 1e-6
    (True, True, True, True)
    >>> print(r.markdown("en"))
    | $z$ | $\hat y = \sigma(z)$ | BCE: $L''(z)$, $y = 0$ or $1$ | MSE: $L''(z)$, $y = 0$ | MSE: $L''(z)$, $y = 1$ |
    |--:|--:|--:|--:|--:|
    | −4 | 0.0180 | 0.0177 | 0.0012 | −0.0328 |
    | −2 | 0.1192 | 0.1050 | 0.0411 | −0.1188 |
    | 0 | 0.5000 | 0.2500 | 0.1250 | 0.1250 |
    | 2 | 0.8808 | 0.1050 | −0.1188 | 0.0411 |
    | 4 | 0.9820 | 0.0177 | −0.0328 | 0.0012 |
    """
    zs = np.array([float(v) for v in z])
    h = float(h)

    def fd(y: float, loss: str) -> np.ndarray:
        yy = np.full_like(zs, y)
        return (_score_loss(zs + h, yy, loss) - 2 * _score_loss(zs, yy, loss) + _score_loss(zs - h, yy, loss)) / h**2

    exact = {
        (y, loss): np.asarray(_score_loss_second_derivative(zs, np.full_like(zs, y), loss))
        for y in (0.0, 1.0)
        for loss in ("bce", "mse")
    }
    error = max(float(np.abs(fd(y, loss) - v).max()) for (y, loss), v in exact.items())
    return LogitCurvatureTable(
        tuple(map(float, zs)),
        tuple(float(v) for v in _sigmoid(zs)),
        tuple(map(float, exact[(1.0, "bce")])),
        tuple(map(float, exact[(0.0, "mse")])),
        tuple(map(float, exact[(1.0, "mse")])),
        error,
    )


@dataclass(frozen=True)
class LogitHessianCheck:
    r"""The one-sample BCE Hessian in :math:`(b, w)` as :math:`L''(z)\,\mathbf x\mathbf x^\top`,
    against :func:`lossbook.bce_hessian`."""

    x: tuple[float, float]
    theta: tuple[float, float]
    second_derivative: float
    hessian: tuple[tuple[float, float], tuple[float, float]]
    max_difference: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        (a, c), (_, d) = self.hessian
        return values_table(
            lang,
            [
                (r"$L''(z)$", None, self.second_derivative),
                (r"$\partial^2 L/\partial b^2$", None, a),
                (r"$\partial^2 L/\partial b\,\partial w$", None, c),
                (r"$\partial^2 L/\partial w^2$", None, d),
            ],
            digits,
        )


def logit_hessian_check(x: float = SGD_X, y: float = SGD_Y, w: float = SGD_W, b: float = SGD_B) -> LogitHessianCheck:
    r"""The first SGD sample (:math:`x = 1.4`, :math:`y = 0`, :math:`(b, w) = (0.1, -0.1)`):
    :math:`\mathbf x = (1, x)`, :math:`L''(z) = \hat y(1 - \hat y)` and the rank-one Hessian
    :math:`L''(z)\,\mathbf x\mathbf x^\top` equals :func:`lossbook.bce_hessian` of that one
    sample (``max_difference``).

    >>> r = logit_hessian_check()
    >>> round(r.second_derivative, 4), [[round(v, 4) for v in row] for row in r.hessian], r.max_difference < 1e-15
    (0.2499, [[0.2499, 0.3499], [0.3499, 0.4898]], True)
    """
    xb, theta = np.array([1.0, float(x)]), np.array([float(b), float(w)])
    H = _score_loss_hessian(xb, theta, float(y), "bce")
    ref = _bce_hessian([[float(x)]], [float(y)], theta)
    return LogitHessianCheck(
        (1.0, float(x)),
        (float(b), float(w)),
        float(_score_loss_second_derivative(float(xb @ theta), float(y), "bce")),
        tuple(tuple(float(v) for v in row) for row in H),
        float(np.abs(H - ref).max()),
    )
