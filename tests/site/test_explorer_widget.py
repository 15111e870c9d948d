"""The loss explorer (docs/assets/explorer.js) in a real browser, driven with the keyboard.

The widget computes in JavaScript what lossbook computes in NumPy; these tests make it
show lossbook's numbers. On the chapters on MSE and BCE, in both languages, with the
keyboard only (focus, select all, type, Enter or Tab; Tab to a button, Enter):

* for every reference point that ``lossbook.explorer.explorer_data()`` exports (a grid of
  (w, b) per data set), the displayed mean losses and gradients equal lossbook's, to 4
  decimals;
* "one SGD step" and "one full-batch step" from the start reproduce the lesson's worked
  steps (``worked``), and a whole epoch of SGD steps follows lossbook step by step;
* switching the data set (menu, or the separable toggle) redraws the landscapes and the
  sliders' ranges;
* no console error or failed request, the widget renders in light and dark mode, and
  axe-core finds no serious or critical violation inside it.

Fixtures (``browser``, ``base_url``, ``built_site``, ``axe_source``) come from
tests/site/conftest.py (the working tree built once, served on 127.0.0.1; Chromium
offline), tabs from ``site_audit.new_tab``. Screenshots of the widget go to
test-artifacts/screenshots/explorer-{vi,en}-{light,dark}.png.
"""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from PIL import Image

from site_audit import new_tab
from site_checks import Traffic, check_axe, check_traffic

from lossbook.explorer import CHECK_POINTS, LEARNING_RATE, START, WORKED_DATASET, explorer_data, load_dataset, sgd_step

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
PAGES = ("/07-mse-sigmoid/", "/en/07-mse-sigmoid/", "/08-bce/", "/en/08-bce/")
FULL_GRID_PAGES = ("/07-mse-sigmoid/", "/en/08-bce/")
WIDGET = ".lb-explorer"
READY = ".lb-explorer[data-ready=true]"
#: Displayed values have 4 decimals: they must be lossbook's value rounded, so at most half
#: a unit of the 4th decimal away (plus float noise, for a value on a rounding boundary).
TOLERANCE = 0.5e-4 + 1e-9

_READ_JS = """(root) => {
  const out = {};
  root.querySelectorAll("dd[data-value]").forEach((dd) => { out[dd.dataset.value] = dd.textContent; });
  out.w = root.querySelector("input[name=w]").value;
  out.b = root.querySelector("input[name=b]").value;
  out.step = root.querySelector(".lb-ex-step").textContent;
  out.dataset = root.querySelector("select[name=dataset]").value;
  return out;
}"""


@pytest.fixture(scope="module")
def data() -> dict:
    """What lossbook exports, computed here (not read from the site under test)."""
    return explorer_data()


_FOCUS_JS = """() => {
  const a = document.activeElement, root = document.querySelector(".lb-explorer");
  const s = a ? getComputedStyle(a) : null;
  return { inside: !!a && root.contains(a) && a !== root,
           name: a ? (a.name || a.dataset.action || a.className || a.tagName) : "",
           outline: !!s && ((s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none") };
}"""
_AXE_JS = """(selector) => axe.run(document.querySelector(selector), { resultTypes: ["violations"] })
  .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                                           targets: v.nodes.map((n) => n.target.join(" ")) })))"""


def numbers(text: str) -> list[float]:
    """The numbers in a displayed string: ``"[−0.0158, 0.3457]"`` -> ``[-0.0158, 0.3457]``."""
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text.replace("−", "-"))]


def close(shown: list[float], expected: list[float]) -> bool:
    return len(shown) == len(expected) and all(abs(s - e) <= TOLERANCE for s, e in zip(shown, expected))


def site_problems(traffic: Traffic) -> list[str]:
    # Material's language switcher asks every page's folder for sitemap.xml (a 404 that
    # is not the widget's: the whole site's traffic is checked by test_site_reader.py).
    return [p for p in check_traffic(traffic) if "sitemap.xml" not in p]


