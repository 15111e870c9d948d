"""Search as a reader uses it: type into Material's search box (its web worker searches
search/search_index.json) and read the results, in each language (issue 4).

A query must find the pages of the reader's language that mention it, and only those:
the best result mentions the query, every page whose title has it is listed, and no
result is a page of the other language. Which pages mention a query is read from the
built pages' text, not from the search index, so a broken index cannot agree with itself.
"""

from __future__ import annotations

import re
import warnings

import pytest
from site_audit import SCREENSHOTS
from site_checks import article_text, check_search_results, fold, lang_of, pages_mentioning, search

from bookbuild.site.slugs import fold as strip_diacritics
from lossbook.glossary import load_glossary

pytestmark = pytest.mark.browser

# Issue 4: "sigmoid", "entropy"/"entropy chéo" and "hàm mất mát" find the right pages;
# Vietnamese typed without diacritics finds what the accented query finds.
# (lang, what the reader types, the phrase the found pages must mention)
SEARCHES = [
    ("en", "sigmoid", "sigmoid"),
    ("vi", "sigmoid", "sigmoid"),
    ("en", "entropy", "entropy"),
    ("en", "cross-entropy", "cross-entropy"),
    ("vi", "entropy chéo", "entropy chéo"),
    ("vi", "hàm mất mát", "hàm mất mát"),
    ("vi", "ham mat mat", "hàm mất mát"),
    ("vi", "entropy cheo", "entropy chéo"),
    ("vi", "dao ham", "đạo hàm"),
]


@pytest.fixture(scope="session")
def page_texts(site_pages) -> dict[str, str]:
    return {p.path: article_text(p.html.read_text(encoding="utf-8")) for p in site_pages}


@pytest.fixture(scope="session")
def page_titles(site_pages) -> dict[str, str]:
    titles = {}
    for p in site_pages:
        m = re.search(r"<h1[^>]*>(.*?)</h1>", p.html.read_text(encoding="utf-8"), re.DOTALL)
        titles[p.path] = article_text(f"<article>{m.group(1)}</article>") if m else ""
    return titles


def home(base_url: str, lang: str) -> str:
    return base_url + ("/en/" if lang == "en" else "/")


def expectations(term: str, lang: str, texts: dict[str, str], titles: dict[str, str]):
    """(pages of ``lang`` that mention ``term``, those whose title has it)."""
    mine = {p: t for p, t in texts.items() if lang_of(p) == lang}
    titled = {p for p, t in titles.items() if lang_of(p) == lang and fold(term) in fold(t)}
    return pages_mentioning(term, mine), titled


def fail_with_screenshot(tab, name: str, problems: list[str]) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    out = SCREENSHOTS / f"search-{name}.png"
    tab.screenshot(path=str(out), full_page=False)
    pytest.fail("\n".join(problems + [f"screenshot: {out}"]), pytrace=False)


@pytest.mark.parametrize("lang, query, term", SEARCHES)
def test_search_finds_the_right_pages_in_the_readers_language(
    tab, base_url, page_texts, page_titles, lang, query, term
):
    expected, titled = expectations(term, lang, page_texts, page_titles)
    assert expected, f"no {lang} page mentions {term!r}: the search case is out of date"
    tab.goto(home(base_url, lang), wait_until="load")
    results = search(tab, query)
    problems = check_search_results(results, lang, expected, query)
    problems += [
        f"{query!r} in {lang}: {p} has {term!r} in its title but is not found" for p in sorted(titled - set(results))
    ]
    if problems:
        fail_with_screenshot(tab, f"{lang}-{'-'.join(query.split())}", problems)


