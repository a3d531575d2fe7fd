"""Quoting the part of a release that answers what was asked: the sentence that holds the kind asked for (a count,
a duration, the countries people came from) about the question's topic, from the release found first when it
has one, rather than the sentence that merely repeats the question's words."""

from __future__ import annotations

import pytest

from pressbot.responses.answer_types import COUNTRY, DURATION, NUMBER, PLACE, asked, holds
from pressbot.retrieval import Document, Index
from tests.composing import AZ_FILLER, FILLER, RU_FILLER, answer

# --- which countries: the kind -------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "lang"), [
    ("106 sailors detained - mostly from where", "en"),
    ("which countries took part in the regatta", "en"),
    ("where were the detained sailors mostly from?", "en"),
    ("saxlanilan denizciler hansi olkelerin vetendaslaridir", "az"),
    ("из каких стран задержанные моряки", "ru"),
    ("откуда больше всего иностранцев приехало в 2020", "ru"),
    ("иностранцы приехали откуда в основном", "ru"),
    ("xaricilər əsasən haradan gəlib", "az"),
])
def test_a_question_about_which_countries_asks_for_countries(question: str, lang: str) -> None:
    found = asked(question, lang)
    assert found is not None and found[0] == COUNTRY


@pytest.mark.parametrize(("question", "lang"), [
    ("from where can i collect my card", "en"),
    ("where is the harbour office", "en"),
    ("откуда забрать готовую карту", "ru"),
    ("karti haradan goturmek olar", "az"),
])
def test_where_to_go_still_asks_for_a_place(question: str, lang: str) -> None:
    found = asked(question, lang)
    assert found is not None and found[0] == PLACE


@pytest.mark.parametrize(("sentence", "lang"), [
    ("93 of them are the citizens of Ruritania, 5 of Freedonia and 1 of Sylvania.", "en"),
    ("Delegations from Ruritania, Freedonia and Sylvania took part.", "en"),
    ("Saxlanılanların 50-si Ruritaniya vətəndaşıdır.", "az"),
    ("Среди задержанных граждане Руритании и Фридонии.", "ru"),
])
def test_a_sentence_naming_countries_or_nationalities_holds_the_countries(sentence: str, lang: str) -> None:
    assert holds(COUNTRY, sentence, lang)


@pytest.mark.parametrize(("sentence", "lang"), [
    ("106 sailors were detained in cities and regions of the country.", "en"),
    ("The harbour office is closed on public holidays.", "en"),
    ("Dənizçilər limanda saxlanılıb.", "az"),
    ("Моряки задержаны в порту.", "ru"),
    # people named in a row, with their titles or words of address, are no countries
    ("The guests were welcomed by Chief Tom Baker, Deputy Ann Smith and Director John Hill.", "en"),
    ("Qonaqları Rəis Tom Beyker, Müavin Ann Smit və Direktor Con Hill salamladı.", "az"),
    ("Гостей приветствовали Начальник Том Бейкер, Заместитель Анна Смит и Директор Иван Петров.", "ru"),
])
def test_a_sentence_naming_no_country_does_not_hold_the_countries(sentence: str, lang: str) -> None:
    assert not holds(COUNTRY, sentence, lang)


# --- which countries: the quote ------------------------------------------------------------------------------

SAILORS = Document(id="sailors", title="106 sailors were detained at the harbour", url="https://example.org/sailors",
                   text=("106 sailors were detained at the harbour during an inspection of cargo ships. "
                         "93 of them are the citizens of Ruritania, 5 of Freedonia and 8 of Sylvania.\n"
                         "A citizen of Freedonia wanted since 2010 was also detained at the harbour gate."))


def test_where_people_came_from_is_quoted_with_the_sentence_naming_them_not_a_lone_mention() -> None:
    result = answer("106 sailors detained - mostly from where", [SAILORS, *FILLER])
    assert result.answered
    assert any("93 of them are the citizens of Ruritania" in q.text for q in result.quotes)


def test_the_countries_are_quoted_together_with_the_sentence_they_continue_verbatim() -> None:
    result = answer("106 sailors detained - mostly from where", [SAILORS, *FILLER])
    quote = next(q.text for q in result.quotes if "Ruritania" in q.text)
    assert quote.startswith("106 sailors were detained") and quote in SAILORS.text


def test_the_countries_sentence_naming_a_word_of_the_question_is_still_read_with_the_sentence_it_continues() -> None:
    crew = Document(id="crew", title="106 sailors were detained at the harbour", url="https://example.org/crew",
                    text=("106 sailors were detained at the harbour during an inspection of cargo ships. "
                          "93 of the sailors are the citizens of Ruritania, 5 of Freedonia and 8 of Sylvania.\n"
                          "A sailor from Freedonia wanted since 2010 was also detained at the harbour gate."))
    result = answer("106 sailors detained at the harbour - mostly from where", [crew, *FILLER])
    assert result.answered
    assert result.quotes[0].text.startswith("106 sailors were detained")
    assert "citizens of Ruritania" in result.quotes[0].text


def test_no_sentence_naming_countries_keeps_the_not_stated_decline() -> None:
    plain = Document(id="plain", title="106 sailors were detained at the harbour", url="https://example.org/plain",
                     text="106 sailors were detained at the harbour during an inspection of cargo ships.")
    result = answer("106 sailors detained - mostly from where", [plain, *FILLER])
    assert not result.answered and result.missing == COUNTRY


