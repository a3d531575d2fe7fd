"""Whether an answer states what was asked about: a kind (fee, contact, hours, number ...) stated about the
question's topic keeps the answer; one stated about something else turns it into the "not stated" reply."""

from __future__ import annotations

import pytest

from pressbot.responses.composer import Answer, Citation, Quote
from pressbot.responses.decision import Asked, about_topic, is_name, names_kept, own_cue, topic_share
from pressbot.retrieval import Document, Index
from pressbot.retrieval.analyzer import question_terms
from pressbot.retrieval.glossary import Concept, Query


def asked(question: str, lang: str, idf: dict[str, float] | None = None) -> Asked:
    """The question's own terms, one concept each, equally heavy unless `idf` says otherwise."""
    terms = question_terms(question, lang)
    weights = {t: (idf or {}).get(t, 1.0) for t in terms}
    return Asked(Query(tuple(Concept(((t,),)) for t in terms)), weights, own_cue(question, lang))


def answer(question: str, lang: str, *quotes: str, title: str = "Press release") -> Answer:
    citation = Citation(n=1, doc_id="d1", passage_id="d1#0", title=title, url="https://example.org/1", date=None,
                        source=None, score=10.0, passage="\n".join(quotes))
    return Answer(query=question, lang=lang, answered=True, quotes=tuple(Quote(text=q, n=1) for q in quotes),
                  citations=(citation,), evidence=0.8)


def decide(question: str, lang: str, *quotes: str, title: str = "Press release",
           idf: dict[str, float] | None = None) -> Answer:
    return about_topic(answer(question, lang, *quotes, title=title), asked(question, lang, idf))


def test_a_fee_stated_about_another_service_is_not_the_fee_asked_for() -> None:
    # idf as in the bundled corpus: its Azerbaijani releases say "viza", never "vize"; "Azərbaycan" is everywhere.
    decided = decide("azerbaycana vize qiymeti ne qederdi", "az",
                     "Azərbaycan Respublikası vətəndaşlarının konsulluq uçotuna alınması ödənişsiz yerinə yetirilir.",
                     idf={"vize": 7.0, "azerbaycan": 3.3})
    assert not decided.answered and decided.missing == "money" and decided.quotes == ()
    assert decided.reason == "about_topic"
    assert decided.related is not None and decided.related.url == "https://example.org/1"


def test_a_fee_stated_about_the_service_asked_about_is_the_answer() -> None:
    quote = "Azərbaycan Respublikası vətəndaşlarının konsulluq uçotuna alınması ödənişsiz yerinə yetirilir."
    assert decide("konsulluq ucotu pulludu?", "az", quote).answered


def test_a_phone_number_of_another_office_is_not_the_number_asked_for() -> None:
    decided = decide("baku regional department phone number", "en",
                     "Persons willing to collect their cards can contact “(012) 919” Call Center of the Service.")
    assert not decided.answered and decided.missing == "contact"


def test_a_phone_number_stated_about_the_office_asked_about_is_the_answer() -> None:
    assert decide("baku regional department phone number", "en",
                  "The Baku Regional Department can be reached at (012) 555 12 34.").answered


def test_hours_of_another_service_are_not_the_hours_asked_for() -> None:
    decided = decide("часы работы консульства в субботу", "ru", "Колл-центр службы работает круглосуточно.")
    assert not decided.answered and decided.missing == "hours"


def test_hours_stated_about_the_office_asked_about_are_the_answer() -> None:
    assert decide("часы работы консульства в субботу", "ru",
                  "Консульство принимает граждан по субботам с 10:00 до 13:00.").answered


def test_the_topic_named_by_another_quote_of_the_same_release_counts() -> None:
    question = "new year food aid for refugee families how many got it"
    first = "On New Year the Service distributed food aid to refugee families."
    figure = "This campaign covered about 100 families."
    assert decide(question, "en", first, figure).answered
    assert not decide(question, "en", figure).answered


def test_the_release_title_names_the_topic_of_its_quotes() -> None:
    assert decide("consular registration fee", "en", "It is free of charge.", title="Consular registration").answered
    assert not decide("consular registration fee", "en", "It is free of charge.", title="Visa news").answered


