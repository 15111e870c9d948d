"""What a reader of the built site must get, as checks that return problems.

Every check returns a list of human-readable problems (empty: the page is fine). The
same function runs on every real page of the built site (tests/site/test_site_reader.py)
and on deliberately broken pages (tests/site/fixtures/, tests/site/test_site_checks_catch.py),
so a check that stops seeing its defect fails a test too.

Two kinds of checks:

* pure functions over data (``alt_problem``, ``compare_twins``, ``check_links``,
  ``check_search_results``...), testable without a browser;
* functions taking a Playwright ``Page`` already showing the page under test
  (``check_math``, ``check_images``, ``check_quizzes``, ``run_axe``...).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
LOCAL_HOSTS = {"127.0.0.1"}


# --- the pages of a built site --------------------------------------------------------------


@dataclass(frozen=True)
class SitePage:
    """One page of the built site: its URL path (``/``, ``/en/08-bce/``), language,
    its twin's URL path, the built HTML file and the Markdown source (if found)."""

    path: str
    lang: str
    twin: str
    html: Path
    source: Path | None

    @property
    def name(self) -> str:
        """A file-name-safe id: ``vi-index``, ``en-08-bce``, ``vi-notebooks-demo``."""
        rest = self.path.removeprefix("/en/") if self.lang == "en" else self.path
        slug = rest.strip("/").replace("/", "-") or "index"
        return f"{self.lang}-{slug}"


def lang_of(path: str) -> str:
    """The language of a page from its URL path (English pages live under /en/).

    >>> lang_of("/en/08-bce/"), lang_of("/08-bce/"), lang_of("/")
    ('en', 'vi', 'vi')
    """
    return "en" if path == "/en/" or path.startswith("/en/") else DEFAULT_LANG


def twin_path(path: str) -> str:
    """The same page in the other language.

    >>> twin_path("/08-bce/"), twin_path("/en/08-bce/"), twin_path("/"), twin_path("/en/")
    ('/en/08-bce/', '/08-bce/', '/en/', '/')
    """
    return "/" + path.removeprefix("/en/") if lang_of(path) == "en" else "/en" + path


def source_of(path: str, docs: Path | dict[str, Path]) -> Path | None:
    """The Markdown file a page was built from: in the pre-rendered folder of its language
    (``docs`` a mapping lang → ``build/prerender/<lang>/docs``: ``x.md``), or in the sources
    (``docs`` a folder: ``docs/x.md`` or ``docs/x.en.md``)."""
    lang = lang_of(path)
    rel = (path.removeprefix("/en/") if lang == "en" else path).strip("/")
    if isinstance(docs, dict):
        folder, suffix = docs.get(lang), ".md"
        if folder is None:
            return None
    else:
        folder, suffix = docs, (".en.md" if lang == "en" else ".md")
    candidates = [folder / f"{rel}{suffix}"] if rel else []
    candidates.append(folder / rel / f"index{suffix}")
    return next((c for c in candidates if c.is_file()), None)


def discover_pages(site: Path, docs: Path | dict[str, Path]) -> list[SitePage]:
    """Every page of the built site in both languages, found by walking its HTML files
    (so a page added tomorrow is tested without touching the suite)."""
    pages = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel.endswith("404.html") or rel.startswith(("assets/", "search/")):
            continue
        if html.name == "index.html":
            path = "/" + rel[: -len("index.html")]
        else:  # use_directory_urls: false, or a stray HTML file shipped in docs/
            path = "/" + rel
        pages.append(SitePage(path, lang_of(path), twin_path(path), html, source_of(path, docs)))
    return pages


# --- Markdown sources: which pages have math ------------------------------------------------

_FENCE = re.compile(r"^\s*(```|~~~).*?^\s*\1", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_DISPLAY = re.compile(r"^\s*\$\$.*?\$\$", re.MULTILINE | re.DOTALL)
_INLINE = re.compile(r"(?<![\\$])\$(?![\s$])[^$\n]+?(?<![\s\\])\$(?!\$)")


def source_formulas(markdown: str) -> tuple[int, int]:
    """(display, inline) formulas written in a page's Markdown, outside code.

    >>> source_formulas("$a$ and $b$\\n\\n$$\\nx\\n$$\\n```\\n$$ code $$\\n```\\n`$x$`")
    (1, 2)
    """
    text = _CODE_SPAN.sub("", _FENCE.sub("", markdown))
    display = len(_DISPLAY.findall(text))
    return display, len(_INLINE.findall(_DISPLAY.sub("", text)))


# --- network and console --------------------------------------------------------------------


@dataclass
class Traffic:
    """What a page did on the network and in the console while it was tested."""

    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def attach(self, page) -> Traffic:
        page.on(
            "console",
            lambda m: m.type == "error" and self.console_errors.append(f"{m.text} ({m.location.get('url', '')})"),
        )
        page.on("pageerror", lambda err: self.console_errors.append(f"uncaught {err}"))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} (HTTP {r.status})"))
        return self


