"""The loss explorer (docs/assets/explorer.js) in a real browser, driven by keyboard and mouse.

The widget computes in JavaScript what lossbook computes in NumPy; these tests make it
show lossbook's numbers. On the chapters on MSE and BCE, in both languages:

* at every reference point that ``lossbook.explorer.explorer_data()`` exports, typed in
  as the start, both runs display lossbook's losses and gradients, to 4 decimals;
* the lesson's worked SGD and full-batch steps; from every preset, after 1, 10 and 100
  full-batch steps and after one SGD epoch, both runs display lossbook's (w, b), losses
  and gradients (``runs``), and Play runs steps that follow lossbook too;
* the reader's own data: a point added with the keyboard, one added by a click, a label
  flipped and a point removed change the landscapes to ``lossbook.loss_landscape`` of the
  same data, and the runs then follow ``lossbook.full_batch_gd`` on it;
* a click or the arrow keys on a landscape set the start;
* no console error or failed request, light and dark, keyboard only with a visible focus,
  axe-core finds no serious or critical violation, and at 390 px wide nothing scrolls
  sideways and the per-sample table shows its loss columns.

Fixtures (``browser``, ``base_url``, ``built_site``, ``axe_source``) come from
tests/site/conftest.py (the working tree built once, served on 127.0.0.1; Chromium
offline, reduced motion), tabs from ``site_audit.new_tab``. Screenshots of the widget go
to test-artifacts/screenshots/explorer-{vi,en}-{light,dark}.png and explorer-390.png.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from site_audit import new_tab
from site_checks import Traffic, check_axe, check_traffic

from lossbook import full_batch_gd, loss_landscape
from lossbook.explorer import (
    LEARNING_RATE,
    PRESETS,
    START,
    WORKED_DATASET,
    explorer_data,
    load_dataset,
    reference_values,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
PAGES = ("/07-mse-sigmoid/", "/en/07-mse-sigmoid/", "/08-bce/", "/en/08-bce/")
FULL_GRID_PAGES = ("/07-mse-sigmoid/", "/en/08-bce/")
WIDGET = ".lb-explorer"
READY = ".lb-explorer[data-ready=true]"
LOSSES = ("mse", "bce")
#: Displayed values have 4 decimals: they must be lossbook's value rounded, so at most half
#: a unit of the 4th decimal away (plus float noise, for a value on a rounding boundary).
TOLERANCE = 0.5e-4 + 1e-9

_READ_JS = """(root) => {
  const out = { runs: {} };
  root.querySelectorAll("[data-run]").forEach((box) => {
    const run = out.runs[box.dataset.run] = {};
    box.querySelectorAll("dd[data-value]").forEach((dd) => { run[dd.dataset.value] = dd.textContent; });
  });
  out.w = root.querySelector("input[name=w]").value;
  out.b = root.querySelector("input[name=b]").value;
  out.live = root.querySelector(".lb-ex-live").textContent;
  out.preset = root.querySelector("select[name=preset]").value;
  return out;
}"""
_FOCUS_JS = """() => {
  const a = document.activeElement, root = document.querySelector(".lb-explorer");
  const s = a ? getComputedStyle(a) : null;
  return { inside: !!a && root.contains(a) && a !== root,
           name: a ? (a.getAttribute("name") || a.dataset.action || a.getAttribute("class") || a.tagName) : "",
           outline: !!s && ((s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none") };
}"""
_AXE_JS = """(selector) => axe.run(document.querySelector(selector), { resultTypes: ["violations"] })
  .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                                           targets: v.nodes.map((n) => n.target.join(" ")) })))"""


@pytest.fixture(scope="module")
def data() -> dict:
    """What lossbook exports, computed here (not read from the site under test)."""
    return explorer_data()


def numbers(text: str) -> list[float]:
    """The numbers in a displayed string: ``"[−0.0158, 0.3457]"`` -> ``[-0.0158, 0.3457]``."""
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text.replace("−", "-"))]


def close(shown: list[float], expected: list[float]) -> bool:
    return len(shown) == len(expected) and all(abs(s - e) <= TOLERANCE for s, e in zip(shown, expected, strict=True))


def differences(shown: dict, expected: dict, where: str) -> list[str]:
    """What a run's box shows against lossbook's state (w, b, mse, bce, grad)."""
    wrong = []
    for name in ("w", "b", "mse", "bce", "grad"):
        want = expected[name] if name == "grad" else [expected[name]]
        if not close(numbers(shown[name]), want):
            wrong.append(f"{where}: {name} shows {shown[name]!r}, lossbook {[round(v, 6) for v in want]}")
    return wrong


def site_problems(traffic: Traffic) -> list[str]:
    # Material's language switcher asks every page's folder for sitemap.xml (a 404 that
    # is not the widget's: the whole site's traffic is checked by test_site_reader.py).
    return [p for p in check_traffic(traffic) if "sitemap.xml" not in p]


class Widget:
    """One page with the explorer, and the gestures a reader would make."""

    def __init__(self, browser, url: str, color_scheme: str = "light", width: int | None = None) -> None:
        self.page = new_tab(browser, color_scheme)
        if width:
            self.page.set_viewport_size({"width": width, "height": 800})
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
            "() => { const a = document.activeElement; return a ? (a.name || a.dataset.action || a.tagName) : ''; }"
        )

    def type_into(self, name: str, value: float, commit: str = "Enter") -> None:
        """Focus a number input, select its text, type the value, commit with Enter or Tab."""
        self.root.locator(f"input[name={name}]").focus()
        keys = self.page.keyboard
        keys.press("Control+A")
        keys.type(repr(float(value)))
        keys.press(commit)

    def set_start(self, w: float, b: float) -> dict:
        self.type_into("w", w, "Enter")
        self.type_into("b", b, "Tab")
        return self.read()

    def choose(self, name: str, value: str) -> None:
        """Keyboard only: focus a menu and move through it with the arrow keys."""
        select = self.root.locator(f"select[name={name}]")
        select.focus()
        options = select.evaluate("(s) => [...s.options].map((o) => o.value)")
        for _ in range(len(options)):
            current = select.input_value()
            if current == value:
                break
            self.page.keyboard.press("ArrowDown" if options.index(value) > options.index(current) else "ArrowUp")
        assert select.input_value() == value, (name, value)

    def start(self, preset: str, mode: str = "batch", lr: float | None = None) -> None:
        """A known state: the preset (its data, start and η), the update mode, then back to the start."""
        self.choose("preset", list(PRESETS)[-1] if preset == list(PRESETS)[0] else list(PRESETS)[0])
        self.choose("preset", preset)  # a change: reloads the preset's data even if edited
        self.choose("mode", mode)
        if lr is not None:
            self.type_into("lr", lr, "Tab")
        self.press("reset")

    def press(self, action: str, times: int = 1) -> None:
        """Focus a button and press Enter."""
        button = self.root.locator(f"button[data-action={action}]")
        for _ in range(times):
            button.focus()
            assert self.focused() == action
            self.page.keyboard.press("Enter")

    def run_steps(self, n: int) -> None:
        """n steps with the 100, 10 and 1 step buttons."""
        for size in (100, 10, 1):
            if n // size:
                self.press(f"step-{size}", n // size)
            n %= size

    def js(self, expression: str):
        return self.root.evaluate(f"(root) => {{ const ex = root.lossbookExplorer; return {expression}; }}")


@pytest.fixture(scope="module", params=PAGES)
def widget(request, browser, base_url):
    """One tab per page, shared by the tests of this module (each starts by choosing its
    preset and pressing "back to the start"); at the end, no console error and no failed
    request."""
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
    """Every exported check point, typed in as the start, on one page per language
    (typing is slow: ~0.3 s a point); on the other two pages, each preset's start. At the
    start both runs stand at the same point: the MSE run shows the MSE gradient, the BCE
    run the BCE gradient, both show both losses."""
    full = widget.path in FULL_GRID_PAGES
    wrong = []
    done: set[str] = set()
    for key, preset in data["presets"].items():
        widget.start(key)
        if full and preset["dataset"] in done:
            continue
        done.add(preset["dataset"])
        checks = [c for c in data["checks"] if c["dataset"] == preset["dataset"]]
        if not full:
            checks = [reference_values(*load_dataset(preset["dataset"]), *preset["start"])]
        for check in checks:
            shown = widget.set_start(check["w"], check["b"])["runs"]
            for loss in LOSSES:
                expected = {**check, "grad": check["grad_" + loss]}
                wrong += differences(shown[loss], expected, f"{key} w={check['w']} b={check['b']} {loss} run")
    assert not wrong, f"{len(wrong)} value(s) differ from lossbook:\n" + "\n".join(wrong[:20])


def test_worked_steps_with_the_keyboard(widget, data) -> None:
    """The lesson's worked steps (η = 0.01 from the slides' start): one SGD step on the
    first flower and one full-batch step, for both losses at once."""
    worked = data["worked"]
    assert data["presets"]["slides"]["dataset"] == WORKED_DATASET
    for mode in ("sgd", "batch"):
        widget.start("slides", mode, LEARNING_RATE)
        start = widget.read()
        assert close(numbers(start["w"]) + numbers(start["b"]), list(START)), start
        if mode == "batch":  # the gradient shown at the start is chapter 10's vectorised one
            assert close(numbers(start["runs"]["bce"]["grad"]), worked["batch"]["grad"]), start
            assert close(numbers(start["runs"]["mse"]["grad"]), worked["mse"]["batch"]["grad"]), start
        widget.press("step-1")
        shown = widget.read()["runs"]
        for loss, expected in (("bce", worked[mode]), ("mse", worked["mse"][mode])):
            got = numbers(shown[loss]["w"]) + numbers(shown[loss]["b"])
            assert close(got, [expected["w"], expected["b"]]), (mode, loss, shown[loss], expected)


def test_every_preset_runs_as_lossbook(widget, data) -> None:
    """From each preset: 1, 10 and 100 full-batch steps, and one SGD epoch (samples in
    order), both runs at once; (w, b), both losses and each run's gradient to 4 decimals."""
    wrong = []
    for key in data["presets"]:
        ref = data["runs"][key]
        for i, steps in enumerate(ref["bce"]["batch"]["steps"]):
            widget.start(key, "batch")
            widget.run_steps(steps)
            shown = widget.read()
            assert shown["runs"]["bce"]["steps"] == str(steps)
            for loss in LOSSES:
                expected = {k: ref[loss]["batch"][k][i] for k in ("w", "b", "mse", "bce", "grad")}
                wrong += differences(shown["runs"][loss], expected, f"{key}, {steps} full-batch steps, {loss} run")
        widget.start(key, "sgd")
        widget.run_steps(ref["bce"]["sgd"]["steps"][0])
        shown = widget.read()
        for loss in LOSSES:
            expected = {k: ref[loss]["sgd"][k][0] for k in ("w", "b", "mse", "bce", "grad")}
            wrong += differences(shown["runs"][loss], expected, f"{key}, one SGD epoch, {loss} run")
        # the live summary names where each run ended
        assert shown["runs"]["mse"]["w"] in shown["live"] and shown["runs"]["bce"]["bce"] in shown["live"], shown[
            "live"
        ]
    assert not wrong, f"{len(wrong)} value(s) differ from lossbook:\n" + "\n".join(wrong[:20])


