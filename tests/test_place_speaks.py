"""A release placed at the place a question names speaks for it in the answer checks that read the release
(responses/decision.py, placed_terms: names_kept, about_topic, entity_about_topic): its quotes need not write the
place, as the Washington embassy's page never writes Washington. Not in stated_of, which reads the line stating
the fact. One placed elsewhere, or nowhere in particular, still does not answer; nor does one beside releases that
speak for no such place (names_kept)."""

from __future__ import annotations

import pytest

from pressbot.responses.answering import analyze
from pressbot.responses.composer import Answer, Citation, Quote
from pressbot.responses.decision import Asked, about_topic, names_kept, own_cue, placed_terms, stated_of
from pressbot.retrieval import Document, Index
from pressbot.retrieval.glossary import Glossary
from tests.test_places import PLACES

YEKATERINBURG = "Consulate General of Azerbaijan in Yekaterinburg"
BATUMI = "Consulate General of Azerbaijan in Batumi"
NATIONAL = "State Migration Service"

# Per language: releases writing the country's name inside sentences (so that it reads as a name), a question
# naming the country and asking a fee, and the consulate's sentence stating it without naming the country.
CASES = [
    ("en", ["Citizens living in Russia visit the consulate. Many people in Russia apply.",
            "Students from Russia came. The delegation of Russia met the officials."],
     "consular registration fee in russia", "Consular registration is free of charge."),
    ("az", ["Rusiya ərazisində yaşayan vətəndaşlar konsulluğa gəlir. Onlar Rusiya şəhərlərində yaşayır.",
            "Tələbələr Rusiya universitetlərindən gəlib. Nümayəndə heyəti Rusiya tərəfi ilə görüşüb."],
     "rusiyada konsul qeydiyyati ucun rusum", "Konsul qeydiyyatı ödənişsizdir, rüsum 0 manatdır."),
    ("ru", ["Граждане, живущие в России, посещают консульство. Многие в России подают заявления.",
            "Студенты из России приехали. Делегация России встретилась с сотрудниками."],
     "консульский учет в россии сколько стоит", "Консульский учет бесплатный, стоимость 0 манатов."),
]


def _index(lang: str, releases: list[str]) -> Index:
    docs = [Document(id=f"r{i}", title=f"Release {i}", text=text, lang=lang) for i, text in enumerate(releases)]
    return Index.build(docs, glossary=Glossary.parse(PLACES))


def _citation(n: int, source: str, sentence: str) -> Citation:
    return Citation(n=n, doc_id=f"d{n}", passage_id=f"d{n}#0", title="Consular registration", url=None, date=None,
                    source=source, score=10.0, passage=sentence)


def _answer(question: str, lang: str, *quoted: tuple[str, str]) -> Answer:
    """An answer quoting each (publisher, sentence) as its own release."""
    return Answer(query=question, lang=lang, answered=True, evidence=0.9,
                  quotes=tuple(Quote(text=sentence, n=n) for n, (_, sentence) in enumerate(quoted, 1)),
                  citations=tuple(_citation(n, source, sentence) for n, (source, sentence) in enumerate(quoted, 1)))


def _asked(index: Index, question: str, lang: str) -> Asked:
    analysis = analyze(index, question, lang)
    return Asked(analysis.plan, analysis.weights, own_cue(question, lang))


@pytest.mark.parametrize(("lang", "releases", "question", "sentence"), CASES)
def test_the_line_stating_the_fact_must_still_write_the_place_whoever_publishes_it(
        lang: str, releases: list[str], question: str, sentence: str) -> None:
    # stated_of reads the line itself: a consulate's page states many durations and fees, not each of them of the
    # place ("how long does the embassy in washington take to mail back the certificate" is not answered by the
    # Washington embassy's "a citizen shall inform the authority within a month").
    index = _index(lang, releases)
    composed = _answer(question, lang, (YEKATERINBURG, sentence))
    assert not stated_of(index, composed, _asked(index, question, lang)).answered


@pytest.mark.parametrize(("lang", "releases", "question", "sentence"), CASES)
def test_a_mission_placed_elsewhere_does_not_state_the_fee_of_the_asked_country(
        lang: str, releases: list[str], question: str, sentence: str) -> None:
    index = _index(lang, releases)
    for publisher in (BATUMI, NATIONAL):
        decided = stated_of(index, _answer(question, lang, (publisher, sentence)), _asked(index, question, lang))
        assert decided.reason == "stated_of", publisher


@pytest.mark.parametrize(("lang", "releases", "question", "sentence"), CASES)
def test_a_consulate_inside_the_asked_country_keeps_its_name(lang: str, releases: list[str], question: str,
                                                             sentence: str) -> None:
    index = _index(lang, releases)
    asked = _asked(index, question, lang)
    assert names_kept(index, _answer(question, lang, (YEKATERINBURG, sentence)), asked).answered
    assert names_kept(index, _answer(question, lang, (BATUMI, sentence)), asked).reason == "names_kept"


def test_a_placed_release_beside_one_speaking_for_no_place_does_not_keep_the_name() -> None:
    lang, releases, question, sentence = CASES[0]
    index = _index(lang, releases)
    composed = _answer(question, lang, (YEKATERINBURG, sentence), (NATIONAL, "Registration is done online."))
    assert names_kept(index, composed, _asked(index, question, lang)).reason == "names_kept"


def test_the_release_s_place_counts_for_the_topic_only_with_the_index() -> None:
    lang = "en"
    index = _index(lang, CASES[0][1])
    question = "how much is the fee in russia"
    composed = _answer(question, lang, (YEKATERINBURG, "It is free of charge."))
    asked = _asked(index, question, lang)
    assert about_topic(composed, asked, index=index).answered
    assert about_topic(composed, asked).reason == "about_topic"


def test_only_the_asked_place_is_spoken_for() -> None:
    lang = "en"
    index = _index(lang, CASES[0][1])
    asked = _asked(index, "consular registration fee in russia", lang)
    assert placed_terms(index, asked, _citation(1, YEKATERINBURG, ""), lang) == frozenset({"russia"})
    assert placed_terms(index, asked, _citation(1, BATUMI, ""), lang) == frozenset()
    assert placed_terms(index, asked, _citation(1, NATIONAL, ""), lang) == frozenset()


def test_the_release_s_place_alone_does_not_make_the_topic() -> None:
    lang = "en"
    index = _index(lang, CASES[0][1])
    question = "how much is the visa fee in russia"
    composed = _answer(question, lang, (YEKATERINBURG, "Consular registration is free of charge."))
    assert about_topic(composed, _asked(index, question, lang), index=index).reason == "about_topic"
