"""BM25 scoring: rank-bm25's Okapi model, served from precomputed impacts instead of per-query loops.

rank-bm25 defines the model: `BM25Okapi` computes the corpus statistics and the idf (with its epsilon
floor for negative idf), and its `get_scores` formula defines each score. We keep that, but replace
its per-document dictionaries by a term → (passage, impact) postings structure, so a query costs one
vectorised sum over its terms' postings plus a partial sort.

Usage::

    >>> model = Postings.build([["iom", "geneva"], ["iom", "baku"], ["mexico"]], k1=1.5, b=0.75)
    >>> [int(i) for i in model.top_k(["geneva"], 2)[0]]
    [0]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from rank_bm25 import BM25Okapi

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


class _OkapiStatistics(BM25Okapi):  # type: ignore[misc]
    """rank-bm25's BM25Okapi, minus the per-document dicts that cost gigabytes at a million passages.

    `BM25.__init__` calls `_initialize(corpus)` for the document frequencies and then BM25Okapi's own
    `_calc_idf(nd)`; we override only the first, to also collect (term, passage, tf) triples as arrays.
    """

    def __init__(self, corpus: Sequence[Sequence[str]], k1: float, b: float, epsilon: float) -> None:
        self.vocabulary: dict[str, int] = {}
        self.term_ids: IntArray = np.zeros(0, dtype=np.int64)
        self.passage_ids: IntArray = np.zeros(0, dtype=np.int64)
        self.tfs: FloatArray = np.zeros(0, dtype=np.float64)
        super().__init__(corpus, k1=k1, b=b, epsilon=epsilon)

    def _initialize(self, corpus: Sequence[Sequence[str]]) -> dict[str, int]:
        vocabulary = self.vocabulary
        ids: list[int] = []
        lengths = np.fromiter((len(doc) for doc in corpus), dtype=np.int64, count=len(corpus))
        for doc in corpus:
            ids.extend([vocabulary.setdefault(term, len(vocabulary)) for term in doc])
        owner = np.repeat(np.arange(len(corpus), dtype=np.int64), lengths)
        vocab_size = max(len(vocabulary), 1)
        keys = np.unique(owner * vocab_size + np.asarray(ids, dtype=np.int64), return_counts=True)
        self.passage_ids = keys[0] // vocab_size
        self.term_ids = keys[0] % vocab_size
        self.tfs = keys[1].astype(np.float64)
        df = np.bincount(self.term_ids, minlength=len(vocabulary))
        self.doc_len = lengths.tolist()
        self.corpus_size = len(corpus)
        total = int(lengths.sum())
        self.avgdl = total / self.corpus_size if self.corpus_size else 0.0
        self.doc_freqs: list[dict[str, int]] = []  # not kept: the postings arrays replace them
        return {term: int(df[i]) for term, i in vocabulary.items()}

    def _calc_idf(self, nd: dict[str, int]) -> None:
        if not nd:  # rank-bm25 divides by len(idf): an all-empty corpus has no terms at all
            self.average_idf = 0.0
            return
        super()._calc_idf(nd)


@dataclass(frozen=True)
class Postings:
    """Per-term postings with BM25 impacts; scores equal `BM25Okapi.get_scores` for the same tokens."""

    vocabulary: dict[str, int]
    offsets: IntArray  # postings of term t are [offsets[t], offsets[t + 1])
    passages: npt.NDArray[np.int32]
    impacts: FloatArray
    size: int
    k1: float
    b: float
    epsilon: float
    idf: FloatArray
    avgdl: float

    @classmethod
    def build(cls, corpus: Sequence[Sequence[str]], k1: float = 1.5, b: float = 0.75,
              epsilon: float = 0.25) -> Postings:
        """Compute rank-bm25's statistics for tokenized passages and turn them into impact postings."""
        model = _OkapiStatistics(corpus, k1=k1, b=b, epsilon=epsilon)
        vocab = model.vocabulary
        idf = np.zeros(len(vocab), dtype=np.float64)
        for term, i in vocab.items():
            idf[i] = model.idf[term]
        doc_len = np.asarray(model.doc_len, dtype=np.float64)
        avgdl = model.avgdl or 1.0  # every passage empty: no postings, any value will do
        order = np.argsort(model.term_ids, kind="stable")
        terms = model.term_ids[order]
        passages = model.passage_ids[order]
        tf = model.tfs[order]
        # The same expression, in the same order of operations, as BM25Okapi.get_scores.
        norm = tf + k1 * (1 - b + b * doc_len[passages] / avgdl)
        impacts = idf[terms] * (tf * (k1 + 1) / norm)
        offsets = np.zeros(len(vocab) + 1, dtype=np.int64)
        np.cumsum(np.bincount(terms, minlength=len(vocab)), out=offsets[1:])
        return cls(vocabulary=dict(vocab), offsets=offsets, passages=passages.astype(np.int32),
                   impacts=impacts, size=len(corpus), k1=k1, b=b, epsilon=epsilon, idf=idf,
                   avgdl=float(avgdl))

    def term_weights(self, query: Sequence[str]) -> dict[int, int]:
        """Known query terms with how often each occurs: rank-bm25 adds a repeated term once per occurrence."""
        counts: dict[int, int] = {}
        for term in query:
            tid = self.vocabulary.get(term)
            if tid is not None:
                counts[tid] = counts.get(tid, 0) + 1
        return counts

    def term_idf(self, term: str) -> float:
        """A term's idf; a term absent from the corpus gets the idf of a term in no passage."""
        tid = self.vocabulary.get(term)
        if tid is None:
            return float(np.log(self.size + 0.5) - np.log(0.5))
        return float(self.idf[tid])

    def contains(self, term: str, passage: int) -> bool:
        """Whether a passage has a term (binary search in the term's sorted postings)."""
        tid = self.vocabulary.get(term)
        if tid is None:
            return False
        lo, hi = int(self.offsets[tid]), int(self.offsets[tid + 1])
        pos = lo + int(np.searchsorted(self.passages[lo:hi], passage))
        return pos < hi and int(self.passages[pos]) == passage

    def scores(self, query: Sequence[str]) -> FloatArray:
        """Dense scores for every passage, as `BM25Okapi.get_scores(query)` would return them."""
        scores = np.zeros(self.size, dtype=np.float64)
        for tid, count in self.term_weights(query).items():
            lo, hi = self.offsets[tid], self.offsets[tid + 1]
            scores[self.passages[lo:hi]] += self.impacts[lo:hi] * count
        return scores

    def top_k(self, query: Sequence[str], k: int) -> tuple[IntArray, FloatArray]:
        """The k best passages (ties broken by passage order) with their scores, best first."""
        if self.size == 0 or k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        counts = self.term_weights(query)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        slices = [(self.offsets[t], self.offsets[t + 1], c) for t, c in counts.items()]
        idx = np.concatenate([self.passages[lo:hi] for lo, hi, _ in slices]).astype(np.int64)
        weights = np.concatenate([self.impacts[lo:hi] * c for lo, hi, c in slices])
        if len(slices) == 1:
            cand, cand_scores = idx, weights
        else:
            cand = np.unique(idx)
            cand_scores = np.bincount(idx, weights=weights, minlength=self.size)[cand]
        if len(cand_scores) and cand_scores.min() < 0:
            # Passages without a query term score 0, so with negative idf they outrank matches:
            # rank everything, as rank-bm25 would.
            return _best(np.arange(self.size, dtype=np.int64), self.scores(query), k)
        return _best(cand, cand_scores, k)

    def arrays(self) -> dict[str, Any]:
        """Everything needed to rebuild the postings, for saving with numpy."""
        return {"offsets": self.offsets, "passages": self.passages, "impacts": self.impacts,
                "idf": self.idf}


def _best(ids: IntArray, scores: FloatArray, k: int) -> tuple[IntArray, FloatArray]:
    """Top k of (ids, scores) by score descending, ties by ascending id, in O(n + k log k)."""
    if len(ids) > k:
        part = np.argpartition(-scores, k - 1)[:k]
        kth = scores[part].min()
        # Keep every tie with the k-th score so the tie-break below sees all of them.
        part = np.flatnonzero(scores >= kth)
        ids, scores = ids[part], scores[part]
    order = np.lexsort((ids, -scores))[:k]
    return ids[order], scores[order]

