"""What masking costs: `mask()` (bot/core/masking.py) per question, against answering the same question
(`Service.ask` on the bundled corpus), both measured in the same run on the same questions. The questions:
the press releases' titles (nothing to mask, the common case), and the same titles with one or two
identifiers added, as people type them (phones, e-mails, FIN codes, passport, card and long numbers).

Usage::

    python -m benchmarks.masking              # writes benchmarks/results/masking.md
    python -m benchmarks.masking --no-write
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Sequence

from benchmarks.timing import RESULTS, machine, ms
from pressbot.bot.core.config import load_config
from pressbot.bot.core.masking import mask
from pressbot.bot.core.service import Service

IDENTIFIERS = ("+994 50 123 45 67", "(050) 987-65-43", "leyla.m@mail.az", "FIN 5ZRT4KL", "AA1234567",
               "AZE 12345678", "4111 1111 1111 1111", "заявление 2024123456", "+7 (495) 123-45-67")
REPEAT = 20  # mask() takes microseconds: each timing is REPEAT calls, divided


def timings(function: Callable[[str], object], questions: Sequence[str], repeat: int) -> list[float]:
    out = []
    for question in questions:
        started = time.perf_counter()
        for _ in range(repeat):
            function(question)
        out.append((time.perf_counter() - started) / repeat)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    service = Service.start(load_config())
    rng = random.Random(11)
    titles = [d.title for d in service.index.documents.values()]
    with_ids = [f"{t} {rng.choice(IDENTIFIERS)}" + (f" {rng.choice(IDENTIFIERS)}" if rng.random() < 0.5 else "")
                for t in titles]
    rows = []
    for name, questions in (("plain questions (titles)", titles), ("with 1-2 identifiers", with_ids)):
        service.ask(questions[0])  # warm caches
        masking = timings(mask, questions, REPEAT)
        answering = timings(service.ask, questions, 1)
        rows.append(f"| {name} | {len(questions)} | {ms(masking, 50) * 1000:.1f} µs | {ms(masking, 95) * 1000:.1f} µs "
                    f"| {ms(answering, 50):.2f} ms | {ms(masking, 50) / ms(answering, 50):.2%} |")
    table = ("| questions | n | mask() p50 | mask() p95 | answering p50 | masking / answering (p50) |\n"
             "|---|---:|---:|---:|---:|---:|\n" + "\n".join(rows) + "\n")
    print(table)
    if not args.no_write:
        path = RESULTS / "masking.md"
        path.write_text(f"# Masking personal identifiers\n\n{machine()}\n\n{table}\n"
                        "- Target: ≤ 0.2 ms p50 per question. mask() timed as the mean of 20 calls per question; "
                        "answering is `Service.ask` (search, compose, render) on the bundled corpus, one call per "
                        "question, in the same run.\n- Text without a digit or an @ is returned at once "
                        "(nothing to mask); otherwise only the tokens around digits and @ are scanned. Before that "
                        "(one regular expression over the whole text) the longest title (252 characters, with a date) "
                        "took 1.6 ms, p95 about 0.7 ms. Command: `python -m benchmarks.masking`.\n", encoding="utf-8")
        print(f"written: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
