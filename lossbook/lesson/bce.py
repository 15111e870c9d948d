r"""Chapter 8 (``docs/08-bce.md``): the binary cross-entropy: the slides' output table, the
likelihood, the notes' formula, entropy, probabilities or logits.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .. import datasets as _datasets
from ..activations import sigmoid as _sigmoid
from ..entropy import entropy as _entropy
from ..entropy import information as _information
from ..likelihood import glm_gradient as _glm_gradient
from ..likelihood import glm_predict as _glm_predict
from ..likelihood import normal_equations as _normal_equations
from ..losses import BCE_EPS as _BCE_EPS
from ..losses import bce_grad as _bce_grad
from ..losses import bce_per_sample as _bce_per_sample
from ..losses import bce_with_logits as _bce_with_logits
from ..losses import bce_with_logits_per_sample as _bce_with_logits_per_sample
from ..losses import linear_mse_grad as _linear_mse_grad
from ..models import LogisticRegression as _LogisticRegression
from ..text import fmt, given, tr
from ._given import BERNOULLI_Y_HAT, CONFIDENT_WRONG_Y_HAT, ENTROPY_P, NOTES_F, SGD_B, SGD_W, SGD_X, SGD_Y
from ._table import Col, table, values_table

__all__ = [
    "output_table_losses",
    "bernoulli_likelihood",
    "notes_bce_formula",
    "entropy_example",
    "clipped_vs_logits",
    "bce_logit_gradient",
    "confident_wrong",
    "linear_vs_logistic",
]


@dataclass(frozen=True)
class OutputTableLosses:
    """Per-sample BCE of the slides' eight outputs, and their mean."""

    y_prob: tuple[float, ...]
    y: tuple[float, ...]
    losses: tuple[float, ...]
    mean: float

    @property
    def total(self) -> float:
        r"""The sum of the losses, :math:`m` times the mean.

        >>> round(output_table_losses().total, 4)
        6.1297
        """
        return float(sum(self.losses))

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (
            Col(r"đầu ra $\hat y$", r"output $\hat y$"),
            Col("nhãn $y$", "label $y$"),
            Col("công thức", "formula", "l"),
            Col("$L$"),
        )
        rows = [
            (given(p), given(y), r"$-\ln\hat y$" if y == 1.0 else r"$-\ln(1 - \hat y)$", fmt(v, digits))
            for p, y, v in zip(self.y_prob, self.y, self.losses, strict=True)
        ]
        rows.append(("", None, tr(lang, "trung bình", "mean"), fmt(self.mean, digits)))
        return table(lang, columns, rows)


def output_table_losses() -> OutputTableLosses:
    r"""The slides' "Loss function" table: eight model outputs with their labels, each
    costing :math:`-\ln\hat y` if :math:`y = 1` and :math:`-\ln(1 - \hat y)` if
    :math:`y = 0` (natural log). The confidently wrong rows (0.8 for a 0, 0.2 for a 1)
    cost the most.

    >>> print(output_table_losses().markdown("en"))
    | output $\hat y$ | label $y$ | formula | $L$ |
    |--:|--:|:--|--:|
    | 0.3 | 0 | $-\ln(1 - \hat y)$ | 0.3567 |
    | 0.8 | 0 | $-\ln(1 - \hat y)$ | 1.6094 |
    | 0.7 | 0 | $-\ln(1 - \hat y)$ | 1.2040 |
    | 0.4 | 0 | $-\ln(1 - \hat y)$ | 0.5108 |
    | 0.6 | 1 | $-\ln\hat y$ | 0.5108 |
    | 0.8 | 1 | $-\ln\hat y$ | 0.2231 |
    | 0.9 | 1 | $-\ln\hat y$ | 0.1054 |
    | 0.2 | 1 | $-\ln\hat y$ | 1.6094 |
    | | | mean | 0.7662 |
    """
    data = _datasets.output_table()
    losses = _bce_per_sample(data.y, data.x)
    return OutputTableLosses(
        tuple(map(float, data.x)), tuple(map(float, data.y)), tuple(map(float, losses)), float(np.mean(losses))
    )


