"""lossbook.errata: every erratum recomputes its correct value (and it differs from the
source's), every correct value is also recomputed here independently (plain ``math``),
and no correct number is typed in errata.py."""
from __future__ import annotations

import ast
import math
import re
from pathlib import Path

import numpy as np
import pytest

from lossbook import errata, lesson
from lossbook.errata import CONFIRMED, ERRATA, ERRATUM, SOURCES

ERRATA_PY = Path(errata.__file__)
IDS = [e.id for e in ERRATA]


def sig(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


PETALS = (1.4, 1.0, 1.5, 3.0, 3.8, 4.1)
OUTPUTS = ((0.3, 0), (0.8, 0), (0.7, 0), (0.4, 0), (0.6, 1), (0.8, 1), (0.9, 1), (0.2, 1))
OUTPUT_BCE = [-math.log(p) if y else -math.log(1 - p) for p, y in OUTPUTS]
HOUSE_B = [(1.17 * a + 0.26 - p) ** 2 for a, p in zip((6.7, 4.6, 3.5, 5.5), (9.1, 5.9, 4.6, 6.7))]

#: The correct value of every erratum, recomputed here without lossbook.
INDEPENDENT = {
    "slides-naturals-domain": False,                       # 3 - 0.1 * 6 = 2.4 is not a natural number
    "slides-walk-rule": (-3.0, -4.0),                      # x - 1 * 2x = -x
    "slides-walk-gradient": 2.0,                           # 2y at y = 1
    "slides-house-versions": 2,
    "slides-house-error-55": (-0.34 * 4.6 + 0.04 - 5.9) ** 2,
    "slides-house-error-0066": HOUSE_B[1],
    "slides-petal1-sigma": tuple(sig(0.535 * x - 0.654) for x in PETALS),
    "slides-petal2-z": tuple(2.331 * x - 5.156 for x in PETALS),
    "slides-petal2-sigma": tuple(sig(2.331 * x - 5.156) for x in PETALS),
    "slides-sgd1-w": -0.1 - 0.01 * 1.4 * sig(-0.04),
    "slides-sgd2-yhat": sig(0.78),
    "slides-sgd2-grad-w1": (1.4 * sig(0.78),) * 2,
    "slides-sgd2-w1": 0.5 - 0.01 * 1.4 * sig(0.78),
    "slides-sgd2-w2-sign": -0.1 - 0.01 * 0.2 * sig(0.78),
    "slides-sgd2-w2": -0.1 - 0.01 * 0.2 * sig(0.78),
    "slides-entropy": -0.9 * math.log2(0.9) - 0.1 * math.log2(0.1),
    "slides-predict-z-comment": sig(1.0 * 0.1 + 1.4 * -0.1),     # predict returns sigma(z), not z
    "slides-growth-abs": False,                            # y / (K - y) = -3 at y = 150, K = 100
    "slides-growth-steepness": 100 / (1 + (100 - 5) / 5),  # y(0) = y0 = 5, not K/2
    "slides-hessian-definition": 1.0,                      # f_yx(0, 0) of xy(x^2 - y^2)/(x^2 + y^2)
    "slides-diagonal-convexity": False,                    # [[1, 2], [2, 1]] has eigenvalue -1
    "slides-p-undefined": True,
    "notes-bce-compact": -math.log(0.3),
    "notes-bce-case-y0": -math.log(0.3),
    "notes-cost-j": sum(OUTPUT_BCE) / 8,
    "notes-cost-is-sum": sum(OUTPUT_BCE) / 8,
    "notes-loss-argument": 2,
    "notes-tanh": sig(-1.0),
    "notes-vector-output": 0,
    "notes-x-hat-boundary": 3,
    "blog-likelihood": 0.8,
    "blog-mse-half": sum(HOUSE_B) / 4,
    "blog-gradient-mean": sum(x * (sig(0.1 - 0.1 * x) - y) for x, y in zip((1.4, 1.5, 3.0, 4.1), (0, 0, 1, 1))) / 4,
    "blog-hessian-entries": False,
    "blog-unique-minimum": False,
    "blog-gd-converges": False,
}


def test_every_erratum_has_an_independent_recomputation():
    assert set(INDEPENDENT) == set(IDS)


@pytest.mark.parametrize("eid", IDS)
def test_check_recomputes_and_differs_from_the_source(eid):
    e = ERRATUM[eid]
    result = e.check()
    assert result.differs, f"{eid}: lossbook's {result.correct_value!r} equals the source's {result.source_value!r}"
    assert result.reproduced is not False, f"{eid}: reproduce() does not give the source's {e.source_value!r}"
    assert result.ok


@pytest.mark.parametrize("eid", IDS)
def test_correct_value_matches_independent_recomputation(eid):
    e = ERRATUM[eid]
    expected, got = INDEPENDENT[eid], e.correct_value()
    digits = e.digits if e.digits is not None else None
    if isinstance(expected, tuple):
        np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-12 if digits is not None else 0)
    elif isinstance(expected, float):
        tol = 10.0 ** -(digits + 2) if isinstance(digits, int) else 1e-12
        assert got == pytest.approx(expected, abs=tol, rel=1e-9)
    else:
        assert got == expected
    # and the independent value also differs from what the source says
    source = e.check().source_value
    assert not errata._same(expected, source, e.digits)


