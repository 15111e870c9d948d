"""Twins that cannot drift: each Vietnamese page and its English twin have the same blocks, and
no block changed in one twin since the pair was last marked translated
(docs/_data/twins.lock.json, written by ``python -m lossbook.twins accept <page>``).

Each check is proved on a planted edit of a copy of chapter 8: a deleted paragraph, a changed
sentence, a removed list item, a placeholder changed in one twin only.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lossbook import twins

ROOT = Path(__file__).resolve().parent.parent
PAGES = twins.pages()


def test_every_page_with_a_twin_is_checked():
    names = {p.relative_to(ROOT).as_posix() for p in PAGES}
    assert {
        "docs/index.md",
        "docs/08-bce.md",
        "docs/errata.md",
        "docs/notebooks/index.md",
        "docs/notebooks/sgd-by-hand.py",
    } <= names
    assert len(PAGES) >= 18


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(ROOT).as_posix() for p in PAGES])
def test_twins_are_aligned_and_translated(page):
    problems = twins.check(page)
    assert not problems, "\n".join(problems)


def test_the_command_line_checks_every_page(capsys):
    assert twins.main(["check"]) == 0
    assert "twins aligned and translated" in capsys.readouterr().out


# --- planted edits on a copy ---------------------------------------------------------------


@pytest.fixture
def copy(tmp_path):
    """A copy of chapter 8 and its twin, accepted into a fresh lock: (vi page, en page, lock)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    vi = docs / "08-bce.md"
    shutil.copy(ROOT / "docs" / "08-bce.md", vi)
    shutil.copy(ROOT / "docs" / "08-bce.en.md", docs / "08-bce.en.md")
    lock = docs / "twins.lock.json"
    assert twins.accept(vi, lock) > 50
    assert twins.check(vi, lock) == []
    return vi, docs / "08-bce.en.md", lock


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_deleted_paragraph_is_caught(copy):
    vi, en, lock = copy
    _edit(vi, "Tám dự đoán cùng nhãn của chúng, và mất mát của từng dự đoán:\n\n", "")
    (problem,) = twins.check(vi, lock)
    assert "docs/08-bce.en.md" in problem and "in the English page only" in problem
    assert "section 'A penalty for each case'" in problem  # the section heading
    assert "paragraph 'Eight predictions with their labels" in problem  # the paragraph's first words
    with pytest.raises(ValueError, match="do not align"):
        twins.accept(vi, lock)


def test_a_changed_sentence_is_caught_until_accepted(copy):
    vi, en, lock = copy
    _edit(vi, "Hằng số $\\frac1m$ không làm thay đổi điểm cực\n", "Hằng số $\\frac1m$ không đổi điểm cực\n")
    (problem,) = twins.check(vi, lock)
    assert problem.startswith("docs/08-bce.md, section 'Hàm chi phí trên cả tập dữ liệu', paragraph 'Trên tám dòng")
    assert "changed in the Vietnamese page since it was marked translated" in problem
    assert "update the English twin ('On the eight rows" in problem
    assert "python -m lossbook.twins accept docs/08-bce.md" in problem
    twins.accept(vi, lock)  # the translator says the English still holds
    assert twins.check(vi, lock) == []


def test_a_removed_list_item_is_caught(copy):
    vi, en, lock = copy
    text = en.read_text(encoding="utf-8")
    start = text.index("3. Flip the sign and divide by $m$")
    end = text.index("\n\n", start)
    en.write_text(text[:start] + text[end + 2 :], encoding="utf-8")
    problems = twins.check(vi, lock)
    assert any(
        "docs/08-bce.md, section 'Từ hàm hợp lý của phân phối Bernoulli', item '3. Đổi dấu rồi chia cho $m$" in p
        and "in the Vietnamese page only" in p
        for p in problems
    ), problems


def test_a_placeholder_changed_in_one_twin_only_is_caught(copy):
    vi, en, lock = copy
    _edit(en, "{{ fmt(output_table_losses().losses[1], 4) }}", "{{ fmt(output_table_losses().losses[1], 3) }}")
    (problem,) = twins.check(vi, lock)
    assert problem.startswith("docs/08-bce.md, section 'Phạt theo từng trường hợp', paragraph 'Hai dòng có mất mát")
    assert "its English twin 'The two most expensive rows" in problem
    assert "changed since the pair was marked translated; update the Vietnamese" in problem


