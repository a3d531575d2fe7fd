"""A question asking for no kind of answer is answered by its topic itself: a content word of it that no release
uses, and that the quotes do not say, turns the answer into an abstention (decision.unknown_topic); words wrapped
around a question (greetings, verb forms, particles, shorthand) are no such word (content_words.is_content)."""

from __future__ import annotations

import pytest

from pressbot.responses.composer import Answer
from pressbot.responses.content_words import is_content
from pressbot.responses.decision import Asked, unknown_topic
from pressbot.retrieval import Document, Index
from pressbot.retrieval.analyzer import question_terms
from pressbot.retrieval.glossary import Glossary
from tests.test_decision import answer

PERMITS = {
    "en": "Foreigners living in Azerbaijan get a residence permit for one year. The visa is issued in three days.",
    "az": "Azərbaycanda yaşayan əcnəbilərə bir il müddətinə yaşamaq icazəsi verilir. Viza üç gün ərzində verilir.",
    "ru": "Иностранцам, проживающим в Азербайджане, выдается вид на жительство на один год. Виза выдается за три дня.",
}


# "border" is said only in English; the vocabulary names it in all three languages.
BORDER = "- topic: border\n  en: [border]\n  az: [sərhəd]\n  ru: [граница]\n"


@pytest.fixture(scope="module")
def releases() -> Index:
    return Index.build([*(Document(id=f"permits-{lang}", title="Residence permits", lang=lang, text=text)
                          for lang, text in PERMITS.items()),
                        Document(id="border", title="Border", lang="en", text="The border was closed in March.")],
                       glossary=Glossary.parse(BORDER))


def decide(index: Index, question: str, lang: str) -> Answer:
    terms = question_terms(question, lang)
    plan = index.glossary.expand(terms, lang)
    return unknown_topic(index, answer(question, lang, PERMITS[lang]), Asked(plan, index.term_weights(plan.said)))


@pytest.mark.parametrize(("question", "lang"), [
    ("do foreigners living in azerbaijan get a pension", "en"),
    ("azərbaycanda yaşayan əcnəbilərə təqaüd verilirmi", "az"),
    ("положена ли пенсия иностранцам в азербайджане", "ru"),
])
def test_a_thing_no_release_names_is_not_answered_by_quotes_about_the_rest(releases: Index, question: str,
                                                                          lang: str) -> None:
    decided = decide(releases, question, lang)
    assert not decided.answered and decided.reason == "unknown_topic" and decided.quotes == ()


@pytest.mark.parametrize(("question", "lang"), [
    ("do foreigners living in Mumbai get a residence permit", "en"),
    ("Sinqapur əcnəbilərə viza verilir?", "az"),
    ("выдается ли виза иностранцам в Египет", "ru"),
])
def test_a_place_no_release_names_is_a_topic_though_it_begins_or_ends_like_a_grammar_word(releases: Index,
                                                                                         question: str,
                                                                                         lang: str) -> None:
    decided = decide(releases, question, lang)
    assert not decided.answered and decided.reason == "unknown_topic"


@pytest.mark.parametrize(("question", "lang"), [
    ("do foreigners living in azerbaijan get a residence permit", "en"),
    ("azərbaycanda yaşayan əcnəbilərə yaşamaq icazəsi verilirmi", "az"),
    ("выдается ли вид на жительство иностранцам в азербайджане", "ru"),
])
def test_a_question_whose_words_the_releases_use_is_answered(releases: Index, question: str, lang: str) -> None:
    assert decide(releases, question, lang).answered


@pytest.mark.parametrize(("question", "lang"), [
    ("my brother lives in Tashkent, do foreigners living in azerbaijan get a residence permit for a year", "en"),
    ("qardaşım Daşkənddə yaşayır, azərbaycanda əcnəbilərə bir il müddətinə yaşamaq icazəsi verilir, viza necə", "az"),
    ("брат живет в Ташкенте, выдается ли иностранцам проживающим в азербайджане вид на жительство, а виза", "ru"),
])
def test_one_unknown_word_in_a_long_question_about_what_the_releases_say_is_not_its_topic(
        releases: Index, question: str, lang: str) -> None:
    assert decide(releases, question, lang).answered


@pytest.mark.parametrize(("question", "lang"), [
    ("good evening sir, do foreigners really get a residence permit in azerbaijan", "en"),
    ("salam, əcnəbilərə yaşamaq icazəsi hardan verilirmi", "az"),
    ("подскажите пожалуйста, вообще выдается ли вид на жительство иностранцам", "ru"),
])
def test_greetings_and_particles_around_a_question_are_not_its_topic(releases: Index, question: str,
                                                                     lang: str) -> None:
    assert decide(releases, question, lang).answered


@pytest.mark.parametrize(("question", "lang"), [
    ("how long is the residence permit of my baby valid", "en"),
    ("körpəmin yaşamaq icazəsi nə qədər müddətə verilir", "az"),
    ("на какой срок выдается вид на жительство младенцу", "ru"),
])
def test_a_question_asking_for_a_kind_is_left_to_the_kinds_checks(releases: Index, question: str, lang: str) -> None:
    assert decide(releases, question, lang).answered


