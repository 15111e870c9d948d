"""The ``{{ expression }}`` engine: every number on a page comes from lossbook.

A page writes ``{{ expression }}``; the expression is checked against the allow-list of
:mod:`.expressions`, evaluated in the page namespace (:func:`namespace`) with the page's
language bound to ``lang``, and its value replaces it in the Markdown. Fenced code
blocks are left alone. A failing or forbidden expression raises :class:`PageError`,
which names the page, the line and the expression.
"""

from __future__ import annotations

import importlib
import math
import re
from typing import Any

from ._common import PrerenderError, fresh_lossbook
from .chapters import render_chapter_footer, render_chapter_header
from .explorer import render_explorer
from .expressions import SAFE_BUILTINS, ExpressionError, check_expression
from .quizzes import QUIZ_FILE, load_quizzes, render_quiz

__all__ = ["PLACEHOLDER", "PageError", "namespace", "substitute"]

PLACEHOLDER = re.compile(r"\{\{\s*(?P<expr>.+?)\s*\}\}")
FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>```|~~~)")
#: Modules whose public names (``__all__``) a page may use directly (the glossary page uses
#: ``glossary_table``).
PAGE_MODULES = ("lesson", "errata", "glossary")


class PageError(PrerenderError):
    """A placeholder could not be rendered: ``page:line: {{ expression }}: reason``."""

    def __init__(self, page: str, line: int, expression: str, reason: str) -> None:
        self.page, self.line, self.expression, self.reason = page, line, expression, reason
        super().__init__(f"{page}:{line}: {{{{ {expression} }}}}: {reason}")


def namespace(lang: str, page: str = "<page>") -> dict[str, Any]:
    """The names a page's ``{{ ... }}`` may use, in language ``lang``.

    ``lossbook.lesson``'s and ``lossbook.errata``'s public names (``__all__``), ``lb`` (the
    package), ``np``, ``math``, ``lang``, ``quiz("id")``, ``explorer()``, ``chapter_header()``,
    ``chapter_footer()`` (the frame of chapter ``page``), and ``fmt``,
    ``sci``, ``given``, ``tr`` of :mod:`lossbook.text`. Built-ins: only
    :data:`~.expressions.SAFE_BUILTINS`.
    """
    import numpy as np  # here: a build with every page cached never needs it

    lb = fresh_lossbook()
    text = importlib.import_module("lossbook.text")
    lang = text.check_lang(lang)
    ns: dict[str, Any] = {}
    for name in PAGE_MODULES:
        module = importlib.import_module(f"lossbook.{name}")
        public = getattr(module, "__all__", None) or [k for k in vars(module) if not k.startswith("_")]
        ns.update({k: getattr(module, k) for k in public})
    quizzes = load_quizzes() if QUIZ_FILE.exists() else {}
    ns.update(
        lb=lb,
        np=np,
        math=math,
        lang=lang,
        fmt=text.fmt,
        sci=text.sci,
        given=text.given,
        tr=text.tr,
        quiz=lambda quiz_id: render_quiz(quiz_id, lang, quizzes),
        explorer=lambda: render_explorer(lang),
        chapter_header=lambda: render_chapter_header(page, lang),
        chapter_footer=lambda: render_chapter_footer(page, lang),
        __builtins__=dict(SAFE_BUILTINS),
    )
    return ns


def evaluate(expr: str, ns: dict[str, Any], where: str) -> Any:
    """``expr``'s value in ``ns`` after the allow-list check (an :class:`ExpressionError`
    names ``where``)."""
    tree = check_expression(expr, where)
    return eval(compile(tree, where, "eval"), ns)  # noqa: S307 - allow-listed forms, own pages


def substitute(markdown: str, lang: str, where: str = "<page>") -> str:
    """Replace every ``{{ expr }}`` outside fenced code blocks by its value.

    >>> substitute("σ(0) = {{ fmt(lb.sigmoid(0.0), 2) }}\\n```\\n{{ x }}\\n```\\n", "en")
    'σ(0) = 0.50\\n```\\n{{ x }}\\n```\\n'
    """
    if not PLACEHOLDER.search(markdown):
        return markdown
    ns = namespace(lang, where)
    out, fence = [], ""
    for number, line in enumerate(markdown.splitlines(keepends=True), start=1):
        m = FENCE.match(line)
        if m and (not fence or m.group("fence") == fence):
            fence = "" if fence else m.group("fence")
        if fence or m:
            out.append(line)
            continue

        def value(match: re.Match, number: int = number) -> str:
            expr = match.group("expr")
            try:
                return str(evaluate(expr, ns, f"{where}:{number}"))
            except ExpressionError as err:
                raise PageError(where, number, expr, err.reason) from err
            except Exception as err:  # a broken number must stop the build, naming the page
                raise PageError(where, number, expr, f"failed: {type(err).__name__}: {err}") from err

        out.append(PLACEHOLDER.sub(value, line))
    return "".join(out)