def check_traffic(traffic: Traffic) -> list[str]:
    """No console error, no failed request, no request to a host other than 127.0.0.1.

    >>> t = Traffic(["boom"], [], ["http://127.0.0.1:8000/a.css", "https://cdn.example/k.js", "data:,x"])
    >>> check_traffic(t)
    ['console error: boom', 'request to another host: https://cdn.example/k.js']
    """
    problems = [f"console error: {e}" for e in traffic.console_errors]
    problems += [f"failed request: {f}" for f in dict.fromkeys(traffic.failed)]
    for url in dict.fromkeys(traffic.requests):
        parts = urlsplit(url)
        if parts.scheme in {"data", "blob", "about"}:
            continue
        if parts.hostname not in LOCAL_HOSTS:
            problems.append(f"request to another host: {url}")
    return problems


# --- math -----------------------------------------------------------------------------------

_RAW_TEX_JS = r"""() => {
  const skip = "pre, code, kbd, samp, script, style, template, textarea, .katex, .md-search";
  const raw = /\$\$|\\(?:[a-zA-Z]{2,}|[()\[\]])|\$(?=\S)[^$\n]{1,200}?\S\$/;
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest(skip)) continue;
    const text = node.textContent.replace(/\s+/g, " ").trim();
    if (raw.test(text)) found.push(text.slice(0, 100));
  }
  if (raw.test(document.title)) found.push("<title> " + document.title);
  return found;
}"""

_KATEX_JS = r"""async () => {
  await document.fonts.ready;
  const all = [...document.querySelectorAll(".katex")];
  const display = document.querySelectorAll(".katex-display").length;
  const hidden = (el) => {  // KaTeX's CSS hides the MathML copy visually (kept for screen readers)
    const s = getComputedStyle(el);
    return s.position === "absolute" && (s.clip !== "auto" || s.clipPath !== "none");
  };
  const mathml = all.length ? all[0].querySelector(".katex-mathml") : null;
  const fonts = [...document.fonts].filter((f) => f.family.replace(/"/g, "").startsWith("KaTeX"));
  return {
    display, inline: all.length - display,
    without_mathml: all.filter((k) => !k.querySelector(".katex-mathml math")).length,
    without_html: all.filter((k) => !k.querySelector(".katex-html")).length,
    errors: document.querySelectorAll(".katex-error").length,
    mathml_hidden: mathml ? hidden(mathml) : null,
    fonts_loaded: fonts.filter((f) => f.status === "loaded").length,
    fonts_failed: fonts.filter((f) => f.status === "error").map((f) => f.family),
  };
}"""


def check_math(page, expected: tuple[int, int] | None = None) -> list[str]:
    """Math is rendered: no raw TeX (``$$``, ``\\frac``, ``\\begin``, ``$x$``...) left as
    text, and KaTeX's elements are there, styled, for every formula of the source.
    ``expected`` = (display, inline) formulas of the Markdown source, if known."""
    problems = [f'raw TeX shown as text: "{t}"' for t in page.evaluate(_RAW_TEX_JS)]
    k = page.evaluate(_KATEX_JS)
    if expected:
        display, inline = expected
        if k["display"] < display:
            problems.append(f"{display} display formula(s) in the source, {k['display']} rendered (.katex-display)")
        if k["inline"] < inline:
            problems.append(f"{inline} inline formula(s) in the source, {k['inline']} rendered (.katex)")
    if k["without_mathml"]:
        problems.append(f"{k['without_mathml']} formula(s) without MathML (.katex-mathml math)")
    if k["without_html"]:
        problems.append(f"{k['without_html']} formula(s) without KaTeX's HTML (.katex-html)")
    if k["errors"]:
        problems.append(f"{k['errors']} KaTeX error(s) (.katex-error)")
    if k["mathml_hidden"] is False:
        problems.append("KaTeX's CSS is not applied: the MathML copy of each formula is shown too")
    if k["display"] + k["inline"] and not k["fonts_loaded"]:
        problems.append("no KaTeX font loaded")
    problems += [f"KaTeX font failed to load: {f}" for f in k["fonts_failed"]]
    return problems


