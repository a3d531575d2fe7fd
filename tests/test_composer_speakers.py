"""Who spoke, met or signed: the sentence naming the person (a title, a name, a verb of speaking or meeting)
often shares no word with the question but follows the sentence about the event; it is quoted together with
that sentence, in en/az/ru."""

from __future__ import annotations

import pytest

from pressbot.responses.answer_types import names_person
from pressbot.responses.composer import Answer
from pressbot.retrieval import Document
from tests.composing import AZ_FILLER, FILLER, RU_FILLER, answer


def quoted(found: Answer) -> str:
    return "\n".join(q.text for q in found.quotes)


def one_quote_holds(found: Answer, event: str, person: str) -> bool:
    """Whether one quote holds the event sentence and, on the next line, the person's."""
    return any(f"{event}\n{person}" in q.text for q in found.quotes)


@pytest.mark.parametrize(("sentence", "lang"), [
    ("Deputy chief of the Harbour Office, Tom Baker spoke about the importance of the festival.", "en"),
    ("Liman idarəsinin rəis müavini Tomas Beyker festivalın əhəmiyyətindən danışıb.", "az"),
    ("Заместитель начальника порта Томас Бейкер выступил на празднике.", "ru"),
    ("Tom Baker, the deputy chief of the Harbour Office, spoke about the festival.", "en"),
    ("Заместитель начальника Службы Томас Бейкер выступил на празднике.", "ru"),
])
def test_a_title_a_name_and_a_verb_of_speaking_name_a_person(sentence: str, lang: str) -> None:
    assert names_person(sentence, lang)


@pytest.mark.parametrize(("sentence", "lang"), [
    ("A harvest festival was held at the Harbour Office for the sailors.", "en"),
    ("The deputy chief spoke about the importance of the festival.", "en"),  # no name
    ("Liman idarəsində dənizçilər üçün məhsul bayramı keçirilib.", "az"),
    ("В порту для моряков прошёл праздник урожая.", "ru"),
    # A title and capitalized words that name a body, no person.
    ("The Head of the Harbour Office said that the work continues.", "en"),
    ("The Head of the Northern Harbour Office said that the work continues.", "en"),
    ("Şimal Liman İdarəsinin rəisi bildirib ki, iş davam edir.", "az"),
    ("Посол Северной Республики отметил важность встречи.", "ru"),
])
def test_a_sentence_without_title_personal_name_and_verb_names_no_person(sentence: str, lang: str) -> None:
    assert not names_person(sentence, lang)


FESTIVAL = Document(id="festival", title="A harvest festival for the sailors", url="https://example.org/festival",
                    text=("A harvest festival was held at the harbour office for the sailors on October 1.\n"
                          "Deputy chief of the Service, Tom Baker spoke about the importance of the day.\n"
                          "The guests thanked the organisers."))


def test_the_person_who_spoke_is_quoted_with_the_event_sentence_before_it() -> None:
    found = answer("who spoke at the harvest festival of the harbour office", [FESTIVAL, *FILLER])
    assert found.answered
    assert one_quote_holds(found, "for the sailors on October 1.", "Deputy chief")


def test_the_quote_of_event_and_person_is_verbatim_one_paragraph_a_line() -> None:
    found = answer("who spoke at the harvest festival of the harbour office", [FESTIVAL, *FILLER])
    paragraphs = FESTIVAL.text.split("\n")
    assert found.quotes
    for quote in found.quotes:
        # Verbatim as a whole, the line break included, and each line within one paragraph (none spans two).
        assert quote.text in FESTIVAL.text
        assert all(any(line in paragraph for paragraph in paragraphs) for line in quote.text.split("\n"))


def test_a_person_sentence_not_right_after_the_event_sentence_is_not_joined_to_it() -> None:
    apart = Document(id="apart", title="A harvest festival for the sailors",
                     text=("A harvest festival was held at the harbour office for the sailors on October 1.\n"
                           "The guests thanked the organisers.\n"
                           "Deputy chief of the Service, Tom Baker spoke about the importance of the day."))
    found = answer("who spoke at the harvest festival of the harbour office", [apart, *FILLER])
    assert not any("October 1." in q.text and "Deputy" in q.text for q in found.quotes)


def test_the_person_who_spoke_is_quoted_with_the_event_sentence_in_azerbaijani() -> None:
    doc = Document(id="bayram", lang="az", title="Dənizçilər üçün məhsul bayramı",
                   text=("Liman idarəsində dənizçilər üçün məhsul bayramı keçirilib.\n"
                         "Tədbirdə Xidmətin rəis müavini Tomas Beyker günün əhəmiyyətindən danışıb.\n"
                         "Qonaqlar təşkilatçılara təşəkkür ediblər."))
    found = answer("liman idaresinde mehsul bayraminda kim cixis edib", [doc, *AZ_FILLER], "az")
    assert found.answered and "Tomas Beyker" in quoted(found)
    assert one_quote_holds(found, "məhsul bayramı keçirilib.", "Tədbirdə")


def test_the_person_who_spoke_is_quoted_with_the_event_sentence_in_russian() -> None:
    doc = Document(id="prazdnik", lang="ru", title="Праздник урожая для моряков",
                   text=("В портовом управлении для моряков прошёл праздник урожая.\n"
                         "Заместитель начальника Службы Томас Бейкер выступил с речью о значении дня.\n"
                         "Гости поблагодарили организаторов."))
    found = answer("кто выступил на празднике урожая в портовом управлении", [doc, *RU_FILLER], "ru")
    assert found.answered and "Томас Бейкер" in quoted(found)
    assert one_quote_holds(found, "праздник урожая.", "Заместитель")


def test_a_sentence_with_a_title_but_no_personal_name_is_not_joined_to_the_event_sentence() -> None:
    nobody = Document(id="nobody", title="A harvest festival for the sailors",
                      text=("A harvest festival was held at the harbour office for the sailors on October 1.\n"
                            "The Head of the Northern Port Authority said that the work continues.\n"
                            "The guests thanked the organisers."))
    found = answer("who spoke at the harvest festival of the harbour office", [nobody, *FILLER])
    assert not any("October 1." in q.text and "The Head" in q.text for q in found.quotes)
