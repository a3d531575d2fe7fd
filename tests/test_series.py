"""Numbered names ("Harbour School 6", "the 12th session", "VIII Round"): the figure names one release of a series,
it is no count to match anywhere; the release whose title carries the name is quoted first, read whole."""

from __future__ import annotations

import pytest

from pressbot.responses.answering import across_languages, named_passages, names_series
from pressbot.responses.composer import Answer, ComposerSettings, compose
from pressbot.responses.series import carried, carries, numbered_names, numbers_other
from pressbot.retrieval import Document, Index
from pressbot.retrieval.glossary import Glossary
from tests.composing import quoting
from tests.growth import grows_linearly

FILLER = [Document(id=f"filler{i}", title=f"Seminar {i}", text=f"A seminar on {topic} was held in the capital.")
          for i, topic in enumerate(["museums", "archives", "libraries", "orchestras", "theatres", "gardens"])]


@pytest.mark.parametrize(("question", "lang", "title"), [
    ("harbour school 6 how many ppl were accepted", "en", 'The opening of the "Harbour School - 6" project'),
    ("which ships came to the 12th harbour session", "en", "12th Session of the Harbour Council is held"),
    ("liman mektebi 6 nece nefer qebul olunub", "az", "«Liman Məktəbi-6» layihəsinin açılışı olub"),
    ("портовая школа 6 сколько приняли", "ru", "Открытие проекта «Портовая школа - 6»"),
    ("VIII Round of harbour talks who came", "en", "The VIII Round of harbour talks held"),
])
def test_a_release_titled_with_the_numbered_name_carries_it(question: str, lang: str, title: str) -> None:
    assert carries(numbered_names(question, lang), title, lang)


@pytest.mark.parametrize(("question", "lang", "title"), [
    ("limanin 100 illiyi ne vaxt qeyd olunub", "az", "Limanın 100 illiyi qeyd olunub"),
    ("liman faciesinin 25 illiyinde ne olub", "az", "Liman faciəsinin 25 illiyində sərgi açılıb"),
    ("что было на 25-летие порта", "ru", "Отмечено 25-летие порта"),
    ("когда отмечали 100-летия порта", "ru", "В порту отметили 100-летие"),
])
def test_an_anniversary_numbered_without_an_ordinal_ending_is_a_numbered_name(question: str, lang: str,
                                                                              title: str) -> None:
    assert carries(numbered_names(question, lang), title, lang)
    assert not carries(numbered_names(question, lang), title.replace("25", "20").replace("100", "90"), lang)


@pytest.mark.parametrize(("question", "lang", "title"), [
    ("harbour school 6 how many ppl were accepted", "en", 'The "Harbour School - 4" project launched'),
    ("harbour school 6 how many ppl were accepted", "en", "Harbour school results of the 6 months"),
    ("liman mektebi 6 nece nefer qebul olunub", "az", "«Liman Məktəbi-4» layihəsinin açılışı olub"),
    ("портовая школа 6 сколько приняли", "ru", "Открытие проекта «Портовая школа - 16»"),
])
def test_another_number_of_the_series_or_a_figure_elsewhere_does_not_carry_it(question: str, lang: str,
                                                                              title: str) -> None:
    assert not carries(numbered_names(question, lang), title, lang)


@pytest.mark.parametrize(("question", "lang"), [
    ("how many people applied in 2019", "en"),
    ("the course lasts 6 months, how many took part", "en"),
    ("whom did the chief meet on november 27", "en"),
    ("2019-cu ilin aprelində neçə zəng daxil olub", "az"),
    ("рвп можно продлевать больше 4 раз?", "ru"),
    ("Can I Apply For Citizenship", "en"),
    ("паспорт 14 лет", "ru"),
    ("очередь 30 минут", "ru"),
    ("rüsum 20 manat", "az"),
    ("rusum 20 AZN", "az"),
    ("qrupda 25 nəfər", "az"),
    ("5 illik pasport nece manatdir", "az"),
])
def test_a_year_a_quantity_a_date_or_a_stopword_names_no_numbered_name(question: str, lang: str) -> None:
    assert numbered_names(question, lang) == ()


PAD = ("The lessons cover navigation, knots, signals, weather, tides, charts, engines, radio, first aid and the "
       "long history of the port and its lighthouse, taught by captains, pilots, engineers and guests from abroad. ")
