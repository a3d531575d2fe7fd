"""The served index and its reload: a new index is swapped in only when it is complete and valid; otherwise
the old one keeps answering and the admin gets every problem as PATH:LINE."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

import pressbot.retrieval.corpus
from pressbot.bot.core.config import load_config
from pressbot.bot.core.service import Service
from pressbot.bot.core.texts import Texts
from pressbot.retrieval.corpus import CorpusError
from tests.conftest import SMALL_CORPUS_FILES, write_doc

GENEVA = "Who met the IOM Director General in Geneva?"
ZANZIBAR = "Where did the embassy provide mobile consular services in Zanzibar?"


def start(corpus: Path) -> Service:
    return Service.start(load_config(None, {}, corpus=corpus))


def add_zanzibar(corpus: Path) -> Path:
    return write_doc(corpus, "zanzibar.md", "Mobile consular service in Zanzibar",
                     "The embassy provided mobile consular services to compatriots in Zanzibar on 3 May.")


def assert_still_serving(service: Service, index: object) -> None:
    """The index from before the reload is the one answering, and it answers."""
    assert service.index is index
    reply = service.ask(GENEVA)
    assert reply.answer.answered and "Vitorino" in reply.text


def test_start_serves_the_corpus(small_corpus: Path) -> None:
    service = start(small_corpus)
    assert sorted(service.index.documents) == sorted(Path(name).stem for name in SMALL_CORPUS_FILES)
    assert service.ask(GENEVA).answer.answered


def test_start_refuses_a_corpus_with_problems(small_corpus: Path) -> None:
    (small_corpus / "broken.md").write_text("---\ntitle: Broken\ndate: 2020-13-45\n---\nText.\n", encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        start(small_corpus)
    assert [str(p) for p in caught.value.problems] == [f"{small_corpus / 'broken.md'}:3: bad date '2020-13-45': "
                                                       "use YYYY-MM-DD"]


def test_reload_swaps_in_a_new_valid_corpus(small_corpus: Path) -> None:
    service = start(small_corpus)
    old = service.index
    assert "zanzibar" not in old.documents
    add_zanzibar(small_corpus)
    result = service.reload()
    assert (result.ok, result.changed, result.problems) == (True, True, ())
    assert (result.documents, result.old_documents) == (len(SMALL_CORPUS_FILES) + 1, len(SMALL_CORPUS_FILES))
    assert result.passages == len(service.index)
    assert service.index is not old and "zanzibar" in service.index.documents
    assert "zanzibar" in {c.doc_id for c in service.ask(ZANZIBAR).answer.citations}


def test_reload_of_an_unchanged_corpus_changes_nothing(small_corpus: Path) -> None:
    service = start(small_corpus)
    old = service.index
    result = service.reload()
    assert (result.ok, result.changed) == (True, False)
    assert result.documents == len(SMALL_CORPUS_FILES)
    assert service.index is old


def test_a_forced_reload_rebuilds_an_unchanged_corpus(small_corpus: Path) -> None:
    service = start(small_corpus)
    old = service.index
    result = service.reload(force=True)
    assert (result.ok, result.changed) == (True, True)
    assert service.index is not old and sorted(service.index.documents) == sorted(old.documents)


def test_reload_notices_an_edited_press_release(small_corpus: Path) -> None:
    path = add_zanzibar(small_corpus)
    service = start(small_corpus)
    path.write_text(path.read_text(encoding="utf-8").replace("Zanzibar on 3 May", "Zanzibar on 4 May"),
                    encoding="utf-8")
    assert service.reload().changed
    assert any("4 May" in p.text for p in service.index.passages if p.doc_id == "zanzibar")  # texts are in passages


def test_reload_of_a_broken_corpus_keeps_the_old_index_and_lists_path_line_problems(small_corpus: Path) -> None:
    service = start(small_corpus)
    old = service.index
    add_zanzibar(small_corpus)
    (small_corpus / "broken.md").write_text("---\ntitle: Broken\ndate: 2020-13-45\nfoo: 1\n---\nText.\n",
                                            encoding="utf-8")
    result = service.reload()
    assert (result.ok, result.changed) == (False, False)
    assert result.documents == len(SMALL_CORPUS_FILES)
    lines = sorted(str(p) for p in result.problems)
    assert lines[0] == f"{small_corpus / 'broken.md'}:3: bad date '2020-13-45': use YYYY-MM-DD"
    assert lines[1].startswith(f"{small_corpus / 'broken.md'}:4: unknown key 'foo'")
    assert_still_serving(service, old)
    assert "zanzibar" not in service.index.documents  # the valid new file waits for a valid corpus
    report = Texts(service).reload_text(result, "en").text
    assert all(line in report for line in lines)


def test_a_reload_after_the_corpus_is_fixed_succeeds(small_corpus: Path) -> None:
    service = start(small_corpus)
    broken = small_corpus / "broken.md"
    broken.write_text("---\ntitle: Broken\ndate: 2020-13-45\n---\nText.\n", encoding="utf-8")
    assert not service.reload().ok
    broken.write_text("---\ntitle: Fixed\ndate: 2020-12-31\n---\nText.\n", encoding="utf-8")
    result = service.reload()
    assert (result.ok, result.changed) == (True, True)
    assert service.index.documents["broken"].date == "2020-12-31"


def test_reload_of_an_emptied_corpus_keeps_the_old_index(small_corpus: Path) -> None:
    service = start(small_corpus)
    old = service.index
    for path in small_corpus.glob("*.md"):
        path.unlink()
    result = service.reload()
    assert not result.ok and result.problems
    assert "no press releases" in str(result.problems[0])
    assert_still_serving(service, old)


def test_reload_of_a_removed_corpus_directory_keeps_the_old_index(small_corpus: Path) -> None:
    service = start(small_corpus)
    old = service.index
    moved = small_corpus.rename(small_corpus.with_name("moved"))
    try:
        result = service.reload()
        assert not result.ok and "does not exist" in str(result.problems[0])
        assert_still_serving(service, old)
    finally:
        moved.rename(small_corpus)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_reload_with_an_unreadable_file_keeps_the_old_index(small_corpus: Path) -> None:
    service = start(small_corpus)
    old = service.index
    locked = add_zanzibar(small_corpus)
    locked.chmod(0)
    try:
        result = service.reload()
        assert not result.ok
        assert [str(p).split(": ", 1)[0] for p in result.problems] == [f"{locked}:1"]
        assert "cannot read" in str(result.problems[0])
        assert_still_serving(service, old)
    finally:
        locked.chmod(0o644)


def test_reload_when_a_file_disappears_between_listing_and_reading_keeps_the_old_index(
        small_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    service = start(small_corpus)
    old = service.index
    vanishing = add_zanzibar(small_corpus)
    list_files: Callable[[Path], list[Path]] = pressbot.retrieval.corpus.corpus_files

    def list_then_delete(directory: Path) -> list[Path]:
        files = list_files(directory)  # the file is listed ...
        vanishing.unlink(missing_ok=True)  # ... and is gone before the loader reads it (an editor's save, rm)
        return files

    monkeypatch.setattr(pressbot.retrieval.corpus, "corpus_files", list_then_delete)
    result = service.reload()
    assert not result.ok
    assert [p.path for p in result.problems] == [str(vanishing)]
    assert "cannot read" in result.problems[0].message
    assert_still_serving(service, old)


def test_an_index_swapped_out_by_a_reload_stays_usable_whole(small_corpus: Path) -> None:
    service = start(small_corpus)
    served = service.served
    add_zanzibar(small_corpus)
    service.reload()
    assert service.served is not served
    assert served.index.search(GENEVA)[0].doc_id == "migration-en-13016"  # a question holding it still works
    assert "zanzibar" not in served.index.documents


def test_questions_asked_while_reloads_swap_the_index_are_answered_whole(small_corpus: Path) -> None:
    service = start(small_corpus)
    reloads: list[bool] = []
    failures: list[BaseException] = []
    stop = threading.Event()

    def reload_again_and_again() -> None:  # the corpus alternates between with and without zanzibar.md
        try:
            while not stop.is_set() and len(reloads) < 8:
                zanzibar = small_corpus / "zanzibar.md"
                if zanzibar.exists():
                    zanzibar.unlink()
                else:
                    add_zanzibar(small_corpus)
                result = service.reload()
                reloads.append(result.ok and result.changed)
        except BaseException as exc:  # reported below, not lost in the thread
            failures.append(exc)

    reloader = threading.Thread(target=reload_again_and_again)
    reloader.start()
    replies = []
    try:
        while reloader.is_alive():
            replies.append(service.ask(GENEVA))
    finally:
        stop.set()
        reloader.join()
    assert failures == [] and reloads == [True] * 8  # eight swaps happened while questions were asked
    assert len(replies) >= 8
    for reply in replies:
        assert reply.answer.answered and "Vitorino" in reply.text
        assert "migration-en-13016" in {c.doc_id for c in reply.answer.citations}