@dataclass(frozen=True)
class BernoulliLikelihood:
    r"""Likelihood, log-likelihood and BCE of one prediction, for both labels."""

    y_hat: float
    labels: tuple[float, float]
    likelihood: tuple[float, float]
    log_likelihood: tuple[float, float]
    bce: tuple[float, float]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (
            Col("$y$"),
            Col(r"likelihood $\hat y^{y}(1-\hat y)^{1-y}$"),
            Col(
                r"log-likelihood $y\ln\hat y + (1-y)\ln(1-\hat y)$", r"log-likelihood $y\ln\hat y + (1-y)\ln(1-\hat y)$"
            ),
            Col("BCE"),
        )
        rows = [
            (given(y), fmt(lk, digits), fmt(ll, digits), fmt(b, digits))
            for y, lk, ll, b in zip(self.labels, self.likelihood, self.log_likelihood, self.bce, strict=True)
        ]
        return table(lang, columns, rows)


def bernoulli_likelihood(y_hat: float = BERNOULLI_Y_HAT) -> BernoulliLikelihood:
    r"""The blog's route from the Bernoulli distribution to the BCE, with numbers.

    The **likelihood** of a label :math:`y \in \{0, 1\}` under the prediction
    :math:`\hat y` is :math:`\hat y^{y}(1 - \hat y)^{1-y}` (a probability, in
    :math:`[0, 1]`); its logarithm, the **log-likelihood**, is
    :math:`y\ln\hat y + (1 - y)\ln(1 - \hat y) \le 0`; the BCE is minus that. (The blog
    calls the log-likelihood "likelihood".)

    >>> print(bernoulli_likelihood().markdown("en"))
    | $y$ | likelihood $\hat y^{y}(1-\hat y)^{1-y}$ | log-likelihood $y\ln\hat y + (1-y)\ln(1-\hat y)$ | BCE |
    |--:|--:|--:|--:|
    | 0 | 0.2000 | −1.6094 | 1.6094 |
    | 1 | 0.8000 | −0.2231 | 0.2231 |
    """
    p = float(y_hat)
    labels = (0.0, 1.0)
    likelihood = tuple(p**y * (1.0 - p) ** (1.0 - y) for y in labels)  # Bernoulli pmf
    bce = tuple(map(float, _bce_per_sample(np.array(labels), np.array([p, p]))))
    return BernoulliLikelihood(p, labels, likelihood, tuple(math.log(v) for v in likelihood), bce)


@dataclass(frozen=True)
class NotesBCEFormula:
    r"""The notes' compact loss :math:`-y\log f - (1 - y(1 - \log f))` next to the right one."""

    f: float
    labels: tuple[float, float]
    correct: tuple[float, float]
    notes_formula: tuple[float, float]
    notes_claim: tuple[float, float]

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (
            Col("$y$"),
            Col(r"đúng: $-y\ln f - (1-y)\ln(1-f)$", r"correct: $-y\ln f - (1-y)\ln(1-f)$"),
            Col(r"ghi chú: $-y\ln f - (1 - y(1-\ln f))$", r"notes: $-y\ln f - (1 - y(1-\ln f))$"),
            Col("ghi chú nói", "the notes claim"),
        )
        rows = [
            (given(y), fmt(c, digits), fmt(n, digits), fmt(k, digits))
            for y, c, n, k in zip(self.labels, self.correct, self.notes_formula, self.notes_claim, strict=True)
        ]
        return table(lang, columns, rows)


def notes_bce_formula(f: float = NOTES_F) -> NotesBCEFormula:
    r"""The notes' (004) compact form of the loss, evaluated as written, against the BCE.

    The notes write :math:`L = -y\log f - (1 - y(1 - \log f))` and claim it gives
    :math:`-\log f` for :math:`y = 1` and :math:`-(1 - \log f)` for :math:`y = 0`. As
    written it gives :math:`-2\log f` for :math:`y = 1` and the constant :math:`-1` for
    :math:`y = 0` (a negative loss that ignores :math:`f`); the claimed
    :math:`y = 0` case is wrong too. The right formula is

    .. math:: L = -y\log f - (1 - y)\log(1 - f)

    which gives :math:`-\log f` for :math:`y = 1` and :math:`-\log(1 - f)` for :math:`y = 0`.

    >>> print(notes_bce_formula().markdown("en"))
    | $y$ | correct: $-y\ln f - (1-y)\ln(1-f)$ | notes: $-y\ln f - (1 - y(1-\ln f))$ | the notes claim |
    |--:|--:|--:|--:|
    | 0 | 1.2040 | −1.0000 | −1.3567 |
    | 1 | 0.3567 | 0.7133 | 0.3567 |
    """
    f = float(f)
    labels = (0.0, 1.0)
    correct = tuple(map(float, _bce_per_sample(np.array(labels), np.array([f, f]))))
    log_f = math.log(f)
    notes = tuple(-y * log_f - (1.0 - y * (1.0 - log_f)) for y in labels)  # as printed in 004
    claim = (-(1.0 - log_f), -log_f)  # "Khi y=0: L=-(1-log(f))", "Khi y=1: L=-log(f)"
    return NotesBCEFormula(f, labels, correct, notes, claim)


