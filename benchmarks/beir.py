"""nDCG@10 on a BEIR collection (SciFact by default) through pressbot's public `Index` API.

Each BEIR document becomes one `Document(title=..., text=...)`; the index cuts it into passages like
any press release, and a document's score is its best passage's score. The analysis is the bot's; the
BM25 parameters and title weight are either the Index's defaults (what the bot uses) or those chosen on
SciFact's train split (`--tune`), never on the test split that is reported.

Usage::

    python benchmarks/beir.py                       # ../shared/beir/scifact, test split, train-tuned settings
    python benchmarks/beir.py --index-defaults      # the bot's settings
    python benchmarks/beir.py --tune                # re-choose the settings on the train split (minutes)
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
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pressbot.retrieval import Document, Hit, Index  # noqa: E402

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


@dataclass(frozen=True)
class Settings:
    """The Index.build parameters a run uses."""

    k1: float
    b: float
    title_weight: int

    def __str__(self) -> str:
        return f"k1={self.k1} b={self.b} title x{self.title_weight}"


_DEFAULTS = inspect.signature(Index.build).parameters
# What the bot uses: the Index's defaults (rank-bm25's k1 and b, titles counted twice).
INDEX = Settings(_DEFAULTS["k1"].default, _DEFAULTS["b"].default, _DEFAULTS["title_weight"].default)
# Chosen by `--tune` on SciFact's *train* split (809 queries; best train nDCG@10 0.6986), never on test.
TUNED = Settings(k1=1.2, b=0.5, title_weight=3)
GRID = tuple(Settings(k1, b, tw) for tw in (1, 2, 3) for k1 in (0.9, 1.2, 1.5) for b in (0.5, 0.75))


@dataclass(frozen=True)
class Collection:
    documents: list[Document]
    queries: dict[str, str]
    qrels: dict[str, dict[str, int]]


def load(data: Path, split: str) -> Collection:
    corpus = data / "corpus.jsonl.gz"
    docs = read_corpus(corpus if corpus.exists() else data / "corpus.jsonl")
    qrels = read_qrels(data / "qrels" / f"{split}.tsv")
    return Collection(docs, read_queries(data / "queries.jsonl", qrels), qrels)


def score(index: Index, collection: Collection) -> tuple[float, float]:
    """Mean nDCG@10 and recall@100 over the collection's queries."""
    ndcg, r100 = [], []
    for qid, text in collection.queries.items():
        ranked = documents_ranked(index.search(text, k=PASSAGE_DEPTH), PASSAGE_DEPTH)
        ndcg.append(ndcg_at_k(ranked, collection.qrels[qid], 10))
        r100.append(recall_at_k(ranked, collection.qrels[qid], 100))
    return sum(ndcg) / len(ndcg), sum(r100) / len(r100)


def build(collection: Collection, settings: Settings) -> Index:
    return Index.build(collection.documents, k1=settings.k1, b=settings.b, title_weight=settings.title_weight)


def run(data: Path, split: str = "test", settings: Settings = TUNED) -> dict[str, float | str]:
    """Build the index, search every query of the split, and return the mean metrics and timings."""
    started = time.perf_counter()
    collection = load(data, split)
    loaded = time.perf_counter()
    index = build(collection, settings)
    built = time.perf_counter()
    ndcg, r100 = score(index, collection)
    searched = time.perf_counter()
    return {"queries": len(collection.queries), "documents": len(collection.documents), "passages": len(index),
            "ndcg@10": ndcg, "recall@100": r100, "settings": str(settings),
            "load_s": loaded - started, "build_s": built - loaded, "search_s": searched - built,
            "total_s": searched - started}


def tune(data: Path, grid: Sequence[Settings] = GRID) -> list[tuple[Settings, float]]:
    """Train-split nDCG@10 of every setting in the grid, best first (several minutes)."""
    collection = load(data, "train")
    results = [(settings, score(build(collection, settings), collection)[0]) for settings in grid]
    return sorted(results, key=lambda r: -r[1])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="BEIR collection directory")
    parser.add_argument("--split", default="test", help="qrels split (default: test)")
    parser.add_argument("--index-defaults", action="store_true",
                        help=f"use the Index's defaults, as the bot does ({INDEX}) instead of the train-tuned "
                             f"{TUNED}")
    parser.add_argument("--k1", type=float, help="BM25 k1")
    parser.add_argument("--b", type=float, help="BM25 b")
    parser.add_argument("--title-weight", type=int, help="times a title counts")
    parser.add_argument("--tune", action="store_true", help="choose the settings on the train split, then test")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"beir: no collection at {args.data}", file=sys.stderr)
        return 2
    settings = INDEX if args.index_defaults else TUNED
    if args.tune:
        ranking = tune(args.data)
        for candidate, ndcg in ranking:
            print(f"train nDCG@10 {ndcg:.4f}  {candidate}", file=sys.stderr)
        settings = ranking[0][0]
    settings = Settings(settings.k1 if args.k1 is None else args.k1, settings.b if args.b is None else args.b,
                        settings.title_weight if args.title_weight is None else args.title_weight)
    result = run(args.data, args.split, settings)
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{args.data.name} {args.split}: nDCG@10 {result['ndcg@10']:.4f}  R@100 {result['recall@100']:.4f}  "
              f"({result['queries']} queries, {result['documents']} docs, {result['passages']} passages; "
              f"{result['settings']}; build {result['build_s']:.1f}s, search {result['search_s']:.1f}s, "
              f"total {result['total_s']:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
