"""The site half of the build: pre-rendered Markdown → one MkDocs + Material build per language.

* :mod:`.slugs` — heading anchors from the ASCII-folded Vietnamese spelling;
* :mod:`.katex` — TeX → HTML + MathML with KaTeX, in one long-lived Node process;
* :mod:`.sections` — ``<section>`` around the body of each top-level ``##``;
* :mod:`.mdext` — the Python-Markdown extension that applies the two above to every page;
* :mod:`.config` — ``build/prerender/<lang>/mkdocs.yml`` from the root ``mkdocs.yml``;
* :mod:`.merge` — Vietnamese at ``site/``, English at ``site/en/``, KaTeX's CSS and fonts;
* :mod:`.search` — the folded spelling of Vietnamese words in the search index;
* :mod:`.build` — all of it, strict; :mod:`.serve` — rebuild on save, live reload.

Nothing here imports the pre-render side except :mod:`bookbuild.__main__` (lazily).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
"""The repository: ``mkdocs.yml``, ``overrides/``, ``node_modules/``, ``build/``, ``site/``."""