@dataclass(frozen=True)
class EntropyExample:
    """Entropy of the basket :math:`(p, 1 - p)` in three units."""

    p: tuple[float, float]
    information_bits: tuple[float, float]
    bits: float
    nats: float
    hartleys: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (Col("cơ số của lôgarit", "log base"), Col("đơn vị", "unit", "l"), Col(r"$\mathbb{H}(X)$"))
        rows = [
            ("2", "bit", fmt(self.bits, digits)),
            ("$e$", "nat", fmt(self.nats, digits)),
            ("10", "hartley", fmt(self.hartleys, digits)),
        ]
        return table(lang, columns, rows)


def entropy_example(p: float = ENTROPY_P) -> EntropyExample:
    r"""The slides' basket: :math:`p(X = 0) = p`, :math:`p(X = 1) = 1 - p`,
    :math:`\mathbb{H}(X) = -p\log_2 p - (1 - p)\log_2(1 - p)` (in bits).

    The slides do not say which logarithm. Their second example, :math:`p = 0.5`, gives
    exactly 1 only in base 2 (bits), and in base 2 the first gives 0.468996, which rounds
    to 0.469 (the slides print 0.468, a truncation). The BCE of the lesson uses the
    natural log (nats).

    >>> r = entropy_example(0.9)
    >>> round(r.bits, 6), round(r.nats, 6)
    (0.468996, 0.325083)
    >>> print(r.markdown("en"))
    | log base | unit | $\mathbb{H}(X)$ |
    |--:|:--|--:|
    | 2 | bit | 0.4690 |
    | $e$ | nat | 0.3251 |
    | 10 | hartley | 0.1412 |
    >>> entropy_example(0.5).bits
    1.0
    """
    dist = (float(p), 1.0 - float(p))
    info = tuple(float(v) for v in _information(np.array(dist), base=2))
    return EntropyExample(dist, info, _entropy(dist, base=2), _entropy(dist, base=math.e), _entropy(dist, base=10))


@dataclass(frozen=True)
class ClippedVsLogits:
    r"""The BCE of a wrong, confident prediction computed from :math:`\hat y` (clipped) and from :math:`z`."""

    y: float
    z: tuple[float, ...]
    from_probabilities: tuple[float, ...]
    from_logits: tuple[float, ...]
    cap: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        columns = (Col("$z$"), Col("từ xác suất (kẹp)", "from probabilities (clipped)"), Col("từ logit", "from logits"))
        rows = [
            (fmt(z, 0), fmt(p, digits), fmt(q, digits))
            for z, p, q in zip(self.z, self.from_probabilities, self.from_logits, strict=True)
        ]
        return table(lang, columns, rows)


def clipped_vs_logits(z: Sequence[float] = (2.0, 10.0, 40.0, 1000.0), y: float = 0.0) -> ClippedVsLogits:
    r"""Label :math:`y = 0`, logit :math:`z`: :func:`lossbook.losses.bce_per_sample` of
    :math:`\sigma(z)` clips :math:`\hat y` to :math:`[\varepsilon, 1 - \varepsilon]` and stops at
    the cap :math:`-\ln\varepsilon`; :func:`lossbook.losses.bce_with_logits_per_sample`
    computes :math:`\log(1 + e^{z}) - yz` stably and keeps growing like :math:`z`.

    >>> r = clipped_vs_logits()
    >>> round(r.cap, 2), round(r.from_logits[-1], 1)
    (36.04, 1000.0)
    """
    zs = tuple(float(v) for v in z)
    return ClippedVsLogits(
        float(y),
        zs,
        tuple(float(_bce_per_sample([y], [_sigmoid(v)])[0]) for v in zs),
        tuple(float(_bce_with_logits_per_sample([y], [v])[0]) for v in zs),
        -math.log(_BCE_EPS),
    )


