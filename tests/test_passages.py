"""Passages: whole sentences from one document, small enough to quote, each carrying its document's title."""

from __future__ import annotations

from pressbot.retrieval import Document
from pressbot.retrieval.passages import MAX_WORDS, split_document


def words(text: str) -> list[str]:
    return text.split()


LONG_PARAGRAPH = " ".join(f"Sentence number {i} says something about migration." for i in range(80))


def test_passages_are_numbered_from_one_with_the_document_id() -> None:
    doc = Document(id="migration-en-1", title="Title", text="\n".join([LONG_PARAGRAPH] * 2))
    passages = split_document(doc)
    assert len(passages) > 1
    assert [p.id for p in passages] == [f"migration-en-1#{i}" for i in range(1, len(passages) + 1)]
    assert [p.position for p in passages] == list(range(1, len(passages) + 1))
    assert {p.doc_id for p in passages} == {"migration-en-1"}


def test_every_passage_carries_the_title_and_language_of_its_document() -> None:
    doc = Document(id="d", title="Meeting in Geneva", text=LONG_PARAGRAPH, lang="az")
    passages = split_document(doc)
    assert len(passages) > 1
    assert {(p.title, p.lang) for p in passages} == {("Meeting in Geneva", "az")}


def test_short_paragraphs_are_grouped_into_one_passage_keeping_their_line_breaks() -> None:
    doc = Document(id="d", title="T", text="The chief met the ambassador.\nThey discussed migration.")
    [passage] = split_document(doc)
    assert passage.text == "The chief met the ambassador.\nThey discussed migration."


def test_a_first_line_repeating_the_title_is_not_indexed_twice() -> None:
    doc = Document(id="d", title="Meeting at State Migration Service",
                   text="Meeting at State Migration Service\nThe chief met the guest.")
    assert [p.text for p in split_document(doc)] == ["The chief met the guest."]


def test_the_title_repeated_further_down_is_not_indexed_again() -> None:
    doc = Document(id="d", title="On electronic visas", text=("On electronic visas\nPresidential decree.\n"
                                                             "Of June 1, 2016.\nNo. 923.\nOn electronic visas\n"
                                                             "The system is created."))
    assert "On electronic visas" not in "\n".join(p.text for p in split_document(doc))


def test_a_line_in_capitals_is_not_joined_to_the_line_under_it_and_its_last_figure_kept_in_an_excerpt() -> None:
    text = ("PRESIDENTIAL DECREE OF THE AZERBAIJAN REPUBLIC\nof June 1, 2016 No. 923\n"
            "Being guided by the Constitution, I decide to create the electronic visa system.")
    [passage] = split_document(Document(id="d", title="Visas", text=text, excerpt=True))
    assert passage.text.split("\n")[:2] == ["PRESIDENTIAL DECREE OF THE AZERBAIJAN REPUBLIC", "of June 1, 2016 No. 923"]


def test_a_long_paragraph_is_cut_at_sentence_boundaries_within_the_ceiling() -> None:
    passages = split_document(Document(id="d", title="T", text=LONG_PARAGRAPH))
    assert len(passages) > 1
    for passage in passages:
        assert len(words(passage.text)) <= MAX_WORDS
        assert passage.text.startswith("Sentence number") and passage.text.endswith("migration.")


def test_passages_hold_the_whole_text_in_reading_order() -> None:
    text = "\n".join([LONG_PARAGRAPH, "A short closing paragraph.", LONG_PARAGRAPH[:300] + "."])
    passages = split_document(Document(id="d", title="T", text=text))
    assert [w for p in passages for w in words(p.text)] == words(text)


def test_a_paragraph_without_sentence_boundaries_stays_whole() -> None:
    text = " ".join(["word"] * (MAX_WORDS * 2))
    assert [p.text for p in split_document(Document(id="d", title="T", text=text))] == [text]


def test_a_document_without_body_text_gives_one_passage_of_its_title() -> None:
    [passage] = split_document(Document(id="d", title="Only a headline", text="Only a headline"))
    assert (passage.id, passage.text) == ("d#1", "Only a headline")
