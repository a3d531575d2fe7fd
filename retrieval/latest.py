"""Choosing the newest press releases, optionally on a topic: how readers follow the news."""

from __future__ import annotations

from collections.abc import Sequence

from pressbot.retrieval.document import Document
from pressbot.retrieval.index import Index

# A press release is "about" a topic when one of its passages covers at least this share of the topic.
TOPIC_COVERAGE = 0.5
TOPIC_CANDIDATES = 200


def newest_first(documents: Sequence[Document]) -> list[Document]:
    """Dated releases newest first, then undated ones; ties keep the corpus order."""
    order = {doc.id: i for i, doc in enumerate(documents)}
    dated = sorted((d for d in documents if d.date), key=lambda d: (d.date or "", -order[d.id]), reverse=True)
    undated = [d for d in documents if not d.date]
    return dated + undated


def latest(index: Index, topic: str = "", limit: int = 5, offset: int = 0) -> list[Document]:
    """The newest press releases, or the newest of those about `topic`."""
    docs: Sequence[Document] = list(index.documents.values())
    if topic.strip():
        # Coverage is a share of the topic's positive idf. In a small corpus a topic word in half the releases
        # or more has none (rank-bm25's idf is <= 0), so every release holding a topic word is about it.
        informative = any(w > 0 for w in index.term_weights(index.query_terms(topic)).values())
        about = {h.doc_id for h in index.search(topic, k=TOPIC_CANDIDATES)
                 if h.coverage >= TOPIC_COVERAGE or not informative}
        docs = [d for d in docs if d.id in about]
    return newest_first(docs)[offset : offset + limit]