def _landscapes_are_lossbooks(widget, x, y) -> None:
    for loss in LOSSES:
        grid = widget.js(f"ex.grid('{loss}')")
        expected = loss_landscape(x, y, np.array(grid["w"]), np.array(grid["b"]), loss=loss)
        shown = np.array(grid["values"])
        assert shown.shape == expected.shape == (len(grid["b"]), len(grid["w"]))
        assert np.max(np.abs(shown - expected)) < 1e-4, loss


def test_the_readers_own_data(widget) -> None:
    """Add a point with the keyboard, another with a click, flip a label, remove a point:
    each time the landscapes are lossbook's for the same data, and so are the runs."""
    widget.start("slides")
    x, y = (list(v) for v in load_dataset(PRESETS["slides"].dataset))
    plot = widget.root.locator("svg.lb-ex-data")
    # keyboard: the cursor starts in the middle of the x range; → five times, then "1"
    plot.focus()
    cursor = widget.js("ex.state.cursor.x")
    lo, hi = widget.js("ex.state.xRange")
    for _ in range(5):
        widget.page.keyboard.press("ArrowRight")
    widget.page.keyboard.press("1")
    added = widget.js("ex.state.data")
    assert len(added["x"]) == len(x) + 1 and added["y"][-1] == 1
    assert added["x"][-1] == pytest.approx(cursor + 5 * (hi - lo) / 50, abs=0.0051)
    x.append(added["x"][-1])
    y.append(1.0)
    assert added["x"] == x and added["y"] == y
    _landscapes_are_lossbooks(widget, x, y)
    shown = widget.read()["runs"]
    ref = reference_values(x, y, *START)
    for loss in LOSSES:
        assert not differences(shown[loss], {**ref, "grad": ref["grad_" + loss]}, "after adding a point")
    # a click in the lower half of the data plot at its left adds a label-0 point
    box = plot.bounding_box()
    plot.click(position={"x": box["width"] * 0.2, "y": box["height"] * 0.7})
    clicked = widget.js("ex.state.data")
    assert len(clicked["x"]) == len(x) + 1 and clicked["y"][-1] == 0 and lo <= clicked["x"][-1] <= hi
    x.append(clicked["x"][-1])
    y.append(0.0)
    # flip the label of the point nearest the cursor (F), remove the one nearest it (Delete)
    plot.focus()
    nearest = int(np.argmin(np.abs(np.array(x) - widget.js("ex.state.cursor.x"))))
    widget.page.keyboard.press("f")
    y[nearest] = 1.0 - y[nearest]
    assert widget.js("ex.state.data") == {"x": x, "y": y}
    widget.page.keyboard.press("Delete")
    del x[nearest], y[nearest]
    assert widget.js("ex.state.data") == {"x": x, "y": y}
    _landscapes_are_lossbooks(widget, x, y)
    # and 100 full-batch steps on the reader's data are lossbook's
    widget.press("step-100")
    shown = widget.read()["runs"]
    for loss in LOSSES:
        h = full_batch_gd(
            np.array(x).reshape(-1, 1), y, [START[1], START[0]], lr=PRESETS["slides"].lr, steps=100, loss=loss
        )
        ref = reference_values(x, y, float(h.final[1]), float(h.final[0]))
        assert not differences(shown[loss], {**ref, "grad": ref["grad_" + loss]}, f"reader's data, {loss} run")


