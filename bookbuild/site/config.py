"""One ``mkdocs.yml`` per language, written next to the pre-rendered pages.

The root ``mkdocs.yml`` stays the one source of the nav, its translations, the theme, the
Markdown extensions and the languages (its ``languages:`` list, which MkDocs itself never
reads). :func:`site_config` turns it into the configuration of one language's build:

* that language's ``theme.language``, nav titles, ``site_description`` and ``copyright``;
* its colour-toggle labels (``palette_toggle``: one per ``theme.palette`` entry) and its
  interface strings (``theme_strings`` → ``extra.theme_strings``, which
  ``overrides/partials/language.html`` looks up before Material's translation) and the
  heading anchors' tooltip (``permalink_title`` → the ``toc`` extension's);
* ``site_url`` of the language's root (``…/en/`` for English) on the public address
  (``$LOSSBOOK_SITE_URL``, else the root's ``site_url``: :func:`.meta.public_url`),
  ``docs_dir: docs`` and ``site_dir: site`` (``zensical-site``, ``offline-site``) relative to
  ``build/prerender/<lang>/``;
* ``extra.alternate``: each language's root *relative to this language's root*, so the
  switcher (``overrides/partials/alternate.html``) can link the twin page, and its public
  root (``href``) and Open Graph locale (``og_locale``) for the head's ``hreflang``
  alternates and Open Graph tags (``overrides/main.html``);
* ``offline=True`` (``make dist``): Material's ``offline`` plugin (no directory URLs, the
  search index as a script), its Web Worker shim served from the site (``extra.polyfills``,
  not unpkg.com) and ``extra.offline`` for the templates (the data pages fetch, inlined);
* ``theme.custom_dir``: the repository's ``overrides/`` (absolute; for Zensical a copy without
  Material's search dialog, whose UI Zensical replaces);
* the search plugin, no ``hooks``, no ``watch``, no other plugin.

Tags like ``!!python/name:bookbuild.site.slugs.slugify`` are carried through unevaluated.
"""

from __future__ import annotations

import copy
import posixpath
import shutil
from pathlib import Path
from typing import Any

import yaml

from . import ROOT
from .meta import public_url

SOURCE = ROOT / "mkdocs.yml"
OVERRIDES = ROOT / "overrides"
MATERIAL_ONLY = ("partials/search.html",)  # Zensical has its own search dialog (already named)
OUT = ROOT / "build" / "prerender"
DROPPED = ("hooks", "watch", "exclude_docs", "languages", "plugins", "docs_dir", "site_dir")
SSGS = ("mkdocs", "zensical")
WORKER_SHIM = "assets/javascripts/iframe-worker.js"  # offline: search's Web Worker from file:// (npm iframe-worker)
OG_LOCALES = {"vi": "vi_VN", "en": "en_GB"}
PLUGINS = ("search",)  # the plugins a language's build keeps (i18n: one build per language instead)


class PyName(str):
    """An unevaluated ``!!python/name:`` tag (its dotted path)."""


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: PyName(suffix))
_Dumper.add_representer(
    PyName, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:python/name:" + value, "")
)


def load(path: Path = SOURCE) -> dict[str, Any]:
    """The root configuration as plain data (``!!python/name:`` tags kept as :class:`PyName`)."""
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - SafeLoader subclass


def dump(config: dict[str, Any]) -> str:
    """YAML of ``config``, tags restored.

    >>> print(dump({"slugify": PyName("a.b")}), end="")
    slugify: !!python/name:a.b ''
    """
    return yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


