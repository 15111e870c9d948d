"""docs/_data/quizzes.yml: every question is complete in both languages, and every answer
that is a computation is recomputed by lossbook.

A quiz's ``check:`` is one plain call of a function of ``lossbook/lesson/quizzes.py``
(``check_<id>()``, or ``check_<id>(options)`` for options that state numbers), evaluated in
the namespace of the pages' ``{{ ... }}`` (``bookbuild.prerender.namespace(lang)``)
plus ``options`` = the question's options in that language; it must give the quiz's
``answer``. :func:`check_problems` is the checker; the mutation tests show that it catches a
wrong answer index, and :func:`check_form_problems` anything but a plain call.
"""

from __future__ import annotations

import ast
import copy
import re
from pathlib import Path
from typing import Any

import pytest

from bookbuild import prerender
from bookbuild.prerender.placeholders import evaluate

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGS = ("vi", "en")
SLIDES = (
    "slides-q1-steps-order",
    "slides-q2-sigmoid-compare",
    "slides-q3-bce-formula",
    "slides-q4-fxx",
    "slides-q5-fyy",
    "slides-q6-fxy",
)
FIELDS = ("question", "options", "why", "explanation")


hook = prerender  # load_quizzes, namespace: what the pages' {{ }} see
QUIZZES: dict[str, Any] = hook.load_quizzes()
IDS = sorted(QUIZZES)
CHECKED = [q for q in IDS if "check" in QUIZZES[q]]


@pytest.fixture(scope="module", params=LANGS)
def namespace(request) -> dict[str, Any]:
    """The names a page's ``{{ ... }}`` sees, in one language."""
    return hook.namespace(request.param)


def check_problems(quiz_id: str, quiz: dict[str, Any], ns: dict[str, Any]) -> list[str]:
    """What is wrong with one quiz's answer: its ``check`` (if any) evaluated in ``ns``
    must equal ``answer``. An empty list means the answer is confirmed by lossbook."""
    if "check" not in quiz:
        return []
    try:
        # the pages' allow-list applies: a check is a plain call (no lambda, no comprehension)
        value = evaluate(quiz["check"], {**ns, "options": quiz[ns.get("lang", "vi")]["options"]}, quiz_id)
    except Exception as err:  # report, do not crash: the message names the quiz
        return [f"{quiz_id}: check {quiz['check']!r} raised {type(err).__name__}: {err}"]
    if isinstance(value, bool) or not isinstance(value, int) and not hasattr(value, "__index__"):
        return [f"{quiz_id}: check must give an option index (int); got {value!r}"]
    if int(value) != int(quiz["answer"]):
        letters = "abcdefgh"
        n = len(quiz["vi"]["options"])
        got = letters[int(value)] if 0 <= int(value) < n else str(value)
        return [f"{quiz_id}: answer is {letters[int(quiz['answer'])]}) but lossbook's check gives {got}"]
    return []


def check_form_problems(quiz_id: str, quiz: dict[str, Any]) -> list[str]:
    """A ``check:`` must be one plain call, ``name(literal or options, ...)``: the computing
    lives in lossbook/lesson/quizzes.py (docstring, doctest), not in the data file."""
    if "check" not in quiz:
        return []
    try:
        tree = ast.parse(quiz["check"], mode="eval").body
    except SyntaxError as err:
        return [f"{quiz_id}: check {quiz['check']!r} is not Python: {err}"]
    plain = (
        isinstance(tree, ast.Call)
        and isinstance(tree.func, ast.Name)
        and all(
            isinstance(a, ast.Constant) or isinstance(a, ast.Name) and a.id == "options"
            for a in [*tree.args, *(k.value for k in tree.keywords)]
        )
    )
    if not plain:
        return [
            f"{quiz_id}: check {quiz['check']!r} must be one plain call of a function of "
            "lossbook/lesson/quizzes.py, e.g. check_my_question() or check_my_question(options)"
        ]
    return []


# --- the file ------------------------------------------------------------------------------


def test_the_slides_six_questions_and_at_least_six_more() -> None:
    assert set(SLIDES) <= set(QUIZZES), f"missing: {set(SLIDES) - set(QUIZZES)}"
    assert len(QUIZZES) >= len(SLIDES) + 6
    assert "demo" not in QUIZZES


