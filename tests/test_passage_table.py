"""The passage table gives back every passage as it was given: ids, titles, languages and texts."""

from __future__ import annotations

from pathlib import Path

from pressbot.retrieval.corpus import load_corpus
from pressbot.retrieval.document import Passage
from pressbot.retrieval.passage_table import PassageTable
from pressbot.retrieval.passages import split_document

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_every_passage_of_the_bundled_corpus_comes_back_equal() -> None:
    passages = [p for doc in load_corpus(CORPUS)[0] for p in split_document(doc)]
    table = PassageTable.of(passages)
    assert len(passages) > 100
    assert list(table) == passages


def test_unusual_ids_titles_and_languages_come_back_as_given() -> None:
    passages = [Passage(id="d1#1", doc_id="d1", position=1, title="T", text="Bakı şəhəri.", lang="az"),
                Passage(id="d1#2", doc_id="d1", position=2, title="T\nHeading", text="Два.", lang="ru"),
                Passage(id="other", doc_id="d1", position=3, title="T", text="", lang="az")]
    assert list(PassageTable.of(passages)) == passages


def test_language_counts_count_each_passage_in_its_own_language() -> None:
    passages = [Passage(id=f"d#{i}", doc_id="d", position=i, title="T", text="x", lang=lang)
                for i, lang in enumerate(["en", "en", "ru"], start=1)]
    assert PassageTable.of(passages).language_counts() == {"en": 2, "ru": 1}


def test_negative_indexes_and_slices_work_like_a_list() -> None:
    passages = [Passage(id=f"d#{i}", doc_id="d", position=i, title="T", text=str(i), lang="en") for i in range(1, 5)]
    table = PassageTable.of(passages)
    assert table[-1] == passages[-1]
    assert list(table[1:3]) == passages[1:3]
