"""Boundary checks shared by every public function of :mod:`lossbook`.

Each public function converts and checks its arguments here, once, then works with plain
NumPy inside. Every message names the argument, says what was expected and what was
received, and, where there is one, the usual fix::

    y_true must be a 1-D array of shape (m,); got shape (4, 1). Pass y_true.ravel() if it
    is a column vector.

The rule that matters most: a column vector ``(m, 1)`` never meets a ``(m,)`` vector
silently. ``(m, 1) - (m,)`` broadcasts to an ``(m, m)`` matrix in NumPy, and the mean of
that matrix is a number that looks plausible and is wrong.

Errors are ``ValueError`` for a wrong value or shape, ``TypeError`` for something that is
not a real number at all (strings, ``None``, complex numbers).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

__all__ = [
    "as_float_array",
    "check_labels",
    "check_probabilities",
    "check_same_length",
    "check_design_matrix",
    "check_theta",
    "check_positive",
    "check_finite_scalar",
    "check_count",
    "check_choice",
    "check_vector_pair",
    "scalar_or_array",
    "read_only",
]

_NUMERIC_KINDS = "biuf"  # bool, signed int, unsigned int, float: all convert to float64 exactly enough


def _describe(a: np.ndarray) -> str:
    """'shape (4, 1)' or 'a scalar (0-D)', for messages."""
    return "a scalar (0-D)" if a.ndim == 0 else f"shape {a.shape}"


def _first_bad(mask: np.ndarray, a: np.ndarray, limit: int = 3) -> str:
    """'nan at index 2' or '0.5 at index 1, 2.0 at index 4, ...' for messages."""
    idx = np.argwhere(mask)
    parts = []
    for i in idx[:limit]:
        where = int(i[0]) if len(i) == 1 else tuple(int(k) for k in i)
        parts.append(f"{float(a[tuple(i)])!r} at index {where}")
    more = f" ({len(idx)} values in all)" if len(idx) > limit else ""
    return ", ".join(parts) + more


def as_float_array(name: str, a: Any, *, ndim: int | None = 1, allow_empty: bool = False) -> np.ndarray:
    """Convert ``a`` to a float64 array and check shape, emptiness and finiteness.

    Parameters
    ----------
    name : str
        The argument's name, used in messages (``"y_true"``, ``"X"``...).
    a : array_like
        Real numbers (bool and int are accepted and converted).
    ndim : {1, 2, None}
        ``1``: a vector of shape ``(m,)``; ``2``: a matrix of shape ``(m, n)``;
        ``None``: any shape, scalars included (element-wise functions).
    allow_empty : bool
        Whether an array with no element is acceptable.

    Returns
    -------
    numpy.ndarray
        float64, never a view with a different shape than ``a``.

    Raises
    ------
    TypeError
        ``a`` is not made of real numbers.
    ValueError
        Wrong number of dimensions, empty, ragged, NaN or infinite values.

    Examples
    --------
    >>> as_float_array("y_true", [0, 1, 1])
    array([0., 1., 1.])
    >>> as_float_array("y_true", np.zeros((4, 1)))
    Traceback (most recent call last):
    ...
    ValueError: y_true must be a 1-D array of shape (m,); got shape (4, 1). Pass y_true.ravel() if it is a column vector.
    """
    if a is None or isinstance(a, (str, bytes)):
        raise TypeError(f"{name} must be an array of real numbers; got {type(a).__name__}")
    try:
        arr = np.asarray(a)
    except ValueError as exc:  # ragged nested lists
        raise ValueError(f"{name} must be a rectangular array of real numbers; got a ragged sequence ({exc})") from None
    if arr.dtype.kind not in _NUMERIC_KINDS:
        raise TypeError(f"{name} must be an array of real numbers; got dtype {arr.dtype}")
    arr = arr.astype(np.float64, copy=False)

    if ndim == 1 and arr.ndim != 1:
        hint = ""
        if arr.ndim == 2 and arr.shape[1] == 1:
            hint = f" Pass {name}.ravel() if it is a column vector."
        elif arr.ndim == 0:
            hint = " Wrap a single value in a list: [value]."
        raise ValueError(f"{name} must be a 1-D array of shape (m,); got {_describe(arr)}.{hint}")
    if ndim == 2 and arr.ndim != 2:
        hint = f" Pass {name}.reshape(-1, 1) if it holds a single feature." if arr.ndim == 1 else ""
        raise ValueError(f"{name} must be a 2-D array of shape (m, n); got {_describe(arr)}.{hint}")
    if ndim not in (1, 2, None):
        raise ValueError(f"ndim must be 1, 2 or None; got {ndim!r}")

    if arr.size == 0 and not allow_empty:
        raise ValueError(f"{name} must not be empty; got {_describe(arr)}")
    if not np.isfinite(arr).all():  # one pass and one boolean array on the usual, clean path
        bad = ~np.isfinite(arr)
        if arr.ndim == 0:
            raise ValueError(f"{name} must be a finite number; got {float(arr)!r}")
        raise ValueError(f"{name} must contain only finite numbers; got {_first_bad(bad, arr)}")
    return arr


def check_labels(name: str, y: Any, *, ndim: int | None = 1, allow_empty: bool = False) -> np.ndarray:
    """``y`` as a float64 array whose values are all 0 or 1.

    >>> check_labels("y_true", [0, 1, True])
    array([0., 1., 1.])
    >>> check_labels("y_true", [0, 0.5, 1])
    Traceback (most recent call last):
    ...
    ValueError: y_true must contain only the labels 0 and 1; got 0.5 at index 1
    """
    arr = as_float_array(name, y, ndim=ndim, allow_empty=allow_empty)
    bad = (arr != 0.0) & (arr != 1.0)
    if bad.any():
        raise ValueError(f"{name} must contain only the labels 0 and 1; got {_first_bad(bad, arr)}")
    return arr


def check_probabilities(
    name: str, p: Any, *, ndim: int | None = 1, open_interval: bool = False, allow_empty: bool = False
) -> np.ndarray:
    """``p`` as a float64 array with values in [0, 1] (or in (0, 1) if ``open_interval``).

    >>> check_probabilities("y_prob", [0.0, 0.25, 1.0])
    array([0.  , 0.25, 1.  ])
    >>> check_probabilities("y_prob", [0.2, 1.5])
    Traceback (most recent call last):
    ...
    ValueError: y_prob must contain probabilities in [0, 1]; got 1.5 at index 1
    """
    arr = as_float_array(name, p, ndim=ndim, allow_empty=allow_empty)
    if open_interval:
        bad, interval = (arr <= 0.0) | (arr >= 1.0), "(0, 1)"
    else:
        bad, interval = (arr < 0.0) | (arr > 1.0), "[0, 1]"
    if bad.any():
        shown = f"{float(arr)!r}" if arr.ndim == 0 else _first_bad(bad, arr)
        raise ValueError(f"{name} must contain probabilities in {interval}; got {shown}")
    return arr


def check_same_length(name_a: str, a: Any, name_b: str, b: Any) -> None:
    """Raise unless ``a`` and ``b`` have the same number of samples (first axis).

    >>> check_same_length("y_true", [0, 1, 1], "y_prob", [0.5, 0.5])
    Traceback (most recent call last):
    ...
    ValueError: y_true has 3 samples but y_prob has 2; pass arrays of equal length
    """
    len_a, len_b = np.shape(a)[0], np.shape(b)[0]
    if len_a != len_b:
        raise ValueError(f"{name_a} has {len_a} samples but {name_b} has {len_b}; pass arrays of equal length")


def check_design_matrix(name: str, X: Any) -> np.ndarray:
    """``X`` as a float64 design matrix of shape ``(m, n)``, without the bias column.

    >>> check_design_matrix("X", [1.4, 1.5])
    Traceback (most recent call last):
    ...
    ValueError: X must be a 2-D array of shape (m, n); got shape (2,). Pass X.reshape(-1, 1) if it holds a single feature.
    """
    return as_float_array(name, X, ndim=2)


def check_theta(name: str, theta: Any, n_features: int) -> np.ndarray:
    """``theta`` as a float64 vector ``(b, w_1, ..., w_n)`` of length ``n_features + 1``.

    >>> check_theta("theta", [0.1, -0.1], 2)
    Traceback (most recent call last):
    ...
    ValueError: theta must have n + 1 = 3 entries (b, w_1..w_2) for a design matrix with 2 columns; got 2
    """
    arr = as_float_array(name, theta, ndim=1)
    if arr.shape[0] != n_features + 1:
        raise ValueError(
            f"{name} must have n + 1 = {n_features + 1} entries (b, w_1..w_{n_features}) "
            f"for a design matrix with {n_features} columns; got {arr.shape[0]}"
        )
    return arr


def check_finite_scalar(name: str, value: Any) -> float:
    """``value`` as a Python float; it must be one finite real number.

    >>> check_finite_scalar("r", -0.5)
    -0.5
    >>> check_finite_scalar("r", "fast")
    Traceback (most recent call last):
    ...
    TypeError: r must be a real number; got str 'fast'
    """
    if value is None or isinstance(value, (bool, np.bool_, str, bytes)):
        raise TypeError(f"{name} must be a real number; got {type(value).__name__} {value!r}")
    arr = np.asarray(value)
    if arr.dtype.kind not in "iuf":
        raise TypeError(f"{name} must be a real number; got {type(value).__name__} {value!r}")
    if arr.ndim != 0:
        raise ValueError(f"{name} must be a single number; got an array of shape {arr.shape}")
    out = float(arr)
    if not math.isfinite(out):
        raise ValueError(f"{name} must be a finite number; got {out!r}")
    return out


def check_count(name: str, value: Any, *, minimum: int = 0) -> int:
    """``value`` as a Python int; it must be an integer (not a bool) and ``>= minimum``.

    For numbers of steps, epochs, samples, repeats, seeds...

    >>> check_count("steps", 3)
    3
    >>> check_count("steps", 2.5)
    Traceback (most recent call last):
    ...
    TypeError: steps must be an integer; got float 2.5
    >>> check_count("batch_size", 0, minimum=1)
    Traceback (most recent call last):
    ...
    ValueError: batch_size must be >= 1; got 0
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an integer; got {type(value).__name__} {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}; got {value}")
    return int(value)


