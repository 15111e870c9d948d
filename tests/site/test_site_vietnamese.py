"""The Vietnamese site speaks Vietnamese (issue 11, part 6): no English word a reader sees,
chrome included, and a 404 page in each language.

On every Vietnamese page (and the root 404 page) the test reads, in Chromium after the
page's scripts ran, every text a reader can meet: the page title, each text node of the
body (header, navigation, article, footer, hidden-until-used parts like the "back to top"
button and the search dialog's messages), the labels assistive technology reads
(``aria-label``, ``title``, ``placeholder``, ``alt``), the quiz's feedback strings
(``data-right``, ``data-wrong``, ``data-choose``) and the interface strings Material's
scripts print (``__config`` translations: search results, the copy button). Left out, as
the issue allows:

* code and math (``code``, ``pre``, ``kbd``, ``samp``, KaTeX, ``.arithmatex``, ``svg``);
* text marked as another language (an element with ``lang`` other than ``vi``: the
  switcher's "English", the glossary's English column);
* glossed terms: a parenthesis of plain ASCII text after a Vietnamese term, "(line search)";
* quotations of the English sources: text in straight or curly quotes ('Another Example');
* the names in ``NAMES`` (the licence "CC BY").

What remains must hold no word of ``STOP`` (English function words and interface words),
except the English words the glossary itself uses as Vietnamese terms (``gradient``,
``epoch``, …). The check is proved on a real page with planted English strings.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlparse

import pytest
from site_checks import lang_of

from bookbuild.site import meta
from bookbuild.site.config import load
from lossbook.glossary import load_glossary

pytestmark = pytest.mark.browser

# Common English function words and the words of a site's interface. Not here: English
# words that are also Vietnamese syllables ("to" big, "in" print, "do" because, "can",
# "an", "me", "no", "ban", "sang", "tin", "ma", "cho" ...): they would flag Vietnamese.
STOP = frozenset(
    """
    the and of with for from by or is are be was were this that these those it its as at on
    your you we our if then than when which what where how why there here all any some yes
    not into about
    search back top previous next initializing initialising skip content copy copied clipboard
    page pages home found type start searching matching document documents more missing
    select language version share clear reset dark light mode switch contents navigation
    footer header edit view source made last update updated created contributors authors tabs
    check show hide answer correct wrong choose download figure close open menu loading error
    link permanent click here read continue see also note example
    """.split()
)
# Proper names a Vietnamese page keeps as they are.
NAMES = ("CC BY",)
# Elements whose text is code, math or an icon; and text marked as another language.
SKIP = "script, style, noscript, template, code, pre, kbd, samp, .katex, .arithmatex, math, svg, [lang]:not([lang=vi])"
ATTRS = ("aria-label", "title", "placeholder", "alt", "data-right", "data-wrong", "data-choose")

# The reader-visible texts of the page as [where, text]: the title, each block's text (the
# text nodes of its nearest block-level ancestor, in order, so a quotation split by a
# formula stays one), the labels and the interface strings of Material's scripts.
COLLECT = """([skip, attrs]) => {
  const BLOCK = "p, li, td, th, h1, h2, h3, h4, h5, h6, dt, dd, figcaption, caption, summary, label, button, a, div, nav, header, footer, span[role]";
  const where = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\\s+/)[0] : "");
  const blocks = new Map();
  const out = [["<title>", document.title]];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.textContent.trim()) continue;
    if (parent.closest(skip)) {  // code or math inside a block: keeps a quotation in one piece
      const block = parent.closest(skip).parentElement?.closest(BLOCK);
      if (block && blocks.has(block)) blocks.get(block).push(" ");
      continue;
    }
    const block = parent.closest(BLOCK) || parent;
    if (!blocks.has(block)) blocks.set(block, []);
    blocks.get(block).push(node.textContent);
  }
  for (const [block, parts] of blocks) out.push([where(block), parts.join("")]);
  for (const el of document.querySelectorAll("*")) {
    if (el.closest(skip)) continue;
    for (const a of attrs) if (el.hasAttribute(a)) out.push([where(el) + "[" + a + "]", el.getAttribute(a)]);
  }
  const config = document.getElementById("__config");
  if (config) {
    for (const [k, v] of Object.entries(JSON.parse(config.textContent).translations || {})) out.push(["__config " + k, v]);
  }
  return out;
}"""

_GLOSS = re.compile(r"\([^()]*\)")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|'[^']*'|‘[^’]*’")
_WORD = re.compile(r"\w+")


def glossary_english() -> frozenset[str]:
    """The Latin words of the glossary's Vietnamese names ("gradient", "epoch", "Newton" …):
    English by origin, Vietnamese terms by the book's decision."""
    words = set()
    for term in load_glossary():
        for name in (term.vi, *term.also):
            words.update(w.lower() for w in _WORD.findall(name) if w.isascii())
    return frozenset(words)


