"""A question about the person's own application is recognized in three languages (own_case.py), and a procedure
question that merely says "I" or "my", or speaks of a legal status, is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressbot.responses.answering import answer_question
from pressbot.responses.own_case import own_case
from pressbot.responses.render import Renderer
from pressbot.retrieval import Document, Index
from pressbot.retrieval.agency import load_profile

BUNDLED = Path(__file__).resolve().parent.parent / "corpus"
# What people apply to the bundled agency for ("icazəm": my permit) is its profile's data, not code.
AGENCY = (load_profile(BUNDLED) or pytest.fail("the bundled corpus has an agency profile")).own_case


@pytest.mark.parametrize(("question", "lang"), [
    ("my application 48213, is it ready", "en"),
    ("i applied for a work permit in may, still no answer", "en"),
    ("iş icazəm nə vaxt hazır olacaq, keçən ay müraciət etmişəm", "az"),
    ("muracietimin neticesi ne vaxt cixacaq", "az"),  # typed without the Azerbaijani letters
    ("подал на ВНЖ месяц назад, когда будет готов?", "ru"),
    ("моё разрешение на работу уже готово?", "ru"),
    ("did they approve my asylum application", "en"),
    ("где мой паспорт, подавал два месяца назад", "ru"),
    ("menim yasamaq icazem hazirdi? muraciet nomresi 77120", "az"),  # the number is the application's, no contact
])
def test_a_question_about_ones_own_application_is_recognized_in_its_language(question: str, lang: str) -> None:
    assert own_case(question, AGENCY) == lang


def test_what_people_apply_for_comes_from_the_agency_profile_not_the_code() -> None:
    assert own_case("iş icazəm nə vaxt hazır olacaq") is None  # "icazəm" (my permit) is the agency's word
    assert own_case("iş icazəm nə vaxt hazır olacaq", {"az": ("icazəm*",)}) == "az"
    assert own_case("is my birth certificate ready", {"en": ("my birth certificate*",)}) == "en"


@pytest.mark.parametrize("question", [
    "i lost my passport in russia, how do i get home",
    "my stay got extended during quarantine, do i need to go to the office",
    "how long is a work permit ready after applying",
    "rusiyada pasportumu itirmişəm, vətənə necə qayıdım",
    "pasport neçə günə hazır olur",
    "подал на статус беженца, можно работать без разрешения на работу",
    "когда будет готов новый закон о миграции",
    "can i travel while my application is being processed",
    "i applied for temporary residence and my card is ready, where do i pick it up",
    "моя карта готова, где её забрать",
    "when will my passport expire",
])
def test_a_procedure_question_that_says_i_or_asks_when_is_not_an_own_case(question: str) -> None:
    assert own_case(question, AGENCY) is None


def test_the_own_case_reply_gives_the_contacts_and_no_quotes() -> None:
    index = Index.build([Document(id="d1", title="Work permits", lang="en",
                            text="A work permit is ready within 20 days of the application.")])
    reply = answer_question(index, "i applied for my work permit, when will it be ready", Renderer())
    assert not reply.answer.answered and not reply.answer.citations
    assert reply.text.startswith("I cannot see individual applications")
    assert "please contact the agency" in reply.text and "within 20 days" not in reply.text


def test_the_own_case_reply_escapes_the_question_in_html() -> None:
    index = Index.build([Document(id="d1", title="Work permits", lang="en", text="A work permit is issued.")])
    reply = answer_question(index, "my application <b>1</b> status?", Renderer())
    assert "&lt;b&gt;1&lt;/b&gt;" in reply.html and "<b>1</b>" not in reply.html
