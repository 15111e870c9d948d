"""The numeric kernels: right in the tails, and written once in the whole package.

The second half reads every module of ``lossbook`` as a syntax tree and looks for the
kernels' formulas written out again (a stable sigmoid, a softplus, a bias column); the
detector is itself tested on snippets that contain each copy and on ``_kernels.py``.
"""

from __future__ import annotations

import ast
import math
import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lossbook import _kernels as K

PACKAGE = Path(K.__file__).resolve().parent

# --- values ---------------------------------------------------------------------------------

Z = np.array([-1e4, -746.0, -709.9, -40.0, -1.0, -1e-12, 0.0, 1e-12, 1.0, 36.8, 40.0, 709.9, 1e4])


def test_sigmoid_is_correct_and_quiet_everywhere():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no overflow warning anywhere
        s = K.sigmoid(Z)
    exact = [1 / (1 + math.exp(-z)) if z > -700 else math.exp(z) / (1 + math.exp(z)) if z > -745 else 0.0 for z in Z]
    np.testing.assert_allclose(s, exact, rtol=1e-15, atol=0)
    assert K.sigmoid(np.array([0.0]))[0] == 0.5


@given(st.floats(-800, 800))
def test_scalar_twins_equal_the_array_kernels(z):
    assert K.sigmoid_scalar(z) == pytest.approx(float(K.sigmoid(np.array(z))), rel=1e-15, abs=0)
    assert K.softplus_scalar(z) == pytest.approx(float(K.softplus(np.array(z))), rel=1e-15, abs=0)


def test_sigmoid_derivative_keeps_the_tail_digits():
    # sigma(40)(1 - sigma(40)) is 0.0 when 1 - sigma is formed by subtraction
    z = np.array([-40.0, 40.0])
    np.testing.assert_allclose(K.sigmoid_derivative(z), math.exp(-40) / (1 + math.exp(-40)) ** 2, rtol=1e-14)


@pytest.mark.parametrize("y, z", [(1.0, 15.0), (0.0, -15.0), (1.0, 40.0), (0.0, -0.04), (1.0, -1e4), (0.0, 1e4)])
def test_bce_from_logits_has_every_digit(y, z):
    exact = math.log1p(math.exp(-abs(z))) + (max(z, 0.0) - y * z)  # both terms exact for labels 0/1
    assert float(K.bce_from_logits(np.array(y), np.array(z))) == pytest.approx(exact, rel=1e-15)


def test_add_bias_prepends_ones():
    X = np.arange(6.0).reshape(3, 2)
    np.testing.assert_array_equal(K.add_bias(X), [[1, 0, 1], [1, 2, 3], [1, 4, 5]])


# --- one definition -------------------------------------------------------------------------


def _called(node: ast.AST, *names: str) -> bool:
    """``node`` is a call of a function whose last name is one of ``names`` (np.exp, math.exp, exp)."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    return name in names


def _is_one(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value == 1


def kernel_copies(source: str) -> list[tuple[int, str]]:
    """(line, what) for every kernel formula written out in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        # exp(-|z|): the stable sigmoid's and softplus's trick
        if (
            _called(node, "exp")
            and node.args
            and isinstance(node.args[0], ast.UnaryOp)
            and isinstance(node.args[0].op, ast.USub)
            and _called(node.args[0].operand, "abs", "fabs")
        ):
            found.append((node.lineno, "exp(-|z|)"))
        # something / (1 + exp(...)): a sigmoid
        if (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.Div)
            and isinstance(node.right, ast.BinOp)
            and isinstance(node.right.op, ast.Add)
        ):
            pair = (node.right.left, node.right.right)
            if any(_is_one(a) and _called(b, "exp") for a, b in (pair, pair[::-1])):
                found.append((node.lineno, "sigmoid 1/(1 + exp)"))
        # log1p(exp(...)): a softplus
        if _called(node, "log1p") and node.args and _called(node.args[0], "exp"):
            found.append((node.lineno, "softplus log1p(exp)"))
        # hstack/column_stack/concatenate([ones(...), X]): a bias column
        if (
            _called(node, "hstack", "column_stack", "concatenate")
            and node.args
            and isinstance(node.args[0], (ast.List, ast.Tuple))
            and node.args[0].elts
            and _called(node.args[0].elts[0], "ones", "ones_like")
        ):
            found.append((node.lineno, "bias column"))
    return found


