"""QA files: the questions `pressbot eval` asks, with what a right answer holds.

The format (that of ../shared/qa-dev.yaml) is YAML with up to three lists::

    in_scope:
    - {q: "question", lang: en, docs: [news_detail/9402], fact: "without obtaining any visa"}
    out_of_scope:
    - {q: "question", lang: en}
    conversation:        # optional: greetings, thanks, "more" — not questions about the corpus
    - {q: "salam", lang: az}

`docs` are url suffixes of every corpus document that answers the question; `fact` is a short text a
correct answer quotes (compared case-insensitively).

Usage::

    items = load_qa(Path("benchmarks/data/citizen-dev.yaml"))   # QAFileError names the bad entry
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class QAFileError(ValueError):
    """A QA file that cannot be evaluated; the message names the entry and the problem."""


@dataclass(frozen=True)
class QAItem:
    """One question of a QA file; out-of-scope questions and conversation inputs have no docs and no fact."""

    question: str
    lang: str
    in_scope: bool
    docs: tuple[str, ...] = ()
    fact: str | None = None
    conversation: bool = False  # a greeting, thanks, "more": answered as conversation, not from the corpus


def _text_list(value: Any, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise QAFileError(f"{where}: {key} must be a non-empty list of url suffixes, got {value!r}")
    return tuple(value)


def _item(entry: Any, where: str, in_scope: bool, conversation: bool = False) -> QAItem:
    if not isinstance(entry, dict):
        raise QAFileError(f"{where}: an entry must be a mapping with q and lang, got {entry!r}")
    question, lang = entry.get("q"), entry.get("lang", "en")
    if not isinstance(question, str) or not question.strip():
        raise QAFileError(f"{where}: q must be the question's text, got {question!r}")
    if not isinstance(lang, str):
        raise QAFileError(f"{where}: lang must be a language code, got {lang!r}")
    if not in_scope:
        return QAItem(question=question, lang=lang, in_scope=False, conversation=conversation)
    fact = entry.get("fact")
    if not isinstance(fact, str) or not fact.strip():
        raise QAFileError(f"{where}: fact must be a short text of the answer, got {fact!r}")
    return QAItem(question=question, lang=lang, in_scope=True, docs=_text_list(entry.get("docs"), where, "docs"),
                  fact=fact)


def parse_qa(text: str, source: str = "<qa>") -> list[QAItem]:
    """The questions of a QA file's text: in-scope ones first, then out-of-scope ones, then conversation."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise QAFileError(f"{source}: malformed YAML: {getattr(exc, 'problem', None) or exc}") from None
    if not isinstance(data, dict):
        raise QAFileError(f"{source}: expected a mapping with in_scope and out_of_scope lists")
    unknown = set(data) - {"in_scope", "out_of_scope", "conversation"}
    if unknown:
        raise QAFileError(f"{source}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    items: list[QAItem] = []
    for key, in_scope in (("in_scope", True), ("out_of_scope", False), ("conversation", False)):
        entries = data.get(key) or []
        if not isinstance(entries, list):
            raise QAFileError(f"{source}: {key} must be a list")
        items.extend(_item(e, f"{source}: {key}[{i}]", in_scope, key == "conversation")
                     for i, e in enumerate(entries))
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