def test_ids_are_lowercase_words() -> None:
    bad = [q for q in IDS if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", q)]
    assert not bad, f"quiz ids must be lowercase words joined by '-': {bad}"


@pytest.mark.parametrize("quiz_id", IDS)
def test_quiz_is_complete_in_both_languages(quiz_id: str) -> None:
    q = QUIZZES[quiz_id]
    for lang in LANGS:
        assert lang in q, f"{quiz_id}: no {lang!r} text"
        missing = [f for f in FIELDS if not q[lang].get(f)]
        assert not missing, f"{quiz_id} ({lang}): missing {missing}"
        assert all(isinstance(o, str) and o.strip() for o in q[lang]["options"]), f"{quiz_id} ({lang}): empty option"
        assert len(q[lang]["why"]) == len(q[lang]["options"]), f"{quiz_id} ({lang}): one 'why' per option"
    n_vi, n_en = len(q["vi"]["options"]), len(q["en"]["options"])
    assert n_vi == n_en, f"{quiz_id}: {n_vi} options in vi, {n_en} in en"
    assert 2 <= n_vi <= 8


@pytest.mark.parametrize("quiz_id", IDS)
def test_answer_is_an_option_index(quiz_id: str) -> None:
    answer = QUIZZES[quiz_id]["answer"]
    assert isinstance(answer, int) and not isinstance(answer, bool), f"{quiz_id}: answer {answer!r} is not an int"
    assert 0 <= answer < len(QUIZZES[quiz_id]["vi"]["options"]), f"{quiz_id}: answer {answer} out of range"


@pytest.mark.parametrize("quiz_id", IDS)
@pytest.mark.parametrize("lang", LANGS)
def test_quiz_renders(quiz_id: str, lang: str) -> None:
    html = hook.render_quiz(quiz_id, lang, QUIZZES)
    assert html.count('type="radio"') == len(QUIZZES[quiz_id][lang]["options"])
    assert f'data-answer="{QUIZZES[quiz_id]["answer"]}"' in html
    assert "{{" not in html, "a quiz is rendered after the page's {{ }} are evaluated: none may be left"


def test_the_slides_questions_are_checked_by_lossbook() -> None:
    unchecked = [q for q in SLIDES if "check" not in QUIZZES[q]]
    assert not unchecked, f"the slides' questions are computations; give them a check: {unchecked}"


# --- the checks ----------------------------------------------------------------------------


@pytest.mark.parametrize("quiz_id", CHECKED)
def test_check_confirms_the_answer(quiz_id: str, namespace: dict[str, Any]) -> None:
    problems = check_problems(quiz_id, QUIZZES[quiz_id], namespace)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("quiz_id", CHECKED)
def test_a_wrong_answer_index_fails_the_check(quiz_id: str, namespace: dict[str, Any]) -> None:
    """Mutation: every other option index, put in place of the answer, is caught."""
    quiz = QUIZZES[quiz_id]
    for wrong in range(len(quiz["vi"]["options"])):
        if wrong == quiz["answer"]:
            continue
        mutated = copy.deepcopy(quiz)
        mutated["answer"] = wrong
        assert check_problems(quiz_id, mutated, namespace), f"{quiz_id}: answer {wrong} passes the check"


@pytest.mark.parametrize("quiz_id", CHECKED)
def test_check_is_one_plain_call(quiz_id: str) -> None:
    problems = check_form_problems(quiz_id, QUIZZES[quiz_id])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "check",
    [
        "min(range(4), key=lambda i: abs((1 / 2, 1 / 4, 1.0, 0.0)[i] - float(lb.sigmoid_derivative(0.0))))",
        "quiz_steps_order().answer_index",
        "check_sigmoid_slope_at_zero([o for o in options])",
        "check_convex_in_theta(lb.sigmoid(2.0))",
        "1 if check_newton_scaling() else 0",
        "check_slides(f'Q{1}')",
    ],
)
def test_a_computing_check_is_rejected(check: str) -> None:
    """A planted entry that computes in the data file is caught; the real form passes."""
    planted = {**copy.deepcopy(QUIZZES[SLIDES[0]]), "check": check}
    assert check_form_problems("planted", planted)
    assert not check_form_problems("planted", {**planted, "check": 'check_slides("Q1")'})
    assert not check_form_problems("planted", {**planted, "check": "check_entropy_fair_coin(options)"})


def test_numeric_options_are_read_from_the_quiz(namespace: dict[str, Any]) -> None:
    """The option values are written once, in the quiz: change one and the check moves."""
    quiz = copy.deepcopy(QUIZZES["sigmoid-slope-at-zero"])
    lang = namespace["lang"]
    assert check_problems("q", quiz, namespace) == []
    quiz[lang]["options"][1], quiz[lang]["options"][2] = quiz[lang]["options"][2], quiz[lang]["options"][1]
    assert "lossbook's check gives b" in check_problems("q", quiz, namespace)[0]


def test_the_checker_reports_errors_and_non_indices(namespace: dict[str, Any]) -> None:
    base = copy.deepcopy(QUIZZES[SLIDES[0]])
    assert check_problems("x", {**base, "check": "no_such_name"}, namespace)[0].startswith("x: check")
    assert "option index" in check_problems("x", {**base, "check": "True"}, namespace)[0]
    assert "option index" in check_problems("x", {**base, "check": "'b'"}, namespace)[0]
    assert check_problems("x", {k: v for k, v in base.items() if k != "check"}, namespace) == []


