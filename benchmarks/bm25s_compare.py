"""The stretch comparison: our top_k against bm25s with its numba backend, on the same tokens and questions.

bm25s is not a dependency of pressbot: give the Python of an environment that has it
(`python -m venv /tmp/bm25s && /tmp/bm25s/bin/pip install bm25s numba scipy`). This process builds the
synthetic corpus, times `Postings.top_k` one question at a time (as the bot serves them) and writes the
tokens to a temporary file; the other Python indexes them with bm25s and times `retrieve` both for all
questions in one call (its best case) and one question per call. bm25s's "robertson" idf has no
epsilon floor, so its top 10 overlaps ours without being equal: this compares speed only.

Usage::

    python -m benchmarks.bm25s_compare --python /tmp/bm25s/bin/python     # writes results/bm25s.md
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
import time
from collections.abc import Sequence

from benchmarks.synthetic import documents, questions
from benchmarks.timing import machine, ms, write_result
from pressbot.retrieval import Index
from pressbot.retrieval.index import passage_terms

SIZES = (10_000, 100_000)
QUERIES = 300
CHILD = """
import json, sys, time
import bm25s, numpy as np
data = json.load(open(sys.argv[1]))
vocab = {}
ids = [[vocab.setdefault(t, len(vocab)) for t in doc] for doc in data["tokens"]]
model = bm25s.BM25(method="robertson", k1=1.5, b=0.75, backend="numba")
model.index(bm25s.tokenization.Tokenized(ids=ids, vocab=vocab), show_progress=False)
asks = [[vocab[t] for t in q if t in vocab] or [0] for q in data["queries"]]
def run(batch):
    return model.retrieve(bm25s.tokenization.Tokenized(ids=batch, vocab=vocab), k=10, n_threads=1,
                          show_progress=False, backend_selection="numba")
run(asks[:5])  # numba compiles on the first call
started = time.perf_counter(); run(asks); batched = (time.perf_counter() - started) / len(asks)
single = []
for ask in asks:
    started = time.perf_counter(); run([ask]); single.append(time.perf_counter() - started)
print(json.dumps({"batched_s": batched, "single_s": single}))
"""


def measure(passages: int, python: str) -> dict[str, float]:
    index = Index.build(documents(passages))
    asks = [index.query_terms(q) for q in questions(QUERIES)]
    for terms in asks[:20]:
        index.postings.top_k(terms, 10)
    ours = []
    for terms in asks:
        started = time.perf_counter()
        index.postings.top_k(terms, 10)
        ours.append(time.perf_counter() - started)
    with tempfile.NamedTemporaryFile("w", suffix=".json") as data:
        json.dump({"tokens": [passage_terms(p, index.title_weight) for p in index.passages], "queries": asks}, data)
        data.flush()
        out = subprocess.run([python, "-c", CHILD, data.name], check=True, capture_output=True, text=True)
    theirs = json.loads(out.stdout.strip().splitlines()[-1])
    return {"passages": passages, "ours_p50": ms(ours, 50), "bm25s_batched": theirs["batched_s"] * 1e3,
            "bm25s_single_p50": ms(theirs["single_s"], 50)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", required=True, help="a Python that can import bm25s and numba")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    where = machine()
    rows = [measure(n, args.python) for n in args.sizes]
    lines = [f"| {r['passages']:,} | {r['ours_p50']:.3f} | {r['bm25s_batched']:.3f} | {r['bm25s_single_p50']:.3f} | "
             f"{r['ours_p50'] / r['bm25s_batched']:.1f}× | {r['bm25s_single_p50'] / r['ours_p50']:.1f}× |"
             for r in rows]
    text = (f"# top_k against bm25s (numba backend)\n\nMeasured {where}; bm25s "
            f"{_version(args.python)}.\n\nSame synthetic passages and {QUERIES} questions as "
            "`benchmarks/speed.py`, tokens from pressbot's analyzer given to both; milliseconds per question, "
            "one thread. bm25s answers a batch of questions in one call fastest; a bot answers them one at "
            "a time.\n\n| passages | ours, top_k p50 | bm25s, all questions in one call, mean | bm25s, one "
            "question a call, p50 | ours / bm25s batched | bm25s one-a-call / ours |\n|---|---|---|---|---|---|\n"
            + "\n".join(lines) + "\n")
    print(text)
    if not args.no_write:
        print(f"written to {write_result('bm25s', text)}")
    return 0


def _version(python: str) -> str:
    out = subprocess.run([python, "-c", "import bm25s, numba; print(bm25s.__version__, 'numba', numba.__version__)"],
                         capture_output=True, text=True)
    return out.stdout.strip() or "?"


if __name__ == "__main__":
    raise SystemExit(main())
