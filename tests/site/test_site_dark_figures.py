"""In the dark scheme, no figure is a white rectangle.

Every page with a figure (``assets/figures/``), in both languages, is opened in a browser
that prefers the dark colour scheme (Material then starts in ``slate``); each figure is
scrolled to, loaded, and screenshotted as the reader sees it. A figure fails when a large
share of its pixels is near-white (a white background block: the light SVG, or a CSS
frame), or when it shows no image at all (both variants hidden). Figures are light and
dark SVG pairs (``#only-light`` / ``#only-dark``, bookbuild.prerender.figures); notebook
images (PNG outputs) are light only and are not checked here.

A planted page (tests/site/fixtures/dark-figure-light.html: the slate scheme showing a
light figure) proves the check fails; its good twin (dark-figure-dark.html) proves it
stays quiet on the dark variant.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image
from site_audit import new_tab

pytestmark = pytest.mark.browser

#: A pixel is "white" when each channel is at least this; a figure fails when more than
#: MAX_WHITE of its pixels are. A dark figure has a few light strokes and labels (under 10 %);
#: a light figure on a dark page is mostly white (over 60 %).
WHITE, MAX_WHITE = 235, 0.25

_FIGURES_JS = """() => [...document.querySelectorAll('article img[src*="assets/figures/"]')].map((img, i) => {
  img.dataset.lbFigure = String(i);
  const box = img.getBoundingClientRect();
  const visible = getComputedStyle(img).display !== "none" && box.width > 0 && box.height > 0;
  return {index: i, src: img.getAttribute("src"), alt: img.getAttribute("alt"), visible};
})"""


def white_share(png: bytes) -> float:
    """The share of near-white pixels of a screenshot.

    >>> buf = io.BytesIO(); Image.new("RGB", (4, 1), (255, 255, 255)).save(buf, "PNG")
    >>> white_share(buf.getvalue())
    1.0
    """
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    return float((pixels >= WHITE).all(axis=-1).mean()) if pixels.size else 0.0


def check_dark_figures(tab) -> list[str]:
    """In the page shown (already in the dark scheme): every figure shows exactly one
    loaded image, and that image is not mostly white."""
    problems = []
    if tab.evaluate("document.body.dataset.mdColorScheme") != "slate":
        return ["the page is not in the dark (slate) scheme"]
    figures = tab.evaluate(_FIGURES_JS)
    # A pair (light + dark variant of one figure) shares its alt text and sits side by side.
    groups: dict[str, list[dict]] = {}
    for fig in figures:
        base = fig["src"].split("#")[0].removesuffix(".svg").removesuffix(".dark")
        groups.setdefault(f"{base}|{fig['alt']}", []).append(fig)
    for key, group in groups.items():
        shown = sum(fig["visible"] for fig in group)
        if shown != max(1, len(group) // 2):  # one of each light/dark pair
            problems.append(f"{key.split('|')[0]}: {shown} of its {len(group)} images are shown in the dark scheme")
    for fig in figures:
        if not fig["visible"]:
            continue
        img = tab.locator(f'img[data-lb-figure="{fig["index"]}"]')
        img.scroll_into_view_if_needed()
        loaded = img.evaluate(
            """(img) => { img.loading = "eager";
               return img.decode().then(() => img.naturalWidth > 0, () => false); }"""
        )
        if not loaded:
            problems.append(f"{fig['src']}: does not load")
            continue
        share = white_share(img.screenshot(animations="disabled"))
        if share > MAX_WHITE:
            problems.append(f"{fig['src']}: a white block in the dark scheme ({share:.0%} of its pixels white)")
    return problems


def _dark_tab(browser, url: str):
    tab = new_tab(browser, color_scheme="dark")
    tab.goto(url, wait_until="load")
    return tab


def test_no_figure_is_a_white_block_in_the_dark_scheme(browser, base_url, site_pages) -> None:
    with_figures = [p for p in site_pages if "assets/figures/" in p.html.read_text(encoding="utf-8")]
    assert len({p.lang for p in with_figures}) == 2, "no figure found in one of the languages"
    assert len(with_figures) >= 8, [p.path for p in with_figures]
    found = {}
    for site_page in with_figures:
        tab = _dark_tab(browser, base_url + site_page.path)
        try:
            problems = check_dark_figures(tab)
        finally:
            tab.context.close()
        if problems:
            found[site_page.path] = problems
    assert not found, "\n".join(f"{path}: {p}" for path, problems in found.items() for p in problems)


def test_the_dark_check_catches_a_light_figure_on_the_dark_scheme(browser, base_url) -> None:
    tab = _dark_tab(browser, f"{base_url}/__fixtures__/dark-figure-light.html")
    try:
        problems = check_dark_figures(tab)
    finally:
        tab.context.close()
    assert len(problems) == 1 and "/assets/figures/sigmoid.svg: a white block in the dark scheme" in problems[0]


def test_the_dark_check_passes_the_dark_variant(browser, base_url) -> None:
    tab = _dark_tab(browser, f"{base_url}/__fixtures__/dark-figure-dark.html")
    try:
        assert check_dark_figures(tab) == []
    finally:
        tab.context.close()
