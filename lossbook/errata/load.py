"""Read ``errata.yml`` into :class:`~lossbook.errata.model.Erratum` and
:class:`~lossbook.errata.model.Confirmed` records, refusing anything the model does not know.

Every mistake in the file is an :class:`ErrataFileError` that names the record and the
field: an unknown or missing key, an unknown severity or source, a text that is not one
string or a ``{vi, en}`` pair, a recomputation that is not a function of lossbook called
with literal arguments, a ``<<name>>`` that nothing computes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import yaml

from .. import activations, entropy, lesson, losses
from ..text import LANGS, Text
from . import recompute
from .model import FIELD, SEVERITIES, TRUNCATED, Confirmed, Erratum, Ref, RefError, template_fields

#: The data file, shipped as package data.
ERRATA_YML = Path(__file__).with_name("errata.yml")

_ERRATUM_KEYS = {
    "id",
    "source",
    "severity",
    "where",
    "says",
    "correct",
    "why",
    "compute",
    "source_value",
    "reproduce",
    "digits",
    "lesson",
}
_ERRATUM_REQUIRED = {"id", "source", "severity", "where", "says", "correct", "why", "compute"}
_CONFIRMED_KEYS = {"id", "source", "where", "says", "source_value", "compute", "digits", "lesson"}
_CONFIRMED_REQUIRED = {"id", "source", "where", "says", "source_value", "compute"}
_SOURCE_KEYS = {"file", *LANGS}


class ErrataFileError(ValueError):
    """``errata.yml`` breaks the model; the message names the record and the field."""


def functions() -> dict[str, Callable[..., Any]]:
    """The names a recomputation may call: lossbook's math functions, :mod:`lossbook.lesson`,
    and :mod:`lossbook.errata.recompute` (later modules win a name clash)."""
    names: dict[str, Callable[..., Any]] = {}
    for module in (activations, losses, entropy, lesson, recompute):
        public = getattr(module, "__all__", None) or [
            k
            for k, v in vars(module).items()
            if not k.startswith("_") and getattr(v, "__module__", "") == module.__name__
        ]
        names.update({k: getattr(module, k) for k in public if callable(getattr(module, k))})
    return names


class _Record:
    """One mapping of the file, read key by key; errors name the record and the key."""

    def __init__(self, where: str, raw: Any, allowed: set[str], required: set[str]):
        if not isinstance(raw, Mapping):
            raise ErrataFileError(f"{where}: a record is a mapping of keys; got {raw!r}")
        self.raw = raw
        self.name = f"{where} {raw.get('id', '?')!r}"
        unknown = sorted(set(raw) - allowed)
        if unknown:
            raise self.error(unknown[0], f"unknown key (allowed: {', '.join(sorted(allowed))})")
        missing = sorted(required - set(raw))
        if missing:
            raise self.error(missing[0], "missing")

    def error(self, key: str, message: str) -> ErrataFileError:
        return ErrataFileError(f"errata.yml: {self.name}, field {key!r}: {message}")

    def get(self, key: str, default: Any = None) -> Any:
        return self.raw.get(key, default)

    def text(self, key: str) -> Text:
        value = self.raw[key]
        if isinstance(value, str):
            return Text.same(value.strip())
        if isinstance(value, Mapping) and set(value) == set(LANGS) and all(isinstance(v, str) for v in value.values()):
            return Text(*(value[lang].strip() for lang in LANGS))
        raise self.error(key, f"a text is one string (the same in every language) or a mapping {{{', '.join(LANGS)}}}")

    def ref(self, key: str, value: Any, names: Mapping[str, Callable[..., Any]]) -> Ref | tuple[Ref, ...]:
        try:
            if isinstance(value, list):
                return tuple(Ref.parse(v, names) for v in value)
            return Ref.parse(value, names)
        except RefError as err:
            raise self.error(key, str(err)) from None

    def digits(self) -> Any:
        value = self.raw.get("digits")
        ok = (
            value is None
            or (isinstance(value, int) and not isinstance(value, bool))
            or (isinstance(value, list) and all(isinstance(d, int) and not isinstance(d, bool) for d in value))
        )
        if not ok:
            raise self.error("digits", f"a whole number, a list of them, or nothing; got {value!r}")
        return tuple(value) if isinstance(value, list) else value

    def lesson(self) -> str | None:
        name = self.raw.get("lesson")
        if name is not None and not callable(getattr(lesson, str(name), None)):
            raise self.error("lesson", f"{name!r} is not a function of lossbook.lesson")
        return name


def _value(raw: Any) -> Any:
    return tuple(_value(v) for v in raw) if isinstance(raw, list) else raw


def _erratum(raw: Any, sources: Mapping[str, Mapping[str, str]], names: Mapping[str, Callable[..., Any]]) -> Erratum:
    r = _Record("erratum", raw, _ERRATUM_KEYS, _ERRATUM_REQUIRED)
    if r.get("severity") not in SEVERITIES:
        raise r.error("severity", f"unknown severity {r.get('severity')!r} (one of {', '.join(SEVERITIES)})")
    if r.get("source") not in sources:
        raise r.error("source", f"unknown source {r.get('source')!r} (one of {', '.join(sources)})")
    compute = r.get("compute")
    if not isinstance(compute, Mapping) or "value" not in compute:
        raise r.error("compute", "a mapping of names to recomputations, with at least 'value'")
    refs = {str(k): r.ref(f"compute.{k}", v, names) for k, v in compute.items()}
    reproduce = r.get("reproduce")
    if reproduce is not None and reproduce != TRUNCATED:
        reproduce = r.ref("reproduce", reproduce, names)
    if reproduce == TRUNCATED and r.get("digits") is None:
        raise r.error("reproduce", "'truncated' needs digits (where the source cut)")
    if r.get("source_value") is None and reproduce is None:
        raise r.error("source_value", "give the source's value, or reproduce it")
    texts = {key: r.text(key) for key in ("where", "says", "correct", "why")}
    for key in ("correct", "why"):
        for lang in LANGS:
            if "<<" in FIELD.sub("", texts[key](lang)):
                raise r.error(key, f"a field is <<name>>, <<name:4>> or <<name:sci2>> ({lang})")
            unknown = template_fields(texts[key](lang)) - set(refs)
            if unknown:
                raise r.error(key, f"<<{sorted(unknown)[0]}>> ({lang}) is not computed (add it under compute)")
    return Erratum(
        id=str(r.get("id")),
        source=r.get("source"),
        severity=r.get("severity"),
        location=texts["where"],
        says=texts["says"],
        correct_template=texts["correct"],
        why_template=texts["why"],
        compute=refs,
        source_value=_value(r.get("source_value")),
        reproduce=reproduce,
        digits=r.digits(),
        lesson=r.lesson(),
        file=sources[r.get("source")]["file"],
    )


def _confirmed(
    raw: Any, sources: Mapping[str, Mapping[str, str]], names: Mapping[str, Callable[..., Any]]
) -> Confirmed:
    r = _Record("confirmed", raw, _CONFIRMED_KEYS, _CONFIRMED_REQUIRED)
    if r.get("source") not in sources:
        raise r.error("source", f"unknown source {r.get('source')!r} (one of {', '.join(sources)})")
    return Confirmed(
        id=str(r.get("id")),
        source=r.get("source"),
        location=r.text("where"),
        says=r.text("says"),
        source_value=_value(r.get("source_value")),
        compute=r.ref("compute", r.get("compute"), names),
        digits=r.digits(),
        lesson=r.lesson(),
    )


def load(text: str | None = None) -> tuple[dict[str, tuple[str, str, str]], tuple[Erratum, ...], tuple[Confirmed, ...]]:
    """``(SOURCES, ERRATA, CONFIRMED)`` from ``text`` (default: the shipped ``errata.yml``).

    >>> sources, errata, confirmed = load()
    >>> sources["notes"][0], errata[0].id
    ('004_46d152f6e8e00b5d.txt', 'slides-naturals-domain')
    >>> load("errata:\\n  - {id: slides-x, source: slides, severity: typo}\\nsources: {}\\nconfirmed: []")
    Traceback (most recent call last):
    ...
    lossbook.errata.load.ErrataFileError: errata.yml: erratum 'slides-x', field 'compute': missing
    """
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(ERRATA_YML.read_text(encoding="utf-8") if text is None else text, Loader=loader)
    if not isinstance(data, Mapping) or set(data) != {"sources", "errata", "confirmed"}:
        raise ErrataFileError("errata.yml: the top level has exactly the keys sources, errata, confirmed")
    sources = data["sources"] or {}
    for key, source in sources.items():
        if not isinstance(source, Mapping) or set(source) != _SOURCE_KEYS:
            raise ErrataFileError(f"errata.yml: source {key!r}: needs exactly the keys {sorted(_SOURCE_KEYS)}")
    names = functions()
    errata = tuple(_erratum(raw, sources, names) for raw in data["errata"] or ())
    confirmed = tuple(_confirmed(raw, sources, names) for raw in data["confirmed"] or ())
    seen: set[str] = set()
    for record in (*errata, *confirmed):
        if record.id in seen:
            raise ErrataFileError(f"errata.yml: record {record.id!r}, field 'id': used twice")
        if not record.id.startswith(record.source + "-"):
            prefix = record.source + "-"
            raise ErrataFileError(f"errata.yml: record {record.id!r}, field 'id': must start with {prefix!r}")
        seen.add(record.id)
    return ({k: (s["file"], *(s[lang] for lang in LANGS)) for k, s in sources.items()}, errata, confirmed)
