"""MkDocs hook: give the English build the sitemap Material's language switcher reads.

Material's switcher fetches ``<language root>/sitemap.xml`` to send the reader to the
same page in the other language; mkdocs-static-i18n writes one sitemap, at the root,
listing both languages' pages, so ``/en/sitemap.xml`` would answer 404 (a console
error on every English page). The English build copies it.
"""
from __future__ import annotations

import shutil
from pathlib import Path


def on_post_build(config) -> None:
    site = Path(config.site_dir)
    english = site / "en"
    if not english.is_dir():
        return
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        if (site / name).exists():
            shutil.copyfile(site / name, english / name)
