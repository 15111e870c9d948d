"""Every chapter's frame: ``{{ chapter_header() }}`` under its title and
``{{ chapter_footer() }}`` at its end.

The header says what the reader will learn, what they need (earlier chapters, linked, and
ideas) and how long it takes; the footer holds the key takeaways and the chapter's check of
understanding: the questions of ``docs/_data/quizzes.yml`` whose ``chapter:`` is the page's
stem, rendered by :func:`~.quizzes.render_quiz`. Both are data, one file per chapter,
``docs/_data/chapters/<NN-topic>.yml``::

    minutes: 25                               # reading time
    needs: [03-linear-regression, 06-sigmoid] # chapters the reader needs (page stems)
    vi:
      learn: ["…", "…"]        # 2-4 "you will learn" items (Markdown, math allowed)
      need: ["…"]              # optional: ideas needed beyond the chapters (may be [])
      takeaways: ["…", "…", "…"]  # 3-5 key takeaways
    en: {learn: […], need: […], takeaways: […]}   # the same lengths as vi

The loader is strict (:func:`load_frame`): an unknown key, a missing language or field, a
wrong length, a vi/en length mismatch, an unknown ``needs`` page or a missing file raises
:class:`FrameError` naming the file and the field, and the page's placeholder error names the
page. The header is an admonition (no heading: the table of contents starts with the
chapter's own sections); the footer's two ``##`` headings come last in the contents. The
frame is left out of the search index (``data-search-exclude``): it restates the chapter. Nothing
needs JavaScript (the questions work without it, see :mod:`.quizzes`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ._common import DOCS, PrerenderError
from .quizzes import load_quizzes, quiz_chapters, render_quiz

__all__ = [
    "FRAME_DIR",
    "Frame",
    "FrameError",
    "chapter_stems",
    "chapter_title",
    "load_frame",
    "render_chapter_footer",
    "render_chapter_header",
]

FRAME_DIR = "_data/chapters"  # under docs/
LANGS = ("vi", "en")
CHAPTER = re.compile(r"(?P<stem>\d\d-[a-z0-9]+(?:-[a-z0-9]+)*)(?:\.(?:en|vi))?\.md")
KEYS = {"minutes": True, "needs": True, "vi": True, "en": True}  # key: required
TEXT_KEYS = {"learn": (2, 4), "need": (0, 6), "takeaways": (3, 5)}  # field: (min, max) items
REQUIRED_TEXT = ("learn", "takeaways")
#: The frame restates the chapter: search finds the chapter's own teaching, not its summary
#: or its questions (Material's search skips a block, or a heading's section, so marked).
SEARCH_EXCLUDE = "data-search-exclude"

LABELS = {
    "vi": {
        "box": "Trong chương này",
        "learn": "Bạn sẽ học",
        "need": "Bạn cần",
        "nothing": "không cần chương nào trước",
        "minutes": "khoảng {n} phút đọc",
        "notation": "Ký hiệu dùng trong sách",
        "takeaways": "Điều cần nhớ",
        "check": "Tự kiểm tra",
        "check_intro": "Chọn một đáp án rồi bấm **Kiểm tra**: mỗi lựa chọn đều có lời giải thích. "
        "Ôn tập cả sách: [trắc nghiệm ôn tập](quizzes.md).",
        "all_above": "Các câu hỏi của chương này nằm trong các mục ở trên.",
    },
    "en": {
        "box": "In this chapter",
        "learn": "You will learn",
        "need": "You need",
        "nothing": "no earlier chapter",
        "minutes": "about {n} minutes",
        "notation": "The book's notation",
        "takeaways": "Key takeaways",
        "check": "Check your understanding",
        "check_intro": "Choose an answer and press **Check**: every option is explained. "
        "A review of the whole book: [the review quiz](quizzes.md).",
        "all_above": "This chapter's questions are in its sections above.",
    },
}


class FrameError(PrerenderError, ValueError):
    """A chapter frame file is wrong: ``docs/_data/chapters/<stem>.yml: <field>: reason``."""

    def __init__(self, path: Path | str, field: str, reason: str) -> None:
        self.path, self.field, self.reason = str(path), field, reason
        super().__init__(f"{path}: {field}: {reason}")


@dataclass(frozen=True)
class Frame:
    """One chapter's frame, checked: reading ``minutes``, the chapters it ``needs`` (stems),
    and per language the lists ``learn``, ``need`` and ``takeaways``."""

    stem: str
    minutes: int
    needs: tuple[str, ...]
    text: dict[str, dict[str, tuple[str, ...]]]


def chapter_stems(docs: Path | None = None) -> tuple[str, ...]:
    """The chapters' page stems, ``01-optimization`` …, from ``docs/NN-topic.md``."""
    docs = _docs(docs)
    return tuple(sorted(p.stem for p in docs.glob("[0-9][0-9]-*.md") if not p.name.endswith((".en.md", ".vi.md"))))