def languages(base: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``languages:`` list of the root configuration, default language first."""
    found = base.get("languages")
    if not found:
        raise ValueError("mkdocs.yml has no `languages:` list (locale, name, nav_translations, …)")
    for lang in found:
        if not isinstance(lang, dict) or "locale" not in lang or "name" not in lang:
            raise ValueError(f"mkdocs.yml: each language needs a locale and a name, not {lang!r}")
    return found


def root_path(locale: str, default: str) -> str:
    """Where a language lives under the site: ``""`` for the default one, else ``"<locale>/"``.

    >>> root_path("vi", "vi"), root_path("en", "vi")
    ('', 'en/')
    """
    return "" if locale == default else f"{locale}/"


def relative_root(to: str, start: str) -> str:
    """The root ``to`` seen from the root ``start`` (both as :func:`root_path` gives them).

    >>> relative_root("en/", ""), relative_root("", "en/"), relative_root("en/", "en/")
    ('en/', '../', '')
    """
    rel = posixpath.relpath(to or ".", start or ".")
    return "" if rel == "." else rel + "/"


def translated_nav(nav: list, translations: dict[str, str]) -> list:
    """``nav`` with its titles translated (a missing translation keeps the title).

    >>> translated_nav([{"Trang chủ": "index.md"}, {"Notebook": ["a.md", {"X": "x.md"}]}], {"Trang chủ": "Home"})
    [{'Home': 'index.md'}, {'Notebook': ['a.md', {'X': 'x.md'}]}]
    """

    def item(entry):
        if isinstance(entry, dict):
            return {
                translations.get(t, t): (translated_nav(v, translations) if isinstance(v, list) else v)
                for t, v in entry.items()
            }
        return entry

    return [item(e) for e in nav]


def palette(entries: list | dict, labels: list[str] | None, lang: str) -> list:
    """``theme.palette`` with each toggle named by ``labels`` (one per entry, in order): the
    colour toggle speaks the page's language.

    >>> palette([{"toggle": {"name": "Dark"}}, {"toggle": {"name": "Light"}}], ["Tối", "Sáng"], "vi")
    [{'toggle': {'name': 'Tối'}}, {'toggle': {'name': 'Sáng'}}]
    >>> palette([{"toggle": {"name": "Dark"}}], None, "en")
    Traceback (most recent call last):
    ValueError: mkdocs.yml: language en needs palette_toggle, one label per theme.palette entry (1)
    """
    entries = [entries] if isinstance(entries, dict) else entries
    if not labels or len(labels) != len(entries):
        raise ValueError(
            f"mkdocs.yml: language {lang} needs palette_toggle, one label per theme.palette entry ({len(entries)})"
        )
    return [
        dict(e, toggle=dict(e["toggle"], name=label)) if "toggle" in e else copy.deepcopy(e)
        for e, label in zip(entries, labels, strict=True)
    ]


def _plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def site_config(base: dict[str, Any], lang: str, ssg: str = "mkdocs", *, offline: bool = False) -> dict[str, Any]:
    """The configuration of ``lang``'s build (``ssg``: ``"mkdocs"`` or ``"zensical"``;
    ``offline``: the copy that works from ``file://``)."""
    if ssg not in SSGS:
        raise ValueError(f"ssg must be one of {SSGS}, not {ssg!r}")
    langs = languages(base)
    default = langs[0]["locale"]
    mine = next((l for l in langs if l["locale"] == lang), None)
    if mine is None:
        raise ValueError(f"lang must be one of {[l['locale'] for l in langs]}, not {lang!r}")
    here = root_path(lang, default)

    conf = {k: copy.deepcopy(v) for k, v in base.items() if k not in DROPPED}
    conf.update({k: mine[k] for k in ("site_description", "copyright") if k in mine})
    if offline and ssg != "mkdocs":
        raise ValueError("offline: the offline copy is built with mkdocs only")
    public = public_url(base["site_url"])
    conf["site_url"] = public + here
    conf["docs_dir"], conf["strict"] = "docs", True
    conf["site_dir"] = "offline-site" if offline else "site" if ssg == "mkdocs" else f"{ssg}-site"
    conf["nav"] = translated_nav(base["nav"], mine.get("nav_translations", {}))
    conf["theme"] = dict(conf["theme"], language=lang, custom_dir=str(OVERRIDES))
    if ssg == "zensical":  # Material's look; its own search UI (not Material's dialog)
        conf["theme"].update(variant="classic", custom_dir="overrides")
    if conf["theme"].get("palette"):
        conf["theme"]["palette"] = palette(conf["theme"]["palette"], mine.get("palette_toggle"), lang)
    conf["extra"] = dict(
        conf.get("extra") or {},
        theme_strings=dict(mine.get("theme_strings") or {}),
        alternate=[
            {
                "name": l["name"],
                "link": relative_root(root_path(l["locale"], default), here),
                "lang": l["locale"],
                "href": public + root_path(l["locale"], default),
                "og_locale": OG_LOCALES.get(l["locale"], l["locale"]),
            }
            for l in langs
        ],
    )
    if ssg == "mkdocs":  # the search worker with the glossary rule (bookbuild.site.search)
        conf["extra"]["term_search"] = True
    if offline:
        conf["extra"].update(offline=True, polyfills=[WORKER_SHIM])

    conf["plugins"] = [copy.deepcopy(p) for p in base.get("plugins", []) if _plugin_name(p) in PLUGINS]
    if offline:
        conf["plugins"].append("offline")

    exts = []
    for ext in conf.get("markdown_extensions", []):
        name = ext if isinstance(ext, str) else next(iter(ext))
        options = dict(({} if isinstance(ext, str) else ext[name]) or {})
        if name == "bookbuild.site.mdext":
            ext = {name: dict(options, standins=ssg == "mkdocs")}
        if name == "toc" and "permalink_title" in mine:  # the heading anchors' tooltip
            ext = {name: dict(options, permalink_title=mine["permalink_title"])}
        exts.append(ext)
    conf["markdown_extensions"] = exts
    return conf


def write_config(
    lang: str, out: Path = OUT, source: Path = SOURCE, ssg: str = "mkdocs", *, offline: bool = False
) -> Path:
    """Write ``out/<lang>/mkdocs.yml`` (``zensical.yml`` for Zensical, ``offline.yml`` for
    the offline copy) only if its text changed; returns its path."""
    name = "offline.yml" if offline else "mkdocs.yml" if ssg == "mkdocs" else f"{ssg}.yml"
    path = Path(out) / lang / name
    if ssg == "zensical":  # the overrides minus Material's search dialog, next to the config
        theme = Path(out) / lang / "overrides"
        shutil.rmtree(theme, ignore_errors=True)
        shutil.copytree(
            OVERRIDES,
            theme,
            ignore=lambda d, names: [
                n for n in names if (Path(d) / n).relative_to(OVERRIDES).as_posix() in MATERIAL_ONLY
            ],
        )
    text = "# Written by bookbuild.site.config from the root mkdocs.yml: edit that one.\n"
    text += dump(site_config(load(source), lang, ssg, offline=offline))
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path