# --- the pages -----------------------------------------------------------------------------

QUIZ_CALL = re.compile(r"\{\{\s*quiz\(\s*['\"]([^'\"]+)['\"]\s*\)\s*\}\}")


def _pages() -> list[Path]:
    return [p for p in DOCS.rglob("*.md") if not p.relative_to(DOCS).parts[0].startswith("_")]


def test_every_quiz_used_on_a_page_exists() -> None:
    used = {(p.relative_to(DOCS).as_posix(), q) for p in _pages() for q in QUIZ_CALL.findall(p.read_text("utf-8"))}
    unknown = sorted((page, q) for page, q in used if q not in QUIZZES)
    assert not unknown, f"pages use quizzes that docs/_data/quizzes.yml lacks: {unknown}"


REVIEW_IDS = [q for q in IDS if QUIZZES[q]["chapter"] == "review"]
CHAPTER_STEMS = sorted(p.stem for p in DOCS.glob("[0-9][0-9]-*.md") if not p.name.endswith(".en.md"))


@pytest.mark.parametrize("page", ["quizzes.md", "quizzes.en.md"])
def test_the_review_quiz_shows_the_review_questions(page: str) -> None:
    """The quizzes page is the review quiz: the questions with ``chapter: review`` (the
    slides' six among them), each once; a chapter's questions are in its footer."""
    shown = QUIZ_CALL.findall((DOCS / page).read_text("utf-8"))
    assert sorted(shown) == sorted(REVIEW_IDS), (
        f"{page}: missing {sorted(set(REVIEW_IDS) - set(shown))}, repeated or not review "
        f"{sorted(q for q in shown if shown.count(q) > 1 or q not in REVIEW_IDS)}"
    )
    assert set(SLIDES) <= set(shown)


def test_a_chapter_question_is_shown_by_its_chapter_only() -> None:
    """A page may embed a question of its own chapter (the footer then skips it), never
    another chapter's: every question is on exactly one page."""
    for p in _pages():
        stem = p.name.split(".")[0]
        for q in QUIZ_CALL.findall(p.read_text("utf-8")):
            home = "review" if stem == "quizzes" else stem
            assert QUIZZES[q]["chapter"] == home, f"{p.name} shows {q!r}, a question of {QUIZZES[q]['chapter']}"


def test_every_chapter_has_two_or_three_questions_and_forty_in_all() -> None:
    by_chapter = hook.quiz_chapters(QUIZZES)
    for stem in CHAPTER_STEMS:
        n = len(by_chapter.get(stem, []))
        assert n <= 3, f"{stem}: {n} questions (two or three: the footer is a check, not an exam)"
        if stem <= "11":
            assert n >= 2, f"{stem}: {n} questions; every chapter 01-11 ends with two or three"
    assert len(QUIZZES) >= 40


def position_problems(quizzes: dict[str, Any], limit: float = 0.35) -> list[str]:
    """The right option's position is balanced: no letter is the answer of more than
    ``limit`` of the questions (a reader who always picks "b" must not score well)."""
    answers = [int(q["answer"]) for q in quizzes.values()]
    problems = []
    for position in sorted(set(answers)):
        share = answers.count(position) / len(answers)
        if share > limit:
            problems.append(
                f"option {'abcdefgh'[position]}) is the answer of {answers.count(position)} of "
                f"{len(answers)} questions ({share:.0%} > {limit:.0%}): move some right options"
            )
    return problems


def test_the_right_option_position_is_balanced() -> None:
    assert not position_problems(QUIZZES), "\n".join(position_problems(QUIZZES))


def test_an_unbalanced_file_is_caught() -> None:
    """Planted: the old file's 14 of 19 answers in position b."""
    planted = {f"q{i}": {"answer": a} for i, a in enumerate([1] * 14 + [0, 2, 3, 0, 2])}
    assert "option b) is the answer of 14 of 19" in position_problems(planted)[0]
    balanced = {f"q{i}": {"answer": i % 4} for i in range(20)}
    assert not position_problems(balanced)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"chapter": "07-mse"}, "chapter: '07-mse' is neither a chapter stem nor 'review'"),
        ({"chapters": "review"}, ".chapters: unknown key"),
        ({"chapter": None}, "is neither"),
    ],
)
def test_a_wrong_chapter_field_is_caught(change: dict[str, Any], message: str) -> None:
    planted = copy.deepcopy(QUIZZES)
    planted["slides-q1-steps-order"].update(change)
    with pytest.raises(ValueError, match=re.escape(message)):
        hook.quiz_chapters(planted)
    missing = copy.deepcopy(QUIZZES)
    del missing["slides-q1-steps-order"]["chapter"]
    with pytest.raises(ValueError, match=r"slides-q1-steps-order\.chapter: missing"):
        hook.quiz_chapters(missing)
