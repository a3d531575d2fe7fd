"""A sentence states the place asked for by something beyond the question's own words: "where are the sailors'
centres" is not answered by "the council visited the sailors' centres" (its "centres" is what the question asks
about), but by "the sailors' centres operate in Portville and Eastbay"."""

from __future__ import annotations

import pytest

from pressbot.retrieval import Document
from tests.composing import AZ_FILLER, FILLER, RU_FILLER, answer

CASES = [
    ("where are the centres for sailors", "en", FILLER,
     "The council visited the centres for sailors and discussed the conditions of the sailors there.",
     "The centres for sailors operate in Portville and Eastbay.", "Portville and Eastbay"),
    ("denizciler ucun merkezler harada yerlesir", "az", AZ_FILLER,
     "Şura dənizçilər üçün mərkəzlərə baş çəkib, mərkəzlərdə yerləşdirilən dənizçilər şəraitdən razıdırlar.",
     "Dənizçilər üçün mərkəzlər Portvildə yerləşir.", "Portvildə"),
    ("где центры для моряков", "ru", RU_FILLER,
     "Совет посетил центры для моряков и обсудил условия моряков.",
     "Центры для моряков работают в Портвиле и Истбее.", "в Портвиле"),
]


def _releases(lang: str, visit: str, located: str) -> list[Document]:
    return [Document(id="visit", title="Visit", lang=lang, text=visit, url="https://example.org/visit"),
            Document(id="located", title="Sailors", lang=lang, text=located, url="https://example.org/located")]


@pytest.mark.parametrize(("question", "lang", "filler", "visit", "located", "place"), CASES)
def test_a_place_asked_for_is_quoted_from_the_sentence_naming_one_beyond_the_question(
        question: str, lang: str, filler: list[Document], visit: str, located: str, place: str) -> None:
    result = answer(question, [*_releases(lang, visit, located), *filler], lang)
    assert result.answered
    assert any(place in q.text for q in result.quotes)


@pytest.mark.parametrize(("question", "lang", "filler", "visit", "located", "place"), CASES)
def test_a_release_naming_the_asked_thing_only_by_the_question_words_is_not_cited_for_its_place(
        question: str, lang: str, filler: list[Document], visit: str, located: str, place: str) -> None:
    result = answer(question, [*_releases(lang, visit, located), *filler], lang)
    assert [c.doc_id for c in result.citations] == ["located"]


def test_a_place_word_beyond_the_question_still_states_the_place() -> None:
    office = Document(id="office", title="Harbour office", url="https://example.org/office",
                      text="The harbour office for sailors is in the port district near the old lighthouse.")
    result = answer("where is the harbour office for sailors", [office, *FILLER])
    assert result.answered and result.citations[0].doc_id == "office"


@pytest.mark.parametrize(("question", "lang", "filler", "named", "cities"), [
    ("where did the embassy hold consular days in Portville", "en", FILLER,
     "The embassy held consular days for compatriots in Portville on 3 May.",
     "The embassy held consular days in many cities and states of the country."),
    ("sefirlik Portvildə konsulluq günlərini harada kecirib", "az", AZ_FILLER,
     "Səfirlik 3 mayda Portvildə həmvətənlər üçün konsulluq günləri keçirib.",
     "Səfirlik ölkənin bir çox şəhərlərində konsulluq günləri keçirib."),
    ("где посольство провело консульские дни в Портвиле", "ru", RU_FILLER,
     "Посольство провело консульские дни для соотечественников в Портвиле 3 мая.",
     "Посольство провело консульские дни во многих городах страны."),
])
def test_a_place_the_question_names_itself_still_states_where(
        question: str, lang: str, filler: list[Document], named: str, cities: str) -> None:
    docs = [Document(id="named", title="Consular days", lang=lang, text=named, url="https://example.org/named"),
            Document(id="cities", title="Consular days", lang=lang, text=cities, url="https://example.org/cities")]
    result = answer(question, [*docs, *filler], lang)
    assert result.answered and result.citations[0].doc_id == "named"
