"""A question asking whether something may or must be done asks for a rule: quotes that only count what happened
(how many applications were received, how many decisions were taken) do not answer it, and the bot abstains."""

from __future__ import annotations

import pytest

from pressbot.responses.answer_types import may_or_must, reports_count
from pressbot.responses.decision import rule_stated
from tests.composing import quoting

# (language, a question asking whether one may, a count report about its topic, a rule about it)
CASES = [
    ("en", "can a refugee travel abroad?",
     "In total during the month 899 decisions on refugee status were taken.",
     "A person granted refugee status is provided with a travel document entitling him to travel abroad."),
    ("az", "qacqin xarice gede biler? olar?",
     "Ay ərzində qaçqın statusu ilə bağlı 899 qərar qəbul edilib.",
     "Qaçqın statusu almış şəxsə xaricə getmək üçün yol sənədi verilir, bu sənədlə xaricə getmək olar."),
    ("ru", "беженцу можно выезжать за границу?",
     "Из них 899 – решения в связи с предписанием покинуть страну, 227 – в связи с легализацией проживания.",
     "Лицу, получившему статус беженца, выдаётся проездной документ, предоставляющий право передвижения за "
     "пределами страны."),
]


@pytest.mark.parametrize(("lang", "question", "count", "rule"), CASES)
def test_a_question_whether_one_may_is_not_answered_by_counts_alone(
        lang: str, question: str, count: str, rule: str) -> None:
    decided = rule_stated(quoting(question, lang, count))
    assert not decided.answered and decided.quotes == () and decided.reason == "rule_stated"


@pytest.mark.parametrize(("lang", "question", "count", "rule"), CASES)
def test_a_quoted_rule_beside_the_counts_keeps_the_answer(lang: str, question: str, count: str, rule: str) -> None:
    composed = quoting(question, lang, count, rule)
    assert rule_stated(composed) == composed


@pytest.mark.parametrize(("lang", "question", "count", "rule"), CASES)
def test_a_question_that_asks_no_rule_may_be_answered_by_counts(
        lang: str, question: str, count: str, rule: str) -> None:
    plain = {"en": "refugee status decisions in may", "az": "qacqin statusu qerarlari",
             "ru": "решения по статусу беженца в мае"}[lang]
    composed = quoting(plain, lang, count)
    assert rule_stated(composed) == composed


def test_a_question_asking_for_a_figure_is_left_to_its_kind() -> None:
    composed = quoting("how many times can a residence permit be extended", "en",
                       "In total 6,652 applications on extending residence permits were received.")
    assert rule_stated(composed) == composed


def test_a_count_that_says_what_is_not_required_is_a_rule() -> None:
    composed = quoting("для разрешения на работу какая виза нужна", "ru",
                       "В 21 случае, определенном статьей 64 Кодекса, не требуется получения разрешения на работу.")
    assert rule_stated(composed) == composed


@pytest.mark.parametrize(("text", "lang"), [("do i need a visa", "en"), ("qeydiyyat məcburidir?", "az"),
                                            ("qeydiyyatdan kecmek lazimdi", "az"), ("РВП можно продлить?", "ru"),
                                            ("какая виза нужна", "ru"), ("иностранец должен встать на учёт", "ru"),
                                            ("xaricə getmək olarmı", "az")])
def test_words_of_permission_or_obligation_ask_for_a_rule(text: str, lang: str) -> None:
    assert may_or_must(text, lang)


@pytest.mark.parametrize(("text", "lang"), [("how many visas were issued", "en"), ("visas issued in may", "en"),
                                            ("neçə viza verilib", "az"), ("сколько виз выдали", "ru"),
                                            ("какую должность занимает глава отдела", "ru"),
                                            ("45 должностных лиц прошли обучение", "ru"),
                                            ("500 nəfər qaçqın olaraq qeydə alınıb", "az")])
def test_a_question_without_them_asks_no_rule(text: str, lang: str) -> None:
    assert not may_or_must(text, lang)


@pytest.mark.parametrize(("sentence", "lang", "counts"), [
    ("In total 6,652 applications were received.", "en", True),
    ("A passport is issued to persons under the age of 18.", "en", False),
    ("The permit is issued for 2 years.", "en", False),
    ("Rüsum 40 manatdır.", "az", False),
    ("Из них 899 – решения в связи с предписанием покинуть страну.", "ru", True),
])
def test_a_count_report_holds_a_number_and_no_age_duration_or_fee(sentence: str, lang: str, counts: bool) -> None:
    assert reports_count(sentence, lang) is counts


@pytest.mark.parametrize(("lang", "question", "lifted"), [
    ("en", "can a residence permit be extended more than 4 times?",
     "Previous legislation limited the extension of the permit to four times, but this restriction was abolished."),
    ("az", "icaze 4 defeden cox uzadila biler? olar?",
     "Əvvəllər icazə 4 dəfədən çox uzadılmırdı, bu məhdudiyyət ləğv edilib."),
    ("ru", "рвп можно продлевать больше 4 раз?",
     "Ранее разрешение продлевалось не более 4 раз, это ограничение отменено."),
])
def test_a_rule_lifted_or_limited_is_a_rule_though_it_holds_a_number(lang: str, question: str, lifted: str) -> None:
    composed = quoting(question, lang, lifted)
    assert rule_stated(composed) == composed


# (language, a question asking whether one may, a count naming a restriction only, a count saying one was lifted)
RESTRICTIONS = [
    ("en", "can foreigners leave the country?",
     "During the quarantine restrictions, 5,000 foreigners left the country in May.",
     "The restrictions on leaving the country were lifted on 1 June, and 5,000 foreigners left in June."),
    ("az", "əcnəbilər ölkəni tərk edə bilər? olar?",
     "Karantin məhdudiyyətləri dövründə may ayında 5000 əcnəbi ölkəni tərk edib.",
     "Ölkədən çıxışa məhdudiyyət 1 iyunda ləğv edilib, iyunda 5000 əcnəbi ölkəni tərk edib."),
    ("ru", "граждан можно эвакуировать?",
     "После отмены рейсов 300 граждан были эвакуированы.",
     "Ограничение на въезд отменено 1 июня, 300 граждан вернулись."),
]


@pytest.mark.parametrize(("lang", "question", "count", "lifted"), RESTRICTIONS)
def test_a_count_naming_a_restriction_or_a_cancellation_states_no_rule(
        lang: str, question: str, count: str, lifted: str) -> None:
    decided = rule_stated(quoting(question, lang, count))
    assert not decided.answered and decided.reason == "rule_stated"


@pytest.mark.parametrize(("lang", "question", "count", "lifted"), RESTRICTIONS)
def test_a_restriction_imposed_or_lifted_states_a_rule(lang: str, question: str, count: str, lifted: str) -> None:
    composed = quoting(question, lang, lifted)
    assert rule_stated(composed) == composed


@pytest.mark.parametrize(("text", "lang"), [("are there quarantine restrictions", "en"),
                                            ("karantin məhdudiyyətləri", "az"), ("отмена рейсов", "ru")])
def test_a_restriction_named_asks_no_rule(text: str, lang: str) -> None:
    assert not may_or_must(text, lang)