def test_search_check_catches_a_broken_index(tab, base_url, page_texts, page_titles, site_pages):
    """Feed the real search box an index that lost the English pages: the check must see
    that an English query no longer finds them."""
    en_title = page_titles.get("/en/", "") or next(t for p, t in page_titles.items() if lang_of(p) == "en")
    term = max(re.findall(r"[A-Za-z]{4,}", en_title), key=len)
    expected, _ = expectations(term, "en", page_texts, page_titles)
    assert expected, f"{term!r} is in the English home page's title, so some English page mentions it"

    def without_english(route):  # one merged index (locations "en/..."), or one per language
        index = route.fetch().json()
        english_index = "/en/search/" in route.request.url
        index["docs"] = [d for d in index["docs"] if not english_index and not d["location"].startswith("en/")]
        route.fulfill(json=index)

    tab.route("**/search/search_index.json", without_english)
    tab.goto(home(base_url, "en"), wait_until="load")
    problems = check_search_results(search(tab, term), "en", expected, term)
    assert problems, f"searching {term!r} in English with no English page indexed was not reported"


def test_search_without_diacritics_relies_on_the_folded_words(tab, base_url, page_texts, page_titles):
    """The same index without the build's hidden folded spellings: "ham mat mat" must then
    no longer give the results it gives with them (so the case above is a real test of the
    folding, not of lunr being lenient: its trailing wildcard still matches "mat*" words such
    as "matrix", so comparing the result lists, not the first result, is what shows it)."""
    expected, _ = expectations("hàm mất mát", "vi", page_texts, page_titles)
    tab.goto(home(base_url, "vi"), wait_until="load")
    folded = search(tab, "ham mat mat")
    assert check_search_results(folded, "vi", expected, "ham mat mat") == []

    def unfolded(route):
        index = route.fetch().json()
        strip = lambda field: re.sub(r"<span hidden>[^<]*</span>$", "", field)  # noqa: E731
        index["docs"] = [dict(d, title=strip(d["title"]), text=strip(d["text"])) for d in index["docs"]]
        route.fulfill(json=index)

    tab.route("**/search/search_index.json", unfolded)
    tab.goto(home(base_url, "vi"), wait_until="load")
    without = search(tab, "ham mat mat")
    assert without != folded, "'ham mat mat' found the same pages with no folded spelling in the index"
    assert len(set(without) & expected) < len(set(folded) & expected), (
        "without the folded spellings, 'ham mat mat' should find fewer of the pages that say 'hàm mất mát'"
    )


# --- Issue 11: each glossary term finds the chapter that defines it --------------------------
#
# Every term's Vietnamese name, typed with and without diacritics, should find its defining
# chapter (the glossary's ``chapter``) first. Material's lunr ORs the syllables of a query
# and ranks by each section's score, titles weighing 1000 times the text, so a term made of
# common syllables ("hàm trong", "tìm kiếm theo đường") or in a shorter section title of
# another page ("Newton và gradient descent") ranks that page first. The fix is in the
# content (the defining chapter's heading or first paragraph names the term; the glossary
# page, a summary, has a search boost of 0.1). The queries below do not find their chapter
# first yet (measured on the built site, 2026-12-03): they are reported, not failed; a query
# that starts failing fails the test, one that starts passing is reported so it leaves the list.
TERM_SEARCH_EXCEPTIONS = frozenset(
    q.strip()
    for q in """
    gradient descent|log hop ly
    đạo hàm|số gia|so gia|tỉ số sai phân|ti so sai phan|đạo hàm hỗn hợp|dao ham hon hop|đạo hàm riêng
    dao ham rieng|hàm mất mát|ham mat mat|đường đồng mức|duong dong muc|hàm hợp|hàm trong|ham trong
    hàm ngoài|ham ngoai|sai phân trung tâm|sai phan trung tam|đặc trưng|dac trung|nhãn|nhan|tham số
    tham so|trọng số|trong so|bias|sai số bình phương|sai so binh phuong|sai số bình phương trung bình
    sai so binh phuong trung binh|lớp|lop|điều kiện ban đầu|dieu kien ban dau|ti le cuoc|đồng biến
    dong bien|tran so|phi tuyến|phi tuyen|lồi|loi|gradient biến mất|gradient bien mat
    phân kỳ Kullback–Leibler|phan ky Kullback–Leibler|dong xu can doi|dừng sớm|dung som
    tach duoc tuyen tinh|điều chuẩn|dieu chuan|hạ gradient ngẫu nhiên|epoch|tìm kiếm theo đường
    tim kiem theo duong|điểm yên ngựa|diem yen ngua|giam chan|hoi tu bac hai|độ lệch chuẩn|do lech chuan
    cắt cụt|suc chua|tỉ lệ cược|on dinh so hoc|cách tính trực tiếp|cach tinh truc tiep
    cuc tieu dia phuong|diem dung|ha gradient ngau nhien|phép chia huấn luyện/kiểm tra
    phep chia huan luyen/kiem tra|phân tầng|phan tang|ti le dung|ti so ti le cuoc
    quy tắc tính điểm trung thực chặt|quy tac tinh diem trung thuc chat|nền nhiễu|đáp ứng làm việc
    dap ung lam viec|entropy chéo phân loại|entropy cheo phan loai
    """.replace("\n", "|").split("|")
    if q.strip()
)


