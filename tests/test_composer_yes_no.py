"""Yes/no questions: recognised in three languages, and answered by the sentence naming what they ask about."""

from __future__ import annotations

import pytest

from pressbot.responses.answer_types import is_yes_no
from pressbot.responses.answering import answer_question
from pressbot.responses.composer import ComposerSettings
from pressbot.responses.render import Renderer
from pressbot.retrieval import Document, Index


@pytest.mark.parametrize(("question", "lang"), [("is consular registration obligatory", "en"),
                                                ("konsulluq ucotuna durmaq mecburidi?", "az"),
                                                ("беженцу можно выезжать за границу?", "ru")])
def test_a_question_without_a_question_word_asking_yes_or_no_is_a_yes_no_question(question: str, lang: str) -> None:
    assert is_yes_no(question, lang)


@pytest.mark.parametrize(("question", "lang"), [("how do i cancel my embassy appointment", "en"),
                                                ("daimi yasamaq icazesi hara verilir", "az"),
                                                ("сколько стоит виза?", "ru")])
def test_a_question_with_a_question_word_or_a_kind_is_not_a_yes_no_question(question: str, lang: str) -> None:
    assert not is_yes_no(question, lang)


REGISTRATION = Document(id="registration", title="Consular registration", url="https://example.org/registration",
                        text=("Consular registration at the embassy in Berlin is carried out on weekdays. "
                              "Consular registration is not obligatory."))
OTHERS = [Document(id="reception", title="Reception", text="The embassy in Berlin held a reception for students."),
          *(Document(id=f"seminar{i}", title=f"Seminar {i}", url=f"https://example.org/s{i}",
                     text=f"Consular registration was discussed at seminar {i} on {topic}.")
            for i, topic in enumerate(["archives", "museums", "libraries", "gardens", "theatres", "orchestras"]))]


def test_a_yes_no_question_is_answered_by_the_sentence_naming_what_it_asks_not_by_its_subject() -> None:
    one = ComposerSettings(sentences_per_source=1)
    reply = answer_question(Index.build([REGISTRATION, *OTHERS]),
                            "is consular registration at the embassy in berlin obligatory", Renderer(), one, lang="en")
    assert reply.answer.citations[0].doc_id == "registration"
    assert [q.text for q in reply.answer.quotes if q.n == 1] == ["Consular registration is not obligatory."]
