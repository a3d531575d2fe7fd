"""Answer kinds that decide: each kind in three languages (asked / held / not held), and the 'not stated' reply."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pressbot.responses.answer_types import (
    ADDRESS,
    AGE,
    CONTACT,
    COUNTRY,
    DATE,
    DURATION,
    FOUNDED,
    HOURS,
    KINDS,
    LANGUAGE,
    LIST,
    MONEY,
    NUMBER,
    PAYMENT,
    PERSON,
    PLACE,
    asked,
    expected_kind,
    given_figures,
    holds,
)
from pressbot.responses.answering import answer_question, render_answer
from pressbot.responses.composer import ComposerSettings
from pressbot.responses.render import Renderer, locale
from pressbot.retrieval import Document, Index
from tests.growth import grows_linearly
from tests.html_checker import assert_valid

ASKED = [
    ("how much is the visa fee", "en", MONEY), ("konsulluq ucotu pulludu", "az", MONEY),
    ("запись платная?", "ru", MONEY),
    ("where is the office", "en", PLACE), ("ofis harada yerlesir", "az", PLACE), ("где находится офис", "ru", PLACE),
    ("call centre phone number", "en", CONTACT), ("cagri merkezinin telefonu", "az", CONTACT),
    ("телефон колл центра", "ru", CONTACT),
    ("what are the opening hours", "en", HOURS), ("senedleri hansi gunler qebul edir", "az", HOURS),
    ("часы работы посольства", "ru", HOURS),
    ("what documents are needed for registration", "en", LIST), ("hansi senedler lazimdir", "az", LIST),
    ("какие документы нужны", "ru", LIST),
    ("who met the ambassador", "en", PERSON), ("sefirle kim gorusub", "az", PERSON),
    ("кто встретился с послом", "ru", PERSON),
    # "which day" (singular) asks for a date, "which days" (plural) for reception days, as in English
    ("on which day is the holiday", "en", DATE), ("bayram hansi gundur", "az", DATE),
    ("from what age is an id card issued", "en", AGE), ("sexsiyyet vesiqesi nece yasdan verilir", "az", AGE),
    ("со скольки лет выдают паспорт", "ru", AGE),
    ("embassy address", "en", ADDRESS), ("regional idarenin unvani", "az", ADDRESS),
    ("адрес посольства", "ru", ADDRESS),
    ("embassy e-mail address", "en", CONTACT), ("səfirliyin elektron ünvanı", "az", CONTACT),
    ("электронный адрес посольства", "ru", CONTACT),
]
HELD = [
    (MONEY, "Electronic appointments can be obtained free of charge.", "Appointments are booked online.", "en"),
    (MONEY, "Qeydiyyat ödənişsiz aparılır.", "Qeydiyyat səfirlikdə aparılır.", "az"),
    (MONEY, "Регистрация проводится бесплатно.", "Регистрация проводится в посольстве.", "ru"),
    (MONEY, "The state fee is 20 manat.", "The state fee is set by law.", "en"),
    (CONTACT, "The call centre 919 works around the clock.", "The call centre answers questions.", "en"),
    (CONTACT, "Write to consul@example.org.", "Write to the consul.", "en"),
    (HOURS, "bütün iş günləri (10:00– 13:00)", "sənədlərin qəbulu", "az"),
    (HOURS, "Приём по понедельникам.", "Приём в посольстве.", "ru"),
    (PLACE, "The embassy is at 2741 34th Street.", "The embassy answers letters.", "en"),
    (DURATION, "A citizen shall inform the authority within a month.", "A citizen shall inform the authority.", "en"),
    (AGE, "Persons who have reached the age of 18 apply in person.", "The passport is issued for 10 years.", "en"),
    (AGE, "18 yaşına çatmış vətəndaşlar uçota alınır.", "18 nəfər vətəndaş uçota alınıb.", "az"),
    (AGE, "Паспорт выдается гражданам старше 16 лет.", "Паспорт выдается на 10 лет.", "ru"),
    (AGE, "Children under 5 years of age need no photo.", "Minors need no photo.", "en"),
    (ADDRESS, "The embassy is at 2741 34th Street NW.", "The embassy is in Washington.", "en"),
    (ADDRESS, "İdarə Atatürk prospekti 12 ünvanında yerləşir.", "Gəncə regional idarəsi Tovuz rayonuna xidmət edir.",
     "az"),
    (ADDRESS, "Посольство находится по адресу: ул. Низами, 12.", "Посольство находится в Киеве.", "ru"),
]


@pytest.mark.parametrize(("question", "lang", "kind"), ASKED)
def test_a_question_asking_for_a_kind_is_recognised_in_each_language(question: str, lang: str, kind: str) -> None:
    assert expected_kind(question, lang) == kind


@pytest.mark.parametrize(("kind", "with_it", "without_it", "lang"), HELD)
def test_a_sentence_holds_the_kind_only_when_it_states_it(kind: str, with_it: str, without_it: str,
                                                         lang: str) -> None:
    assert holds(kind, with_it, lang)
    assert not holds(kind, without_it, lang)


@pytest.mark.parametrize(("question", "lang"), [("with whom did the chief meet", "en"), ("rəis kimlə görüşüb", "az"),
                                                ("с кем встретился начальник", "ru")])
def test_with_whom_asks_for_a_person(question: str, lang: str) -> None:
    assert expected_kind(question, lang) == PERSON
    assert expected_kind(question.replace("whom", "where").replace("kimlə", "harada").replace("с кем", "где"),
                         lang) != PERSON


def test_when_before_a_gerund_asks_for_no_date() -> None:
    assert expected_kind("What visa do I need when applying for a work permit?", "en") is None


@pytest.mark.parametrize("question", ["can i ask for asylum at the airport when i land",
                                      "do i need to register when i arrive"])
def test_when_inside_a_yes_no_question_asks_for_no_date(question: str) -> None:
    assert expected_kind(question, "en") is None
    assert expected_kind("when do i need to register", "en") == "date"


PERMITS = Document(id="permits", title="Work permits for foreigners", url="https://example.org/permits",
                   text=("Foreigners who work in the country need a work permit. The work permit is issued by the "
                         "migration service for one year.\nEmployers apply for the work permit of a foreigner."))
FILLER = [Document(id=f"filler{i}", title=f"Seminar {i}", text=f"A seminar on {topic} was held in the capital.")
          for i, topic in enumerate(["museums", "archives", "libraries", "orchestras", "theatres", "gardens"])]


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_the_not_stated_reply_names_the_kind_and_gives_the_contact_in_each_language(lang: str) -> None:
    reply = Renderer().render("not_stated", "text", lang, query="q", kind=MONEY, related=None)
    assert locale(lang)["not_stated"][MONEY] in reply and locale(lang)["contact"] in reply


def test_a_fee_nowhere_stated_gets_the_not_stated_reply_with_the_closest_release() -> None:
    reply = answer_question(Index.build([PERMITS, *FILLER]), "work permit fee how much", Renderer(), lang="en")
    assert not reply.answer.answered and reply.answer.missing == MONEY
    assert reply.answer.related is not None and reply.answer.related.doc_id == "permits"
    assert locale("en")["not_stated"][MONEY] in reply.text and "https://example.org/permits" in reply.text
    assert "«" not in reply.text


def test_a_question_whose_kind_is_stated_is_answered_with_the_sentence_that_states_it() -> None:
    reply = answer_question(Index.build([PERMITS, *FILLER]), "who applies for the work permit of a foreigner",
                            Renderer(), lang="en")
    assert reply.answer.answered
    assert any("Employers apply" in q.text for q in reply.answer.quotes)


@pytest.mark.parametrize("question", ["how many yrs must i live here before applying for citizenship",
                                      "how many hrs does the e visa take", "how many wks to get a work permit"])
def test_how_many_of_a_time_unit_written_short_asks_for_a_duration(question: str) -> None:
    assert expected_kind(question, "en") == DURATION


def test_how_long_a_permit_is_valid_asks_for_a_duration_in_russian() -> None:
    assert expected_kind("сколько действует разрешение на работу", "ru") == DURATION


FAQ = Document(id="faq", title="Frequently asked", url="https://example.org/faq",
               text=("Is there any service fee for consular appointments?\n"
                     "Consular appointments can be obtained free of charge."))
VISAS = Document(id="visas", title="Electronic visas", url="https://example.org/visas",
                 text="Electronic visas are issued within three working days through the portal.")


def test_a_unit_matching_only_the_words_that_ask_for_the_kind_does_not_answer_it() -> None:
    reply = answer_question(Index.build([FAQ, VISAS, *FILLER]), "how much is the electronic visa fee", Renderer(),
                            lang="en")
    assert not reply.answer.answered and reply.answer.missing == MONEY


def test_the_same_unit_answers_when_it_matches_what_the_fee_is_for() -> None:
    reply = answer_question(Index.build([FAQ, VISAS, *FILLER]), "is there a fee for a consular appointment",
                            Renderer(), lang="en")
    assert reply.answer.answered and "free of charge" in reply.text


SCHOOL = Document(id="school", title="Migration School 6 opens", url="https://example.org/school",
                  text=("The Migration School 6 project was launched by the service.\n"
                        "The school welcomed 25 successful participants after the interviews."))


def test_a_figure_the_question_gives_itself_is_not_the_number_it_asks_for() -> None:
    one = ComposerSettings(sentences_per_source=1)
    reply = answer_question(Index.build([SCHOOL, *FILLER]), "migration school 6 how many participants", Renderer(),
                            one, lang="en")
    assert [q.text for q in reply.answer.quotes] == ["The school welcomed 25 successful participants after the "
                                                     "interviews."]


def test_a_sentence_holding_only_the_questions_own_number_word_states_no_number() -> None:
    one = ComposerSettings(sentences_per_source=1)
    report = Document(id="report", title="Half-year report", url="https://example.org/report",
                      text="Within the first half of the year the service registered foreigners and their stay.")
    reply = answer_question(Index.build([report, *FILLER]), "first half of the year how many foreigners registered",
                            Renderer(), one, lang="en")
    assert not reply.answer.answered and reply.answer.missing == NUMBER


@pytest.mark.parametrize(("question", "lang", "word"), [
    ("ilin ilk yarım ilində neçə əcnəbi qeydiyyata alınıb", "az", "yarim"),
    ("сколько иностранцев за год и ещё половина", "ru", "половина"),
    ("how many in half a year", "en", "half"),
])
def test_a_number_question_gives_the_number_words_it_writes(question: str, lang: str, word: str) -> None:
    assert word in given_figures(question, NUMBER, lang)


@pytest.mark.parametrize(("question", "lang"), [("how many times can one extend the permit", "en"),
                                              ("bir əcnəbi neçə dəfə uzada bilər", "az"),
                                              ("сколько раз один иностранец может продлить", "ru")])
def test_the_word_for_one_is_an_article_or_a_pronoun_not_a_given_number(question: str, lang: str) -> None:
    assert given_figures(question, NUMBER, lang) == frozenset()


def test_a_question_asking_no_number_gives_no_figures() -> None:
    assert given_figures("when was the first half of 2018 report held", DATE, "en") == frozenset()


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_the_not_stated_reply_is_valid_telegram_html_with_hostile_text_escaped(lang: str) -> None:
    answer = answer_question(Index.build([PERMITS, *FILLER]), "work permit fee how much", Renderer(), lang="en").answer
    assert answer.missing == MONEY
    reply = render_answer(replace(answer, query="<b>{{ 7*7 }}</b> & co", lang=lang), Renderer())
    assert_valid(reply.html)
    assert "<b>{{" not in reply.html and "49" not in reply.text


HOURS_PAGE = Document(id="hours", title="Contacts and reception days", url="https://example.org/hours",
                      text="Reception days of the consular department:\nall working days (10:00–13:00)")


def test_a_question_made_only_of_the_words_asking_for_the_kind_is_answered_when_a_source_holds_it() -> None:
    reply = answer_question(Index.build([HOURS_PAGE, *FILLER]), "reception days", Renderer(), lang="en")
    assert reply.answer.answered and "10:00–13:00" in reply.text


def test_a_paid_job_asks_about_work_not_about_money() -> None:
    assert expected_kind("Do I still need a work permit to take a paid job?", "en") is None
    assert expected_kind("Is the work permit paid?", "en") == MONEY


def test_visa_free_travel_asks_no_money() -> None:
    assert expected_kind("is visa-free travel allowed", "en") is None
    assert expected_kind("is the appointment free", "en") == MONEY


@pytest.mark.parametrize(("question", "kind", "lang"), [
    ("how many migrants got free legal help last quarter", NUMBER, "en"),
    ("who gives free consultations to refugees", PERSON, "en"),
    ("nece nefer pulsuz huquqi yardim alib", NUMBER, "az"),
    ("pulsuz meslehet kim verir", PERSON, "az"),
    ("сколько человек получили бесплатную помощь", NUMBER, "ru"),
    ("где дают бесплатную консультацию", PLACE, "ru"),
])
def test_free_describing_what_is_asked_about_yields_to_the_word_that_asks(question: str, kind: str,
                                                                          lang: str) -> None:
    assert expected_kind(question, lang) == kind


@pytest.mark.parametrize(("question", "kind"), [("who is the US charge d'affaires who met the head of sms", PERSON),
                                              ("since when is the service in charge of citizenship", DATE),
                                              ("how many foreigners were charged with illegal stay", NUMBER)])
def test_in_charge_of_and_charge_d_affaires_ask_nothing_about_money(question: str, kind: str) -> None:
    assert expected_kind(question, "en") == kind
    assert expected_kind("is there a charge for registration", "en") == MONEY


@pytest.mark.parametrize(("question", "lang"), [("is legal help free", "en"), ("huquqi yardim pulsuzdur?", "az"),
                                                ("юридическая помощь бесплатная?", "ru")])
def test_free_alone_asks_about_money(question: str, lang: str) -> None:
    assert expected_kind(question, lang) == MONEY


@pytest.mark.parametrize(("dated", "lang"), [("The procedure is set by the Decision dated 12.09.2012.", "en"),
                                             ("Qaydalar 12.09.2012-ci il tarixli Qərarla müəyyən edilib.", "az"),
                                             ("Порядок утверждён в 2012 году.", "ru")])
def test_a_date_is_not_a_duration(dated: str, lang: str) -> None:
    assert not holds(DURATION, dated, lang)


@pytest.mark.parametrize(("period", "lang"), [("The permit is issued for 5 years.", "en"),
                                              ("İcazə 5 il müddətinə verilir.", "az"),
                                              ("Разрешение выдаётся на 5 лет.", "ru")])
def test_a_number_of_years_is_a_duration(period: str, lang: str) -> None:
    assert holds(DURATION, period, lang)


RETURN = Document(id="return", title="Return certificate", url="https://example.org/return",
                  text=("Electronic queue portal - https://queue.example.org\n"
                        "Citizens whose passports were lost may obtain a return certificate on presenting the "
                        "following documents:\n"
                        "- the original of the expired passport;\n"
                        "- 2 photographs;\n"
                        "- a receipt for the state fee of 10 US dollars."))


def test_a_fee_in_a_list_answers_only_what_the_list_s_lead_in_names() -> None:
    reply = answer_question(Index.build([RETURN, *FILLER]), "is the electronic queue paid", Renderer(), lang="en")
    assert not reply.answer.answered and reply.answer.missing == MONEY


def test_a_fee_in_a_list_answers_the_question_about_what_its_lead_in_names() -> None:
    reply = answer_question(Index.build([RETURN, *FILLER]), "is the return certificate paid", Renderer(), lang="en")
    assert reply.answer.answered and "10 US dollars" in reply.text


@pytest.mark.parametrize("span", ["The six-month training programme starts in May.", "A 3-day visit took place."])
def test_a_figure_joined_to_a_unit_of_time_is_not_a_count(span: str) -> None:
    assert not holds(NUMBER, span, "en")


def test_a_count_beside_a_span_is_still_a_count() -> None:
    assert holds(NUMBER, "The six-month programme welcomed 20 participants.", "en")


@pytest.mark.parametrize("question", ["qaçqın statusu ərizəsinə nə qədər baxılır", "evize almaq ne qeder cekir"])
def test_how_long_something_takes_asks_for_a_duration_in_azerbaijani(question: str) -> None:
    assert expected_kind(question, "az") == DURATION


def test_how_much_of_something_still_asks_for_a_number_in_azerbaijani() -> None:
    assert expected_kind("nə qədər zəng daxil olub", "az") == NUMBER


RESIDENCE = Document(id="vnj", title="Разъяснение службы", url="https://example.org/vnj", lang="ru",
                     text=("Вид на жительство выдается на пять лет. Пошлина составляет 40 манатов. "
                           "Заявление подается лично.\nВиза оформляется в посольстве. Сбор составляет 20 манатов."))
SEMINARS = [Document(id=f"s{i}", title=f"Семинар {i}", lang="ru", text=f"Семинар о {topic} прошел в столице.")
            for i, topic in enumerate(["музеях", "архивах", "библиотеках", "театрах"])]


def test_a_fee_stated_right_after_the_sentence_naming_its_topic_is_quoted_with_it() -> None:
    reply = answer_question(Index.build([RESIDENCE, *SEMINARS]), "сколько стоит вид на жительство", Renderer(),
                            lang="ru")
    assert reply.answer.answered
    assert [q.text for q in reply.answer.quotes] == ["Вид на жительство выдается на пять лет. Пошлина составляет "
                                                     "40 манатов."]


def test_a_fee_stated_before_the_sentence_naming_the_topic_does_not_answer_it() -> None:
    reply = answer_question(Index.build([RESIDENCE, *SEMINARS]), "сколько стоит подать заявление лично", Renderer(),
                            lang="ru")
    assert not reply.answer.answered and reply.answer.missing == MONEY


@pytest.mark.parametrize(("sentence", "lang"), [
    ("In 2019 the call center received 10646 calls.", "en"),
    ("2019-cu ilin aprel ayında Çağrı mərkəzinə 10646 zəng daxil olub, onlardan 9659-u cavablandırılıb.", "az"),
    ("В 2020 году в колл-центр поступило 6,652 звонка.", "ru"),
])
def test_a_year_or_a_count_beside_a_word_for_calling_is_not_a_number_to_call(sentence: str, lang: str) -> None:
    assert not holds(CONTACT, sentence, lang)


@pytest.mark.parametrize(("sentence", "lang"), [
    ("Persons can contact the “(012) 919” Call Center of the Service.", "en"),
    ("Müraciət üçün 919 Çağrı mərkəzinə zəng edin.", "az"), ("Звоните в колл-центр 919.", "ru"),
])
def test_a_short_number_beside_a_word_for_calling_is_a_number_to_call(sentence: str, lang: str) -> None:
    assert holds(CONTACT, sentence, lang)


@pytest.mark.parametrize(("question", "lang"), [("what languages does the call centre answer in", "en"),
                                                ("çağrı mərkəzi hansı dillərdə işləyir", "az"),
                                                ("колл центр на скольких языках работает", "ru")])
def test_a_question_asking_in_which_languages_asks_for_languages_not_a_contact_or_a_number(question: str,
                                                                                          lang: str) -> None:
    assert expected_kind(question, lang) == LANGUAGE


@pytest.mark.parametrize(("question", "lang"), [
    ("how many foreigners paid fines in 2020", "en"),
    ("how often do i pay the fee", "en"),
    ("как часто платить пошлину", "ru"),
    ("neçə nəfər dövlət rüsumu ödəyib", "az"),
    ("2020-ci ildə neçə əcnəbi cərimə ödəyib", "az"),
    ("2020-ci ilde nece ecnebi cerime odeyib", "az"),
])
def test_how_many_paid_or_how_often_one_pays_is_no_way_of_paying(question: str, lang: str) -> None:
    assert expected_kind(question, lang) != PAYMENT


@pytest.mark.parametrize("question", ["rusum nece odenilir", "rüsumu necə ödəyə bilərəm", "rüsumu necə ödəyim"])
def test_how_written_without_its_letters_asks_the_way_beside_a_verb_of_procedure(question: str) -> None:
    assert expected_kind(question, "az") == PAYMENT


@pytest.mark.parametrize(("with_it", "without_it", "lang"), [
    ("The call centre operates in 3 languages - Azerbaijani, Russian and English.",
     "Azerbaijani citizens living in Russia were registered.", "en"),
    ("Sayt Azərbaycan, ingilis və rus dillərində fəaliyyət göstərir.",
     "Azərbaycan və Rusiya arasında saziş imzalanıb.", "az"),
    ("Сайт работает на русском, английском и азербайджанском языках.",
     "Граждане Азербайджана и России встретились.", "ru"),
])
def test_a_sentence_holds_languages_when_it_names_languages_not_peoples_or_countries(with_it: str, without_it: str,
                                                                                    lang: str) -> None:
    assert holds(LANGUAGE, with_it, lang)
    assert not holds(LANGUAGE, without_it, lang)


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_the_not_stated_reply_has_a_phrase_for_every_kind_in_each_language(lang: str) -> None:
    assert set(KINDS) <= set(locale(lang)["not_stated"])


@pytest.mark.parametrize(("listed", "mentioned", "lang"), [
    ("Applicants submit a passport, two photographs and the application form.",
     "The list of documents required for the work permit was given to 18 persons.", "en"),
    ("Ərizəyə pasportun surəti və 2 şəkil əlavə olunur.",
     "11 nəfərə icazə vəsiqəsi təqdim olunub və 3 şəxsə sənədlərin siyahısı verilib.", "az"),
    ("К заявлению прилагаются копия паспорта, фотография и справка.", "Список документов выдан 18 лицам.", "ru"),
])
def test_a_list_of_documents_is_an_enumeration_not_a_sentence_that_mentions_documents(listed: str, mentioned: str,
                                                                                      lang: str) -> None:
    assert holds(LIST, listed, lang)
    assert not holds(LIST, mentioned, lang)


def test_a_lead_in_holds_a_list_only_together_with_its_items() -> None:
    lead_in = "Please send the following documents:"
    assert not holds(LIST, lead_in, "en")
    assert holds(LIST, f"{lead_in}\n1. Passport\n2. Photo", "en")


@pytest.mark.parametrize(("item", "lang"), [("• Copy of the Azerbaijani passport", "en"), ("- 2 şəkil;", "az"),
                                            ("копия паспорта;", "ru")])
def test_one_item_of_a_list_naming_a_document_holds_a_list(item: str, lang: str) -> None:
    assert holds(LIST, item, lang)


STATS = Document(id="stats", title="Mobile service in the district", url="https://example.org/stats",
                 text=("A mobile service for work permits was held in the district. The list of documents required "
                       "for a work permit was given to 18 persons."))
PERMIT_DOCS = Document(id="docs", title="Work permit", url="https://example.org/docs",
                       text=("An employer applying for a work permit submits the following documents:\n"
                             "- the application form;\n- a copy of the passport;\n- two photographs."))


def test_a_sentence_mentioning_the_list_of_documents_does_not_answer_which_documents() -> None:
    reply = answer_question(Index.build([STATS, *FILLER]), "what documents are needed for a work permit", Renderer(),
                            lang="en")
    assert not reply.answer.answered and reply.answer.missing == LIST


def test_which_documents_is_answered_with_the_lead_in_and_its_items() -> None:
    reply = answer_question(Index.build([STATS, PERMIT_DOCS, *FILLER]), "what documents are needed for a work permit",
                            Renderer(), lang="en")
    assert reply.answer.answered
    assert reply.answer.quotes[0].text.endswith("- two photographs.")
    assert reply.answer.citations[0].doc_id == "docs"


@pytest.mark.parametrize("question", ["sefirlikde pasport ucun termin nece goturulur",
                                      "novbeni nece goturmek olar", "plov nece bisirilir"])
def test_nece_before_a_verb_asks_how_not_how_many_in_azerbaijani_typed_without_letters(question: str) -> None:
    assert expected_kind(question, "az") is None


@pytest.mark.parametrize("question", ["seyyar xidmetden nece adam istifade edib", "2017 iyulda necə əcnəbi çıxarılıb"])
def test_nece_before_a_noun_still_asks_how_many(question: str) -> None:
    assert expected_kind(question, "az") == NUMBER


@pytest.mark.parametrize(("question", "lang"), [("when was the public council set up", "en"),
                                                ("miqrasiya konulluleri layihesi ne vaxt baslayib", "az"),
                                                ("когда была создана миграционная служба", "ru")])
def test_when_something_was_set_up_asks_for_its_founding_date(question: str, lang: str) -> None:
    assert expected_kind(question, lang) == FOUNDED


def test_the_topic_between_when_and_set_up_is_not_a_word_asking_for_the_kind() -> None:
    assert asked("When was the Public Council set up?", "en") == (FOUNDED, "when set up")


@pytest.mark.parametrize(("founded", "other_date", "lang"), [
    ("The Public Council was established on June 8, 2015.", "The Public Council met on November 17, 2016.", "en"),
    ("Layihə 7 fevral 2019-cu ildə başlayıb.", "Görüş 7 fevral 2019-cu ildə keçirilib.", "az"),
    ("Служба создана в 2007 году.", "Совещание прошло в 2007 году.", "ru"),
])
def test_a_founding_date_is_a_date_said_of_a_setting_up(founded: str, other_date: str, lang: str) -> None:
    assert holds(FOUNDED, founded, lang)
    assert not holds(FOUNDED, other_date, lang)


COUNCIL = Document(id="council", title="Public Council meeting", url="https://example.org/council",
                   text=("The Public Council held its meeting on November 17, 2016. The Public Council was "
                         "established on June 8, 2015 by the decision of the Service."))


def test_a_founding_question_is_answered_with_the_founding_date_not_another_date() -> None:
    one = ComposerSettings(sentences_per_source=1)
    reply = answer_question(Index.build([COUNCIL, *FILLER]), "when was the public council set up", Renderer(), one,
                            lang="en")
    assert [q.text for q in reply.answer.quotes] == ["The Public Council was established on June 8, 2015 by the "
                                                     "decision of the Service."]


MEETINGS = [Document(id=f"meeting{i}", title=f"Public Council meeting {i}", url=f"https://example.org/m{i}",
                     text=f"The Public Council set the agenda of its meeting number {i} on the migration policy.")
            for i in range(6)]
FOUNDING = Document(id="founding", title="One year of the council", url="https://example.org/founding",
                    text="One year ago the Public Council was established, on June 8, 2015, by the Service.")


def test_a_kind_stated_only_by_a_release_beyond_the_first_five_is_still_quoted() -> None:
    reply = answer_question(Index.build([*MEETINGS, FOUNDING, *FILLER]), "when was the public council set up",
                            Renderer(), lang="en")
    assert reply.answer.answered and "June 8, 2015" in reply.text
    assert reply.answer.citations[0].doc_id == "founding"


FEE = Document(id="fee", title="Work permit fee", url="https://example.org/fee",
               text="The state fee for a work permit of a foreigner is 350 manat.")
ISSUED = Document(id="issued", title="Work permits issued", url="https://example.org/issued",
                  text="Work permits of foreigners are issued by the migration service.")


def test_a_kind_question_cites_only_the_releases_whose_quotes_state_the_kind() -> None:
    reply = answer_question(Index.build([FEE, ISSUED, *FILLER]), "what is the fee for a work permit of a foreigner",
                            Renderer(), lang="en")
    assert reply.answer.answered
    assert [c.doc_id for c in reply.answer.citations] == ["fee"]


@pytest.mark.parametrize("question", ["сколько рассматривают заявление на статус беженца", "сколько делается виза"])
def test_skolko_before_a_present_tense_verb_asks_how_long_in_russian(question: str) -> None:
    assert expected_kind(question, "ru") == DURATION


def test_skolko_before_a_noun_or_a_past_verb_still_asks_how_many() -> None:
    assert expected_kind("сколько человек участвовало", "ru") == NUMBER
    assert expected_kind("сколько граждан турции задержали", "ru") == NUMBER


CALLS = Document(id="calls", title="Call centre in April", url="https://example.org/calls",
                 text=("The call centre answered 10646 calls in April. The call centre works in three "
                       "languages: Azerbaijani, Russian and English."))


def test_a_languages_question_is_answered_with_the_sentence_naming_the_languages() -> None:
    one = ComposerSettings(sentences_per_source=1)
    reply = answer_question(Index.build([CALLS, *FILLER]), "in which languages does the call centre answer calls",
                            Renderer(), one, lang="en")
    assert [q.text for q in reply.answer.quotes] == ["The call centre works in three languages: Azerbaijani, "
                                                     "Russian and English."]


@pytest.mark.parametrize(("kind", "with_it", "without_it", "lang"), [
    (MONEY, "The fee is AZN 20.", "Two applications were received.", "en"),
    (MONEY, "Rüsum iki manatdır.", "İki ərizə qəbul olunub.", "az"),
    (MONEY, "Пошлина составляет сорок манатов.", "Поступило сорок заявлений.", "ru"),
    (CONTACT, "Visit migrationto.az for details.", "Mr. Smith met the delegation.", "en"),
    (CONTACT, "Ətraflı məlumat migrationto.az saytındadır.", "Ətraflı məlumat saytdadır.", "az"),
    (CONTACT, "Подробности на сайте migration.gov.az.", "Подробности на сайте службы.", "ru"),
    (HOURS, "The office is open from 9 am to 6 pm.", "The office received 9 applications.", "en"),
    (HOURS, "Sənədlər saat 9-dan qəbul olunur.", "Sənədlər 9 gün ərzində qəbul olunur.", "az"),
    (HOURS, "Приём с 9 до 18.", "Приём 9 заявлений.", "ru"),
])
def test_amounts_written_in_words_or_after_the_currency_sites_by_domain_and_hours_without_minutes_are_held(
        kind: str, with_it: str, without_it: str, lang: str) -> None:
    assert holds(kind, with_it, lang)
    assert not holds(kind, without_it, lang)


@pytest.mark.parametrize(("with_it", "without_it", "lang"), [
    ("Documents are received on Fridays (10:00–13:00).", "From 00:00 on October 24 the documents change.", "en"),
    ("Sənədlər cümə günləri qəbul edilir.", "Təqdim olunan sənədlər dəyişib.", "az"),
    ("Документы принимаются по пятницам.", "С 00:00 24 октября документы не принимаются.", "ru"),
])
def test_hours_are_days_or_times_of_reception_not_midnight_nor_a_day_s_name_inside_another_word(
        with_it: str, without_it: str, lang: str) -> None:
    assert holds(HOURS, with_it, lang)
    assert not holds(HOURS, without_it, lang)


@pytest.mark.parametrize(("with_it", "without_it", "lang"), [
    ("Applications are received at the regional office.", "Officers of the service attended.", "en"),
    ("Sənədlər regional idarənin binasında qəbul olunur.", "Sənədlər qəbul olunur.", "az"),
    ("Приём ведётся в здании управления.", "Приём ведётся по домашним делам.", "ru"),
])
def test_a_place_word_holds_a_place_only_as_a_whole_word(with_it: str, without_it: str, lang: str) -> None:
    assert holds(PLACE, with_it, lang)
    assert not holds(PLACE, without_it, lang)


@pytest.mark.parametrize(("with_it", "without_it", "lang"), [
    ("The fee is 50 GEL.", "In 2020, 6106 gelatin capsules were delivered.", "en"),
    ("Rüsum 20 AZN-dir.", "2020-ci ildə ölkəyə 6106 əcnəbi gəlib.", "az"),
    ("Сбор составляет 20 евро.", "В 2020 году приехали 6106 иностранцев.", "ru"),
])
def test_a_currency_code_holds_money_only_as_a_whole_word(with_it: str, without_it: str, lang: str) -> None:
    assert holds(MONEY, with_it, lang)
    assert not holds(MONEY, without_it, lang)


@pytest.mark.parametrize(("with_it", "without_it", "lang"), [
    ("The embassy received visitors on 3 May.", "Persons may apply to the embassy.", "en"),
    ("Layihə fevralda başlayıb.", "Layihə uğurla başlayıb.", "az"),
    ("Приём прошёл в мае.", "Приём прошёл в посольстве.", "ru"),
])
def test_a_month_in_any_of_its_forms_states_a_date_and_the_verb_may_does_not(with_it: str, without_it: str,
                                                                            lang: str) -> None:
    assert holds(DATE, with_it, lang)
    assert not holds(DATE, without_it, lang)


@pytest.mark.parametrize(("question", "kind"), [
    ("where do i collect my passport from", PLACE), ("where do i get the residence card from", PLACE),
    ("where were the detained foreigners from", COUNTRY), ("where do the migrants come from", COUNTRY),
])
def test_where_from_asks_for_countries_only_about_people_s_origin(question: str, kind: str) -> None:
    found = asked(question, "en")
    assert found is not None and found[0] == kind


@pytest.mark.parametrize(("with_it", "without_it", "lang"), [
    ("Şəxsiyyət vəsiqəsi 16 yaşından verilir.", "Hesabat dövründə 35 yaşayış icazəsi ləğv edilib.", "az"),
    ("Паспорт выдаётся лицам, которым исполнилось 16 лет.", "Органы исполнительной власти 12 районов провели встречу.",
     "ru"),
])
def test_an_age_is_a_figure_said_as_an_age_not_a_word_beginning_like_one(with_it: str, without_it: str,
                                                                         lang: str) -> None:
    assert holds(AGE, with_it, lang)
    assert not holds(AGE, without_it, lang)


def test_which_residence_permit_asks_for_no_age_in_azerbaijani() -> None:
    found = asked("hansı yaşayış icazəsi lazımdır", "az")
    assert found is None or found[0] != AGE


@pytest.mark.parametrize(("counted", "lang"), [
    ("Tədbirdə 10 ayrı ölkənin nümayəndələri iştirak edib.", "az"), ("Архив разделён на 10 частей.", "ru"),
])
def test_a_count_before_a_word_beginning_like_a_unit_of_time_is_still_a_count(counted: str, lang: str) -> None:
    assert holds(NUMBER, counted, lang)


@pytest.mark.parametrize(("sentence", "lang"), [
    ("Applications for asylum are accepted by the State Migration Service.", "en"),
    ("Qaçqın statusu üçün müraciətlər Dövlət Miqrasiya Xidməti tərəfindən qəbul edilir.", "az"),
    ("Обращения для выдачи статуса беженца принимаются Государственной Миграционной Службой.", "ru"),
])
def test_a_body_named_as_the_doer_says_who_and_where_to_apply(sentence: str, lang: str) -> None:
    assert holds(PERSON, sentence, lang)
    assert holds(PLACE, sentence, lang)


@pytest.mark.parametrize(("sentence", "lang"), [
    ("The training was initiated by the UN Migration Network on the eve of the forum.", "en"),
    ("Состоялась встреча с Государственной Миграционной Службой.", "ru"),
    ("Состоялась встреча с Государственной миграционной службой.", "ru"),
    ("Обсуждено сотрудничество с международными организациями.", "ru"),
    ("Семинар прошёл под руководством Службы.", "ru"),
])
def test_a_body_met_with_or_a_name_that_is_no_body_is_no_doer(sentence: str, lang: str) -> None:
    assert not holds(PERSON, sentence, lang)


def test_whom_asks_for_a_person_in_russian() -> None:
    assert expected_kind("кого избрали генеральным директором МОМ", "ru") == PERSON


@pytest.mark.parametrize("question", ["сколько манатов стоит продление ВНЖ?", "сколько манатов за продление ВНЖ"])
def test_how_many_manats_asks_for_money_not_a_count_in_russian(question: str) -> None:
    assert expected_kind(question, "ru") == MONEY


@pytest.mark.parametrize(("sentence", "lang"), [
    ("The list of documents required for application for establishment of citizenship, obtaining permits for "
     "temporary and permanent residence, as well as work permit was given to 18 persons.", "en"),
    ("Перечень документов для получения разрешения на проживание, паспорта и удостоверения выдан 18 лицам.", "ru"),
])
def test_a_sentence_counting_people_or_applications_lists_no_documents(sentence: str, lang: str) -> None:
    assert not holds(LIST, sentence, lang)


def test_a_line_of_many_figures_naming_documents_is_read_in_linear_time() -> None:
    # Each figure's digit was a start from which the spaces inside and after the figures were split every way:
    # 3 s for 5,000 figures.
    given = "The passport, the visa and the work permit were given to "
    assert not holds(LIST, given + "1 " * 50 + "guests.")
    assert grows_linearly(lambda n: holds(LIST, given + "1 " * n + "guests."), 500)


def test_a_figure_written_in_groups_still_counts_people() -> None:
    assert not holds(LIST, "Passports, visas and work permits: 57 851 applications were received.", "en")


def test_a_sentence_naming_three_documents_with_a_figure_of_photos_is_still_a_list() -> None:
    assert holds(LIST, "Нужны копия паспорта, 2 фотографии и заявление.", "ru")


@pytest.mark.parametrize(("question", "lang"), [
    ("how much does a foreign worker pay", "en"),
    ("xarici işçi nə qədər ödəyir", "az"),
    ("konsulluq ucotu ucun ne qeder odemek lazimdir", "az"),
    ("сколько платят за продление визы", "ru"),
    ("сколько платит работодатель за иностранца", "ru"),
])
def test_how_much_one_pays_asks_for_money_in_each_language(question: str, lang: str) -> None:
    assert expected_kind(question, lang) == MONEY


PERMITS_AZ = Document(id="permits-az", lang="az", title="İş icazələri",
                      text="2020-ci ildə xarici işçilərə 5000 iş icazəsi verilib. Xarici işçilər Bakıda çalışır.")
PERMITS_RU = Document(id="permits-ru", lang="ru", title="Разрешения на работу",
                      text="В 2020 году иностранным работникам выдано 5000 разрешений на работу.")


@pytest.mark.parametrize(("question", "lang"), [("xarici işçi nə qədər ödəyir", "az"),
                                                ("сколько платят иностранным работникам", "ru")])
def test_a_count_does_not_answer_how_much_is_paid(question: str, lang: str) -> None:
    reply = answer_question(Index.build([PERMITS_AZ, PERMITS_RU, *FILLER]), question, Renderer(), lang=lang)
    assert not reply.answer.answered and "5000" not in reply.text


@pytest.mark.parametrize("kind", [MONEY, DURATION, LANGUAGE, NUMBER, CONTACT, LIST, PAYMENT])
@pytest.mark.parametrize("unit", ["1", "1 ", "1, ", "1.", "1a", "pay ", "1 , ", "a-", "call "])
def test_a_long_run_of_figures_is_read_in_linear_time(kind: str, unit: str) -> None:
    # A figure's pattern was tried from every digit of the run, each try scanning to its end: a money question read
    # a 5,000-digit line in 2.8 s, a count question in 3 s, a language question in 0.6 s; an e-mail address was
    # sought from every letter of a long word, a count of people from every figure of "1.1.1.…".
    assert grows_linearly(lambda n: holds(kind, "In 2020 the figures were " + unit * n + " in all."), 500)


@pytest.mark.parametrize(("sentence", "kind", "lang"), [
    ("The state duty is 1, 20 or 40 manats.", MONEY, "en"),
    ("The fee is 1 000 000 US dollars.", MONEY, "en"),
    ("Rüsum 2 5 manatdır.", MONEY, "az"),
    ("Приём длится 10 дней.", DURATION, "ru"),
    ("Leaflets were printed in 3 languages.", LANGUAGE, "en"),
    ("Write to first.last-name@migration.gov.az.", CONTACT, "en"),
])
def test_a_figure_after_other_figures_is_still_read(sentence: str, kind: str, lang: str) -> None:
    assert holds(kind, sentence, lang)


@pytest.mark.parametrize(("question", "lang"), [
    ("how do i pay the state fee for the extension", "en"),
    ("продлили пребывание в карантин, как оплатить пошлину", "ru"),
    ("rusumu nece odemek olar", "az"),
])
def test_how_to_pay_asks_the_way_of_paying_not_an_amount(question: str, lang: str) -> None:
    assert expected_kind(question, lang) == PAYMENT


@pytest.mark.parametrize(("with_it", "without_it", "lang"), [
    ("Foreigners can pay the state fee electronically through the Government Payment Portal.",
     "The state fee for the extension is 20 manat.", "en"),
    ("Пошлина оплачивается через банк на счёт консульства.", "Пошлина составляет 10 долларов США.", "ru"),
    ("Dövlət rüsumu bank kartı ilə onlayn ödənilir.", "Dövlət rüsumu 20 manatdır.", "az"),
])
def test_a_sentence_states_how_to_pay_when_it_names_paying_and_its_means(with_it: str, without_it: str,
                                                                           lang: str) -> None:
    assert holds(PAYMENT, with_it, lang) and not holds(PAYMENT, without_it, lang)


@pytest.mark.parametrize(("sentence", "lang"), [
    ("The state fee for the residence permit card is 60 manat and is paid when applying.", "en"),
    ("Foreigners paid 500 manat in fines, taking into account the period of their stay.", "en"),
    ("Пошлина оплачивается за счёт работодателя.", "ru"),
    ("Ödənişlər barədə hesabat hazırlanıb.", "az"),
])
def test_a_card_or_an_account_named_without_its_preposition_is_no_means_of_paying(sentence: str, lang: str) -> None:
    assert not holds(PAYMENT, sentence, lang)


@pytest.mark.parametrize(("sentence", "lang"), [
    ("The fee is paid by bank card or into the account of the embassy.", "en"),
    ("Пошлина оплачивается на счёт консульства.", "ru"),
    ("Rüsum hesaba ödənilir.", "az"),
])
def test_a_card_or_an_account_with_its_preposition_is_a_means_of_paying(sentence: str, lang: str) -> None:
    assert holds(PAYMENT, sentence, lang)


def test_paid_labour_is_no_way_of_paying() -> None:
    assert not holds(PAYMENT, "Foreigners engaged in paid labour activity through agencies were registered.", "en")


@pytest.mark.parametrize(("question", "lang"), [
    ("how much do i pay for the extension", "en"),
    ("сколько платить пошлину за внж", "ru"),
    ("rüsum nə qədər ödənilir", "az"),
])
def test_how_much_one_pays_still_asks_for_money(question: str, lang: str) -> None:
    found = asked(question, lang)
    assert found is not None and found[0] == MONEY


AMOUNT = Document(id="amount", title="Extension of stay", text="The state fee for the extension of stay is 20 manat.")
WAY = Document(id="way", title="Quarantine", text=("Foreigners whose stay was extended pay the state fee "
                                                   "electronically through the payment portal or at bank terminals."))


def test_how_to_pay_is_answered_with_the_way_of_paying_not_the_amount() -> None:
    reply = answer_question(Index.build([AMOUNT, WAY, *FILLER]), "how do i pay the state fee for the extension of stay",
                            Renderer(), lang="en")
    assert reply.answer.answered and [c.doc_id for c in reply.answer.citations] == ["way"]


def test_how_to_pay_nowhere_stated_gets_the_not_stated_reply() -> None:
    amount_only = Document(id="fees", title="Extension of stay", text="The state fee for the extension is 20 manat.")
    reply = answer_question(Index.build([amount_only, *FILLER]), "how do i pay the state fee for the extension",
                            Renderer(), lang="en")
    assert not reply.answer.answered and reply.answer.missing == PAYMENT