NAMED = Document(id="named", title='The opening of the "Harbour School - 6" project', url="https://example.org/6",
                 text=('"Harbour School - 6" project was launched by the port authority. ' + PAD * 3 + "\n"
                       "The harbour chief congratulated the 25 successful participants of the competition. "
                       + PAD * 3 + "\n"
                       "Harbour school people: the harbour school building near the lighthouse hosts the harbour "
                       "school and its people. "
                       + PAD * 3))
# Says the question's words more often, with a figure of its own: "6 months".
ELSEWHERE = Document(id="elsewhere", title="Harbour school results", url="https://example.org/results",
                     text=("During the 6 months 58 people were accepted to the courses of the harbour school. "
                           + PAD * 2))


def answer(question: str, docs: list[Document], lang: str = "en") -> Answer:
    index = Index.build(docs)
    hits = index.search(question, k=3, lang=lang)
    return compose(question, hits, index.term_weights(index.query_terms(question, lang)), lang,
                   plan=index.query(question, lang),
                   following=[*index.following(hits, 2), *named_passages(index, hits, question, lang)])


def test_the_release_carrying_the_numbered_name_is_quoted_first_with_its_count() -> None:
    found = answer("harbour school 6 how many people were accepted", [NAMED, ELSEWHERE, *FILLER])
    assert found.answered and found.citations[0].doc_id == "named"
    assert any("25 successful participants" in q.text for q in found.quotes if q.n == 1)


def test_the_passages_of_the_named_release_not_found_are_read() -> None:
    index = Index.build([NAMED, ELSEWHERE, *FILLER])
    question = "harbour school 6 how many people were accepted"
    hits = index.search(question, k=3, lang="en")
    read = named_passages(index, hits, question, "en")
    assert read and {h.doc_id for h in read} == {"named"}
    assert not {(h.doc_id, h.position) for h in read} & {(h.doc_id, h.position) for h in hits}


def test_without_a_numbered_name_no_release_is_read_whole() -> None:
    index = Index.build([NAMED, ELSEWHERE, *FILLER])
    question = "harbour school how many people were accepted"
    assert named_passages(index, index.search(question, k=10, lang="en"), question, "en") == []


@pytest.mark.parametrize(("question", "lang", "title"), [
    ("harbour school 6 how many ppl were accepted", "en", 'The "Harbour School - 4" project launched'),
    ("liman mektebi 6 nece nefer qebul olunub", "az", "«Liman Məktəbi-4» layihəsinə start verilib"),
    ("портовая школа 6 сколько приняли", "ru", "Стартовал проект «Портовая школа - 4»"),
])
def test_a_title_with_another_number_of_the_series_names_another_release(question: str, lang: str,
                                                                          title: str) -> None:
    assert numbers_other(numbered_names(question, lang), title, lang)


@pytest.mark.parametrize(("question", "lang", "title"), [
    ("which ships came to the 12th harbour session", "en", "11th Session of the Harbour Council is held"),
    ("12-ci liman sessiyasına kim gəlib", "az", "11-ci liman sessiyası keçirilib"),
    ("17-е заседание портового совета где проходило", "ru", "Состоялось 8-ое заседание портового совета"),
])
def test_a_title_with_another_ordinal_of_the_series_names_another_release(question: str, lang: str,
                                                                           title: str) -> None:
    assert numbers_other(numbered_names(question, lang), title, lang)


def test_a_year_beside_the_word_of_a_numbered_name_names_no_other_release() -> None:
    names = numbered_names("harbour service 919 how many calls in april", "en")
    assert not numbers_other(names, "Calls to the harbour service, 2019", "en")


def test_a_title_naming_the_series_without_a_number_names_no_other_release() -> None:
    names = numbered_names("harbour school 6 how many ppl were accepted", "en")
    assert not numbers_other(names, "The port authority launched a new project on the Harbour School", "en")


FOURTH = Document(id="fourth", title='The "Harbour School - 4" project launched', url="https://example.org/4",
                  text=('"Harbour School - 4" project was launched. The harbour chief congratulated the 20 people '
                        "accepted to the harbour school."))


