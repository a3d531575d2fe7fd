"""The retriever's Python API (INTERFACE.md): Index.build, Index.search, Hit, and BM25 as rank-bm25 defines it."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from pressbot.retrieval import Document, Hit, Index
from pressbot.retrieval.glossary import Glossary
from pressbot.retrieval.index import written_whole

# Words the English analyzer keeps exactly as written: lower case, no stopwords, and each one its own
# Snowball stem ("geneva" → "geneva"; unlike "delegation" → "deleg"). With an empty title and a text of one
# short paragraph, a document is one passage whose terms are exactly these words, so the index's scores
# must be rank-bm25's for the same token lists.
PLAIN_TEXTS = ("geneva council session geneva", "visa baku mexico", "passport consul visa visa",
               "ambassador geneva", "border quota tourism session visa")


def plain_index(texts: tuple[str, ...] = PLAIN_TEXTS, **params: Any) -> Index:
    return Index.build([Document(id=f"d{i}", title="", text=text) for i, text in enumerate(texts)], **params)


def scores_by_doc(index: Index, query: str) -> dict[str, float]:
    return {hit.doc_id: hit.score for hit in index.search(query, k=len(index))}


def test_hits_carry_what_the_responder_needs_to_quote_and_cite() -> None:
    doc = Document(id="migration-en-13016", title="Meeting in Geneva", text="The chief met Antonio Vitorino.",
                   lang="en", url="https://migration.gov.az/en/news_detail/13016", date="2018-11-27",
                   source="State Migration Service")
    [hit] = Index.build([doc]).search("Vitorino", k=10)
    assert isinstance(hit, Hit)
    assert (hit.doc_id, hit.passage_id, hit.title, hit.text) == (
        "migration-en-13016", "migration-en-13016#1", "Meeting in Geneva", "The chief met Antonio Vitorino.")
    assert (hit.url, hit.date, hit.source, hit.lang, hit.position) == (
        "https://migration.gov.az/en/news_detail/13016", "2018-11-27", "State Migration Service", "en", 1)
    assert isinstance(hit.score, float)


def test_bm25_parameters_are_exposed_as_given() -> None:
    index = plain_index(k1=1.2, b=0.6, epsilon=0.1)
    assert (index.k1, index.b, index.epsilon) == (1.2, 0.6, 0.1)


def test_default_bm25_parameters_are_rank_bm25s() -> None:
    index = plain_index()
    model = BM25Okapi([["x"]])
    assert (index.k1, index.b, index.epsilon) == (model.k1, model.b, model.epsilon)


@pytest.mark.parametrize(("k1", "b", "epsilon"), [(1.5, 0.75, 0.25), (1.2, 0.6, 0.1), (2.0, 1.0, 0.5)])
@pytest.mark.parametrize("query", ["geneva", "visa", "geneva session", "visa passport geneva", "mexico mexico"])
def test_scores_of_plain_single_passage_documents_equal_rank_bm25s(k1: float, b: float, epsilon: float,
                                                                   query: str) -> None:
    index = plain_index(k1=k1, b=b, epsilon=epsilon)
    model = BM25Okapi([text.split() for text in PLAIN_TEXTS], k1=index.k1, b=index.b, epsilon=index.epsilon)
    expected = model.get_scores(query.split())
    found = scores_by_doc(index, query)
    for i, score in enumerate(expected):
        assert found.get(f"d{i}", 0.0) == pytest.approx(score, rel=1e-12, abs=1e-12)


def test_hits_are_best_first_and_at_most_k() -> None:
    index = plain_index()
    hits = index.search("visa passport geneva", k=2)
    assert len(hits) == 2
    all_hits = index.search("visa passport geneva", k=10)
    assert [h.score for h in all_hits] == sorted((h.score for h in all_hits), reverse=True)
    assert hits == all_hits[:2]


def test_passages_sharing_no_term_with_the_question_are_left_out() -> None:
    assert {h.doc_id for h in plain_index().search("mexico", k=10)} == {"d1"}
    assert plain_index().search("zanzibar", k=10) == []


def test_a_question_of_stopwords_only_finds_nothing() -> None:
    assert plain_index().search("what is it and who are they", k=10) == []


def test_the_question_is_analyzed_like_the_documents() -> None:
    doc = Document(id="d", title="", text="Mobile consular services were provided to compatriots.")
    assert [h.doc_id for h in Index.build([doc]).search("Which CONSULAR service was provided?")] == ["d"]


def test_the_title_is_searchable_with_every_passage() -> None:
    doc = Document(id="d", title="Meeting in Geneva", text="The chief met the Director General.")
    assert [h.passage_id for h in Index.build([doc]).search("Geneva")] == ["d#1"]


def test_coverage_is_the_share_of_the_question_found_in_the_passage() -> None:
    index = plain_index()
    by_doc = {h.doc_id: h.coverage for h in index.search("mexico ambassador", k=10)}
    assert by_doc["d1"] == pytest.approx(0.5)  # mexico and ambassador each occur in one document: same idf
    assert by_doc["d3"] == pytest.approx(0.5)
    assert index.search("baku mexico", k=1)[0].coverage == pytest.approx(1.0)


def test_a_repeated_document_id_is_refused_naming_it() -> None:
    with pytest.raises(ValueError, match="d1"):
        Index.build([Document(id="d1", title="A", text="a"), Document(id="d1", title="B", text="b")])


def test_an_empty_index_finds_nothing() -> None:
    index = Index.build([])
    assert len(index) == 0
    assert index.search("geneva") == []


# --- rank-bm25's epsilon floor in a five-document corpus --------------------------------------------------
# Raw idf is log((N - n + 0.5) / (n + 0.5)): for a term in 3 of 5 documents log(2.5 / 3.5) < 0, and
# BM25Okapi replaces it with epsilon * (average idf). That weight is small when the average is positive,
# and negative when most terms are frequent, which makes documents *without* the term outrank those with it.

def test_the_document_with_the_rarer_query_term_ranks_first_despite_the_floor() -> None:
    index = plain_index()  # "visa" is in 3 of 5 documents, "mexico" in 1
    hits = index.search("visa mexico", k=5)
    assert hits[0].doc_id == "d1"  # the only document with both, and with the rare one
    assert {h.doc_id for h in hits} == {"d1", "d2", "d4"}  # every document with a query term, no other


def test_matching_documents_outrank_non_matching_ones_when_the_floor_is_negative() -> None:
    # Every document shares three words, so the average idf, and with it the floored weight of "visa"
    # (in 3 of 5 documents), is negative: rank-bm25 scores documents with "visa" below those without.
    texts = ("state service border geneva", "state service border visa baku", "state service border visa passport",
             "state service border ambassador", "state service border visa tourism")
    index = plain_index(texts)
    assert BM25Okapi([t.split() for t in texts]).idf["visa"] < 0  # the premise of this test
    hits = index.search("visa passport", k=5)
    assert hits[0].doc_id == "d2"  # the document with the rare term
    assert {h.doc_id for h in hits} == {"d1", "d2", "d4"}  # documents without either term are left out
    assert {h.doc_id for h in index.search("visa", k=5)} == {"d1", "d2", "d4"}


def test_scores_equal_rank_bm25s_even_when_the_floor_is_negative() -> None:
    texts = ("state service border geneva", "state service border visa baku", "state service border visa passport",
             "state service border ambassador", "state service border visa tourism")
    expected = BM25Okapi([t.split() for t in texts]).get_scores(["visa", "passport"])
    found = scores_by_doc(plain_index(texts), "visa passport")
    assert set(found) == {"d1", "d2", "d4"}  # the documents holding a query term, none left out
    for i, score in enumerate(expected):
        assert found.get(f"d{i}", 0.0) == pytest.approx(score, rel=1e-12, abs=1e-12)


def test_a_question_with_vocabulary_names_ranks_as_its_best_name_per_concept() -> None:
    """The top-k path for expanded questions returns each passage's exact score (the best-scoring name of each
    concept, scaled to the name the question used) and the same top passages as scoring every passage."""
    rng = np.random.default_rng(5)
    words = [f"w{i}" for i in range(400)]
    p = 1 / np.arange(1, len(words) + 1)
    docs = [Document(id=f"d{i}", title="", text=" ".join(rng.choice(words, size=20, p=p / p.sum()).tolist()))
            for i in range(1500)]
    glossary = Glossary.parse("- en: [w30, w31, w32]\n- en: [w120, w121 w122]\n")
    index = Index.build(docs, glossary=glossary)
    plan = index.query("w5 w30 w120 w200", "en")
    postings = index.postings

    def scale(alt: tuple[str, ...], said: float, doc: Document) -> float:  # "w121 w122" in a row, or at most 1
        full = said / sum(postings.term_idf(t) for t in alt)
        return full if len(alt) == 1 or " ".join(alt) in doc.text else min(full, 1.0)

    scores = postings.scores([t for c in plan.concepts if len(c.alternatives) == 1 for t in c.said])
    for concept in plan.concepts:
        if len(concept.alternatives) > 1:
            said = sum(postings.term_idf(t) for t in concept.said)
            scores += np.max([postings.scores(alt) * np.array([scale(alt, said, doc) for doc in docs])
                              for alt in concept.alternatives], axis=0)
    hits = index.search("w5 w30 w120 w200", k=10, lang="en")
    ids = [int(h.passage_id.split("#")[0][1:]) for h in hits]  # one passage per document here
    np.testing.assert_allclose([h.score for h in hits], scores[ids], rtol=1e-9)
    np.testing.assert_allclose([h.score for h in hits], np.sort(scores)[::-1][:10], rtol=1e-9)


# --- a vocabulary name of several words is a phrase ------------------------------------------------------------
FILLER = tuple(f"filler{i} report" for i in range(8))  # keeps every idf positive


def test_a_name_the_question_did_not_say_weighs_as_said_only_where_written_whole() -> None:
    """ "usa" is searched as "United States" too, scaled to the weight of the rare acronym; the passage holding
    "United" and "States" apart (the United Mexican States) gets their plain weight, not that scale."""
    texts = ("ambassador of the united states spoke", "ambassador of the united mexican states spoke", *FILLER)
    index = Index.build([Document(id=f"d{i}", title="", text=t) for i, t in enumerate(texts)],
                        glossary=Glossary.parse("- en: [usa, united states]\n"))
    scores = scores_by_doc(index, "usa ambassador")
    plain = scores_by_doc(index, "united states ambassador")  # the words as a question's own: no scale
    assert scores["d0"] > plain["d0"]  # written whole: scaled up to the acronym's weight
    assert scores["d1"] == pytest.approx(plain["d1"], rel=1e-12)  # apart: the words' own weight, no more
    assert [h.doc_id for h in index.search("usa ambassador", k=2)] == ["d0", "d1"]


def test_the_name_the_question_said_counts_wherever_its_words_are() -> None:
    """The question's own words are scored as BM25 scores any question's words, together or apart."""
    texts = ("ambassador of the united states spoke", "ambassador of the united mexican states spoke", *FILLER)
    docs = [Document(id=f"d{i}", title="", text=t) for i, t in enumerate(texts)]
    named = Index.build(docs, glossary=Glossary.parse("- en: [usa, united states]\n"))
    bare = Index.build(docs)
    assert scores_by_doc(named, "united states ambassador") == pytest.approx(
        scores_by_doc(bare, "united states ambassador"), rel=1e-12)


def test_a_name_written_whole_in_the_title_counts_as_written() -> None:
    docs = [Document(id="d0", title="The United States", text="the ambassador spoke of the embassy"),
            Document(id="d1", title="Mexico", text="the united mexican states ambassador spoke"),
            *(Document(id=f"f{i}", title="", text=t) for i, t in enumerate(FILLER))]
    index = Index.build(docs, glossary=Glossary.parse("- en: [usa, united states]\n"))
    scores, plain = scores_by_doc(index, "usa ambassador"), scores_by_doc(index, "united states ambassador")
    assert scores["d0"] > plain["d0"]  # written whole in its title
    assert scores["d1"] == pytest.approx(plain["d1"], rel=1e-12)


def test_a_name_is_written_whole_only_with_its_terms_in_a_row() -> None:
    assert written_whole(("unit", "state"), ["the", "unit", "state"])
    assert not written_whole(("unit", "state"), ["unit", "mexican", "state"])
    assert not written_whole(("unit", "state"), ["state", "unit"])
    assert written_whole(("mobil", "applic"), ["launch", "mobil", "applic", "migaz"])


def test_a_name_whose_terms_weigh_negatively_is_still_written_whole() -> None:
    """In a tiny corpus whose average idf is negative, rank-bm25's floor makes the impact of a term in every
    passage negative: whether a passage writes a name whole is read from which passages hold its terms."""
    texts = ("the united states embassy", "united states consul", "united states visa")
    index = Index.build([Document(id=f"d{i}", title="", text=t) for i, t in enumerate(texts)])
    assert index.postings.term_idf("unit") < 0  # the premise of this test
    written = index._written([("unit", "state")], np.arange(len(texts), dtype=np.int64))
    assert written[("unit", "state")].tolist() == [True, True, True]


def test_a_name_written_whole_in_a_section_heading_counts_as_written() -> None:
    """A heading counts towards the terms of the passages under it as the title does, so a name written whole
    there is written in them."""
    talks = " ".join(["Officials discussed consular cooperation and trade."] * 12)  # a passage of its own
    docs = [Document(id="d0", title="Visits", text=f"The United States\n\n{talks}\n\n{talks} The ambassador spoke."),
            *(Document(id=f"f{i}", title="", text=t) for i, t in enumerate(FILLER))]
    index = Index.build(docs, glossary=Glossary.parse("- en: [usa, united states]\n"))
    under = index.passages[1]
    assert (under.id, under.title, "United" in under.text) == ("d0#2", "Visits\nThe United States", False)

    def score(query: str) -> float:
        return next(h.score for h in index.search(query, k=len(index)) if h.passage_id == under.id)

    assert score("usa ambassador") > score("united states ambassador")  # scaled up: written whole in its heading


def test_a_name_scaled_to_at_most_1_is_not_read_for_being_written_whole_in_a_tiny_corpus(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the idf floor is negative, as where it is not, only the names scaled above 1 are read in the passages:
    scaled to at most 1, a name weighs the same written whole or apart."""
    texts = ("usa embassy service border", "usa visa service border", "usa passport service border",
             "united states ambassador service border")
    index = Index.build([Document(id=f"d{i}", title="", text=t) for i, t in enumerate(texts)],
                        glossary=Glossary.parse("- en: [usa, united states]\n"))
    assert index.postings.idf.min() < 0 and index.postings.term_idf("usa") < 0  # the premise: a scale below 1
    read: list[tuple[str, ...]] = []
    written = Index._written

    def reading(self: Index, names: list[tuple[str, ...]], rows: Any) -> Any:
        read.extend(names)
        return written(self, names, rows)

    monkeypatch.setattr(Index, "_written", reading)
    assert {h.doc_id for h in index.search("usa", k=4)} == {"d0", "d1", "d2", "d3"}
    assert read == []
