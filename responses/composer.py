"""Composing an answer from hits: whole sentences quoted from the passages, each tied to a numbered source.

Nothing here writes a sentence of its own: an answer is a list of quotes cut from retrieved passages,
or an abstention when the evidence is too weak.

Usage::

    hits = index.search(question)
    answer = compose(question, hits, index.term_weights(index.query_terms(question, "en")), "en")
    answer.answered, [q.text for q in answer.quotes], [c.url for c in answer.citations]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from retrieval import Hit
from retrieval.analyzer import analyze
from retrieval.sentences import split_paragraphs, split_sentences


@dataclass(frozen=True)
class ComposerSettings:
    """How much to quote and when to abstain (see the `answer:` section of the configuration)."""

    max_sources: int = 3
    sentences_per_source: int = 2
    # Abstain unless the best passage holds at least this share of the question's idf mass.
    min_coverage: float = 0.5
    # Cite a further source only if its best passage scores at least this fraction of the best hit ...
    relative_score: float = 0.5
    # ... and covers at least this share of the question.
    source_coverage: float = 0.4


@dataclass(frozen=True)
class Citation:
    """A numbered source of an answer."""

    n: int
    doc_id: str
    passage_id: str
    title: str
    url: str | None
    date: str | None
    source: str | None
    score: float
    passage: str


@dataclass(frozen=True)
class Quote:
    """A sentence taken verbatim from a cited passage."""

    text: str
    n: int


@dataclass(frozen=True)
class Answer:
    """What the responder says: quotes with their citations, or an abstention (answered=False)."""

    query: str
    lang: str
    answered: bool
    quotes: tuple[Quote, ...] = ()
    citations: tuple[Citation, ...] = ()
    hits: tuple[Hit, ...] = field(default=())


def _key(sentence: str) -> str:
    """Identity of a sentence for de-duplication across sources."""
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", sentence).casefold()))


def _sentences(passage: str) -> list[str]:
    return [s for paragraph in split_paragraphs(passage) for s in split_sentences(paragraph)]


def _pick(sentences: Sequence[str], lang: str, weights: Mapping[str, float], limit: int) -> list[str]:
    """The sentences that best cover the question, at most `limit`, in document order."""
    if not sentences:
        return []
    scored = []
    for i, sentence in enumerate(sentences):
        terms = set(analyze(sentence, lang))
        scored.append((sum(w for t, w in weights.items() if w > 0 and t in terms), i))
    best = max(score for score, _ in scored)
    if best <= 0:
        return list(sentences[:1])  # the passage matched through its title: its first sentence says what it is
    chosen = sorted(scored, key=lambda si: (-si[0], si[1]))[:limit]
    keep = sorted(i for score, i in chosen if score >= best / 2)
    return [sentences[i] for i in keep]


def _candidates(hit: Hit, hits: Sequence[Hit]) -> list[str]:
    """Sentences a source may be quoted from: its title (a headline often is the answer) and the sentences
    of every retrieved passage of the same document, in document order, each once."""
    passages = sorted({h.position: h.text for h in hits if h.doc_id == hit.doc_id}.items())
    sentences = [hit.title] + [s for _, text in passages for s in _sentences(text)]
    return list({_key(s): s for s in reversed(sentences)}.values())[::-1]


def compose(question: str, hits: Sequence[Hit], weights: Mapping[str, float], lang: str,
            settings: ComposerSettings = ComposerSettings()) -> Answer:
    """Quote the best sentences of the best hits, one numbered citation per source document."""
    hits = tuple(hits)
    if not hits or hits[0].coverage < settings.min_coverage:
        return Answer(query=question, lang=lang, answered=False, hits=hits)
    top = hits[0]
    chosen: list[Hit] = []
    for hit in hits:
        if len(chosen) == settings.max_sources:
            break
        if any(c.doc_id == hit.doc_id for c in chosen):
            continue
        if hit is not top and (hit.score < settings.relative_score * top.score
                               or hit.coverage < settings.source_coverage):
            continue
        chosen.append(hit)
    quotes: list[Quote] = []
    citations: list[Citation] = []
    seen: set[str] = set()
    for hit in chosen:
        picked = [s for s in _pick(_candidates(hit, hits), hit.lang, weights, settings.sentences_per_source)
                  if _key(s) not in seen]
        if not picked:
            continue
        n = len(citations) + 1
        citations.append(Citation(n=n, doc_id=hit.doc_id, passage_id=hit.passage_id, title=hit.title,
                                  url=hit.url, date=hit.date, source=hit.source, score=hit.score,
                                  passage=hit.text))
        for sentence in picked:
            seen.add(_key(sentence))
            quotes.append(Quote(text=sentence, n=n))
    if not quotes:
        return Answer(query=question, lang=lang, answered=False, hits=hits)
    return Answer(query=question, lang=lang, answered=True, quotes=tuple(quotes), citations=tuple(citations),
                  hits=hits)
