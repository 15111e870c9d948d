"""requirements.txt is requirements.in resolved: the same pins, nothing more, nothing less.

``requirements.in`` names what the project uses directly; ``requirements.txt`` pins the whole
tree that was tested (``make lock`` regenerates it). The check walks the dependency metadata of
the installed packages from the names in requirements.in; it is proved on planted files.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def read_requirements(text: str) -> list[Requirement]:
    lines = (re.sub(r"\s+#.*$|^#.*$", "", line).strip() for line in text.splitlines())
    return [Requirement(line) for line in lines if line and not line.startswith("-")]


def closure(direct: list[Requirement]) -> set[str]:
    """Canonical names of the installed distributions that ``direct`` needs, transitively."""
    seen: set[str] = set()
    todo = [(req, frozenset(req.extras)) for req in direct]
    while todo:
        req, extras = todo.pop()
        name = canonicalize_name(req.name)
        key = name + "[" + ",".join(sorted(extras)) + "]"
        if key in seen:
            continue
        seen.add(key)
        seen.add(name)
        try:
            requires = metadata.requires(req.name) or []
        except metadata.PackageNotFoundError:
            continue  # reported by the caller: it is not installed
        for spec in map(Requirement, requires):
            env_ok = spec.marker is None or any(spec.marker.evaluate({"extra": extra}) for extra in (extras or {""}))
            if env_ok:
                todo.append((spec, frozenset(spec.extras)))
    return {s for s in seen if "[" not in s}


def disagreements(in_text: str, txt_text: str) -> list[str]:
    direct = read_requirements(in_text)
    pinned = {canonicalize_name(r.name): r for r in read_requirements(txt_text)}
    needed = closure(direct)
    problems = [f"{name} is pinned but nothing in requirements.in needs it" for name in sorted(set(pinned) - needed)]
    problems += [f"{name} is needed but not pinned" for name in sorted(needed - set(pinned))]
    for req in direct:
        pin = pinned.get(canonicalize_name(req.name))
        if pin is not None and req.specifier:
            version = next(iter(pin.specifier)).version
            if not req.specifier.contains(version, prereleases=True):
                problems.append(f"{req.name}: requirements.in asks {req.specifier}, requirements.txt pins {version}")
    return problems


def test_requirements_txt_is_requirements_in_resolved():
    problems = disagreements(
        (ROOT / "requirements.in").read_text(encoding="utf-8"), (ROOT / "requirements.txt").read_text(encoding="utf-8")
    )
    assert not problems, "requirements.txt disagrees with requirements.in (run `make lock`):\n" + "\n".join(problems)


def test_check_catches_a_stale_pin_a_missing_pin_and_a_version_mismatch():
    in_text = "pytest==9.2.0\n"
    txt = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert disagreements(in_text, txt + "\nbleach==6.4.0\n")  # stale
    missing = "\n".join(line for line in txt.splitlines() if not line.lower().startswith("pluggy"))
    assert "pluggy is needed but not pinned" in disagreements(in_text, missing)
    assert any("asks ==9.1.0" in p for p in disagreements("pytest==9.1.0\n", txt))