# --- images ---------------------------------------------------------------------------------

_IMAGES_JS = r"""async () => {
  const imgs = [...document.images];
  imgs.forEach((img) => { img.loading = "eager"; });
  await Promise.all(imgs.map((img) => img.complete ? null : new Promise((done) => {
    img.addEventListener("load", done); img.addEventListener("error", done); setTimeout(done, 5000);
  })));
  return imgs.map((img) => ({
    src: img.getAttribute("src"), url: img.currentSrc || img.src,
    alt: img.getAttribute("alt"), width: img.naturalWidth,
  }));
}"""

GENERIC_ALTS = {
    "image",
    "img",
    "picture",
    "photo",
    "figure",
    "fig",
    "plot",
    "chart",
    "graph",
    "diagram",
    "screenshot",
    "alt",
    "todo",
    "untitled",
    "hình",
    "ảnh",
    "hình ảnh",
    "hình vẽ",
    "biểu đồ",
    "đồ thị",
    "minh hoạ",
    "minh họa",
}
# What the pre-render writes on a notebook page when a notebook cell has no alt_vi/alt_en.
PLACEHOLDER_ALT = re.compile(r"^(figure drawn by code cell|hình do ô mã) \d+( vẽ)?$", re.IGNORECASE)


def alt_problem(alt: str | None, src: str = "") -> str | None:
    """Why an image's alt text does not tell a reader what the image shows (None: it does).

    >>> alt_problem("Đồ thị hàm sigmoid theo z") is None
    True
    >>> alt_problem(None), alt_problem(" "), alt_problem("figure")
    ('no alt attribute', 'empty alt text', "generic alt text 'figure'")
    >>> alt_problem("demo.svg", "assets/figures/demo.svg")
    "alt text is a file name: 'demo.svg'"
    >>> alt_problem("Figure drawn by code cell 3")
    "placeholder alt text 'Figure drawn by code cell 3' (give the cell alt_vi/alt_en)"
    """
    if alt is None:
        return "no alt attribute"
    text = " ".join(alt.split())
    if not text:
        return "empty alt text"
    if re.search(r"\.(png|svg|jpe?g|gif|webp|avif)$", text, re.IGNORECASE) or (
        src and text == Path(urlsplit(src).path).name
    ):
        return f"alt text is a file name: {text!r}"
    if PLACEHOLDER_ALT.match(text):
        return f"placeholder alt text {text!r} (give the cell alt_vi/alt_en)"
    if text.lower() in GENERIC_ALTS:
        return f"generic alt text {text!r}"
    if sum(ch.isalpha() for ch in text) < 3:
        return f"alt text too short to describe anything: {text!r}"
    return None


def check_images(page) -> list[str]:
    """Every image loads (natural width > 0) and has a meaningful alt text."""
    problems = []
    for img in page.evaluate(_IMAGES_JS):
        if img["width"] <= 0:
            problems.append(f"image does not load: {img['src']}")
        why = alt_problem(img["alt"], img["src"] or "")
        if why:
            problems.append(f"{why}: {img['src']}")
    return problems


# --- twins and the language switcher --------------------------------------------------------

_STRUCTURE_JS = r"""() => {
  const article = document.querySelector("article") || document.body;
  const links = {};
  document.querySelectorAll("a.md-select__link[hreflang]").forEach((a) => { links[a.hreflang] = a.href; });
  return {
    lang: document.documentElement.lang,
    outline: [...article.querySelectorAll("h1, h2, h3")].map((h) => h.tagName.toLowerCase()),
    figures: article.querySelectorAll("img").length,
    equations: article.querySelectorAll(".katex-display").length,
    quizzes: [...article.querySelectorAll(".lb-quiz")].map((q) => `${q.id}:${q.dataset.answer}`),
    switcher: links,
  };
}"""


