r"""L2 regularisation as a Gaussian prior (maximum a posteriori, MAP).

Model :math:`Y_i \mid x_i \sim \operatorname{Bernoulli}(\sigma(\theta^\top x_b^{(i)}))`,
independent, and a prior :math:`w \sim \mathcal N(0, \tau^2 I_n)` on the weights (a flat
prior on the bias :math:`b`). By Bayes, :math:`p(\theta \mid \text{data}) \propto
p(\text{data} \mid \theta)\,p(\theta)`, so

.. math::

   -\ln p(\theta \mid \text{data}) = m\,J(\theta) + \frac{\lVert w\rVert^2}{2\tau^2} + \text{const}
                                   = m\Big[J(\theta) + \frac{\mu}{2}\lVert w\rVert^2\Big] + \text{const},
   \qquad \mu = \frac{1}{m\tau^2},

with :math:`J` the mean BCE: the MAP estimate is the minimiser of the L2-penalised mean
BCE, and a stronger penalty is a narrower prior, :math:`\tau^2 = 1/(m\mu)`.
"""

from __future__ import annotations

import math
from typing import Any

from ._kernels import add_bias, bce_from_logits
from ._validation import check_count, check_design_matrix, check_labels, check_positive, check_theta

__all__ = ["prior_variance", "neg_log_posterior"]


def prior_variance(mu: float, m: int) -> float:
    r"""The Gaussian prior's variance :math:`\tau^2 = 1/(m\mu)` matching the penalty
    :math:`\frac{\mu}{2}\lVert w\rVert^2` on the mean loss of ``m`` samples.

    >>> prior_variance(0.01, 100)
    1.0
    >>> prior_variance(0.0, 100)
    Traceback (most recent call last):
    ...
    ValueError: mu must be > 0; got 0.0
    """
    return 1.0 / (check_count("m", m, minimum=1) * check_positive("mu", mu))


def neg_log_posterior(X: Any, y: Any, theta: Any, tau2: float) -> float:
    r""":math:`-\ln p(\text{data} \mid \theta) - \ln \mathcal N(w; 0, \tau^2 I)`, written from the
    densities (the Bernoulli log-likelihood and the Gaussian log-density, its
    :math:`\frac n2\ln(2\pi\tau^2)` included), up to the flat prior on :math:`b`.

    >>> import math
    >>> X, y = [[1.0], [2.0], [3.0]], [0, 1, 1]
    >>> round(neg_log_posterior(X, y, [0.0, 0.0], 1.0) - 3 * math.log(2) - 0.5 * math.log(2 * math.pi), 12)
    0.0
    """
    X_arr = check_design_matrix("X", X)
    y_arr = check_labels("y", y)
    theta_arr = check_theta("theta", theta, X_arr.shape[1])
    tau2 = check_positive("tau2", tau2)
    nll = float(bce_from_logits(y_arr, add_bias(X_arr) @ theta_arr).sum())  # -ln p(data | theta)
    w = theta_arr[1:]
    log_prior = -0.5 * float(w @ w) / tau2 - 0.5 * len(w) * math.log(2 * math.pi * tau2)
    return nll - log_prior
