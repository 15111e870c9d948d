r"""Chapter 13 (``docs/13-where-next.md``): where logistic regression leads.

Newton on the BCE is IRLS (:mod:`lossbook.irls`), minibatch SGD
(:func:`lossbook.optim.minibatch_gd`), L2 as a Gaussian prior (:mod:`lossbook.prior`),
softmax regression (:mod:`lossbook.softmax`), and why a hard threshold cannot be trained
by gradients. Each function returns the chapter's worked numbers.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from .. import datasets as _datasets
from ..activations import sigmoid as _sigmoid
from ..irls import irls_step as _irls_step
from ..losses import add_bias as _add_bias
from ..optim import minibatch_gd as _minibatch_gd
from ..optim import newton as _newton
from ..prior import neg_log_posterior as _neg_log_posterior
from ..prior import prior_variance as _prior_variance
from ..regularised import fit_l2 as _fit_l2
from ..regularised import penalised_bce as _penalised_bce
from ..softmax import categorical_cross_entropy as _categorical_cross_entropy
from ..softmax import fit_softmax as _fit_softmax
from ..softmax import softmax as _softmax
from ..text import fmt, sci, tr
from ._given import PRIOR_MUS, SOFTMAX_MU
from ._table import Col, table

__all__ = ["irls_vs_newton", "minibatch_comparison", "gaussian_prior", "softmax_iris", "hard_threshold"]


def _standardised(X: np.ndarray) -> np.ndarray:
    return (X - X.mean(axis=0)) / X.std(axis=0)


@dataclass(frozen=True)
class IRLSvsNewton:
    """Newton's iterates on the tumour radii, and at each the gap between the Newton step
    and the weighted least-squares (IRLS) step."""

    m: int
    b: tuple[float, ...]
    w: tuple[float, ...]
    step_diff: tuple[float, ...]
    max_step_diff: float

    def markdown(self, lang: str = "vi") -> str:
        columns = (
            Col("lần lặp $k$", "iteration $k$"),
            Col("$b_k$"),
            Col("$w_k$"),
            Col(r"$\max_j \lvert \text{Newton}_j - \text{WLS}_j\rvert$"),
        )
        rows = [
            (str(k), fmt(b, 4), fmt(w, 4), sci(d, 0) if d else "$0$")
            for k, (b, w, d) in enumerate(zip(self.b, self.w, self.step_diff, strict=True))
        ]
        return table(lang, columns, rows)


@functools.cache
def irls_vs_newton() -> IRLSvsNewton:
    r"""Newton's method on :func:`lossbook.datasets.tumour_sizes` (raw radius), and at every
    iterate the same step as a weighted least-squares solve: weights :math:`s_i`, working
    response :math:`z_i + (y_i - \hat y_i)/s_i`. The two agree to rounding.

    >>> r = irls_vs_newton()
    >>> r.m, len(r.b), r.max_step_diff < 1e-10, round(r.b[-1], 4), round(r.w[-1], 4)
    (569, 7, True, -15.2459, 1.0336)
    """
    d = _datasets.tumour_sizes()
    h = _newton(d.X, d.y)
    diffs = [_irls_step(d.X, d.y, theta).max_abs_diff for theta in h.params]
    return IRLSvsNewton(
        d.m,
        tuple(float(v) for v in h.params[:, 0]),
        tuple(float(v) for v in h.params[:, 1]),
        tuple(float(v) for v in diffs),
        float(max(diffs)),
    )


@dataclass(frozen=True)
class MinibatchComparison:
    """Minibatch SGD with the same η and the same number of epochs, for several batch sizes."""

    m: int
    eta: float
    epochs: int
    batch_sizes: tuple[int, ...]
    updates: tuple[int, ...]
    gap: tuple[float, ...]

    def markdown(self, lang: str = "vi") -> str:
        columns = (
            Col("cỡ lô $B$", "batch size $B$"),
            Col("số lần cập nhật", "updates"),
            Col("$J - J^*$"),
        )
        rows = [(str(b), str(u), sci(g)) for b, u, g in zip(self.batch_sizes, self.updates, self.gap, strict=True)]
        return table(lang, columns, rows)


@functools.cache
def minibatch_comparison(
    batch_sizes: tuple[int, ...] = (1, 10, 100, 569), eta: float = 0.5, epochs: int = 20
) -> MinibatchComparison:
    r"""Minibatch SGD, gradient :math:`\frac1B X_B^\top(\hat{\mathbf y}_B - \mathbf y_B)` on a batch
    of :math:`B` samples, on the standardised tumour radii from :math:`\theta = 0`, seed 0: the
    gap to the optimum after ``epochs`` passes. :math:`B = 1` is SGD, :math:`B = m` full-batch GD.

    >>> r = minibatch_comparison()
    >>> r.updates
    (11380, 1140, 120, 20)
    >>> r.gap[1] < r.gap[2] < r.gap[0] < r.gap[3]
    True
    """
    d = _datasets.tumour_sizes()
    X = _standardised(d.X)
    best = float(_newton(X, d.y).loss[-1])
    runs = [_minibatch_gd(X, d.y, [0.0, 0.0], lr=eta, epochs=epochs, batch_size=b, seed=0) for b in batch_sizes]
    return MinibatchComparison(
        d.m,
        float(eta),
        int(epochs),
        tuple(int(b) for b in batch_sizes),
        tuple(int(h.steps) for h in runs),
        tuple(float(h.loss[-1] - best) for h in runs),
    )


@dataclass(frozen=True)
class GaussianPrior:
    """MAP with a Gaussian prior on the standardised tumour radius, for several μ."""

    m: int
    mus: tuple[float, ...]
    tau2: tuple[float, ...]
    b: tuple[float, ...]
    w: tuple[float, ...]
    w_mle: float
    b_mle: float
    posterior_check: float

    def markdown(self, lang: str = "vi") -> str:
        columns = (Col(r"$\mu$"), Col(r"$\tau^2 = 1/(m\mu)$"), Col("$b$"), Col("$w$"))
        rows = [(tr(lang, "0 (hợp lý cực đại)", "0 (maximum likelihood)"), "∞", fmt(self.b_mle, 4), fmt(self.w_mle, 4))]
        rows += [
            (fmt(mu, 2), fmt(t2, 4), fmt(b, 4), fmt(w, 4))
            for mu, t2, b, w in zip(self.mus, self.tau2, self.b, self.w, strict=True)
        ]
        return table(lang, columns, rows)


@functools.cache
def gaussian_prior(mus: tuple[float, ...] = PRIOR_MUS) -> GaussianPrior:
    r"""The MAP estimate :math:`\arg\min\, J(\theta) + \frac{\mu}{2}w^2` on the standardised
    tumour radius, with the prior variance :math:`\tau^2 = 1/(m\mu)`.

    ``posterior_check``: the difference of :math:`-\ln p(\theta \mid \text{data})` (written
    from the Bernoulli and Gaussian densities) between the MAP and the maximum-likelihood
    estimates, minus :math:`m` times the difference of the penalised mean loss, in absolute
    value; 0 up to rounding, since the two differ by a constant.

    >>> r = gaussian_prior()
    >>> [round(t, 4) for t in r.tau2], [round(w, 4) for w in r.w], round(r.w_mle, 4)
    ([0.1757, 0.0176, 0.0018], [2.5831, 1.2098, 0.2856], 3.6392)
    >>> r.posterior_check < 1e-9
    True
    """
    d = _datasets.tumour_sizes()
    X = _standardised(d.X)
    mle = _newton(X, d.y).final
    fits = [_fit_l2(X, d.y, mu).theta for mu in mus]
    tau2 = [_prior_variance(mu, d.m) for mu in mus]
    mu0, fit0, t0 = mus[0], fits[0], tau2[0]
    check = (_neg_log_posterior(X, d.y, fit0, t0) - _neg_log_posterior(X, d.y, mle, t0)) - d.m * (
        _penalised_bce(X, d.y, fit0, mu0) - _penalised_bce(X, d.y, mle, mu0)
    )
    return GaussianPrior(
        d.m,
        tuple(float(mu) for mu in mus),
        tuple(float(t) for t in tau2),
        tuple(float(f[0]) for f in fits),
        tuple(float(f[1]) for f in fits),
        float(mle[1]),
        float(mle[0]),
        float(abs(check)),
    )


@dataclass(frozen=True)
class SoftmaxIris:
    """Softmax regression on the three iris species (petal length and width, standardised)."""

    z: float
    two_class_diff: float
    m: int
    classes: int
    mu: float
    loss_at_zero: float
    loss: float
    accuracy: float
    grad_norm: float

    def markdown(self, lang: str = "vi") -> str:
        rows = [
            (r"$J(\Theta = 0) = \ln 3$", fmt(self.loss_at_zero, 4)),
            (tr(lang, "$J$ tại nghiệm", "$J$ at the solution"), fmt(self.loss, 4)),
            (tr(lang, "tỉ lệ đúng trên tập huấn luyện", "training accuracy"), fmt(self.accuracy, 4)),
            (tr(lang, "chuẩn của gradient", "gradient norm"), sci(self.grad_norm, 0)),
        ]
        return table(lang, (Col("đại lượng", "quantity", "l"), Col("giá trị", "value")), rows)


@functools.cache
def softmax_iris(z: float = 1.7, mu: float = SOFTMAX_MU) -> SoftmaxIris:
    r"""Two checks of softmax regression: :math:`\operatorname{softmax}([z, 0])_0 = \sigma(z)`,
    and a fit on iris (3 classes, :math:`\frac{\mu}{2}\lVert W\rVert^2` penalty: setosa is
    linearly separable from the others, so without it there is no minimiser).

    >>> r = softmax_iris()
    >>> r.two_class_diff < 1e-15, r.classes, round(r.loss_at_zero, 4), round(r.accuracy, 4)
    (True, 3, 1.0986, 0.9533)
    >>> round(r.loss, 4), r.grad_norm < 1e-10
    (0.178, True)
    """
    ds = _datasets.iris()
    X = _standardised(ds.X[:, 2:4])
    K = int(ds.y.max()) + 1
    fit = _fit_softmax(X, ds.y, K=K, mu=mu, lr=1.0, steps=3000)
    return SoftmaxIris(
        float(z),
        float(abs(_softmax([z, 0.0])[0] - _sigmoid(z))),
        int(ds.m),
        K,
        float(mu),
        _categorical_cross_entropy(X, ds.y, np.zeros((3, K))),
        fit.loss,
        fit.accuracy,
        fit.grad_norm,
    )


@dataclass(frozen=True)
class HardThreshold:
    """The error rate of the threshold rule ``z > 0`` and its finite-difference gradient,
    against the BCE's gradient, at the BCE's optimum moved by a small step."""

    h: float
    error_rate: float
    error_grad: tuple[float, ...]
    bce_grad: tuple[float, ...]

    def markdown(self, lang: str = "vi") -> str:
        error = tr(lang, "tỉ lệ sai (ngưỡng cứng)", "error rate (hard threshold)")
        rows = [
            (error, fmt(self.error_rate, 4), *(fmt(g, 4) for g in self.error_grad)),
            ("BCE", "", *(fmt(g, 4) for g in self.bce_grad)),
        ]
        columns = (
            Col("", "", "l"),
            Col("giá trị", "value"),
            Col(r"$\partial/\partial b$"),
            Col(r"$\partial/\partial w$"),
        )
        return table(lang, columns, rows)


@functools.cache
def hard_threshold(h: float = 1e-4) -> HardThreshold:
    r"""On the standardised tumour radius at :math:`\theta = (0, 1)`: the error rate of the
    rule ":math:`\hat y = 1` if :math:`z > 0`" has central-difference gradient 0 (no sample
    crosses the boundary), while the BCE's gradient :math:`\frac1m X_b^\top(\hat{\mathbf y} - \mathbf y)`
    points somewhere.

    >>> r = hard_threshold()
    >>> r.error_grad, round(r.error_rate, 4)
    ((0.0, 0.0), 0.1371)
    >>> all(abs(g) > 0.01 for g in r.bce_grad)
    True
    """
    d = _datasets.tumour_sizes()
    Xb = _add_bias(_standardised(d.X))
    theta = np.array([0.0, 1.0])

    def errors(t: np.ndarray) -> float:
        return float(np.mean((Xb @ t > 0) != (d.y == 1)))

    grad = []
    for j in range(2):
        e = np.zeros(2)
        e[j] = h
        grad.append((errors(theta + e) - errors(theta - e)) / (2 * h))
    bce = Xb.T @ (_sigmoid(Xb @ theta) - d.y) / d.m
    return HardThreshold(float(h), errors(theta), tuple(float(g) for g in grad), tuple(float(g) for g in bce))
