"""Reading on: when no retrieved passage of a source states the kind of fact asked for, the composer may quote it
from the passages that follow the retrieved ones in the same release (Index.following), and only a unit there
that states the kind about what the question asks."""

from __future__ import annotations

from pressbot.responses.composer import Answer, compose
from pressbot.retrieval import Document, Hit, Index
from pressbot.retrieval.index import passage_terms
from pressbot.retrieval.passages import split_document
from pressbot.retrieval.scoring import Postings

# ~90 words of prose naming nothing of the questions below: each paragraph of a release becomes its own passage.
PADDING = " ".join(["Officials from several regions took part in the discussion and shared their experience."] * 8)
LEAD = "The lighthouse academy opened a new course for young keepers in the harbour town. " + PADDING
DURATION_ABOUT_IT = "The lighthouse academy course lasts four months for every group of young keepers. " + PADDING
# Naming the academy, but about a bridge: a third of the question, not what it asks about.
DURATION_ABOUT_ELSE = "The harbour bridge beside the academy was repaired over four months in spring. " + PADDING
ACADEMY = Document(id="academy", title="Lighthouse academy opens its season", url="https://example.org/academy",
                   text=f"{LEAD}\n\n{DURATION_ABOUT_IT}")
BRIDGE = Document(id="bridge", title="Lighthouse academy opens its season", url="https://example.org/bridge",
                  text=f"{LEAD}\n\n{DURATION_ABOUT_ELSE}")
FILLER = [Document(id=f"filler{i}", title=f"Seminar {i}", text=f"A seminar on {topic} was held in the capital.")
          for i, topic in enumerate(["museums", "archives", "libraries", "orchestras", "theatres", "gardens"])]
QUESTION = "how long is the lighthouse academy course"


def lead_only(doc: Document, question: str = QUESTION, n: int = 2) -> tuple[Index, list[Hit], Answer]:
    """The answer when retrieval returned only the release's first passage, the passages after it passed in."""
    index = Index.build([doc, *FILLER])
    hits = [h for h in index.search(question, k=10, lang="en") if h.position == 1]
    weights = index.term_weights(index.query_terms(question, "en"))
    return index, hits, compose(question, hits, weights, "en", plan=index.query(question, "en"),
                                following=index.following(hits, n))


def test_following_gives_the_passages_after_a_hit_in_its_release_scoring_zero() -> None:
    index = Index.build([ACADEMY, *FILLER])
    first = next(h for h in index.search(QUESTION, k=10, lang="en") if h.doc_id == "academy" and h.position == 1)
    after = index.following([first], 2)
    assert [(h.doc_id, h.position, h.score) for h in after] == [("academy", 2, 0.0)]
    assert after[0].text.startswith("The lighthouse academy course lasts four months")


def test_following_finds_a_release_s_passages_whatever_the_order_of_the_index() -> None:
    docs = [ACADEMY, *FILLER]
    passages = [p for doc in reversed(docs) for p in reversed(split_document(doc))]  # not in document order
    index = Index(docs, passages, Postings.build(passage_terms(p) for p in passages))
    first = next(h for h in index.search(QUESTION, k=10, lang="en") if h.doc_id == "academy" and h.position == 1)
    assert [(h.doc_id, h.position) for h in index.following([first], 2)] == [("academy", 2)]


def test_following_leaves_out_the_passages_already_retrieved() -> None:
    index = Index.build([ACADEMY, *FILLER])
    both = [h for h in index.search(QUESTION, k=10, lang="en") if h.doc_id == "academy"]
    assert len(both) == 2 and index.following(both, 2) == []


def test_a_duration_stated_only_in_the_passage_after_the_retrieved_one_is_quoted() -> None:
    _, hits, answer = lead_only(ACADEMY)
    assert [h.position for h in hits] == [1]
    assert answer.answered
    assert any("course lasts four months" in q.text for q in answer.quotes)
    assert all(q.text in answer.citations[0].passage for q in answer.quotes)


def test_without_the_following_passages_the_same_question_is_not_stated() -> None:
    _, _, answer = lead_only(ACADEMY, n=0)
    assert not answer.answered and answer.missing == "duration"


def test_a_duration_about_something_else_in_the_following_passage_is_not_quoted() -> None:
    _, _, answer = lead_only(BRIDGE)
    assert not answer.answered and answer.missing == "duration"
    assert not any("four months" in q.text for q in answer.quotes)


def test_the_following_passages_are_not_read_when_a_retrieved_passage_states_the_kind() -> None:
    later = "The lighthouse academy course for senior keepers lasts six weeks in winter. " + PADDING
    doc = Document(id="academy", title=ACADEMY.title, text=f"{LEAD}\n\n{DURATION_ABOUT_IT}\n\n{later}")
    index = Index.build([doc, *FILLER])
    hits = [h for h in index.search(QUESTION, k=10, lang="en") if h.position in (1, 2)]
    weights = index.term_weights(index.query_terms(QUESTION, "en"))
    answer = compose(QUESTION, hits, weights, "en", plan=index.query(QUESTION, "en"),
                     following=index.following(hits, 2))
    assert [h.position for h in index.following(hits, 2)] == [3]
    assert any("four months" in q.text for q in answer.quotes)
    assert not any("six weeks" in q.text for q in answer.quotes)
