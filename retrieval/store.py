"""An index's life: built from the corpus, saved beside it, loaded back at a restart, reloaded when a file
changes. The service calls one function, `open_index`; each corpus file is read once per call.

One fingerprint says what the served index was made from: every press release's path and hash, plus the
files that change answers without being indexed (the glossary, the agency's profile). A reload whose
fingerprint equals the served one's stops there. Otherwise the saved index is loaded as it is when it
was made for the same press releases and settings (its key: their hashes, ANALYZER_VERSION, the code of
the modules that decide what is indexed, the BM25 parameters and title_weight); else the index is rebuilt,
re-analyzing only the files whose bytes the saved index does not hold, and saved. Anything wrong with the
saved file (missing, truncated, corrupt, another format) is logged and the index rebuilt: it is a cache,
so reading it never stops the bot from starting; nor does failing to write it.

Usage::

    opened = open_index(Path("corpus"), Params(), load_glossary)      # CorpusError lists every problem
    opened.index.search("IOM"), opened.fingerprint, opened.loaded
    open_index(Path("corpus"), Params(), load_glossary, previous=opened.fingerprint)  # None: unchanged
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from pressbot.retrieval import analyzer
from pressbot.retrieval.bags import Bags
from pressbot.retrieval.corpus import Checks, CorpusError, Problem, listed, parse_document, read_file
from pressbot.retrieval.document import Document, Passage
from pressbot.retrieval.glossary import Glossary
from pressbot.retrieval.index import Index, Params, passage_terms
from pressbot.retrieval.passages import split_document
from pressbot.retrieval.saved import FORMAT, Entry, Saved, StoreError, open_saved, save
from pressbot.retrieval.scoring import Postings

log = logging.getLogger(__name__)

# Modules whose code decides what a saved index holds: editing any of them makes saved indexes stale.
CODE_MODULES = ("analyzer", "stopwords", "sentences", "passages", "document", "corpus", "index", "scoring",
                "store", "bags", "saved", "structure")


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


# --- the lifecycle -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Opened:
    """An index ready to serve, the fingerprint of what it was made from, and whether it was loaded from
    the saved index (without re-indexing)."""

    index: Index
    fingerprint: str
    loaded: bool


@dataclass(frozen=True)
class _File:
    """One corpus file as read: its hash, the saved entry holding the same bytes if any, its bytes while they
    are still needed (to parse it, or to locate a key of a reused document for a problem)."""

    path: Path
    relative: str
    sha256: str
    entry: Entry | None
    raw: bytes | None
    parsed: tuple[Document | None, list[Problem]] | None = None


GlossarySource = Glossary | Callable[[], Glossary] | None


def open_index(corpus: Path, params: Params, glossary: GlossarySource = None, previous: str | None = None,
               extra: Sequence[Path] = ()) -> Opened | None:
    """The corpus's index, or None when its fingerprint equals `previous` (nothing to reload).

    `glossary`: the query-time vocabulary, or a function loading it, called only once the corpus has changed.
    `extra`: files outside the press releases whose bytes count in the fingerprint (missing ones are left
    out). Raises CorpusError, listing every problem, when the corpus cannot be served.
    """
    with _collector_paused():
        analysis = analysis_key(params.title_weight)
        with open_saved(corpus, analysis) as saved:
            known = {(e.path, e.sha256): e for e in saved.entries} if saved is not None else {}
            # Without a fingerprint to compare with, files are parsed as they are read and their bytes dropped.
            files, problems, corpus_print = _read(corpus, known, parse_now=previous is None)
            served_print = _served_fingerprint(corpus_print, extra)
            if previous is not None and served_print == previous and not problems:
                return None
            vocabulary = glossary() if callable(glossary) else glossary
            entries = _entries(files, problems)
            key = index_key(corpus_print, params)
            if saved is not None and saved.key == key:
                try:
                    return Opened(_index(entries, saved.postings(params), params, vocabulary), served_print,
                                  loaded=True)
                except StoreError as exc:
                    log.warning("saved index %s is unusable (%s): rebuilding", saved.path, exc)
            bags, postings = build(entries, params, saved)
        save(corpus, key, analysis, entries, bags, postings)
        del bags
        return Opened(_index(entries, postings, params, vocabulary), served_print, loaded=False)


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


def corpus_fingerprint(corpus: Path, extra: Sequence[Path] = ()) -> str:
    """The fingerprint `open_index` gives the corpus (reading every file, parsing none)."""
    return _served_fingerprint(_read(corpus, {}, parse_now=False, keep=False)[2], extra)


def _read(corpus: Path, known: dict[tuple[str, str], Entry], parse_now: bool, keep: bool = True
          ) -> tuple[list[_File], list[Problem], str]:
    """Every corpus file read once: its hash, its saved entry, and (`parse_now`) its document; the problems of
    files that cannot be read; the press releases' fingerprint."""
    files, problems = listed(corpus)
    prefix = os.path.join(os.fspath(corpus), "")
    read: list[_File] = []
    pairs: list[tuple[str, str]] = []
    for path in files:
        text = os.fspath(path)  # Path.relative_to costs 25 µs a file: a quarter second at 10,000 files
        relative = text[len(prefix) :] if text.startswith(prefix) else path.relative_to(corpus).as_posix()
        raw = read_file(path)
        if isinstance(raw, Problem):
            problems.append(raw)
            pairs.append((relative, "unreadable"))
            continue
        sha = hashlib.sha256(raw).hexdigest()
        pairs.append((relative, sha))
        if not keep:
            continue
        entry = known.get((relative, sha))
        parsed = parse_document(path, raw) if parse_now and entry is None else None
        doc = entry.document if entry is not None else parsed[0] if parsed is not None else None
        needed = (entry is None and parsed is None) or (doc is not None and bool(doc.translations))
        read.append(_File(path, relative, sha, entry, raw if needed else None, parsed))
    return read, problems, fingerprint(pairs)


