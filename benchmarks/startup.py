"""Start-up: from process start to a service ready to answer, for the bundled corpus, with the saved
index and without it.

Each run is a fresh `python` process that imports the bot, calls `Service.start` on a copy of the
bundled corpus (so the project's own corpus/.index is left alone) and prints a line when ready; the
time is measured from just before the process is spawned to that line. The interpreter's own start
(`python -c pass`) is measured too, for scale.

Usage::

    python -m benchmarks.startup                  # writes benchmarks/results/startup.md
    python -m benchmarks.startup --runs 3 --no-write
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.timing import machine, write_result
from pressbot.retrieval.saved import STORE_DIR

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7
CHILD = """
import sys
from pathlib import Path
from pressbot.bot.core.config import load_config
from pressbot.bot.core.service import Service
service = Service.start(load_config(None, {}, corpus=Path(sys.argv[1])))
print("ready", service.served.loaded, len(service.index.documents), len(service.index), flush=True)
"""


def until_ready(command: Sequence[str]) -> tuple[float, str]:
    """Seconds from spawning the process to its first line of output, and that line."""
    started = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT) as process:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        seconds = time.perf_counter() - started
        process.wait()
    if process.returncode:
        raise RuntimeError(f"{command} failed with status {process.returncode}")
    return seconds, line


def run(runs: int) -> str:
    where = machine()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        shutil.copytree(ROOT / "corpus", corpus, ignore=shutil.ignore_patterns(STORE_DIR))
        command = [sys.executable, "-c", CHILD, str(corpus)]
        python = [until_ready([sys.executable, "-c", "print('ready')"])[0] for _ in range(runs)]
        cold: list[float] = []
        for _ in range(runs):
            shutil.rmtree(corpus / STORE_DIR, ignore_errors=True)
            seconds, line = until_ready(command)
            assert line.startswith("ready False"), line
            cold.append(seconds)
        warm: list[float] = []
        for _ in range(runs):
            seconds, line = until_ready(command)
            assert line.startswith("ready True"), line
            warm.append(seconds)
        _, _, documents, passages = line.split()

    def cell(values: Sequence[float]) -> str:
        return f"{statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f})"

    return (f"# Start-up with the bundled corpus\n\nMeasured {where}.\n\n"
            f"The bundled corpus ({documents} press releases, {passages} passages), copied to a temporary "
            f"directory; {runs} fresh processes each (`python -m benchmarks.startup`). Time from spawning "
            "the process to `Service.start` returning (imports, configuration, corpus read and hashed, "
            "index loaded or built), median of the runs.\n\n| start | time |\n|---|---|\n"
            f"| **with the saved index** | **{cell(warm)}** |\n"
            f"| without it (parse, analyze, index, save) | {cell(cold)} |\n"
            f"| `python -c pass`, for scale | {cell(python)} |\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--no-write", action="store_true", help="print, do not write results/startup.md")
    args = parser.parse_args(argv)
    text = run(args.runs)
    print(text)
    if not args.no_write:
        print(f"written to {write_result('startup', text)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
