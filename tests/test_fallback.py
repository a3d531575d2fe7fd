"""The cross-language fallback searches the corpus's main language, and another language only when it holds many
more passages than the question's: a collection as small as the question's own is no likelier to hold what it
lacks, and its near misses are answers to other questions."""

from __future__ import annotations

from pressbot.responses.answering import LARGER, answer_question
from pressbot.responses.render import Renderer
from pressbot.retrieval import Document, Index
from pressbot.retrieval.glossary import Glossary

VOCABULARY = """
- topic: permanent residence permit
  en: [permanent residence permit]
  ru: [вид на жительство]
  az: [daimi yaşama icazəsi]
- topic: fees
  en: [fee, state duty]
  ru: [пошлина]
  az: [rüsum]
"""
ENGLISH = [Document(id=f"en-{i}", title=f"Ferry {i}", lang="en", text=f"Ferry {i} leaves the harbour at nine.")
           for i in range(6)]
AZERBAIJANI = Document(id="az-prp", title="Daimi yaşama icazəsi", lang="az",
                       text="Daimi yaşama icazəsi beş il müddətinə verilir. Rüsum 40 manatdır.")
RUSSIAN = Document(id="ru-x", title="Паром", lang="ru", text="Паром отходит в девять.")
QUESTION = "какая пошлина за вид на жительство"


def az_news(n: int) -> list[Document]:
    return [Document(id=f"az-{i}", title=f"Xəbər {i}", lang="az", text=f"Bərə {i} saat doqquzda yola düşür.")
            for i in range(n)]


def test_a_language_no_larger_than_the_questions_is_not_searched_for_its_answer() -> None:
    index = Index.build([*ENGLISH, AZERBAIJANI, RUSSIAN], glossary=Glossary.parse(VOCABULARY))
    reply = answer_question(index, QUESTION, Renderer())
    assert not reply.answer.answered and reply.found_in is None


def test_a_language_with_many_more_passages_than_the_questions_is_searched() -> None:
    extra = az_news(int(LARGER))  # the Azerbaijani releases: 1 + LARGER passages against the Russian one
    index = Index.build([*ENGLISH, AZERBAIJANI, *extra, RUSSIAN], glossary=Glossary.parse(VOCABULARY))
    reply = answer_question(index, QUESTION, Renderer())
    assert reply.answer.answered and reply.found_in == "az"
    assert "Rüsum 40 manatdır." in reply.text