def check_choice(name: str, value: Any, choices: tuple[str, ...]) -> str:
    """``value`` itself if it is one of ``choices``, else a ValueError listing them.

    >>> check_choice("loss", "bce", ("bce", "mse"))
    'bce'
    >>> check_choice("loss", "hinge", ("bce", "mse"))
    Traceback (most recent call last):
    ...
    ValueError: loss must be one of 'bce', 'mse'; got 'hinge'
    """
    if value not in choices:
        listed = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name} must be one of {listed}; got {value!r}")
    return value


def check_vector_pair(name_a: str, a: Any, name_b: str, b: Any) -> tuple[np.ndarray, np.ndarray]:
    """``a`` and ``b`` as float64 vectors of shape ``(m,)``, with the same ``m``.

    >>> check_vector_pair("y_true", [0, 1], "y_pred", [0.5, 0.5, 0.5])
    Traceback (most recent call last):
    ...
    ValueError: y_true has 2 samples but y_pred has 3; pass arrays of equal length
    """
    a_arr = as_float_array(name_a, a, ndim=1)
    b_arr = as_float_array(name_b, b, ndim=1)
    check_same_length(name_a, a_arr, name_b, b_arr)
    return a_arr, b_arr


def check_positive(name: str, value: Any) -> float:
    """``value`` as a Python float; it must be finite and strictly positive.

    For learning rates, step sizes, carrying capacities, ``eps``...

    >>> check_positive("learning_rate", 0.01)
    0.01
    >>> check_positive("learning_rate", 0)
    Traceback (most recent call last):
    ...
    ValueError: learning_rate must be > 0; got 0.0
    """
    out = check_finite_scalar(name, value)
    if out <= 0.0:
        raise ValueError(f"{name} must be > 0; got {out!r}")
    return out


def scalar_or_array(out: Any, like: Any) -> Any:
    """Return ``float(out)`` when the input ``like`` was a scalar, else ``out`` unchanged.

    NumPy 2 prints ``np.float64(0.5)``; a scalar in should give a plain ``0.5`` out.

    >>> scalar_or_array(np.float64(0.5), 2.0)
    0.5
    >>> scalar_or_array(np.array([0.5]), [2.0])
    array([0.5])
    """
    return float(out) if np.ndim(like) == 0 else out


def read_only(a: Any, dtype: type = np.float64) -> np.ndarray | None:
    """A read-only copy of ``a`` as ``dtype`` (``None`` stays ``None``).

    Frozen dataclasses (histories, data sets) hold these, so that their arrays cannot be
    changed behind them either.

    >>> arr = read_only([1, 2])
    >>> arr, arr.flags.writeable, read_only(None)
    (array([1., 2.]), False, None)
    """
    if a is None:
        return None
    arr = np.array(a, dtype=dtype)
    arr.setflags(write=False)
    return arr