def page_structure(page) -> dict:
    """What must match between twins: heading outline, figures, display equations, quiz
    questions; plus the page's ``lang`` and its language switcher's links."""
    return page.evaluate(_STRUCTURE_JS)


def compare_twins(vi: dict, en: dict) -> list[str]:
    """Twins have the same sections, figures, equations and quiz questions.

    >>> a = {"outline": ["h1", "h2", "h2"], "figures": 1, "equations": 2, "quizzes": ["quiz-x:1"]}
    >>> compare_twins(a, dict(a, outline=["h1", "h2"], figures=2))
    ['sections differ: vi h1 h2 h2, en h1 h2', 'figures differ: vi 1, en 2']
    """
    problems = []
    if vi["outline"] != en["outline"]:
        problems.append(f"sections differ: vi {' '.join(vi['outline'])}, en {' '.join(en['outline'])}")
    for key, label in (("figures", "figures"), ("equations", "display equations"), ("quizzes", "quiz questions")):
        if vi[key] != en[key]:
            problems.append(f"{label} differ: vi {vi[key]}, en {en[key]}")
    return problems


def check_switcher(page, url: str, twin_url: str, lang: str) -> list[str]:
    """The page says its language, its switcher links to itself and to its twin, and
    choosing the other language in the header menu (hover, click) lands on the twin.
    Leaves the browser on the twin page."""
    other = "en" if lang == "vi" else "vi"
    s = page_structure(page)
    problems = []
    if s["lang"] != lang:
        problems.append(f'<html lang="{s["lang"]}">, expected "{lang}"')
    if s["switcher"].get(lang) not in {url, None}:
        problems.append(f"switcher's {lang} link goes to {s['switcher'][lang]}, not to this page")
    if other not in s["switcher"]:
        return problems + [f"no language switcher link to {other}"]
    if s["switcher"][other] != twin_url:
        problems.append(f"switcher's {other} link goes to {s['switcher'][other]}, not to the twin {twin_url}")
    try:
        page.hover(".md-header .md-select")
        with page.expect_navigation(timeout=5000):
            page.click(f".md-header a.md-select__link[hreflang={other}]", timeout=5000)
    except Exception as err:  # noqa: BLE001 - any failure to switch is the problem to report
        return problems + [f"choosing {other} in the language menu failed: {str(err).splitlines()[0]}"]
    landed = page.url.split("#")[0]
    if landed != twin_url:
        problems.append(f"choosing {other} in the language menu lands on {landed}, not on the twin {twin_url}")
    elif page.evaluate("document.documentElement.lang") != other:
        problems.append(f"the twin {twin_url} does not say lang={other}")
    return problems


# --- links ----------------------------------------------------------------------------------


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs) -> None:
        for name, value in attrs:
            if value and (name == "id" or (tag == "a" and name == "name")):
                self.ids.add(value)


class SiteFiles:
    """The files a static server would serve under ``base`` (``http://127.0.0.1:PORT``),
    from one or more folders mounted at URL prefixes, with the ids of each HTML file."""

    def __init__(self, base: str, mounts: dict[str, Path]) -> None:
        self.base = base.rstrip("/")
        self.mounts = sorted(mounts.items(), key=lambda m: -len(m[0]))
        self._ids: dict[Path, set[str]] = {}

    def file_for(self, path: str) -> Path | None:
        path = unquote(path)
        for prefix, folder in self.mounts:
            if path.startswith(prefix):
                target = folder / path[len(prefix) :]
                break
        else:
            return None
        if path.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def ids(self, file: Path) -> set[str]:
        if file not in self._ids:
            parser = _Ids()
            parser.feed(file.read_text(encoding="utf-8", errors="replace"))
            self._ids[file] = parser.ids
        return self._ids[file]


def check_links(page_url: str, hrefs: list[str], files: SiteFiles) -> list[str]:
    """Every internal ``<a href>`` (absolute, as the browser resolved it) leads to a file
    of the site, and its ``#anchor`` to an element with that id. Links to other hosts
    are not followed (the site must work offline; they are not requests)."""
    problems = []
    for href in dict.fromkeys(hrefs):
        parts = urlsplit(urljoin(page_url, href))
        if parts.scheme not in {"http", "https"}:
            continue
        if parts.hostname not in LOCAL_HOSTS:
            continue
        if f"{parts.scheme}://{parts.netloc}" != files.base:
            problems.append(f"absolute link to another server: {href} (use a relative link)")
            continue
        target = files.file_for(parts.path or "/")
        if target is None:
            problems.append(f"dead link: {href}")
        elif parts.fragment and target.suffix == ".html":
            anchor = unquote(parts.fragment)
            if anchor not in files.ids(target) and not anchor.startswith(":~:"):
                problems.append(f"dead anchor: {href} (no id {anchor!r} in {parts.path})")
    return problems


