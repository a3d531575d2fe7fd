"""Answer-quality evaluation: a QA file's questions through the bot's own answering path, scored.

The QA file is YAML with two lists (the format of ../shared/qa-dev.yaml)::

    in_scope:
    - {q: "question", lang: en, docs: [news_detail/9402], fact: "without obtaining any visa"}
    out_of_scope:
    - {q: "question", lang: en}

`docs` are url suffixes of every corpus document that answers the question; `fact` is a short text a
correct answer quotes (compared case-insensitively). Retrieval is scored over documents: the hits'
documents in rank order, each once. recall@k is the share of questions with an answering document in
the first k (success@k: one answering document is enough); MRR@10 averages 1/rank of the first one.

Usage::

    items = load_qa(Path("../shared/qa-dev.yaml"))
    report = evaluate(service, items)
    print(format_report(report))
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from responses.answering import Reply

MRR_DEPTH = 10


class QAFileError(ValueError):
    """A QA file that cannot be evaluated; the message names the entry and the problem."""


@dataclass(frozen=True)
class QAItem:
    """One question of a QA file; out-of-scope questions have no docs and no fact."""

    question: str
    lang: str
    in_scope: bool
    docs: tuple[str, ...] = ()
    fact: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What the bot did with one question."""

    item: QAItem
    answered: bool
    rank: int | None  # 1-based rank of the first answering document among the hits' documents
    fact_found: bool
    answer_lang: str
    evidence: float = 0.0  # the composer's evidence, compared with answer.min_coverage


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


@dataclass(frozen=True)
class Report:
    """Overall metrics, per-language metrics, and every outcome (for listing the misses)."""

    overall: Metrics
    by_language: dict[str, Metrics]
    outcomes: tuple[Outcome, ...]