@dataclass(frozen=True)
class BCELogitGradient:
    r""":math:`\partial L/\partial z = \hat y - y` for the BCE in the logit, and a central difference."""

    z: float
    y: float
    y_hat: float
    analytic: float
    numerical: float

    def markdown(self, lang: str = "vi", digits: int = 6) -> str:
        return values_table(
            lang,
            [(r"$\hat y - y$", None, self.analytic), ("sai phân trung tâm", "central difference", self.numerical)],
            digits,
        )


def bce_logit_gradient(z: float = SGD_B + SGD_W * SGD_X, y: float = SGD_Y, h: float = 1e-6) -> BCELogitGradient:
    r"""The BCE as a function of the logit, :math:`L(z) = \log(1 + e^z) - yz`, has
    :math:`L'(z) = \sigma(z) - y = \hat y - y`; checked with
    :math:`\frac{L(z + h) - L(z - h)}{2h}` (:func:`lossbook.losses.bce_with_logits`).

    >>> r = bce_logit_gradient()
    >>> round(r.analytic, 6), round(r.numerical, 6)
    (0.490001, 0.490001)
    """
    z, y, h = float(z), float(y), float(h)
    s = float(_sigmoid(z))
    numerical = (_bce_with_logits([y], [z + h]) - _bce_with_logits([y], [z - h])) / (2 * h)
    return BCELogitGradient(z, y, s, s - y, float(numerical))


@dataclass(frozen=True)
class ConfidentWrong:
    r"""One confident, wrong prediction: squared error and BCE, and their gradients in :math:`z`."""

    y: float
    y_hat: float
    squared_error: float
    bce: float
    mse_gradient: float
    bce_gradient: float
    ratio: float

    def markdown(self, lang: str = "vi", digits: int = 4) -> str:
        return table(
            lang,
            (Col("hàm mất mát", "loss", "l"), Col("$L$"), Col(r"$\partial L/\partial z$")),
            [
                ("MSE", fmt(self.squared_error, digits), fmt(self.mse_gradient, digits)),
                ("BCE", fmt(self.bce, digits), fmt(self.bce_gradient, digits)),
            ],
        )


def confident_wrong(y_hat: float = CONFIDENT_WRONG_Y_HAT, y: float = 0.0) -> ConfidentWrong:
    r"""A sample of label ``y`` predicted ``y_hat``, :math:`\hat y = \sigma(z)`: the squared error
    :math:`(\hat y - y)^2` has :math:`\partial/\partial z = 2(\hat y - y)\,\hat y(1 - \hat y)`, the
    BCE :math:`-y\ln\hat y - (1 - y)\ln(1 - \hat y)` has :math:`\hat y - y`; ``ratio`` = BCE's / MSE's.

    >>> r = confident_wrong()
    >>> round(r.squared_error, 4), round(r.bce, 4), round(r.mse_gradient, 4), round(r.ratio)
    (0.9801, 4.6052, 0.0196, 51)
    """
    p, y = float(y_hat), float(y)
    mse_gradient = 2.0 * (p - y) * p * (1.0 - p)
    return ConfidentWrong(
        y, p, (p - y) ** 2, float(_bce_per_sample([y], [p])[0]), mse_gradient, p - y, (p - y) / mse_gradient
    )


# --- the spine: linear and logistic regression side by side ------------------------------


