"""BM25 scoring: rank-bm25's Okapi model, served from precomputed impacts instead of per-query loops.

rank-bm25 defines the model: `BM25Okapi` computes the corpus statistics and the idf (with its epsilon
floor for negative idf), and its `get_scores` formula defines each score. We keep that, but replace
its per-document dictionaries by two arrays-only structures:

- `Bags` (bags.py): each passage's distinct terms and their counts (a forward index): all BM25 needs
  of a passage, compact enough to save, so that a reload analyzes only the files that changed;
- `Postings`: term → (passage, impact) in CSR form, so a query costs vectorised sums over its
  terms' postings plus a partial sort, instead of rank-bm25's Python loop over every passage per term.

Usage::

    >>> model = Postings.build([["iom", "geneva"], ["iom", "baku"], ["mexico"]], k1=1.5, b=0.75)
    >>> [int(i) for i in model.top_k(["geneva"], 2)[0]]
    [0]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple

import numpy as np
from rank_bm25 import BM25Okapi

from pressbot.retrieval.bags import Bags, BoolArray, FloatArray, Int32Array, IntArray, term_major

# A query whose postings are fewer than size / _SPARSE is summed by sorting its postings; larger ones
# by adding into a dense array of every passage (the crossover measured on the synthetic corpus).
_SPARSE = 64
# Terms whose largest impacts add up to at most this share of the k-th best score's floor are only looked
# up for the passages that can still make the top k (see _best_pruned).
_LAZY = 0.5
# Postings sampled to find a floor for the k-th best score.
_SAMPLE = 1024
# A lazy term with at most _GATHER times as many postings as there are candidates left is read for them through an
# array of every passage (_gather), not by a binary search per candidate (measured at a million passages).
_GATHER = 16
# A term in more than size / _LONG passages is added with bincount (O(size)); shorter ones by indexing.
_LONG = 8


class _OkapiStatistics(BM25Okapi):  # type: ignore[misc]
    """rank-bm25's BM25Okapi, minus the per-document dicts that cost gigabytes at a million passages.

    `BM25.__init__` calls `_initialize(corpus)` for the document frequencies and then BM25Okapi's own
    `_calc_idf(nd)`; we override the first to take the statistics from the bags' arrays.
    """

    def __init__(self, bags: Bags, df: IntArray, k1: float, b: float, epsilon: float) -> None:
        self._df = df  # each term's document frequency, counted once by the caller
        super().__init__(bags, k1=k1, b=b, epsilon=epsilon)

    def _initialize(self, bags: Bags) -> dict[str, int]:
        lengths = bags.lengths()
        self.doc_len = lengths  # an array where rank-bm25 keeps a list: get_scores is never called here
        self.corpus_size = len(bags)
        self.avgdl = int(lengths.sum()) / self.corpus_size if self.corpus_size else 0.0
        self.doc_freqs: list[dict[str, int]] = []  # not kept: the bags replace them
        df = self._df
        # The same insertion order as rank-bm25's dict: terms in order of first occurrence.
        return dict(zip(bags.vocabulary, df.tolist(), strict=True))

    def _calc_idf(self, nd: dict[str, int]) -> None:
        if not nd:  # rank-bm25 divides by len(idf): an all-empty corpus has no terms at all
            self.average_idf = 0.0
            return
        super()._calc_idf(nd)


@dataclass(frozen=True)
class Impacts:
    """rank-bm25's statistics and idf for a set of bags, and the impact postings they give, made a range of
    terms at a time in their final order: a build writes them out as they are made (saved.py) instead of
    holding every posting (476 MiB at a million passages) beside the bags."""

    bags: Bags
    k1: float
    b: float
    epsilon: float
    idf: FloatArray
    doc_len: FloatArray
    avgdl: float
    offsets: IntArray  # postings of term t are [offsets[t], offsets[t + 1])

    @classmethod
    def of(cls, bags: Bags, k1: float = 1.5, b: float = 0.75, epsilon: float = 0.25) -> Impacts:
        df = np.bincount(bags.terms, minlength=len(bags.vocabulary))  # counted once: statistics, offsets, ranges
        model = _OkapiStatistics(bags, df, k1=k1, b=b, epsilon=epsilon)
        # rank-bm25's idf dict is in the bags' vocabulary order (it floors values in place).
        idf = np.fromiter(model.idf.values(), dtype=np.float64, count=len(model.idf))
        offsets = np.zeros(len(idf) + 1, dtype=np.int64)
        np.cumsum(df, out=offsets[1:])
        avgdl = model.avgdl or 1.0  # every passage empty: no postings, any value will do
        return cls(bags, k1, b, epsilon, idf, model.doc_len.astype(np.float64), float(avgdl), offsets)

    def __len__(self) -> int:
        return len(self.bags.terms)

    def chunks(self) -> Iterator[tuple[Int32Array, FloatArray]]:
        """The postings' passages and impacts, in order (by term, then passage), a range of terms at a time."""
        for terms, rows, counts in term_major(self.bags, ends=self.offsets[1:]):
            yield rows.astype(np.int32), self._impacts(terms, rows, counts)

    def _impacts(self, terms: Int32Array, rows: IntArray, counts: Int32Array) -> FloatArray:
        k1, b = self.k1, self.b
        tf = counts.astype(np.float64)
        # The same expression, in the same order of operations, as BM25Okapi.get_scores.
        norm = tf + k1 * (1 - b + b * self.doc_len[rows] / self.avgdl)
        impacts: FloatArray = self.idf[terms] * (tf * (k1 + 1) / norm)
        return impacts

    def postings(self) -> Postings:
        """The postings, in memory."""
        passages = np.empty(len(self), dtype=np.int32)
        impacts = np.empty(len(self), dtype=np.float64)
        place = 0
        for rows, values in self.chunks():
            passages[place : place + len(rows)] = rows
            impacts[place : place + len(rows)] = values
            place += len(rows)
        return Postings(vocabulary=dict(zip(self.bags.vocabulary, range(len(self.idf)), strict=True)),
                        offsets=self.offsets, passages=passages, impacts=impacts, size=len(self.bags),
                        k1=self.k1, b=self.b, epsilon=self.epsilon, idf=self.idf, avgdl=self.avgdl)