def test_a_landscape_sets_the_start(widget, data) -> None:
    """A click on the BCE landscape puts the start there (to 2 decimals); the arrow keys
    move it by 1/40 of the window, the runs start again from it."""
    widget.start("wrong")
    preset = data["presets"]["wrong"]
    (w0, w1), (b0, b1) = preset["w_range"], preset["b_range"]
    scape = widget.root.locator("svg.lb-ex-landscape[data-loss=bce]")
    box = scape.bounding_box()
    # the plot square is (34, 6) to (230, 202) of a 236-unit viewBox: click its centre
    scape.click(position={"x": box["width"] * 132 / 236, "y": box["height"] * 104 / 236})
    shown = widget.read()
    w, b = numbers(shown["w"])[0], numbers(shown["b"])[0]
    # within a CSS pixel (and the 2-decimal rounding) of the window's centre
    per_px = 236 / 196 / box["width"]
    assert w == pytest.approx((w0 + w1) / 2, abs=(w1 - w0) * per_px + 0.005), shown
    assert b == pytest.approx((b0 + b1) / 2, abs=(b1 - b0) * per_px + 0.005), shown
    scape.focus()
    widget.page.keyboard.press("ArrowRight")
    widget.page.keyboard.press("ArrowDown")
    shown = widget.read()
    assert numbers(shown["w"])[0] == pytest.approx(w + (w1 - w0) / 40, abs=1e-4)
    assert numbers(shown["b"])[0] == pytest.approx(b - (b1 - b0) / 40, abs=1e-4)
    assert shown["runs"]["bce"]["steps"] == "0" and shown["runs"]["bce"]["w"] == shown["w"].replace("-", "−")