def test_another_release_of_the_series_is_not_quoted_beside_the_named_one() -> None:
    found = answer("harbour school 6 how many people were accepted", [NAMED, FOURTH, ELSEWHERE, *FILLER])
    assert found.answered and found.citations[0].doc_id == "named"
    assert "fourth" not in {c.doc_id for c in found.citations}


def test_without_the_named_release_another_release_of_the_series_is_not_quoted() -> None:
    found = answer("harbour school 6 how many people were accepted", [FOURTH, *FILLER])
    assert not found.answered


@pytest.mark.parametrize(("question", "lang", "named", "elsewhere"), [
    ("liman mektebi 6 nece nefer qebul olunub", "az",
     Document(id="named", lang="az", title="«Liman Məktəbi-6» layihəsinin açılışı olub",
              text="«Liman Məktəbi-6» layihəsi başlayıb. Liman rəisi müsabiqənin 25 qalibini təbrik edib."),
     Document(id="elsewhere", lang="az", title="Liman məktəbinin nəticələri",
              text="6 ay ərzində liman məktəbinə 58 nəfər qəbul olunub.")),
    ("портовая школа 6 сколько человек приняли", "ru",
     Document(id="named", lang="ru", title="Открытие проекта «Портовая школа - 6»",
              text="Стартовал проект «Портовая школа - 6». Начальник порта поздравил 25 победителей конкурса."),
     Document(id="elsewhere", lang="ru", title="Итоги портовой школы",
              text="За 6 месяцев в портовую школу приняли 58 человек.")),
])
def test_the_release_carrying_the_numbered_name_is_quoted_first_in_azerbaijani_and_russian(
        question: str, lang: str, named: Document, elsewhere: Document) -> None:
    topics = {"az": ["muzeylər", "arxivlər", "kitabxanalar", "teatrlar", "bağlar", "orkestrlər"],
              "ru": ["музеях", "архивах", "библиотеках", "театрах", "садах", "оркестрах"]}[lang]
    filler = [Document(id=f"f{i}", lang=lang, title=f"Seminar {i}", text=f"Seminar: {topic}.")
              for i, topic in enumerate(topics)]
    found = answer(question, [named, elsewhere, *filler], lang)
    assert found.answered and found.citations[0].doc_id == "named"
    assert any("25" in q.text for q in found.quotes if q.n == 1)


# A series written in English only, asked about in Azerbaijani and Russian: the name is carried across through the
# vocabulary (the word by its English names, the figure kept), as the cross-language search carries the question.
HARBOUR_GLOSSARY = Glossary.parse("""
- {en: [harbour], az: [liman], ru: [порт, портовая]}
- {en: [school], az: [məktəb], ru: [школа]}
- {en: [people, participants], az: [nəfər, iştirakçı], ru: [человек, участников]}
- {en: [accepted], az: [qəbul olunub], ru: [приняли]}
""")
OTHER_LANGUAGES = [Document(id=f"{lang}{i}", lang=lang, title=f"Seminar {i}", text=text)
                   for lang, texts in [("az", ["Paytaxtda muzeylər haqqında seminar keçirilib."]),
                                       ("ru", ["В столице прошёл семинар о музеях."])]
                   for i, text in enumerate(texts)]


@pytest.mark.parametrize(("question", "lang"), [
    ("liman mektebi 6 nece nefer qebul olunub", "az"),
    ("портовая школа 6 сколько человек приняли", "ru"),
])
def test_a_numbered_name_asked_in_another_language_than_the_series_is_quoted_without_other_releases(
        question: str, lang: str) -> None:
    index = Index.build([NAMED, FOURTH, ELSEWHERE, *FILLER, *OTHER_LANGUAGES], glossary=HARBOUR_GLOSSARY)
    found = across_languages(index, question, lang, ComposerSettings(), any_size=True)
    assert found is not None and found.answered and found.citations[0].doc_id == "named"
    assert "fourth" not in {c.doc_id for c in found.citations}
    assert any("25 successful participants" in q.text for q in found.quotes if q.n == 1)


def test_a_numbered_name_is_carried_by_the_names_of_its_word_in_the_other_language() -> None:
    names = carried(numbered_names("liman mektebi 6 nece nefer qebul olunub", "az"),
                    lambda word: [("school",)] if word.startswith("mekteb") else [])
    assert carries(names, 'The opening of the "Harbour School - 6" project', "en")
    assert numbers_other(names, 'The "Harbour School - 4" project launched', "en")


