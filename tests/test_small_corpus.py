"""A corpus of a few releases answers its own questions and declines off-topic ones, as the bundled one does.

BM25's idf is degenerate on a handful of passages (a term in half of them weighs 0); the abstention threshold,
calibrated on the bundled corpus, must hold all the same.
"""

from __future__ import annotations

import pytest

from pressbot.responses.answering import answer_question
from pressbot.responses.render import Renderer
from pressbot.retrieval import Document, Index

BIRTH = Document(id="birth", title="Civil registry offices issue birth certificates faster",
                 text=("The civil registry offices of the city now issue birth certificates within one working day.\n"
                       "Parents apply with their identity cards and the hospital's statement of birth."))
PARKS = Document(id="parks", title="New parks open in the capital",
                 text=("The municipality opened three new parks in the capital this spring.\n"
                       "The parks have playgrounds, fountains and a cycling track."))
BUSES = Document(id="buses", title="Night buses on four routes",
                 text="From May, night buses run on four routes between midnight and five in the morning.")
LIBRARY = Document(id="library", title="The central library extends its opening hours",
                   text="The central library is now open on Saturdays from 10:00 to 18:00.")
MUSEUM = Document(id="museum", title="Museum of carpets reopens after repairs",
                  text="The carpet museum reopened after two years of repairs; entry is free of charge for pupils.")
CORPORA = {"two releases": [BIRTH, PARKS], "five releases": [BIRTH, PARKS, BUSES, LIBRARY, MUSEUM]}
OWN = [("How long does it take to get a birth certificate?", "within one working day"),
       ("What do the new parks have?", "playgrounds")]
OFF_TOPIC = ["Who won the champions league?", "How do I cook plov with saffron?"]


@pytest.mark.parametrize("name", CORPORA)
@pytest.mark.parametrize(("question", "fact"), OWN)
def test_a_small_corpus_answers_its_own_questions(name: str, question: str, fact: str) -> None:
    reply = answer_question(Index.build(CORPORA[name]), question, Renderer(), lang="en")
    assert reply.answer.answered and fact in reply.text


@pytest.mark.parametrize("name", CORPORA)
@pytest.mark.parametrize("question", OFF_TOPIC)
def test_a_small_corpus_declines_questions_it_does_not_hold(name: str, question: str) -> None:
    assert not answer_question(Index.build(CORPORA[name]), question, Renderer(), lang="en").answer.answered
