"""The bags and BM25 statistics of a table's passages, for a build: the passages of files the saved index
already holds keep their saved bags, the others are analyzed (store.open_index decides which is which).

Usage::

    impacts = build(table, [(0, 120), (None, 8)], Params(), saved)   # 120 rows reused, 8 analyzed
    save(corpus, key, analysis, Contents(entries, table, spill, impacts))
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator, Sequence

import numpy as np

from pressbot.retrieval.bags import Bags
from pressbot.retrieval.index import Params, passage_terms
from pressbot.retrieval.saved import Saved, StoreError
from pressbot.retrieval.scoring import Impacts
from pressbot.retrieval.table import PassageTable

log = logging.getLogger(__name__)


def build(table: PassageTable, sources: Sequence[tuple[int | None, int]], params: Params,
          saved: Saved | None = None) -> Impacts:
    """Bags of a table's passages with their BM25 statistics (their postings are made as they are saved).
    `sources`: the table's rows in runs, in order, each run's first
    row in the saved index's bags (reused) or None (analyzed), and its number of rows."""
    saved_bags = None
    if saved is not None and any(first is not None for first, _ in sources):
        try:
            saved_bags = saved.bags()
        except StoreError as exc:
            log.warning("saved index %s is unusable (%s): analyzing every file", saved.path, exc)
    if saved_bags is None:
        sources = [(None, n) for _, n in sources]
    starts = list(itertools.accumulate((n for _, n in sources), initial=0))
    fresh = (passage_terms(table[i], params.title_weight)
             for (first, n), start in zip(sources, starts, strict=False) if first is None
             for i in range(start, start + n))
    fresh_bags = Bags.from_tokens(fresh)
    if saved_bags is None:
        bags = fresh_bags
    else:
        runs: list[tuple[bool, int, int]] = []
        analyzed = 0
        for first, n in sources:
            runs.append((True, first, n) if first is not None else (False, analyzed, n))
            analyzed += n if first is None else 0
        bags = Bags.join([(saved_bags if from_saved else fresh_bags, np.arange(lo, lo + n, dtype=np.int64))
                          for from_saved, lo, n in _runs(runs)])
    return Impacts.of(bags, k1=params.k1, b=params.b, epsilon=params.epsilon)


def _runs(sources: Sequence[tuple[bool, int, int]]) -> Iterator[tuple[bool, int, int]]:
    """Consecutive row ranges of the same source merged, so a join takes few slices."""
    current: tuple[bool, int, int] | None = None
    for source, first, n in sources:
        if current is not None and current[0] == source and current[1] + current[2] == first:
            current = (source, current[1], current[2] + n)
            continue
        if current is not None:
            yield current
        current = (source, first, n)
    if current is not None:
        yield current