def english_words(text: str, stop: frozenset[str] = STOP, allowed: frozenset[str] = frozenset()) -> list[str]:
    """The words of ``stop`` in ``text``, outside glosses, quotations and ``NAMES``.

    >>> english_words("Lên đầu trang")
    []
    >>> english_words("Back to top")
    ['Back', 'top']
    >>> english_words("tìm kiếm theo đường (line search), 'Another Example' và \\"previous\\" L")
    []
    >>> english_words("lossbook — nội dung CC BY 4.0, search")
    ['search']
    """
    text = unicodedata.normalize("NFC", text)
    for name in NAMES:
        text = text.replace(name, " ")
    text = _GLOSS.sub(lambda m: " " if m.group(0).isascii() else m.group(0), text)
    text = _QUOTED.sub(" ", text)
    return [w for w in _WORD.findall(text) if w.lower() in stop and w.lower() not in allowed]


def page_english(tab, allowed: frozenset[str]) -> list[str]:
    """Each English word the page shows, with where it is and the text around it."""
    found = []
    for where, text in tab.evaluate(COLLECT, [SKIP, list(ATTRS)]):
        words = english_words(text, STOP, allowed)
        if words:
            found.append(f"{where}: {', '.join(dict.fromkeys(words))} in {' '.join(text.split())[:120]!r}")
    return found


@pytest.fixture(scope="module")
def allowed() -> frozenset[str]:
    return glossary_english()


@pytest.fixture(scope="module")
def vietnamese_paths(site_pages) -> list[str]:
    paths = [p.path for p in site_pages if p.lang == "vi"]
    assert len(paths) > 10, f"only {paths} found as Vietnamese pages"
    return paths


def test_the_stop_list_spares_the_glossarys_terms_and_holds_no_vietnamese_syllable(allowed) -> None:
    assert {"gradient", "epoch", "newton"} <= allowed  # Vietnamese terms by the glossary's decision
    assert not STOP & allowed, f"stop words that the glossary uses as Vietnamese terms: {sorted(STOP & allowed)}"
    # a stop word that is also a Vietnamese word would flag correct Vietnamese
    assert not {"to", "in", "do", "can", "an", "me", "no", "sang", "tin"} & STOP


def test_every_vietnamese_page_shows_no_english_word(tab, base_url, vietnamese_paths, allowed) -> None:
    problems = {}
    for path in [*vietnamese_paths, "/404.html"]:
        tab.goto(base_url + path, wait_until="load")
        found = page_english(tab, allowed)
        if found:
            problems[path] = found
    assert not problems, "English on the Vietnamese site:\n" + "\n".join(
        f"{path}\n  " + "\n  ".join(found) for path, found in problems.items()
    )


def test_the_english_check_catches_planted_english(tab, base_url, vietnamese_paths, allowed) -> None:
    """A real Vietnamese page with English planted in the chrome, a label and the prose."""
    path = next(p for p in vietnamese_paths if p != "/")

    def planted(route):
        html = route.fetch().text()
        html = html.replace("Lên đầu trang", "Back to top", 1)  # a theme string left English
        html = html.replace('aria-label="Tìm kiếm"', 'aria-label="Search"', 1)  # a label
        html = html.replace("</article>", "<p>Đoạn này có câu tiếng Anh: read the next page.</p></article>", 1)
        route.fulfill(body=html, content_type="text/html; charset=utf-8")

    tab.route(base_url + path, planted)
    tab.goto(base_url + path, wait_until="load")
    found = "\n".join(page_english(tab, allowed))
    for word in ("Back", "top", "Search", "read", "the", "next", "page"):
        assert re.search(rf"\b{word}\b", found), f"planted {word!r} not reported on {path}:\n{found}"


@pytest.mark.parametrize(
    "lang, path, title", [("vi", "/404.html", "Không tìm thấy trang"), ("en", "/en/404.html", "Page not found")]
)
def test_each_language_has_its_own_404_page(tab, base_url, lang, path, title) -> None:
    response = tab.goto(base_url + path, wait_until="load")
    assert response.ok, f"{path}: HTTP {response.status}"
    assert tab.evaluate("document.documentElement.lang") == lang
    assert title in tab.inner_text("article h1")
    # a 404 page can be served at any depth, so its links are absolute: the public address's path
    root = urlparse(meta.public_url(load()["site_url"])).path
    home = tab.get_attribute("article a", "href")
    assert tab.evaluate("(href) => new URL(href, location.href).pathname", home) == root + (
        "" if lang == "vi" else "en/"
    )
    assert lang_of(path) == lang


def test_the_colour_toggle_and_back_to_top_speak_the_pages_language(tab, base_url) -> None:
    seen = {}
    for lang in ("vi", "en"):
        tab.goto(base_url + ("/" if lang == "vi" else "/en/"), wait_until="load")
        toggles = tab.eval_on_selector_all("form[data-md-component=palette] label", "ls => ls.map(l => l.title)")
        seen[lang] = (toggles, tab.evaluate("document.querySelector('button.md-top').textContent.trim()"))
    assert seen == {
        "vi": (["Chuyển sang chế độ tối", "Chuyển sang chế độ sáng"], "Lên đầu trang"),
        "en": (["Switch to dark mode", "Switch to light mode"], "Back to top"),
    }