@pytest.mark.parametrize("eid", [e.id for e in ERRATA if e.source_value is not None and e.reproduce is not None])
def test_reproduce_explains_the_source_value(eid):
    e = ERRATUM[eid]
    assert errata._same(e.reproduce(), e.source_value, e.digits)


@pytest.mark.parametrize("eid", IDS)
def test_texts_in_both_languages_fully_filled(eid):
    e = ERRATUM[eid]
    for lang in ("vi", "en"):
        for text in (e.location(lang), e.says(lang), e.correct(lang), e.why(lang)):
            assert text.strip()
            assert "<<" not in text and ">>" not in text
            assert text.count("$") % 2 == 0, f"{eid} ({lang}): unbalanced $ in {text!r}"
        for filled in (e.correct(lang), e.why(lang)):  # numbers filled by lossbook print a true minus
            assert not re.search(r"(?<![\w.])-\d", re.sub(r"\$[^$]*\$", "", filled)), filled
    assert e.source in SOURCES and e.file == SOURCES[e.source][0]
    assert e.kind in {"number", "formula", "claim", "inconsistency", "notation"}
    assert e.lesson is None or callable(getattr(lesson, e.lesson))


def test_ids_unique_and_prefixed_by_source():
    assert len(IDS) == len(set(IDS))
    for e in ERRATA:
        assert e.id.startswith(e.source + "-")


def test_filled_numbers_use_a_true_minus():
    e = ERRATUM["slides-sgd1-w"]
    assert "−0.1069" in e.correct("en") and "-0.1069" not in e.correct("en")


def test_the_brief_s_list_is_covered():
    """The mistakes the project brief names are all recorded."""
    for eid in ("slides-sgd2-w2-sign", "slides-sgd2-grad-w1", "slides-sgd2-w1", "slides-entropy",
                "slides-walk-rule", "notes-bce-compact", "notes-cost-j", "blog-likelihood",
                "blog-gd-converges", "blog-gradient-mean", "slides-naturals-domain", "slides-hessian-definition",
                "slides-house-error-55"):
        assert eid in ERRATUM


# --- no correct number typed in errata.py ------------------------------------------------------

DECIMAL = re.compile(r"(?<![\w.])[−-]?\d+\.\d{3,}")  # as tests/test_pages.py


@pytest.mark.parametrize("eid", IDS)
def test_correct_value_is_not_typed_in_the_entry(eid):
    """tests/test_pages.py allows on a page any 3+-decimal number found in an erratum's
    fields (the sources' wrong values). The correct value must not be among them, or a
    page could type it by hand."""
    e = ERRATUM[eid]
    raw = " ".join(str(v) for v in vars(e).values())
    typed = {m.lstrip("−-") for m in DECIMAL.findall(raw)}
    values = e.correct_value()
    for v in values if isinstance(values, tuple) else (values,):
        if isinstance(v, float) and not float(v).is_integer():
            digits = e.digits if isinstance(e.digits, int) else 4
            shown = f"{abs(v):.{digits}f}"
            if len(shown.split(".")[1]) >= 3 and shown not in e.says("vi") + e.says("en"):
                assert shown not in typed, f"{eid} types its correct value {shown}"


