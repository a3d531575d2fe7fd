"""Import of one saved page: from the page's bytes to a release file in a corpus the size of the bundled
one (173 releases), against parsing the same release's corpus file, measured in the same run.

For each saved page of tests/data/pages (13 articles in en/az/ru): `draft_from_bytes` (reads the corpus's
ids, urls and text fingerprints, extracts the article with trafilatura, reads dates and language) then
`write_release` (atomic write) into a temporary copy of the bundled corpus, then `remove_release`. The
baseline is `parse_document` on the written file's bytes: the work every release costs at each reload.
Stages are timed apart: corpus snapshot, page extraction (`read_page`), write. The first import in the
process (importing trafilatura and lxml) is reported on its own.

Usage::

    python -m benchmarks.import_speed             # writes benchmarks/results/import_speed.md
    python -m benchmarks.import_speed --runs 3 --no-write
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.timing import machine, write_result

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "pages"
RUNS = 5
TARGET_S = 0.5


def _median_ms(values: Sequence[float]) -> float:
    return statistics.median(values) * 1e3


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    from pressbot.retrieval.corpus import parse_document
    from pressbot.retrieval.drafts import (
        CorpusSnapshot,
        DraftError,
        corpus_text,
        draft_from_bytes,
        remove_release,
        write_release,
    )
    from pressbot.retrieval.pages import read_page

    pages = sorted(PAGES.glob("*.html"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        shutil.copytree(ROOT / "corpus", corpus, ignore=shutil.ignore_patterns(".index"))
        releases = len(list(corpus.glob("*.md")))
        first_page = pages[0]
        write_release(draft_from_bytes(first_page.read_bytes(), first_page.name, corpus), corpus)
        cold = time.perf_counter() - started
        shutil.rmtree(corpus)
        shutil.copytree(ROOT / "corpus", corpus, ignore=shutil.ignore_patterns(".index"))

        imports: list[float] = []
        baselines: list[float] = []
        snapshots: list[float] = []
        extractions: list[float] = []
        writes: list[float] = []
        per_page: dict[str, list[float]] = {}
        for _ in range(args.runs):
            for page in pages:
                data = page.read_bytes()
                t0 = time.perf_counter()
                try:
                    draft = draft_from_bytes(data, page.name, corpus)
                except DraftError:
                    continue  # the two bad pages: refused, not imported
                t1 = time.perf_counter()
                target = write_release(draft, corpus)
                t2 = time.perf_counter()
                imports.append(t2 - t0)
                writes.append(t2 - t1)
                per_page.setdefault(page.name, []).append(t2 - t0)
                raw = corpus_text(draft).encode("utf-8")
                t3 = time.perf_counter()
                parse_document(target, raw)
                baselines.append(time.perf_counter() - t3)
                remove_release(draft.doc_id, corpus)
                t4 = time.perf_counter()
                CorpusSnapshot.read(corpus)
                snapshots.append(time.perf_counter() - t4)
                t5 = time.perf_counter()
                read_page(data, page.name)
                extractions.append(time.perf_counter() - t5)

    median_import = _median_ms(imports)
    median_base = _median_ms(baselines)
    slowest = max(per_page.items(), key=lambda item: statistics.median(item[1]))
    lines = [
        "# Import of one saved page",
        "",
        f"Measured {machine()}.",
        "",
        f"{len(per_page)} saved pages of tests/data/pages × {args.runs} runs (`python -m benchmarks.import_speed`), "
        f"each imported into a copy of the bundled corpus ({releases} releases) and removed again. Target: "
        f"≤ {TARGET_S} s per page.",
        "",
        "| what | median | p95 | max |",
        "|---|---|---|---|",
        f"| **import of one saved page** (draft_from_bytes + write_release) | **{median_import:.0f} ms** | "
        f"{sorted(imports)[int(len(imports) * 0.95) - 1] * 1e3:.0f} ms | {max(imports) * 1e3:.0f} ms |",
        f"| of which: reading the corpus's ids, urls, fingerprints | {_median_ms(snapshots):.0f} ms | | |",
        f"| of which: article extraction (read_page: trafilatura, dates, language) | {_median_ms(extractions):.0f} ms"
        " | | |",
        f"| of which: atomic write (temporary file, fsync, rename) | {_median_ms(writes):.1f} ms | | |",
        f"| baseline: parsing the same release's corpus file | {median_base:.2f} ms | | |",
        "",
        f"Import ÷ baseline (medians): **{median_import / median_base:.0f}×**. Slowest page: {slowest[0]} "
        f"({_median_ms(slowest[1]):.0f} ms median). The first import in a fresh process, including importing "
        f"trafilatura and lxml: {cold:.2f} s.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        print(f"written to {write_result('import_speed', text)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
