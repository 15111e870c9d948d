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
    no longer find the pages that mention "hàm mất mát" (so the case above is a real test
    of the folding, not of lunr being lenient)."""
    expected, _ = expectations("hàm mất mát", "vi", page_texts, page_titles)

    def unfolded(route):
        index = route.fetch().json()
        strip = lambda field: re.sub(r"<span hidden>[^<]*</span>$", "", field)  # noqa: E731
        index["docs"] = [dict(d, title=strip(d["title"]), text=strip(d["text"])) for d in index["docs"]]
        route.fulfill(json=index)

    tab.route("**/search/search_index.json", unfolded)
    tab.goto(home(base_url, "vi"), wait_until="load")
    problems = check_search_results(search(tab, "ham mat mat"), "vi", expected, "ham mat mat")
    assert problems, "'ham mat mat' found the 'hàm mất mát' pages with no folded spelling in the index"