def page_links(page) -> list[str]:
    """Every ``<a href>`` of the page as the browser resolves it (after scripts ran)."""
    return page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")


# --- accessibility --------------------------------------------------------------------------


# Sections off screen are not rendered (content-visibility: auto, bookbuild/site/sections.py)
# until the reader scrolls to them, and axe cannot read the colours of what is not
# rendered (it reported near-black on near-black). Render everything, as a reader's
# scrolling would, before asking axe.
RENDER_ALL = ".lb-section { content-visibility: visible !important; }"


def run_axe(page, axe_source: str, rules: list[str] | None = None) -> list[dict]:
    """axe-core's violations on the page (injected inline: no request), with every
    section rendered."""
    page.add_style_tag(content=RENDER_ALL)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    return page.evaluate(
        """(options) => axe.run(document, options).then((r) => r.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.map((n) => n.target.join(" ")),
        })))""",
        options,
    )


def check_dark_contrast(page, axe_source: str) -> list[str]:
    """Switch to the dark scheme with the header's toggle, as a reader does, and check
    colour contrast there (axe's ``color-contrast`` rule)."""
    toggle = page.locator("form[data-md-component=palette] label:visible")
    if not toggle.count():
        return ["no colour scheme toggle in the header"]
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    toggle.first.click()
    try:
        page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'", timeout=2000)
    except Exception:  # noqa: BLE001
        return ["the colour scheme toggle does not switch to the dark scheme"]
    return check_axe(run_axe(page, axe_source, rules=["color-contrast"]))


def check_axe(violations: list[dict]) -> list[str]:
    """No serious or critical violation.

    >>> check_axe([{"id": "image-alt", "impact": "critical", "help": "Images need alt", "targets": ["img"]},
    ...            {"id": "region", "impact": "moderate", "help": "x", "targets": ["p"]}])
    ['critical image-alt: Images need alt (img)']
    """
    return [
        f"{v['impact']} {v['id']}: {v['help']} ({', '.join(v['targets'][:3])}"
        + (f", +{len(v['targets']) - 3} more" if len(v["targets"]) > 3 else "")
        + ")"
        for v in violations
        if v["impact"] in {"serious", "critical"}
    ]


# --- quizzes --------------------------------------------------------------------------------

_RESET_QUIZ_JS = """(quiz) => {
  quiz.querySelectorAll("input[type=radio]").forEach((i) => { i.checked = false; });
  const feedback = quiz.querySelector(".lb-quiz-feedback");
  if (feedback) feedback.textContent = "";
}"""
_FEEDBACK_JS = """(quiz) => {
  const f = quiz.querySelector(".lb-quiz-feedback");
  return f ? f.textContent.trim() : "";
}"""
_STATE_JS = """(quiz) => {
  const squash = (t) => (t || "").replace(/\\s+/g, " ").trim();
  const f = quiz.querySelector(".lb-quiz-feedback");
  const radios = [...quiz.querySelectorAll("input[type=radio]")];
  const chosen = radios.findIndex((r) => r.checked);
  const li = chosen >= 0 ? radios[chosen].closest("li") : null;
  const why = li ? li.querySelector(".lb-quiz-why") : null;
  const active = document.activeElement;
  return {
    chosen,
    text: f ? squash(f.textContent) : "",
    visible: !!f && f.checkVisibility(),
    cls: f ? f.className : "",
    why: why ? squash(why.textContent) : "",
    why_visible: !!why && why.checkVisibility(),
    focus_in_quiz: quiz.contains(active),
    focus: active ? active.tagName.toLowerCase() + (active.type ? "[" + active.type + "]" : "") : "",
  };
}"""