@pytest.mark.parametrize(("question", "lang"), [
    ("do foreigners get a vsia", "en"),
    ("əcnəbilərə vzia verilir?", "az"),
    ("выдается ли взиа иностранцам", "ru"),
])
def test_a_quoted_word_typed_with_two_letters_swapped_is_said(releases: Index, question: str, lang: str) -> None:
    assert decide(releases, question, lang).answered


@pytest.mark.parametrize(("question", "lang"), [
    ("can my wife get a residence permit, she is here on vacation", "en"),
    ("yoldaşım ezamiyyətdədir, əcnəbilərə yaşamaq icazəsi verilirmi", "az"),
    ("жена в командировке, выдается ли вид на жительство иностранцам", "ru"),
])
def test_the_people_and_the_occasion_a_question_is_asked_for_are_not_its_topic(releases: Index, question: str,
                                                                                lang: str) -> None:
    assert decide(releases, question, lang).answered


@pytest.mark.parametrize(("question", "lang"), [
    ("do foreigners crossing the border get a visa", "en"),
    ("sərhəddə əcnəbilərə viza verilir?", "az"),
    ("выдается ли виза иностранцам на границе", "ru"),
])
def test_a_word_the_vocabulary_names_in_a_language_whose_releases_use_it_is_known(releases: Index, question: str,
                                                                                  lang: str) -> None:
    assert decide(releases, question, lang).answered
    unnamed = Index.build([Document(id=f"permits-{lang}", title="Residence permits", lang=lang, text=PERMITS[lang])])
    terms = question_terms(question, lang)
    plan = unnamed.glossary.expand(terms, lang)
    composed = answer(question, lang, PERMITS[lang])
    assert unknown_topic(unnamed, composed, Asked(plan, unnamed.term_weights(plan.said))).reason == "unknown_topic"


@pytest.mark.parametrize(("word", "lang"), [("pension", "en"), ("canada", "en"), ("maaşı", "az"), ("nikah", "az"),
                                            ("погода", "ru"), ("налог", "ru")])
def test_a_noun_or_a_name_is_a_content_word(word: str, lang: str) -> None:
    assert is_content(word, lang)


@pytest.mark.parametrize(("word", "lang"), [("wife", "en"), ("pensioners", "en"), ("vacation", "en"),
                                            ("yoldaşım", "az"), ("nənəm", "az"), ("ezamiyyətə", "az"),
                                            ("сестре", "ru"), ("мужу", "ru"), ("командировка", "ru")])
def test_the_people_and_occasions_of_a_question_are_not_content_words(word: str, lang: str) -> None:
    assert not is_content(word, lang)


@pytest.mark.parametrize(("word", "lang"), [("pensions", "en"), ("anatomiya", "az"), ("мужество", "ru"),
                                            ("Mumbai", "en"), ("kidnap", "en"), ("analiz", "az"), ("Женева", "ru"),
                                            ("папка", "ru"), ("материалы", "ru")])
def test_a_word_only_beginning_like_a_short_person_word_is_still_a_content_word(word: str, lang: str) -> None:
    assert is_content(word, lang)


@pytest.mark.parametrize(("word", "lang"), [("kids", "en"), ("children", "en"), ("mummy", "en"), ("anama", "az"),
                                            ("uşaqlarımın", "az"), ("qızıma", "az"), ("детьми", "ru"),
                                            ("дочери", "ru"), ("ребенка", "ru"), ("семьей", "ru")])
def test_a_short_person_word_with_its_languages_endings_is_not_a_content_word(word: str, lang: str) -> None:
    assert not is_content(word, lang)


@pytest.mark.parametrize(("word", "lang"), [("speed", "en"), ("spring", "en"), ("qızıl", "az"), ("apostil", "az"),
                                            ("qəbul", "az"), ("təhsil", "az"), ("elcezair", "az")])
def test_a_noun_ending_like_a_verb_form_without_being_one_is_a_content_word(word: str, lang: str) -> None:
    assert is_content(word, lang)


@pytest.mark.parametrize(("word", "lang"), [("Sinqapur", "az"), ("Misir", "az"), ("Əlcəzair", "az"), ("Nadir", "az"),
                                            ("Египет", "ru"), ("Кабул", "ru"), ("Дели", "ru")])
def test_a_capitalised_name_ending_like_a_verb_form_is_a_content_word(word: str, lang: str) -> None:
    assert is_content(word, lang)


@pytest.mark.parametrize(("word", "lang"), [("Götürmək", "az"), ("Verilirmi", "az"), ("Выдается", "ru"),
                                            ("Подскажите", "ru"), ("going", "en"), ("used", "en"), ("agreed", "en")])
def test_endings_only_verbs_have_are_verb_forms_also_capitalised_as_a_first_word(word: str, lang: str) -> None:
    assert not is_content(word, lang)


@pytest.mark.parametrize(("word", "lang"), [
    ("evening", "en"), ("handling", "en"), ("really", "en"), ("f1", "en"),
    ("götürmək", "az"), ("çıxır", "az"), ("salam", "az"), ("verilirmi", "az"),
    ("регулируется", "ru"), ("вообще", "ru"), ("пожалуйста", "ru"), ("екб", "ru"),
    ("yesterday", "en"), ("dünən", "az"), ("сегодня", "ru"), ("harda", "az"), ("скока", "ru"), ("whom", "en"),
])
def test_chat_question_and_time_words_verb_forms_particles_and_shorthand_are_not_content_words(word: str,
                                                                                               lang: str) -> None:
    assert not is_content(word, lang)