def _entries(files: Sequence[_File], problems: list[Problem]) -> list[Entry]:
    """The corpus's entries in corpus order (parsing the files not parsed yet, splitting the new documents), or
    CorpusError with every problem, the cross-file ones (corpus.Checks) included."""
    checks = Checks()
    checks.problems = problems
    accepted: list[tuple[_File, Document]] = []
    for file in files:
        if file.entry is not None:
            doc: Document | None = file.entry.document
        else:
            doc, found = file.parsed or parse_document(file.path, file.raw or b"")
            checks.problems.extend(found)
        if doc is not None and checks.add(file.path, doc, file.raw):
            accepted.append((file, doc))
    problems = checks.result()[1]
    if problems:
        raise CorpusError(problems)
    return [file.entry or Entry(file.relative, file.sha256, doc, tuple(split_document(doc))) for file, doc in accepted]


def _served_fingerprint(corpus_print: str, extra: Sequence[Path]) -> str:
    """The press releases' fingerprint with the bytes of the extra files (the glossary, the agency's profile)."""
    extras = []
    for path in extra:
        raw = read_file(path) if path.is_file() else None
        extras.append([path.name, hashlib.sha256(raw).hexdigest() if isinstance(raw, bytes) else None])
    return _hash([corpus_print, extras]) if extras else corpus_print


def _index(entries: Sequence[Entry], postings: Postings, params: Params, glossary: Glossary | None) -> Index:
    return Index(documents=[e.document for e in entries], passages=[p for e in entries for p in e.passages],
                 postings=postings, title_weight=params.title_weight, glossary=glossary)


def build(entries: Sequence[Entry], params: Params, saved: Saved | None = None) -> tuple[Bags, Postings]:
    """Index entries; those the saved index already holds (same path and hash) reuse its passages and bags."""
    reused = saved.rows() if saved is not None else {}
    saved_bags = None
    if saved is not None and any((e.path, e.sha256) in reused for e in entries):
        try:
            saved_bags = saved.bags()
        except StoreError as exc:
            log.warning("saved index %s is unusable (%s): analyzing every file", saved.path, exc)
    fresh: list[Passage] = []
    sources: list[tuple[bool, int, int]] = []  # (from the saved bags, first row, rows) per entry
    for entry in entries:
        rows = reused.get((entry.path, entry.sha256)) if saved_bags is not None else None
        if rows is not None:
            sources.append((True, rows, len(entry.passages)))
        else:
            sources.append((False, len(fresh), len(entry.passages)))
            fresh.extend(entry.passages)
    fresh_bags = Bags.from_tokens(passage_terms(p, params.title_weight) for p in fresh)
    if saved_bags is None:
        bags = fresh_bags
    else:
        bags = Bags.join([(saved_bags if from_saved else fresh_bags, np.arange(first, first + n, dtype=np.int64))
                          for from_saved, first, n in _runs(sources)])
    return bags, Postings.from_bags(bags, k1=params.k1, b=params.b, epsilon=params.epsilon)


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