def _judge_feedback(quiz, option: int, how: str, timeout: float) -> list[str]:
    """After an answer was checked: the feedback appeared, visible, says right or wrong,
    and explains (the option's own explanation if it has one)."""
    try:
        quiz.page.wait_for_function(
            f"(quiz) => ({_FEEDBACK_JS})(quiz) !== ''", arg=quiz.element_handle(), timeout=timeout
        )
    except Exception:  # noqa: BLE001 - a timeout is the defect to report
        return [f"option {option} ({how}): no feedback appeared"]
    state = quiz.evaluate(_STATE_JS)
    if state["chosen"] != option:
        return [f"option {option} ({how}): option {state['chosen']} is selected instead"]
    right = option == int(quiz.get_attribute("data-answer"))
    label = quiz.get_attribute("data-right" if right else "data-wrong") or ""
    verdict, kind = ("right", "lb-right") if right else ("wrong", "lb-wrong")
    problems = []
    if not state["visible"]:
        problems.append(f"option {option} ({how}): the feedback is not visible")
    if not state["text"].startswith(label) or kind not in state["cls"].split():
        problems.append(f"option {option} ({how}) is {verdict} but the feedback says {state['text']!r}")
    if state["why"]:
        if state["why"] not in state["text"] and not state["why_visible"]:
            problems.append(f"option {option} ({how}): its explanation {state['why']!r} is not shown")
    elif len(state["text"]) <= len(label) + 1:
        problems.append(f"option {option} ({how}): the feedback gives no explanation: {state['text']!r}")
    return problems


def check_quiz_mouse(quiz, timeout: float = 2000) -> list[str]:
    """Each option, clicked then checked, is said right or wrong with an explanation."""
    button = quiz.locator(".lb-quiz-check")
    if not button.count() or not button.is_visible():
        return ["the Check button is not shown (did quiz.js run?)"]
    problems = []
    for option in range(quiz.locator("input[type=radio]").count()):
        quiz.evaluate(_RESET_QUIZ_JS)
        quiz.locator(".lb-quiz-options label").nth(option).click(timeout=timeout)
        button.click(timeout=timeout)
        problems += _judge_feedback(quiz, option, "mouse", timeout)
    return problems


def check_quiz_keyboard(quiz, timeout: float = 2000) -> list[str]:
    """Keyboard only: Tab reaches the options, Space and the arrow keys choose, Enter on
    an option checks it (the right answer), Tab then Enter on Check checks too (a wrong
    answer)."""
    page = quiz.page
    answer = int(quiz.get_attribute("data-answer"))
    count = quiz.locator("input[type=radio]").count()
    quiz.evaluate(_RESET_QUIZ_JS)
    # Start sequential focus navigation at the question, as a reader tabbing through the page would.
    quiz.evaluate("(q) => { q.tabIndex = -1; q.focus(); q.removeAttribute('tabindex'); }")
    page.keyboard.press("Tab")
    state = quiz.evaluate(_STATE_JS)
    if not state["focus_in_quiz"] or state["focus"] != "input[radio]":
        return [f"Tab does not reach the options (focus on {state['focus'] or 'nothing'})"]
    page.keyboard.press("Space")
    for _ in range(answer):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    problems = _judge_feedback(quiz, answer, "keyboard: arrows + Enter", timeout)
    if count < 2:
        return problems
    wrong = (answer + 1) % count
    quiz.evaluate("(q) => { q.querySelector('.lb-quiz-feedback').textContent = ''; }")
    key, steps = ("ArrowDown", wrong - answer) if wrong > answer else ("ArrowUp", answer - wrong)
    for _ in range(steps):
        page.keyboard.press(key)
    page.keyboard.press("Tab")
    state = quiz.evaluate(_STATE_JS)
    if state["focus"] != "button[submit]" and state["focus"] != "button[button]":
        return problems + [f"Tab from the options does not reach the Check button (focus on {state['focus']})"]
    page.keyboard.press("Enter")
    return problems + _judge_feedback(quiz, wrong, "keyboard: arrows, Tab, Enter on Check", timeout)


def check_quizzes(page, keyboard: bool = True) -> list[str]:
    """Every quiz question of the page, with the mouse and (optionally) the keyboard."""
    problems = []
    quizzes = page.locator(".lb-quiz")
    for i in range(quizzes.count()):
        quiz = quizzes.nth(i)
        name = quiz.get_attribute("id") or f"quiz {i + 1}"
        found = check_quiz_mouse(quiz) + (check_quiz_keyboard(quiz) if keyboard else [])
        problems += [f"{name}: {p}" for p in found]
    return problems


