"""A question is answered in its own language when a release in that language states what it asks; the
cross-language fallback answers only when the other language's line stating the asked kind says more of the
question than the own language's does. Evidence alone (the other language's releases holding more of the
question's words, often only its verb) is no reason to answer an Azerbaijani or Russian question from an English
release while a release in the question's language states the figure."""

from __future__ import annotations

from dataclasses import replace

from pressbot.responses.answering import CLEARER, WEAK, answer_question, prefers_other, searched_in, weak
from pressbot.responses.composer import Answer, Citation, Quote
from pressbot.responses.decision import Asked, kind_share, own_cue
from pressbot.responses.render import Renderer
from pressbot.retrieval import Document, Hit, Index
from pressbot.retrieval.analyzer import question_terms
from pressbot.retrieval.glossary import Concept, Glossary, Query

VOCABULARY = """
- topic: refugee status
  en: [refugee status]
  ru: [статус беженца]
  az: [qaçqın statusu]
- topic: application
  en: [application]
  ru: [заявление, ходатайство]
  az: [ərizə, müraciət]
- topic: consider
  en: [consider, review]
  ru: [рассматривать]
  az: [baxmaq, baxılmaq]
"""
# English is the corpus's main language: the fallback searches it for an Azerbaijani or a Russian question.
FERRIES = [Document(id=f"en-{i}", title=f"Ferry {i}", lang="en", text=f"Ferry {i} leaves the harbour at nine.")
           for i in range(8)]
ENGLISH = Document(id="en-refugees", title="Refugee status", lang="en",
                   text="An application for refugee status is considered within 3 months.")
RU_QUESTION = "сколько рассматривают заявление на статус беженца"
AZ_QUESTION = "qaçqın statusu ərizəsinə nə qədər baxılır"


def ask(question: str, own: Document) -> tuple[str, str | None]:
    index = Index.build([*FERRIES, ENGLISH, own], glossary=Glossary.parse(VOCABULARY))
    reply = answer_question(index, question, Renderer())
    assert reply.answer.answered
    return reply.text, reply.found_in


def test_a_russian_release_stating_the_duration_of_the_topic_answers_although_english_holds_the_verb() -> None:
    own = Document(id="ru-refugees", title="Беженцы", lang="ru",
                   text="Решение по ходатайству о статусе беженца принимается в течение 3 месяцев.")
    text, found_in = ask(RU_QUESTION, own)
    assert found_in is None and "в течение 3 месяцев" in text


def test_a_russian_line_stating_the_duration_of_nothing_named_gives_way_to_the_english_one() -> None:
    own = Document(id="ru-refugees", title="Беженцы", lang="ru",
                   text="Решение принимается в течение 3 месяцев. Заявление на статус беженца подаётся лично.")
    text, found_in = ask(RU_QUESTION, own)
    assert found_in == "en" and "considered within 3 months" in text


def test_an_azerbaijani_release_stating_the_duration_of_the_topic_answers_although_english_holds_the_verb() -> None:
    own = Document(id="az-refugees", title="Qaçqınlar", lang="az",
                   text="Qaçqın statusu ərizəsi üzrə qərar 3 ay ərzində qəbul edilir.")
    text, found_in = ask(AZ_QUESTION, own)
    assert found_in is None and "3 ay ərzində" in text


def test_an_azerbaijani_line_stating_the_duration_of_nothing_named_gives_way_to_the_english_one() -> None:
    own = Document(id="az-refugees", title="Qaçqınlar", lang="az",
                   text="Qərar 3 ay ərzində qəbul edilir. Qaçqın statusu ərizəsi şəxsən təqdim olunur.")
    text, found_in = ask(AZ_QUESTION, own)
    assert found_in == "en" and "considered within 3 months" in text


def asked(question: str, lang: str) -> Asked:
    """The question's own terms, one concept each, equally heavy."""
    terms = question_terms(question, lang)
    return Asked(Query(tuple(Concept(((t,),)) for t in terms)), {t: 1.0 for t in terms}, own_cue(question, lang))


def answer(question: str, lang: str, quote: str, source_lang: str | None = None,
           title: str = "Press release") -> Answer:
    hit = Hit(doc_id="d1", passage_id="d1#0", score=1.0, text=quote, title=title, lang=source_lang or lang, position=0)
    citation = Citation(n=1, doc_id="d1", passage_id="d1#0", title=title, url=None, date=None,
                        source=None, score=1.0, passage=quote)
    return Answer(query=question, lang=lang, answered=True, quotes=(Quote(text=quote, n=1),), citations=(citation,),
                  hits=(hit,), evidence=0.5)


