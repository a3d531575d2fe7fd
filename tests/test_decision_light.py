"""A question's light words (the generic verbs it is asked with, its words of modality) name none of its topic: a
quoted line stating the kind asked for whose only words of the question beyond the kind's cue are those is about
something else, and the answer becomes the "not stated" reply; a line naming something of the topic keeps it."""

from __future__ import annotations

from pressbot.responses.composer import Answer, Citation, Quote
from pressbot.responses.content_words import is_light
from pressbot.responses.decision import Asked, about_topic, light_terms, own_cue
from pressbot.retrieval.analyzer import question_terms
from pressbot.retrieval.glossary import Concept, Query


def asked(question: str, lang: str) -> Asked:
    """The question's own terms, one concept each, equally heavy, with its cue and light words."""
    terms = question_terms(question, lang)
    return Asked(Query(tuple(Concept(((t,),)) for t in terms)), dict.fromkeys(terms, 1.0), own_cue(question, lang),
                 light_terms(question, lang))


def decide(question: str, lang: str, quote: str) -> Answer:
    citation = Citation(n=1, doc_id="d1", passage_id="d1#0", title="Press release", url="https://example.org/1",
                        date=None, source=None, score=10.0, passage=quote)
    composed = Answer(query=question, lang=lang, answered=True, quotes=(Quote(text=quote, n=1),),
                      citations=(citation,), evidence=0.8)
    return about_topic(composed, asked(question, lang))


def test_the_generic_verbs_of_each_language_are_light() -> None:
    assert is_light("get", "en") and is_light("obtained", "en")
    assert is_light("almaq", "az") and is_light("verilir", "az") and is_light("lazımdır", "az")
    assert is_light("получить", "ru") and is_light("сделать", "ru") and is_light("нужны", "ru")


def test_verbs_and_nouns_that_say_what_is_asked_are_not_light() -> None:
    assert not is_light("marry", "en") and not is_light("visa", "en")
    assert not is_light("işləmək", "az") and not is_light("almaniyaya", "az") and not is_light("verilməsi", "az")
    assert not is_light("именем", "ru") and not is_light("получение", "ru") and not is_light("что", "ru")


def test_a_list_naming_only_the_light_verb_is_not_the_list_asked_for_az() -> None:
    decided = decide("meksika vizasi almaq ucun ne lazimdir", "az",
                     "Pasport almaq üçün aşağıdakı sənədlər lazımdır:\n- ərizə-anket\n- şəxsiyyət vəsiqəsinin surəti")
    assert not decided.answered and decided.reason == "about_topic"


def test_a_list_naming_the_topic_beside_the_light_verb_is_the_answer_az() -> None:
    assert decide("turist vizasi almaq ucun ne lazimdir", "az",
                  "Turist vizası almaq üçün aşağıdakı sənədlər lazımdır:\n- ərizə-anket\n- pasportun surəti").answered


def test_a_list_naming_only_the_light_verb_is_not_the_list_asked_for_en() -> None:
    decided = decide("what documents are needed to obtain a fishing licence", "en",
                     "To obtain a passport the following documents are needed:\n- an application form\n- a photo")
    assert not decided.answered


def test_a_list_naming_the_topic_beside_the_light_verb_is_the_answer_en() -> None:
    assert decide("what documents are needed to obtain a work permit", "en",
                  "To obtain a work permit the following documents are needed:\n- an application form\n- a photo"
                  ).answered


def test_a_fee_naming_only_the_light_verb_is_not_the_fee_asked_for_ru() -> None:
    decided = decide("сколько стоит получить лицензию на рыбалку", "ru",
                     "Чтобы получить паспорт, нужно оплатить пошлину 20 манатов.")
    assert not decided.answered


def test_a_fee_naming_the_topic_beside_the_light_verb_is_the_answer_ru() -> None:
    assert decide("сколько стоит получить паспорт", "ru",
                  "Чтобы получить паспорт, нужно оплатить пошлину 20 манатов.").answered


def test_a_questions_light_terms_are_those_of_its_light_words_only() -> None:
    assert light_terms("kanadaya viza almaq ucun ne lazimdir", "az") == frozenset(
        t for w in ("almaq", "lazimdir") for t in question_terms(w, "az"))
    assert not light_terms("work permit fee", "en")
