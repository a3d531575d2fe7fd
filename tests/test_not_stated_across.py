"""A "not stated" reply in the question's language (a release found is about the topic but states no figure, date or
duration) keeps its place against another language's answer whose line stating the kind names little of the topic,
unless that "not stated" release was only the closest one: the other language's release names more of the question's
topic than it does (answering.about_more). Each language asking, English the other's when it is not the asker's."""

from __future__ import annotations

import pytest

from pressbot.responses.answering import analyze, prefers_other
from pressbot.responses.composer import Answer, Citation, Quote
from pressbot.responses.decision import Asked, own_cue
from pressbot.retrieval import Document, Hit, Index
from pressbot.retrieval.glossary import Glossary

VOCABULARY = """
- topic: Nakhchivan
  en: [Nakhchivan]
  az: [Naxçıvan]
  ru: [Нахчыван]
- topic: registration
  en: [registration]
  az: [qeydiyyat]
  ru: [регистрация]
- topic: carried out
  en: [carried out]
  az: [aparılır]
  ru: [проводится]
- topic: Nakhchivan's
  en: [Nakhchivan]
  az: [Naxçıvanda]
  ru: [Нахчыване]
"""
# Per language: the question (asking for a duration), the closest release naming only registration, a release naming
# registration in Nakhchivan (neither states a duration), the other language's title and line stating the duration.
TEXTS = {
    "en": ("how many days is registration in nakhchivan carried out",
           "Registration documents are sent by post.",
           "Registration in Nakhchivan is carried out at the embassy. Documents are sent by post.",
           "Registration in Nakhchivan", "It takes 15 days."),
    "az": ("naxçıvanda qeydiyyat neçə gün ərzində aparılır",
           "Qeydiyyat sənədləri poçtla göndərilir.",
           "Naxçıvanda qeydiyyat səfirlikdə aparılır. Sənədlər poçtla göndərilir.",
           "Naxçıvanda qeydiyyat", "Bu 15 gün çəkir."),
    "ru": ("за сколько дней проводится регистрация в нахчыване",
           "Документы на регистрацию отправляются по почте.",
           "Регистрация в Нахчыване проводится в посольстве. Документы отправляются по почте.",
           "Регистрация в Нахчыване", "Это занимает 15 дней."),
}
PAIRS = [("az", "en"), ("ru", "en"), ("en", "ru")]


def cited(doc_id: str, title: str, text: str) -> Citation:
    return Citation(n=1, doc_id=doc_id, passage_id=f"{doc_id}#1", title=title, url=None, date=None, source=None,
                    score=1.0, passage=text)


def replies(asking: str, stating: str, own_text: str) -> tuple[Index, Answer, Asked, Answer]:
    """The index, the own language's "not stated" reply with `own_text` as its closest release, the question as
    asked, and the other language's answer quoting its line stating the duration; the same evidence on both sides."""
    question, title, line = TEXTS[asking][0], TEXTS[stating][3], TEXTS[stating][4]
    docs = [Document(id="own", title="Embassy", lang=asking, text=own_text),
            Document(id="other", title=title, lang=stating, text=line)]
    index = Index.build(docs, glossary=Glossary.parse(VOCABULARY))
    asked = analyze(index, question, asking)
    own = Answer(query=question, lang=asking, answered=False, evidence=0.5, missing="duration",
                 related=cited("own", "Embassy", own_text), reason="not_stated")
    hit = Hit(doc_id="other", passage_id="other#1", score=1.0, text=line, title=title, lang=stating, position=1)
    other = Answer(query=question, lang=asking, answered=True, quotes=(Quote(text=line, n=1),),
                   citations=(cited("other", title, line),), hits=(hit,), evidence=0.5)
    return index, own, Asked(asked.plan, asked.weights, own_cue(question, asking)), other


@pytest.mark.parametrize(("asking", "stating"), PAIRS)
def test_a_closest_release_naming_less_of_the_topic_gives_way_to_the_others_answer(asking: str,
                                                                                   stating: str) -> None:
    index, own, asked, other = replies(asking, stating, TEXTS[asking][1])
    assert prefers_other(index, own, asked, other)


@pytest.mark.parametrize(("asking", "stating"), PAIRS)
def test_a_release_naming_the_whole_topic_keeps_its_not_stated_reply(asking: str, stating: str) -> None:
    index, own, asked, other = replies(asking, stating, TEXTS[asking][2])
    assert not prefers_other(index, own, asked, other)
