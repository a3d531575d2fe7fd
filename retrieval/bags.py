"""Term bags: each passage's distinct terms and their counts (a forward index), as flat arrays.

All BM25 needs of a passage, compact enough to save, so that a reload analyzes only the files that changed;
`scoring.Postings` is built from them. Arrays only: a million passages cost no Python object each.

Usage::

    >>> bags = Bags.from_tokens([["iom", "geneva", "iom"], ["baku"]])
    >>> bags.vocabulary, [int(n) for n in bags.lengths()]
    (('iom', 'geneva', 'baku'), [3, 1])
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
Int32Array = npt.NDArray[np.int32]

# Postings are placed _ROWS passages at a time, so the temporaries stay small at a million passages.
_ROWS = 1 << 12
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
        # Compact C arrays grown in place (realloc), wrapped by numpy without a copy at the end: chunks joined
        # by np.concatenate held both the chunks and the result, twice the bags (644 MiB at 1M passages).
        offsets = array("q", [0])
        terms = array("i")
        counts = array("i")
        end = 0
        for doc in corpus:
            bag = Counter(doc)
            terms.extend(map(number, bag))
            counts.extend(bag.values())
            end += len(bag)
            offsets.append(end)
        return cls(vocabulary=tuple(vocabulary), offsets=np.frombuffer(offsets, dtype=np.int64),
                   terms=np.frombuffer(terms, dtype=np.int32), counts=np.frombuffer(counts, dtype=np.int32))

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
        """Each passage's length in tokens (rank-bm25's doc_len): sums per passage, with no running total of
        every entry (330 MiB at a million passages)."""
        lengths = np.zeros(len(self), dtype=np.int64)
        filled = np.flatnonzero(np.diff(self.offsets) > 0)
        if len(filled):
            lengths[filled] = np.add.reduceat(self.counts, self.offsets[filled], dtype=np.int64)
        return lengths

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
