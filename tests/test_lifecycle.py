"""An index's life in one place (retrieval/store.py's `open_index`): each corpus file read once per start or
reload, one fingerprint, an unchanged corpus not re-indexed, a changed file the only one analyzed again."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import pressbot.retrieval.building
import pressbot.retrieval.store
from pressbot.bot.core.config import load_config
from pressbot.bot.core.service import Service, corpus_fingerprint
from pressbot.retrieval import Index
from pressbot.retrieval.corpus import CorpusError, require_corpus
from pressbot.retrieval.document import Document, Passage
from pressbot.retrieval.index import Params
from pressbot.retrieval.store import Opened, open_index
from pressbot.retrieval.table import PassageTable
from tests.conftest import SMALL_CORPUS_FILES, write_doc

GENEVA = "Who met the IOM Director General in Geneva?"


@pytest.fixture
def opened_files(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """How many times each file was opened (read_bytes, read_text and open all go through Path.open)."""
    counts: Counter[str] = Counter()
    real_open = Path.open

    def counting_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        counts[self.name] += 1
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", counting_open)
    yield counts


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each file was parsed."""
    counts: Counter[str] = Counter()
    real = pressbot.retrieval.store.parse_document

    def counting(path: Path, raw: bytes, display: str | None = None) -> tuple[Document | None, list[Any]]:
        counts[path.name] += 1
        return real(path, raw, display)

    monkeypatch.setattr(pressbot.retrieval.store, "parse_document", counting)
    return counts


@pytest.fixture
def analyzed(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each document's passages were analyzed into terms."""
    counts: Counter[str] = Counter()
    real = pressbot.retrieval.building.passage_terms

    def counting(passage: Passage, title_weight: int = 2) -> list[str]:
        counts[passage.doc_id] += 1
        return real(passage, title_weight)

    monkeypatch.setattr(pressbot.retrieval.building, "passage_terms", counting)
    return counts


def opened(corpus: Path, previous: str | None = None) -> Opened | None:
    return open_index(corpus, Params(), previous=previous)


def first(corpus: Path) -> Opened:
    result = opened(corpus)
    assert result is not None
    return result


def test_a_first_start_reads_each_press_release_once(small_corpus: Path, opened_files: Counter[str]) -> None:
    first(small_corpus)
    assert {name: opened_files[name] for name in SMALL_CORPUS_FILES} == dict.fromkeys(SMALL_CORPUS_FILES, 1)


def test_a_reload_of_a_changed_corpus_reads_each_press_release_once(small_corpus: Path,
                                                                     opened_files: Counter[str]) -> None:
    before = first(small_corpus)
    write_doc(small_corpus, "zanzibar.md", "Consular day in Zanzibar", "Consuls met compatriots in Zanzibar.")
    opened_files.clear()
    after = opened(small_corpus, previous=before.fingerprint)
    assert after is not None and "zanzibar" in after.index.documents
    names = (*SMALL_CORPUS_FILES, "zanzibar.md")
    assert {name: opened_files[name] for name in names} == dict.fromkeys(names, 1)


def test_a_reload_of_an_unchanged_corpus_reads_each_file_once_and_builds_nothing(
        small_corpus: Path, opened_files: Counter[str], parsed: Counter[str]) -> None:
    before = first(small_corpus)
    opened_files.clear()
    parsed.clear()
    assert opened(small_corpus, previous=before.fingerprint) is None
    assert {name: opened_files[name] for name in SMALL_CORPUS_FILES} == dict.fromkeys(SMALL_CORPUS_FILES, 1)
    assert not parsed


def test_a_restart_parses_and_analyzes_nothing(small_corpus: Path, parsed: Counter[str],
                                                analyzed: Counter[str]) -> None:
    first(small_corpus)
    parsed.clear()
    analyzed.clear()
    assert first(small_corpus).loaded
    assert (parsed, analyzed) == (Counter(), Counter())


def test_a_changed_file_is_the_only_one_parsed_and_analyzed_again(small_corpus: Path, parsed: Counter[str],
                                                                   analyzed: Counter[str]) -> None:
    before = first(small_corpus)
    path = small_corpus / "migration-en-9634.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nThe delegation visited Zanzibar.\n", encoding="utf-8")
    parsed.clear()
    analyzed.clear()
    after = opened(small_corpus, previous=before.fingerprint)
    assert after is not None and not after.loaded
    assert set(parsed) == {"migration-en-9634.md"}
    assert set(analyzed) == {"migration-en-9634"}
    assert [h.doc_id for h in after.index.search("Zanzibar", 1)] == ["migration-en-9634"]


