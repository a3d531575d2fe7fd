"""The one question → reply path: quotes only from the corpus, numbered sources, abstention with the official
contact, and the JSON object of INTERFACE.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rank_bm25 import BM25Okapi

from pressbot.bot.core.service import profile_renderer
from pressbot.responses.answering import Reply, answer_question, reply_json
from pressbot.responses.render import Renderer, locale
from pressbot.retrieval import Document, Index
from pressbot.retrieval.agency import load_profile
from pressbot.retrieval.corpus import require_corpus

GENEVA = "Who met the IOM Director General in Geneva?"
UNANSWERABLE = "How do I cook plov with saffron rice?"
TypeSpec = type | tuple[type, ...]
OPTIONAL_TEXT = (str, type(None))
CITATION_FIELDS: dict[str, TypeSpec] = {"n": int, "doc_id": str, "passage_id": str, "title": str,
                                        "url": OPTIONAL_TEXT, "date": OPTIONAL_TEXT, "score": float}
HIT_FIELDS: dict[str, TypeSpec] = {"doc_id": str, "passage_id": str, "score": float, "title": str,
                                   "url": OPTIONAL_TEXT}


AGENCY_RENDERER = profile_renderer(Renderer(), load_profile(Path(__file__).parent.parent / "corpus"))


@pytest.fixture
def index(small_corpus: Path) -> Index:
    return Index.build(require_corpus(small_corpus))


def ask(index: Index, question: str) -> Reply:
    """As the service asks: the renderer speaks for the bundled corpus's agency (corpus/agency.yaml)."""
    return answer_question(index, question, AGENCY_RENDERER)


def test_the_geneva_question_is_answered_with_a_quote_naming_vitorino_and_its_source(index: Index) -> None:
    reply = ask(index, GENEVA)
    assert reply.answer.answered
    assert any("Vitorino" in q.text for q in reply.answer.quotes)
    assert "[1]" in reply.text and "[1]" in reply.html
    assert "migration-en-13016" in {c.doc_id for c in reply.answer.citations}
    assert "https://migration.gov.az/en/news_detail/13016" in reply.text


def test_every_quote_is_text_of_the_document_it_cites(index: Index) -> None:
    for question in (GENEVA, "Where were mobile consular services provided in the US?",
                     "Who met the Ambassador of Mexico?", "Caspian European Club video conference"):
        answer = ask(index, question).answer
        assert answer.answered, question
        cited = {c.n: index.documents[c.doc_id] for c in answer.citations}
        for quote in answer.quotes:
            doc = cited[quote.n]
            assert quote.text in doc.text or quote.text == doc.title, (question, quote.text)


def test_citations_are_numbered_from_one_one_per_document_and_each_is_quoted(index: Index) -> None:
    answer = ask(index, GENEVA).answer
    numbers = [c.n for c in answer.citations]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len({c.doc_id for c in answer.citations}) == len(numbers)
    assert {q.n for q in answer.quotes} == set(numbers)
    for citation in answer.citations:
        assert citation.passage_id.startswith(f"{citation.doc_id}#")


def test_an_unanswerable_question_abstains_and_gives_the_official_contact(index: Index) -> None:
    reply = ask(index, UNANSWERABLE)
    assert not reply.answer.answered
    assert reply.answer.citations == () and reply.answer.quotes == ()
    for rendering in (reply.text, reply.html):
        assert "919" in rendering and "migration.gov.az" in rendering
        assert "[1]" not in rendering


def test_a_question_of_no_known_words_abstains(index: Index) -> None:
    assert not ask(index, "Zzyzx qwertyuiop?").answer.answered


def test_an_empty_question_is_not_answered_and_asks_for_words(index: Index) -> None:
    reply = ask(index, "   ")
    assert not reply.answer.answered and reply.kind == "conversation"
    assert locale("en")["conversation_empty"] in reply.text


