"""How long the site takes to build: cold (no caches), warm, and a rebuild under
``mkdocs serve`` after editing one page.

Prints seconds for:

* a cold strict build of both languages in a fresh process (figures drawn, notebooks
  executed, no cache);
* a warm build in a fresh process (caches on disk: what ``make build`` costs again);
* ``mkdocs serve``'s rebuild after one page is saved, as its log reports it ("Documentation
  built in …") and from the file's save to "Reloading browsers" — the number a writer
  feels. Three edits, the median is printed.

Targets from issue 3: cold <= 30 s, rebuild after editing one page <= 3 s, on this 2-core
machine. Timings are noisy on a shared machine: read them with ``uptime``'s load.

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
MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
PAGE = ROOT / "docs" / "06-sigmoid.md"
BUILT = re.compile(r"Documentation built in (?P<s>[0-9.]+) seconds")


def build(site: Path) -> float:
    start = time.perf_counter()
    subprocess.run([*MKDOCS, "build", "--strict", "--quiet", "-d", str(site)], cwd=ROOT, env=ENV, check=True)
    return time.perf_counter() - start


def clear_caches() -> None:
    """Everything the build writes and reuses (the Makefile's `clean` list)."""
    shutil.rmtree(ROOT / ".cache", ignore_errors=True)
    shutil.rmtree(ROOT / "docs" / "assets" / "figures", ignore_errors=True)
    notebooks = ROOT / "docs" / "notebooks"
    for source in notebooks.glob("*.py"):  # the pages, downloads and images built from it
        name = source.stem
        for generated in [*notebooks.glob(f"{name}.md"), *notebooks.glob(f"{name}.*.md"),
                          *notebooks.glob(f"{name}.*.ipynb"), *notebooks.glob(f"{name}-*.png")]:
            generated.unlink()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Serve:
    """``mkdocs serve`` in a subprocess, its log lines timestamped as they arrive."""

    def __init__(self) -> None:
        self.lines: list[tuple[float, str]] = []
        self.proc = subprocess.Popen(
            [*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{free_port()}", "--livereload"],
            cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
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
                raise RuntimeError("mkdocs serve stopped:\n" + "\n".join(l for _, l in self.lines[-20:]))
            time.sleep(0.02)
        tail = "\n".join(line for _, line in self.lines[-15:])
        raise TimeoutError(f"no {pattern!r} from mkdocs serve in {timeout} s; its last lines:\n{tail}")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def serve_rebuilds(edits: int = 3) -> tuple[list[float], list[float]]:
    """(seconds mkdocs reports for each rebuild, seconds from save to browser reload)."""
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
    print(f"{'cold: fresh process, no caches':<44}{cold:>8.2f}{30:>8}")
    print(f"{'warm: fresh process, caches on disk':<44}{warm:>8.2f}{'':>8}")
    print(f"{'serve: rebuild after editing ' + PAGE.name + ' (log)':<44}{statistics.median(reported):>8.2f}{3:>8}")
    print(f"{'serve: save to browser reload':<44}{statistics.median(felt):>8.2f}{'':>8}")
    print(f"serve rebuilds (log): {', '.join(f'{s:.2f}' for s in reported)}; ratio rebuild/cold: "
          f"{statistics.median(reported) / cold:.2f}; load average at the end: {load:.2f}")


if __name__ == "__main__":
    main()
