"""A name the question says in a form the releases seldom or never use ("Russia" where they write "Russian
Federation", "ABŞ", "РФ") is still a name: the vocabulary's other names for it tell, and names_kept requires it of
the quotes like any other name."""

from __future__ import annotations

import pytest

from pressbot.responses.composer import Answer, Citation, Quote
from pressbot.responses.decision import Asked, names_a_name, names_kept
from pressbot.retrieval import Document, Index
from pressbot.retrieval.analyzer import analyze
from pressbot.retrieval.glossary import Concept, Query

RELEASES = [
    Document(id="en", title="Visit", lang="en", text=(
        "The delegation visited the Russian Federation. Officials of the Russian Federation met the delegation. "
        "A passport is issued for ten years. The passport office is open on weekdays.")),
    Document(id="az", title="Səfər", lang="az", text=(
        "Nümayəndə heyəti Amerika Birləşmiş Ştatlarına səfər edib. Heyət Amerika Birləşmiş Ştatlarının rəsmiləri "
        "ilə görüşüb. Pasport on il müddətinə verilir. Pasport şöbəsi iş günləri açıqdır.")),
    Document(id="ru", title="Визит", lang="ru", text=(
        "Делегация посетила Российскую Федерацию. Представители Российской Федерации встретились с делегацией. "
        "Паспорт выдается на десять лет. Паспортный отдел открыт в будние дни.")),
]

# (language, the name as the question says it, the releases' name for it, a quote that does not say it)
CASES = [
    ("en", "Russia", "Russian Federation", "A passport is issued for ten years."),
    ("az", "ABŞ", "Amerika Birləşmiş Ştatları", "Pasport on il müddətinə verilir."),
    ("ru", "РФ", "Российская Федерация", "Паспорт выдается на десять лет."),
]


@pytest.fixture(scope="module")
def releases() -> Index:
    return Index.build(RELEASES)


def concept(said: str, other: str, lang: str) -> Concept:
    return Concept((tuple(analyze(said, lang)), tuple(analyze(other, lang))))


def passport(lang: str) -> Concept:
    return Concept(((analyze({"en": "passport", "az": "pasport", "ru": "паспорт"}[lang], lang)[0],),))


def answer(question: str, lang: str, quote: str) -> Answer:
    citation = Citation(n=1, doc_id=lang, passage_id=f"{lang}#0", title="Passports", url="https://example.org/1",
                        date=None, source=None, score=10.0, passage=quote)
    return Answer(query=question, lang=lang, answered=True, quotes=(Quote(text=quote, n=1),), citations=(citation,),
                  evidence=0.8)


@pytest.mark.parametrize(("lang", "said", "other", "quote"), CASES)
def test_a_name_said_in_a_form_the_releases_do_not_use_is_a_name_by_its_other_names(
        releases: Index, lang: str, said: str, other: str, quote: str) -> None:
    assert names_a_name(releases, concept(said, other, lang), lang)


@pytest.mark.parametrize(("lang", "said", "other", "quote"), CASES)
def test_a_name_said_in_another_form_must_be_named_by_the_quotes(
        releases: Index, lang: str, said: str, other: str, quote: str) -> None:
    name = concept(said, other, lang)
    asked = Asked(Query((name, passport(lang))), {name.said[0]: 6.0, passport(lang).said[0]: 2.0})
    decided = names_kept(releases, answer(f"{said} passport", lang, quote), asked)
    assert not decided.answered and decided.reason == "names_kept"


@pytest.mark.parametrize(("lang", "said", "other", "quote"), CASES)
def test_other_names_written_in_lower_case_do_not_make_a_word_a_name(
        releases: Index, lang: str, said: str, other: str, quote: str) -> None:
    office = {"en": "passport office", "az": "pasport şöbəsi", "ru": "паспортный отдел"}[lang]
    assert not names_a_name(releases, concept("bureau", office, lang), lang)