def test_a_numbered_name_whose_head_comes_first_is_carried_by_the_name_its_two_words_make() -> None:
    names = carried(numbered_names("школа порта 6 сколько приняли", "ru"),
                    lambda words: [("harbour", "school")] if words == "школа порта" else [])
    assert carries(names, 'The opening of the "Harbour School - 6" project', "en")


def test_a_message_of_one_long_word_is_read_in_linear_time() -> None:
    # Read from inside the word, the 19,850 letters were tried again at every letter: 6.6 s, and the e2e test
    # logging a 20,000-character question timed out under load.
    assert numbered_names("AA1234567 " + "a" * 150 + "Z" * 19_850, "en") == ()
    assert grows_linearly(lambda n: numbered_names("AA1234567 " + "a" * 150 + "Z" * n, "en"), 1_000)


def test_a_roman_numeral_after_a_whole_word_is_still_read() -> None:
    assert carries(numbered_names("harbour talks Round VIII who came", "en"), "The VIII Round of harbour talks", "en")


# Titled with no number: its first passage writes the session it was at, a later one what was decided there.
AT_TWELFTH = Document(id="twelfth", title="The harbour chief met the council's secretary in Geneva",
                      url="https://example.org/12",
                      text=("Participating in the 12th session of the Harbour Council, the harbour chief met the "
                            "council's secretary; any country may join the council. " + PAD * 3 + "\n"
                            + "".join(f"The chief toured the port's dock number {i}. " + PAD * 3 + "\n"
                                      for i in range(1, 5))
                            + "On the first day of the session the council elected the Republic of Ruritania and "
                            "Freedonia as members. " + PAD * 3 + "\n"
                            "The chief thanked the secretary for the invitation. " + PAD * 3))
ELEVENTH = Document(id="eleventh", title="11th Session of the Harbour Council is held", url="https://example.org/11",
                    text=("The 11th session of the Harbour Council was opened in Geneva. The council elected the "
                          "Republic of Sylvania and Grand Fenwick as members. " + PAD))


# Harbour Council sessions with no number: they rank above the passage of AT_TWELFTH that holds the answer.
SESSIONS = [Document(id=f"session{i}", title=f"Harbour Council session on {topic}", url=f"https://example.org/s{i}",
                     text=f"The session of the Harbour Council discussed {topic}. The council session ended. " + PAD)
            for i, topic in enumerate(["tides", "lighthouses"])]


def test_without_a_release_titled_with_the_name_the_one_whose_passage_writes_it_is_read_whole() -> None:
    found = answer("which country joined at the 12th session of the harbour council",
                   [AT_TWELFTH, ELEVENTH, *SESSIONS, *FILLER])
    assert found.answered and found.citations[0].doc_id == "twelfth"
    assert any("Ruritania" in q.text for q in found.quotes)
    assert not any("Sylvania" in q.text for q in found.quotes)
    assert "eleventh" not in {c.doc_id for c in found.citations}


# --- an answer about the release the numbered name names ----------------------------------------------------------

@pytest.mark.parametrize(("question", "lang", "other", "named"), [
    ("harbour 100th anniversary, when was it celebrated", "en", "The harbour celebrated New Year on 31 December.",
     "The 100th anniversary of the harbour was celebrated on 10 May."),
    ("limanin 100 illiyi ne vaxt qeyd olunub", "az", "Limanda 31 dekabrda Yeni il qeyd olunub.",
     "Limanın 100 illiyi 10 mayda qeyd olunub."),
    ("когда в порту отметили 100-летие", "ru", "В порту 31 декабря отметили Новый год.",
     "100-летие порта отметили 10 мая."),
])
def test_an_answer_names_the_series_release_asked_only_when_a_quote_or_title_carries_the_numbered_name(
        question: str, lang: str, other: str, named: str) -> None:
    index = Index.build(FILLER)
    assert not names_series(index, quoting(question, lang, other), question, lang)
    assert names_series(index, quoting(question, lang, named), question, lang)


def test_a_question_naming_no_numbered_name_is_answered_by_any_release() -> None:
    question = "when did the harbour celebrate new year"
    assert names_series(Index.build(FILLER), quoting(question, "en", "The harbour celebrated on 31 December."),
                        question, "en")