@pytest.mark.parametrize(
    "snippet, what",
    [
        ("p = 1.0 / (1.0 + np.exp(-z))", "sigmoid 1/(1 + exp)"),
        ("p = math.exp(z) / (1 + math.exp(z))", "sigmoid 1/(1 + exp)"),
        ("e = np.exp(-np.abs(z))", "exp(-|z|)"),
        ("loss = np.log1p(np.exp(z)) - y * z", "softplus log1p(exp)"),
        ("Xb = np.hstack([np.ones((m, 1)), X])", "bias column"),
        ("Xb = np.column_stack([np.ones(m), X])", "bias column"),
    ],
)
def test_the_detector_finds_each_copy(snippet, what):
    assert [w for _, w in kernel_copies(snippet)] == [what]


def test_the_detector_passes_other_code():
    # the closed form of logistic growth (a formula the lesson shows), a dot product, a stack
    ok = "y = K / (1 + c * math.exp(-r * t))\ng = np.concatenate([[e.sum()], e @ X])\nP = np.column_stack([a, b])"
    assert kernel_copies(ok) == []


def test_the_detector_finds_the_kernels_themselves():
    found = {what for _, what in kernel_copies((PACKAGE / "_kernels.py").read_text())}
    assert found == {"exp(-|z|)", "sigmoid 1/(1 + exp)", "softplus log1p(exp)", "bias column"}


#: Files allowed to write a kernel out, and why.
EXEMPT = {
    "_kernels.py": "the one home",
    # fused with the pass over X on purpose (its `np.exp(.., out=)` calls are not matched
    # anyway); tests/test_optim.py checks it gives the readable solver's iterates
    "optim/_newton_fast.py": "fused solver",
}


def test_each_kernel_has_one_definition():
    copies = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel in EXEMPT:
            continue
        found = kernel_copies(path.read_text(encoding="utf-8"))
        if found:
            copies[rel] = found
    assert copies == {}, f"use lossbook._kernels instead of writing these again: {copies}"


# --- no private names across modules --------------------------------------------------------

#: Private names still imported across modules: the migration in flight, to remove.
PRIVATE_IMPORTS_IN_FLIGHT = {
    "_sigmoid_mse_bracket",  # figures moves to the public losses.sigmoid_mse_bracket
}


def private_imports(source: str, *, in_subpackage: bool = False) -> list[str]:
    """Private names imported from another module of the package: ``from .x import _name``
    (a private function or constant: a helper in the wrong home).

    Fine: a private *module* (``from . import _kernels``), a private alias of a public name
    (``import add_bias as _add_bias``), and, inside a subpackage (``optim/``,
    ``errata/``...), a sibling's private name (``from .model import _FIELD``): private to
    a package means usable within it.
    """
    return [
        alias.name
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom)
        and node.level > 0
        and node.module
        and not (in_subpackage and node.level == 1)
        for alias in node.names
        if alias.name.startswith("_")
    ]


def test_the_private_import_check_sees_one():
    source = (
        "from .optim import _newton\nfrom . import _kernels\n"
        "from ._kernels import add_bias as _ab\nfrom .model import _FIELD\nfrom ..losses import _bracket"
    )
    assert private_imports(source) == ["_newton", "_FIELD", "_bracket"]
    assert private_imports(source, in_subpackage=True) == ["_bracket"]


def test_no_module_imports_a_private_name_of_another():
    offenders = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        names = private_imports(path.read_text(encoding="utf-8"), in_subpackage=len(rel.parts) > 1)
        offenders |= {(rel.as_posix(), name) for name in names if name not in PRIVATE_IMPORTS_IN_FLIGHT}
    assert offenders == set()


# --- the package's public names ---------------------------------------------------------------


def test_lossbook_all_lists_every_public_name_it_binds():
    import types

    import lossbook

    assert len(lossbook.__all__) == len(set(lossbook.__all__))
    assert [name for name in lossbook.__all__ if not hasattr(lossbook, name)] == []
    unlisted = [
        name
        for name, value in vars(lossbook).items()
        if not name.startswith("_")
        and name != "annotations"
        and not isinstance(value, types.ModuleType)
        and name not in lossbook.__all__
    ]
    assert unlisted == []


# --- small modules ----------------------------------------------------------------------------

MATH_MODULES = [
    "_kernels.py",
    "_validation.py",
    "activations.py",
    "losses.py",
    "curvature.py",
    "landscape.py",
    "entropy.py",
    "gradcheck.py",
    "models.py",
    "convergence.py",
    "vectorisation.py",
    "optim/*.py",
]


@pytest.mark.parametrize(
    "path",
    sorted({p for pattern in MATH_MODULES for p in PACKAGE.glob(pattern)}),
    ids=lambda p: p.relative_to(PACKAGE).as_posix(),
)
def test_math_modules_stay_small(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= 500, f"{path.name} has {lines} lines; split it by concept"
