"""nDCG@10 on a BEIR collection (SciFact by default) through pressbot's public `Index` API.

Each BEIR document becomes one `Document(title=..., text=...)`; the index cuts it into passages like
any press release, and a document's score is its best passage's score. Nothing here is specific to
SciFact: the same analysis and parameters serve the press releases.

Usage::

    python benchmarks/beir.py                       # ../shared/beir/scifact, test split
    python benchmarks/beir.py --data DIR --k1 1.2 --b 0.75 --json
"""

from __future__ import annotations

import argparse
import csv
import gzip
import inspect
import json
import math
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from retrieval import Document, Hit, Index  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "beir" / "scifact"
PASSAGE_DEPTH = 100  # passages fetched per query before grouping them into documents


def read_corpus(path: Path) -> list[Document]:
    """BEIR's corpus.jsonl(.gz): one document per line with _id, title and text."""
    raw = path.read_bytes()
    lines = (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8").splitlines()
    return [Document(id=str(row["_id"]), title=row.get("title") or "", text=row.get("text") or "", lang="en")
            for row in map(json.loads, lines)]


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    """query id → {document id: relevance} from a BEIR qrels TSV (with its header line)."""
    qrels: dict[str, dict[str, int]] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            qrels.setdefault(row["query-id"], {})[row["corpus-id"]] = int(row["score"])
    return qrels


def read_queries(path: Path, wanted: Iterable[str]) -> dict[str, str]:
    """The texts of the wanted query ids."""
    keep = set(wanted)
    with path.open(encoding="utf-8") as lines:
        rows = (json.loads(line) for line in lines)
        return {str(r["_id"]): r["text"] for r in rows if str(r["_id"]) in keep}


def documents_ranked(hits: Sequence[Hit], k: int) -> list[str]:
    """Documents in the order of their best passage, each once, at most k."""
    ranked: dict[str, None] = {}
    for hit in hits:
        ranked.setdefault(hit.doc_id, None)
        if len(ranked) == k:
            break
    return list(ranked)


def ndcg_at_k(ranked: Sequence[str], relevant: Mapping[str, int], k: int = 10) -> float:
    """nDCG@k with graded gains rel (BEIR/pytrec_eval's linear gain), log2 discount."""
    dcg = sum(relevant.get(doc, 0) / math.log2(i + 2) for i, doc in enumerate(ranked[:k]))
    ideal = sorted(relevant.values(), reverse=True)[:k]
    idcg = sum(rel / math.log2(i + 2) for i, rel in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall_at_k(ranked: Sequence[str], relevant: Mapping[str, int], k: int) -> float:
    wanted = {d for d, rel in relevant.items() if rel > 0}
    return len(wanted & set(ranked[:k])) / len(wanted) if wanted else 0.0


def run(data: Path, split: str = "test", k1: float | None = None, b: float | None = None) -> dict[str, float]:
    """Build the index, search every query of the split, and return the mean metrics and timings."""
    started = time.perf_counter()
    docs = read_corpus(data / "corpus.jsonl.gz" if (data / "corpus.jsonl.gz").exists() else data / "corpus.jsonl")
    qrels = read_qrels(data / "qrels" / f"{split}.tsv")
    queries = read_queries(data / "queries.jsonl", qrels)
    loaded = time.perf_counter()
    defaults = inspect.signature(Index.build).parameters
    index = Index.build(docs, k1=defaults["k1"].default if k1 is None else k1,
                        b=defaults["b"].default if b is None else b)
    built = time.perf_counter()
    ndcg, r100 = [], []
    for qid, text in queries.items():
        ranked = documents_ranked(index.search(text, k=PASSAGE_DEPTH), PASSAGE_DEPTH)
        ndcg.append(ndcg_at_k(ranked, qrels[qid], 10))
        r100.append(recall_at_k(ranked, qrels[qid], 100))
    searched = time.perf_counter()
    return {"queries": len(queries), "documents": len(docs), "passages": len(index),
            "ndcg@10": sum(ndcg) / len(ndcg), "recall@100": sum(r100) / len(r100), "k1": index.k1, "b": index.b,
            "load_s": loaded - started, "build_s": built - loaded, "search_s": searched - built,
            "total_s": searched - started}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="BEIR collection directory")
    parser.add_argument("--split", default="test", help="qrels split (default: test)")
    parser.add_argument("--k1", type=float, help="BM25 k1 (default: the Index's)")
    parser.add_argument("--b", type=float, help="BM25 b (default: the Index's)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"beir: no collection at {args.data}", file=sys.stderr)
        return 2
    result = run(args.data, args.split, args.k1, args.b)
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{args.data.name} {args.split}: nDCG@10 {result['ndcg@10']:.4f}  R@100 {result['recall@100']:.4f}  "
              f"({result['queries']} queries, {result['documents']} docs, {result['passages']} passages; "
              f"k1={result['k1']} b={result['b']}; build {result['build_s']:.1f}s, "
              f"search {result['search_s']:.1f}s, total {result['total_s']:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
