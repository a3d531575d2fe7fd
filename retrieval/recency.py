"""Recency: a question asking for the latest news ("latest", "recent", "new", "son", "последние") prefers
newer press releases among those that match it about equally well.

A dated release gets a freshness between 0 (the corpus's oldest date) and 1 (its newest); undated ones get
0. For a recency question, each passage's score is multiplied by 1 + BOOST * freshness, so the newest of two
equally good matches comes first, while a much better old match still beats a weak new one.

Usage::

    if wants_recent("What are the latest news on mobile consular services?", "en"):
        ranked = prefer_recent(ranked, [fresh[doc_of(i)] for i, _ in ranked])
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence

from pressbot.retrieval.analyzer import normalize

# At most this much extra score for the newest release (a 25% lead).
BOOST = 0.25
# Passages considered for re-ranking: more than the k asked for, so newer matches can move up.
POOL = 50

# Words asking for news, matched on normalized text (Azerbaijani letters folded, ё→е).
_CUES = {
    "en": re.compile(r"\b(latest|recent|recently|newest|new|news|this (year|month|week))\b"),
    "az": re.compile(r"\b(son|en son|sonuncu|yeni|yenilik\w*|xeber\w*)\b"),
    "ru": re.compile(r"\b(последн\w*|новейш\w*|нов(ые|ый|ая|ое|ых|ости|остей)|свеж\w*|недавн\w*)\b"),
}


def wants_recent(question: str, lang: str) -> bool:
    """Whether a question asks for the newest press releases."""
    pattern = _CUES.get(lang, _CUES["en"])
    return bool(pattern.search(normalize(question, lang)))


def freshness(dates: Mapping[str, str | None]) -> dict[str, float]:
    """Each document's freshness in 0..1 from its ISO date (oldest 0, newest 1; undated 0)."""
    days = {doc: dt.date.fromisoformat(date).toordinal() for doc, date in dates.items() if date}
    if not days:
        return dict.fromkeys(dates, 0.0)
    first, last = min(days.values()), max(days.values())
    span = max(last - first, 1)
    return {doc: (days[doc] - first) / span if doc in days else 0.0 for doc in dates}


def prefer_recent(ranked: Sequence[tuple[int, float]], fresh: Iterable[float]) -> list[tuple[int, float]]:
    """Passages re-scored by freshness and re-sorted (ties keep passage order)."""
    boosted = [(i, score * (1 + BOOST * f) if score > 0 else score)
               for (i, score), f in zip(ranked, fresh, strict=True)]
    return sorted(boosted, key=lambda item: (-item[1], item[0]))
