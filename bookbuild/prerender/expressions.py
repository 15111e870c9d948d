"""What a page's ``{{ expression }}`` may be: an allow-list of Python forms.

A page *names* a computation; it does not *do* one. So an expression may be built from

* names and attributes (no attribute starting with ``_``), calls with positional and
  keyword arguments, indexing and slicing;
* literals: numbers, strings, ``True``/``False``/``None``, tuples and lists;
* arithmetic: ``+ - * / ** // %`` and unary ``-``/``+`` (``%`` on a string literal is
  printf-style formatting, not arithmetic: use ``fmt``/``sci``);

and nothing else: no lambdas, comprehensions or generator expressions, conditional
expressions, comparisons, boolean operators, f-strings, ``:=``, ``*args``/``**kwargs``,
dict or set literals, ``@``. Anything longer belongs in a lesson function, where it has
a name, a docstring and a test (CODE.md P6).

The same check serves the quiz ``check:`` expressions.
"""

from __future__ import annotations

import ast

from ._common import PrerenderError

__all__ = ["ExpressionError", "check_expression", "SAFE_BUILTINS"]

_OPERATORS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.FloorDiv, ast.Mod)
_UNARY = (ast.USub, ast.UAdd)
#: The only built-in functions an expression sees (``open``, ``__import__``, ``eval`` … are absent).
SAFE_BUILTINS = {f.__name__: f for f in (abs, float, int, len, max, min, round, str, sum)}


class ExpressionError(PrerenderError, ValueError):
    """An expression uses a form outside the allow-list (or is no expression at all); the
    message names where it is, the expression and the form (``reason``)."""

    def __init__(self, where: str, expression: str, reason: str) -> None:
        self.where, self.expression, self.reason = where, expression, reason
        super().__init__(f"{where}: {expression!r} {reason}")


def _why_not(node: ast.AST) -> str | None:
    """Why ``node`` (one node, not its children) is not allowed, or None if it is."""
    if isinstance(node, (ast.Expression, ast.Load, ast.keyword, ast.Slice, *_OPERATORS, *_UNARY)):
        if isinstance(node, ast.keyword) and node.arg is None:
            return "**keyword unpacking"
        return None
    if isinstance(node, ast.Name):
        return f"the private name {node.id!r}" if node.id.startswith("_") else None
    if isinstance(node, ast.Attribute):
        return f"the private attribute {node.attr!r}" if node.attr.startswith("_") else None
    if isinstance(node, (ast.Call, ast.Subscript, ast.Tuple, ast.List, ast.Constant)):
        return None
    if isinstance(node, ast.UnaryOp):
        return None if isinstance(node.op, _UNARY) else f"the operator {type(node.op).__name__}"
    if isinstance(node, ast.BinOp):
        if not isinstance(node.op, _OPERATORS):
            return f"the operator {type(node.op).__name__}"
        if isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
            return "'%' formatting of a string (use fmt or sci)"
        return None
    return {
        ast.Lambda: "a lambda",
        ast.GeneratorExp: "a generator expression",
        ast.ListComp: "a comprehension",
        ast.SetComp: "a comprehension",
        ast.DictComp: "a comprehension",
        ast.IfExp: "a conditional expression",
        ast.JoinedStr: "an f-string",
        ast.NamedExpr: "an assignment expression (:=)",
        ast.Starred: "*argument unpacking",
        ast.Compare: "a comparison",
        ast.BoolOp: "a boolean operator",
        ast.Dict: "a dict literal",
        ast.Set: "a set literal",
    }.get(type(node), f"the form {type(node).__name__}")


def check_expression(expr: str, where: str = "<expression>") -> ast.Expression:
    """Parse ``expr`` and check every node against the allow-list; return the tree.

    Raises :class:`ExpressionError` naming ``where``, the expression and the first form
    that is not allowed (a syntax error is reported the same way).

    >>> _ = check_expression("fmt(house_gd_fit(eta=0.1).w[-1] * 2, 4)")
    >>> check_expression("sum(v * v for v in xs)", "03-x.md:7")
    Traceback (most recent call last):
    bookbuild.prerender.expressions.ExpressionError: 03-x.md:7: 'sum(v * v for v in xs)' uses a generator expression, which a page expression may not; move the computation into a lesson function
    >>> check_expression('"%.2e" % x', "p.md")
    Traceback (most recent call last):
    bookbuild.prerender.expressions.ExpressionError: p.md: '"%.2e" % x' uses '%' formatting of a string (use fmt or sci), which a page expression may not; move the computation into a lesson function
    """
    if not isinstance(expr, str):
        raise TypeError(f"expr must be a str; got {type(expr).__name__}")
    try:
        tree = ast.parse(expr.strip(), mode="eval")
    except SyntaxError as err:
        raise ExpressionError(where, expr, f"is not a Python expression: {err.msg}") from None
    for node in ast.walk(tree):
        reason = _why_not(node)
        if reason:
            raise ExpressionError(
                where,
                expr,
                f"uses {reason}, which a page expression may not; move the computation into a lesson function",
            )
    return tree
