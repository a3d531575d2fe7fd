"""Results beyond the answer: the press releases a question has not been shown yet ("More", inline mode),
quoted exactly as answers quote (whole sentences cut from the passages, never words of our own).

Usage::

    more = next_results(service.index, "Who met IOM?", "en", config.answer, shown={"migration-en-13016"})
    more.answered, [c.title for c in more.citations]
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from pressbot.responses.composer import Answer, ComposerSettings, compose
from pressbot.retrieval import Index

POOL = 30  # passages searched for further results: several per press release


def next_results(index: Index, question: str, lang: str, settings: ComposerSettings, shown: Collection[str] = (),
                 limit: int | None = None, sentences: int | None = None, min_coverage: float | None = None
                 ) -> Answer:
    """Up to `limit` press releases not in `shown`, each quoted; answered=False when none covers enough.

    Every source must cover `settings.source_coverage` of the question, as a second source of an answer
    must (the first one `min_coverage`, by default the same); unlike in an answer, it need not score near
    the best one, which was already shown.
    """
    hits = [h for h in index.search(question, k=POOL, lang=lang) if h.doc_id not in shown]
    relaxed = replace(settings, max_sources=limit or settings.max_sources, relative_score=0.0,
                      min_coverage=settings.source_coverage if min_coverage is None else min_coverage,
                      sentences_per_source=sentences or settings.sentences_per_source)
    return compose(question, hits, index.term_weights(index.query_terms(question, lang)), lang, relaxed)
