r"""Scoring a probability forecast: the Brier score and the log-loss are both proper (chapter 7).

A forecast :math:`q` for an event :math:`Y \sim \text{Bernoulli}(p)` is scored by its
expected loss. Both

.. math::

    \mathbb E\bigl[(q - Y)^2\bigr] = p(1 - q)^2 + (1 - p)q^2 = (q - p)^2 + p(1 - p)

(the **Brier score**, squared error on a probability) and

.. math::

    \mathbb E\bigl[-Y\ln q - (1 - Y)\ln(1 - q)\bigr] = -p\ln q - (1 - p)\ln(1 - q)

(the log-loss, BCE) are smallest at :math:`q = p` and only there: both are **strictly proper
scoring rules**. Squared error on probabilities is not a wrong measure; the case against
MSE is about *training a sigmoid model* with it.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._validation import check_probabilities

__all__ = ["expected_squared_error", "expected_log_loss"]


def _pair(p: Any, q: Any, *, open_q: bool) -> tuple[np.ndarray, np.ndarray]:
    p_arr = check_probabilities("p", p, ndim=None)
    q_arr = check_probabilities("q", q, ndim=None, open_interval=open_q)
    if p_arr.ndim and q_arr.ndim and p_arr.shape != q_arr.shape:
        raise ValueError(f"p and q must be scalars or arrays of one common shape; got {p_arr.shape} and {q_arr.shape}")
    return p_arr, q_arr


def expected_squared_error(p: Any, q: Any) -> Any:
    r"""The expected Brier score of the forecast ``q`` when :math:`Y \sim \text{Bernoulli}(p)`.

    .. math:: \mathbb E\bigl[(q - Y)^2\bigr] = p(1 - q)^2 + (1 - p)q^2 = (q - p)^2 + p(1 - p)

    >>> [round(expected_squared_error(0.3, q), 4) for q in (0.1, 0.3, 0.5)]
    [0.25, 0.21, 0.25]
    >>> expected_squared_error(1.2, 0.5)
    Traceback (most recent call last):
    ...
    ValueError: p must contain probabilities in [0, 1]; got 1.2
    """
    p_arr, q_arr = _pair(p, q, open_q=False)
    value = p_arr * (1.0 - q_arr) ** 2 + (1.0 - p_arr) * q_arr**2
    return float(value) if p_arr.ndim == q_arr.ndim == 0 else value


def expected_log_loss(p: Any, q: Any) -> Any:
    r"""The expected log-loss (BCE) of the forecast ``q`` when :math:`Y \sim \text{Bernoulli}(p)`.

    .. math:: \mathbb E\bigl[-Y\ln q - (1 - Y)\ln(1 - q)\bigr] = -p\ln q - (1 - p)\ln(1 - q)

    ``q`` must lie in :math:`(0, 1)` (the loss is infinite at the ends).

    >>> [round(expected_log_loss(0.3, q), 4) for q in (0.1, 0.3, 0.5)]
    [0.7645, 0.6109, 0.6931]
    >>> expected_log_loss(0.3, 1.0)
    Traceback (most recent call last):
    ...
    ValueError: q must contain probabilities in (0, 1); got 1.0
    """
    p_arr, q_arr = _pair(p, q, open_q=True)
    value = -p_arr * np.log(q_arr) - (1.0 - p_arr) * np.log1p(-q_arr)
    return float(value) if p_arr.ndim == q_arr.ndim == 0 else value