def test_a_list_item_is_read_with_its_lead_in() -> None:
    unit = "Documents for a return certificate:\n- application form\n- fee of 10 US dollars"
    assert decide("return certificate fee", "en", unit).answered
    assert not decide("electronic queue fee", "en", unit).answered


def test_a_question_asking_no_kind_is_left_as_composed() -> None:
    composed = answer("visa for georgia", "en", "Citizens of Azerbaijan travel to many countries.")
    assert about_topic(composed, asked("visa for georgia", "en")) == composed


def test_a_name_of_several_words_is_named_only_when_all_its_words_are() -> None:
    identity_card = Asked(Query((Concept((("sexsiyyet", "vesiq"),)),)), {"sexsiyyet": 1.0, "vesiq": 1.0})
    assert topic_share(identity_card, "Şəxsiyyət vəsiqəsi 16 yaşdan verilir.", "az") == 1.0
    assert topic_share(identity_card, "11 nəfərə icazə vəsiqəsi verilib.", "az") == 0.0


def test_a_figure_is_read_with_the_first_sentence_of_its_paragraph() -> None:
    assert decide("сколько стоит вид на жительство", "ru",
                  "Вид на жительство выдается на пять лет. Пошлина составляет 40 манатов.").answered
    item = ("• Cards must be collected in person. Cards are issued by the Baku Regional Department. "
            "Persons collecting them elsewhere can contact the “(012) 919” Call Center.")
    assert not decide("baku regional department phone number", "en", item).answered


RELEASES = [
    Document(id="georgia", title="Consular news", lang="en", text=(
        "The consulate in Batumi serves citizens living in Georgia. Citizens travelling to Georgia may register "
        "with the consulate. The ambassador met officials of Georgia in Tbilisi.")),
    Document(id="permits", title="Work permits", lang="en", text=(
        "A work permit is issued for one year. Applicants submit a visa and a passport copy. "
        "The fee for a work permit is paid by the employer.")),
    Document(id="visas", title="Visa rules", lang="en", text=(
        "A visa is issued at the airport. Citizens of many countries get a visa online.")),
]


@pytest.fixture(scope="module")
def releases() -> Index:
    return Index.build(RELEASES)


def test_a_word_the_releases_write_capitalized_inside_sentences_is_a_name(releases: Index) -> None:
    assert is_name(releases, "georgia", "en")
    assert not is_name(releases, "visa", "en")


def test_a_distinctive_name_the_quotes_do_not_say_declines_the_answer(releases: Index) -> None:
    question = "do i need a visa for georgia"
    composed = answer(question, "en", "A visa is issued at the airport.", title="Visa rules")
    decided = names_kept(releases, composed, asked(question, "en", idf={"visa": 1.0, "georgia": 2.0}))
    assert not decided.answered and decided.quotes == () and decided.missing is None
    assert decided.reason == "names_kept"


def test_an_answer_whose_quotes_say_the_name_is_kept(releases: Index) -> None:
    question = "do i need a visa for georgia"
    composed = answer(question, "en", "Citizens travelling to Georgia may register with the consulate.")
    assert names_kept(releases, composed, asked(question, "en", idf={"visa": 1.0, "georgia": 2.0})) == composed


def test_a_missing_word_that_is_not_a_name_keeps_the_answer(releases: Index) -> None:
    question = "work permit fee employer visa"
    composed = answer(question, "en", "The fee for a work permit is paid by the employer.")
    assert names_kept(releases, composed, asked(question, "en", idf={"visa": 5.0})) == composed


def test_a_name_less_distinctive_than_the_question_s_average_word_is_not_required(releases: Index) -> None:
    question = "georgia citizens register consulate"
    composed = answer(question, "en", "Citizens may register with the consulate.")
    idf = {"georgia": 0.5, "citizen": 2.0, "regist": 2.0, "consul": 2.0}
    assert names_kept(releases, composed, asked(question, "en", idf=idf)) == composed


def test_a_word_capitalized_only_where_a_list_item_or_sentence_opens_is_not_a_name() -> None:
    lists = Index.build([Document(id="docs", title="Documents", lang="en", text=(
        "Documents:\n- Passport copy;\n• Passport photo;\nPassport holders apply. Bring the passport."))])
    assert not is_name(lists, "passport", "en")