def page_stem(page: str) -> str:
    """``07-mse-sigmoid`` for ``07-mse-sigmoid.md`` (or ``.en.md``); a ValueError for a
    page that is no chapter.

    >>> page_stem("07-mse-sigmoid.md"), page_stem("docs/09-convexity.en.md")
    ('07-mse-sigmoid', '09-convexity')
    >>> page_stem("quizzes.md")
    Traceback (most recent call last):
    ValueError: chapter_header()/chapter_footer() belong to a chapter page (NN-topic.md); 'quizzes.md' is none
    """
    m = CHAPTER.fullmatch(Path(page).name)
    if not m:
        raise ValueError(f"chapter_header()/chapter_footer() belong to a chapter page (NN-topic.md); {page!r} is none")
    return m["stem"]


def chapter_title(stem: str, lang: str, docs: Path | None = None) -> str:
    """The ``#`` title of chapter ``stem`` in ``lang`` (its English twin when there is one)."""
    path = _source(stem, lang, _docs(docs))
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    raise ValueError(f"{path.name}: no '# title' line")


def _docs(docs: Path | None) -> Path:
    """``docs``, or this module's ``DOCS`` looked up now (a test can point it at planted files)."""
    return DOCS if docs is None else docs


def _source(stem: str, lang: str, docs: Path) -> Path:
    twin = docs / f"{stem}.{lang}.md"
    return twin if lang != "vi" and twin.exists() else docs / f"{stem}.md"


def _strings(value: Any, where: Path, field: str, bounds: tuple[int, int]) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise FrameError(where, field, f"must be a list of strings; got {type(value).__name__}")
    if not all(isinstance(s, str) and s.strip() for s in value):
        raise FrameError(where, field, "every item must be a non-empty string")
    low, high = bounds
    if not low <= len(value) <= high:
        raise FrameError(where, field, f"needs {low} to {high} items; got {len(value)}")
    return tuple(s.strip() for s in value)


def load_frame(stem: str, docs: Path | None = None) -> Frame:
    """Chapter ``stem``'s frame from ``docs/_data/chapters/<stem>.yml``, checked strictly
    (see the module docstring); :class:`FrameError` names the file and the field."""
    docs = _docs(docs)
    path = docs / FRAME_DIR / f"{stem}.yml"
    shown = Path("docs") / FRAME_DIR / path.name
    if not path.is_file():
        raise FrameError(shown, "(file)", f"missing: every chapter has a frame (see {__name__})")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise FrameError(shown, "(file)", f"is not YAML: {err}") from None
    if not isinstance(data, dict):
        raise FrameError(shown, "(file)", "must be a mapping of minutes, needs, vi, en")
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise FrameError(shown, unknown[0], f"unknown key (allowed: {', '.join(KEYS)})")
    missing = [k for k, required in KEYS.items() if required and k not in data]
    if missing:
        raise FrameError(shown, missing[0], "missing")
    minutes = data["minutes"]
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 180:
        raise FrameError(shown, "minutes", f"must be a whole number of minutes, 1 to 180; got {minutes!r}")
    needs = data["needs"]
    if not isinstance(needs, list) or not all(isinstance(n, str) for n in needs):
        raise FrameError(shown, "needs", "must be a list of chapter page stems (03-linear-regression)")
    stems = chapter_stems(docs)
    for n in needs:
        if n not in stems or n == stem:
            raise FrameError(shown, "needs", f"{n!r} is not another chapter (one of {', '.join(stems)})")
    text: dict[str, dict[str, tuple[str, ...]]] = {}
    for lang in LANGS:
        block = data[lang]
        if not isinstance(block, dict):
            raise FrameError(shown, lang, "must be a mapping of learn, need, takeaways")
        unknown = sorted(set(block) - set(TEXT_KEYS))
        if unknown:
            raise FrameError(shown, f"{lang}.{unknown[0]}", f"unknown key (allowed: {', '.join(TEXT_KEYS)})")
        for field in REQUIRED_TEXT:
            if field not in block:
                raise FrameError(shown, f"{lang}.{field}", "missing")
        text[lang] = {
            field: _strings(block.get(field, []) or [], shown, f"{lang}.{field}", bounds)
            for field, bounds in TEXT_KEYS.items()
        }
    for field in TEXT_KEYS:
        n_vi, n_en = len(text["vi"][field]), len(text["en"][field])
        if n_vi != n_en:
            raise FrameError(shown, f"en.{field}", f"{n_en} items, but vi.{field} has {n_vi}: the twins say the same")
    return Frame(stem, minutes, tuple(needs), text)


