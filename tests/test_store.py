"""The index saved beside the corpus: loaded while valid, rebuilt when anything it depends on changes or
when it is damaged, and never a reason for start-up to fail."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from pressbot.bot.core.config import load_config
from pressbot.bot.core.service import Service
from pressbot.retrieval import Index, analyzer
from pressbot.retrieval.corpus import CorpusError, require_corpus
from pressbot.retrieval.index import Params
from pressbot.retrieval.keys import index_key
from pressbot.retrieval.saved import STORE_DIR, store_path
from pressbot.retrieval.store import open_index
from tests.conftest import write_doc

QUESTIONS = ("Who met the IOM Director General in Geneva?", "mobile consular services in the US",
             "Dövlət Miqrasiya Xidməti", "Мигрант")


def results(index: Index) -> list[list[tuple[str, float]]]:
    return [[(h.passage_id, h.score) for h in index.search(q, 10)] for q in QUESTIONS]


def served(corpus: Path, params: Params = Params()) -> tuple[Index, bool]:
    opened = open_index(corpus, params)
    assert opened is not None
    return opened.index, opened.loaded


def test_an_unchanged_corpus_loads_the_saved_index(small_corpus: Path) -> None:
    assert served(small_corpus)[1] is False
    assert served(small_corpus)[1] is True


def test_a_saved_index_answers_exactly_as_a_fresh_build(small_corpus: Path) -> None:
    served(small_corpus)
    loaded, was_loaded = served(small_corpus)
    assert was_loaded
    assert results(loaded) == results(Index.build(require_corpus(small_corpus)))


def test_the_index_is_saved_in_a_hidden_directory_of_the_corpus(small_corpus: Path) -> None:
    served(small_corpus)
    assert store_path(small_corpus).parent == small_corpus / STORE_DIR
    assert store_path(small_corpus).is_file()


def test_a_changed_corpus_file_invalidates_the_saved_index(small_corpus: Path) -> None:
    served(small_corpus)
    path = small_corpus / "migration-en-9634.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nThe delegation visited Zanzibar.\n", encoding="utf-8")
    index, was_loaded = served(small_corpus)
    assert not was_loaded
    assert [h.doc_id for h in index.search("Zanzibar", 1)] == ["migration-en-9634"]


def test_a_rebuild_that_reuses_unchanged_files_equals_a_fresh_build(small_corpus: Path) -> None:
    served(small_corpus)
    write_doc(small_corpus, "zz-new.md", "Visa centre opens in Ganja", "A visa centre opened in Ganja today.")
    (small_corpus / "ecis-ru-91017.md").unlink()
    incremental, _ = served(small_corpus)
    fresh = Index.build(require_corpus(small_corpus))
    assert incremental.postings.vocabulary == fresh.postings.vocabulary
    for name in ("offsets", "passages", "impacts", "idf"):
        np.testing.assert_array_equal(getattr(incremental.postings, name), getattr(fresh.postings, name))
    assert results(incremental) == results(fresh)


@pytest.mark.parametrize("damage", ["truncated", "flipped byte", "garbage", "empty"])
def test_a_damaged_saved_index_is_ignored_and_rebuilt(small_corpus: Path, damage: str,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    served(small_corpus)
    path = store_path(small_corpus)
    data = bytearray(path.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "flipped byte":
        data[len(data) // 2] ^= 0xFF
    elif damage == "garbage":
        data = bytearray(b"not an index" * 100)
    else:
        data = bytearray()
    path.write_bytes(bytes(data))
    with caplog.at_level(logging.WARNING):
        index, was_loaded = served(small_corpus)
    assert not was_loaded
    assert "saved index" in caplog.text
    assert results(index) == results(Index.build(require_corpus(small_corpus)))
    assert served(small_corpus)[1] is True  # and the rebuilt one was saved


def test_the_analyzer_version_is_part_of_the_key() -> None:
    assert index_key("corpus", Params(), analyzer_version="3") != index_key("corpus", Params(), analyzer_version="4")


def test_an_index_saved_by_another_analyzer_version_is_rebuilt(small_corpus: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    served(small_corpus)
    monkeypatch.setattr(analyzer, "ANALYZER_VERSION", analyzer.ANALYZER_VERSION + "-next")
    assert served(small_corpus)[1] is False


@pytest.mark.parametrize("params", [Params(k1=1.2), Params(b=0.5), Params(epsilon=0.5),
                                    Params(title_weight=Params().title_weight + 1)])
def test_other_bm25_settings_rebuild_the_index(small_corpus: Path, params: Params) -> None:
    served(small_corpus)
    index, was_loaded = served(small_corpus, params)
    assert not was_loaded
    assert (index.k1, index.b, index.epsilon) == (params.k1, params.b, params.epsilon)
    fresh = Index.build(require_corpus(small_corpus), k1=params.k1, b=params.b, epsilon=params.epsilon,
                        title_weight=params.title_weight)
    assert results(index) == results(fresh)


def test_a_corpus_with_problems_is_refused_even_with_a_saved_index(small_corpus: Path) -> None:
    served(small_corpus)
    (small_corpus / "migration-en-9634.md").write_text("no front matter\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"migration-en-9634\.md:1"):
        served(small_corpus)


def test_an_index_that_cannot_be_saved_is_still_served(small_corpus: Path, caplog: pytest.LogCaptureFixture) -> None:
    (small_corpus / STORE_DIR).write_text("a file where the index directory should be", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        index, _ = served(small_corpus)
    assert "could not save the index" in caplog.text
    assert results(index) == results(Index.build(require_corpus(small_corpus)))


def test_service_start_loads_the_index_an_earlier_start_saved(small_corpus: Path) -> None:
    config = load_config(None, {}, corpus=small_corpus)
    assert Service.start(config).served.loaded is False
    assert Service.start(config).served.loaded is True
