r"""The loss over a (w, b) grid, for the figures and the interactive explorer
(chapters: sigmoid + MSE, binary cross-entropy).

Also importable from :mod:`lossbook.losses`.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np

from ._kernels import bce_from_logits, sigmoid
from ._validation import as_float_array, check_labels, check_vector_pair

__all__ = ["loss_landscape"]


def loss_landscape(x: Any, y: Any, w_grid: Any, b_grid: Any, loss: Literal["bce", "mse"] = "bce") -> np.ndarray:
    r"""Mean loss of :math:`\hat y = \sigma(w x + b)` at every point of a (w, b) grid.

    .. math::

        L_{jk} = \frac{1}{m}\sum_{i=1}^m \ell\bigl(y_i,\; b_j + w_k x_i\bigr),
        \qquad \ell = \text{BCE (from logits)} \ \text{or}\ (\sigma(z) - y)^2

    Vectorised: the logits of every grid point and sample form one array of shape
    ``(len(b_grid), len(w_grid), m)`` (memory: 8 bytes per entry), averaged over the
    last axis. No Python loop.

    Parameters
    ----------
    x : array_like, shape (m,)
        One feature.
    y : array_like, shape (m,)
        Labels in {0, 1}.
    w_grid, b_grid : array_like, 1-D
        Grid values of the weight and the bias.
    loss : {"bce", "mse"}
        Binary cross-entropy, or squared error of the sigmoid output.

    Returns
    -------
    numpy.ndarray, shape (len(b_grid), len(w_grid))
        Rows follow ``b``, columns follow ``w`` (``plt.contour(w_grid, b_grid, L)``).

    Examples
    --------
    >>> L = loss_landscape([1.4], [0], w_grid=[-0.1, 0.0], b_grid=[0.1, 0.2, 0.3])
    >>> L.shape, round(float(L[0, 0]), 4)
    ((3, 2), 0.6733)
    """
    x_arr, y_arr = check_vector_pair("x", x, "y", y)
    check_labels("y", y_arr)
    w = as_float_array("w_grid", w_grid, ndim=1)
    b = as_float_array("b_grid", b_grid, ndim=1)
    z = b[:, None, None] + w[None, :, None] * x_arr[None, None, :]
    if loss == "bce":
        per_sample = bce_from_logits(y_arr, z)
    elif loss == "mse":
        per_sample = (sigmoid(z) - y_arr) ** 2
    else:
        raise ValueError(f"loss must be 'bce' or 'mse'; got {loss!r}")
    return per_sample.mean(axis=-1)
