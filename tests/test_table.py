"""Passages as columns (retrieval/table.py): one UTF-8 buffer with offsets and int32 arrays, a `Passage` made
on demand that equals the one the columns were written from."""

from __future__ import annotations

import pytest

from pressbot.retrieval.document import Document
from pressbot.retrieval.passages import split_document
from pressbot.retrieval.table import PassageTable

DOCS = [
    Document(id="en-1", title="Visa rules",
             text="Required documents:\n\n1. Passport\n2. Photo\n\nFees are paid online."),
    Document(id="az-2", title="Viza qaydaları", text="Ərizə 919 nömrəsi ilə qəbul edilir. Şəxsiyyət vəsiqəsi lazımdır.",
             lang="az"),
    Document(id="ru-3", title="Правила", text="Заявления принимаются в Баку.", lang="ru"),
]
PASSAGES = [p for doc in DOCS for p in split_document(doc)]


def table() -> PassageTable:
    return PassageTable.of(DOCS, PASSAGES)


def test_each_passage_made_from_the_columns_equals_the_one_written() -> None:
    assert list(table()) == PASSAGES
    assert [table()[i] for i in range(len(PASSAGES))] == PASSAGES


def test_a_heading_stays_part_of_its_passages_title() -> None:
    long = "Заявления принимаются в Баку и в других городах страны каждый рабочий день. " * 14
    doc = Document(id="h", title="Т", text=f"{long}\n\nДокументы\n\n{long}\n\n{long}", lang="ru")
    headed = split_document(doc)
    assert "Т\nДокументы" in [p.title for p in headed]
    assert list(PassageTable.of([doc], headed)) == headed


def test_negative_indexes_and_slices_count_as_in_a_list() -> None:
    assert table()[-1] == PASSAGES[-1]
    assert table()[1:3] == PASSAGES[1:3]


def test_an_index_past_the_end_raises_index_error() -> None:
    with pytest.raises(IndexError):
        table()[len(PASSAGES)]


def test_the_columns_hold_document_numbers_and_positions() -> None:
    t = table()
    assert [t.doc_id(i) for i in range(len(t))] == [p.doc_id for p in PASSAGES]
    assert [t.lang(i) for i in range(len(t))] == [p.lang for p in PASSAGES]
    assert t.position.tolist() == [p.position for p in PASSAGES]


def test_languages_are_counted_by_passage() -> None:
    expected: dict[str, int] = {}
    for p in PASSAGES:
        expected[p.lang] = expected.get(p.lang, 0) + 1
    assert table().language_counts() == expected


def test_the_text_is_one_utf8_buffer() -> None:
    t = table()
    assert bytes(t.text).decode("utf-8") == "".join(p.text for p in PASSAGES)  # no heading in these
    assert t.starts[-1] == len(t.text)
