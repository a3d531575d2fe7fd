"""The one question path (responses/answering.py): a question is analyzed once, and every front end's reply
(the answer, the answer in the person's language, More, inline) comes from that one path."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from pressbot.bot.core.config import load_config
from pressbot.bot.core.service import Service
from pressbot.responses.answering import Rendered, Reply, analyze, answer_question, further, render_answer
from pressbot.responses.composer import ComposerSettings
from pressbot.responses.render import Renderer
from pressbot.retrieval import Index
from pressbot.retrieval.corpus import require_corpus
from pressbot.retrieval.glossary import Glossary

QUESTION = "Who met the IOM Director General in Geneva?"
BROAD_QUESTION = "State Migration Service meeting"  # several releases: More has some to show (test_e2e_buttons)


@pytest.fixture
def index(small_corpus: Path) -> Index:
    return Index.build(require_corpus(small_corpus))


def test_a_question_is_analyzed_once_per_answer(index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, ...]] = []
    expand = Glossary.expand

    def counted(self: Glossary, *args: Any) -> Any:
        calls.append(args)
        return expand(self, *args)

    monkeypatch.setattr(Glossary, "expand", counted)
    reply = answer_question(index, QUESTION, Renderer(), lang="en")
    assert reply.answer.answered and reply.answer.evidence >= 0.6  # no cross-language search was needed
    assert len(calls) == 1


def test_the_analysis_is_the_one_search_and_weights_would_make(index: Index) -> None:
    asked = analyze(index, QUESTION)
    assert asked.lang == "en"
    assert list(asked.plan.said) == index.query_terms(QUESTION, "en")
    assert asked.weights == index.term_weights(index.query_terms(QUESTION, "en"))
    assert index.search(QUESTION, k=10, lang="en", plan=asked.plan) == index.search(QUESTION, k=10, lang="en")


def test_a_reply_in_the_persons_language_is_the_same_answer_rendered_in_it(index: Index) -> None:
    own = answer_question(index, QUESTION, Renderer(), lang="en")
    theirs = answer_question(index, QUESTION, Renderer(), lang="en", ui="az")
    assert theirs == render_answer(replace(own.answer, lang="az"), Renderer())
    assert theirs.answer.citations == own.answer.citations and theirs.html != own.html


def test_a_conversation_word_is_not_re_rendered_in_the_persons_language(index: Index) -> None:
    assert answer_question(index, "thanks", Renderer(), ui="az").kind == "conversation"


def test_further_results_leave_out_the_press_releases_already_shown(index: Index) -> None:
    asked = analyze(index, BROAD_QUESTION)
    first = answer_question(index, BROAD_QUESTION, Renderer()).answer
    shown = {c.doc_id for c in first.citations}
    more = further(index, asked, ComposerSettings(), shown)
    assert shown and more.citations
    assert not shown & {c.doc_id for c in more.citations}


def test_a_reply_is_a_rendering_so_front_ends_send_it_as_it_is(index: Index) -> None:
    reply = answer_question(index, QUESTION, Renderer())
    assert isinstance(reply, Reply) and isinstance(reply, Rendered)


def test_the_service_answers_through_the_same_path(small_corpus: Path) -> None:
    service = Service.start(load_config(None, {}, corpus=small_corpus))
    assert service.ask(QUESTION, ui="ru") == answer_question(service.index, QUESTION, service.renderer,
                                                              service.config.answer, ui="ru")
    more = service.further(QUESTION, "en", shown=["migration-en-13016"], limit=1, sentences=1)
    assert more == further(service.index, analyze(service.index, QUESTION, "en"), service.config.answer,
                           ["migration-en-13016"], limit=1, sentences=1)
