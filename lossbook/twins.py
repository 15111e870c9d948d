r"""Twins that cannot drift: every Vietnamese page and its English twin, block by block.

A page is read as a sequence of **blocks**: front matter (its keys and non-text values must
agree, as a search boost must), heading, paragraph, list item, table row,
admonition (its title; its body gives blocks of its own), tab, display formula, code block,
figure, and a placeholder on its own line (``{{ quiz("…") }}``). Each block has a *shape*: its
kind (and heading level), the number of links and the number of inline formulas in it. The
two twins must have the same sequence of shapes (:func:`align`); a block in one twin only is
reported with its page, section and first words.

Each aligned pair has a **fingerprint** of both texts (placeholders included: a number's
expression changed in one twin changes that twin's fingerprint). ``docs/_data/twins.lock.json``
records the pairs as they were when last marked translated. :func:`check` reports every pair
not in the lock: changed in one twin only (the other needs translating), or changed in both
(the translation was updated, or a block was added: accept it). After translating::

    python -m lossbook.twins accept docs/08-bce.md      # or: accept --all

``python -m lossbook.twins check`` prints the problems of every page (exit status 1 if any).

>>> [b.kind for b in blocks("# T\n\nA $x$ [l](u).\n\n- one\n- two\n\n$$\nx\n$$\n")]
['h1', 'paragraph', 'item', 'item', 'math']
>>> blocks("A $x$ and $y$, [a](b).")[0].shape
('paragraph', 1, 2)
>>> [b.shape for b in blocks("---\nsearch:\n  boost: 0.1\n---\n\n# T\n")]
[('front matter search.boost=0.1', 0, 0), ('h1', 0, 0)]
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

__all__ = [
    "LOCK_FILE",
    "Block",
    "accept",
    "align",
    "blocks",
    "check",
    "fingerprint",
    "notebook_twins",
    "pages",
    "twin_of",
]

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
#: The fingerprints of the pairs last marked translated.
LOCK_FILE = DOCS / "_data" / "twins.lock.json"
ACCEPT = "python -m lossbook.twins accept {page}"

_FENCE = re.compile(r"^(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_ADMONITION = re.compile(r"^(!!!|\?\?\?\+?)\s+\S+")
_TAB = re.compile(r"^===\+?\s+")
_ITEM = re.compile(r"^([-*+]|\d+[.)])\s+")
_FIGURE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$")
_PLACEHOLDER_LINE = re.compile(r"^\{\{.*\}\}\s*$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)[^$\n]+?(?<!\\)\$")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\([^)]*\)")


@dataclass(frozen=True)
class Block:
    """One block of a page: its kind, its text (as written) and the section it is in."""

    kind: str
    text: str
    section: str

    @property
    def shape(self) -> tuple[str, int, int]:
        """What must match between twins: the kind, the links and the inline formulas (the
        front matter: its keys and every value that is not text, such as a search boost)."""
        if self.kind == "front matter":
            return (f"front matter {_settings(self.text)}", 0, 0)
        if self.kind in ("code", "math"):
            return (self.kind, 0, 0)
        return (self.kind, len(_LINK.findall(self.text)), len(_INLINE_MATH.findall(self.text)))

    def first_words(self, n: int = 8) -> str:
        words = self.text.split()
        return " ".join(words[:n]) + (" …" if len(words) > n else "")


def _settings(front_matter: str) -> str:
    r"""The front matter's keys and non-text values, as one line (text values are translated).

    >>> _settings("search:\n  boost: 0.3  # an overview\ndescription: Một trang.")
    'description=<text>; search.boost=0.3'
    """

    def walk(value: object, path: str) -> list[str]:
        if isinstance(value, dict):
            return [item for key, v in value.items() for item in walk(v, f"{path}.{key}" if path else str(key))]
        return [f"{path}=<text>" if isinstance(value, str) else f"{path}={value!r}"]

    return "; ".join(sorted(walk(yaml.safe_load(front_matter) or {}, "")))


def fingerprint(text: str) -> str:
    r"""A short hash of ``text`` with its whitespace normalised (a reflow is not a change).

    >>> fingerprint("a  b\n c") == fingerprint("a b c")
    True
    """
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def blocks(markdown: str) -> list[Block]:
    """The blocks of a Markdown page, in order (indentation is ignored: nested blocks count)."""
    out: list[Block] = []
    section, current, kind = "", [], ""
    fence, math = "", False

    def flush() -> None:
        nonlocal current, kind
        if current:
            out.append(Block(kind, "\n".join(current), section))
        current, kind = [], ""

    lines = markdown.splitlines()
    if lines and lines[0].strip() == "---" and "---" in (l.strip() for l in lines[1:]):  # front matter
        end = next(i for i, l in enumerate(lines) if i and l.strip() == "---")
        out.append(Block("front matter", "\n".join(lines[1:end]), ""))
        lines = lines[end + 1 :]
    for raw in lines:
        line = raw.strip()
        if fence:  # inside a code block: everything is its text, up to the closing fence
            current.append(raw)
            if line.startswith(fence) and line.strip("`~") == "":
                fence = ""
                flush()
            continue
        if math:
            current.append(line)
            if line.endswith("$$"):
                math = False
                flush()
            continue
        m = _FENCE.match(line)
        if m:
            flush()
            fence, kind, current = m.group(1), "code", [raw]
            continue
        if line.startswith("$$"):
            flush()
            kind, current = "math", [line]
            math = not (len(line) > 2 and line.endswith("$$"))
            if not math:
                flush()
            continue
        if not line:
            flush()
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            section = heading.group(2)
            out.append(Block(f"h{len(heading.group(1))}", heading.group(2), section))
            continue
        single = next(
            (
                k
                for k, pattern in (
                    ("admonition", _ADMONITION),
                    ("tab", _TAB),
                    ("figure", _FIGURE),
                    ("placeholder", _PLACEHOLDER_LINE),
                )
                if pattern.match(line)
            ),
            None,
        )
        if single in ("figure", "placeholder") and current:
            single = None  # a line of a paragraph that happens to hold only a placeholder
        if single:
            flush()
            out.append(Block(single, line, section))
            continue
        if line.startswith("|"):
            flush()
            if not _TABLE_RULE.match(line):
                out.append(Block("row", line, section))
            continue
        if _ITEM.match(line):
            flush()
            kind, current = "item", [line]
            continue
        if not current:
            kind = "paragraph"
        current.append(line)
    flush()
    return out


def twin_of(page: Path) -> Path:
    """``docs/x.en.md`` for ``docs/x.md``."""
    return page.with_name(page.name[: -len(".md")] + ".en.md")


def pages(docs: Path = DOCS) -> list[Path]:
    """Every Vietnamese page that has an English twin, and every notebook (its vi and en cells)."""
    md = [
        p
        for p in docs.rglob("*.md")
        if not p.name.endswith(".en.md") and twin_of(p).exists() and not p.with_suffix(".py").exists()
    ]  # a notebook's pages are written by the build
    return sorted(md + list((docs / "notebooks").glob("*.py")))


_CELL = re.compile(r"^# %%(?P<header>.*)$", re.MULTILINE)


def notebook_twins(source: str) -> tuple[str, str]:
    r"""The Vietnamese and the English cells of a jupytext notebook, each as one Markdown text
    (Markdown cells as Markdown, code cells fenced, a figure's alt text as a figure line); the
    shared cells are left out: they are the same in both.

    >>> vi, en = notebook_twins('# %% [markdown] lang="vi"\n# Chào\n\n# %% lang="en"\nprint("hi")\n')
    >>> vi, en
    ('Chào', '```python\nprint("hi")\n```')
    """
    texts: dict[str, list[str]] = {"vi": [], "en": []}
    starts = list(_CELL.finditer(source))
    for n, cell in enumerate(starts):
        header = cell.group("header")
        lang = re.search(r'lang="(vi|en)"', header)
        if not lang:
            continue
        end = starts[n + 1].start() if n + 1 < len(starts) else len(source)
        body = source[cell.end() : end].strip("\n")
        if "[markdown]" in header:
            body = "\n".join(re.sub(r"^# ?", "", line) for line in body.splitlines())
        else:
            alt = re.search(rf'alt_{lang.group(1)}="([^"]*)"', header)
            body = f"```python\n{body}\n```" + (f"\n\n![{alt.group(1)}](figure)" if alt else "")
        texts[lang.group(1)].append(body)
    return "\n\n".join(texts["vi"]), "\n\n".join(texts["en"])


def _texts(page: Path) -> tuple[str, str]:
    if page.suffix == ".py":
        return notebook_twins(page.read_text(encoding="utf-8"))
    return page.read_text(encoding="utf-8"), twin_of(page).read_text(encoding="utf-8")


def _key(page: Path) -> str:
    """``docs/08-bce.md``: the page's path from the folder that holds ``docs/``."""
    page = page.resolve()
    docs = next((p for p in page.parents if p.name == "docs"), page.parent)
    return page.relative_to(docs.parent).as_posix()


def _where(page: str, block: Block) -> str:
    section = f"section '{block.section}'" if block.section else "top of the page"
    return f"{page}, {section}, {block.kind} '{block.first_words()}'"


def align(vi: list[Block], en: list[Block], page: str = "<page>") -> tuple[list[tuple[Block, Block]], list[str]]:
    """The aligned pairs, and a message for each block that exists in one twin only."""
    matcher = difflib.SequenceMatcher(None, [b.shape for b in vi], [b.shape for b in en], autojunk=False)
    pairs, problems = [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pairs.extend(zip(vi[i1:i2], en[j1:j2], strict=True))
            continue
        for b in vi[i1:i2]:
            problems.append(
                f"{_where(page, b)}: in the Vietnamese page only (shape {b.shape}); add its English twin, or remove it"
            )
        for b in en[j1:j2]:
            other = f"{page} (English cells)" if page.endswith(".py") else twin_of(Path(page)).as_posix()
            problems.append(
                f"{_where(other, b)}: in the English page only (shape {b.shape}); add its Vietnamese twin, or remove it"
            )
    return pairs, problems


def _read_lock(lock: Path) -> dict[str, list[list[str]]]:
    return json.loads(lock.read_text(encoding="utf-8")) if lock.exists() else {}


def _write_lock(data: dict[str, list[list[str]]], lock: Path) -> None:
    lines = ["{"]
    for n, page in enumerate(sorted(data)):
        lines.append(f'  "{page}": [')
        pairs = [f'    ["{vi}", "{en}"]' for vi, en in data[page]]
        lines.append(",\n".join(pairs))
        lines.append("  ]" + ("," if n < len(data) - 1 else ""))
    lines.append("}")
    lock.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _pairs(page: Path) -> tuple[list[tuple[Block, Block]], list[str], str]:
    key = _key(page)
    vi_text, en_text = _texts(page)
    vi, en = blocks(vi_text), blocks(en_text)
    pairs, problems = align(vi, en, key)
    return pairs, problems, key


def check(page: Path, lock: Path = LOCK_FILE) -> list[str]:
    """Every problem of ``page`` and its twin: blocks in one twin only, pairs changed since accepted."""
    pairs, problems, key = _pairs(page)
    known = _read_lock(lock).get(key, [])
    known_pairs = {tuple(p) for p in known}
    known_vi, known_en = {vi for vi, _ in known}, {en for _, en in known}
    fix = f"when both twins say the same, mark it translated: {ACCEPT.format(page=key)}"
    for vi, en in pairs:
        fv, fe = fingerprint(vi.text), fingerprint(en.text)
        if (fv, fe) in known_pairs:
            continue
        if fe in known_en and fv not in known_vi:
            problems.append(
                f"{_where(key, vi)}: changed in the Vietnamese page since it was marked translated; "
                f"update the English twin ('{en.first_words()}'), then {fix}"
            )
        elif fv in known_vi and fe not in known_en:
            problems.append(
                f"{_where(key, vi)}: its English twin '{en.first_words()}' changed since the pair "
                f"was marked translated; update the Vietnamese, then {fix}"
            )
        else:
            problems.append(f"{_where(key, vi)}: new, or changed in both twins, since last marked translated; {fix}")
    if len(known) > len(pairs) and not problems:
        problems.append(f"{key}: the lock lists {len(known)} pairs, the page has {len(pairs)}; {fix}")
    return problems


def accept(page: Path, lock: Path = LOCK_FILE) -> int:
    """Record the current pairs of ``page`` as translated; refuses if a block has no twin."""
    pairs, problems, key = _pairs(page)
    if problems:
        raise ValueError("cannot accept a page whose twins do not align:\n" + "\n".join(problems))
    data = _read_lock(lock)
    data[key] = [[fingerprint(vi.text), fingerprint(en.text)] for vi, en in pairs]
    _write_lock(data, lock)
    return len(pairs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lossbook.twins", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("check", "accept"))
    parser.add_argument("pages", nargs="*", type=Path, help="Vietnamese pages (docs/08-bce.md); default: all")
    parser.add_argument("--all", action="store_true", help="accept every page")
    args = parser.parse_args(argv)
    chosen = [Path(str(p).replace(".en.md", ".md")) for p in args.pages] or pages()
    if args.command == "accept":
        if not args.pages and not args.all:
            parser.error("name the pages to accept, or pass --all")
        for page in chosen:
            print(f"{page}: {accept(page)} pairs marked translated")
        return 0
    problems = [msg for page in chosen for msg in check(page)]
    print("\n".join(problems) or "twins aligned and translated")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
