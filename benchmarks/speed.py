"""Search at scale: build time, index size, peak memory, search and whole-answer latency for synthetic
corpora of 10k, 100k and 1M passages, with rank-bm25's naive `BM25Okapi.get_scores` as the baseline in
the same run, on the same tokens.

Each size runs in its own subprocess, so its peak memory is its own: the synthetic corpus's files are
written by another process first, then the index is built and saved the way the service does it
(`retrieval.store.open_index`: read, split, analyze, bags, postings, save, serve the saved file). Peak
memory is read before the baseline is built.

Usage::

    python -m benchmarks.speed                           # all sizes; writes benchmarks/results/speed.md
    python -m benchmarks.speed --sizes 10000 --queries 100 --no-write
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from rank_bm25 import BM25Okapi

from benchmarks.synthetic import questions, synonyms, write_files
from benchmarks.timing import machine, ms, peak_rss_mib, rss_mib, write_result
from pressbot.responses.answering import answer_question
from pressbot.responses.render import Renderer
from pressbot.retrieval import Index
from pressbot.retrieval.bags import Bags
from pressbot.retrieval.glossary import Entry as Names
from pressbot.retrieval.glossary import Glossary
from pressbot.retrieval.index import Params
from pressbot.retrieval.keys import analysis_key
from pressbot.retrieval.saved import open_saved, store_path
from pressbot.retrieval.store import open_index

SIZES = (10_000, 100_000, 1_000_000)
QUERIES = 300
# rank-bm25 takes ~2 ms per 1,000 passages per query: a sample keeps the 1M run within minutes.
NAIVE_QUERIES = {10_000: 300, 100_000: 100, 1_000_000: 20}
WARMUP = 20


def tokens(bags: Bags) -> Iterator[list[str]]:
    """Each passage's tokens again, from its bag: rank-bm25 gets exactly what the postings were built from."""
    vocab, offsets, terms, counts = bags.vocabulary, bags.offsets.tolist(), bags.terms.tolist(), bags.counts.tolist()
    for lo, hi in itertools.pairwise(offsets):
        yield [vocab[t] for t, c in zip(terms[lo:hi], counts[lo:hi], strict=True) for _ in range(c)]