def test_the_json_object_has_the_documented_fields_and_types(index: Index) -> None:
    data = json.loads(json.dumps(reply_json(ask(index, GENEVA)), ensure_ascii=False))
    # INTERFACE.md: these names, exactly; added fields are allowed (kind, found_in, reason).
    assert {"query", "answered", "lang", "text", "html", "citations", "hits"} <= set(data)
    assert (data["kind"], data["found_in"], data["reason"]) == ("corpus", None, None)
    assert (data["query"], data["answered"], data["lang"]) == (GENEVA, True, "en")
    assert isinstance(data["text"], str) and isinstance(data["html"], str)
    assert data["citations"]
    for citation in data["citations"]:
        assert set(citation) == set(CITATION_FIELDS)
        assert all(isinstance(citation[k], t) for k, t in CITATION_FIELDS.items()), citation
    for hit in data["hits"]:
        assert set(hit) == set(HIT_FIELDS)
        assert all(isinstance(hit[k], t) for k, t in HIT_FIELDS.items()), hit


# 24 one-passage documents of plain lowercase words (INTERFACE.md: their scores equal rank-bm25's); 14 hold
# "visa" or "passport", each word in fewer than half of them (so every idf is positive), in varied counts.
FILLER = ("baku", "geneva", "border", "quota", "session", "council", "tourism", "consul", "mexico", "ambassador")
PLAIN = tuple(" ".join(["visa"] * (i % 3 + 1) * (i < 11) + ["passport"] * (i % 4) * (3 <= i < 14)
                       + list(FILLER[: 2 + i % 9])) for i in range(24))


def test_json_hits_are_the_retrievers_top_ten_best_first() -> None:
    index = Index.build([Document(id=f"d{i}", title="", text=text) for i, text in enumerate(PLAIN)])
    expected = BM25Okapi([text.split() for text in PLAIN]).get_scores(["visa", "passport"])
    ranked = sorted((i for i, score in enumerate(expected) if score > 0), key=lambda i: -expected[i])
    assert len(ranked) > 10 and len({round(expected[i], 6) for i in ranked[:11]}) == 11  # a strict top ten
    data = reply_json(answer_question(index, "visa passport", Renderer()))
    assert [h["doc_id"] for h in data["hits"]] == [f"d{i}" for i in ranked[:10]]
    assert [h["score"] for h in data["hits"]] == pytest.approx([expected[i] for i in ranked[:10]], abs=1e-4)


def test_json_citations_match_the_rendered_text(index: Index) -> None:
    reply = ask(index, GENEVA)
    data = reply_json(reply)
    for citation in data["citations"]:
        assert f"[{citation['n']}]" in data["text"]
        assert citation["title"] in data["text"]


def test_an_undated_source_has_a_null_date(index: Index) -> None:
    data = reply_json(ask(index, GENEVA))
    citation = next(c for c in data["citations"] if c["doc_id"] == "migration-en-13016")
    assert citation["date"] is None  # the bundled release carries no date


def test_an_unanswered_json_object_has_no_citations_but_still_its_hits(index: Index) -> None:
    data = reply_json(ask(index, "State Migration Service plov recipe saffron"))
    assert data["answered"] is False and data["citations"] == []
    assert len(data["hits"]) == 10  # the words "State Migration Service" match many passages of the corpus
    scores = [h["score"] for h in data["hits"]]
    assert scores == sorted(scores, reverse=True) and scores[-1] > 0


def test_an_azerbaijani_question_is_answered_in_azerbaijani(index: Index) -> None:
    reply = ask(index, "Dövlət Miqrasiya Xidmətinə aprel ayında neçə zəng daxil olub?")
    assert reply.answer.lang == "az" and reply.answer.answered
    assert f"{locale('az')['sources']}:" in reply.text and f"{locale('en')['sources']}:" not in reply.text
    assert "migration-az-13344" in {c.doc_id for c in reply.answer.citations}