@pytest.mark.parametrize(("question", "title", "text", "lang", "filler"), [
    ("saxlanilan 106 denizci hansi olkelerin vetendaslaridir", "Limanda 106 dənizçi saxlanılıb",
     "Limanda yoxlama zamanı 106 dənizçi saxlanılıb.", "az", AZ_FILLER),
    ("из каких стран 106 задержанных моряков", "В порту задержаны 106 моряков",
     "В ходе проверки в порту задержаны 106 моряков.", "ru", RU_FILLER),
])
def test_no_sentence_naming_countries_keeps_the_not_stated_decline_in_azerbaijani_and_russian(
        question: str, title: str, text: str, lang: str, filler: list[Document]) -> None:
    doc = Document(id="plain", title=title, url="https://example.org/plain", lang=lang, text=text)
    result = answer(question, [doc, *filler], lang)
    assert not result.answered and result.missing == COUNTRY


def test_countries_in_azerbaijani_are_quoted_with_their_sentence() -> None:
    doc = Document(id="az", title="Limanda 106 dənizçi saxlanılıb", url="https://example.org/az", lang="az",
                   text=("Limanda yoxlama zamanı 106 dənizçi saxlanılıb. "
                         "Onlardan 93-ü Ruritaniya vətəndaşıdır, 13-ü isə Freedoniya vətəndaşıdır."))
    result = answer("saxlanilan 106 denizci hansi olkelerin vetendaslaridir", [doc, *AZ_FILLER], "az")
    assert result.answered and any("Ruritaniya vətəndaşıdır" in q.text for q in result.quotes)


def test_countries_in_russian_are_quoted_with_their_sentence() -> None:
    doc = Document(id="ru", title="В порту задержаны 106 моряков", url="https://example.org/ru", lang="ru",
                   text=("В ходе проверки в порту задержаны 106 моряков. "
                         "Среди них 93 граждане Руритании и 13 граждане Фридонии."))
    result = answer("из каких стран 106 задержанных моряков", [doc, *RU_FILLER], "ru")
    assert result.answered and any("граждане Руритании" in q.text for q in result.quotes)


# --- a count is not a span of time ---------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "lang"), [
    ("The ceremony began with one minute's silence in remembrance of the victims.", "en"),
    ("The programme will continue for 6 months.", "en"),
    ("Qeydiyyat 15 gün ərzində aparılır.", "az"),
    ("Регистрация проводится в течение 10 дней.", "ru"),
])
def test_a_figure_before_a_unit_of_time_is_no_count(sentence: str, lang: str) -> None:
    assert not holds(NUMBER, sentence, lang)


@pytest.mark.parametrize(("sentence", "lang"), [
    ("During the 6 months of the year 320 applications were received.", "en"),
    ("10 il ərzində 500 nəfər qəbul olunub.", "az"),
    ("За 10 дней поступило 300 заявлений.", "ru"),
])
def test_a_count_beside_a_span_of_time_is_still_a_count(sentence: str, lang: str) -> None:
    assert holds(NUMBER, sentence, lang)


@pytest.mark.parametrize(("question", "lang"), [
    ("how many days does registration take", "en"),
    ("сколько дней длится регистрация", "ru"),
    ("qeydiyyat nece gun cekir", "az"),
])
def test_how_many_days_asks_for_a_duration(question: str, lang: str) -> None:
    found = asked(question, lang)
    assert found is not None and found[0] == DURATION


def test_a_count_question_quotes_the_count_not_the_minute_of_silence() -> None:
    silence = Document(id="silence", title="Harbour flood remembered", url="https://example.org/silence",
                       text="Persons killed in the harbour flood were remembered with one minute's silence.")
    victims = Document(id="victims", title="Harbour flood report", url="https://example.org/victims",
                       text="The report says that 147 persons were killed.")
    result = answer("harbour flood how many persons killed", [silence, victims, *FILLER])
    assert result.answered and any("147 persons" in q.text for q in result.quotes)
    assert not any("minute" in q.text for q in result.quotes)


# --- the release found first -----------------------------------------------------------------------------------

ACADEMY = Document(id="academy", title="Lighthouse academy course opened", url="https://example.org/academy",
                   text=("The lighthouse academy course welcomed a new group of keepers.\n"
                         "The course lasts four months."))
# Further down the ranking: one sentence says all of the question's words at once, with a span about a hall.
OTHER = Document(id="other", title="Lighthouse academy news", url="https://example.org/other",
                 text="The lighthouse academy course hall beside the bridge was repaired over two months.")


def test_the_release_found_first_is_quoted_first_when_it_states_the_kind_about_the_topic() -> None:
    question = "how long is the lighthouse academy course"
    assert [h.doc_id for h in Index.build([ACADEMY, OTHER, *FILLER]).search(question, k=2, lang="en")] == [
        "academy", "other"]
    result = answer(question, [ACADEMY, OTHER, *FILLER])
    assert result.answered and result.citations[0].doc_id == "academy"
    assert any("four months" in q.text for q in result.quotes if q.n == 1)


def test_a_release_further_down_comes_first_when_the_first_states_no_such_thing() -> None:
    first = Document(id="academy", title="Lighthouse academy course opened", url="https://example.org/academy",
                     text="The lighthouse academy course welcomed a new group of keepers.")
    result = answer("how long is the lighthouse academy course", [first, OTHER, *FILLER])
    assert result.answered and result.citations[0].doc_id == "other"