def render_chapter_header(page: str, lang: str, docs: Path | None = None) -> str:
    """The header of chapter ``page`` (``07-mse-sigmoid.md``) in ``lang``: a compact box
    styled as an ``abstract`` admonition (no heading; Markdown inside, by md_in_html; left out
    of the search index) with what the reader will learn, what they need (the chapters,
    linked by title, then the ideas) and the reading time."""
    if lang not in LABELS:
        raise ValueError(f"lang must be one of {LANGS}; got {lang!r}")
    stem, docs = page_stem(page), _docs(docs)
    frame, words = load_frame(stem, docs), LABELS[lang]
    links = [f"[{int(n[:2])}. {chapter_title(n, lang, docs)}]({n}.md)" for n in frame.needs]
    needed = "; ".join(filter(None, [", ".join(links), *(n.rstrip(".") for n in frame.text[lang]["need"])]))
    needed = needed or words["nothing"]  # one full stop at the end, even when an item ends with its own
    body = "\n".join(
        [
            f"**{words['learn']}**",
            "",
            *(f"- {item}" for item in frame.text[lang]["learn"]),
            "",
            f"**{words['need']}:** {needed}.",
            "",
            f"[{words['notation']}](notation.md)",
        ]
    )
    title = f"{words['box']} · {words['minutes'].format(n=frame.minutes)}"
    return (
        f'\n<div class="admonition abstract lb-chapter-header" {SEARCH_EXCLUDE}="true" markdown="1">\n'
        f'<p class="admonition-title">{title}</p>\n\n{body}\n\n</div>\n'
    )


def render_chapter_footer(page: str, lang: str, docs: Path | None = None, quizzes: dict[str, Any] | None = None) -> str:
    """The footer of chapter ``page`` in ``lang``: ``## Key takeaways`` (a list) and
    ``## Check your understanding``, the questions whose ``chapter:`` is this chapter, in
    the file's order (a question the page already shows with ``{{ quiz("id") }}`` is not
    repeated)."""
    if lang not in LABELS:
        raise ValueError(f"lang must be one of {LANGS}; got {lang!r}")
    stem, docs = page_stem(page), _docs(docs)
    frame, words = load_frame(stem, docs), LABELS[lang]
    quizzes = load_quizzes() if quizzes is None else quizzes
    on_page = set(re.findall(r"quiz\(\s*['\"]([^'\"]+)['\"]\s*\)", _source(stem, lang, docs).read_text("utf-8")))
    own = quiz_chapters(quizzes, docs).get(stem, [])
    ids = [q for q in own if q not in on_page]
    parts = [
        "",
        f"## {words['takeaways']} {{ {SEARCH_EXCLUDE} }}",
        "",
        *(f"- {item}" for item in frame.text[lang]["takeaways"]),
        "",
    ]
    if own:  # the heading stays (the review quiz links it) even if the page shows them all
        parts += [f"## {words['check']} {{ {SEARCH_EXCLUDE} }}", "", words["check_intro"], ""]
        parts += [render_quiz(q, lang, quizzes) for q in ids] or [words["all_above"], ""]
    return "\n".join(parts) + "\n"
