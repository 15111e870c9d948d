"""Boundary helpers: what they accept, what they convert, and what each refusal says."""

from __future__ import annotations

import numpy as np
import pytest

from lossbook._validation import (
    as_float_array,
    check_choice,
    check_count,
    check_design_matrix,
    check_finite_scalar,
    check_labels,
    check_positive,
    check_probabilities,
    check_same_length,
    check_theta,
    check_vector_pair,
    read_only,
    scalar_or_array,
)

# --- as_float_array: accepted inputs -----------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ([0, 1, 1], [0.0, 1.0, 1.0]),
        ((1.5, -2.0), [1.5, -2.0]),
        ([True, False], [1.0, 0.0]),
        (np.array([1, 2], dtype=np.int32), [1.0, 2.0]),
        (np.array([1, 2], dtype=np.uint8), [1.0, 2.0]),
        (np.array([0.5], dtype=np.float32), [0.5]),
    ],
)
def test_as_float_array_converts_real_numbers_to_float64(value, expected):
    out = as_float_array("a", value)
    assert out.dtype == np.float64
    np.testing.assert_array_equal(out, expected)


def test_as_float_array_does_not_modify_its_input():
    original = np.array([[1.0, 2.0], [3.0, 4.0]])
    copy = original.copy()
    as_float_array("X", original, ndim=2)
    np.testing.assert_array_equal(original, copy)


def test_ndim_none_accepts_any_shape():
    assert as_float_array("z", 3.0, ndim=None).shape == ()
    assert as_float_array("z", np.zeros((2, 3, 4)), ndim=None).shape == (2, 3, 4)


def test_allow_empty():
    assert as_float_array("z", [], ndim=1, allow_empty=True).shape == (0,)
    with pytest.raises(ValueError, match=r"^z must not be empty; got shape \(0,\)$"):
        as_float_array("z", [], ndim=1)


# --- as_float_array: refusals, exact messages --------------------------------------------


def test_column_vector_is_refused_with_the_ravel_hint():
    with pytest.raises(ValueError) as info:
        as_float_array("y_true", np.zeros((4, 1)))
    assert str(info.value) == (
        "y_true must be a 1-D array of shape (m,); got shape (4, 1). Pass y_true.ravel() if it is a column vector."
    )


def test_scalar_is_refused_where_a_vector_is_expected():
    with pytest.raises(ValueError, match=r"^y_prob must be a 1-D array of shape \(m,\); got a scalar \(0-D\)\."):
        as_float_array("y_prob", 0.5)


@pytest.mark.parametrize("ndim", [1, 2])
def test_three_dimensional_arrays_are_refused(ndim):
    with pytest.raises(ValueError, match=rf"^X must be a {ndim}-D array .*got shape \(2, 2, 2\)"):
        as_float_array("X", np.zeros((2, 2, 2)), ndim=ndim)


def test_vector_is_refused_where_a_matrix_is_expected_with_the_reshape_hint():
    with pytest.raises(ValueError, match=r"Pass X\.reshape\(-1, 1\) if it holds a single feature\.$"):
        as_float_array("X", [1.0, 2.0], ndim=2)


@pytest.mark.parametrize(
    "value, shown",
    [
        ([0.0, np.nan, 1.0], r"nan at index 1"),
        ([0.0, 1.0, np.inf], r"inf at index 2"),
        ([-np.inf, 1.0], r"-inf at index 0"),
    ],
)
def test_non_finite_values_are_refused_and_located(value, shown):
    with pytest.raises(ValueError, match=rf"^y_prob must contain only finite numbers; got {shown}$"):
        as_float_array("y_prob", value)


def test_non_finite_in_a_matrix_gives_a_2d_index():
    X = np.zeros((2, 3))
    X[1, 2] = np.nan
    with pytest.raises(ValueError, match=r"got nan at index \(1, 2\)"):
        as_float_array("X", X, ndim=2)


def test_many_bad_values_are_counted_not_all_listed():
    with pytest.raises(ValueError, match=r"\(10 values in all\)$"):
        as_float_array("z", np.full(10, np.nan))


def test_non_finite_scalar():
    with pytest.raises(ValueError, match=r"^z must be a finite number; got nan$"):
        as_float_array("z", float("nan"), ndim=None)


@pytest.mark.parametrize("value", ["abc", b"ab", None, [1 + 2j], np.array(["a", "b"]), [object()]])
def test_non_numeric_input_is_a_type_error(value):
    with pytest.raises(TypeError, match=r"^y_true must be an array of real numbers"):
        as_float_array("y_true", value)


def test_ragged_input_is_a_value_error():
    with pytest.raises(ValueError, match=r"^X must be a rectangular array"):
        as_float_array("X", [[1.0, 2.0], [3.0]], ndim=2)


def test_invalid_ndim_argument():
    with pytest.raises(ValueError, match="ndim must be 1, 2 or None"):
        as_float_array("a", [1.0], ndim=3)


# --- labels, probabilities, lengths, matrices, parameters --------------------------------


def test_check_labels():
    np.testing.assert_array_equal(check_labels("y", [1, 0, 1]), [1.0, 0.0, 1.0])
    with pytest.raises(ValueError, match=r"^y must contain only the labels 0 and 1; got 2\.0 at index 2$"):
        check_labels("y", [0, 1, 2])
    with pytest.raises(ValueError, match=r"^y must contain only the labels 0 and 1; got -1\.0 at index 0"):
        check_labels("y", [-1, 1])


