"""Chapter 13 (``docs/13-where-next.md``): where logistic regression leads."""

__all__: list[str] = []
