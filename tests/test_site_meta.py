"""What lets readers find the site (issue 13): the public address from LOSSBOOK_SITE_URL, the
canonical link, the hreflang alternates (both languages and x-default), Open Graph, the
per-page description, one sitemap listing both languages, robots.txt, the download links —
read from the pages of a tiny two-language site built with MkDocs, and from the real site
in the browser suite (tests/site/test_dist.py uses :func:`head_problems` on every page)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bookbuild.site import config as site_config
from bookbuild.site import meta
from bookbuild.site.build import build_site

PUBLIC = "https://book.example.org/lossbook/"


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str]] = []
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "link":
            self.links.append(a)
        elif tag == "meta" and ("name" in a or "property" in a):
            self.meta.setdefault(a.get("name") or a["property"], a.get("content", ""))


def head(html: str) -> _Head:
    parser = _Head()
    parser.feed(html[: html.index("</head>")])
    return parser


def head_problems(html: str, path: str, roots: dict[str, str]) -> list[str]:
    """What is wrong in the head of the page at ``path`` (under its language's root, e.g.
    ``06-sigmoid/``) of a site whose languages live at ``roots`` (locale → public root,
    default first); the page's language is its ``<html lang>``."""
    lang = re.search(r'<html[^>]*\blang="([^"]+)"', html).group(1)
    h, problems = head(html), []
    canonical = [l["href"] for l in h.links if l.get("rel") == "canonical"]
    if canonical != [roots[lang] + path]:
        problems.append(f"canonical {canonical}, expected {roots[lang] + path}")
    alternates = {
        l["hreflang"]: l["href"] for l in h.links if "alternate" in l.get("rel", "").split() and "hreflang" in l
    }
    expected = {l: root + path for l, root in roots.items()} | {"x-default": next(iter(roots.values())) + path}
    if alternates != expected:
        problems.append(f"hreflang alternates {alternates}, expected {expected}")
    if any(l.get("rel") == "alternate" for l in h.links):
        problems.append('a <link rel="alternate">: Material would reroute the language switcher to its sitemap')
    description = h.meta.get("description", "")
    if not 20 <= len(description) <= 170 or "\\" in description or "$" in description:
        problems.append(f"description {description!r}: 20-170 characters, no TeX")
    for key in ("og:title", "og:description", "og:locale", "og:type"):
        if not h.meta.get(key):
            problems.append(f"no {key}")
    if h.meta.get("og:url") != roots[lang] + path:
        problems.append(f"og:url {h.meta.get('og:url')!r}, expected {roots[lang] + path}")
    return problems


# --- the public address ------------------------------------------------------------------------


def test_the_public_address_comes_from_the_environment_else_from_mkdocs_yml(monkeypatch) -> None:
    monkeypatch.delenv(meta.ENV, raising=False)
    default = site_config.load()["site_url"]
    assert default.startswith("https://") and "127.0.0.1" not in default  # the documented public default
    assert site_config.site_config(site_config.load(), "en")["site_url"] == default.rstrip("/") + "/en/"
    monkeypatch.setenv(meta.ENV, "https://elsewhere.example/book")
    vi, en = (site_config.site_config(site_config.load(), l) for l in ("vi", "en"))
    assert (
        vi["site_url"] == "https://elsewhere.example/book/" and en["site_url"] == "https://elsewhere.example/book/en/"
    )
    assert [a["href"] for a in en["extra"]["alternate"]] == [vi["site_url"], en["site_url"]]
    monkeypatch.setenv(meta.ENV, "elsewhere.example")
    with pytest.raises(ValueError, match="LOSSBOOK_SITE_URL must be an http"):
        site_config.site_config(site_config.load(), "vi")


def test_a_description_is_the_first_running_paragraph_with_formulas_as_text() -> None:
    page = (
        '<h1>T</h1><div class="admonition"><p>A box, not the page\'s own first words at all.</p></div>'
        '<p class="x">The sigmoid <span class="katex"><span class="katex-mathml"><math><annotation>'
        '\\sigma(z)</annotation></math></span><span class="katex-html">σ(z)</span></span> squeezes a score into (0, 1).</p>'
    )
    assert meta.description(page) == "The sigmoid σ(z) squeezes a score into (0, 1)."
    with pytest.raises(TypeError, match="content must be a str"):
        meta.description(None)


# --- a tiny site -------------------------------------------------------------------------------

ROOT_CONFIG = """\
site_name: tiny
site_description: Trang mô tả chung của cả trang web nhỏ này.
site_url: http://127.0.0.1:8000/
nav:
  - Trang chủ: index.md
  - Chương: a.md
theme:
  name: material
  language: vi
  custom_dir: overrides
markdown_extensions:
  - pymdownx.arithmatex:
      generic: true
  - bookbuild.site.mdext
plugins:
  - search
languages:
  - locale: vi
    name: Tiếng Việt
  - locale: en
    name: English
    site_description: The tiny site's own description, in English.
    nav_translations: {Trang chủ: Home, Chương: Chapter}
"""
PAGES = {
    "vi": {
        "index.md": '# Trang chủ\n\n<a href="downloads/tiny.zip">zip</a>\n',
        "a.md": "# Chương\n\nHàm mất mát $\\sigma(z)$ của một mẫu là một hàm lồi theo điểm số của nó.\n",
    },
    "en": {
        "index.md": '# Home\n\n<a href="../downloads/tiny.zip">zip</a>\n',
        "a.md": "---\ndescription: Written in the front matter.\n---\n# Chapter\n\nThe loss $\\sigma(z)$ of one sample is convex in its score.\n",
    },
}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    root = tmp_path_factory.mktemp("tiny-meta")
    (root / "mkdocs.yml").write_text(ROOT_CONFIG, encoding="utf-8")
    for lang, pages in PAGES.items():
        for name, text in pages.items():
            (root / "out" / lang / "docs").mkdir(parents=True, exist_ok=True)
            (root / "out" / lang / "docs" / name).write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(meta.ENV, PUBLIC)
        build_site(out=root / "out", site=root / "site", source=root / "mkdocs.yml")
    return root / "site"


