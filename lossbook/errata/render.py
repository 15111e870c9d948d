"""The errata page's tables: the errata grouped by severity (mathematical errors first),
and the numbers checked and right. Every correct number is computed when the page is built."""

from __future__ import annotations

from ..text import LANGS, Text, check_lang, md_table
from .model import SEVERITIES
from .records import CONFIRMED, ERRATA, SOURCES

#: Severity -> (heading, the one sentence that says what the class means), in page order.
SEVERITY_TEXT: dict[str, tuple[Text, Text]] = {
    "math": (
        Text("Lỗi toán học", "Mathematical errors"),
        Text(
            "Một công thức, phép tính hay khẳng định sai: làm theo nguồn sẽ ra kết quả sai.",
            "A wrong formula, computation or claim: following the source gives a wrong result.",
        ),
    ),
    "condition": (
        Text("Thiếu điều kiện", "Missing conditions"),
        Text(
            "Khẳng định chỉ đúng với một điều kiện (hay một giả thiết) mà nguồn không nói ra.",
            "The statement holds only under a condition (or an assumption) the source does not state.",
        ),
    ),
    "notation": (
        Text("Ký hiệu", "Notation"),
        Text(
            "Phần toán đúng hoặc suy ra được, nhưng một ký hiệu, tên gọi hay chú thích lại nói điều khác.",
            "The mathematics is right or recoverable, but a symbol, a name or a comment says something else.",
        ),
    ),
    "rounding": (
        Text("Làm tròn", "Rounding"),
        Text(
            "Cách tính đúng; chỉ con số in ra bị cắt cụt thay vì làm tròn, hoặc in không nhất quán.",
            "The method is right; only the printed number is cut instead of rounded, or printed inconsistently.",
        ),
    ),
}
assert tuple(SEVERITY_TEXT) == SEVERITIES

_HEADERS = {
    "vi": ("Mã", "Vị trí", "Nguồn viết", "Giá trị đúng", "Vì sao"),
    "en": ("ID", "Where", "The source says", "Correct", "Why"),
}
_CONFIRMED_HEADERS = {
    "vi": ("Mã", "Vị trí", "Nguồn viết", "lossbook tính lại"),
    "en": ("ID", "Where", "The source says", "Recomputed by lossbook"),
}


def _cell(text: str) -> str:
    return text.replace("|", r"\|").replace("\n", " ")


def _source_name(key: str, lang: str) -> str:
    return SOURCES[key][1 + LANGS.index(lang)]


def _anchor(record_id: str) -> str:
    """The ID cell: the id, and an anchor so a chapter can link ``errata.md#<id>``."""
    return f'<span id="{record_id}"></span>`{record_id}`'


def count_errata(source: str | None = None, severity: str | None = None) -> int:
    """How many errata, of one source and/or one severity.

    >>> count_errata() == count_errata("slides") + count_errata("notes") + count_errata("blog")
    True
    >>> count_errata(severity="typo")
    Traceback (most recent call last):
    ...
    ValueError: severity must be one of ('math', 'condition', 'notation', 'rounding'); got 'typo'
    """
    if source is not None and source not in SOURCES:
        raise ValueError(f"source must be one of {tuple(SOURCES)}; got {source!r}")
    if severity is not None and severity not in SEVERITIES:
        raise ValueError(f"severity must be one of {SEVERITIES}; got {severity!r}")
    return sum((source is None or e.source == source) and (severity is None or e.severity == severity) for e in ERRATA)


def render_errata_markdown(lang: str = "vi", heading_level: int = 3) -> str:
    r"""The errata page's body: one section per severity, mathematical errors first (heading
    of ``heading_level``, the sentence that explains the class), each with a table
    ID | where | the source says | correct | why. Every correct number is computed now.

    >>> page = render_errata_markdown("en")
    >>> page.splitlines()[0]
    '### Mathematical errors'
    >>> "`slides-sgd2-w1` |" in page and "0.4904" in page
    True
    >>> render_errata_markdown("fr")
    Traceback (most recent call last):
    ...
    ValueError: lang must be one of ('vi', 'en'); got 'fr'
    """
    check_lang(lang)
    blocks = []
    for severity, (heading, sentence) in SEVERITY_TEXT.items():
        rows = [
            (
                _anchor(e.id),
                f"{_source_name(e.source, lang)}: {e.location(lang)}",
                e.says(lang),
                e.correct(lang),
                e.why(lang),
            )
            for e in ERRATA
            if e.severity == severity
        ]
        if rows:
            table = md_table(_HEADERS[lang], [[_cell(c) for c in row] for row in rows], "lllll")
            blocks.append(f"{'#' * heading_level} {heading(lang)}\n\n{sentence(lang)}\n\n{table}")
    return "\n\n".join(blocks)


def render_confirmed_markdown(lang: str = "vi") -> str:
    r"""A table of the sources' numbers that were recomputed and are right.

    >>> print(render_confirmed_markdown("en").splitlines()[0])
    | ID | Where | The source says | Recomputed by lossbook |
    """
    check_lang(lang)
    ok = Text("đúng", "right")(lang)
    rows = [
        (_anchor(c.id), f"{_source_name(c.source, lang)}: {c.location(lang)}", c.says(lang), ok if c.check() else "✗")
        for c in CONFIRMED
    ]
    return md_table(_CONFIRMED_HEADERS[lang], [[_cell(x) for x in row] for row in rows], "llll")


_NOTE_TEXT = {
    "vi": ("Ghi chú về nguồn", "Đúng", "Đính chính"),
    "en": ("A note on the source", "Correct", "Erratum"),
}


def erratum_note(record_id: str, lang: str) -> str:
    r"""A chapter's one-line, collapsed note on a source's mistake, linking its erratum.

    Placed on its own line (``{{ erratum_note("slides-walk-rule", lang) }}``), it renders a
    closed ``??? note`` whose body says what the source writes, the correct value (computed
    by lossbook) and the erratum's link: the chapter teaches, the errata page audits.

    >>> note = erratum_note("slides-naturals-domain", "en").splitlines()
    >>> note[0]
    '??? note "A note on the source"'
    >>> print(note[1][:60])
        Lecture slides ('Square function' and 'Optimization: 2D
    >>> note[1].endswith("[Erratum `slides-naturals-domain`](errata.md#slides-naturals-domain)")
    True
    >>> ".." in erratum_note("blog-unique-minimum", "en")  # a correction ending in "." keeps one
    False
    >>> erratum_note("no-such-id", "en")
    Traceback (most recent call last):
    ...
    KeyError: "record_id: no erratum 'no-such-id' in errata.yml"
    """
    lang = check_lang(lang)
    record = next((e for e in ERRATA if e.id == record_id), None)
    if record is None:
        raise KeyError(f"record_id: no erratum {record_id!r} in errata.yml")
    title, correct, erratum = _NOTE_TEXT[lang]

    def sentence(text: str) -> str:  # a text that ends its own sentence keeps its one full stop
        text = text.strip()
        return text if text.endswith((".", "!", "?")) else text + "."

    body = (
        f"{_source_name(record.source, lang)} ({record.location(lang)}): {sentence(record.says(lang))} "
        f"{correct}: {sentence(record.correct(lang))} [{erratum} `{record.id}`](errata.md#{record.id})"
    )
    return f'??? note "{title}"\n    {body.strip()}'
