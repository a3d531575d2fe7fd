"""Answer-quality evaluation: a QA file's questions through the bot's own answering path, scored.

The questions come from a QA file (qa_file.py). Retrieval is scored over documents: the hits'
documents in rank order, each once. recall@k is the share of questions with an answering document in
the first k (success@k: one answering document is enough); MRR@10 averages 1/rank of the first one.

Usage::

    items = load_qa(Path("../shared/qa-dev.yaml"))      # qa_file.py
    report = evaluate(service.ask, items)           # Service.ask: the one question path every front end uses
    print(format_report(report))
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pressbot.bot.cli.qa_file import QAItem
from pressbot.responses.answering import Reply
from pressbot.retrieval.analyzer import latin_lookalikes

MRR_DEPTH = 10


@dataclass(frozen=True)
class Outcome:
    """What the bot did with one question."""

    item: QAItem
    answered: bool
    rank: int | None  # 1-based rank of the first answering document among the hits' documents
    fact_found: bool
    answer_lang: str
    evidence: float = 0.0  # the composer's evidence, compared with answer.min_coverage
    kind: str = "corpus"  # the reply's kind: "corpus" (quotes or abstention) or "conversation"
    found_in: str | None = None  # the quoted releases' language, when not the question's (cross-language)
    # Whether an expected document is in the question's own language (None: unknown, or out of scope).
    own_language_doc: bool | None = None
    reason: str | None = None  # the check that declined the answer (composer.REASONS), None when answered


@dataclass(frozen=True)
class Metrics:
    """Scores over a group of outcomes; a share is None when the group has no question it applies to."""

    in_scope: int
    out_of_scope: int
    recall_at_1: float | None
    recall_at_3: float | None
    mrr_at_10: float | None
    fact: float | None
    answered: float | None
    abstained: float | None
    language: float | None = None  # share of replies in the question's language (all questions)
    conversations: int = 0
    conversation: float | None = None  # share of conversation inputs answered as conversation
    # Share of in-scope questions answered without the expected fact: the confident wrong answers.
    answered_wrong: float | None = None
    cross_language: int = 0  # answers quoted from releases in another language than the question's
    # ... of which an expected document was in the question's own language (should be 0).
    cross_language_own: int = 0
    # In-scope questions declined, counted by the check that declined them (composer.REASONS): the false declines.
    declined_by: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    """Overall metrics, per-language metrics, and every outcome (for listing the misses)."""

    overall: Metrics
    by_language: dict[str, Metrics]
    outcomes: tuple[Outcome, ...]


def url_matches(url: str | None, suffix: str) -> bool:
    """A document answers when its url ends with the expected suffix (or holds it up to a / ? # boundary)."""
    if not url:
        return False
    if url.endswith(suffix) or url.rstrip("/").endswith(suffix.rstrip("/")):
        return True
    return re.search(re.escape(suffix) + r"(?=[/?#&]|$)", url) is not None


def first_answering_rank(urls: Sequence[str | None], suffixes: Iterable[str]) -> int | None:
    """1-based rank of the first document whose url matches one of the suffixes, or None."""
    wanted = tuple(suffixes)
    for rank, url in enumerate(urls, start=1):
        if any(url_matches(url, s) for s in wanted):
            return rank
    return None


def ranked_urls(reply: Reply) -> list[str | None]:
    """The hits' documents in rank order, each once: retrieval is judged per document, not per passage."""
    seen: dict[str, str | None] = {}
    for hit in reply.answer.hits:
        seen.setdefault(hit.doc_id, hit.url)
    return list(seen.values())


def quotes_fact(fact: str, text: str) -> bool:
    """Whether a reply's text holds the fact, case aside and a word's lookalike letters of the other script read
    as their own ("Hәmrәylik" typed with a Cyrillic ә holds "Həmrəylik")."""
    return latin_lookalikes(fact).casefold() in latin_lookalikes(text).casefold()


def judge(item: QAItem, reply: Reply, languages: Mapping[str, str] | None = None) -> Outcome:
    """Score one reply against its QA entry; `languages` (document url → language) tells whether an
    expected document is in the question's language."""
    answered = reply.answer.answered
    rank = first_answering_rank(ranked_urls(reply), item.docs) if item.in_scope else None
    fact_found = answered and item.fact is not None and quotes_fact(item.fact, reply.text)
    own = None
    if item.in_scope and languages is not None:
        own = any(lang == item.lang and any(url_matches(url, s) for s in item.docs) for url, lang in languages.items())
    return Outcome(item=item, answered=answered, rank=rank, fact_found=fact_found, answer_lang=reply.answer.lang,
                   evidence=reply.answer.evidence, kind=reply.kind, found_in=reply.found_in, own_language_doc=own,
                   reason=reply.answer.reason)


def share(flags: Sequence[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


def metrics(outcomes: Sequence[Outcome]) -> Metrics:
    """recall@1/@3, MRR@10, fact and answered shares over in-scope outcomes; abstained over out-of-scope."""
    inside = [o for o in outcomes if o.item.in_scope]
    outside = [o for o in outcomes if not o.item.in_scope and not o.item.conversation]
    talk = [o for o in outcomes if o.item.conversation]
    crossed = [o for o in outcomes if o.answered and o.found_in is not None]
    reciprocal = [1 / o.rank if o.rank is not None and o.rank <= MRR_DEPTH else 0.0 for o in inside]
    return Metrics(
        in_scope=len(inside),
        out_of_scope=len(outside),
        recall_at_1=share([o.rank is not None and o.rank <= 1 for o in inside]),
        recall_at_3=share([o.rank is not None and o.rank <= 3 for o in inside]),
        mrr_at_10=sum(reciprocal) / len(reciprocal) if reciprocal else None,
        fact=share([o.fact_found for o in inside]),
        answered=share([o.answered for o in inside]),
        abstained=share([not o.answered for o in outside]),
        language=share([o.answer_lang == o.item.lang for o in outcomes]),
        conversations=len(talk),
        conversation=share([o.kind == "conversation" for o in talk]),
        answered_wrong=share([o.answered and not o.fact_found for o in inside]),
        cross_language=len(crossed),
        cross_language_own=sum(1 for o in crossed if o.own_language_doc),
        declined_by=dict(Counter(o.reason or "—" for o in inside if not o.answered).most_common()),
    )


def evaluate(ask: Callable[[str], Reply], items: Sequence[QAItem],
             languages: Mapping[str, str] | None = None) -> Report:
    """Ask every question through `ask` (the bot's path, e.g. Service.ask) and score the replies;
    `languages` maps the corpus's document urls to their languages (for the cross-language check)."""
    outcomes = tuple(judge(item, ask(item.question), languages) for item in items)
    asked_in = sorted({o.item.lang for o in outcomes})
    return Report(overall=metrics(outcomes),
                  by_language={lang: metrics([o for o in outcomes if o.item.lang == lang]) for lang in asked_in},
                  outcomes=outcomes)


def metrics_json(m: Metrics) -> dict[str, Any]:
    return {"in_scope": m.in_scope, "out_of_scope": m.out_of_scope, "recall@1": m.recall_at_1,
            "recall@3": m.recall_at_3, "mrr@10": m.mrr_at_10, "fact": m.fact, "answered": m.answered,
            "abstained": m.abstained, "language": m.language, "conversations": m.conversations,
            "conversation": m.conversation, "answered_wrong": m.answered_wrong, "cross_language": m.cross_language,
            "cross_language_own": m.cross_language_own, "declined_by": dict(m.declined_by)}


def report_json(report: Report) -> dict[str, Any]:
    """The `pressbot eval --json` object: overall, per language, and one line per question."""
    return {
        "overall": metrics_json(report.overall),
        "by_language": {lang: metrics_json(m) for lang, m in report.by_language.items()},
        "questions": [
            {"q": o.item.question, "lang": o.item.lang, "in_scope": o.item.in_scope, "answered": o.answered,
             "answer_lang": o.answer_lang, "rank": o.rank, "fact_found": o.fact_found if o.item.in_scope else None,
             "evidence": round(o.evidence, 4), "conversation": o.item.conversation, "kind": o.kind,
             "found_in": o.found_in, "reason": o.reason}
            for o in report.outcomes
        ],
    }


_COLUMNS = (("R@1", "recall_at_1"), ("R@3", "recall_at_3"), ("MRR@10", "mrr_at_10"), ("fact", "fact"),
            ("answered", "answered"), ("abstained", "abstained"), ("language", "language"),
            ("talk", "conversation"), ("wrong", "answered_wrong"))


def cell(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def format_report(report: Report) -> str:
    """A plain-text table (overall and per language) followed by the questions that missed a target."""
    header = (f"{'':8} {'in':>3} {'out':>3} {'cnv':>3} " + " ".join(f"{name:>9}" for name, _ in _COLUMNS)
              + f" {'x-lang':>6} {'x-own':>5}")
    rows = [header]
    for label, m in [("all", report.overall), *report.by_language.items()]:
        rows.append(f"{label:8} {m.in_scope:>3} {m.out_of_scope:>3} {m.conversations:>3} "
                    + " ".join(f"{cell(getattr(m, attr)):>9}" for _, attr in _COLUMNS)
                    + f" {m.cross_language:>6} {m.cross_language_own:>5}")
    if report.overall.declined_by:
        rows.append("in-scope declined by: " + ", ".join(f"{r} {n}" for r, n in report.overall.declined_by.items()))
    misses = []
    for o in report.outcomes:
        if o.item.in_scope and (o.rank != 1 or not o.fact_found or not o.answered):
            what = [f"rank {o.rank}" if o.rank else "not in hits", "fact" if o.fact_found else "no fact"]
            if not o.answered:
                what.append(f"abstained: {o.reason}" if o.reason else "abstained")
            misses.append(f"  [{o.item.lang}] {o.item.question}  ({', '.join(what)})")
        elif o.item.conversation and o.kind != "conversation":
            misses.append(f"  [{o.item.lang}] {o.item.question}  (conversation, not handled as conversation)")
        elif not o.item.in_scope and o.answered:
            misses.append(f"  [{o.item.lang}] {o.item.question}  (out of scope, answered)")
    if misses:
        rows += ["", "misses:", *misses]
    return "\n".join(rows)
