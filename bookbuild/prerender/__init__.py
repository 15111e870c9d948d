"""The pre-render: lossbook, ``docs/``, the quizzes and the notebooks → plain Markdown and
assets per language in ``build/prerender/<lang>/docs``, for any Python-Markdown site
generator. It imports no site generator.

    >>> from bookbuild.prerender import prerender
    >>> result = prerender()            # doctest: +SKIP
    >>> result.langs                    # doctest: +SKIP
    ('vi', 'en')

Run it as ``python -m bookbuild.prerender``. Modules, one concept each:

* :mod:`.placeholders` — the ``{{ expression }}`` engine and the page namespace;
* :mod:`.expressions` — the allow-list a page expression must fit;
* :mod:`.quizzes`, :mod:`.explorer` — what ``{{ quiz("id") }}`` and ``{{ explorer() }}`` render;
* :mod:`.chapters` — every chapter's frame, ``{{ chapter_header() }}`` and ``{{ chapter_footer() }}``;
* :mod:`.figures` (+ :mod:`.draw`, the worker) — figures drawn, cached and sized;
* :mod:`.notebooks` — notebooks executed, cached and written per language;
* :mod:`.sources` — which files of ``docs/`` make a language's site;
* :mod:`.build` — the whole run: caching, writing only what changed, removing stale files.
"""

from __future__ import annotations

from ._common import PrerenderError
from .build import OUT, Result, prerender
from .explorer import explorer_json, render_explorer
from .expressions import SAFE_BUILTINS, ExpressionError, check_expression
from .figures import sized_figures, svg_size
from .notebooks import executed, for_language, to_markdown
from .placeholders import PLACEHOLDER, PageError, namespace, substitute
from .quizzes import load_quizzes, quiz_chapters, render_quiz

__all__ = [
    "OUT",
    "PLACEHOLDER",
    "SAFE_BUILTINS",
    "ExpressionError",
    "PageError",
    "PrerenderError",
    "Result",
    "check_expression",
    "executed",
    "explorer_json",
    "for_language",
    "load_quizzes",
    "namespace",
    "prerender",
    "quiz_chapters",
    "render_explorer",
    "render_quiz",
    "sized_figures",
    "substitute",
    "svg_size",
    "to_markdown",
]