def term_queries() -> list[tuple[str, str]]:
    """(what the reader types, the defining chapter's path) for every glossary term, with
    its diacritics and, when it has any, without (as typed on a keyboard without them)."""
    queries = []
    for term in load_glossary():
        chapter = "/" + term.chapter.removesuffix(".md") + "/"
        queries += [(q, chapter) for q in dict.fromkeys((term.vi, strip_diacritics(term.vi)))]
    return queries


def search_again(tab, query: str) -> list[str]:
    """:func:`search` in a page that already searched: the box is emptied first and the
    result list allowed to reset, so the answer read is the new query's."""
    box = tab.locator("input.md-search__input")
    if box.input_value():
        box.fill("")
        box.press("End")
        tab.wait_for_function("() => !document.querySelector('.md-search-result__list').children.length")
    return search(tab, query)


def term_search_problems(tab, base_url: str, queries: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """(queries outside the exceptions whose first result is not their chapter, exceptions
    that now find it first), searched in one Vietnamese page."""
    tab.goto(home(base_url, "vi"), wait_until="load")
    wrong, fixed = [], []
    for query, chapter in queries:
        results = search_again(tab, query)
        first = results[0] if results else "no result"
        if first != chapter and query not in TERM_SEARCH_EXCEPTIONS:
            wrong.append(f"{query!r}: first {first}, not its defining chapter {chapter} ({results[:4]})")
        if first == chapter and query in TERM_SEARCH_EXCEPTIONS:
            fixed.append(query)
    return wrong, fixed


def test_each_glossary_term_finds_its_defining_chapter_first(tab, base_url, site_pages) -> None:
    queries = term_queries()
    assert len(queries) > 100 and {c for _, c in queries} <= {p.path for p in site_pages}, "a chapter not built"
    unknown = TERM_SEARCH_EXCEPTIONS - {q for q, _ in queries}
    assert not unknown, f"exceptions that are no glossary term's query any more: {sorted(unknown)}"
    wrong, fixed = term_search_problems(tab, base_url, queries)
    if fixed:
        warnings.warn(
            f"these now find their chapter first, drop them from TERM_SEARCH_EXCEPTIONS: {fixed}", stacklevel=1
        )
    assert not wrong, "glossary terms whose defining chapter is not the first result:\n" + "\n".join(wrong)


def test_the_term_search_check_catches_a_chapter_missing_from_the_index(tab, base_url) -> None:
    """The index without chapter 9's sections: its terms that pass today must be reported."""
    queries = [(q, c) for q, c in term_queries() if c == "/09-convexity/" and q not in TERM_SEARCH_EXCEPTIONS]
    assert queries, "chapter 9 has terms that find it first today"

    def without_chapter_9(route):
        index = route.fetch().json()
        index["docs"] = [d for d in index["docs"] if not d["location"].startswith("09-convexity/")]
        route.fulfill(json=index)

    tab.route("**/search/search_index.json", without_chapter_9)
    wrong, _ = term_search_problems(tab, base_url, queries)
    assert len(wrong) == len(queries), f"not every chapter 9 term was reported: {wrong}"
