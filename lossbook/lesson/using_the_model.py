"""Chapter 12 (``docs/12-using-the-model.md``): using a fitted model on the tumour data."""

__all__: list[str] = []
