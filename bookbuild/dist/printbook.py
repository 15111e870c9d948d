"""One printable HTML page per language from the built (offline) site: the book as the PDF has it.

:func:`print_page` reads a language's built site (``use_directory_urls: false``, as the
offline copy is built): the page order and titles from the home page's navigation, each
page's ``<article>``; and writes one page holding a cover, a table of contents, every
chapter and reference page (not the home page, not the notebooks: they are downloads of
their own) and an appendix with the quiz answers. In print:

* each quiz keeps its question and options; its answer (the ``<details>`` that holds it) moves
  to the appendix, numbered, and the question says where to find it;
* every other ``<details>`` (worked solutions, erratum notes) is opened;
* figures show their light version only and load eagerly; links between pages go to the
  chapter in the same document; heading anchors, edit buttons and scripts are left out.

Nothing here knows a chapter by name: the titles are the pages' own ``<h1>``.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["LABELS", "Chapter", "chapters", "print_html", "print_page", "quizzes_to_appendix"]

LABELS = {
    "vi": {"toc": "Mục lục", "answers": "Phụ lục: đáp án các câu hỏi", "question": "Câu", "see": "Đáp án: phụ lục"},
    "en": {"toc": "Contents", "answers": "Appendix: answers to the questions", "question": "Question", "see": "Answer: appendix"},
}
SKIP = ("index.html", "notebooks/")  # the home page and the notebooks are not chapters of the book

_NAV = re.compile(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>\s*</div>\s*</div>', re.DOTALL)
_NAV_LINK = re.compile(r'<a href="([^"#]+\.html)"[^>]*class="md-nav__link')
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_QUIZ = re.compile(r'<div class="lb-quiz" id="(?P<id>[^"]+)"[^>]*>(?P<body>.*?)</details></div>', re.DOTALL)
_ANSWER = re.compile(r'<details class="lb-quiz-answer"><summary>.*?</summary>(?P<answer>.*)$', re.DOTALL)
_QUESTION = re.compile(r'(<p class="lb-quiz-question"[^>]*>)')


@dataclass
class Chapter:
    """One page of the book: its site path (``06-sigmoid.html``), title and printable HTML."""

    path: str
    title: str
    html: str
    answers: list[tuple[int, str]] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """The id of the chapter in the print page.

        >>> Chapter("notebooks/a.html", "A", "").anchor
        'p-notebooks-a'
        """
        return "p-" + re.sub(r"[^a-z0-9]+", "-", self.path.lower().removesuffix(".html")).strip("-")


def nav_paths(home: str) -> list[str]:
    """The pages of the primary navigation of a built page, in order, each once (site
    paths relative to the language's root)."""
    found = _NAV.search(home)
    if not found:
        raise ValueError("no primary navigation (<nav class='md-nav md-nav--primary'>) in the home page")
    out = []
    for href in _NAV_LINK.findall(found.group(0)):
        path = posixpath.normpath(html.unescape(href)).removeprefix("./")
        if path not in out:
            out.append(path)
    return out


def quizzes_to_appendix(content: str, start: int, labels: dict[str, str]) -> tuple[str, list[tuple[int, str]]]:
    """Each quiz of ``content`` numbered from ``start``: its options without radio buttons,
    its answer moved out. Returns the new HTML and the (number, answer HTML) pairs.

    >>> quiz = ('<div class="lb-quiz" id="quiz-a" data-answer="1"><p class="lb-quiz-question" id="q">Why?</p>'
    ...         '<ol><li><label><input type="radio" name="a" value="0"> a) No</label></li></ol>'
    ...         '<p><button type="button" class="md-button lb-quiz-check" hidden>Check</button></p>'
    ...         '<p class="lb-quiz-feedback" role="status"></p>'
    ...         '<details class="lb-quiz-answer"><summary>Show</summary><p><strong>b)</strong> Yes.</p></details></div>')
    >>> out, answers = quizzes_to_appendix(quiz, 3, LABELS["en"])
    >>> answers
    [(3, '<p><strong>b)</strong> Yes.</p>')]
    >>> "<input" in out or "<button" in out or "Yes." in out, "Question 3." in out, "#lb-answer-3" in out
    (False, True, True)
    """
    answers: list[tuple[int, str]] = []

    def one(m: re.Match) -> str:
        number = start + len(answers)
        body = m.group("body") + "</details>"
        found = _ANSWER.search(body)
        if not found:
            raise ValueError(f"quiz {m.group('id')}: no <details class='lb-quiz-answer'> holding its answer")
        answers.append((number, found.group("answer").removesuffix("</details>")))
        body = body[: found.start()]
        body = re.sub(r"<input\b[^>]*>\s?", "", body)
        body = re.sub(r"<p><button\b.*?</button></p>", "", body, flags=re.DOTALL)
        body = re.sub(r'<p class="lb-quiz-feedback"[^>]*></p>', "", body)
        body = _QUESTION.sub(rf"\1<strong>{labels['question']} {number}.</strong> ", body, count=1)
        see = f'<p class="lb-print-see"><a href="#lb-answer-{number}">{labels["see"]}, {number}</a></p>'
        return f'<div class="lb-quiz lb-print-quiz" id="{m.group("id")}">{body}{see}</div>'

    out = _QUIZ.sub(one, content)
    missed = content.count('<div class="lb-quiz" ') - len(answers)
    if missed:
        raise ValueError(f"{missed} quiz(zes) not in the form this print page knows (bookbuild.prerender.quizzes)")
    return out, answers


def _relink(content: str, page: str, anchors: dict[str, str]) -> str:
    """Links and sources of a page at ``page`` made right for a print page at the root:
    relative sources re-rooted, links to a page of the book to its chapter in the document."""
    folder = posixpath.dirname(page)

    def src(m: re.Match) -> str:
        url = m.group(2)
        if re.match(r"^[a-z][a-z0-9+.-]*:|^/|^#", url) or not folder:
            return m.group(0)
        return m.group(1) + posixpath.normpath(posixpath.join(folder, url)) + m.group(3)

    def href(m: re.Match) -> str:
        url = m.group(2)
        if re.match(r"^[a-z][a-z0-9+.-]*:|^/", url):
            return m.group(0)
        if url.startswith("#"):
            return m.group(1) + "#" + anchors[page] + m.group(3) if url == "#" else m.group(0)
        target = posixpath.normpath(posixpath.join(folder, url.split("#")[0]))
        if target in anchors:
            return m.group(1) + "#" + anchors[target] + m.group(3)
        return m.group(1) + posixpath.normpath(posixpath.join(folder, url)) + m.group(3)

    content = re.sub(r'(\bsrc=")([^"]+)(")', src, content)
    return re.sub(r'(<a\b[^>]*?\bhref=")([^"]+)(")', href, content)


def chapters(root: Path, labels: dict[str, str]) -> list[Chapter]:
    """The book's pages of a language's built site at ``root``, in the navigation's order,
    each made printable (quizzes numbered across the book)."""
    root = Path(root)
    paths = [p for p in nav_paths((root / "index.html").read_text(encoding="utf-8")) if not p.startswith(SKIP)]
    if not paths:
        raise ValueError(f"{root}: the navigation lists no page besides the home page")
    anchors = {p: Chapter(p, "", "").anchor for p in paths}
    out, number = [], 1
    for path in paths:
        text = (root / path).read_text(encoding="utf-8")
        article = _ARTICLE.search(text)
        if not article:
            raise ValueError(f"{root / path}: no <article class='md-content__inner md-typeset'>")
        content = article.group(1)
        content = re.sub(r'<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>', "", content, flags=re.DOTALL)
        content = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", content, flags=re.DOTALL)
        title = _H1.search(content)
        if not title:
            raise ValueError(f"{root / path}: no <h1> title")
        content = re.sub(r"<script\b.*?</script>", "", content, flags=re.DOTALL)
        content = re.sub(r'<img\b[^>]*#only-dark"[^>]*>', "", content)
        content = content.replace(' loading="lazy"', "")
        content = re.sub(r"<details(?![^>]*lb-quiz-answer)(?![^>]*\bopen\b)", "<details open", content)
        content, answers = quizzes_to_appendix(content, number, labels)
        number += len(answers)
        content = _relink(content, path, anchors)
        out.append(Chapter(path, " ".join(html.unescape(_TAG.sub("", title.group(1))).split()), content, answers))
    return out


PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm; }
html { font-size: 112%; }
body { margin: 0; background: #fff; }
.lb-print { max-width: none; }
.lb-print .lb-chapter, .lb-print .lb-answers, .lb-print .lb-toc { break-before: page; }
.lb-print .lb-cover { text-align: center; padding-top: 30vh; }
.lb-print .lb-cover h1 { font-size: 2.2em; }
.lb-print .lb-toc ol { list-style: none; padding: 0; margin: 0; }
.lb-print .lb-toc li { margin: .3em 0; }
.lb-print .lb-toc a { color: inherit; text-decoration: none; }
.lb-print h1, .lb-print h2, .lb-print h3 { break-after: avoid; }
.lb-print figure, .lb-print img, .lb-print table, .lb-print .katex-display, .lb-print .lb-quiz { break-inside: avoid; }
.lb-print img { max-width: 100%; height: auto; }
.lb-print .lb-explorer { border: 1px dashed #999; padding: .5em 1em; }
.lb-print .lb-quiz-why, .lb-print .lb-quiz-check, .lb-print .lb-quiz-feedback { display: none !important; }
.lb-print .lb-quiz-options { list-style: none; }
.lb-print .lb-print-see { font-size: .85em; font-style: italic; }
.lb-print .md-typeset details { overflow: visible; }
.lb-print a { color: inherit; }
"""


def print_html(root: Path, lang: str, title: str, subtitle: str) -> str:
    """The print page of the language whose built site is at ``root``."""
    if lang not in LABELS:
        raise ValueError(f"lang must be one of {tuple(LABELS)}, not {lang!r}")
    labels = LABELS[lang]
    root = Path(root)
    book = chapters(root, labels)
    styles = [p.relative_to(root).as_posix() for p in sorted((root / "assets" / "stylesheets").glob("*.min.css"))]
    styles += ["assets/katex/katex.min.css", "assets/lossbook.css"]
    links = "".join(f'<link rel="stylesheet" href="{s}">' for s in styles if (root / s).is_file())
    toc = "".join(f'<li><a href="#{c.anchor}">{html.escape(c.title)}</a></li>' for c in book)
    body = "".join(f'<section class="lb-chapter" id="{c.anchor}">{c.html}</section>' for c in book)
    answers = "".join(
        f'<div class="lb-print-answer" id="lb-answer-{n}"><p><strong>{labels["question"]} {n}</strong> '
        f"({html.escape(c.title)})</p>{a}</div>"
        for c in book
        for n, a in c.answers
    )
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>{links}<style>{PRINT_CSS}</style></head>"
        '<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo" data-md-color-accent="deep-orange">'
        '<div class="lb-print md-typeset">'
        f'<section class="lb-cover"><h1>{html.escape(title)}</h1><p>{html.escape(subtitle)}</p></section>'
        f'<nav class="lb-toc" id="lb-toc"><h1>{labels["toc"]}</h1><ol>{toc}'
        f'<li><a href="#lb-answers">{labels["answers"]}</a></li></ol></nav>'
        f'{body}<section class="lb-answers" id="lb-answers"><h1>{labels["answers"]}</h1>{answers}</section>'
        "</div></body></html>"
    )


def print_page(root: Path, lang: str, title: str, subtitle: str, name: str = "print.html") -> Path:
    """Write :func:`print_html` as ``root/name`` (next to the assets it uses); returns its path."""
    target = Path(root) / name
    target.write_text(print_html(root, lang, title, subtitle), encoding="utf-8")
    return target
