"""bookbuild: turns lossbook, ``docs/`` and the notebooks into the lossbook site.

Two halves, one direction:

* :mod:`bookbuild.prerender` — everything that is *content*: numbers, quizzes, explorer
  data, figures, executed notebooks, one folder of plain Markdown + assets per language
  (``build/prerender/<lang>/docs``). It imports no site generator.
* ``bookbuild.site`` — what is specific to the site generator (MkDocs + Material today):
  the per-language configs, a small Python-Markdown extension, the merge of the languages.

Run it with ``python -m bookbuild build`` or ``python -m bookbuild serve``.
"""