class Widget:
    """One page with the explorer, and the keyboard gestures a reader would make."""

    def __init__(self, browser, url: str, color_scheme: str = "light") -> None:
        self.page = new_tab(browser, color_scheme)
        self.context = self.page.context
        self.traffic = Traffic().attach(self.page)
        self.page.goto(url, wait_until="load")
        assert self.page.locator(WIDGET).count() == 1, f"{url}: no loss explorer ({WIDGET}) on the page"
        self.page.locator(WIDGET).scroll_into_view_if_needed()  # built when the reader nears it
        self.page.wait_for_selector(READY)
        self.root = self.page.locator(WIDGET)

    def close(self) -> None:
        self.context.close()

    def read(self) -> dict:
        return self.root.evaluate(_READ_JS)

    def focused(self) -> str:
        return self.page.evaluate(
            "() => { const a = document.activeElement; return a ? (a.name || a.dataset.action || a.tagName) : ''; }")

    def type_into(self, name: str, value: float, commit: str = "Enter") -> None:
        """Focus a number input, select its text, type the value, commit with Enter or Tab."""
        self.root.locator(f"input[name={name}]").focus()
        keys = self.page.keyboard
        keys.press("Control+A")
        keys.type(repr(float(value)))
        keys.press(commit)

    def set_point(self, w: float, b: float) -> dict:
        self.type_into("w", w, "Enter")
        self.type_into("b", b, "Tab")
        return self.read()

    def choose_dataset(self, key: str) -> None:
        """Keyboard only: focus the menu and move through it with the arrow keys."""
        select = self.root.locator("select[name=dataset]")
        select.focus()
        options = select.evaluate("(s) => [...s.options].map((o) => o.value)")
        for _ in range(len(options)):
            current = select.input_value()
            if current == key:
                break
            self.page.keyboard.press("ArrowDown" if options.index(key) > options.index(current) else "ArrowUp")
        assert self.read()["dataset"] == key

    def start(self, key: str, loss: str = "bce") -> None:
        """A known state: the data set, the loss to train with, η = 0.01, then Reset."""
        self.choose_dataset(key)
        self.root.locator("select[name=loss]").select_option(loss)
        self.type_into("lr", LEARNING_RATE, "Tab")
        self.press_button("reset")

    def press_button(self, action: str) -> None:
        """Tab from the control just before the buttons to the button, then Enter."""
        self.root.locator("select[name=loss]").focus()
        for _ in range(3):
            self.page.keyboard.press("Tab")
            if self.focused() == action:
                break
        assert self.focused() == action, f"Tab did not reach the {action!r} button"
        self.page.keyboard.press("Enter")


@pytest.fixture(scope="module", params=PAGES)
def widget(request, browser, base_url):
    """One tab per page, shared by the tests of this module (each starts by choosing its
    data set and pressing Reset); at the end, no console error and no failed request."""
    w = Widget(browser, base_url + request.param)
    w.path = request.param
    yield w
    problems = site_problems(w.traffic)
    w.close()
    assert not problems, "\n".join(problems)


def test_exported_data_is_the_built_sites(built_site, data) -> None:
    """The site under test serves the data lossbook exports now (not a stale build)."""
    served = json.loads((built_site / "assets" / "data" / "explorer.json").read_text(encoding="utf-8"))
    assert served == json.loads(json.dumps(data))


def test_numbers_match_lossbook_at_every_check_point(widget, data) -> None:
    """Every exported check point on one page per language (typing is slow: ~0.3 s a
    point); on the other two pages, the lesson's points on the six petals and each data
    set's start. The script is the same on every page; the pages differ by language."""
    full = widget.path in FULL_GRID_PAGES
    wrong = []
    for key, spec in data["datasets"].items():
        widget.choose_dataset(key)
        for check in (c for c in data["checks"] if c["dataset"] == key):
            point = (check["w"], check["b"])
            if not (full or point == tuple(spec["start"]) or (key == "petals" and point in CHECK_POINTS)):
                continue
            shown = widget.set_point(*point)
            for name, expected in (("mse", [check["mse"]]), ("bce", [check["bce"]]),
                                   ("grad-mse", check["grad_mse"]), ("grad-bce", check["grad_bce"])):
                if not close(numbers(shown[name]), expected):
                    wrong.append(f"{key} w={check['w']} b={check['b']}: {name} shows {shown[name]!r}, "
                                 f"lossbook {[round(v, 6) for v in expected]}")
    assert not wrong, f"{len(wrong)} value(s) differ from lossbook:\n" + "\n".join(wrong[:20])


def test_worked_steps_with_the_keyboard(widget, data) -> None:
    worked = data["worked"]
    for loss, steps in (("bce", worked), ("mse", worked["mse"])):
        widget.start(worked["dataset"], loss)
        for action in ("sgd", "batch"):
            expected = steps[action]
            widget.press_button("reset")
            start = widget.read()
            assert close(numbers(start["w"]) + numbers(start["b"]), list(START)), start
            widget.press_button(action)
            shown = widget.read()
            assert close(numbers(shown["w"]), [expected["w"]]), (loss, action, shown["w"], expected["w"])
            assert close(numbers(shown["b"]), [expected["b"]]), (loss, action, shown["b"], expected["b"])
            grad = re.search(r"∇ = \[([^\]]*)\]", shown["step"])
            assert grad and close(numbers(grad.group(1)), expected["grad"]), (loss, action, shown["step"])


def test_an_epoch_of_sgd_steps_follows_lossbook(widget) -> None:
    """An SGD step per flower of the worked example, in order, each compared with
    lossbook's step from the previous (exact) parameters."""
    x, y = load_dataset(WORKED_DATASET)
    widget.start(WORKED_DATASET)
    w, b = START
    for i in range(len(x)):
        expected = sgd_step(x, y, w, b, LEARNING_RATE, sample=i)
        widget.press_button("sgd")
        shown = widget.read()
        assert close(numbers(shown["w"]) + numbers(shown["b"]), [expected["w"], expected["b"]]), (i, shown, expected)
        w, b = expected["w"], expected["b"]


