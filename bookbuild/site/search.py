"""Vietnamese typed without diacritics finds the accented words.

Readers often type "ham mat mat" for "hàm mất mát". Material's lunr index is built in the
browser from ``search/search_index.json``, with no hook for a custom pipeline, so after the
build of a language with ``fold_search: true`` (mkdocs.yml ``languages:``) each entry gets
the folded spelling of its accented words in a hidden ``<span>`` (Material's tokenizer skips
tags; the span never shows in a result).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from .slugs import fold

TAG = re.compile(r"<[^>]*>")
WORD = re.compile(r"\w+")
FOLDED = re.compile(r"<span hidden>[^<]*</span>$")


def with_folded_words(field: str) -> str:
    """``field`` (HTML of Material's index) plus a hidden span of the folded spelling of
    its accented words, each once, in lower case (lunr's case); unchanged when it has none,
    or when it already has its span.

    >>> with_folded_words("<p>Hàm mất mát của <code>sigmoid</code></p>")
    '<p>Hàm mất mát của <code>sigmoid</code></p><span hidden>ham mat cua</span>'
    >>> with_folded_words("binary cross-entropy")
    'binary cross-entropy'
    """
    if not isinstance(field, str):
        raise TypeError(f"field must be a str, not {type(field).__name__}")
    if FOLDED.search(field):
        return field
    words = dict.fromkeys(fold(w).lower() for w in WORD.findall(html.unescape(TAG.sub(" ", field))) if fold(w) != w)
    return f"{field}<span hidden>{html.escape(' '.join(words))}</span>" if words else field


def fold_index(site: Path) -> int:
    """Add the folded words to every entry of ``site/search/search_index.json``; returns the
    number of entries. A site without an index raises FileNotFoundError."""
    index = Path(site) / "search" / "search_index.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    data["docs"] = [
        dict(d, title=with_folded_words(d["title"]), text=with_folded_words(d["text"])) for d in data["docs"]
    ]
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(data["docs"])


# --- the glossary's terms as search keywords (issue 11) ---------------------------------------
#
# A reader who types a glossary term wants the chapter that defines it. Lunr ranks by the
# syllables a section holds, so a term of common syllables ("hàm trong", "lớp") or one that a
# shorter title elsewhere also holds would rank another page first, and every edit of the
# prose could change which. The glossary already says where each concept is defined, so the
# index says it too: the first section of the defining chapter that names the term gets the
# term (both spellings when it has diacritics, and its English name on the Vietnamese site,
# for readers who know it in English) in a ``keywords`` field that Material's worker indexes
# (it indexes every field of the index's ``config.fields``) but never shows. Lunr still ORs
# syllables, so a query that *is* a keyword is answered by the worker's own rule
# (``search_worker.js``, prepended to Material's worker by :func:`install_worker`): its
# page comes first.

KEYWORDS = "keywords"
#: A keyword match outweighs any title (1000) or text (1) match, as Material's tags do.
KEYWORD_BOOST = 1e6


def _words(text: str) -> str:
    """``text`` as lunr would compare it: no tags, folded, lower case, single spaces."""
    return " " + " ".join(WORD.findall(fold(html.unescape(TAG.sub(" ", text))).lower())) + " "


def keywords_for(term, lang: str) -> list[str]:
    """What a reader of ``lang`` may type for ``term`` (a :class:`lossbook.glossary.Term`)."""
    names = [term.vi, fold(term.vi), term.en] if lang == "vi" else [term.en]
    return list(dict.fromkeys(names))


def defining_entry(docs: list[dict], term, lang: str) -> dict:
    """The entry of ``docs`` (Material's index entries) where ``term`` is defined: the first
    section of its chapter whose title or text names it. A chapter missing from the index,
    or one that never names the term, raises ValueError naming both."""
    stem = term.chapter.removesuffix(".md")
    chapter = stem + "/"
    pages = {chapter, stem + ".html"}  # directory URLs, or the offline copy's file names
    sections = [d for d in docs if d["location"].split("#")[0] in pages]
    if not sections:
        raise ValueError(f"glossary term {term.key!r}: its chapter {chapter} is not in the {lang} search index")
    # English names may be inflected ("level curves", "truncated"); a Vietnamese syllable may not
    # ("nhan" is not "nhanh").
    ending = r"\w{0,3}" if lang == "en" else ""
    name = re.compile(" " + " ".join(re.escape(w) + ending for w in _words(term.name(lang)).split()) + " ")
    for doc in sections:
        if name.search(_words(doc["title"])) or name.search(_words(doc["text"])):
            return doc
    raise ValueError(
        f"glossary term {term.key!r}: no section of {chapter} ({lang}) names {term.name(lang)!r}; "
        "the chapter that defines a term names it (docs/_data/glossary.yml `chapter:`)"
    )


def add_keywords(site: Path, lang: str, terms) -> int:
    """Give each glossary term's defining section its :func:`keywords_for` in
    ``site/search/search_index.json`` (replacing those of an earlier run); returns the number
    of terms placed."""
    index = Path(site) / "search" / "search_index.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    for doc in data["docs"]:
        doc.pop(KEYWORDS, None)
    placed: dict[str, list[str]] = {}  # by location, unique in an index
    for term in terms:
        placed.setdefault(defining_entry(data["docs"], term, lang)["location"], []).extend(keywords_for(term, lang))
    for doc in data["docs"]:
        if doc["location"] in placed:
            doc[KEYWORDS] = list(dict.fromkeys(placed[doc["location"]]))
    data["config"]["fields"][KEYWORDS] = {"boost": KEYWORD_BOOST}
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(terms)


WORKER_PATCH = Path(__file__).with_name("search_worker.js")
#: overrides/main.html names this worker in the page's config instead of Material's
#: ``search.<hash>.min.js`` (same folder: Material finds its lunr scripts beside it).
WORKER_PREFIX = "lossbook-search."


def install_worker(site: Path) -> Path:
    """Write ``assets/javascripts/workers/lossbook-search.<hash>.min.js`` in ``site``: the
    term rule of ``search_worker.js`` followed by Material's worker ``search.<hash>.min.js``
    (its source map comment dropped: the lines moved). Returns the file written; a site with
    no Material worker, or with two, raises FileNotFoundError."""
    workers = Path(site) / "assets" / "javascripts" / "workers"
    material = sorted(workers.glob("search.*.min.js"))
    if len(material) != 1:
        raise FileNotFoundError(f"expected one Material search worker in {workers}, found {material}")
    source = material[0].read_text(encoding="utf-8")
    source = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", source)
    target = workers / (WORKER_PREFIX + material[0].name.removeprefix("search."))
    target.write_text(WORKER_PATCH.read_text(encoding="utf-8") + source, encoding="utf-8")
    return target
