"""Every chapter's frame: ``docs/_data/chapters/<NN-topic>.yml`` rendered by
``{{ chapter_header() }}`` (you will learn · you need · minutes) and ``{{ chapter_footer() }}``
(key takeaways, then the chapter's check of understanding).

The loader is strict; each rule is shown to fail on a planted file, naming the file and the
field, and a planted file fails the page's placeholder naming the page. The pre-render's
cache key covers the frame files.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from test_glossary import problems as glossary_problems
from test_glossary import yaml_units

from bookbuild.prerender import PageError, chapters, substitute
from bookbuild.prerender.build import page_salt
from bookbuild.prerender.quizzes import load_quizzes, quiz_chapters
from lossbook.glossary import prose

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
STEMS = chapters.chapter_stems()
LANGS = ("vi", "en")


# --- the real frames ----------------------------------------------------------------------


def test_every_chapter_has_a_frame_file_and_no_frame_file_is_orphaned() -> None:
    files = sorted(p.stem for p in (DOCS / chapters.FRAME_DIR).glob("*.yml"))
    assert files == list(STEMS), f"frames without a chapter or chapters without a frame: {set(files) ^ set(STEMS)}"
    assert len(STEMS) >= 13


@pytest.mark.parametrize("stem", STEMS)
def test_frame_loads(stem: str) -> None:
    frame = chapters.load_frame(stem)
    assert frame.stem == stem and 2 <= len(frame.text["en"]["learn"]) <= 4
    assert 3 <= len(frame.text["vi"]["takeaways"]) <= 5
    assert all(n < stem for n in frame.needs), f"{stem}: needs a later chapter {frame.needs}"


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("lang", LANGS)
def test_header_is_a_box_without_headings(stem: str, lang: str) -> None:
    out = chapters.render_chapter_header(f"{stem}.md", lang)
    assert out.lstrip().startswith(
        '<div class="admonition abstract lb-chapter-header" data-search-exclude="true" markdown="1">'
    )
    assert not re.search(r"(?m)^\s*#", out), "the header must not add to the table of contents"
    assert chapters.LABELS[lang]["learn"] in out and "(notation.md)" in out
    for need in chapters.load_frame(stem).needs:
        assert f"]({need}.md)" in out
    assert ".." not in out.replace("...", ""), "a need that ends with its own full stop gets no second one"


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("lang", LANGS)
def test_footer_has_takeaways_then_the_chapters_questions(stem: str, lang: str) -> None:
    out = chapters.render_chapter_footer(f"{stem}.md", lang)
    words = chapters.LABELS[lang]
    headings = re.findall(r"(?m)^## (.+) \{ data-search-exclude \}$", out)
    page = (DOCS / f"{stem}{'.en' if lang == 'en' else ''}.md").read_text("utf-8")
    on_page = set(re.findall(r"quiz\(\"([^\"]+)\"\)", page))
    expected = [q for q in quiz_chapters(load_quizzes()).get(stem, []) if q not in on_page]
    assert headings == [words["takeaways"], words["check"]]  # the review quiz links the second
    shown = re.findall(r'<div class="lb-quiz" id="quiz-([^"]+)"', out)
    assert shown == expected
    assert "{{" not in out


def test_a_question_the_page_shows_itself_is_not_repeated(tmp_path: Path) -> None:
    out = chapters.render_chapter_footer("10-sgd-vectorized.md", "en")
    assert 'id="quiz-mean-prediction"' in out
    assert 'id="quiz-sgd-w2-direction"' not in out  # the page shows it where it computes it
    # every question shown above: the heading stays (the review quiz links it), with a line
    docs = tmp_path / "docs"
    shutil.copytree(DOCS / chapters.FRAME_DIR, docs / chapters.FRAME_DIR)
    for stem in STEMS:
        (docs / f"{stem}.md").write_text(f"# {stem}\n", "utf-8")
    own = quiz_chapters(load_quizzes()).get("10-sgd-vectorized", [])
    (docs / "10-sgd-vectorized.en.md").write_text("# T\n" + "".join(f'{{{{ quiz("{q}") }}}}\n' for q in own), "utf-8")
    out = chapters.render_chapter_footer("10-sgd-vectorized.md", "en", docs)
    assert "## Check your understanding" in out and 'class="lb-quiz"' not in out
    assert chapters.LABELS["en"]["all_above"] in out


@pytest.mark.parametrize("lang", LANGS)
def test_every_chapter_page_renders_its_frame(lang: str) -> None:
    """Through the page engine, as the build does it, on a real chapter."""
    text = (DOCS / f"07-mse-sigmoid{'.en' if lang == 'en' else ''}.md").read_text("utf-8")
    head = "\n".join(text.splitlines()[:4]) + "\n\n{{ chapter_footer() }}\n"
    out = substitute(head, lang, "07-mse-sigmoid.md")
    assert "lb-chapter-header" in out and chapters.LABELS[lang]["takeaways"] in out


def test_the_frames_keep_the_glossary_and_tone_marks() -> None:
    found = []
    for stem in STEMS:
        data = yaml.safe_load((DOCS / chapters.FRAME_DIR / f"{stem}.yml").read_text("utf-8"))
        for lang in LANGS:
            texts = [prose(u) for u in yaml_units(data, lang)]
            found += [msg for _, msg in glossary_problems(f"{stem}.yml ({lang})", lang, texts)]
    assert not found, "\n".join(found)


# --- planted defects ----------------------------------------------------------------------


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    """A docs folder with three chapters (titles only) and valid frames for them."""
    docs = tmp_path / "docs"
    (docs / chapters.FRAME_DIR).mkdir(parents=True)
    for stem in ("01-optimization", "02-chain-rule", "03-linear-regression"):
        (docs / f"{stem}.md").write_text(f"# Tiêu đề {stem}\n\n{{{{ chapter_header() }}}}\n", "utf-8")
        (docs / f"{stem}.en.md").write_text(f"# Title {stem}\n\n{{{{ chapter_header() }}}}\n", "utf-8")
        shutil.copy(DOCS / chapters.FRAME_DIR / f"{stem}.yml", docs / chapters.FRAME_DIR / f"{stem}.yml")
    return docs


def _edit(docs: Path, stem: str, edit) -> None:
    path = docs / chapters.FRAME_DIR / f"{stem}.yml"
    data = yaml.safe_load(path.read_text("utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")


@pytest.mark.parametrize(
    ("edit", "field", "reason"),
    [
        (lambda d: d.update(minute=5), "minute", "unknown key"),
        (lambda d: d["en"].update(takeaway=["x"]), "en.takeaway", "unknown key"),
        (lambda d: d.pop("en"), "en", "missing"),
        (lambda d: d["vi"].pop("learn"), "vi.learn", "missing"),
        (lambda d: d["en"]["learn"].pop(), "en.learn", "items, but vi.learn has"),
        (lambda d: d["vi"].update(takeaways=["a", "b"]), "vi.takeaways", "needs 3 to 5 items"),
        (lambda d: d.update(needs=["01-optimisation"]), "needs", "'01-optimisation' is not another chapter"),
        (lambda d: d.update(needs=["02-chain-rule"]), "needs", "'02-chain-rule' is not another chapter"),
        (lambda d: d.update(minutes="25"), "minutes", "whole number"),
        (lambda d: d["vi"].update(learn=["a", ""]), "vi.learn", "non-empty string"),
    ],
)
def test_a_planted_frame_error_names_the_file_and_the_field(planted: Path, edit, field: str, reason: str) -> None:
    _edit(planted, "02-chain-rule", edit)
    with pytest.raises(chapters.FrameError) as err:
        chapters.load_frame("02-chain-rule", planted)
    assert err.value.field == field and reason in err.value.reason
    assert str(err.value).startswith("docs/_data/chapters/02-chain-rule.yml: ")
    assert chapters.load_frame("01-optimization", planted).stem == "01-optimization"  # the others still load


def test_a_missing_frame_file_is_an_error(planted: Path) -> None:
    (planted / chapters.FRAME_DIR / "03-linear-regression.yml").unlink()
    with pytest.raises(chapters.FrameError, match=r"03-linear-regression\.yml: \(file\): missing"):
        chapters.render_chapter_header("03-linear-regression.md", "vi", planted)


def test_a_planted_error_fails_the_page_naming_it(planted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chapters, "DOCS", planted)
    text = (planted / "02-chain-rule.en.md").read_text("utf-8")
    assert "lb-chapter-header" in substitute(text, "en", "02-chain-rule.md")
    _edit(planted, "02-chain-rule", lambda d: d["en"]["takeaways"].pop())
    with pytest.raises(PageError) as err:
        substitute(text, "en", "02-chain-rule.md")
    message = str(err.value)
    assert message.startswith("02-chain-rule.md:3: {{ chapter_header() }}")
    assert "docs/_data/chapters/02-chain-rule.yml: en.takeaways" in message


def test_the_frame_belongs_to_a_chapter_page() -> None:
    with pytest.raises(PageError, match="belong to a chapter page"):
        substitute("{{ chapter_footer() }}\n", "en", "quizzes.md")


def test_a_frame_edit_invalidates_the_page_cache(planted: Path) -> None:
    before = page_salt(planted)
    _edit(planted, "01-optimization", lambda d: d.update(minutes=d["minutes"] + 1))
    assert page_salt(planted) != before
