"""MkDocs hook: every number on a page comes from lossbook.

A page writes ``{{ expression }}``; the hook evaluates the Python expression with the
page's language bound to ``lang`` and the public names (``__all__``) of
``lossbook.lesson`` and ``lossbook.errata`` in scope (plus ``lb`` = the ``lossbook``
package, ``np`` = NumPy, ``math``, ``fmt`` and ``quiz``), and puts the result in the Markdown before it is rendered. Fenced code
blocks are left alone. A failing expression fails the build and names the page.

``{{ quiz("q-id") }}`` renders one question of ``docs/_data/quizzes.yml`` in the
page's language (see :func:`render_quiz`).
"""
from __future__ import annotations

import html
import importlib
import math
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from mkdocs.exceptions import PluginError

from lossbook.text import fmt, sci  # the site's one number format

ROOT = Path(__file__).resolve().parent.parent
QUIZ_FILE = ROOT / "docs" / "_data" / "quizzes.yml"
PLACEHOLDER = re.compile(r"\{\{\s*(?P<expr>.+?)\s*\}\}")
FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>```|~~~)", re.MULTILINE)
LABELS = {
    "vi": {"check": "Kiểm tra", "answer": "Xem đáp án", "right": "Đúng!", "wrong": "Chưa đúng.",
           "correct_is": "Đáp án đúng", "choose": "Hãy chọn một đáp án."},
    "en": {"check": "Check", "answer": "Show the answer", "right": "Correct!", "wrong": "Not quite.",
           "correct_is": "Correct answer", "choose": "Choose an answer first."},
}

_mtimes: dict[str, float] = {}


def _fresh_lossbook():
    """Import lossbook, re-importing it when a source file changed (``mkdocs serve``)."""
    sources = {str(p): p.stat().st_mtime for p in (ROOT / "lossbook").rglob("*") if p.suffix in {".py", ".csv"}}
    if _mtimes and sources != _mtimes:
        for name in [m for m in sys.modules if m == "lossbook" or m.startswith("lossbook.")]:
            del sys.modules[name]
    _mtimes.clear()
    _mtimes.update(sources)
    return importlib.import_module("lossbook")


_quizzes: dict[tuple[int, int], dict[str, Any]] = {}


def load_quizzes() -> dict[str, Any]:
    """The quizzes file, parsed once per version of it (every page asks for it; parsing
    it each time was a third of a rebuild)."""
    stat = QUIZ_FILE.stat()
    key = (stat.st_mtime_ns, stat.st_size)
    if key not in _quizzes:
        with QUIZ_FILE.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
        _quizzes.clear()
        _quizzes[key] = data
    return _quizzes[key]


_INLINE_MATH = re.compile(r"(?<!\\)\$(?P<tex>[^$]+?)(?<!\\)\$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CODE = re.compile(r"`([^`]+)`")


def inline(text: str) -> str:
    """Quiz text to HTML: ``$tex$`` becomes the span pymdownx.arithmatex would make (so
    hooks/page_math.py renders it with KaTeX), ``**bold**`` and ```code``` are kept,
    everything else is escaped."""
    out, pos = [], 0
    for m in _INLINE_MATH.finditer(text):
        out.append(_CODE.sub(r"<code>\1</code>", _BOLD.sub(r"<strong>\1</strong>", html.escape(text[pos:m.start()]))))
        out.append(f'<span class="arithmatex">\\({html.escape(m.group("tex"))}\\)</span>')
        pos = m.end()
    out.append(_CODE.sub(r"<code>\1</code>", _BOLD.sub(r"<strong>\1</strong>", html.escape(text[pos:]))))
    return "".join(out)


def render_quiz(quiz_id: str, lang: str, quizzes: dict[str, Any] | None = None) -> str:
    """One multiple-choice question as HTML that works without JavaScript.

    Without scripts: the question, its options and a closed ``<details>`` holding the
    answer and explanation. With ``assets/quiz.js``: choosing an option and pressing
    Check (keyboard: Tab to the options, arrows to choose, Enter or the button) says
    right or wrong and shows why. The block has no blank line, so Markdown keeps it as
    raw HTML.
    """
    quizzes = load_quizzes() if quizzes is None else quizzes
    if quiz_id not in quizzes:
        raise KeyError(f"no quiz {quiz_id!r} in {QUIZ_FILE.name}")
    q = quizzes[quiz_id]
    text, answer, labels = q[lang], int(q["answer"]), LABELS[lang]
    options, whys = text["options"], text.get("why") or [""] * len(text["options"])
    if not 0 <= answer < len(options):
        raise ValueError(f"quiz {quiz_id!r}: answer {answer} is not an option index")
    if len(whys) != len(options):
        raise ValueError(f"quiz {quiz_id!r} ({lang}): {len(whys)} 'why' for {len(options)} options")
    letters = "abcdefgh"
    qid = f"quiz-{quiz_id}"
    items = "".join(
        f'<li><label><input type="radio" name="{qid}" value="{i}"> {letters[i]}) {inline(option)}</label>'
        f'<span class="lb-quiz-why" hidden>{inline(why)}</span></li>'
        for i, (option, why) in enumerate(zip(options, whys))
    )
    return (
        f'<div class="lb-quiz" id="{qid}" data-answer="{answer}" '
        f'data-right="{html.escape(labels["right"])}" data-wrong="{html.escape(labels["wrong"])}" '
        f'data-choose="{html.escape(labels["choose"])}">'
        f'<p class="lb-quiz-question" id="{qid}-q">{inline(text["question"])}</p>'
        # The group role sits on a wrapper: on the <ol> itself it hides the list, and axe
        # reports every <li> as outside a list ("listitem", serious).
        f'<div role="radiogroup" aria-labelledby="{qid}-q"><ol class="lb-quiz-options">{items}</ol></div>'
        f'<p><button type="button" class="md-button lb-quiz-check" hidden>{labels["check"]}</button></p>'
        f'<p class="lb-quiz-feedback" role="status" aria-live="polite"></p>'
        f'<details class="lb-quiz-answer"><summary>{labels["answer"]}</summary>'
        f'<p><strong>{labels["correct_is"]}: {letters[answer]})</strong> {inline(text["explanation"])}</p>'
        "</details></div>\n"
    )


EXPLORER_FALLBACK = {
    "vi": "Công cụ khám phá hàm mất mát cần JavaScript. Không có nó, các hình bề mặt "
          "hàm mất mát ở trên cho cùng một thông tin ở dạng tĩnh.",
    "en": "The loss explorer needs JavaScript. Without it, the loss-landscape figures "
          "above show the same information, statically.",
}


def render_explorer(lang: str) -> str:
    """The loss explorer's mount point; docs/assets/explorer.js builds the widget in it
    from assets/data/explorer.json (hooks/page_explorer.py)."""
    return (
        f'<div class="lb-explorer" id="explorer" data-lang="{lang}">'
        f"<p>{EXPLORER_FALLBACK[lang]}</p></div>"
    )


def namespace(lang: str) -> dict[str, Any]:
    """The names a page's ``{{ ... }}`` may use."""
    lb = _fresh_lossbook()
    # np and math on purpose (quiz checks and a few short placeholders use them), not
    # because lesson or errata happen to import them.
    ns: dict[str, Any] = {"lb": lb, "np": np, "math": math, "lang": lang, "fmt": fmt, "sci": sci}
    ns["glossary_table"] = importlib.import_module("lossbook.glossary").glossary_table
    for module in ("lesson", "errata"):
        try:
            mod = importlib.import_module(f"lossbook.{module}")
        except ModuleNotFoundError:
            continue
        ns[module] = mod
        public = getattr(mod, "__all__", None) or [k for k in vars(mod) if not k.startswith("_")]
        ns.update({k: getattr(mod, k) for k in public})
    quizzes = load_quizzes() if QUIZ_FILE.exists() else {}
    ns["quiz"] = lambda quiz_id: render_quiz(quiz_id, lang, quizzes)
    ns["explorer"] = lambda: render_explorer(lang)
    return ns


def substitute(markdown: str, lang: str, where: str = "<page>") -> str:
    """Replace every ``{{ expr }}`` outside fenced code blocks by its value."""
    ns = namespace(lang)

    def evaluate(match: re.Match) -> str:
        expr = match.group("expr")
        try:
            return str(eval(expr, ns))  # noqa: S307 - the expressions are our own pages
        except Exception as err:  # a broken number must stop the build, naming the page
            raise PluginError(f"{where}: {{{{ {expr} }}}} failed: {type(err).__name__}: {err}") from err

    out, in_fence, fence = [], False, ""
    for line in markdown.splitlines(keepends=True):
        m = FENCE.match(line)
        if m and (not in_fence or m.group("fence") == fence):
            in_fence, fence = (not in_fence), m.group("fence")
            out.append(line)
        elif in_fence:
            out.append(line)
        else:
            out.append(PLACEHOLDER.sub(evaluate, line))
    return "".join(out)


def on_page_markdown(markdown: str, page, config, files) -> str:
    lang = getattr(page.file, "locale", None) or config.theme.get("language", "vi")
    return substitute(markdown, lang, page.file.src_uri)


def on_pre_build(config) -> None:
    """Before any hook uses lossbook: re-import it if a source changed (`mkdocs serve`),
    else keep it, and the lesson's cached computations, from the last build."""
    _fresh_lossbook()


def on_config(config):
    # MkDocs restores sys.path after importing a hook, so make lossbook importable here.
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return config
