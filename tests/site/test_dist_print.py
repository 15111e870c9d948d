"""The print page the PDFs are made from (bookbuild.dist.printbook), on a small built site
written by hand: order and titles from the navigation, quizzes' answers in the appendix,
solutions open, light figures only, links kept inside the document. No browser."""

from __future__ import annotations

import pytest

from bookbuild.dist import printbook, write_zip

NAV = (
    '<nav class="md-nav md-nav--primary" aria-label="x"><ul>'
    '<li><a href="index.html" class="md-nav__link">Home</a></li>'
    '<li><a href="02-b.html" class="md-nav__link">B</a></li>'
    '<li><a href="01-a.html" class="md-nav__link">A</a></li>'
    '<li><nav class="md-nav"><a href="notebooks/n.html" class="md-nav__link">N</a></nav></li>'
    "</ul></nav>\n</div>\n</div>\n</div>"
)
QUIZ = (
    '<div class="lb-quiz" id="quiz-q1" data-answer="0"><p class="lb-quiz-question" id="quiz-q1-q">Which?</p>'
    '<div role="radiogroup"><ol class="lb-quiz-options"><li><label><input type="radio" name="q" value="0"> a) This'
    "</label></li></ol></div>"
    '<p><button type="button" class="md-button lb-quiz-check" hidden>Check</button></p>'
    '<p class="lb-quiz-feedback" role="status" aria-live="polite"></p>'
    '<details class="lb-quiz-answer"><summary>Show</summary><p><strong>a)</strong> Because.</p></details></div>'
)


def page(body: str) -> str:
    return f'<html><body>{NAV}<article class="md-content__inner md-typeset">{body}</article></body></html>'


@pytest.fixture
def site(tmp_path):
    tmp_path = tmp_path / "site"
    tmp_path.mkdir()
    (tmp_path / "index.html").write_text(page("<h1>Home</h1>"), encoding="utf-8")
    (tmp_path / "01-a.html").write_text(
        page(
            '<h1 id="a">Chapter A<a class="headerlink" href="#a">&para;</a></h1>'
            '<p><img src="assets/f.svg#only-light" loading="lazy"><img src="assets/f.dark.svg#only-dark"></p>'
            '<details class="success"><summary>Solution</summary><p>Worked.</p></details>'
            '<p><a href="02-b.html#x">to B</a> <a href="https://example.org/">out</a></p>' + QUIZ
        ),
        encoding="utf-8",
    )
    (tmp_path / "02-b.html").write_text(page("<h1>Chapter B &amp; more</h1><p>Text.</p>"), encoding="utf-8")
    return tmp_path


def test_the_print_page_follows_the_navigation_and_moves_quiz_answers_to_the_appendix(site) -> None:
    chapters = printbook.chapters(site, printbook.LABELS["en"])
    assert [(c.path, c.title) for c in chapters] == [("02-b.html", "Chapter B & more"), ("01-a.html", "Chapter A")]
    a = chapters[1]
    assert a.answers == [(1, "<p><strong>a)</strong> Because.</p>")]
    assert "Because." not in a.html and "<input" not in a.html and "Question 1." in a.html
    assert '<details open class="success">' in a.html and "headerlink" not in a.html
    assert "#only-dark" not in a.html and 'loading="lazy"' not in a.html
    assert 'href="#p-02-b"' in a.html and 'href="https://example.org/"' in a.html
    out = printbook.print_html(site, "en", "Book", "Sub")
    toc = out[out.index('<nav class="lb-toc"') : out.index("</nav>")]
    assert toc.index("Chapter B &amp; more") < toc.index("Chapter A") and "notebooks" not in out
    assert 'id="lb-answer-1"' in out[out.index('id="lb-answers"') :]


def test_the_print_page_refuses_a_quiz_it_does_not_know_and_a_language_it_has_no_words_for(site) -> None:
    text = (site / "01-a.html").read_text(encoding="utf-8")
    (site / "01-a.html").write_text(text.replace('<details class="lb-quiz-answer">', "<details>"), encoding="utf-8")
    with pytest.raises(ValueError, match="quiz"):
        printbook.chapters(site, printbook.LABELS["en"])
    with pytest.raises(ValueError, match="lang must be one of"):
        printbook.print_html(site, "fr", "Book", "Sub")


def test_the_zip_holds_the_site_under_one_folder_and_is_the_same_for_the_same_site(site, tmp_path) -> None:
    import zipfile

    (site / "downloads").mkdir()  # an empty folder is not an entry
    first = write_zip(site, tmp_path / "out" / "a.zip").read_bytes()
    assert write_zip(site, tmp_path / "out" / "b.zip").read_bytes() == first
    names = zipfile.ZipFile(tmp_path / "out" / "a.zip").namelist()
    assert names == ["lossbook/01-a.html", "lossbook/02-b.html", "lossbook/index.html"]