def test_play_and_pause(widget, data) -> None:
    """Play (reduced motion here: a jump once a second) then Pause: the steps run follow
    lossbook, and nothing moves while paused."""
    widget.start("wrong")
    widget.choose("speed", "10")
    widget.press("play")
    assert widget.root.locator("button[data-action=play]").get_attribute("aria-pressed") == "true"
    widget.page.wait_for_function(
        "() => document.querySelector('.lb-explorer').lossbookExplorer.state.steps > 0", timeout=5000
    )
    widget.press("play")
    assert widget.root.locator("button[data-action=play]").get_attribute("aria-pressed") == "false"
    steps = widget.js("ex.state.steps")
    widget.page.wait_for_timeout(1200)
    shown = widget.read()
    assert widget.js("ex.state.steps") == steps and shown["runs"]["bce"]["steps"] == str(steps)
    assert str(steps) in shown["live"]
    preset = PRESETS["wrong"]
    x, y = load_dataset(preset.dataset)
    h = full_batch_gd(x.reshape(-1, 1), y, [preset.start[1], preset.start[0]], lr=preset.lr, steps=steps, loss="bce")
    assert close(numbers(shown["runs"]["bce"]["w"]) + numbers(shown["runs"]["bce"]["b"]), [h.final[1], h.final[0]])


