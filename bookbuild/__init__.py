"""The build of the lossbook site: ``prerender`` (numbers, quizzes, figures, notebooks → plain
Markdown per language) and ``site`` (one MkDocs build per language, merged into ``site/``).

Run it with ``python -m bookbuild build`` or ``python -m bookbuild serve``.
"""
