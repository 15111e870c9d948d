r"""The book's glossary: one name per concept, in both languages (``docs/_data/glossary.yml``).

Each entry names a concept once in English and once in Vietnamese, lists the variants the
site must not use (``rejected``), a one-sentence definition in both languages and the
chapter that defines it. :func:`load_glossary` reads and validates the file (a wrong key,
a missing language or a chapter that does not exist is an error naming the entry);
:func:`glossary_table` renders it for ``docs/glossary.md`` and its twin.

The style rules that tests/test_glossary.py enforces on every Vietnamese text a reader
sees are here too, so that the rule and its test cannot disagree:

- :func:`old_tone_marks`: the book places tone marks in the *new* style. In an open
  syllable ending in *oa*, *oe* or *uy* (no final consonant, and not *qu-*), the mark sits
  on the second vowel: *hoá*, *hoà*, *toạ*, *khoẻ*, *thuỷ*, *luỹ*, never *hóa*, *tọa*,
  *lũy*;
- :func:`rejected_hits`: a rejected variant of a glossary term, outside code, formulas,
  parentheses and quotations (an English gloss in parentheses is always allowed).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from .text import check_lang, md_table, tr

__all__ = ["GLOSSARY_FILE", "Term", "glossary_table", "load_glossary", "old_tone_marks", "prose", "rejected_hits"]

ROOT = Path(__file__).resolve().parent.parent
#: The glossary's data file.
GLOSSARY_FILE = ROOT / "docs" / "_data" / "glossary.yml"

_KEYS = {"en", "vi", "also", "rejected", "allow", "chapter", "definition"}
_REQUIRED = ("en", "vi", "chapter", "definition")


@dataclass(frozen=True)
class Term:
    """One concept: its name in each language, the variants not to use, where it is defined."""

    key: str
    en: str
    vi: str
    chapter: str
    definition_vi: str
    definition_en: str
    also: tuple[str, ...] = ()
    rejected_vi: tuple[str, ...] = ()
    rejected_en: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return tr(lang, self.vi, self.en)

    def definition(self, lang: str) -> str:
        return tr(lang, self.definition_vi, self.definition_en)

    def rejected(self, lang: str) -> tuple[str, ...]:
        return tr(lang, self.rejected_vi, self.rejected_en)


def _strings(entry: str, field: str, value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"glossary entry {entry!r}: {field} must be a list of non-empty strings; got {value!r}")
    return tuple(value)


def _both(entry: str, field: str, value: object, required: bool) -> dict[str, object]:
    if value is None and not required:
        return {}
    if not isinstance(value, dict):
        raise ValueError(f"glossary entry {entry!r}: {field} must map vi/en to text; got {value!r}")
    unknown = set(value) - {"vi", "en"}
    if unknown:
        raise ValueError(f"glossary entry {entry!r}: {field} has unknown language(s) {sorted(unknown)}")
    missing = [lang for lang in ("vi", "en") if required and not value.get(lang)]
    if missing:
        raise ValueError(f"glossary entry {entry!r}: {field} is missing language(s) {missing}")
    return value


def load_glossary(path: Path | str | None = None, docs_dir: Path | str | None = None) -> tuple[Term, ...]:
    """The glossary's terms, in file order, after checking every entry.

    ``docs_dir`` (default: the ``docs/`` beside ``path``'s ``_data/``) must hold each
    entry's ``chapter`` page.

    >>> terms = load_glossary()
    >>> next(t for t in terms if t.key == "eigenvalue").vi
    'trị riêng'
    """
    path = Path(path) if path is not None else GLOSSARY_FILE
    docs = Path(docs_dir) if docs_dir is not None else path.resolve().parent.parent
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not data:
        raise ValueError(f"{path}: expected a mapping of concept -> entry")
    terms, seen = [], {"vi": {}, "en": {}}
    for key, entry in data.items():
        if not isinstance(entry, dict):
            raise ValueError(f"glossary entry {key!r}: expected a mapping; got {entry!r}")
        unknown = set(entry) - _KEYS
        if unknown:
            raise ValueError(f"glossary entry {key!r}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_KEYS)}")
        missing = [k for k in _REQUIRED if not entry.get(k)]
        if missing:
            raise ValueError(f"glossary entry {key!r}: missing {missing}")
        for lang in ("vi", "en"):
            if not isinstance(entry[lang], str):
                raise ValueError(f"glossary entry {key!r}: {lang} must be text; got {entry[lang]!r}")
            other = seen[lang].setdefault(entry[lang].casefold(), key)
            if other != key:
                raise ValueError(f"glossary entry {key!r}: {lang} name {entry[lang]!r} is already entry {other!r}")
        chapter = entry["chapter"]
        if not isinstance(chapter, str) or not (docs / chapter).is_file():
            raise ValueError(f"glossary entry {key!r}: chapter {chapter!r} is not a page in {docs}")
        definition = _both(key, "definition", entry["definition"], required=True)
        rejected = _both(key, "rejected", entry.get("rejected"), required=False)
        term = Term(
            key=key,
            en=entry["en"],
            vi=entry["vi"],
            chapter=chapter,
            definition_vi=str(definition["vi"]),
            definition_en=str(definition["en"]),
            also=_strings(key, "also", entry.get("also")),
            rejected_vi=_strings(key, "rejected.vi", rejected.get("vi")),
            rejected_en=_strings(key, "rejected.en", rejected.get("en")),
            allow=_strings(key, "allow", entry.get("allow")),
        )
        for lang in ("vi", "en"):
            name = term.name(lang)
            for phrase in term.allow:
                name = re.sub(re.escape(phrase), " ", name, flags=re.IGNORECASE)
            clash = [v for v in term.rejected(lang) if _find(v, name)]
            if clash:
                raise ValueError(
                    f"glossary entry {key!r}: the {lang} name {term.name(lang)!r} is itself rejected ({clash})"
                )
        terms.append(term)
    return tuple(terms)


def _chapter_title(docs: Path, chapter: str, lang: str) -> str:
    page = docs / (chapter if lang == "vi" else chapter.replace(".md", ".en.md"))
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return chapter


def glossary_table(lang: str, path: Path | str | None = None) -> str:
    """The glossary as a Markdown table, page language first, with the defining chapter.

    >>> print(glossary_table("en").splitlines()[0])
    | English | Tiếng Việt | meaning | defined in |
    """
    check_lang(lang)
    path = Path(path) if path is not None else GLOSSARY_FILE
    docs = path.resolve().parent.parent
    rows = []
    for t in load_glossary(path):
        name = f"**{t.name(lang)}**"
        if t.also:
            name += tr(lang, " (còn gặp: ", " (also: ") + ", ".join(t.also) + ")"
        other = f'<span lang="{tr(lang, "en", "vi")}">{t.en if lang == "vi" else t.vi}</span>'  # read in its language
        link = f"[{_chapter_title(docs, t.chapter, lang)}]({t.chapter})"
        rows.append((name, other.replace("|", r"\|"), t.definition(lang).replace("|", r"\|"), link))
    headers = tr(
        lang, ("Tiếng Việt", "English", "nghĩa", "định nghĩa ở"), ("English", "Tiếng Việt", "meaning", "defined in")
    )
    return md_table(headers, rows, "llll")


# --- the style rules ------------------------------------------------------------------------

# An open syllable o+a / o+e / u+y (not after q) with the tone mark on its first vowel.
# NFC letters; \w keeps the match to whole syllables (hoàn, toán, thuyết are fine).
_OLD_TONE = re.compile(r"(?<![\wqQ])(\w*?)(?<![qQ])([òóỏõọ][ae]|[ùúủũụ]y)(?!\w)", re.IGNORECASE)


def old_tone_marks(text: str) -> list[str]:
    """The words of ``text`` written with old-style tone marks (the book uses the new style).

    >>> old_tone_marks("hóa học, hoá học, tọa độ, lũy thừa, khỏe, quý, thuyết, hoàn toàn")
    ['hóa', 'tọa', 'lũy', 'khỏe']
    """
    text = unicodedata.normalize("NFC", text)
    return [m.group(0) for m in _OLD_TONE.finditer(text)]


_FENCE = re.compile(r"^(\s*)(```|~~~).*?^\1\2[^\n]*$", re.MULTILINE | re.DOTALL)
_CODE = re.compile(r"`[^`\n]*`")
_MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]*\$|\\\(.*?\\\)", re.DOTALL)
_PLACEHOLDER = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
_HTML = re.compile(r"<[^>\n]*>")


def prose(markdown: str) -> str:
    """What a reader reads of ``markdown``: no code, formulas, placeholders, link targets or tags.

    >>> prose("Gọi `f(x)` là $f$ ([chương 1](01-a.md)), {{ fmt(1) }}.")
    'Gọi   là   ([chương 1] ),  .'
    """
    text = _FENCE.sub(" ", markdown)
    for pattern in (_PLACEHOLDER, _CODE, _MATH, _HTML):
        text = pattern.sub(" ", text)
    return _LINK_TARGET.sub("] ", text)


# Parentheses (a gloss) and quotations (a source quoted verbatim) may hold any spelling.
_GLOSSES = re.compile(r"\([^()]*\)|“[^”]*”|\"[^\"\n]*\"|(?<!\w)'[^'\n]*'(?!\w)")


def _find(variant: str, text: str) -> list[re.Match]:
    pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, variant.split())) + r"(?!\w)"
    return list(re.finditer(pattern, text, re.IGNORECASE))


def rejected_hits(text: str, lang: str, terms: tuple[Term, ...] | None = None) -> list[tuple[str, str, str]]:
    """``(variant, term key, context)`` for each rejected variant in ``text`` (prose, not Markdown).

    >>> rejected_hits("Bước học nhỏ; trị riêng (giá trị riêng) âm; độ lệch chuẩn.", "vi")
    [('bước học', 'learning-rate', 'Bước học nhỏ; trị riêng')]
    """
    check_lang(lang)
    terms = load_glossary() if terms is None else terms
    text = unicodedata.normalize("NFC", text)
    # Remove glosses repeatedly, so that nested parentheses go too.
    while True:
        stripped = _GLOSSES.sub(" ", text)
        if stripped == text:
            break
        text = stripped
    hits = []
    for t in terms:
        scrubbed = text
        for phrase in t.allow:
            scrubbed = re.sub(re.escape(phrase), " ", scrubbed, flags=re.IGNORECASE)
        for variant in t.rejected(lang):
            for m in _find(variant, scrubbed):
                context = scrubbed[max(0, m.start() - 30) : m.end() + 15]
                hits.append((variant, t.key, " ".join(context.split())))
    return hits


# --- the English term at the first use of each term in a chapter -------------------------------

_SKIP_LINE = re.compile(r"^[ \t]*(#|!\[|\||!!!|\?\?\?|===).*$", re.MULTILINE)
_SKIP_BLOCK = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$|^[ \t]*\$\$.*?\$\$[ \t]*$", re.MULTILINE | re.DOTALL)
_SKIP_SPAN = re.compile(r"`[^`\n]*`|\$[^$\n]*\$|\{\{.*?\}\}|\"[^\"\n]*\"|\]\([^)\n]*\)|<[^>\n]*>", re.DOTALL)


def _masked(markdown: str) -> str:
    """``markdown`` with what is not running prose (code, formulas, headings, titles, tables,
    figures, placeholders, quotations, link targets) blanked out, offsets kept."""
    text = markdown
    for pattern in (_SKIP_BLOCK, _SKIP_LINE, _SKIP_SPAN):
        text = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    return text


def first_uses(markdown: str, terms: tuple[Term, ...] | None = None) -> list[tuple[Term, int, bool]]:
    """``(term, offset, glossed)`` for the first use in running prose of each glossary term whose
    two names differ; ``glossed`` says whether the English term follows in parentheses
    (``hàm hợp lý (likelihood)``, ``(trọng số, weight)``, ``**lồi** (convex)``), or precedes
    it (``**Damping** (giảm chấn)``).

    >>> [(t.key, glossed) for t, _, glossed in first_uses("Hàm hợp lý (likelihood) rồi trị riêng.")]
    [('likelihood', True), ('eigenvalue', False)]
    """
    terms = load_glossary() if terms is None else terms
    base = _masked(unicodedata.normalize("NFC", markdown))
    low = base.casefold()
    names = [t.vi.casefold() for t in terms]
    found = []
    for t in terms:
        if t.vi.casefold() == t.en.casefold():
            continue
        masked = low
        for longer in names:  # "đạo hàm" inside "đạo hàm riêng" is the longer term's use
            if len(longer) > len(t.vi) and re.search(r"(?<!\w)" + re.escape(t.vi.casefold()) + r"(?!\w)", longer):
                masked = re.sub(r"\s+".join(map(re.escape, longer.split())), lambda m: "#" * len(m.group(0)), masked)
        m = re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, t.vi.casefold().split())) + r"(?!\w)", masked)
        if not m:
            continue
        plain = markdown.casefold()
        close = plain.find(")", m.end())
        segment = plain[m.end() : close] if 0 <= close - m.end() <= 90 else ""
        opening = plain.rfind("(", max(0, m.start() - 60), m.start())
        inside = opening > plain.rfind(")", 0, m.start())
        english_first = inside and " ".join(t.en.casefold().split()) in plain[max(0, opening - 40) : opening]
        gap = re.sub(r"\]\([^)]*\)|\*", "", segment.split("(")[0]).strip() if "(" in segment else None
        opened = inside or (gap is not None and len(gap) <= 15)
        glossed = english_first or (opened and " ".join(t.en.casefold().split()) in " ".join(segment.split()))
        found.append((t, m.start(), glossed))
    return sorted(found, key=lambda f: f[1])
