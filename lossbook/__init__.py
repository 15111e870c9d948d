"""lossbook: the math behind "why logistic regression uses binary cross-entropy".

Every formula, worked number and figure of the lossbook site is computed here.
Public names are importable from ``lossbook`` directly.
"""
from __future__ import annotations

__version__ = "0.1.0"