# --- search ---------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case, one space between words (accents kept: Vietnamese needs them).

    >>> fold("  Hàm  MẤT\\nmát ")
    'hàm mất mát'
    """
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


class _ArticleText(HTMLParser):
    """Text inside <article>, leaving out scripts, styles and aria-hidden copies (KaTeX)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []  # for each open element inside the article: is it skipped?
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag in _VOID or (not self.stack and tag != "article"):
            return
        hidden = tag in {"script", "style"} or dict(attrs).get("aria-hidden") == "true"
        self.stack.append(hidden or (bool(self.stack) and self.stack[-1]))

    def handle_endtag(self, tag) -> None:
        if self.stack and tag not in _VOID:
            self.stack.pop()

    def handle_data(self, data) -> None:
        if self.stack and not self.stack[-1]:
            self.parts.append(data)


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def article_text(html: str) -> str:
    """The text of a built page's ``<article>`` (what search indexes), without scripts.

    >>> article_text('<nav>Menu</nav><article><h1>Hàm <b>sigmoid</b></h1><script>x</script><br>'
    ...              '<span aria-hidden="true"><i>σ</i>σ</span> ok</article><p>footer</p>')
    'Hàm sigmoid ok'
    """
    parser = _ArticleText()
    parser.feed(html)
    return " ".join("".join(parser.parts).split())


def pages_mentioning(term: str, texts: dict[str, str]) -> set[str]:
    """The pages whose text has the whole phrase, else every word of it.

    >>> pages_mentioning("entropy chéo", {"/a/": "Entropy chéo nhị phân", "/b/": "entropy", "/c/": "chéo"})
    {'/a/'}
    >>> sorted(pages_mentioning("hàm mất mát", {"/a/": "mất hàm mát", "/b/": "hàm"}))
    ['/a/']
    """
    term = fold(term)
    texts = {p: fold(t) for p, t in texts.items()}
    phrase = {p for p, t in texts.items() if term in t}
    return phrase or {p for p, t in texts.items() if all(w in t for w in term.split())}


def search(page, query: str, timeout: float = 10000) -> list[str]:
    """Type ``query`` into Material's search box, as a reader does, and return the result
    pages' URL paths (best first) once the search worker has answered."""
    placeholder = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
    )
    box = page.locator("input.md-search__input")
    if not box.is_visible():  # narrow screens: the magnifier opens the search dialog
        page.click("label.md-header__button[for=__search]")
    box.click()
    hrefs: list[str] = []
    # Material's worker may still be building the index when the first key arrives and
    # then answers "no result": retype, as a reader would, up to three times.
    for _attempt in range(3):
        box.fill(query)
        box.press("End")  # Material searches on key events; one key, so no search of a prefix
        page.wait_for_function(
            """(placeholder) => {
              const meta = document.querySelector(".md-search-result__meta");
              return meta && meta.textContent.trim() !== "" && meta.textContent.trim() !== placeholder;
            }""",
            arg=placeholder,
            timeout=timeout,
        )
        hrefs = page.eval_on_selector_all(
            ".md-search-result__item > a.md-search-result__link", "links => links.map(a => a.href)"
        )
        if hrefs:
            break
        page.wait_for_timeout(1500)
        box.fill("")
    return list(dict.fromkeys(urlsplit(h).path for h in hrefs))


def check_search_results(results: list[str], lang: str, expected: set[str], term: str) -> list[str]:
    """A search in ``lang`` finds the pages that mention ``term``, in ``lang`` only, and
    the best result is one of them.

    >>> check_search_results(["/en/08-bce/", "/08-bce/"], "en", {"/en/08-bce/"}, "entropy")
    ["'entropy' in en: result in the other language: /08-bce/"]
    >>> check_search_results([], "vi", {"/08-bce/"}, "entropy chéo")
    ["'entropy chéo' in vi: no result (expected /08-bce/)"]
    """
    if not results:
        return [f"{term!r} in {lang}: no result (expected {', '.join(sorted(expected))})"]
    problems = [f"{term!r} in {lang}: result in the other language: {r}" for r in results if lang_of(r) != lang]
    if results[0] not in expected:
        problems.append(
            f"{term!r} in {lang}: the best result {results[0]} is not a {lang} page that mentions it "
            f"(expected one of {', '.join(sorted(expected))})"
        )
    return problems
