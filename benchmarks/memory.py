"""Where the memory goes: resident memory after each stage of the service's own path (first start: read,
build, save; restart: load the saved index; serving), for synthetic corpora written as corpus files.

Each stage that has a peak of its own runs in a fresh subprocess: the first start (`Service.start` with no
saved index) and the restart (`Service.start` loading the index the first start saved), which then answers
questions. Figures: wall time, peak RSS of the process, RSS once started (what serving holds), whole-answer
latency (`Service.ask`) on the restarted service.

With `--baseline DIR` (another checkout of pressbot, e.g. `git archive main | tar -x -C DIR`), each size is
also started by that code, on its own copy of the same corpus files, and the restarts alternate
(baseline, this code, baseline, …, `--rounds` each): the whole-answer ratio then compares the two under
the same load.

Usage::

    python -m benchmarks.memory --sizes 10000 100000          # writes benchmarks/results/memory.md
    python -m benchmarks.memory --sizes 10000 --no-write
    python -m benchmarks.memory --sizes 100000 --baseline /tmp/main --rounds 3 --no-write
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.synthetic import questions, write_files
from benchmarks.timing import machine, ms, peak_rss_mib, rss_mib, write_result
from pressbot.bot.core.config import load_config
from pressbot.bot.core.service import Service

SIZES = (10_000, 100_000)
QUERIES = 200


def stage(corpus: Path, queries: int) -> dict[str, Any]:
    """One `Service.start` in this (fresh) process, then `queries` questions if asked for."""
    base = rss_mib()
    started = time.perf_counter()
    service = Service.start(load_config(None, {}, corpus=corpus))
    seconds = time.perf_counter() - started
    gc.collect()
    result: dict[str, Any] = {"seconds": seconds, "loaded": service.served.loaded, "base_mib": base,
                              "rss_mib": rss_mib(), "peak_mib": peak_rss_mib(), "passages": len(service.index)}
    if queries:
        asks = questions(queries)
        for q in asks[:20]:
            service.ask(q)
        times = []
        for q in asks:
            t = time.perf_counter()
            service.ask(q)
            times.append(time.perf_counter() - t)
        result["answer_ms"] = [ms(times, 50), ms(times, 95)]
        result["rss_serving_mib"] = rss_mib()
    return result


def in_subprocess(corpus: Path, queries: int, code: Path | None = None) -> dict[str, Any]:
    """One stage in a fresh process, run by this checkout's code or by the one in `code`."""
    command = [sys.executable, "-m", "benchmarks.memory", "--stage", str(corpus), "--queries", str(queries)]
    out = subprocess.run(command, check=True, capture_output=True, text=True,
                         cwd=code or Path(__file__).parent.parent)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def measure(passages: int, queries: int, baseline: Path | None = None, rounds: int = 1) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_files(corpus, passages)
        before = Path(tmp) / "corpus-baseline"
        if baseline is not None:
            shutil.copytree(corpus, before)
            first_before = in_subprocess(before, 0, baseline)
        first = in_subprocess(corpus, 0)
        restarts: list[dict[str, Any]] = []
        restarts_before: list[dict[str, Any]] = []
        for _ in range(rounds):
            if baseline is not None:
                restarts_before.append(in_subprocess(before, queries, baseline))
            restarts.append(in_subprocess(corpus, queries))
    assert not first["loaded"] and all(r["loaded"] for r in restarts), (first, restarts)
    result = {"size": passages, "first": first, "restart": _median_round(restarts)}
    if baseline is not None:
        result["baseline"] = {"size": passages, "first": first_before, "restart": _median_round(restarts_before)}
        result["rounds"] = [[b["answer_ms"][0], a["answer_ms"][0]] for b, a in zip(restarts_before, restarts,
                                                                                   strict=True)]
    return result


def _median_round(restarts: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The restart whose whole-answer p50 is the median of the rounds'."""
    return sorted(restarts, key=lambda r: float(r["answer_ms"][0]))[len(restarts) // 2]


# The table's rows: a label and the figure of one size's results.
ROWS: tuple[tuple[str, Callable[[dict[str, Any]], str]], ...] = (
    ("passages indexed", lambda r: f"{r['restart']['passages']:,}"),
    ("first start (s)", lambda r: f"{r['first']['seconds']:.1f}"),
    ("first start: peak RSS", lambda r: f"{r['first']['peak_mib']:.0f}"),
    ("first start: RSS once started", lambda r: f"{r['first']['rss_mib']:.0f}"),
    ("restart from the saved index (s)", lambda r: f"{r['restart']['seconds']:.2f}"),
    ("restart: peak RSS (start-up and answering)", lambda r: f"{r['restart']['peak_mib']:.0f}"),
    ("restart: RSS while serving", lambda r: f"{r['restart']['rss_serving_mib']:.0f}"),
    ("whole answer p50 / p95 (ms)", lambda r: " / ".join(f"{v:.3g}" for v in r["restart"]["answer_ms"])),
)


def report(results: Sequence[dict[str, Any]], where: str) -> str:
    """The results as Markdown: one column per corpus size (two with a baseline: baseline, this code)."""
    columns: list[tuple[str, dict[str, Any]]] = []
    for r in results:
        if "baseline" in r:
            columns.append((f"{r['size']:,} baseline", r["baseline"]))
            columns.append((f"{r['size']:,} this code", r))
        else:
            columns.append((f"{r['size']:,}", r))
    table = [["passages (requested)", *(name for name, _ in columns)], ["---"] * (len(columns) + 1)]
    table += [[label, *(cell(r) for _, r in columns)] for label, cell in ROWS]
    for r in results:
        if "rounds" in r:
            rounds = "; ".join(f"{b:.3g} / {a:.3g}" for b, a in r["rounds"])
            ratios = sorted(a / b for b, a in r["rounds"])
            table.append([f"{r['size']:,}: whole answer p50 by round, baseline / this code (ms)", rounds,
                          f"median ratio this / baseline: {ratios[len(ratios) // 2]:.2f}",
                          *[""] * (len(columns) - 2)])
    intro = ("Synthetic corpora (`benchmarks/synthetic.py`) written as corpus files; `python -m benchmarks.memory`. "
             "First start: `Service.start` with no saved index (read, split, analyze, index, save) in a fresh "
             "process; restart: `Service.start` in another fresh process, loading the saved index, then "
             f"{QUERIES} questions through `Service.ask` (whole answer). RSS in MiB.")
    return "\n".join(["# Memory by stage", "", f"Measured {where}.", "", intro, "",
                      *("| " + " | ".join(cells) + " |" for cells in table), ""])


def main(argv: Sequence[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="passages per corpus")
    options.add_argument("--queries", type=int, default=QUERIES, help="questions asked after the restart")
    options.add_argument("--baseline", type=Path, help="another checkout of pressbot to compare with")
    options.add_argument("--rounds", type=int, default=1, help="restarts of each code, alternating")
    options.add_argument("--stage", type=Path, help=argparse.SUPPRESS)  # one start, in a fresh process
    options.add_argument("--no-write", action="store_true", help="print only")
    args = options.parse_args(argv)
    if args.stage is not None:
        print(json.dumps(stage(args.stage, args.queries)))
        return 0
    baseline = args.baseline.resolve() if args.baseline else None
    text = report([measure(size, args.queries, baseline, args.rounds) for size in args.sizes], machine())
    sys.stdout.write(text + "\n")
    if not args.no_write:
        sys.stderr.write(f"written to {write_result('memory', text)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
