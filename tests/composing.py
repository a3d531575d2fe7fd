"""Small in-test corpora and one way to compose an answer over them, shared by the composer's specification tests
(test_composer_focus, test_composer_speakers, test_composer_leading): unrelated seminar releases in three
languages, so that BM25's idf behaves as in a corpus of many releases, and `answer` composing as the bot does
(search, the question's weights and plan, the two passages after each hit).

Usage::

    from tests.composing import FILLER, answer
    found = answer("how many foreigners were detained", [*FILLER, release])
"""

from __future__ import annotations

from pressbot.responses.composer import Answer, compose
from pressbot.retrieval import Document, Index

FILLER = [Document(id=f"filler{i}", title=f"Seminar {i}", text=f"A seminar on {topic} was held in the capital.")
          for i, topic in enumerate(["museums", "archives", "libraries", "orchestras", "theatres", "gardens"])]
AZ_FILLER = [Document(id=f"az{i}", title=f"Seminar {i}", lang="az",
                      text=f"Paytaxtda {topic} haqqında seminar keçirilib.")
             for i, topic in enumerate(["muzeylər", "arxivlər", "kitabxanalar", "teatrlar"])]
RU_FILLER = [Document(id=f"ru{i}", title=f"Семинар {i}", lang="ru", text=f"В столице прошёл семинар о {topic}.")
             for i, topic in enumerate(["музеях", "архивах", "библиотеках", "театрах"])]


def answer(question: str, docs: list[Document], lang: str = "en") -> Answer:
    """The answer the composer gives over `docs` alone, searched in `lang`."""
    index = Index.build(docs)
    hits = index.search(question, k=10, lang=lang)
    return compose(question, hits, index.term_weights(index.query_terms(question, lang)), lang,
                   plan=index.query(question, lang), following=index.following(hits, 2))
