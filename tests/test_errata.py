"""lossbook.errata: every erratum recomputes its correct value (and it differs from the
source's), every correct value is also recomputed here independently (plain ``math``),
no correct number is typed in errata.yml, and the loader refuses a broken record, naming
the record and the field."""

from __future__ import annotations

import ast
import math
import re
from pathlib import Path

import numpy as np
import pytest
import yaml

from lossbook import errata, lesson
from lossbook.errata import CONFIRMED, ERRATA, ERRATUM, SEVERITIES, SOURCES, ErrataFileError, load
from lossbook.errata.load import ERRATA_YML

ERRATA_DIR = Path(errata.__file__).parent
DOCS = Path(__file__).resolve().parent.parent / "docs"
IDS = [e.id for e in ERRATA]


def sig(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


PETALS = (1.4, 1.0, 1.5, 3.0, 3.8, 4.1)
OUTPUTS = ((0.3, 0), (0.8, 0), (0.7, 0), (0.4, 0), (0.6, 1), (0.8, 1), (0.9, 1), (0.2, 1))
OUTPUT_BCE = [-math.log(p) if y else -math.log(1 - p) for p, y in OUTPUTS]
HOUSE_B = [(1.17 * a + 0.26 - p) ** 2 for a, p in zip((6.7, 4.6, 3.5, 5.5), (9.1, 5.9, 4.6, 6.7), strict=True)]

#: The correct value of every erratum, recomputed here without lossbook.
INDEPENDENT = {
    "slides-naturals-domain": False,  # 3 - 0.1 * 6 = 2.4 is not a natural number
    "slides-walk-rule": (-3.0, -4.0),  # x - 1 * 2x = -x
    "slides-walk-gradient": 2.0,  # 2y at y = 1
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
    "slides-predict-z-comment": sig(1.0 * 0.1 + 1.4 * -0.1),  # predict returns sigma(z), not z
    "slides-growth-abs": False,  # y / (K - y) = -3 at y = 150, K = 100
    "slides-growth-steepness": 100 / (1 + (100 - 5) / 5),  # y(0) = y0 = 5, not K/2
    "slides-hessian-definition": 1.0,  # f_yx(0, 0) of xy(x^2 - y^2)/(x^2 + y^2)
    "slides-diagonal-convexity": False,  # [[1, 2], [2, 1]] has eigenvalue -1
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
    "blog-gradient-mean": sum(
        x * (sig(0.1 - 0.1 * x) - y) for x, y in zip((1.4, 1.5, 3.0, 4.1), (0, 0, 1, 1), strict=True)
    )
    / 4,
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
    assert errata._same(e.reproduced_value(), e.source_value, e.digits)


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
    assert e.severity in SEVERITIES
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
    for eid in (
        "slides-sgd2-w2-sign",
        "slides-sgd2-grad-w1",
        "slides-sgd2-w1",
        "slides-entropy",
        "slides-walk-rule",
        "notes-bce-compact",
        "notes-cost-j",
        "blog-likelihood",
        "blog-gd-converges",
        "blog-gradient-mean",
        "slides-naturals-domain",
        "slides-hessian-definition",
        "slides-house-error-55",
    ):
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


def _refs(record) -> list:
    compute = record.compute if isinstance(record.compute, dict) else {"value": record.compute}
    refs = [r for v in compute.values() for r in (v if isinstance(v, tuple) else (v,))]
    return refs + ([record.reproduce] if isinstance(getattr(record, "reproduce", None), errata.Ref) else [])


def test_float_literals_in_errata_are_source_values_inputs_or_tolerances():
    """Every float the errata's code and recomputations type (the arguments in errata.yml,
    the literals of lossbook/errata/*.py) is a source's value, a lesson input or a tolerance."""
    text = (
        " ".join(str(v) for e in ERRATA for v in (e.says, e.location, e.source_value))
        + " "
        + " ".join(str(v) for c in CONFIRMED for v in (c.says, c.source_value))
    )
    root = Path(lesson.__file__)  # lesson.py, or the lesson/ package
    lesson_src = [
        p.read_text(encoding="utf-8") for p in (root.parent.rglob("*.py") if root.name == "__init__.py" else [root])
    ]
    lesson_floats = {
        repr(n.value).lstrip("-")
        for src in lesson_src
        for n in ast.walk(ast.parse(src))
        if isinstance(n, ast.Constant) and isinstance(n.value, float)
    }
    trees = [(p.name, ast.parse(p.read_text(encoding="utf-8"))) for p in ERRATA_DIR.glob("*.py")]
    trees += [(f"{r.id}: {ref}", ast.parse(str(ref), mode="eval")) for r in (*ERRATA, *CONFIRMED) for ref in _refs(r)]
    assert len(trees) > 100
    for where, tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, float):
                r = repr(node.value).lstrip("-")
                ok = node.value.is_integer() or "e-" in r or r in lesson_floats or r in text or r.rstrip("0") in text
                assert ok, f"float literal {r} in {where} is neither a source value, a lesson input nor a tolerance"


# --- confirmed numbers ------------------------------------------------------------------------


@pytest.mark.parametrize("c", CONFIRMED, ids=lambda c: c.id)
def test_confirmed_numbers_are_right(c):
    assert c.check(), f"{c.id}: lossbook gives {c.value()!r}, the source {c.source_value!r}"
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
def test_render_errata_markdown_groups_by_severity_math_first(lang):
    page = errata.render_errata_markdown(lang)
    rows = [line for line in page.splitlines() if line.startswith("| <span id=")]
    assert [r.split("`")[1] for r in rows] == [e.id for s in SEVERITIES for e in ERRATA if e.severity == s]
    for row in rows:
        cells = re.sub(r"\$[^$]*\$", "", row.replace(r"\|", "")).count("|") - 1
        assert cells == 5, row
        eid = row.split("`")[1]
        assert f'<span id="{eid}"></span>' in row
        assert errata.SOURCES[ERRATUM[eid].source][1 + ("vi", "en").index(lang)] in row  # the source is named
    headings = [line for line in page.splitlines() if line.startswith("#")]
    assert headings == [f"### {errata.SEVERITY_TEXT[s][0](lang)}" for s in SEVERITIES]
    assert headings[0] == "### " + {"vi": "Lỗi toán học", "en": "Mathematical errors"}[lang]
    for s in SEVERITIES:  # every heading is explained in one sentence, right below it
        sentence = errata.SEVERITY_TEXT[s][1](lang)
        assert f"{errata.SEVERITY_TEXT[s][0](lang)}\n\n{sentence}\n\n|" in page
        assert sentence.count(". ") == 0 and sentence.endswith(".")
    assert errata.render_errata_markdown(lang, heading_level=2).startswith("## ")


def test_every_severity_is_used_and_counted():
    assert sum(errata.count_errata(severity=s) for s in SEVERITIES) == len(ERRATA)
    assert all(errata.count_errata(severity=s) for s in SEVERITIES)
    assert errata.count_errata("blog") == sum(e.source == "blog" for e in ERRATA)


def dead_errata_links(markdown: str, anchors: set[str]) -> list[str]:
    """The erratum ids a page links (errata.md#<id>) that have no anchor on the errata page."""
    prefixes = tuple(f"{s}-" for s in SOURCES)
    return [t for t in re.findall(r"errata\.md#([\w-]+)", markdown) if t.startswith(prefixes) and t not in anchors]


def test_links_to_errata_ids_resolve():
    """A chapter links an erratum as errata.md#<id>: every such id has its anchor on the page."""
    anchors = set(
        re.findall(
            r'<span id="([\w-]+)"></span>', errata.render_errata_markdown("vi") + errata.render_confirmed_markdown("vi")
        )
    )
    assert anchors == set(IDS) | {c.id for c in CONFIRMED}
    for page in DOCS.glob("*.md"):
        assert not dead_errata_links(page.read_text(encoding="utf-8"), anchors), page.name
    planted = "see [the errata](errata.md#slides-sgd2-w1) and [this](errata.md#slides-no-such-id)"
    assert dead_errata_links(planted, anchors) == ["slides-no-such-id"]


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


# --- the data file: one format, and a loader that names the broken record and field ---------------

RAW = yaml.safe_load(ERRATA_YML.read_text(encoding="utf-8"))
GOOD = {
    "id": "slides-test",
    "source": "slides",
    "severity": "rounding",
    "where": "'Example'",
    "says": "$w = -0.1068$",
    "correct": "$w = <<value:4>>$",
    "why": {"vi": "cắt bớt", "en": "truncated"},
    "compute": {"value": "sgd_step_one_feature().param('w')"},
    "source_value": -0.1068,
    "reproduce": "truncated",
    "digits": 4,
    "lesson": "sgd_step_one_feature",
}


def _load_with(record: dict, kind: str = "errata") -> tuple:
    data = {"sources": RAW["sources"], "errata": [], "confirmed": [], kind: [record]}
    return load(yaml.safe_dump(data, allow_unicode=True))


def test_a_good_record_loads_and_checks():
    _, (e,), _ = _load_with(GOOD)
    assert e.check().ok and e.correct("en") == "$w = −0.1069$" and e.says("vi") == e.says("en")


@pytest.mark.parametrize(
    "change, field, message",
    [
        ({"severity": "typo"}, "severity", "unknown severity 'typo' (one of math, condition, notation, rounding)"),
        ({"colour": "red"}, "colour", "unknown key"),
        ({"source": "book"}, "source", "unknown source 'book'"),
        (
            {"compute": {"value": "sgd_step_one_featur().param('w')"}},
            "compute.value",
            "unknown function 'sgd_step_one_featur'",
        ),
        ({"compute": {"value": "lambda: 1"}}, "compute.value", "must start with a function call"),
        ({"compute": {"value": "sgd_step_one_feature(0.1 + 0.2).loss_before"}}, "compute.value", "must be literals"),
        ({"compute": {"value": "__import__('os').getcwd()"}}, "compute.value", "unknown function '__import__'"),
        ({"compute": {"w": "sgd_step_one_feature().loss_before"}}, "compute", "at least 'value'"),
        ({"correct": "$w = <<w:4>>$"}, "correct", "<<w>> (vi) is not computed"),
        ({"correct": "$w = <<value:.4f>>$"}, "correct", "a field is <<name>>, <<name:4>> or <<name:sci2>>"),
        ({"why": {"vi": "cắt bớt"}}, "why", "a text is one string"),
        ({"lesson": "no_such_lesson"}, "lesson", "not a function of lossbook.lesson"),
        ({"digits": "four"}, "digits", "a whole number"),
        ({"reproduce": "truncated", "digits": None}, "reproduce", "needs digits"),
        ({"id": "notes-test"}, "id", "must start with 'slides-'"),
    ],
)
def test_loader_names_the_record_and_the_field(change, field, message):
    broken = {**GOOD, **change}
    with pytest.raises(ErrataFileError) as err:
        _load_with({k: v for k, v in broken.items() if v is not None})
    text = str(err.value)
    assert f"'{broken['id']}'" in text and f"field {field!r}" in text and message in text, text


def test_loader_refuses_a_missing_key_and_a_duplicate_id():
    with pytest.raises(ErrataFileError, match=r"erratum 'slides-test', field 'why': missing"):
        _load_with({k: v for k, v in GOOD.items() if k != "why"})
    data = {"sources": RAW["sources"], "errata": [GOOD, GOOD], "confirmed": []}
    with pytest.raises(ErrataFileError, match=r"record 'slides-test', field 'id': used twice"):
        load(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(ErrataFileError, match=r"confirmed 'slides-test', field 'compute': .*unknown function 'nope'"):
        _load_with(
            {
                "id": "slides-test",
                "source": "slides",
                "where": "x",
                "says": "y",
                "source_value": 1.0,
                "compute": "nope()",
            },
            "confirmed",
        )


def test_data_file_holds_names_and_literals_only():
    """Every recomputation in errata.yml is a name with literal arguments and fields (the
    loader parses them without eval); no quote is written twice for two languages."""
    for record in (*RAW["errata"], *RAW["confirmed"]):
        for key in ("where", "says", "correct", "why"):
            text = record.get(key)
            if isinstance(text, dict):
                assert text["vi"] != text["en"], f"{record['id']}: {key} is the same in both languages; write it once"
        compute = record["compute"] if isinstance(record["compute"], dict) else {"value": record["compute"]}
        for ref in (r for v in compute.values() for r in (v if isinstance(v, list) else [v])):
            tree = ast.parse(ref, mode="eval")
            assert not any(
                isinstance(n, (ast.Lambda, ast.BinOp, ast.BoolOp, ast.Compare, ast.comprehension, ast.IfExp))
                for n in ast.walk(tree)
            ), ref
    assert {e.severity for e in ERRATA} == set(SEVERITIES)


def test_ref_evaluates_fields_items_and_methods():
    names = errata.load.__globals__["functions"]()
    ref = errata.Ref.parse("sgd_step_two_features(0.0931, 0.4990, -0.1013).param('w1', when='before')", names)
    assert ref() == 0.499 and str(ref) == ref.text
    assert (
        errata.Ref.parse("separable_no_minimiser().losses[-1]", names)() == lesson.separable_no_minimiser().losses[-1]
    )