def test_the_fingerprint_is_the_one_a_reload_compares_with(small_corpus: Path) -> None:
    assert first(small_corpus).fingerprint == opened(small_corpus).fingerprint  # type: ignore[union-attr]
    assert first(small_corpus).fingerprint == pressbot.retrieval.store.corpus_fingerprint(small_corpus)


def test_a_file_outside_the_press_releases_changes_the_fingerprint_but_not_the_saved_index(
        small_corpus: Path) -> None:
    extra = (small_corpus / "glossary.yaml",)
    before = open_index(small_corpus, Params(), extra=extra)
    assert before is not None
    (small_corpus / "glossary.yaml").write_text("concepts: []\n", encoding="utf-8")
    after = open_index(small_corpus, Params(), previous=before.fingerprint, extra=extra)
    assert after is not None and after.fingerprint != before.fingerprint
    assert after.loaded  # the press releases are unchanged: their saved index serves


def test_the_service_fingerprint_counts_the_glossary_and_the_profile(small_corpus: Path) -> None:
    service = Service.start(load_config(None, {}, corpus=small_corpus))
    assert service.served.fingerprint == corpus_fingerprint(small_corpus)
    (small_corpus / "agency.yaml").write_text((small_corpus / "agency.yaml").read_text(encoding="utf-8") + "\n",
                                              encoding="utf-8")
    assert corpus_fingerprint(small_corpus) != service.served.fingerprint
    assert service.reload().changed


def test_a_reload_that_changes_something_reads_the_glossary_and_the_profile_once(
        small_corpus: Path, opened_files: Counter[str]) -> None:
    (small_corpus / "glossary.yaml").write_text("- en: [IOM, International Organization for Migration]\n",
                                                encoding="utf-8")
    service = Service.start(load_config(None, {}, corpus=small_corpus))
    write_doc(small_corpus, "zanzibar.md", "Consular day in Zanzibar", "Consuls met compatriots in Zanzibar.")
    opened_files.clear()
    assert service.reload().changed
    assert (opened_files["glossary.yaml"], opened_files["agency.yaml"]) == (1, 1)
    assert service.served.profile is not None and service.index.glossary.entries  # both loaded from that read


def test_a_reload_of_an_unchanged_corpus_reads_the_glossary_and_the_profile_once(
        small_corpus: Path, opened_files: Counter[str]) -> None:
    service = Service.start(load_config(None, {}, corpus=small_corpus))
    opened_files.clear()
    assert not service.reload().changed
    assert (opened_files["glossary.yaml"], opened_files["agency.yaml"]) == (0, 1)  # no glossary file here


def test_the_opened_index_returns_the_profile_and_the_glossary_it_serves(small_corpus: Path) -> None:
    (small_corpus / "glossary.yaml").write_text("- en: [IOM, International Organization for Migration]\n",
                                                encoding="utf-8")
    result = open_index(small_corpus, Params(), extras=True)
    assert result is not None and result.extras is not None
    assert result.extras.profile is not None and result.extras.profile.name("en")
    assert result.index.glossary == result.extras.glossary and result.extras.glossary.entries  # the index binds
    # its own spelling to the glossary (a copy), so the two are equal, not the same object


def test_problems_of_the_profile_and_of_a_press_release_are_reported_together(small_corpus: Path) -> None:
    (small_corpus / "agency.yaml").write_text("name: {en: X}\n", encoding="utf-8")
    (small_corpus / "aaa.md").write_text("no front matter\n", encoding="utf-8")
    with pytest.raises(CorpusError) as raised:
        open_index(small_corpus, Params(), extras=True)
    assert [p.path.rsplit("/", 1)[-1] for p in raised.value.problems][:1] == ["agency.yaml"]
    assert "aaa.md" in {p.path.rsplit("/", 1)[-1] for p in raised.value.problems}


