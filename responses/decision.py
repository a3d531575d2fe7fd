"""Whether a composed answer states what the question asks about: the last decision before an answer is sent.

The composer quotes the sentences that match a question best and checks that one of them holds the kind of
answer asked for (a fee, a phone number, hours, a count: answer_types.py). That check is loose on purpose, to
pick sentences: a line counts when it names *anything* of the question. So "azerbaycana vize qiymeti ne
qederdi" (the visa's price) was answered with "consular registration is free of charge" (it names
Azərbaycan), and "dmx bakı regional idarəsinin telefon nömrəsi" with the call centre's "phone calls" line.

Here the kind must be stated *about the question's topic*: some quoted line that holds the kind, read with the
line that introduces it (the nearest lead-in above, else the quote's first line) and the title of its release,
names at least `TOPIC` of the question's weight beyond the words that ask for the kind. The question's parts
are its concepts (a vocabulary name with its other names counts once, and only when all its words are there:
"icazə vəsiqəsi" is not "şəxsiyyət vəsiqəsi"). When no quoted line does, the answer becomes the "not stated"
reply, exactly as when no quote holds the kind at all.

Usage::

    answer = compose(question, hits, weights, "az")
    answer = about_topic(answer, Asked(plan, weights, cue=frozenset({"qiymet"})), "az")
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from pressbot.responses.answer_types import NUMBER, asked, holds
from pressbot.responses.composer import Answer, Quote, _matched, _terms, positive
from pressbot.retrieval.analyzer import analyze
from pressbot.retrieval.glossary import Concept, Query
from pressbot.retrieval.sentences import split_sentences

# The share of the question's weight (beyond its kind's cue words) that a line stating the kind, with its
# lead-in and its release's title, must name. Chosen from both dev sets (benchmarks/results/quality.md,
# "2026-12-01 decision").
TOPIC = 0.33


@dataclass(frozen=True)
class Asked:
    """A question as its answer was searched: the concepts (in the language of the releases searched), the
    idf weight of their terms, and the terms that only ask for the kind of answer ("fee", "telefon")."""

    plan: Query
    weights: Mapping[str, float]
    cue: frozenset[str] = frozenset()


def cue_terms(question: str, lang: str) -> tuple[str | None, str]:
    """The kind a question asks for and the words that ask it ("" when none)."""
    found = asked(question, lang)
    return (found[0], found[1]) if found else (None, "")


def _topic(asked_: Asked) -> list[tuple[Concept, float]]:
    """The question's concepts beyond its cue words, each with its weight (its said terms' idf)."""
    weights = positive(asked_.weights) if asked_.weights else {}
    parts = [(c, sum(weights.get(t, 0.0) for t in c.said)) for c in asked_.plan.concepts]
    topic = [(c, w) for c, w in parts if not set(c.said) & asked_.cue]
    return topic or parts  # "qəbul günləri": the cue words are all the question says


def named(concept: Concept, terms: frozenset[str]) -> bool:
    """Whether a text's terms name a concept: every term of one of its alternatives, inflections matched."""
    return any(alt and all(_matched({t: 1.0}, terms) for t in alt) for alt in concept.alternatives)


def topic_share(asked_: Asked, text: str, lang: str) -> float:
    """The share of the question's weight beyond its cue words that a text names."""
    topic = _topic(asked_)
    total = sum(w for _, w in topic)
    if not total:
        return 1.0
    terms = _terms(text, lang)
    return sum(w for c, w in topic if named(c, terms)) / total


def _lines_stating(kind: str, quote: str, lang: str, given: frozenset[str]) -> list[tuple[str, str]]:
    """The sentences of a quote that state the kind, each with what introduces it: the nearest lead-in above
    ending in ":", else the quote's first line; in that first line itself, its first sentence ("Вид на
    жительство выдается на пять лет. Пошлина составляет 40 манатов.")."""
    lines = quote.split("\n")
    out = []
    for at, line in enumerate(lines):
        sentences = split_sentences(line) or [line]
        for sentence in sentences:
            text = re.sub(r"(?<!\d)(" + "|".join(sorted(given, key=len, reverse=True)) + r")(?!\d)", " ", sentence) \
                if given else sentence
            if holds(kind, text, lang):
                intro = next((j for j in range(at - 1, -1, -1) if lines[j].rstrip().endswith(":")), 0)
                out.append((sentence, lines[intro] if intro != at else sentences[0]))
    return out


def about_topic(answer: Answer, asked_: Asked, source_lang: str | None = None, share: float = TOPIC) -> Answer:
    """The answer as composed when a quoted line states the kind asked for about the question's topic (or
    when no kind is asked); else the "not stated" reply with the first source as the closest release.
    `source_lang`: the language of the quoted releases (the question's when None)."""
    kind, _ = cue_terms(answer.query, answer.lang)
    if not answer.answered or kind is None:
        return answer
    lang = source_lang or answer.lang
    given = frozenset(re.findall(r"\d+", answer.query)) if kind == NUMBER else frozenset()
    for quote in answer.quotes:
        for line, intro in _lines_stating(kind, quote.text, lang, given):
            if topic_share(asked_, "\n".join([line, intro, *_beside(answer, quote)]), lang) >= share:
                return answer
    return replace(answer, answered=False, quotes=(), citations=(), missing=kind, related=answer.citations[0])


def _beside(answer: Answer, quote: Quote) -> list[str]:
    """What a quote is read with: its release's title and the other quotes from that release."""
    title = next((c.title for c in answer.citations if c.n == quote.n), "")
    return [title, *(q.text for q in answer.quotes if q.n == quote.n and q is not quote)]


def own_cue(question: str, lang: str) -> frozenset[str]:
    """The terms of the words that ask for the kind, analyzed in the question's language."""
    return frozenset(analyze(cue_terms(question, lang)[1], lang))