def _find(postings: Int32Array, passages: IntArray) -> tuple[IntArray, BoolArray]:
    """Where each of the given passages would stand in a term's (ascending, non-empty) postings, and whether it is
    there; the passages searched as int32, the postings' type (int64 needles would copy the postings to int64)."""
    needles = passages.astype(np.int32, copy=False)
    where: IntArray = np.minimum(postings.searchsorted(needles), len(postings) - 1)
    found: BoolArray = postings[where] == needles
    return where, found


@dataclass(frozen=True)
class Postings:
    """Per-term postings with BM25 impacts; scores equal `BM25Okapi.get_scores` for the same tokens."""

    vocabulary: dict[str, int]
    offsets: IntArray  # postings of term t are [offsets[t], offsets[t + 1]), by ascending passage
    passages: Int32Array
    impacts: FloatArray
    size: int
    k1: float
    b: float
    epsilon: float
    idf: FloatArray
    avgdl: float

    @classmethod
    def build(cls, corpus: Iterable[Sequence[str]], k1: float = 1.5, b: float = 0.75,
              epsilon: float = 0.25) -> Postings:
        """Compute rank-bm25's statistics for tokenized passages and turn them into impact postings."""
        return cls.from_bags(Bags.from_tokens(corpus), k1=k1, b=b, epsilon=epsilon)

    @classmethod
    def from_bags(cls, bags: Bags, k1: float = 1.5, b: float = 0.75, epsilon: float = 0.25) -> Postings:
        """rank-bm25's statistics and idf for the passages' bags, turned into impact postings."""
        return Impacts.of(bags, k1=k1, b=b, epsilon=epsilon).postings()

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
        postings = self.passages[self.offsets[tid] : self.offsets[tid + 1]]
        # An int32 needle: with a Python int numpy copies the postings to int64 first (O(postings), 300 us
        # at a million); the method: np.searchsorted's wrapper doubles the cost.
        pos = postings.searchsorted(np.int32(passage))
        return bool(pos < len(postings) and postings[pos] == passage)

    def scores(self, query: Sequence[str]) -> FloatArray:
        """Dense scores for every passage, as `BM25Okapi.get_scores(query)` would return them."""
        scores = np.zeros(self.size, dtype=np.float64)
        for tid, count in self.term_weights(query).items():
            lo, hi = self.offsets[tid], self.offsets[tid + 1]
            scores[self.passages[lo:hi]] += self.impacts[lo:hi] * count
        return scores

    def top_k(self, query: Sequence[str], k: int) -> tuple[IntArray, FloatArray]:
        """The k best passages containing a query term (ties by passage order) with their scores, best first.

        One term: its own postings. Few postings: summed by sorting them. Otherwise the terms that
        cannot change the top k are only looked up (_best_pruned), or every term is added into an array
        of all passages (_best_dense). In a corpus so small that rank-bm25's idf floor is negative,
        passages without the term outrank those with it, and every passage is ranked, as rank-bm25 would.
        """
        counts = self.term_weights(query)
        if self.size == 0 or k <= 0 or not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        if any(self.idf[t] < 0 for t in counts):
            return best(np.arange(self.size, dtype=np.int64), self.scores(query), k)
        return self._top([_Slice(t, int(self.offsets[t]), int(self.offsets[t + 1]), c) for t, c in counts.items()], k)

    def top_k_weighted(self, weights: Mapping[str, float], k: int) -> tuple[IntArray, FloatArray]:
        """Like `top_k`, with each term's impacts multiplied by its (positive) weight instead of its count: the
        scores of one wording of a question whose names are scaled (see Index._ranked). Every passage is
        ranked when the idf floor is negative, as in `top_k`."""
        known = {self.vocabulary[t]: w for t, w in weights.items() if t in self.vocabulary and w > 0}
        if self.size == 0 or k <= 0 or not known:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        slices = [_Slice(t, int(self.offsets[t]), int(self.offsets[t + 1]), w) for t, w in known.items()]
        if any(self.idf[t] < 0 for t in known):
            return best(np.arange(self.size, dtype=np.int64), self._accumulate(slices), k)
        return self._top(slices, k)

    def impacts_in(self, term: str, passages: IntArray) -> FloatArray:
        """A term's impact in each of the given ascending passages (0 where it does not occur)."""
        tid = self.vocabulary.get(term)
        if tid is None:
            return np.zeros(len(passages), dtype=np.float64)
        return self._lookup(_Slice(tid, int(self.offsets[tid]), int(self.offsets[tid + 1]), 1), passages)

    def holds_in(self, term: str, passages: IntArray) -> BoolArray:
        """Whether each of the given ascending passages has a term: membership, not the impact's sign (a term in
        half the passages of a tiny corpus has a negative or zero idf, hence impact)."""
        tid = self.vocabulary.get(term)
        if tid is None or self.offsets[tid] == self.offsets[tid + 1]:
            return np.zeros(len(passages), dtype=bool)
        _, found = _find(self.passages[int(self.offsets[tid]) : int(self.offsets[tid + 1])], passages)
        return found

    def _top(self, slices: Sequence[_Slice], k: int) -> tuple[IntArray, FloatArray]:
        """The k best passages for the given terms: see `top_k`."""
        if len(slices) == 1:
            one = slices[0]
            return best(self.passages[one.lo : one.hi].astype(np.int64), self.impacts[one.lo : one.hi] * one.times, k)
        if sum(s.hi - s.lo for s in slices) * _SPARSE < self.size:
            return best(*self._sum_sorted(slices), k)
        return self._best_pruned(slices, k) or self._best_dense(slices, k)

    def _sum_sorted(self, slices: Sequence[_Slice]) -> tuple[IntArray, FloatArray]:
        """Candidates and their summed scores, by sorting the (few) postings."""
        ids = np.concatenate([self.passages[s.lo : s.hi] for s in slices])
        weights = np.concatenate([self.impacts[s.lo : s.hi] * s.times for s in slices])
        candidates, where = np.unique(ids, return_inverse=True)
        # bincount adds each passage's entries in the order given: the query's order, as rank-bm25 does.
        totals: FloatArray = np.bincount(where, weights=weights, minlength=len(candidates)).astype(np.float64)
        return candidates.astype(np.int64), totals

    def _best_pruned(self, slices: Sequence[_Slice], k: int) -> tuple[IntArray, FloatArray] | None:
        """Top k without adding up the terms that cannot change it (MaxScore), or None when it cannot tell.

        A floor for the k-th best score comes from a sample of the passages of the term with the largest
        impact. Terms whose largest impacts add up to less than half that floor (the frequent, low-idf
        ones: the longest postings) are "lazy": a passage holding only lazy terms cannot reach the top k,
        and a passage whose other terms score below floor - (their sum) cannot either. So only the other
        terms are added up, and the lazy ones are looked up (binary search) for the few passages left.
        """
        strongest = max((s for s in slices if s.hi - s.lo >= k), key=lambda s: self.max_impacts[s.term],
                        default=None)
        if strongest is None:
            return None
        step = max(1, (strongest.hi - strongest.lo) // _SAMPLE)
        sample = self.passages[strongest.lo : strongest.hi : step].astype(np.int64)
        if len(sample) < k:
            return None
        full = np.zeros(len(sample), dtype=np.float64)
        for s in slices:
            # the strongest term's own sample needs no search: its impacts, every step-th
            full += self.impacts[s.lo : s.hi : step] * s.times if s is strongest else self._lookup(s, sample, True)
        floor = float(full[np.argpartition(-full, k - 1)[k - 1]])
        lazy: list[_Slice] = []
        spare = 0.0
        for s in sorted(slices, key=lambda s: self.max_impacts[s.term] * s.times):
            bound = float(self.max_impacts[s.term]) * s.times
            if spare + bound > floor * _LAZY:
                break
            lazy.append(s)
            spare += bound
        eager = [s for s in slices if s not in lazy]
        if not lazy or not eager:
            return None
        cut = floor - spare - 1e-9 * floor  # (a + b) - a can exceed b by a rounding error: keep a margin
        if sum(s.hi - s.lo for s in eager) * _SPARSE < self.size:
            candidates, partial = self._sum_sorted(eager)
            keep = np.flatnonzero(partial >= cut)
            candidates, partial = candidates[keep], partial[keep]
        else:
            acc = self._accumulate(eager)
            candidates = np.flatnonzero(acc >= cut)
            partial = acc[candidates]
        for n, s in enumerate(lazy):
            many = len(candidates) <= s.hi - s.lo <= len(candidates) * _GATHER
            partial += self._gather(s, candidates) if many else self._lookup(s, candidates, True)
            if n + 1 < len(lazy):
                # a passage that cannot reach the floor even with the lazy terms still to come is dropped before
                # their lookups (same margin as the cut); the survivors' sums are unchanged
                rest = sum(float(self.max_impacts[r.term]) * r.times for r in lazy[n + 1 :])
                keep = np.flatnonzero(partial >= floor - rest - 1e-9 * floor)
                if len(keep) < len(candidates):
                    candidates, partial = candidates[keep], partial[keep]
        return best(candidates, partial, k)

    def _lookup(self, s: _Slice, passages: IntArray, distinct: bool = False) -> FloatArray:
        """One term's contribution to each of the given (ascending) passages: 0 where it does not occur.

        With `distinct` (the passages strictly ascending) and fewer postings than passages, the postings are
        searched in the passages instead: the same values, O(postings log passages)."""
        postings = self.passages[s.lo : s.hi]
        if distinct and len(postings) < len(passages):
            place = np.minimum(passages.searchsorted(postings), len(passages) - 1)
            hit = passages[place] == postings
            out = np.zeros(len(passages), dtype=np.float64)
            out[place[hit]] = self.impacts[s.lo : s.hi][hit] * s.times
            return out
        where, found = _find(postings, passages)
        return np.where(found, self.impacts[s.lo : s.hi][where] * s.times, 0.0)

    def _gather(self, s: _Slice, passages: IntArray) -> FloatArray:
        """The same values as `_lookup` for many passages: the term's postings written into an array of every
        passage, read at the passages. Two sequential passes over the postings and the (ascending) passages instead
        of a binary search per passage, which at a million passages costs about twice as much (the lazy terms of a
        question with names: ~19,000 candidates against postings ten times as long)."""
        every = np.zeros(self.size, dtype=np.float64)
        every[self.passages[s.lo : s.hi]] = self.impacts[s.lo : s.hi] * s.times
        out: FloatArray = every[passages]
        return out

    def _accumulate(self, slices: Sequence[_Slice]) -> FloatArray:
        """Every passage's score over some terms, added term by term in the query's order (as rank-bm25 adds
        them): a long postings list with bincount, a short one by indexing (O(its postings))."""
        acc = np.zeros(self.size, dtype=np.float64)
        for s in slices:
            ids, weights = self.passages[s.lo : s.hi], self.impacts[s.lo : s.hi] * s.times
            if (s.hi - s.lo) * _LONG > self.size:
                acc += np.bincount(ids, weights=weights, minlength=self.size)
            else:
                acc[ids] += weights  # a term's postings hold each passage once
        return acc

    def _best_dense(self, slices: Sequence[_Slice], k: int) -> tuple[IntArray, FloatArray]:
        """Top k by adding every term's impacts into one array of every passage.

        The k-th best score among a sample of the postings of the term most likely to make the top k
        (the largest impact) is a floor for the k-th best of all: one comparison over the array then
        leaves a handful of candidates to sort.
        """
        acc = self._accumulate(slices)
        strongest = max((s for s in slices if s.hi - s.lo >= k), key=lambda s: self.max_impacts[s.term],
                        default=None)
        if strongest is not None:
            step = max(1, (strongest.hi - strongest.lo) // _SAMPLE)
            sample = acc[self.passages[strongest.lo : strongest.hi : step]]
            if len(sample) >= k:
                floor = sample[np.argpartition(-sample, k - 1)[k - 1]]
                if floor > 0:  # so every candidate holds a query term
                    candidates = np.flatnonzero(acc >= floor)
                    return best(candidates, acc[candidates], k)
        candidates = np.unique(np.concatenate([self.passages[s.lo : s.hi] for s in slices])).astype(np.int64)
        return best(candidates, acc[candidates], k)

    @cached_property
    def max_impacts(self) -> FloatArray:
        """Each term's largest impact: the most it can add to a passage's score (every term has postings)."""
        if len(self.impacts) == 0:
            return np.zeros(len(self.idf), dtype=np.float64)
        largest: FloatArray = np.maximum.reduceat(self.impacts, self.offsets[:-1])
        return largest

    def arrays(self) -> dict[str, Any]:
        """The arrays that make up the postings, for saving with numpy."""
        return {"offsets": self.offsets, "passages": self.passages, "impacts": self.impacts, "idf": self.idf}


class _Slice(NamedTuple):
    """One distinct query term: its postings [lo, hi) and how many times the query says it (or its weight)."""

    term: int
    lo: int
    hi: int
    times: float


def best(ids: IntArray, scores: FloatArray, k: int) -> tuple[IntArray, FloatArray]:
    """Top k of (ids, scores) by score descending, ties by ascending id, in O(n + k log k)."""
    if len(ids) > k:
        kth = scores[np.argpartition(-scores, k - 1)[k - 1]]
        # Keep every tie with the k-th score so the tie-break below sees all of them.
        part = np.flatnonzero(scores >= kth)
        ids, scores = ids[part], scores[part]
    order = np.lexsort((ids, -scores))[:k]
    return ids[order], scores[order]
