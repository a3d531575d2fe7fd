"""A question asking who spoke is answered by a person named by title and name, not by a sentence about "the
employees" or "the participants" (which the PERSON kind holds): otherwise the "not stated" reply, with the release
as the closest one."""

from __future__ import annotations

import pytest

from pressbot.responses.answer_types import asks_speaker
from pressbot.responses.decision import speaker_named
from tests.composing import quoting

# (language, a question asking who spoke, a sentence about the staff, a sentence naming the speaker)
CASES = [
    ("en", "who gave the speech at the event on january 19",
     "At first Service employees got acquainted with the exhibition dedicated to the victims.",
     "Deputy chief of the Service Elman Aliyev spoke about the tragedy."),
    ("az", "20 yanvar tedbirinde kim cixis edib",
     "Əvvəlcə Xidmətin əməkdaşları sərgi ilə tanış olublar.",
     "Xidmətin rəis müavini Elman Əliyev çıxış edərək faciədən danışıb."),
    ("ru", "кто выступил на мероприятии 19 января",
     "Вначале сотрудники Службы ознакомились с выставкой.",
     "Заместитель начальника Службы Эльман Алиев выступил с речью о трагедии."),
]


@pytest.mark.parametrize(("lang", "question", "staff", "speaker"), CASES)
def test_who_spoke_is_not_answered_by_a_sentence_about_the_staff(
        lang: str, question: str, staff: str, speaker: str) -> None:
    decided = speaker_named(quoting(question, lang, staff))
    assert not decided.answered and decided.missing == "person" and decided.reason == "speaker_named"
    assert decided.related is not None and decided.related.url == "https://example.org/1"


@pytest.mark.parametrize(("lang", "question", "staff", "speaker"), CASES)
def test_who_spoke_is_answered_by_the_speaker_named(lang: str, question: str, staff: str, speaker: str) -> None:
    composed = quoting(question, lang, staff, speaker)
    assert speaker_named(composed) == composed


@pytest.mark.parametrize(("question", "lang"), [("who can apply for asylum", "en"), ("kim müraciət edə bilər", "az"),
                                                ("кто может подать ходатайство", "ru"),
                                                ("when was the speech given", "en"),
                                                ("kimle danisiqlar aparilib", "az")])
def test_a_question_not_asking_who_spoke_asks_no_speaker(question: str, lang: str) -> None:
    assert not asks_speaker(question, lang)


def test_a_question_about_who_can_apply_may_be_answered_by_a_category_of_people() -> None:
    composed = quoting("who can apply for asylum", "en", "Foreigners and stateless persons may apply for asylum.")
    assert speaker_named(composed) == composed
