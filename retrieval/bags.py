"""Term bags: each passage's distinct terms and their counts (a forward index), as flat arrays.

All BM25 needs of a passage, compact enough to save, so that a reload analyzes only the files that changed;
`scoring.Postings` is built from them. Arrays only: a million passages cost no Python object each.

Usage::

    >>> bags = Bags.from_tokens([["iom", "geneva", "iom"], ["baku"]])
    >>> bags.vocabulary, [int(n) for n in bags.lengths()]
    (('iom', 'geneva', 'baku'), [3, 1])
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
Int32Array = npt.NDArray[np.int32]

# Postings are placed _ROWS passages at a time, so the temporaries stay small at a million passages.
_ROWS = 1 << 14
# Term ids counted in Python lists are moved to int32 arrays every _FLUSH entries (~40 bytes each in a list:
# 1 << 20 of them held 44 MiB at the peak of every build).
_FLUSH = 1 << 16
@dataclass(frozen=True)
class Bags:
    """Each passage's distinct terms with their counts, in order of first occurrence.

    Term ids number the vocabulary in order of first occurrence in the corpus, and every term occurs:
    the order in which rank-bm25 meets the terms, which fixes its floating-point sum of idfs.
    """

    vocabulary: tuple[str, ...]
    offsets: IntArray  # passage p's terms are [offsets[p], offsets[p + 1])
    terms: Int32Array
    counts: Int32Array

    @classmethod
    def from_tokens(cls, corpus: Iterable[Sequence[str]]) -> Bags:
        """Count each tokenized passage's terms, one passage at a time (token lists are not kept)."""
        vocabulary: defaultdict[str, int] = defaultdict()
        vocabulary.default_factory = vocabulary.__len__  # an unseen term gets the next id
        number = vocabulary.__getitem__
        offsets = [0]
        terms: list[int] = []
        counts: list[int] = []
        chunks_terms: list[Int32Array] = []
        chunks_counts: list[Int32Array] = []
        for doc in corpus:
            bag = Counter(doc)
            terms.extend(map(number, bag))
            counts.extend(bag.values())
            offsets.append(offsets[-1] + len(bag))
            if len(terms) >= _FLUSH:  # a Python int costs a pointer plus an object: flush to int32
                chunks_terms.append(np.asarray(terms, dtype=np.int32))
                chunks_counts.append(np.asarray(counts, dtype=np.int32))
                terms, counts = [], []
        chunks_terms.append(np.asarray(terms, dtype=np.int32))
        chunks_counts.append(np.asarray(counts, dtype=np.int32))
        return cls(vocabulary=tuple(vocabulary), offsets=np.asarray(offsets, dtype=np.int64),
                   terms=np.concatenate(chunks_terms), counts=np.concatenate(chunks_counts))

    @classmethod
    def join(cls, pieces: Sequence[tuple[Bags, IntArray]]) -> Bags:
        """The bags of the given passages (rows) of each piece, in that order, with one vocabulary."""
        vocabulary: dict[str, int] = {}
        offsets: list[IntArray] = []
        terms: list[Int32Array] = []
        counts: list[Int32Array] = []
        mappings: dict[int, IntArray] = {}
        end = 0
        for bags, rows in pieces:
            if not vocabulary:  # the first vocabulary keeps its ids: built at C speed
                vocabulary = dict(zip(bags.vocabulary, range(len(bags.vocabulary)), strict=True))
                mappings[id(bags)] = np.arange(len(bags.vocabulary), dtype=np.int64)
            elif id(bags) not in mappings:
                mappings[id(bags)] = np.fromiter((vocabulary.setdefault(t, len(vocabulary))
                                                  for t in bags.vocabulary), dtype=np.int64,
                                                 count=len(bags.vocabulary))
            starts, stops = bags.offsets[rows], bags.offsets[rows + 1]
            sizes = stops - starts
            flat = np.arange(int(sizes.sum()), dtype=np.int64) + np.repeat(starts - np.cumsum(sizes) + sizes,
                                                                             sizes)
            terms.append(mappings[id(bags)][bags.terms[flat]].astype(np.int32))
            counts.append(bags.counts[flat])
            offsets.append(end + np.cumsum(sizes))
            end += int(sizes.sum())
        joined = cls(vocabulary=tuple(vocabulary),
                     offsets=np.concatenate([np.zeros(1, dtype=np.int64), *offsets]),
                     terms=np.concatenate(terms) if terms else np.zeros(0, dtype=np.int32),
                     counts=np.concatenate(counts) if counts else np.zeros(0, dtype=np.int32))
        return joined.renumbered()

    def renumbered(self) -> Bags:
        """The same bags with term ids in order of first occurrence, terms that never occur dropped."""
        first = np.full(len(self.vocabulary), len(self.terms), dtype=np.int64)
        np.minimum.at(first, self.terms, np.arange(len(self.terms), dtype=np.int64))  # 20x faster than unique
        used = np.flatnonzero(first < len(self.terms))
        order = used[np.argsort(first[used], kind="stable")]
        new_ids = np.empty(len(self.vocabulary), dtype=np.int32)
        new_ids[order] = np.arange(len(order), dtype=np.int32)
        return Bags(vocabulary=tuple(self.vocabulary[t] for t in order.tolist()), offsets=self.offsets,
                    terms=new_ids[self.terms], counts=self.counts)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def lengths(self) -> IntArray:
        """Each passage's length in tokens (rank-bm25's doc_len)."""
        total: IntArray = np.concatenate([np.zeros(1, dtype=np.int64), np.cumsum(self.counts, dtype=np.int64)])
        return total[self.offsets[1:]] - total[self.offsets[:-1]]

    def rows(self) -> IntArray:
        """The passage of each (term, count) entry."""
        return np.repeat(np.arange(len(self), dtype=np.int64), np.diff(self.offsets))


def term_major(bags: Bags) -> Iterator[tuple[IntArray, IntArray, IntArray, IntArray]]:
    """The bags' (term, passage, count) entries with each one's place in term-major order (by term, then
    passage), a block of passages at a time.

    Each term's next free place is kept in a cursor; a block's entries are sorted by term (stably: passage
    order is kept) and placed after their terms' cursors. So the caller scatters into its final arrays, and
    the only temporaries are a block's: no full-size sort key (330 MiB at a million passages).
    """
    cursor = np.zeros(len(bags.vocabulary), dtype=np.int64)
    np.cumsum(np.bincount(bags.terms, minlength=len(bags.vocabulary))[:-1], out=cursor[1:])
    for first in range(0, len(bags), _ROWS):  # passage numbers, a block of passages at a time
        last = min(first + _ROWS, len(bags))
        lo, hi = int(bags.offsets[first]), int(bags.offsets[last])
        if lo == hi:
            continue
        order = np.argsort(bags.terms[lo:hi], kind="stable")
        terms = bags.terms[lo:hi][order].astype(np.int64)
        rows = np.repeat(np.arange(first, last, dtype=np.int64), np.diff(bags.offsets[first : last + 1]))[order]
        counts = bags.counts[lo:hi][order].astype(np.int64)
        starts = np.flatnonzero(np.concatenate(([True], terms[1:] != terms[:-1])))
        sizes = np.diff(np.append(starts, len(terms)))
        places = cursor[terms] + np.arange(len(terms), dtype=np.int64) - np.repeat(starts, sizes)
        cursor[terms[starts]] += sizes
        yield terms, rows, counts, places