def test_the_glossary_is_loaded_only_when_the_corpus_changed(small_corpus: Path) -> None:
    calls: list[int] = []

    def glossary() -> None:
        calls.append(1)

    before = open_index(small_corpus, Params(), glossary)  # type: ignore[arg-type]
    assert before is not None and calls == [1]
    assert open_index(small_corpus, Params(), glossary, previous=before.fingerprint) is None  # type: ignore[arg-type]
    assert calls == [1]


def test_problems_are_listed_in_corpus_order_with_the_cross_file_ones(small_corpus: Path) -> None:
    first(small_corpus)  # a saved index exists: reused documents are checked across files too
    (small_corpus / "sub").mkdir()
    write_doc(small_corpus / "sub", "migration-en-9634.md", "Same name", "Another file with the same name.")
    (small_corpus / "aaa.md").write_text("no front matter\n", encoding="utf-8")
    with pytest.raises(CorpusError) as raised:
        opened(small_corpus)
    assert [p.path.rsplit("/", 2)[-1] for p in raised.value.problems] == ["aaa.md", "migration-en-9634.md"]
    assert "duplicate id" in raised.value.problems[1].message


def test_the_opened_index_answers_as_index_build(small_corpus: Path) -> None:
    first(small_corpus)
    loaded = first(small_corpus).index
    fresh = Index.build(require_corpus(small_corpus))
    assert [(h.passage_id, h.score) for h in loaded.search(GENEVA)] == [
        (h.passage_id, h.score) for h in fresh.search(GENEVA)]
    assert loaded.search(GENEVA)  # not vacuous


def test_the_served_passages_are_those_of_the_split_documents(small_corpus: Path) -> None:
    long = "Consuls received compatriots and answered their questions on residence permits. " * 12
    write_doc(small_corpus, "headed.md", "Консульский день", f"{long}\n\nДокументы для заявления\n\n{long}\n\n{long}")
    expected = list(Index.build(require_corpus(small_corpus)).passages)
    assert list(first(small_corpus).index.passages) == expected  # built: columns written, then mapped
    assert list(first(small_corpus).index.passages) == expected  # restarted from the saved file
    assert any("\n" in p.title for p in expected)  # headings travel with their passages too


def test_the_served_index_keeps_document_metadata_only_and_maps_the_passages(small_corpus: Path) -> None:
    for index in (first(small_corpus).index, first(small_corpus).index):  # built, then restarted
        assert {doc.text for doc in index.documents.values()} == {""}
        assert isinstance(index.passages, PassageTable) and isinstance(index.passages.text.base, np.memmap)
        assert index.search(GENEVA)[0].doc_id == "migration-en-13016"


def test_an_index_that_cannot_be_saved_serves_its_passages_from_memory(small_corpus: Path) -> None:
    (small_corpus / ".index").write_text("a file where the index directory should be", encoding="utf-8")
    index = first(small_corpus).index
    assert list(index.passages) == list(Index.build(require_corpus(small_corpus)).passages)


def test_a_reload_copies_the_unchanged_files_passages_and_splits_the_changed_ones(small_corpus: Path) -> None:
    before = first(small_corpus)
    path = small_corpus / "migration-en-9634.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nThe delegation visited Zanzibar.\n", encoding="utf-8")
    write_doc(small_corpus, "aaa-new.md", "Visa centre opens in Ganja", "A visa centre opened in Ganja today.")
    after = opened(small_corpus, previous=before.fingerprint)
    assert after is not None
    assert list(after.index.passages) == list(Index.build(require_corpus(small_corpus)).passages)


def test_a_broken_glossary_is_reported_before_any_passage_is_indexed(small_corpus: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (small_corpus / "glossary.yaml").write_text("- en: [IOM\n", encoding="utf-8")
    indexed: list[object] = []
    real_build = pressbot.retrieval.store.build
    monkeypatch.setattr(pressbot.retrieval.store, "build", lambda *a, **k: indexed.append(a) or real_build(*a, **k))
    with pytest.raises(CorpusError) as raised:
        open_index(small_corpus, Params(), extras=True)
    assert [p.path.rsplit("/", 1)[-1] for p in raised.value.problems] == ["glossary.yaml"]
    assert indexed == []  # the postings were never made: the reload failed at the check
