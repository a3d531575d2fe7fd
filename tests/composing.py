"""Small in-test corpora and one way to compose an answer over them, shared by the composer's specification tests
(test_composer_focus, test_composer_speakers, test_composer_leading): unrelated seminar releases in three
languages, so that BM25's idf behaves as in a corpus of many releases, and `answer` composing as the bot does
(search, the question's weights and plan, the two passages after each hit); `quoting` an answer as composed from
given quotes, for the decision's checks (test_decision_rule_stated, test_decision_speaker).

Usage::

    from tests.composing import FILLER, answer, quoting
    found = answer("how many foreigners were detained", [*FILLER, release])
    composed = quoting("who spoke", "en", "Deputy chief Elman Aliyev spoke.")
"""

from __future__ import annotations

from pressbot.responses.composer import Answer, Citation, Quote, compose
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


def quoting(question: str, lang: str, *quotes: str) -> Answer:
    """An answer to `question` quoting `quotes` from one press release, as the composer gives it."""
    citation = Citation(n=1, doc_id="d1", passage_id="d1#0", title="Press release", url="https://example.org/1",
                        date=None, source=None, score=10.0, passage="\n".join(quotes))
    return Answer(query=question, lang=lang, answered=True, quotes=tuple(Quote(text=q, n=1) for q in quotes),
                  citations=(citation,), evidence=0.8)