@pytest.mark.parametrize(
    "bug, broken",
    [
        # the sigmoid+MSE gradient without its factor 2: every MSE step half as long
        ("2 * (p - y) * p * sigmoid(-z) : p - y", "(p - y) * p * sigmoid(-z) : p - y"),
        # the landscapes summed, not averaged over the samples
        ("row[j] = s / m;", "row[j] = s;"),
    ],
)
def test_a_broken_widget_is_caught(browser, base_url, built_site, data, bug, broken) -> None:
    """The comparisons above catch a wrong formula: the same page with one slip in the
    widget's math (served in place of explorer.js) fails them."""
    source = (built_site / "assets" / "explorer.js").read_text(encoding="utf-8")
    assert source.count(bug) == 1, f"the widget changed: update this test's bug {bug!r}"
    w = Widget.__new__(Widget)  # set up by hand: the route must exist before the page loads
    w.page = new_tab(browser)
    w.page.route(
        "**/assets/explorer.js",
        lambda route: route.fulfill(status=200, content_type="text/javascript", body=source.replace(bug, broken)),
    )
    w.context = w.page.context
    try:
        w.page.goto(base_url + "/en/08-bce/", wait_until="load")
        w.page.locator(WIDGET).scroll_into_view_if_needed()
        w.page.wait_for_selector(READY)
        w.root = w.page.locator(WIDGET)
        w.start("slides")
        x, y = load_dataset(PRESETS["slides"].dataset)
        if "row[j]" in bug:
            with pytest.raises(AssertionError):
                _landscapes_are_lossbooks(w, x, y)
            return
        w.press("step-10")
        shown = w.read()["runs"]
        ref = data["runs"]["slides"]
        expected = {loss: {k: ref[loss]["batch"][k][1] for k in ("w", "b", "mse", "bce", "grad")} for loss in LOSSES}
        assert differences(shown["mse"], expected["mse"], "broken MSE run"), "a wrong MSE gradient went unnoticed"
        assert not differences(shown["bce"], expected["bce"], "BCE run")  # the slip is in MSE only
    finally:
        w.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["/07-mse-sigmoid/", "/en/08-bce/"])
