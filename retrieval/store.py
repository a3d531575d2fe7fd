"""Loading or building a corpus's index: a restart loads the saved index (saved.py) instead of re-indexing,
and a rebuild re-analyzes only changed files.

The saved index is valid for one key: a hash of every corpus file's bytes, ANALYZER_VERSION, the code of the modules
that decide what is indexed, the BM25 parameters and title_weight. With a different corpus but the
same analysis, the documents, passages and bags of unchanged files are reused. Anything wrong with the
file (missing, truncated, corrupt, another format) is logged and the index rebuilt: it is a cache, so
reading it never stops the bot from starting; nor does failing to write it.

Usage::

    indexed = load_or_build(Path("corpus"), Params(k1=1.5, b=0.75, epsilon=0.25, title_weight=1))
    Index(indexed.documents, indexed.passages, indexed.postings, title_weight=1)
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from pressbot.retrieval import analyzer
from pressbot.retrieval.bags import Bags
from pressbot.retrieval.corpus import Problem, parse_document, require_corpus
from pressbot.retrieval.document import Document, Passage
from pressbot.retrieval.index import Params, passage_terms
from pressbot.retrieval.passages import split_document
from pressbot.retrieval.saved import FORMAT, Entry, Saved, StoreError, open_saved, save
from pressbot.retrieval.scoring import Postings

log = logging.getLogger(__name__)

# Modules whose code decides what a saved index holds: editing any of them makes saved indexes stale.
CODE_MODULES = ("analyzer", "stopwords", "sentences", "passages", "document", "corpus", "index", "scoring",
                "store", "bags", "saved", "structure")


@dataclass(frozen=True)
class Indexed:
    """A corpus's documents, passages and postings; `loaded` says they came from the saved index."""

    documents: list[Document]
    passages: list[Passage]
    postings: Postings
    fingerprint: str
    loaded: bool


@cache  # the code this process runs was read at import: later edits on disk are not running here
def code_hash() -> str:
    """A hash of the source of the modules that decide what is indexed."""
    digest = hashlib.sha256()
    for name in CODE_MODULES:
        path = Path(__file__).with_name(f"{name}.py")
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"?") + b"\0")
    return digest.hexdigest()


def analysis_key(title_weight: int, analyzer_version: str | None = None) -> str:
    """What the saved documents, passages and bags depend on besides the files: they are reused when equal."""
    return _hash({"format": FORMAT, "analyzer": analyzer_version or analyzer.ANALYZER_VERSION,
                  "code": code_hash(), "title_weight": title_weight})


def index_key(fingerprint: str, params: Params, analyzer_version: str | None = None) -> str:
    """What a whole saved index depends on: it is loaded as it is only when equal."""
    return _hash({"analysis": analysis_key(params.title_weight, analyzer_version), "corpus": fingerprint,
                  "k1": params.k1, "b": params.b, "epsilon": params.epsilon})


def fingerprint(files: Sequence[tuple[str, str]]) -> str:
    """A hash of the corpus files' paths and contents, from (relative path, sha256) pairs."""
    return _hash([list(f) for f in files])