def test_check_probabilities_closed_and_open():
    np.testing.assert_array_equal(check_probabilities("p", [0.0, 1.0]), [0.0, 1.0])
    with pytest.raises(ValueError, match=r"^p must contain probabilities in \[0, 1\]; got -0\.1 at index 0$"):
        check_probabilities("p", [-0.1, 0.5])
    with pytest.raises(ValueError, match=r"^p must contain probabilities in \(0, 1\); got 0\.0 at index 0"):
        check_probabilities("p", [0.0, 0.5], open_interval=True)
    with pytest.raises(ValueError, match=r"^p must contain probabilities in \(0, 1\); got 1\.0$"):
        check_probabilities("p", 1.0, ndim=None, open_interval=True)


def test_check_same_length():
    check_same_length("a", [1, 2], "b", [3, 4])
    check_same_length("X", np.zeros((3, 2)), "y", np.zeros(3))
    with pytest.raises(ValueError, match=r"^X has 3 samples but y has 2; pass arrays of equal length$"):
        check_same_length("X", np.zeros((3, 2)), "y", np.zeros(2))


def test_check_design_matrix():
    assert check_design_matrix("X", [[1.0, 2.0]]).shape == (1, 2)
    with pytest.raises(ValueError, match=r"^X must not be empty; got shape \(0, 1\)$"):
        check_design_matrix("X", np.zeros((0, 1)))
    with pytest.raises(ValueError, match=r"^X must not be empty; got shape \(3, 0\)$"):
        check_design_matrix("X", np.zeros((3, 0)))


def test_check_theta():
    np.testing.assert_array_equal(check_theta("theta", [0.1, -0.1], 1), [0.1, -0.1])
    with pytest.raises(ValueError, match=r"^theta must have n \+ 1 = 3 entries"):
        check_theta("theta", [0.1, -0.1], 2)
    with pytest.raises(ValueError, match=r"^theta must be a 1-D array"):
        check_theta("theta", [[0.1], [-0.1]], 1)


@pytest.mark.parametrize("value, expected", [(0.01, 0.01), (3, 3.0), (np.float32(0.5), 0.5), (np.array(2.0), 2.0)])
def test_check_positive_returns_a_python_float(value, expected):
    out = check_positive("learning_rate", value)
    assert type(out) is float and out == expected


@pytest.mark.parametrize(
    "value, match",
    [
        (0, r"^learning_rate must be > 0; got 0\.0$"),
        (-0.1, r"^learning_rate must be > 0; got -0\.1$"),
        (float("nan"), r"^learning_rate must be a finite number; got nan$"),
        (float("inf"), r"^learning_rate must be a finite number; got inf$"),
        ([0.1, 0.2], r"^learning_rate must be a single number; got an array of shape \(2,\)$"),
    ],
)
def test_check_positive_refusals(value, match):
    with pytest.raises(ValueError, match=match):
        check_positive("learning_rate", value)


@pytest.mark.parametrize("value", ["0.1", None, True, 1 + 1j])
def test_check_positive_type_errors(value):
    with pytest.raises(TypeError, match=r"^learning_rate must be a real number"):
        check_positive("learning_rate", value)


def test_check_finite_scalar_accepts_negative_numbers():
    assert check_finite_scalar("r", -2) == -2.0


def test_scalar_or_array():
    out = scalar_or_array(np.float64(0.25), 1.0)
    assert type(out) is float and out == 0.25
    arr = np.array([0.25])
    assert scalar_or_array(arr, [1.0]) is arr


# --- counts, choices, pairs, read-only copies ------------------------------------------------


@pytest.mark.parametrize("value", [0, 3, np.int64(7), np.uint8(2)])
def test_check_count_returns_a_python_int(value):
    out = check_count("steps", value)
    assert out == int(value) and type(out) is int


@pytest.mark.parametrize(
    "value, exc, words",
    [
        (2.5, TypeError, "steps must be an integer; got float 2.5"),
        (True, TypeError, "steps must be an integer; got bool True"),
        (np.bool_(False), TypeError, "steps must be an integer"),
        ("3", TypeError, "steps must be an integer; got str '3'"),
        (None, TypeError, "steps must be an integer; got NoneType"),
        (-1, ValueError, "steps must be >= 0; got -1"),
    ],
)
def test_check_count_refuses_what_is_not_a_count(value, exc, words):
    with pytest.raises(exc, match=words.replace("(", r"\(")):
        check_count("steps", value)


def test_check_count_minimum():
    assert check_count("batch_size", 1, minimum=1) == 1
    with pytest.raises(ValueError, match="batch_size must be >= 1; got 0"):
        check_count("batch_size", 0, minimum=1)


def test_check_choice_lists_the_choices():
    assert check_choice("order", "shuffle", ("sequential", "shuffle")) == "shuffle"
    with pytest.raises(ValueError, match="order must be one of 'sequential', 'shuffle'; got 'random'"):
        check_choice("order", "random", ("sequential", "shuffle"))


def test_check_vector_pair_names_the_offender():
    a, b = check_vector_pair("x", [1, 2], "y", (0.5, 1.5))
    assert a.dtype == b.dtype == np.float64
    with pytest.raises(ValueError, match="^y must be a 1-D array"):
        check_vector_pair("x", [1, 2], "y", [[0.5], [1.5]])
    with pytest.raises(ValueError, match="x has 2 samples but y has 1"):
        check_vector_pair("x", [1, 2], "y", [0.5])


def test_read_only_copies_and_freezes():
    source = np.array([1, 2, 3])
    arr = read_only(source)
    assert arr.dtype == np.float64 and not arr.flags.writeable
    source[0] = 99  # a copy: the frozen array does not follow its source
    assert arr[0] == 1.0
    with pytest.raises(ValueError, match="read-only"):
        arr[0] = 5.0
    assert read_only([1, 2], np.int64).dtype == np.int64
    assert read_only(None) is None