def test_float_literals_in_errata_are_source_values_inputs_or_tolerances():
    text = " ".join(str(v) for e in ERRATA for v in (e.says, e.location, e.source_value)) + " " + " ".join(
        str(v) for c in CONFIRMED for v in (c.says, c.source_value))
    lesson_src = (Path(lesson.__file__)).read_text(encoding="utf-8")
    lesson_floats = {repr(n.value).lstrip("-") for n in ast.walk(ast.parse(lesson_src))
                     if isinstance(n, ast.Constant) and isinstance(n.value, float)}
    for node in ast.walk(ast.parse(ERRATA_PY.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, float):
            r = repr(node.value).lstrip("-")
            ok = (node.value.is_integer() or "e-" in r or r in lesson_floats
                  or r in text or r.rstrip("0") in text)
            assert ok, f"float literal {r} in errata.py is neither a source value, a lesson input nor a tolerance"


# --- confirmed numbers ------------------------------------------------------------------------

@pytest.mark.parametrize("c", CONFIRMED, ids=lambda c: c.id)
def test_confirmed_numbers_are_right(c):
    assert c.check(), f"{c.id}: lossbook gives {c.compute()!r}, the source {c.source_value!r}"
    assert c.source in SOURCES
    assert c.lesson is None or callable(getattr(lesson, c.lesson))


def test_confirmed_independently():
    assert round(sig(0.0 + 0.5 * 1.4 - 0.1 * 0.2 + 0.1), 4) == round(sig(0.78), 4)
    assert round(-math.log(1 - sig(-0.04)), 4) == 0.6733
    assert round(-math.log(1 - sig(0.78)), 4) == 1.1573
    w1, w2, b = 0.5 - 0.01 * 1.4 * sig(0.78), -0.1 - 0.01 * 0.2 * sig(0.78), 0.1 - 0.01 * sig(0.78)
    assert round(sig(b + 1.4 * w1 + 0.2 * w2), 4) == 0.6812


# --- the page --------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["vi", "en"])
def test_render_errata_markdown(lang):
    page = errata.render_errata_markdown(lang)
    for key, (filename, *_names) in SOURCES.items():
        assert f"(`{filename}`)" in page
    rows = [line for line in page.splitlines() if line.startswith("| `")]
    assert [r.split("`")[1] for r in rows] == [e.id for s in SOURCES for e in ERRATA if e.source == s]
    for row in rows:
        cells = re.sub(r"\$[^$]*\$", "", row.replace(r"\|", "")).count("|") - 1
        assert cells == 5, row
    headings = [line for line in page.splitlines() if line.startswith("#")]
    assert len(headings) == len(SOURCES) and all(h.startswith("### ") for h in headings)
    assert errata.render_errata_markdown(lang, heading_level=2).startswith("## ")


def test_render_languages_have_the_same_shape():
    vi, en = errata.render_errata_markdown("vi"), errata.render_errata_markdown("en")
    assert len(vi.splitlines()) == len(en.splitlines())
    assert vi != en


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_render_confirmed_markdown(lang):
    table = errata.render_confirmed_markdown(lang)
    assert len(table.splitlines()) == len(CONFIRMED) + 2
    assert "✗" not in table


def test_text_rejects_unknown_language():
    with pytest.raises(ValueError):
        ERRATA[0].says("fr")


# --- the rounding rule ---------------------------------------------------------------------------

def test_rounding_rule_exact_decimal_ties_to_even():
    """A printed number is judged on the exact decimal value, ties to even: the two ties of the
    sources (z = -2.825 printed -2.82, the error 0.000025 printed 0.00002) are treated alike,
    although their floats lie on opposite sides of the tie."""
    z, err = 2.331 * 1.0 - 5.156, (1.17 * 5.5 + 0.26 - 6.7) ** 2
    from decimal import Decimal
    assert abs(Decimal(z)) < Decimal("2.825") and Decimal(err) > Decimal("0.000025")  # |floats|: below, above
    assert errata._same(z, -2.82, 2) and not errata._same(z, -2.83, 2)
    assert errata._same(err, 0.00002, 5) and not errata._same(err, 0.00003, 5)
    assert errata._same(0.0685, 0.068, 3) and errata._same(0.0675, 0.068, 3)  # half to even
    assert "slides-house-error-000002" not in ERRATUM
    assert any(c.id == "slides-house-error-000002" and c.check() for c in CONFIRMED)