def test_a_reflowed_paragraph_is_not_a_change(copy):
    vi, en, lock = copy
    _edit(vi, "Tám dự đoán cùng nhãn của chúng, và mất mát", "Tám dự đoán cùng nhãn\n  của chúng, và mất mát")
    assert twins.check(vi, lock) == []


def test_a_block_in_both_twins_is_new_until_accepted(copy):
    vi, en, lock = copy
    _edit(vi, "## Phạt theo từng trường hợp\n", "## Phạt theo từng trường hợp\n\nĐoạn mới.\n")
    _edit(en, "## A penalty for each case\n", "## A penalty for each case\n\nA new paragraph.\n")
    (problem,) = twins.check(vi, lock)
    assert "paragraph 'Đoạn mới.': new, or changed in both twins" in problem
    twins.accept(vi, lock)
    assert twins.check(vi, lock) == []


def test_front_matter_is_settings_not_a_paragraph(copy):
    """A search boost set in one twin only, or set differently, is reported; the front matter
    is not read as a paragraph of the page."""
    vi, en, lock = copy
    boost = "---\nsearch:\n  boost: 0.5\n---\n\n"
    for page in (vi, en):
        page.write_text(boost + page.read_text(encoding="utf-8"), encoding="utf-8")
    assert [b.kind for b in twins.blocks(vi.read_text(encoding="utf-8"))[:2]] == ["front matter", "h1"]
    twins.accept(vi, lock)
    en.write_text(en.read_text(encoding="utf-8").replace("boost: 0.5", "boost: 0.1", 1), encoding="utf-8")
    problems = twins.check(vi, lock)
    assert any(
        "docs/08-bce.md, top of the page, front matter" in p and "search.boost=0.5" in p and "Vietnamese page only" in p
        for p in problems
    ), problems


def test_blocks_and_shapes():
    page = (
        '# T\n\n!!! note "Định nghĩa"\n    Một $x$ và [link](a.md).\n\n| a | b |\n|--|--|\n| 1 | 2 |\n\n'
        '=== "Tab"\n\n    ```python\n    x = 1  # chú thích\n\n    y = 2\n    ```\n\n{{ quiz("q") }}\n\n'
        "![alt](f.svg)\n\n$$\na\n$$\n\n1. một\n   dòng hai\n2. hai\n"
    )
    got = [(b.kind, b.shape[1:]) for b in twins.blocks(page)]
    assert got == [
        ("h1", (0, 0)),
        ("admonition", (0, 0)),
        ("paragraph", (1, 1)),
        ("row", (0, 0)),
        ("row", (0, 0)),
        ("tab", (0, 0)),
        ("code", (0, 0)),
        ("placeholder", (0, 0)),
        ("figure", (0, 0)),
        ("math", (0, 0)),
        ("item", (0, 0)),
        ("item", (0, 0)),
    ]
    assert twins.blocks(page)[-2].text == "1. một\ndòng hai"


def test_a_notebook_cell_changed_in_one_language_is_caught(tmp_path):
    nb = tmp_path / "docs" / "notebooks" / "sgd-by-hand.py"
    nb.parent.mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "notebooks" / "sgd-by-hand.py", nb)
    lock = tmp_path / "lock.json"
    assert twins.accept(nb, lock) > 10
    _edit(nb, "# 1. chọn một mẫu", "# 1. lấy một mẫu")  # a vi code comment
    (problem,) = twins.check(nb, lock)
    assert problem.startswith("docs/notebooks/sgd-by-hand.py, section '1. Một bước, năm việc', code")
    assert "changed in the Vietnamese page" in problem
    _edit(nb, "# ## 2. Many epochs on the four flowers\n", "")  # an en heading gone
    assert any("in the Vietnamese page only" in p and "h2 '2. Nhiều epoch" in p for p in twins.check(nb, lock))


def test_the_lock_lists_only_pages_that_exist():
    listed = set(twins._read_lock(twins.LOCK_FILE))
    assert listed == {twins._key(p) for p in PAGES}
