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
BoolArray = npt.NDArray[np.bool_]
Int32Array = npt.NDArray[np.int32]

# Postings are made for a range of at most _SPAN terms holding about _ENTRIES (term, passage) entries at a
# time: the temporaries stay small at a million passages.
_ENTRIES = 1 << 20
_SPAN = 1 << 16

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


def term_ranges(bags: Bags, entries: int | None = None, ends: IntArray | None = None) -> list[tuple[int, int]]:
    """Consecutive ranges of term ids [first, last) holding about `entries` (term, passage) entries each (a
    term with more holds its own range) and at most 65,536 terms, covering the vocabulary. `ends`: the running
    total of each term's entries, when the caller has counted them already."""
    entries = entries or _ENTRIES
    if ends is None:
        ends = np.cumsum(np.bincount(bags.terms, minlength=len(bags.vocabulary)))
    ranges = []
    first = 0
    while first < len(bags.vocabulary):
        done = int(ends[first - 1]) if first else 0
        last = max(int(np.searchsorted(ends, done + entries, side="right")), first + 1)
        last = min(last, first + _SPAN)
        ranges.append((first, last))
        first = last
    return ranges


def term_major(bags: Bags, ends: IntArray | None = None) -> Iterator[tuple[Int32Array, IntArray, Int32Array]]:
    """The bags' (term, passage, count) entries by term, then passage, a range of terms at a time
    (`term_ranges`): so the postings are made in their final order and can be written out as they are made,
    with no full-size temporary (the passage of every entry would be 330 MiB at a million passages).

    Each entry's range is noted once (one byte an entry); a range's entries are then found with one scan and
    sorted by term with a radix sort (stable, so passage order is kept).
    """
    ranges = term_ranges(bags, ends=ends)
    if len(ranges) == 1:
        at: IntArray = np.arange(len(bags.terms), dtype=np.intp)
        yield _sorted(bags, at, 0)
        return
    kind = np.uint8 if len(ranges) <= 256 else np.uint16
    of_term = np.repeat(np.arange(len(ranges), dtype=kind), [last - first for first, last in ranges])
    of_entry = of_term[bags.terms]
    for number, (first, _) in enumerate(ranges):
        yield _sorted(bags, np.flatnonzero(of_entry == number), first)


def _sorted(bags: Bags, at: IntArray, first: int) -> tuple[Int32Array, IntArray, Int32Array]:
    """The entries `at` (ascending), of terms from `first` on (fewer than 65,536), sorted by term, then passage."""
    rows = np.searchsorted(bags.offsets, at, side="right") - 1  # each entry's passage (3x faster before sorting)
    terms = bags.terms[at]
    order = np.argsort((terms - first).astype(np.uint16), kind="stable")  # 16 bits: a radix sort
    return terms[order], rows[order], bags.counts[at[order]]