@dataclass(frozen=True)
class LinearVsLogistic:
    r"""Linear and logistic regression on the same data (two iris species, petal length and
    width, labels 0/1): the gradient of each mean loss at :math:`\theta = 0` from its own
    derivative and from the shared formula :math:`\frac1m X_b^\top(\hat y - y)`, and each
    fitted model's stationarity :math:`X_b^\top(\hat y - y) = 0` (so mean :math:`\hat y` = mean :math:`y`)."""

    names: tuple[str, ...]  #: the parameters, (b, w_1, w_2)
    half_mse_grad: tuple[float, ...]  #: half of lb.linear_mse_grad at theta = 0
    identity_grad: tuple[float, ...]  #: glm_gradient(link="identity") at theta = 0
    bce_grad: tuple[float, ...]  #: lb.bce_grad at theta = 0
    logit_grad: tuple[float, ...]  #: glm_gradient(link="logit") at theta = 0
    mean_y: float
    linear_mean_y_hat: float  #: at the least-squares fit
    logistic_mean_y_hat: float  #: at the BCE fit
    linear_stationarity: float  #: max_j |[X_b^T (y_hat - y)]_j| at the least-squares fit
    logistic_stationarity: float  #: the same at the BCE fit
    m: int

    def markdown(self, lang: str = "vi", digits: int = 6) -> str:
        columns = (
            Col("", "", "l"),
            Col(r"$\tfrac12\nabla\,$MSE", r"$\tfrac12\nabla\,$MSE"),
            Col(r"$\tfrac1m X_b^\top(\hat y - y)$, $\hat y = X_b\theta$"),
            Col(r"$\nabla\,$BCE"),
            Col(r"$\tfrac1m X_b^\top(\hat y - y)$, $\hat y = \sigma(X_b\theta)$"),
        )
        rows = [
            (f"${n}$", fmt(a, digits), fmt(b, digits), fmt(c, digits), fmt(d, digits))
            for n, a, b, c, d in zip(
                self.names, self.half_mse_grad, self.identity_grad, self.bce_grad, self.logit_grad, strict=True
            )
        ]
        return table(lang, columns, rows)


def linear_vs_logistic(pair: str = "versicolor-virginica") -> LinearVsLogistic:
    r"""The two models of the chapter's box on one data set: iris ``pair`` (overlapping
    classes, so the BCE has a minimiser), petal length and width.

    - At :math:`\theta = 0`: the gradient of half the MSE (half of
      :func:`lossbook.losses.linear_mse_grad`) equals :func:`lossbook.likelihood.glm_gradient`
      with the identity link, and the gradient of the mean BCE
      (:func:`lossbook.losses.bce_grad`) equals it with the logit link.
    - At each model's own fit (least squares by the normal equations; BCE by Newton's
      method): :math:`X_b^\top(\hat y - y) = 0`; its first row says
      :math:`\sum\hat y_i = \sum y_i`.

    >>> r = linear_vs_logistic()
    >>> r.m, r.mean_y
    (100, 0.5)
    >>> max(abs(a - b) for a, b in zip(r.half_mse_grad, r.identity_grad)) < 1e-12
    True
    >>> max(abs(a - b) for a, b in zip(r.bce_grad, r.logit_grad)) < 1e-12
    True
    >>> r.linear_stationarity < 1e-9, r.logistic_stationarity < 1e-9
    (True, True)
    >>> round(r.logistic_mean_y_hat, 6), round(r.linear_mean_y_hat, 6)
    (0.5, 0.5)
    """
    data = _datasets.iris_binary(pair)
    X, y = data.X, data.y
    zero = np.zeros(X.shape[1] + 1)
    theta_ls = _normal_equations(X, y)
    fit = _LogisticRegression(tol=1e-18).fit(X, y)  # Newton to the last digits
    theta_bce = np.concatenate([[fit.intercept_], fit.coef_])
    m = X.shape[0]

    def stationarity(theta: np.ndarray, link: str) -> tuple[float, float]:
        y_hat = _glm_predict(X, theta, link)
        return float(np.max(np.abs(m * _glm_gradient(X, y, theta, link)))), float(y_hat.mean())

    lin_stat, lin_mean = stationarity(theta_ls, "identity")
    log_stat, log_mean = stationarity(theta_bce, "logit")
    return LinearVsLogistic(
        ("b", *(f"w_{j + 1}" for j in range(X.shape[1]))),
        tuple(float(v) / 2 for v in _linear_mse_grad(X, y, zero)),
        tuple(map(float, _glm_gradient(X, y, zero, "identity"))),
        tuple(map(float, _bce_grad(X, y, zero))),
        tuple(map(float, _glm_gradient(X, y, zero, "logit"))),
        float(y.mean()),
        lin_mean,
        log_mean,
        lin_stat,
        log_stat,
        int(m),
    )
