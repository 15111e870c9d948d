"""The records of ``errata.yml``, loaded (and validated) once, at import."""

from __future__ import annotations

from .load import load
from .model import Confirmed, Erratum

#: Source key -> (file name, name in Vietnamese, name in English).
SOURCES: dict[str, tuple[str, str, str]]
#: Every erratum, in the file's order (slides, then notes, then blog).
ERRATA: tuple[Erratum, ...]
#: The sources' numbers that were recomputed and are right.
CONFIRMED: tuple[Confirmed, ...]
SOURCES, ERRATA, CONFIRMED = load()
#: The errata by id.
ERRATUM: dict[str, Erratum] = {e.id: e for e in ERRATA}
#: The confirmed numbers by id.
CONFIRMED_BY_ID: dict[str, Confirmed] = {c.id: c for c in CONFIRMED}
