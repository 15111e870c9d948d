"""Search as a reader uses it: type into Material's search box (its web worker searches
search/search_index.json) and read the results, in each language (issue 4).

A query must find the pages of the reader's language that mention it, and only those:
the best result mentions the query, every page whose title has it is listed, and no
result is a page of the other language. Which pages mention a query is read from the
built pages' text, not from the search index, so a broken index cannot agree with itself.
"""

from __future__ import annotations

import re

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
# Every term's name, typed with and without diacritics, finds its defining chapter (the
# glossary's ``chapter``) first, in Vietnamese on the Vietnamese site and in English on the
# English one. Lunr alone does not: it ORs a query's syllables and weighs each by its rarity,
# so "số gia" ranked chapter 11 first (its rare "giảm" matches "gia*"). The build gives each
# term's defining section the term as a keyword and the search worker lists the page of a
# query that is a keyword first (bookbuild/site/search.py, search_worker.js); the two tests
# after this one take each half away and must see terms fail.


def term_queries(lang: str = "vi") -> list[tuple[str, str]]:
    """(what the reader types, the defining chapter's path) for every glossary term in
    ``lang``: in Vietnamese with its diacritics and, when it has any, without (as typed on a
    keyboard without them)."""
    queries = []
    for term in load_glossary():
        chapter = ("/en/" if lang == "en" else "/") + term.chapter.removesuffix(".md") + "/"
        names = (term.vi, strip_diacritics(term.vi)) if lang == "vi" else (term.en,)
        queries += [(q, chapter) for q in dict.fromkeys(names)]
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


def term_search_problems(tab, base_url: str, queries: list[tuple[str, str]], lang: str = "vi") -> list[str]:
    """The queries whose first result is not their chapter, searched in one page of ``lang``."""
    tab.goto(home(base_url, lang), wait_until="load")
    wrong = []
    for query, chapter in queries:
        results = search_again(tab, query)
        first = results[0] if results else "no result"
        if first != chapter:
            wrong.append(f"{query!r}: first {first}, not its defining chapter {chapter} ({results[:4]})")
    return wrong


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_glossary_term_finds_its_defining_chapter_first(tab, base_url, site_pages, lang) -> None:
    queries = term_queries(lang)
    assert len(queries) > (100 if lang == "vi" else 60), "the glossary lost its terms"
    assert {c for _, c in queries} <= {p.path for p in site_pages}, "a defining chapter is not built"
    wrong = term_search_problems(tab, base_url, queries, lang)
    assert not wrong, "glossary terms whose defining chapter is not the first result:\n" + "\n".join(wrong)


def test_an_english_term_typed_on_the_vietnamese_site_finds_the_vietnamese_chapter(tab, base_url) -> None:
    """Readers who learnt a term in English type it so; the Vietnamese site's keywords hold it.
    (Without them, 40-odd of the terms find another page first: "derivative" chapter 11.)"""
    queries = [(t.en, "/" + t.chapter.removesuffix(".md") + "/") for t in load_glossary()]
    wrong = term_search_problems(tab, base_url, queries, "vi")
    assert not wrong, "English terms on the Vietnamese site that miss their chapter:\n" + "\n".join(wrong)


def test_the_term_search_check_catches_a_chapter_missing_from_the_index(tab, base_url) -> None:
    """The index without chapter 9's sections: each of its terms must be reported."""
    queries = [(q, c) for q, c in term_queries() if c == "/09-convexity/"]
    assert len(queries) > 5, "chapter 9 defines terms"

    def without_chapter_9(route):
        index = route.fetch().json()
        index["docs"] = [d for d in index["docs"] if not d["location"].startswith("09-convexity/")]
        route.fulfill(json=index)

    tab.route("**/search/search_index.json", without_chapter_9)
    wrong = term_search_problems(tab, base_url, queries)
    assert len(wrong) == len(queries), f"not every chapter 9 term was reported: {wrong}"


def test_terms_of_common_syllables_need_the_keywords(tab, base_url) -> None:
    """The index without its keywords (lunr's ranking alone): terms made of common syllables
    must then lose their chapter, so the test above tests the keywords, not luck."""
    hard = [("số gia", "/01-optimization/"), ("hàm hợp", "/02-chain-rule/"), ("tran so", "/06-sigmoid/")]
    assert set(hard) <= set(term_queries()), "these are glossary terms"
    assert term_search_problems(tab, base_url, hard) == [], "they find their chapter with the keywords"

    def without_keywords(route):
        index = route.fetch().json()
        index["docs"] = [{k: v for k, v in d.items() if k != "keywords"} for d in index["docs"]]
        route.fulfill(json=index)

    tab.route("**/search/search_index.json", without_keywords)
    assert len(term_search_problems(tab, base_url, hard)) == len(hard), "lunr alone ranked them right"
