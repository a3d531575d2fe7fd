"""Reload under use: questions keep being answered while a reload indexes on a worker thread, and two
reloads never interleave: the second waits for the first and finds nothing left to do."""

from __future__ import annotations

import random
import threading
from pathlib import Path

from pressbot.bot.core.config import load_config
from pressbot.bot.core.service import ReloadResult, Service
from tests.conftest import write_doc

QUESTION = "Who met the IOM Director General in Geneva?"
WORDS = ("migration passport residence permit citizens consular diaspora registration labour quota visa "
         "border asylum refugee integration statistics application electronic service centre region").split()


def add_releases(corpus: Path, count: int) -> None:
    """Enough new press releases that indexing them takes a while (hundreds of milliseconds)."""
    rng = random.Random(count)
    for n in range(count):
        paragraphs = ["{}.".format(" ".join(rng.choices(WORDS, k=60)).capitalize()) for _ in range(4)]
        write_doc(corpus, f"generated-{n:04d}.md", f"Release {n} on {rng.choice(WORDS)}", "\n".join(paragraphs))


def start(corpus: Path) -> Service:
    return Service.start(load_config(None, {}, corpus=corpus))


def test_questions_are_answered_while_a_reload_runs(small_corpus: Path) -> None:
    service = start(small_corpus)
    add_releases(small_corpus, 400)
    result: list[ReloadResult] = []
    reloader = threading.Thread(target=lambda: result.append(service.reload()))
    reloader.start()
    answered_during_reload = 0
    while reloader.is_alive():
        reply = service.ask(QUESTION)
        assert reply.answer.answered
        assert reply.answer.citations[0].doc_id == "migration-en-13016"
        answered_during_reload += reloader.is_alive()
    reloader.join()
    assert answered_during_reload > 0
    assert result[0].changed and len(service.index.documents) == result[0].documents


def test_two_concurrent_reloads_never_interleave(small_corpus: Path) -> None:
    service = start(small_corpus)
    add_releases(small_corpus, 200)
    both = threading.Barrier(2)
    results: list[ReloadResult] = []

    def reload() -> None:
        both.wait()
        results.append(service.reload())

    threads = [threading.Thread(target=reload) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    first, second = results
    assert (first.changed, second.changed) == (True, False)
    assert second.documents == first.documents == len(service.index.documents)


def test_a_reload_with_no_changed_file_keeps_the_served_index(small_corpus: Path) -> None:
    service = start(small_corpus)
    before = service.index
    assert service.reload().changed is False
    assert service.index is before


def test_a_restart_after_a_reload_loads_the_index_the_reload_saved(small_corpus: Path) -> None:
    service = start(small_corpus)
    add_releases(small_corpus, 3)
    assert service.reload().changed
    restarted = start(small_corpus)
    assert restarted.served.loaded
    assert len(restarted.index.documents) == len(service.index.documents)