def test_renders_and_is_accessible(browser, base_url, axe_source, path, scheme) -> None:
    w = Widget(browser, base_url + path, color_scheme=scheme)
    try:
        if scheme == "dark":  # Material's palette follows the reader's preference
            assert w.page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        w.press("step-100")  # paths drawn
        box = w.root.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 300, box
        for svg in w.root.locator("svg").all():
            b = svg.bounding_box()
            assert b and b["width"] > 100 and b["height"] > 100, b
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        lang = "en" if path.startswith("/en/") else "vi"
        # (Material's fixed header would cover part of the widget in an element screenshot.)
        png = w.root.screenshot(
            path=str(SCREENSHOTS / f"explorer-{lang}-{scheme}.png"),
            style=".md-header, .md-tabs { visibility: hidden !important; }",
        )
        shot = Image.open(io.BytesIO(png))
        assert len(shot.convert("RGB").getcolors(1 << 24)) > 50, "the widget's screenshot is (nearly) blank"
        # Keyboard only: Tab walks through every control of the widget, each showing a focus outline.
        widget_controls = w.root.evaluate("(root) => root.querySelectorAll('input, select, button, [tabindex]').length")
        w.root.locator("select[name=preset]").focus()
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
        # Every control has a name.
        unnamed = w.root.evaluate("""(root) => [...root.querySelectorAll('input, select, button, [tabindex]')]
            .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
            .map((e) => e.outerHTML.slice(0, 80))""")
        assert not unnamed, unnamed
        if not w.page.evaluate("typeof window.axe !== 'undefined'"):
            w.page.add_script_tag(content=axe_source)
        violations = w.page.evaluate(_AXE_JS, WIDGET)
        problems = check_axe(violations) + site_problems(w.traffic)
        assert not problems, "\n".join(problems)
    finally:
        w.close()


@pytest.mark.parametrize("path", ["/07-mse-sigmoid/", "/en/08-bce/"])
def test_a_phone_wide_page(browser, base_url, path) -> None:
    """At 390 px: no sideways scrolling of the page; the per-sample table shows its two
    loss columns without scrolling; the data plot is a plot, not a strip."""
    w = Widget(browser, base_url + path, width=390)
    try:
        w.start("iris")  # 100 flowers: the longest table
        sizes = w.root.evaluate("""(root) => {
          const wrap = root.querySelector('.lb-ex-table-wrap').getBoundingClientRect();
          const cells = [...root.querySelectorAll('.lb-ex-table tbody tr:first-child td')].map((c) => c.getBoundingClientRect());
          const plot = root.querySelector('svg.lb-ex-data').getBoundingClientRect();
          return { page: document.documentElement.scrollWidth, view: innerWidth, wrapRight: wrap.right,
                   lossRights: [cells[4].right, cells[6].right], plot: [plot.width, plot.height] }; }""")
        assert sizes["page"] <= sizes["view"], sizes
        assert all(r <= sizes["wrapRight"] + 0.5 for r in sizes["lossRights"]), sizes
        assert sizes["plot"][0] > 300 and sizes["plot"][1] > 150, sizes
        w.page.wait_for_selector(".lb-ex-table[data-steps='0']")  # the table follows one frame later
        numbers_shown = w.root.locator(".lb-ex-table tbody tr:first-child td.lb-ex-loss").all_text_contents()
        assert len(numbers_shown) == 2 and all(re.fullmatch(r"\d\.\d{4}", n) for n in numbers_shown), numbers_shown
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        w.root.screenshot(
            path=str(SCREENSHOTS / "explorer-390.png"), style=".md-header, .md-tabs { visibility: hidden !important; }"
        )
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
