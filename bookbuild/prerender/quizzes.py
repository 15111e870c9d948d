"""Quiz questions as HTML: ``{{ quiz("q-id") }}`` on a page renders one question of
``docs/_data/quizzes.yml`` in the page's language.

The HTML works without JavaScript (a closed ``<details>`` holds the answer) and
``docs/assets/quiz.js`` turns it into a check-your-answer widget. Math in a question is
left as an arithmatex span, which the site's Markdown extension renders with KaTeX.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import yaml

from ._common import DOCS

__all__ = ["LABELS", "QUIZ_FILE", "REVIEW", "inline", "load_quizzes", "quiz_chapters", "render_quiz"]

QUIZ_FILE = DOCS / "_data" / "quizzes.yml"
LABELS = {
    "vi": {
        "check": "Kiểm tra",
        "answer": "Xem đáp án",
        "right": "Đúng!",
        "wrong": "Chưa đúng.",
        "correct_is": "Đáp án đúng",
        "choose": "Hãy chọn một đáp án.",
    },
    "en": {
        "check": "Check",
        "answer": "Show the answer",
        "right": "Correct!",
        "wrong": "Not quite.",
        "correct_is": "Correct answer",
        "choose": "Choose an answer first.",
    },
}
_LETTERS = "abcdefgh"
#: The keys a question may have, and whether it must.
QUIZ_KEYS = {"source": True, "answer": True, "check": False, "chapter": True, "vi": True, "en": True}
#: ``chapter: review``: the question belongs to the review quiz (``docs/quizzes.md``).
REVIEW = "review"

_parsed: dict[tuple[Path, int, int], dict[str, Any]] = {}


def load_quizzes(path: Path = QUIZ_FILE) -> dict[str, Any]:
    """The quizzes file, parsed once per version of it (every page with a quiz asks)."""
    stat = path.stat()
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _parsed:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
        _parsed.clear()
        _parsed[key] = data
    return _parsed[key]


def quiz_chapters(quizzes: dict[str, Any], docs: Path = DOCS) -> dict[str, list[str]]:
    """``{chapter stem or "review": [question ids in the file's order]}``: where each question
    is shown (a chapter's footer, or the review quiz). Strict: a question with an unknown
    key, without ``chapter`` or with a ``chapter`` that is no chapter page raises a
    ValueError naming the question and the field."""
    stems = {p.stem for p in docs.glob("[0-9][0-9]-*.md") if not p.name.endswith((".en.md", ".vi.md"))}
    out: dict[str, list[str]] = {}
    for quiz_id, q in quizzes.items():
        if not isinstance(q, dict):
            raise ValueError(f"{QUIZ_FILE.name}: {quiz_id}: must be a mapping")
        unknown = sorted(set(q) - set(QUIZ_KEYS))
        missing = [k for k, required in QUIZ_KEYS.items() if required and k not in q]
        if unknown or missing:
            field = (unknown or missing)[0]
            raise ValueError(f"{QUIZ_FILE.name}: {quiz_id}.{field}: {'unknown key' if unknown else 'missing'}")
        chapter = q["chapter"]
        if chapter != REVIEW and chapter not in stems:
            raise ValueError(
                f"{QUIZ_FILE.name}: {quiz_id}.chapter: {chapter!r} is neither a chapter stem nor {REVIEW!r}"
            )
        out.setdefault(chapter, []).append(quiz_id)
    return out


_INLINE_MATH = re.compile(r"(?<!\\)\$(?P<tex>[^$]+?)(?<!\\)\$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CODE = re.compile(r"`([^`]+)`")


def _plain(text: str) -> str:
    return _CODE.sub(r"<code>\1</code>", _BOLD.sub(r"<strong>\1</strong>", html.escape(text)))


def inline(text: str) -> str:
    r"""Quiz text to HTML: ``$tex$`` becomes the span pymdownx.arithmatex would make,
    ``**bold**`` and ```code``` are kept, everything else is escaped.

    >>> inline("**Why** $a<b$ & `x`")
    '<strong>Why</strong> <span class="arithmatex">\\(a&lt;b\\)</span> &amp; <code>x</code>'
    """
    out, pos = [], 0
    for m in _INLINE_MATH.finditer(text):
        out.append(_plain(text[pos : m.start()]))
        out.append(f'<span class="arithmatex">\\({html.escape(m.group("tex"))}\\)</span>')
        pos = m.end()
    out.append(_plain(text[pos:]))
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
    if lang not in LABELS:
        raise ValueError(f"lang must be one of {tuple(LABELS)}; got {lang!r}")
    q = quizzes[quiz_id]
    text, answer, labels = q[lang], int(q["answer"]), LABELS[lang]
    options, whys = text["options"], text.get("why") or [""] * len(text["options"])
    if not 0 <= answer < len(options):
        raise ValueError(f"quiz {quiz_id!r}: answer {answer} is not an option index")
    if len(whys) != len(options):
        raise ValueError(f"quiz {quiz_id!r} ({lang}): {len(whys)} 'why' for {len(options)} options")
    qid = f"quiz-{quiz_id}"
    items = "".join(
        f'<li><label><input type="radio" name="{qid}" value="{i}"> {_LETTERS[i]}) {inline(option)}</label>'
        f'<span class="lb-quiz-why" hidden>{inline(why)}</span></li>'
        for i, (option, why) in enumerate(zip(options, whys, strict=True))
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
        f"<p><strong>{labels['correct_is']}: {_LETTERS[answer]})</strong> {inline(text['explanation'])}</p>"
        "</details></div>\n"
    )
