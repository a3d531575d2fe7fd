"""The year and the names of a question must be named where the asked kind is stated (decision.stated_of): by a
line that states it, its lead-in, its release's title or date, or (when that line writes no year) the quoted sentence
before it in the same paragraph — not merely by another quote of the answer; and a
place, contact or person must be stated about the question's topic in its own line (decision.entity_about_topic)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pressbot.responses.composer import Answer
from pressbot.responses.decision import distinctive_names, entity_about_topic, stated_of
from pressbot.retrieval import Document, Index
from tests.test_decision import answer, asked


@pytest.fixture(scope="module")
def releases() -> Index:
    return Index.build([
        Document(id="georgia", title="Consular news", lang="en", text=(
            "The consulate in Batumi serves citizens living in Georgia. Citizens travelling to Georgia may "
            "register with the consulate. The ambassador met officials of Georgia in Tbilisi.")),
        Document(id="permits", title="Work permits", lang="en", text="A work permit is issued for one year."),
    ])


def decide(index: Index, question: str, lang: str, *quotes: str, title: str = "Press release",
           date: str | None = None) -> Answer:
    composed = answer(question, lang, *quotes, title=title)
    if date is not None:
        composed = Answer(query=composed.query, lang=lang, answered=True, quotes=composed.quotes, evidence=0.8,
                          citations=(replace(composed.citations[0], date=date),))
    return stated_of(index, composed, asked(question, lang))


@pytest.mark.parametrize(("question", "lang", "other_year", "asked_year"), [
    ("how many work permits were issued in 2015", "en",
     "In 2016, 500 work permits were issued.", "In 2015, 400 work permits were issued."),
    ("2015-ci ildə neçə iş icazəsi verilib", "az",
     "2016-cı ildə 500 iş icazəsi verilib.", "2015-ci ildə 400 iş icazəsi verilib."),
    ("сколько разрешений на работу выдали в 2015 году", "ru",
     "В 2016 году выдано 500 разрешений на работу.", "В 2015 году выдано 400 разрешений на работу."),
])
def test_a_figure_of_another_year_is_not_the_figure_asked_for(releases: Index, question: str, lang: str,
                                                              other_year: str, asked_year: str) -> None:
    mention = {"en": "The 2015 plan was adopted.", "az": "2015-ci il planı qəbul edilib.",
               "ru": "План на 2015 год принят."}[lang]
    decided = decide(releases, question, lang, other_year, mention)  # 2015 only in a sentence without a figure
    assert not decided.answered and decided.missing == "number" and decided.quotes == ()
    assert decide(releases, question, lang, asked_year).answered


def test_the_year_in_the_release_title_or_date_counts(releases: Index) -> None:
    question = "how many work permits were issued in 2015"
    assert decide(releases, question, "en", "This year 400 work permits were issued.",
                  title="Results of 2015").answered
    assert decide(releases, question, "en", "This year 400 work permits were issued.", date="2015-12-30").answered


def test_a_phone_stated_without_the_name_asked_about_is_not_stated(releases: Index) -> None:
    question = "phone of the consulate in georgia"
    decided = decide(releases, question, "en", "The call centre answers on +994 12 919 00 00.",
                     "The consulate in Batumi serves citizens living in Georgia.")
    assert not decided.answered and decided.missing == "contact"
    assert decide(releases, question, "en", "The consulate in Georgia answers on +995 555 12 34 56.").answered


def test_each_name_may_be_named_by_its_own_line_of_a_list(releases: Index) -> None:
    question = "where do people from georgia and batumi apply"
    quote = ("Applications are received:\n- of residents of Georgia, at the consulate in Tbilisi;\n"
             "- of residents of Batumi, at the consulate in Batumi.")
    assert decide(releases, question, "en", quote).answered


def test_of_several_names_one_named_where_the_figure_is_stated_is_enough() -> None:
    index = Index.build([
        Document(id="mobile", title="Mobile service", lang="en", text=(
            "The mobile service worked in Zagatala. Residents of Zagatala, Balakan and Gakh applied. "
            "Officials from Balakan and Gakh took part. Balakan and Gakh border Zagatala.")),
        Document(id="permits", title="Work permits", lang="en", text="A work permit is issued for one year."),
    ])
    question = "mobile service in zagatala for balakan and gakh residents: how many used it"
    assert len(distinctive_names(index, asked(question, "en"), "en")) > 1
    assert decide(index, question, "en", "In Zagatala 120 people used the mobile service.").answered
    assert not decide(index, question, "en", "In total 120 people used the mobile service.",
                      "Residents of Zagatala, Balakan and Gakh applied.").answered


def test_a_question_naming_no_year_and_no_name_is_left_as_composed(releases: Index) -> None:
    composed = answer("how many work permits were issued", "en", "In 2016, 500 work permits were issued.")
    assert stated_of(releases, composed, asked("how many work permits were issued", "en")) == composed


@pytest.mark.parametrize(("question", "lang", "beside", "other", "own"), [
    ("baku regional department phone number", "en", "The Baku Regional Department hosted a meeting.",
     "The call centre answers on +994 12 919 00 00.", "The Baku Regional Department answers on +994 12 555 12 34."),
    ("bakı regional idarəsinin telefon nömrəsi", "az", "Bakı regional idarəsində görüş keçirilib.",
     "Çağrı mərkəzinin telefonu: +994 12 919 00 00.", "Bakı regional idarəsinin telefonu: +994 12 555 12 34."),
    ("телефон посольства в москве", "ru", "Посольство в Москве провело приём граждан.",
     "Телефон колл-центра: +994 12 919 00 00.", "Телефон посольства в Москве: +7 495 123 45 67."),
])
def test_a_contact_must_be_stated_about_the_topic_in_its_own_line(question: str, lang: str, beside: str, other: str,
                                                                  own: str) -> None:
    decided = entity_about_topic(answer(question, lang, beside, other), asked(question, lang))
    assert not decided.answered and decided.missing == "contact"
    assert entity_about_topic(answer(question, lang, own), asked(question, lang)).answered


def test_a_figure_may_still_take_its_topic_from_another_quote_of_its_release() -> None:
    question = "new year food aid for refugee families how many got it"
    composed = answer(question, "en", "On New Year the Service distributed food aid to refugee families.",
                      "This campaign covered about 100 families.")
    assert entity_about_topic(composed, asked(question, "en")) == composed


@pytest.mark.parametrize(("question", "lang", "issued", "other", "own"), [
    ("from what age is an identity card issued", "en", "issu",
     "Persons who have reached the age of 18 submit these documents for a passport, which is issued in 10 days.",
     "An identity card is issued to citizens from the age of 16."),
    ("şəxsiyyət vəsiqəsi neçə yaşdan verilir", "az", "verilir",
     "18 yaşı tamam olmuş vətəndaşlar pasport üçün bu sənədləri təqdim edir, pasport 10 gündə verilir.",
     "Şəxsiyyət vəsiqəsi 16 yaşına çatmış vətəndaşlara verilir."),
    ("с какого возраста выдают удостоверение личности", "ru", "выда",
     "Паспорт выдают гражданам старше 18 лет.", "Удостоверение личности выдают гражданам старше 16 лет."),
])
def test_an_age_must_be_stated_of_what_the_question_names_in_its_own_line(question: str, lang: str, issued: str,
                                                                          other: str, own: str) -> None:
    idf = {issued: 0.5}  # "issued" is said of most documents: it weighs little
    decided = entity_about_topic(answer(question, lang, other, title="Passports"), asked(question, lang, idf))
    assert not decided.answered and decided.missing == "age"
    assert entity_about_topic(answer(question, lang, own, title="Passports"), asked(question, lang, idf)).answered


def test_a_month_the_question_names_is_given_by_the_release_date_not_required_as_a_name() -> None:
    index = Index.build([
        Document(id=f"june-{n}", title="Visits", lang="en", text=(
            f"The experts arrived on {n} June. In June the Service met the delegation. Talks went on in June."))
        for n in range(1, 4)
    ] + [Document(id="permits", title="Work permits", lang="en", text="A work permit is issued for one year.")])
    question = "who headed the visiting delegation on 16 june 2010"
    assert not any(c.said == ("june",) for c in distinctive_names(index, asked(question, "en"), "en"))
    assert decide(index, question, "en", "The head of the delegation was Ms. Dafni Gogou.",
                  title="Experts visited the Service", date="2010-06-16").answered


def in_one_paragraph(question: str, lang: str, *quotes: str) -> Answer:
    """An answer quoting sentences written one after the other in one paragraph of its release."""
    composed = answer(question, lang, *quotes)
    return replace(composed, citations=(replace(composed.citations[0], passage=" ".join(quotes)),))


@pytest.mark.parametrize(("question", "lang", "dated", "figure", "other_year"), [
    ("how many ships were lost in the 1990 storm", "en",
     "The storm struck the harbour in January 1990.", "That night 147 ships were lost.",
     "In 1991, 147 ships were lost."),
    ("1990-cı il fırtınasında neçə gəmi batıb", "az",
     "Fırtına 1990-cı ilin yanvarında limanı vurub.", "Həmin gecə 147 gəmi batıb.", "1991-ci ildə 147 gəmi batıb."),
    ("сколько кораблей погибло в шторм 1990 года", "ru",
     "Шторм обрушился на гавань в январе 1990 года.", "В ту ночь погибло 147 кораблей.",
     "В 1991 году погибло 147 кораблей."),
])
def test_a_figure_naming_no_year_is_of_the_year_the_quoted_sentence_before_it_names(
        releases: Index, question: str, lang: str, dated: str, figure: str, other_year: str) -> None:
    asked_ = asked(question, lang)
    assert stated_of(releases, in_one_paragraph(question, lang, dated, figure), asked_).answered
    # near misses: the two in different paragraphs, and a figure naming another year of its own
    assert not stated_of(releases, answer(question, lang, dated, figure), asked_).answered
    assert not stated_of(releases, in_one_paragraph(question, lang, dated, other_year), asked_).answered


def test_an_unquoted_sentence_between_the_two_keeps_them_one_paragraph(releases: Index) -> None:
    question = "how many ships were lost in the 1990 storm"
    dated, figure = "The storm struck the harbour in January 1990.", "That night 147 ships were lost."
    composed = answer(question, "en", dated, figure)
    passage = f"{dated} The harbour master spoke of the damage. {figure}"
    within = replace(composed, citations=(replace(composed.citations[0], passage=passage),))
    assert stated_of(releases, within, asked(question, "en")).answered
