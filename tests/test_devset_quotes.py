"""Every answer of the dev sets, checked against the corpus text: each quote is verbatim, none ends mid-word, and
none ends with a lead-in (a line ending in ":") without what it introduces.

A quote may span the lines of a list (joined by newlines) and end a cut paragraph with "…"; every piece between
them is found in the press release as the corpus holds it (the file as parsed, not the passages the code under
test made), and the character after it there is not a letter or digit unless the piece ends with "…".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pressbot.bot.cli.qa_file import load_qa
from pressbot.bot.core.config import load_config
from pressbot.bot.core.service import Service
from pressbot.responses.composer import Answer
from pressbot.retrieval.corpus import require_corpus

ROOT = Path(__file__).resolve().parent.parent
# Every tuning question file in the project and qa-dev; not the check sets, whose questions nobody may see (a
# failure here prints its question and answer).
CHECK_SETS = frozenset({"blind3-dev.yaml", "blind4-dev.yaml", "blind5-dev.yaml", "blind6-dev.yaml", "holdout-dev.yaml"})
SETS = [*sorted(p for p in (ROOT / "benchmarks" / "data").glob("*.yaml") if p.name not in CHECK_SETS),
        ROOT.parent / "shared" / "qa-dev.yaml"]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def service() -> Service:
    return Service.start(load_config(None, environ={}, corpus=ROOT / "corpus"))


@pytest.fixture(scope="module")
def answers(service: Service) -> dict[Path, list[tuple[str, Answer]]]:
    """Each dev set's questions with their answers, asked once for the tests of this module."""
    return {path: [(item.question, service.ask(item.question).answer) for item in load_qa(path)]
            for path in SETS if path.is_file()}


@pytest.fixture(scope="module")
def corpus_text() -> dict[str, str]:
    return {d.id: squash(d.title + "\n" + d.text) for d in require_corpus(ROOT / "corpus")}


@pytest.mark.parametrize("path", [p for p in SETS if p.is_file()], ids=lambda p: p.name)
def test_every_quote_of_a_dev_set_is_verbatim_and_never_ends_mid_word(path: Path, answers: dict[Path, list[
        tuple[str, Answer]]], corpus_text: dict[str, str]) -> None:
    problems: list[str] = []
    for question, answer in answers[path]:
        for quote in answer.quotes:
            text = corpus_text[answer.citations[quote.n - 1].doc_id]
            for line in quote.text.split("\n"):
                pieces = line.split("…")
                for i, piece in enumerate(pieces):
                    piece = squash(piece)
                    if not any(ch.isalnum() for ch in piece):
                        continue  # a bullet or dash alone on its line
                    at = text.find(piece)
                    if at < 0:
                        problems.append(f"{question!r}: not in the corpus: {piece!r}")
                        continue
                    after = text[at + len(piece): at + len(piece) + 1]
                    elided = i < len(pieces) - 1
                    if after.isalnum() and not elided:
                        problems.append(f"{question!r}: ends mid-word: …{piece[-40:]!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", [p for p in SETS if p.is_file()], ids=lambda p: p.name)
def test_no_quote_of_a_dev_set_ends_with_a_lead_in_without_what_it_introduces(
        path: Path, answers: dict[Path, list[tuple[str, Answer]]]) -> None:
    bare = [f"{question!r}: …{quote.text[-80:]!r}" for question, answer in answers[path] for quote in answer.quotes
            if quote.text.split("\n")[-1].rstrip().endswith(":")]
    assert not bare, "\n".join(bare)