ROOTS = {"vi": PUBLIC, "en": PUBLIC + "en/"}


def test_tiny_site_heads_have_canonical_hreflang_og_and_description_on_the_public_address(tiny) -> None:
    for file, path in [("index.html", ""), ("a/index.html", "a/"), ("en/index.html", ""), ("en/a/index.html", "a/")]:
        assert head_problems((tiny / file).read_text(encoding="utf-8"), path, ROOTS) == [], file
    vi, en = (head((tiny / f).read_text(encoding="utf-8")).meta for f in ("a/index.html", "en/a/index.html"))
    assert vi["description"] == "Hàm mất mát σ(z) của một mẫu là một hàm lồi theo điểm số của nó."
    assert en["description"] == "Written in the front matter." == en["og:description"]
    assert (vi["og:locale"], en["og:locale"], en["og:locale:alternate"]) == ("vi_VN", "en_GB", "vi_VN")


def test_the_head_check_catches_a_planted_wrong_alternate_and_materials_own_link(tiny) -> None:
    good = (tiny / "en" / "a" / "index.html").read_text(encoding="utf-8")
    wrong = good.replace(f'hreflang="vi" href="{PUBLIC}a/"', 'hreflang="vi" href="http://127.0.0.1:8000/a/"')
    assert wrong != good and any("hreflang alternates" in p for p in head_problems(wrong, "a/", ROOTS))
    material = good.replace("</head>", f'<link rel="alternate" href="{PUBLIC}" hreflang="vi"></head>')
    assert any("reroute" in p for p in head_problems(material, "a/", ROOTS))
    canonical = good.replace(f'rel="canonical" href="{PUBLIC}en/a/"', f'rel="canonical" href="{PUBLIC}a/"')
    assert any(p.startswith("canonical") for p in head_problems(canonical, "a/", ROOTS))


def test_tiny_site_has_one_sitemap_with_both_languages_and_robots_txt_pointing_at_it(tiny) -> None:
    sitemap = (tiny / "sitemap.xml").read_text(encoding="utf-8")
    assert meta.sitemap_urls(tiny / "sitemap.xml") == [PUBLIC, PUBLIC + "en/", PUBLIC + "a/", PUBLIC + "en/a/"]
    assert f'<xhtml:link rel="alternate" hreflang="en" href="{PUBLIC}en/a/"/>' in sitemap
    assert f'<xhtml:link rel="alternate" hreflang="x-default" href="{PUBLIC}a/"/>' in sitemap
    assert (tiny / "robots.txt").read_text(encoding="utf-8").endswith(f"Sitemap: {PUBLIC}sitemap.xml\n")


def test_tiny_site_download_links_lead_to_the_public_copy(tiny) -> None:
    for file in ("index.html", "en/index.html"):
        assert f'href="{PUBLIC}downloads/tiny.zip"' in (tiny / file).read_text(encoding="utf-8")


def test_a_sitemap_entry_outside_its_languages_root_is_an_error(tmp_path) -> None:
    (tmp_path / "vi.xml").write_text("<urlset><url><loc>https://a.example/x/</loc></url></urlset>")
    with pytest.raises(ValueError, match="not under the language's root https://b.example/"):
        meta.write_sitemap(tmp_path, {"vi": "https://b.example/"}, {"vi": tmp_path / "vi.xml"})


def test_every_page_of_the_real_site_config_gets_a_public_site_url() -> None:
    assert Path(site_config.SOURCE).read_text(encoding="utf-8").count("LOSSBOOK_SITE_URL") >= 1


# --- the Pages workflow ------------------------------------------------------------------------


def test_the_pages_workflow_publishes_only_after_make_test_passes() -> None:
    import yaml

    from bookbuild.site import ROOT

    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    runs = [s.get("run", s.get("uses", "")) for s in build["steps"]]
    test = next(i for i, r in enumerate(runs) if r.strip() == "make test")
    upload = next(i for i, r in enumerate(runs) if r.startswith("actions/upload-pages-artifact"))
    assert test < upload and deploy["needs"] == "build" and flow[True]["push"]["branches"] == ["main"]
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for run in runs:
        for target in re.findall(r"^\s*make (\S+)", run, flags=re.MULTILINE):
            assert re.search(rf"^{re.escape(target)}:", makefile, flags=re.MULTILINE), f"no make target {target}"
    assert any("LOSSBOOK_SITE_URL" in (s.get("env") or {}) for s in build["steps"])
