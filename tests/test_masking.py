"""Masking: each kind of personal identifier, as people type it in English, Azerbaijani and Russian, becomes
its marker; ordinary words, dates, years and the bot's own figures stay as they are."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressbot.bot.core.masking import _MASK, CARD, EMAIL, FIN, NUMBER, PASSPORT, PHONE, _marker, luhn_valid, mask

CASES = {
    PHONE: {
        "en": ["call me +994 50 123 45 67 please", "my number is +994501234567", "ring 00994 55 987 65 43",
               "uk +44 20 7946 0958", "usa +1-202-555-0143"],
        "az": ["nomrem 050 123 45 67", "zeng edin (050) 123-45-67", "telefon: 994 70 555 12 34",
               "mobil 55 987 65 43 nomreye", "ev 012 444 55 66", "+994 (51) - 251 - 70 - 13",
               "050 - 123 - 45 - 67"],
        "ru": ["позвоните +994 (51) 222-33-44", "мой телефон +7 (495) 123-45-67", "номер 8 050 1234567",
               "городской 123-45-67"],
    },
    EMAIL: {
        "en": ["write to john.smith+visa@gmail.com", "email: a_b@mail.example.org"],
        "az": ["menim poctum leyla.m@mail.az", "elaqe: kamran1990@box.az"],
        "ru": ["пишите на ivan-petrov@yandex.ru", "почта test@почта.рф"],
    },
    PASSPORT: {
        "en": ["my passport AA1234567 expired", "passport number AZE12345678", "new passport C01234567",
               "foreign passport P1234567", "id card AZE 12345678"],
        "az": ["sexsiyyet vesiqesi aa1234567 itib", "pasport AZE 12345678 vaxti bitib"],
        "ru": ["паспорт АА1234567 просрочен", "мой паспорт AA 1234567 утерян"],
    },
    FIN: {
        "en": ["my FIN is 5ZRT4KL", "fin code 1AB2CD3 please"],
        "az": ["fin kodum 5zrt4kl", "FIN: 7XQ2M9P yoxlayin"],
        "ru": ["ФИН 5ZRT4KL не работает", "пин код 2K3L9MN"],
    },
    CARD: {
        "en": ["card 4111 1111 1111 1111 was charged", "paid with 5555555555554444"],
        "az": ["kart 4111-1111-1111-1111 bloklanib", "amex 3782 822463 10005"],
        "ru": ["карта 4111111111111111 не проходит", "списали с 5555 5555 5555 4444"],
    },
    NUMBER: {
        "en": ["application 123456 pending", "reference 98765432101"],
        "az": ["erize nomresi 2024123456", "qebz 123456789"],
        "ru": ["заявление № 555123 не рассмотрено", "номер дела 7777777"],
    },
}
PARAMS = [(marker, lang, text) for marker, langs in CASES.items() for lang, texts in langs.items() for text in texts]


@pytest.mark.parametrize(("marker", "lang", "text"), PARAMS, ids=[f"{m}-{lang}-{i}" for i, (m, lang, _) in
                                                                     enumerate(PARAMS)])
def test_each_kind_of_identifier_becomes_its_marker_in_each_language(marker: str, lang: str, text: str) -> None:
    masked = mask(text)
    assert marker in masked
    assert sum(c.isdigit() for c in masked) < 4 and "@" not in masked, masked


@pytest.mark.parametrize("text", [
    "Who met the IOM Director General in Geneva?", "Səyyar konsulluq xidməti harada göstərilib?",
    "Сколько иностранцев въехало в Азербайджан в 2020 году?", "what happened on 2020-11-27 at 10:30",
    "795 761 foreigners entered in 2020", "grammar passport embassy consular citizen", "ASAN xidmet 2019",
    "law No. 1234 of 12.05.2019", "how many 2021", "covid restrictions", "section 12.3.4", "",
])
def test_ordinary_questions_words_dates_and_short_numbers_are_left_alone(text: str) -> None:
    assert mask(text) == text


def test_a_seven_letter_word_is_not_taken_for_a_fin_code() -> None:
    assert mask("citizen visitor embassy Baku") == "citizen visitor embassy Baku"


def test_a_question_that_is_only_an_identifier_is_only_its_marker() -> None:
    assert mask("+994501234567") == PHONE
    assert mask("AA1234567") == PASSPORT


def test_a_long_digit_group_failing_the_luhn_check_is_a_number_not_a_card() -> None:
    assert mask("4111 1111 1111 1112") == NUMBER


def test_masking_twice_changes_nothing_more() -> None:
    once = mask("AA1234567 +994 50 123 45 67 a@b.az 5ZRT4KL 4111111111111111 123456")
    assert mask(once) == once == f"{PASSPORT} {PHONE} {EMAIL} {FIN} {CARD} {NUMBER}"


@pytest.mark.parametrize(("digits", "valid"), [("4111111111111111", True), ("4111111111111112", False),
                                               ("378282246310005", True), ("0", True)])
def test_the_luhn_check(digits: str, valid: bool) -> None:
    assert luhn_valid(digits) is valid


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["AZE", "AA", "aa", "fin", "+", "+994", "00", "(0", "(", ")", "-", " - ", "50",
                                 "123", "45", "4111", "1111", "5ZRT4KL", "@", "x@y.az", "mail.ru", "word",
                                 "hello-AA", "1234567", "0501234567", " ", "  ", "\n", ".", "С", "А"]), max_size=14)
       .map("".join))
def test_masking_only_the_windows_equals_masking_the_whole_text(text: str) -> None:
    assert mask(text) == _MASK.sub(_marker, text)