def timed(fn: Any, *args: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - started, result


def measure(corpus: Path, queries: int, naive_queries: int) -> dict[str, Any]:
    """Every figure for one corpus directory (run in a fresh process)."""
    rss_start = rss_mib()
    params = Params()
    build_s, opened = timed(open_index, corpus, params)
    assert opened is not None
    index = opened.index
    postings = index.postings
    passages = len(index)
    rss_docs = rss_mib()
    peak_built = peak_rss_mib()  # before the benchmark's own question generation adds its tables
    disk = store_path(corpus).stat().st_size
    postings_bytes = sum(a.nbytes for a in postings.arrays().values())
    asks = questions(queries)
    terms = [index.query_terms(q) for q in asks]
    renderer = Renderer()
    for q in asks[:WARMUP]:
        answer_question(index, q, renderer)
    top_k_s = [timed(postings.top_k, t, 10)[0] for t in terms]
    search_s = [timed(index.search, q, 10)[0] for q in asks]
    replies = [timed(answer_question, index, q, renderer) for q in asks]
    answer_s = [seconds for seconds, _ in replies]
    answered_s = [seconds for seconds, reply in replies if reply.answer.answered]
    # The same questions with vocabulary names (one or two words, two or three names each), same run.
    expanded = Index(index.passages.documents, index.passages, postings,
                     glossary=Glossary.of([Names(tuple(("en", w) for w in names)) for names in synonyms(asks)]))
    expanded_search_s = [timed(expanded.search, q, 10)[0] for q in asks]
    expanded_answer_s = [timed(answer_question, expanded, q, renderer)[0] for q in asks]
    gc.collect()
    rss_serving = rss_mib()
    peak = peak_rss_mib()
    ours = [postings.top_k(t, 10) for t in terms]

    with open_saved(corpus, analysis_key(params.title_weight), verify=False) as saved:
        assert saved is not None
        bags = saved.bags()
    bags_bytes = bags.offsets.nbytes + bags.terms.nbytes + bags.counts.nbytes
    naive_build_s, okapi = timed(BM25Okapi, tokens(bags))
    del bags
    naive_s: list[float] = []
    identical = 0
    max_diff = 0.0
    sample = range(min(naive_queries, len(terms)))
    for i in sample:
        seconds, scores = timed(okapi.get_scores, terms[i])
        order = np.argsort(-scores, kind="stable")[:10]  # ties by passage order, as top_k breaks them
        naive_s.append(seconds)
        ids, values = ours[i]
        expected = [int(j) for j in order if scores[j] > 0]
        identical += ids.tolist() == expected
        if len(ids):
            max_diff = max(max_diff, float(np.abs(scores[ids] - values).max()))
    return {
        "passages": passages, "documents": len(index.documents), "postings": len(postings.passages),
        "vocabulary": len(postings.vocabulary), "rss_start_mib": rss_start, "rss_documents_mib": rss_docs,
        "build_s": build_s, "postings_bytes": postings_bytes, "peak_built_mib": peak_built,
        "bags_bytes": bags_bytes, "disk_bytes": disk, "peak_rss_mib": peak,
        "rss_serving_mib": rss_serving,
        "top_k_ms": [ms(top_k_s, q) for q in (50, 95, 99)], "search_ms": [ms(search_s, q) for q in (50, 95, 99)],
        "answer_ms": [ms(answer_s, q) for q in (50, 95, 99)], "answered_ms": [ms(answered_s, q) for q in (50, 95, 99)],
        "answered": len(answered_s), "queries": len(asks),
        "expanded_search_ms": [ms(expanded_search_s, q) for q in (50, 95, 99)],
        "expanded_answer_ms": [ms(expanded_answer_s, q) for q in (50, 95, 99)],
        "expanded_ratio": ms(expanded_answer_s, 50) / ms(answer_s, 50),
        "naive_build_s": naive_build_s, "naive_ms": [ms(naive_s, q) for q in (50, 95, 99)],
        "naive_queries": len(naive_s), "identical_top10": identical, "max_score_diff": max_diff,
        "speedup_top_k": ms(naive_s, 50) / ms(top_k_s[: len(naive_s)], 50),
        "speedup_search": ms(naive_s, 50) / ms(search_s, 50),
    }


def run_in_subprocess(passages: int, queries: int, naive_queries: int) -> dict[str, Any]:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_files(corpus, passages)
        command = [sys.executable, "-m", "benchmarks.speed", "--one", str(corpus), "--queries", str(queries),
                   "--naive-queries", str(naive_queries)]
        out = subprocess.run(command, check=True, capture_output=True, text=True,
                             cwd=Path(__file__).parent.parent)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    result["wall_s"] = time.perf_counter() - started
    return result


def report(results: Sequence[dict[str, Any]], where: str) -> str:
    """The results as Markdown."""
    def row(label: str, cells: Sequence[str]) -> str:
        return f"| {label} | " + " | ".join(cells) + " |"

    def trio(values: Sequence[float]) -> str:
        return " / ".join(f"{v:.3g}" for v in values)

    head = row("passages", [f"{r['passages']:,}" for r in results])
    lines = [
        "# Search speed and scale", "", f"Measured {where}.", "",
        "Synthetic corpus (`benchmarks/synthetic.py`, seed 1): Zipf–Mandelbrot pseudo-words fitted to the "
        "bundled English releases (vocabulary growth, share of terms in over half/a quarter/a tenth of the "
        "passages), 42% English stopwords, one passage per paragraph (median ~67 words). Questions "
        "(\"What about …?\", 5–10 words) are calibrated on the term document frequencies of "
        "../shared/qa-dev.yaml's questions: ~7 known terms, a fifth of them in over a tenth of the "
        "passages, most in under 3%; the words of a synthetic question are independent, so they co-occur "
        "less than a real question's and fewer questions are answered. "
        "Latencies are per question, single-threaded, in milliseconds, p50 / p95 / p99. "
        "`top_k` is the postings ranking alone (query terms in, top 10 out); `search` adds question "
        "analysis and building the hits; the whole answer adds composing and rendering "
        "(`responses.answering.answer_question` with a `Renderer`). The baseline is rank-bm25 0.2.2's "
        "`BM25Okapi.get_scores` plus a stable argsort for the top 10, on the same tokens.", "",
        head, "|" + "---|" * (len(results) + 1),
        row("documents", [f"{r['documents']:,}" for r in results]),
        row("postings (distinct term–passage pairs)", [f"{r['postings']:,}" for r in results]),
        row("vocabulary", [f"{r['vocabulary']:,}" for r in results]),
        row("build: read + split + analyze + bags + postings + save (s)", [f"{r['build_s']:.1f}" for r in results]),
        row("postings arrays in memory (MiB)", [f"{r['postings_bytes'] / 2**20:.1f}" for r in results]),
        row("bags arrays, kept until saved (MiB)", [f"{r['bags_bytes'] / 2**20:.1f}" for r in results]),
        row("saved index on disk (MiB)", [f"{r['disk_bytes'] / 2**20:.1f}" for r in results]),
        row("RSS once built (MiB)", [f"{r['rss_documents_mib']:.0f}" for r in results]),
        row("RSS while serving (MiB)", [f"{r['rss_serving_mib']:.0f}" for r in results]),
        row("**peak RSS once built and serving (MiB)**", [f"**{r['peak_built_mib']:.0f}**" for r in results]),
        row("peak RSS, whole process, with the benchmark's question generation (MiB)",
            [f"{r['peak_rss_mib']:.0f}" for r in results]),
        row("top_k (ms)", [trio(r["top_k_ms"]) for r in results]),
        row("search (ms)", [trio(r["search_ms"]) for r in results]),
        row("**whole answer (ms)**", [f"**{trio(r['answer_ms'])}**" for r in results]),
        row("questions answered (the rest abstain: no passage covers enough of the question)",
            [f"{r['answered']}/{r['queries']}" for r in results]),
        row("whole answer, answered questions only (ms)", [trio(r["answered_ms"]) for r in results]),
        row("expanded question (vocabulary names): search (ms)", [trio(r["expanded_search_ms"]) for r in results]),
        row("**expanded question: whole answer (ms)**", [f"**{trio(r['expanded_answer_ms'])}**" for r in results]),
        row("expanded / plain whole answer, p50", [f"{r['expanded_ratio']:.2f}×" for r in results]),
        row("naive rank-bm25 get_scores + top 10 (ms)", [trio(r["naive_ms"]) for r in results]),
        row("naive: questions timed", [str(r["naive_queries"]) for r in results]),
        row("naive: BM25Okapi construction (s)", [f"{r['naive_build_s']:.1f}" for r in results]),
        row("**speedup, p50 naive / p50 top_k**", [f"**{r['speedup_top_k']:.0f}×**" for r in results]),
        row("speedup, p50 naive / p50 search", [f"{r['speedup_search']:.0f}×" for r in results]),
        row("**top 10 identical to naive**", [f"**{r['identical_top10']}/{r['naive_queries']}**" for r in results]),
        row("max score difference", [f"{r['max_score_diff']:.1e}" for r in results]),
        row("subprocess wall time (s)", [f"{r['wall_s']:.0f}" for r in results]),
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--queries", type=int, default=QUERIES)
    parser.add_argument("--naive-queries", type=int, default=None, help="default: by size")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # the per-size subprocess, on a corpus
    parser.add_argument("--no-write", action="store_true", help="print, do not write results/speed.md")
    args = parser.parse_args(argv)
    if args.one:
        naive = args.naive_queries if args.naive_queries is not None else 20
        print(json.dumps(measure(args.one, args.queries, naive)))
        return 0
    where = machine()
    results = []
    for size in args.sizes:
        naive = args.naive_queries if args.naive_queries is not None else NAIVE_QUERIES.get(size, 20)
        results.append(run_in_subprocess(size, args.queries, naive))
        print(json.dumps(results[-1]), file=sys.stderr)
    text = report(results, where)
    print(text)
    if not args.no_write:
        print(f"written to {write_result('speed', text)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