def test_switching_the_data_set_redraws_and_still_matches(widget, data) -> None:
    def landscape() -> str:
        return widget.root.locator(".lb-ex-landscape[data-loss=bce] .lb-ex-cells").get_attribute("href")

    seen = {}
    widget.start(list(data["datasets"])[-1])
    for key, spec in data["datasets"].items():  # each choice is a change: it resets to the start
        widget.choose_dataset(key)
        grid = data["landscapes"][key]
        ranges = widget.root.evaluate("""(root) => ["w", "b"].map((n) => {
            const r = root.querySelector("input[name=" + n + "] ~ input[type=range]");
            return [parseFloat(r.min), parseFloat(r.max)]; })""")
        assert ranges == [[grid["w"][0], grid["w"][-1]], [grid["b"][0], grid["b"][-1]]], key
        checkbox = widget.root.locator("input[name=separable]")
        assert checkbox.is_checked() == spec["separable"], key
        seen[key] = landscape()
        start = next(c for c in data["checks"] if c["dataset"] == key and [c["w"], c["b"]] == spec["start"])
        shown = widget.read()
        assert close(numbers(shown["bce"]), [start["bce"]]) and close(numbers(shown["mse"]), [start["mse"]]), key
    assert len(set(seen.values())) == len(seen), "two data sets drew the same landscape"
    # The separable toggle, with the keyboard: Space switches to the paired data set.
    key = next(iter(data["datasets"]))
    widget.choose_dataset(key)
    widget.root.locator("input[name=separable]").focus()
    widget.page.keyboard.press("Space")
    pair = data["datasets"][key]["pair"]
    assert widget.read()["dataset"] == pair
    assert landscape() == seen[pair]
    assert widget.root.locator("input[name=separable]").is_checked() == data["datasets"][pair]["separable"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["/07-mse-sigmoid/", "/en/08-bce/"])
def test_renders_and_is_accessible(browser, base_url, axe_source, path, scheme) -> None:
    w = Widget(browser, base_url + path, color_scheme=scheme)
    try:
        if scheme == "dark":  # Material's palette follows the reader's preference
            assert w.page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        box = w.root.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 300, box
        for svg in w.root.locator("svg").all():
            b = svg.bounding_box()
            assert b and b["width"] > 100 and b["height"] > 100, b
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        lang = "en" if path.startswith("/en/") else "vi"
        # (Material's fixed header would cover part of the widget in an element screenshot.)
        png = w.root.screenshot(path=str(SCREENSHOTS / f"explorer-{lang}-{scheme}.png"),
                                style=".md-header, .md-tabs { visibility: hidden !important; }")
        shot = Image.open(io.BytesIO(png))
        assert len(shot.convert("RGB").getcolors(1 << 24)) > 50, "the widget's screenshot is (nearly) blank"
        # Keyboard only: Tab walks through every control of the widget, each showing a focus outline.
        widget_controls = w.root.evaluate(
            "(root) => root.querySelectorAll('input, select, button, [tabindex]').length")
        w.root.locator("select[name=dataset]").focus()
        visited, no_outline = [], []
        for _ in range(widget_controls + 2):
            state = w.page.evaluate(_FOCUS_JS)
            if not state["inside"]:
                break
            visited.append(state["name"])
            if not state["outline"]:
                no_outline.append(state["name"])
            w.page.keyboard.press("Tab")
        assert len(visited) == widget_controls, f"Tab visited {visited}, the widget has {widget_controls} controls"
        assert not no_outline, f"no visible focus outline on: {no_outline}"
        if not w.page.evaluate("typeof window.axe !== 'undefined'"):
            w.page.add_script_tag(content=axe_source)
        violations = w.page.evaluate(_AXE_JS, WIDGET)
        problems = check_axe(violations) + site_problems(w.traffic)
        assert not problems, "\n".join(problems)
    finally:
        w.close()


def test_built_only_when_the_reader_nears_it(browser, base_url) -> None:
    """The widget's data and SVG wait until the reader scrolls near it: on load, a page
    whose explorer is far below the first screen has asked for no explorer data."""
    tab = new_tab(browser)
    try:
        requested: list[str] = []
        tab.on("request", lambda r: requested.append(r.url))
        tab.set_viewport_size({"width": 412, "height": 700})
        tab.goto(base_url + PAGES[0], wait_until="load")
        tab.wait_for_timeout(500)
        far = tab.locator(WIDGET).evaluate("(el) => el.getBoundingClientRect().top > 2 * innerHeight + 600")
        assert far, "the explorer is near the top of the page: this test needs one further down"
        assert tab.locator(READY).count() == 0 and not [u for u in requested if "explorer.json" in u]
        tab.locator(WIDGET).scroll_into_view_if_needed()
        tab.wait_for_selector(READY)
        assert [u for u in requested if "explorer.json" in u]
    finally:
        tab.context.close()
