r"""Information, entropy and cross-entropy (chapter: BCE from entropy).

The lesson's path: surprise :math:`1/p(E)` → its logarithm, the information
:math:`-\log p(x)` → its average, the entropy :math:`H(X)` → the average information of
:math:`p` measured with the code of :math:`q`, the cross-entropy :math:`H(p, q)` → for two
outcomes with :math:`p = (1 - y, y)` and :math:`q = (1 - \hat y, \hat y)`, the binary
cross-entropy of logistic regression.

The base of the logarithm is the unit: ``base=2`` gives bits (the default here, the
unit in which a fair coin carries exactly 1), ``base=math.e`` gives nats (the unit of
:func:`lossbook.losses.bce_loss`), ``base=10`` gives hartleys. Convention:
:math:`0 \log 0 = 0` (the limit of :math:`p\log p` as :math:`p \to 0`).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ._validation import check_positive, check_probabilities, check_same_length, scalar_or_array

__all__ = ["information", "entropy", "cross_entropy", "kl_divergence", "binary_entropy"]

#: Tolerance on :math:`\sum_x p(x) = 1` (distributions typed as decimals, e.g. 0.1 + 0.2 + 0.7,
#: do not sum to exactly 1 in float64; 1e-9 accepts that and still rejects a wrong table).
SUM_TOLERANCE = 1e-9


def _check_base(base: Any) -> float:
    base = check_positive("base", base)
    if base == 1.0:
        raise ValueError("base must be a positive number other than 1 (2 for bits, math.e for nats); got 1.0")
    return base


def _check_distribution(name: str, p: Any) -> np.ndarray:
    arr = check_probabilities(name, p, ndim=1)
    total = float(arr.sum())
    if abs(total - 1.0) > SUM_TOLERANCE:
        raise ValueError(f"{name} must be a probability distribution summing to 1; got sum {total!r}")
    return arr


def _xlogy(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """x * log(y) with 0 * log(anything) = 0, and x * log(0) = -inf for x > 0, no warning."""
    with np.errstate(divide="ignore"):
        log_y = np.log(np.where(x > 0, y, 1.0))
    return np.where(x > 0, x * log_y, 0.0)


def information(p: Any, base: float = 2) -> Any:
    r"""Information (surprise) of an outcome of probability ``p``.

    .. math:: I(x) = -\log_b p(x)

    Rare outcomes carry more information; a certain one carries none; an impossible one
    (:math:`p = 0`) would carry infinitely much and gives ``inf``.

    Domain: ``p`` in [0, 1] (scalar or array); ``base`` > 0, not 1.

    >>> information(0.9), information(0.1)  # the slides' red and blue balls, in bits
    (0.152003, 3.321928)
    >>> information(0.5)
    1.0
    """
    base = _check_base(base)
    p_arr = check_probabilities("p", p, ndim=None, allow_empty=True)
    with np.errstate(divide="ignore"):
        value = -np.log(p_arr) / math.log(base)
    return scalar_or_array(value + 0.0, p)  # + 0.0 turns -0.0 (p = 1) into 0.0


def entropy(p: Any, base: float = 2) -> float:
    r"""Entropy of a discrete distribution: the average information.

    .. math:: H(X) = -\sum_{x} p(x)\log_b p(x), \qquad 0\log 0 = 0

    Domain: ``p`` a 1-D array of probabilities summing to 1; ``base`` > 0, not 1.

    Examples
    --------
    The slides' basket, 9 red balls and 1 blue. The slides write
    :math:`H = -0.9\log 0.9 - 0.1\log 0.1 = 0.468` without a base; recomputed, the value
    is 0.46900 bits (base 2, so 0.468 is a truncation, not a rounding), 0.32508 nats
    (base e) and 0.14118 in base 10:

    >>> entropy([0.9, 0.1]), entropy([0.9, 0.1], base=math.e), entropy([0.9, 0.1], base=10)
    (0.468996, 0.325083, 0.141182)

    A fair coin carries exactly one bit; a certain outcome none:

    >>> entropy([0.5, 0.5])
    1.0
    >>> entropy([1.0, 0.0])
    0.0
    """
    base = _check_base(base)
    p_arr = _check_distribution("p", p)
    return float(-_xlogy(p_arr, p_arr).sum() / math.log(base)) + 0.0


def cross_entropy(p: Any, q: Any, base: float = 2) -> float:
    r"""Cross-entropy of ``q`` relative to ``p``: the average information of outcomes drawn
    from :math:`p` when their probabilities are believed to be :math:`q`.

    .. math:: H(p, q) = -\sum_x p(x)\log_b q(x) \;\ge\; H(p)

    with equality iff :math:`q = p`. Terms with :math:`p(x) = 0` count 0; if
    :math:`q(x) = 0` where :math:`p(x) > 0` the result is ``inf``.

    Domain: ``p`` and ``q`` 1-D distributions of the same length; ``base`` > 0, not 1.

    Examples
    --------
    Binary cross-entropy *is* this with :math:`p = (1 - y, y)` and
    :math:`q = (1 - \hat y, \hat y)`, in nats. The lesson's sample
    :math:`y = 0`, :math:`\hat y = 0.49`:

    >>> round(cross_entropy([1.0, 0.0], [0.51, 0.49], base=math.e), 4)
    0.6733

    >>> cross_entropy([0.5, 0.5], [0.9, 0.1]) > entropy([0.5, 0.5])
    True
    """
    base = _check_base(base)
    p_arr = _check_distribution("p", p)
    q_arr = _check_distribution("q", q)
    check_same_length("p", p_arr, "q", q_arr)
    return float(-_xlogy(p_arr, q_arr).sum() / math.log(base)) + 0.0


def kl_divergence(p: Any, q: Any, base: float = 2) -> float:
    r"""Kullback-Leibler divergence, the excess of the cross-entropy over the entropy.

    .. math:: D_{KL}(p\,\|\,q) = H(p, q) - H(p) = \sum_x p(x)\log_b\frac{p(x)}{q(x)} \;\ge 0

    With one-hot labels :math:`H(p) = 0`, so minimising the BCE and minimising the KL
    divergence are the same thing.

    >>> kl_divergence([0.9, 0.1], [0.9, 0.1])
    0.0
    >>> round(kl_divergence([0.5, 0.5], [0.9, 0.1]), 6)
    0.736966
    """
    base = _check_base(base)
    p_arr = _check_distribution("p", p)
    q_arr = _check_distribution("q", q)
    check_same_length("p", p_arr, "q", q_arr)
    with np.errstate(divide="ignore"):
        value = (_xlogy(p_arr, p_arr) - _xlogy(p_arr, q_arr)).sum() / math.log(base)
    return max(float(value), 0.0)  # rounding may give -1e-17 for q = p


def binary_entropy(p: Any, base: float = 2) -> Any:
    r"""Entropy of a two-outcome distribution :math:`(p, 1 - p)`.

    .. math:: H_b(p) = -p\log_b p - (1 - p)\log_b(1 - p)

    Maximal (1 bit) at :math:`p = 1/2`, zero at :math:`p \in \{0, 1\}`. It is also the
    smallest possible BCE for a soft target :math:`p`.

    Domain: ``p`` in [0, 1] (scalar or array); ``base`` > 0, not 1.

    >>> binary_entropy(0.5), binary_entropy(0.1), binary_entropy(0.0)
    (1.0, 0.468996, 0.0)
    >>> binary_entropy(np.array([0.1, 0.9]), base=math.e)
    array([0.325083, 0.325083])
    """
    base = _check_base(base)
    p_arr = check_probabilities("p", p, ndim=None, allow_empty=True)
    q_arr = 1.0 - p_arr
    # (1 - p) log(1 - p) with log1p(-p): for small p, 1 - p has already lost the low digits
    # of p and log(1 - p) would inherit that; log1p(-p) keeps them. 0 log 0 = 0 at p = 1.
    with np.errstate(divide="ignore"):
        q_log_q = np.where(q_arr > 0, q_arr * np.log1p(-np.where(q_arr > 0, p_arr, 0.0)), 0.0)
    value = -(_xlogy(p_arr, p_arr) + q_log_q) / math.log(base)
    return scalar_or_array(value + 0.0, p)
