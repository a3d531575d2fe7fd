"""Reload of 10,000 press releases through `Service.reload`, as an admin's /reload runs it.

Synthetic releases (`benchmarks/synthetic.py`) are written as corpus files to a temporary directory;
then, in this one process: the first start (no saved index: everything parsed, analyzed and saved), a
restart (saved index loaded), reloads with no change, with one release added, with 100 releases edited,
and with the saved index deleted (everything re-read and re-analyzed: the worst case), and the latency
of questions asked while a full reload runs on a worker thread.

Usage::

    python -m benchmarks.reload                    # writes benchmarks/results/reload.md
    python -m benchmarks.reload --releases 2000 --no-write
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.synthetic import documents, markdown, questions, write_corpus
from benchmarks.timing import machine, ms, write_result
from pressbot.bot.core.config import load_config
from pressbot.bot.core.service import ReloadResult, Service
from pressbot.retrieval import Document
from pressbot.retrieval.saved import STORE_DIR

RELEASES = 10_000
REPEAT = 5


def timed_reload(service: Service, change: Callable[[], None]) -> tuple[float, ReloadResult]:
    """Change the corpus, then time one reload."""
    change()
    started = time.perf_counter()
    result = service.reload()
    seconds = time.perf_counter() - started
    assert result.ok and result.changed, result
    return seconds, result


def edit(corpus: Path, doc: Document, n: int) -> None:
    """Append a sentence to a release's file, as an admin correcting it would."""
    path = corpus / f"{doc.id}.md"
    path.write_text(markdown(doc) + f"Correction number {n}.\n", encoding="utf-8")


def run(releases: int) -> str:
    where = machine()
    docs = list(itertools.islice(documents(releases * 8), releases + 100))
    extra, docs = docs[releases:], docs[:releases]
    lines: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, docs)
        size = sum(p.stat().st_size for p in corpus.glob("*.md"))
        config = load_config(None, {}, corpus=corpus)

        started = time.perf_counter()
        service = Service.start(config)
        first = time.perf_counter() - started
        passages = len(service.index)
        assert not service.served.loaded
        lines.append(("first start, no saved index (parse, split, analyze, index, save)", f"{first:.2f} s"))

        starts = []
        for _ in range(REPEAT):
            started = time.perf_counter()
            restarted = Service.start(config)
            starts.append(time.perf_counter() - started)
            assert restarted.served.loaded
        lines.append(("restart with the saved index (median)", f"{statistics.median(starts):.2f} s"))

        unchanged = []
        for _ in range(REPEAT):
            started = time.perf_counter()
            assert not service.reload().changed
            unchanged.append(time.perf_counter() - started)
        lines.append(("reload, no file changed (median)", f"{statistics.median(unchanged):.2f} s"))

        new = iter(extra)

        def add_one() -> None:
            write_corpus(corpus, [next(new)])

        added = [timed_reload(service, add_one)[0] for _ in range(REPEAT)]
        lines.append(("**reload after adding one release** (median of "
                      f"{REPEAT}: {', '.join(f'{s:.2f}' for s in added)})", f"**{statistics.median(added):.2f} s**"))

        counter = itertools.count()

        def edit_hundred() -> None:
            n = next(counter)
            for doc in docs[:100]:
                edit(corpus, doc, n)

        edited = [timed_reload(service, edit_hundred)[0] for _ in range(3)]
        lines.append(("reload after editing 100 releases (median of 3)", f"{statistics.median(edited):.2f} s"))

        def cold() -> None:
            shutil.rmtree(corpus / STORE_DIR)
            edit(corpus, docs[-1], next(counter))

        full = [timed_reload(service, cold)[0] for _ in range(2)]
        lines.append(("reload with no saved index: everything re-read and re-analyzed (median of 2)",
                      f"{statistics.median(full):.2f} s"))

        asked: list[float] = []
        cold()
        reloader = threading.Thread(target=service.reload)
        reloader.start()
        for question in itertools.cycle(questions(50)):
            if not reloader.is_alive():
                break
            started = time.perf_counter()
            service.ask(question)
            asked.append(time.perf_counter() - started)
        reloader.join()
        lines.append(("questions answered during that full reload on a worker thread",
                      f"{len(asked)}, p50 {ms(asked, 50):.1f} ms, p95 {ms(asked, 95):.1f} ms"))
    return report(where, releases, passages, size, lines)


def report(where: str, releases: int, passages: int, size: int, lines: Sequence[tuple[str, str]]) -> str:
    table = "\n".join(f"| {label} | {value} |" for label, value in lines)
    return (f"# Reload of {releases:,} press releases\n\nMeasured {where}.\n\n"
            f"{releases:,} synthetic releases ({passages:,} passages, {size / 2**20:.0f} MiB of Markdown with "
            "front matter) in a temporary corpus directory; every figure is the wall time of "
            "`Service.start` or `Service.reload` in one process (`python -m benchmarks.reload`). A reload "
            "hashes every file, re-parses, splits and analyzes only files whose bytes changed (the saved "
            "index holds the others' documents, passages and term bags), rebuilds the postings and saves "
            "the index.\n\n| step | time |\n|---|---|\n" + table + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--releases", type=int, default=RELEASES)
    parser.add_argument("--no-write", action="store_true", help="print, do not write results/reload.md")
    args = parser.parse_args(argv)
    text = run(args.releases)
    print(text)
    if not args.no_write:
        print(f"written to {write_result('reload', text)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