def test_kind_share_is_the_share_of_the_topic_named_by_the_line_stating_the_kind() -> None:
    question = "сколько рассматривают заявление на статус беженца"
    whole = answer(question, "ru", "Заявление на статус беженца рассматривается 3 месяца.")
    half = answer(question, "ru", "Статус беженца дают на 3 года. Заявление подаётся лично.")
    assert kind_share(whole, asked(question, "ru")) == 1.0
    assert kind_share(half, asked(question, "ru")) == 2 / 3  # статус, беженц named where the years are stated


def test_kind_share_is_none_when_the_question_asks_for_no_kind() -> None:
    question = "заявление на статус беженца"
    assert kind_share(answer(question, "ru", "Заявление на статус беженца подаётся лично."),
                      asked(question, "ru")) is None


def english_index() -> Index:
    return Index.build([*FERRIES, ENGLISH], glossary=Glossary.parse(VOCABULARY))


def russian_asked(index: Index) -> Asked:
    plan = index.glossary.expand(question_terms(RU_QUESTION, "ru"), "ru")
    return Asked(plan, index.term_weights(plan.said), own_cue(RU_QUESTION, "ru"))


ENGLISH_ANSWER = "An application for refugee status is considered within 3 months."


def test_an_own_line_naming_as_much_of_the_topic_keeps_its_answer_against_higher_evidence() -> None:
    index = english_index()
    stated = "Решение по ходатайству о статусе беженца принимается в течение 3 месяцев."
    own = replace(answer(RU_QUESTION, "ru", stated), evidence=0.5)
    other = replace(answer(RU_QUESTION, "ru", ENGLISH_ANSWER, source_lang="en"), evidence=1.0)
    assert kind_share(other, searched_in(index, RU_QUESTION, "ru", "en"), source_lang="en") == 1.0
    assert not prefers_other(index, own, russian_asked(index), other)


def test_an_own_line_naming_less_of_the_topic_gives_way_to_clearer_evidence() -> None:
    index = english_index()
    own = replace(answer(RU_QUESTION, "ru", "Решение по ходатайству принимается в течение 3 месяцев."), evidence=0.5)
    other = replace(answer(RU_QUESTION, "ru", ENGLISH_ANSWER, source_lang="en"), evidence=1.0)
    assert prefers_other(index, own, russian_asked(index), other)
    assert not prefers_other(index, replace(own, evidence=0.9), russian_asked(index), other)


def test_an_own_line_naming_almost_nothing_of_the_topic_gives_way_whatever_the_evidence() -> None:
    index = english_index()
    own = replace(answer(RU_QUESTION, "ru", "Решение принимается в течение 3 месяцев."), evidence=1.0)
    other = replace(answer(RU_QUESTION, "ru", ENGLISH_ANSWER, source_lang="en"), evidence=1.0)
    assert prefers_other(index, own, russian_asked(index), other)


def test_no_own_answer_always_gives_way() -> None:
    index = english_index()
    own = replace(answer(RU_QUESTION, "ru", "Решение принимается в течение 3 месяцев."), answered=False, quotes=())
    assert prefers_other(index, own, russian_asked(index), answer(RU_QUESTION, "ru", ENGLISH_ANSWER, "en"))


def test_an_own_answer_with_strong_evidence_is_weak_when_its_line_stating_the_kind_names_too_little() -> None:
    question = "сколько рассматривают заявление на статус беженца"
    strong = replace(answer(question, "ru", "Заявление на статус беженца рассматривается 3 месяца."), evidence=1.0)
    vague = replace(answer(question, "ru", "Решение принимается за 3 месяца. Заявление на статус беженца подаётся."),
                    evidence=1.0)
    assert not weak(strong, asked(question, "ru"))
    assert weak(vague, asked(question, "ru"))
    assert weak(replace(strong, evidence=WEAK - 0.01), asked(question, "ru"))


def test_a_not_stated_own_reply_gives_way_only_to_a_line_naming_the_topic_itself() -> None:
    index = english_index()
    own = replace(answer(RU_QUESTION, "ru", "Заявление на статус беженца подаётся лично."), answered=False, quotes=(),
                  missing="duration", evidence=0.7)
    untold = replace(answer(RU_QUESTION, "ru", "The decision is taken within 3 months.", "en",
                                title="Applications for refugee status"), evidence=0.75)
    told = replace(answer(RU_QUESTION, "ru", ENGLISH_ANSWER, "en"), evidence=0.75)
    assert not prefers_other(index, own, russian_asked(index), untold)  # the topic only in the release's title
    assert prefers_other(index, own, russian_asked(index), told)
    assert prefers_other(index, own, russian_asked(index), replace(untold, evidence=0.7 + CLEARER))