def _text_list(value: Any, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise QAFileError(f"{where}: {key} must be a non-empty list of url suffixes, got {value!r}")
    return tuple(value)


def _item(entry: Any, where: str, in_scope: bool) -> QAItem:
    if not isinstance(entry, dict):
        raise QAFileError(f"{where}: an entry must be a mapping with q and lang, got {entry!r}")
    question, lang = entry.get("q"), entry.get("lang", "en")
    if not isinstance(question, str) or not question.strip():
        raise QAFileError(f"{where}: q must be the question's text, got {question!r}")
    if not isinstance(lang, str):
        raise QAFileError(f"{where}: lang must be a language code, got {lang!r}")
    if not in_scope:
        return QAItem(question=question, lang=lang, in_scope=False)
    fact = entry.get("fact")
    if not isinstance(fact, str) or not fact.strip():
        raise QAFileError(f"{where}: fact must be a short text of the answer, got {fact!r}")
    return QAItem(question=question, lang=lang, in_scope=True, docs=_text_list(entry.get("docs"), where, "docs"),
                  fact=fact)


def parse_qa(text: str, source: str = "<qa>") -> list[QAItem]:
    """The questions of a QA file's text: in-scope ones first, then out-of-scope ones."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise QAFileError(f"{source}: malformed YAML: {getattr(exc, 'problem', None) or exc}") from None
    if not isinstance(data, dict):
        raise QAFileError(f"{source}: expected a mapping with in_scope and out_of_scope lists")
    unknown = set(data) - {"in_scope", "out_of_scope"}
    if unknown:
        raise QAFileError(f"{source}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    items: list[QAItem] = []
    for key, in_scope in (("in_scope", True), ("out_of_scope", False)):
        entries = data.get(key) or []
        if not isinstance(entries, list):
            raise QAFileError(f"{source}: {key} must be a list")
        items.extend(_item(e, f"{source}: {key}[{i}]", in_scope) for i, e in enumerate(entries))
    if not items:
        raise QAFileError(f"{source}: no questions")
    return items


def load_qa(path: Path) -> list[QAItem]:
    """Read and check a QA file (QAFileError names the bad entry)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QAFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return parse_qa(text, str(path))


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


def judge(item: QAItem, reply: Reply) -> Outcome:
    """Score one reply against its QA entry."""
    answered = reply.answer.answered
    rank = first_answering_rank(ranked_urls(reply), item.docs) if item.in_scope else None
    fact_found = answered and item.fact is not None and item.fact.casefold() in reply.text.casefold()
    return Outcome(item=item, answered=answered, rank=rank, fact_found=fact_found, answer_lang=reply.answer.lang,
                   evidence=reply.answer.evidence)


def _share(flags: Sequence[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


def metrics(outcomes: Sequence[Outcome]) -> Metrics:
    """recall@1/@3, MRR@10, fact and answered shares over in-scope outcomes; abstained over out-of-scope."""
    inside = [o for o in outcomes if o.item.in_scope]
    outside = [o for o in outcomes if not o.item.in_scope]
    reciprocal = [1 / o.rank if o.rank is not None and o.rank <= MRR_DEPTH else 0.0 for o in inside]
    return Metrics(
        in_scope=len(inside),
        out_of_scope=len(outside),
        recall_at_1=_share([o.rank is not None and o.rank <= 1 for o in inside]),
        recall_at_3=_share([o.rank is not None and o.rank <= 3 for o in inside]),
        mrr_at_10=sum(reciprocal) / len(reciprocal) if reciprocal else None,
        fact=_share([o.fact_found for o in inside]),
        answered=_share([o.answered for o in inside]),
        abstained=_share([not o.answered for o in outside]),
        language=_share([o.answer_lang == o.item.lang for o in outcomes]),
    )


def evaluate(ask: Callable[[str], Reply], items: Sequence[QAItem]) -> Report:
    """Ask every question through `ask` (the bot's path, e.g. Service.ask) and score the replies."""
    outcomes = tuple(judge(item, ask(item.question)) for item in items)
    languages = sorted({o.item.lang for o in outcomes})
    return Report(overall=metrics(outcomes),
                  by_language={lang: metrics([o for o in outcomes if o.item.lang == lang]) for lang in languages},
                  outcomes=outcomes)


def metrics_json(m: Metrics) -> dict[str, Any]:
    return {"in_scope": m.in_scope, "out_of_scope": m.out_of_scope, "recall@1": m.recall_at_1,
            "recall@3": m.recall_at_3, "mrr@10": m.mrr_at_10, "fact": m.fact, "answered": m.answered,
            "abstained": m.abstained, "language": m.language}


def report_json(report: Report) -> dict[str, Any]:
    """The `pressbot eval --json` object: overall, per language, and one line per question."""
    return {
        "overall": metrics_json(report.overall),
        "by_language": {lang: metrics_json(m) for lang, m in report.by_language.items()},
        "questions": [
            {"q": o.item.question, "lang": o.item.lang, "in_scope": o.item.in_scope, "answered": o.answered,
             "answer_lang": o.answer_lang, "rank": o.rank, "fact_found": o.fact_found if o.item.in_scope else None,
             "evidence": round(o.evidence, 4)}
            for o in report.outcomes
        ],
    }


_COLUMNS = (("R@1", "recall_at_1"), ("R@3", "recall_at_3"), ("MRR@10", "mrr_at_10"), ("fact", "fact"),
            ("answered", "answered"), ("abstained", "abstained"), ("language", "language"))


def _cell(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def format_report(report: Report) -> str:
    """A plain-text table (overall and per language) followed by the questions that missed a target."""
    header = f"{'':8} {'in':>3} {'out':>3} " + " ".join(f"{name:>9}" for name, _ in _COLUMNS)
    rows = [header]
    for label, m in [("all", report.overall), *report.by_language.items()]:
        rows.append(f"{label:8} {m.in_scope:>3} {m.out_of_scope:>3} "
                    + " ".join(f"{_cell(getattr(m, attr)):>9}" for _, attr in _COLUMNS))
    misses = []
    for o in report.outcomes:
        if o.item.in_scope and (o.rank != 1 or not o.fact_found or not o.answered):
            what = [f"rank {o.rank}" if o.rank else "not in hits", "fact" if o.fact_found else "no fact"]
            if not o.answered:
                what.append("abstained")
            misses.append(f"  [{o.item.lang}] {o.item.question}  ({', '.join(what)})")
        elif not o.item.in_scope and o.answered:
            misses.append(f"  [{o.item.lang}] {o.item.question}  (out of scope, answered)")
    if misses:
        rows += ["", "misses:", *misses]
    return "\n".join(rows)


# --- choosing the abstention threshold ----------------------------------------------------------------
ANSWERED_TARGET = 0.95
ABSTAINED_TARGET = 0.90


@dataclass(frozen=True)
class Band:
    """Thresholds t with lo < t <= hi meet both targets; `middle` is the one to configure."""

    lo: float
    hi: float

    @property
    def middle(self) -> float:
        return (self.lo + self.hi) / 2

    @property
    def width(self) -> float:
        return self.hi - self.lo


def shares_at(outcomes: Sequence[Outcome], threshold: float) -> tuple[float | None, float | None]:
    """(in-scope answered, out-of-scope abstained) had the bot answered exactly when evidence >= threshold."""
    inside = [o.evidence >= threshold for o in outcomes if o.item.in_scope]
    outside = [o.evidence < threshold for o in outcomes if not o.item.in_scope]
    return _share(inside), _share(outside)


def safe_band(outcomes: Sequence[Outcome], answered: float = ANSWERED_TARGET,
              abstained: float = ABSTAINED_TARGET) -> Band | None:
    """The thresholds at which in-scope answered >= `answered` and out-of-scope abstained >= `abstained`.

    Both shares move monotonically with the threshold, so the safe thresholds form one interval: above the
    evidence of the out-of-scope question that would be one answer too many, up to the evidence of the
    in-scope question that would be one abstention too many. None when the two overlap.
    """
    inside = sorted(o.evidence for o in outcomes if o.item.in_scope)
    outside = sorted((o.evidence for o in outcomes if not o.item.in_scope), reverse=True)
    if not inside or not outside:
        return None
    may_abstain = int(len(inside) * (1 - answered) + 1e-9)  # in-scope questions allowed below the threshold
    may_answer = int(len(outside) * (1 - abstained) + 1e-9)  # out-of-scope ones allowed at or above it
    lo = outside[may_answer] if may_answer < len(outside) else 0.0
    hi = inside[may_abstain] if may_abstain < len(inside) else 1.0
    return Band(lo, hi) if lo < hi else None


def format_sweep(outcomes: Sequence[Outcome], step: float = 0.05) -> str:
    """A table of both shares per threshold, then the safe band and its middle."""
    rows = [f"{'threshold':>9} {'answered':>9} {'abstained':>9}"]
    steps = round(1 / step)
    for i in range(steps + 1):
        inside, outside = shares_at(outcomes, i * step)
        rows.append(f"{i * step:>9.2f} {_cell(inside):>9} {_cell(outside):>9}")
    band = safe_band(outcomes)
    rows.append("")
    rows.append(f"safe band (answered >= {ANSWERED_TARGET}, abstained >= {ABSTAINED_TARGET}): "
                + (f"{band.lo:.3f} < t <= {band.hi:.3f}, middle {band.middle:.3f}" if band else "none"))
    return "\n".join(rows)
