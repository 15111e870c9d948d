"""How long the site takes to build: cold (no caches), warm, and a rebuild under
``python -m bookbuild serve`` after editing one page.

Prints seconds for:

* a cold strict build of both languages in a fresh process (``python -m bookbuild build``:
  pre-render with figures drawn and notebooks executed, no cache; then MkDocs per language);
* a warm build in a fresh process (caches on disk: what ``make build`` costs again);
* ``serve``'s rebuild after one page is saved, as its log reports it ("rebuilt vi in …":
  pre-render plus the one language's build) and from the file's save to "Reloading
  browsers" — the number a writer feels (it includes the watcher's 0.5 s polling). Three
  edits, the median is printed.

Targets from issue 9: cold no slower than before (23.9 s), rebuild after editing one page
<= 1.5 s, on this 2-core machine. Timings are noisy on a shared machine: read them with
``uptime``'s load.

    .venv/bin/python benchmarks/bench_build.py
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOOKBUILD = [sys.executable, "-m", "bookbuild"]
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
PAGE = ROOT / "docs" / "06-sigmoid.md"
BUILT = re.compile(r"rebuilt (?!nothing)\S.* in (?P<s>[0-9.]+) s")


def build(site: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [*BOOKBUILD, "build", "--site-dir", str(site)],
        cwd=ROOT,
        env=ENV,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def clear_caches() -> None:
    """Everything the build writes and reuses (the Makefile's `clean` list; nothing is in docs/)."""
    for folder in (".cache", "build", "site"):
        shutil.rmtree(ROOT / folder, ignore_errors=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Serve:
    """``python -m bookbuild serve`` in a subprocess, its log lines timestamped as they arrive."""

    def __init__(self) -> None:
        self.lines: list[tuple[float, str]] = []
        self.proc = subprocess.Popen(
            [*BOOKBUILD, "serve", "--port", str(free_port())],
            cwd=ROOT,
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append((time.perf_counter(), line.rstrip()))

    def wait_for(self, pattern: str, after: int, timeout: float = 120) -> tuple[int, float, str]:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            for i in range(after, len(self.lines)):
                if re.search(pattern, self.lines[i][1]):
                    return i, *self.lines[i]
            if self.proc.poll() is not None:
                raise RuntimeError("bookbuild serve stopped:\n" + "\n".join(l for _, l in self.lines[-20:]))
            time.sleep(0.02)
        tail = "\n".join(line for _, line in self.lines[-15:])
        raise TimeoutError(f"no {pattern!r} from bookbuild serve in {timeout} s; its last lines:\n{tail}")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def serve_rebuilds(edits: int = 3) -> tuple[list[float], list[float]]:
    """(seconds serve reports for each rebuild, seconds from save to browser reload)."""
    serve = Serve()
    original = PAGE.read_text(encoding="utf-8")
    reported, felt = [], []
    try:
        i, _, _ = serve.wait_for(r"Serving on", 0)
        for k in range(edits):
            time.sleep(1.5)  # let the watcher settle
            saved = time.perf_counter()
            PAGE.write_text(original + "\n" * (k + 1), encoding="utf-8")
            try:
                i, _, line = serve.wait_for(BUILT.pattern, i + 1, timeout=30)
            except TimeoutError:  # seen once: the watcher missed a save; save again, time from then
                saved = time.perf_counter()
                PAGE.write_text(original + " \n" * (k + 1), encoding="utf-8")
                i, _, line = serve.wait_for(BUILT.pattern, i + 1)
            reported.append(float(BUILT.search(line)["s"]))
            i, when, _ = serve.wait_for(r"Reloading browsers", i)
            felt.append(when - saved)
    finally:
        PAGE.write_text(original, encoding="utf-8")
        serve.stop()
    return reported, felt


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        clear_caches()
        cold = build(site)
        warm = build(site)
    reported, felt = serve_rebuilds()
    load = os.getloadavg()[0]
    print(f"{'build (both languages)':<44}{'seconds':>8}{'target':>8}")
    print(f"{'cold: fresh process, no caches':<44}{cold:>8.2f}{23.9:>8}")
    print(f"{'warm: fresh process, caches on disk':<44}{warm:>8.2f}{'':>8}")
    print(f"{'serve: rebuild after editing ' + PAGE.name + ' (log)':<44}{statistics.median(reported):>8.2f}{1.5:>8}")
    print(f"{'serve: save to browser reload':<44}{statistics.median(felt):>8.2f}{'':>8}")
    print(
        f"serve rebuilds (log): {', '.join(f'{s:.2f}' for s in reported)}; ratio rebuild/cold: "
        f"{statistics.median(reported) / cold:.2f}; load average at the end: {load:.2f}"
    )


if __name__ == "__main__":
    main()