def _hash(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()


# --- building ------------------------------------------------------------------------------------------
def load_or_build(corpus: Path, params: Params) -> Indexed:
    """The corpus's index: loaded when the saved one is still valid, else built (reusing what it can) and
    saved. Raises CorpusError, listing every problem, when the corpus cannot be served."""
    with _collector_paused():
        return _load_or_build(corpus, params)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while an index is loaded or built.

    That allocates several tracked objects per passage (documents, passages, decoded JSON), all of which
    stay alive: the collector, triggered by the count of allocations, rescans every live object (the old
    index's too) several times and finds nothing, a quarter of a reload at 10,000 releases (2.1 -> 1.6 s).
    Reference counting still frees everything the build drops; the collector resumes afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_or_build(corpus: Path, params: Params) -> Indexed:
    analysis = analysis_key(params.title_weight)
    with open_saved(corpus, analysis) as saved:
        reader = _Reader(corpus, saved)
        documents = require_corpus(corpus, reader.parse)
        entries = reader.entries(documents)
        corpus_print = fingerprint([(e.path, e.sha256) for e in entries])
        key = index_key(corpus_print, params)
        if saved is not None and saved.key == key:
            try:
                postings = saved.postings(params)
                return Indexed(documents, [p for e in entries for p in e.passages], postings, corpus_print,
                               loaded=True)
            except StoreError as exc:
                log.warning("saved index %s is unusable (%s): rebuilding", saved.path, exc)
        passages, bags, postings = build(entries, params, saved)
    save(corpus, key, analysis, entries, bags, postings)
    return Indexed(documents, passages, postings, corpus_print, loaded=False)


def build(entries: Sequence[Entry], params: Params, saved: Saved | None = None
          ) -> tuple[list[Passage], Bags, Postings]:
    """Index entries; those the saved index already holds (same path and hash) reuse its passages and bags."""
    reused = saved.rows() if saved is not None else {}
    saved_bags = None
    if saved is not None and any((e.path, e.sha256) in reused for e in entries):
        try:
            saved_bags = saved.bags()
        except StoreError as exc:
            log.warning("saved index %s is unusable (%s): analyzing every file", saved.path, exc)
    passages: list[Passage] = []
    fresh: list[Passage] = []
    sources: list[tuple[bool, int, int]] = []  # (from the saved bags, first row, rows) per entry
    for entry in entries:
        rows = reused.get((entry.path, entry.sha256)) if saved_bags is not None else None
        if rows is not None:
            sources.append((True, rows, len(entry.passages)))
        else:
            sources.append((False, len(fresh), len(entry.passages)))
            fresh.extend(entry.passages)
        passages.extend(entry.passages)
    fresh_bags = Bags.from_tokens(passage_terms(p, params.title_weight) for p in fresh)
    if saved_bags is None:
        bags = fresh_bags
    else:
        bags = Bags.join([(saved_bags if from_saved else fresh_bags, np.arange(first, first + n, dtype=np.int64))
                          for from_saved, first, n in _runs(sources)])
    return passages, bags, Postings.from_bags(bags, k1=params.k1, b=params.b, epsilon=params.epsilon)


def _runs(sources: Sequence[tuple[bool, int, int]]) -> Iterator[tuple[bool, int, int]]:
    """Consecutive row ranges of the same source merged, so a join takes few slices."""
    current: tuple[bool, int, int] | None = None
    for source, first, n in sources:
        if current is not None and current[0] == source and current[1] + current[2] == first:
            current = (source, current[1], current[2] + n)
            continue
        if current is not None:
            yield current
        current = (source, first, n)
    if current is not None:
        yield current


class _Reader:
    """The corpus loader's parser: a file whose bytes the saved index already holds is not parsed again."""

    def __init__(self, corpus: Path, saved: Saved | None) -> None:
        self.corpus = corpus
        self.prefix = os.path.join(os.fspath(corpus), "")
        self.saved = {(e.path, e.sha256): e for e in saved.entries} if saved is not None else {}
        self.parsed: list[tuple[str, str, Entry | None]] = []  # files that gave a document, in order

    def parse(self, path: Path, raw: bytes) -> tuple[Document | None, list[Problem]]:
        text = os.fspath(path)  # Path.relative_to costs 25 µs a file: a quarter second at 10,000 files
        fast = text.startswith(self.prefix)
        relative = text[len(self.prefix) :] if fast else path.relative_to(self.corpus).as_posix()
        sha = hashlib.sha256(raw).hexdigest()
        entry = self.saved.get((relative, sha))
        if entry is not None:
            self.parsed.append((relative, sha, entry))
            return entry.document, []
        doc, problems = parse_document(path, raw)
        if doc is not None:
            self.parsed.append((relative, sha, None))
        return doc, problems

    def entries(self, documents: Sequence[Document]) -> list[Entry]:
        """The entries of a corpus that loaded without problems (then each parsed file is one document)."""
        if len(documents) != len(self.parsed):
            raise RuntimeError("corpus loader returned documents that were not parsed through the store")
        return [entry if entry is not None else Entry(relative, sha, doc, tuple(split_document(doc)))
                for doc, (relative, sha, entry) in zip(documents, self.parsed, strict=True)]
