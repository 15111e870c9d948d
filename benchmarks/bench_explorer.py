"""How fast the loss explorer answers, in Chromium: slider, 100-step runs, landscape recompute.

Builds the site (``mkdocs build --strict``, or uses ``--site``), serves it on 127.0.0.1
and opens the English BCE chapter in Debian's Chromium (as the browser tests do). In the
page, each gesture is dispatched as the reader's event would be, at a random moment of the
frame, and timed from the event to the end of the next painted frame (a ``setTimeout``
posted from the next ``requestAnimationFrame`` runs after that frame's paint):

* **slider**: the start's w slider moved (``input`` event), on the iris preset (100 flowers):
  target ≤ 16 ms, one frame at 60 Hz;
* **100 steps**: the "100 steps" button, both runs and their paths on both landscapes
  redrawn, on iris and on 100 points the reader added with the keyboard;
* **recompute**: one point added with the keyboard (both 41 x 41 landscapes recomputed
  and redrawn), while the reader adds 100 points: target ≤ 100 ms.

Medians (and the worst) of many gestures; each line also gives the time spent in the
widget's script alone (event to end of handler), and a first line times no gesture at all:
the wait for the next frame that every figure includes (about half a frame, 8 ms at 60 Hz). Not a test: the figures depend on the
machine; quote them with it.

    .venv/bin/python benchmarks/bench_explorer.py [--site site/] [--repeats 60]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "site"))

from site_audit import launch_chromium, serve  # noqa: E402

PAGE = "/en/08-bce/"
SLIDER_TARGET_MS, RECOMPUTE_TARGET_MS = 16.0, 100.0

# One gesture, timed in the page: wait a random part of a frame, dispatch, then time the
# handler (sync) and the next painted frame.
_TIME_JS = """async ([kind, repeats]) => {
  const root = document.querySelector(".lb-explorer"), ex = root.lossbookExplorer;
  const slider = root.querySelector("input[name=w] ~ input[type=range]");
  const plot = root.querySelector("svg.lb-ex-data");
  const hundred = root.querySelector("button[data-action=step-100]");
  const reset = root.querySelector("button[data-action=reset]");
  const painted = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  const out = { frame: [], script: [] };
  for (let i = 0; i < repeats; i++) {
    await painted();
    await new Promise((done) => setTimeout(done, Math.random() * 16));
    let act;
    if (kind === "slider") {
      const lo = +slider.min, hi = +slider.max;
      act = () => { slider.value = String(lo + (hi - lo) * ((i * 0.37) % 1)); slider.dispatchEvent(new Event("input", { bubbles: true })); };
    } else if (kind === "run") {
      reset.click(); await painted();
      act = () => hundred.click();
    } else if (kind === "nothing") {
      act = () => {};
    } else {  // add a point with the keyboard, alternating labels, moving the cursor
      plot.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
      if (ex.state.cursor.x >= ex.state.xRange[1]) { ex.state.cursor.x = ex.state.xRange[0]; }
      await painted();
      act = () => plot.dispatchEvent(new KeyboardEvent("keydown", { key: i % 2 ? "1" : "0", bubbles: true }));
    }
    const t0 = performance.now();
    act();
    out.script.push(performance.now() - t0);
    await painted();
    out.frame.push(performance.now() - t0);
  }
  out.points = ex.state.data.x.length;
  return out;
}"""


def build(out: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode:
        sys.exit(f"mkdocs build --strict failed:\n{(proc.stdout + proc.stderr)[-4000:]}")


def line(name: str, r: dict, target: float | None = None) -> str:
    frame, script = statistics.median(r["frame"]), statistics.median(r["script"])
    verdict = "" if target is None else ("  ok" if frame <= target else f"  OVER the {target:g} ms target")
    return (
        f"  {name:<44} median {frame:6.1f} ms (worst {max(r['frame']):6.1f}), "
        f"script {script:5.1f} ms, n = {len(r['frame'])}{verdict}"
    )


def measure(site: Path, repeats: int) -> list[str]:
    from playwright.sync_api import sync_playwright

    server, url = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
            page = context.new_page()
            page.set_default_timeout(120_000)
            page.goto(url + PAGE, wait_until="load")
            page.locator(".lb-explorer").scroll_into_view_if_needed()
            page.wait_for_selector(".lb-explorer[data-ready=true]")
            select = page.locator("select[name=preset]")
            lines = [f"Loss explorer, {PAGE}, Chromium {browser.version}, viewport 1280 x 900"]
            select.select_option("iris")
            lines.append(
                line("no gesture (the floor: waiting for a frame)", page.evaluate(_TIME_JS, ["nothing", repeats]))
            )
            lines.append(
                line("slider move, iris (100 points)", page.evaluate(_TIME_JS, ["slider", repeats]), SLIDER_TARGET_MS)
            )
            lines.append(
                line("100 steps x 2 runs + paths, iris", page.evaluate(_TIME_JS, ["run", max(5, repeats // 4)]))
            )
            lines.append(
                line(
                    "recompute after adding a point, iris (101+)",
                    page.evaluate(_TIME_JS, ["add", 20]),
                    RECOMPUTE_TARGET_MS,
                )
            )
            select.select_option("slides")
            added = page.evaluate(_TIME_JS, ["add", 100])
            lines.append(line(f"recompute while adding 100 points (to {added['points']})", added, RECOMPUTE_TARGET_MS))
            lines.append(
                line(
                    f"slider move, {added['points']} points",
                    page.evaluate(_TIME_JS, ["slider", repeats]),
                    SLIDER_TARGET_MS,
                )
            )
            lines.append(
                line(
                    f"100 steps x 2 runs + paths, {added['points']} points",
                    page.evaluate(_TIME_JS, ["run", max(5, repeats // 4)]),
                )
            )
            browser.close()
    finally:
        server.shutdown()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--repeats", type=int, default=60, help="slider moves per measurement")
    args = parser.parse_args()
    if args.site:
        print("\n".join(measure(args.site.resolve(), args.repeats)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp))
        print("\n".join(measure(Path(tmp), args.repeats)))


if __name__ == "__main__":
    main()
