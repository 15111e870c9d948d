"""The book to take away (``make dist``, ``python -m bookbuild.dist``): a zip of the whole site
that works unzipped from disk (``file://``), and one PDF per language.

1. The offline copy: the pre-rendered pages built again with Material's ``offline`` plugin
   (:func:`bookbuild.site.build.build_site` with ``offline=True``: no directory URLs, the search
   index as a script, the search worker's shim and the explorer's data served from the copy),
   merged like the site (Vietnamese at the root, English in ``en/``) into ``build/dist/site``.
2. The PDFs: a print page per language (:mod:`.printbook`: cover, contents, every chapter and
   reference page, quiz answers in an appendix) printed by Chromium through Playwright
   (:mod:`.pdf`: the Chromium the browser tests use, ``LOSSBOOK_CHROMIUM``), written to
   ``dist/lossbook-<lang>.pdf`` and into the copy's ``downloads/``.
3. The zip: ``dist/lossbook.zip``, the copy under one folder ``lossbook/`` (open
   ``lossbook/index.html``; English: ``lossbook/en/index.html``).

The home page's links to the PDFs stay relative in the copy; its link to the zip, which a
zip cannot hold, leads to the published one (:func:`bookbuild.site.meta.link_downloads`).
"""

from __future__ import annotations

import shutil
import time
import zipfile
from pathlib import Path

from bookbuild.site import ROOT

DIST = ROOT / "dist"
WORK = ROOT / "build" / "dist"
ZIP_NAME = "lossbook.zip"
FOLDER = "lossbook"  # the zip's one top-level folder


def pdf_name(lang: str) -> str:
    """The PDF's file name.

    >>> pdf_name("vi")
    'lossbook-vi.pdf'
    """
    return f"lossbook-{lang}.pdf"


def write_zip(site: Path, target: Path, folder: str = FOLDER) -> Path:
    """Zip every file of ``site`` under ``folder/`` into ``target`` (sorted, fixed dates: the
    same site gives the same bytes)."""
    site, target = Path(site), Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
    tmp.replace(target)
    return target


def build_dist(
    out: Path = DIST, work: Path = WORK, *, prerender: bool = True, pdf: bool = True, log=print
) -> dict[str, Path]:
    """Everything ``make dist`` writes; returns what it wrote by name (``zip``, ``pdf-vi``, …)."""
    from bookbuild.site import meta
    from bookbuild.site.build import build_site, locales
    from bookbuild.site.config import load

    start = time.perf_counter()
    if prerender:
        from bookbuild.prerender import prerender as run

        run()
    site = Path(work) / "site"
    if site.exists():
        shutil.rmtree(site)
    build_site(site=site, offline=True)
    log(f"offline copy built in {time.perf_counter() - start:.1f} s: {site}")
    langs = locales()
    base = load()
    wrote: dict[str, Path] = {}
    Path(out).mkdir(parents=True, exist_ok=True)
    if pdf:
        from .pdf import print_pdfs

        names = {l["locale"]: l for l in base["languages"]}
        jobs = {}
        for lang in langs:
            root = site if lang == langs[0] else site / lang
            subtitle = names[lang].get("site_description") or base.get("site_description", "")
            jobs[lang] = (root, Path(out) / pdf_name(lang), base["site_name"], subtitle)
        for lang, path in print_pdfs(jobs).items():
            wrote[f"pdf-{lang}"] = path
            (site / "downloads").mkdir(exist_ok=True)
            shutil.copyfile(path, site / "downloads" / path.name)
        log(f"PDFs printed in {time.perf_counter() - start:.1f} s")
    local = tuple(f"downloads/{p.name}" for p in sorted((site / "downloads").glob("*")) if p.is_file())
    meta.link_downloads(site, "", meta.public_url(base["site_url"]), local=local)
    wrote["zip"] = write_zip(site, Path(out) / ZIP_NAME)
    log(f"dist written in {time.perf_counter() - start:.1f} s: {', '.join(str(p) for p in wrote.values())}")
    return wrote
