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

import dataclasses
import gc
import hashlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np
import numpy.typing as npt

from pressbot.retrieval.building import build
from pressbot.retrieval.corpus import Checks, CorpusError, Problem, listed, parse_document, read_file
from pressbot.retrieval.document import Document
from pressbot.retrieval.extras import Extras, Raw, parse_extras, paths, read_raw
from pressbot.retrieval.glossary import Glossary
from pressbot.retrieval.index import Index, Params
from pressbot.retrieval.keys import Fingerprint, analysis_key, index_key, served_fingerprint
from pressbot.retrieval.passages import split_document
from pressbot.retrieval.saved import (
    STORE_DIR,
    Contents,
    Entry,
    Saved,
    StoreError,
    metadata,
    open_saved,
    save,
)
from pressbot.retrieval.table import FileText, PassageTable, TableWriter

log = logging.getLogger(__name__)

# --- the lifecycle -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Opened:
    """An index ready to serve, the fingerprint of what it was made from, and whether it was loaded from
    the saved index (without re-indexing)."""

    index: Index
    fingerprint: str
    loaded: bool
    extras: Extras | None = None  # the glossary and the agency's profile, when asked for (`extras=True`)


@dataclass(slots=True)
class _File:
    """One corpus file as read: its hash, the saved entry holding the same bytes if any, its bytes while they
    are still needed (to parse it, or to locate a key of a reused document for a problem), and once parsed,
    its document's metadata and problems and its passages' rows in the fresh table."""

    # Slots and no tuple, list or string that another field can give: a quarter of a million files at a
    # million passages, each object held through the build.
    path: str  # not a Path: 360 bytes less a file (90 MiB at a million passages)
    cut: int  # path[cut:] is the path relative to the corpus
    sha256: bytes  # the digest: 48 bytes less than its hex
    entry: Entry | None
    raw: bytes | None
    parsed: bool = False
    doc: Document | None = None  # once parsed: its document's metadata, or None
    problems: tuple[Problem, ...] = ()  # once parsed: its problems
    first: int = 0  # its rows in the table of freshly split passages
    count: int = 0

    @property
    def relative(self) -> str:
        return self.path[self.cut :]


GlossarySource = Glossary | Callable[[], Glossary] | None


def open_index(corpus: Path, params: Params, glossary: GlossarySource = None, previous: str | None = None,
               extra: Sequence[Path] = (), extras: bool = False) -> Opened | None:
    """The corpus's index, or None when its fingerprint equals `previous` (nothing to reload).

    `glossary`: the query-time vocabulary, or a function loading it, called only once the corpus has changed.
    `extra`: files outside the press releases whose bytes count in the fingerprint (missing ones are left
    out). `extras`: instead of both, the corpus's glossary.yaml and agency.yaml (extras.py), each read once:
    hashed into the fingerprint, parsed once the corpus has changed, the glossary served and both returned
    in `Opened.extras`. Raises CorpusError, listing every problem (the extra files' first), when the corpus
    cannot be served.

    No Python object is kept per passage at any stage: new files are split as they are read (without a
    fingerprint to compare with) or once the corpus is known to have changed, their passages' texts written
    to a spill file beside the index; the index serves the saved file's columns, memory-mapped.
    """
    with _collector_paused(), _spill(corpus) as fresh_spill, _spill(corpus) as spill:
        analysis = analysis_key(params.title_weight)
        with open_saved(corpus, analysis) as saved:
            known = {(e.path, e.sha256): e for e in saved.entries} if saved is not None else {}
            fresh = TableWriter(fresh_spill)
            # Without a fingerprint to compare with, files are split as they are read and their bytes dropped.
            files, problems, corpus_print = _read(corpus, known, fresh if previous is None else None)
            raw = read_raw(paths(corpus) if extras else list(extra))
            served_print = served_fingerprint(corpus_print, raw)
            if previous is not None and served_print == previous and not problems:
                return None
            loaded, extra_problems = _extras(raw) if extras else (None, [])
            vocabulary = loaded.glossary if loaded is not None else glossary() if callable(glossary) else glossary
            key = index_key(corpus_print, params)
            try:
                if saved is not None and saved.key == key and all(f.entry is not None for f in files):
                    _check([(Path(f.path), f.entry.document, f.raw) for f in files if f.entry is not None],
                           problems)
                    if extra_problems:
                        raise CorpusError(extra_problems)
                    try:
                        return Opened(_served(saved, params, vocabulary), served_print, True, loaded)
                    except StoreError as exc:
                        log.warning("saved index %s is unusable (%s): rebuilding", saved.path, exc)
                # The extra files' problems are checked with the press releases', before anything is indexed.
                contents = _build(files, [*problems, *extra_problems], fresh, fresh_spill, spill, params, saved)
            except CorpusError as exc:
                raise CorpusError([*extra_problems, *(p for p in exc.problems if p not in extra_problems)]) from None
        del files
        if save(corpus, key, analysis, contents):
            with open_saved(corpus, analysis, verify=False) as written:
                if written is not None and written.key == key:
                    try:
                        return Opened(_served(written, params, vocabulary), served_print, False, loaded)
                    except StoreError as exc:  # cannot happen to a file just written, but it is a cache
                        log.warning("saved index %s is unusable (%s): serving from memory", written.path, exc)
        table = dataclasses.replace(contents.table, text=_mapped(spill))  # the mapping outlives the file
        postings = contents.impacts.postings()  # not saved: made in memory
        return Opened(Index(table.documents, table, postings, params.title_weight, vocabulary),
                      served_print, False, loaded)


def _extras(raw: Raw) -> tuple[Extras | None, list[Problem]]:
    """The extra files parsed, or their problems (reported with the press releases' problems)."""
    try:
        return parse_extras(raw), []
    except CorpusError as exc:
        return None, list(exc.problems)


def _served(saved: Saved, params: Params, glossary: Glossary | None) -> Index:
    """The index a saved file holds, its passages and postings memory-mapped."""
    table = saved.table()
    return Index(table.documents, table, saved.postings(params), params.title_weight, glossary)


@contextmanager
def _spill(corpus: Path) -> Iterator[IO[bytes]]:
    """A temporary file for passage texts, beside the saved index (on the corpus's disk: the system's
    temporary directory may be memory), else in the temporary directory."""
    directory = corpus / STORE_DIR
    try:
        directory.mkdir(exist_ok=True)
        spill = tempfile.TemporaryFile(dir=directory)  # noqa: SIM115 (closed below)
    except OSError:
        spill = tempfile.TemporaryFile()  # noqa: SIM115 (closed below)
    with spill:
        yield spill


def _mapped(spill: IO[bytes]) -> npt.NDArray[np.uint8]:
    """What was written to a spill file, memory-mapped (the mapping outlives the file's closing)."""
    spill.flush()
    size = spill.seek(0, os.SEEK_END)
    if size == 0:
        return np.zeros(0, dtype=np.uint8)
    return np.memmap(spill, dtype=np.uint8, mode="r", shape=(size,))


def corpus_fingerprint(corpus: Path, extra: Sequence[Path] = ()) -> str:
    """The fingerprint `open_index` gives the corpus (reading every file, parsing none)."""
    return served_fingerprint(_read(corpus, {}, None, keep=False)[2], read_raw(list(extra)))


def _read(corpus: Path, known: dict[tuple[str, str], Entry], fresh: TableWriter | None, keep: bool = True
          ) -> tuple[list[_File], list[Problem], str]:
    """Every corpus file read once: its hash, its saved entry, and (given `fresh`) a new file's document,
    its passages written to `fresh`; the problems of files that cannot be read; the press releases'
    fingerprint."""
    files, problems = listed(corpus)
    prefix = os.path.join(os.fspath(corpus), "")
    read: list[_File] = []
    pairs = Fingerprint()
    files.reverse()  # popped from the end: each Path freed once read
    while files:
        path = files.pop()
        text = os.fspath(path)  # Path.relative_to costs 25 µs a file: a quarter second at 10,000 files
        cut = len(prefix) if text.startswith(prefix) else len(text) - len(path.relative_to(corpus).as_posix())
        relative = text[cut:]
        raw = read_file(path)
        if isinstance(raw, Problem):
            problems.append(raw)
            pairs.add(relative, "unreadable")
            continue
        sha = hashlib.sha256(raw).digest()
        pairs.add(relative, sha.hex())
        if not keep:
            continue
        file = _File(text, cut, sha, known.get((relative, sha.hex())), raw)
        if fresh is not None and file.entry is None:
            _split(file, fresh)
        doc = file.entry.document if file.entry is not None else file.doc
        if (file.parsed or file.entry is not None) and not (doc is not None and doc.translations):
            file.raw = None  # parsed (or known from the saved index), and no key to locate later
        read.append(file)
    return read, problems, pairs.hexdigest()


def _split(file: _File, fresh: TableWriter) -> None:
    """Parse a file and write its passages to the fresh table; keep its document's metadata only."""
    doc, problems = parse_document(Path(file.path), file.raw if file.raw is not None else b"")
    if doc is not None:
        file.first = len(fresh.doc)
        passages = split_document(doc)
        fresh.add(0, passages, doc.title)
        file.count = len(passages)
        doc = metadata(doc)
    file.parsed, file.doc, file.problems = True, doc, tuple(problems)


def _check(documents: Sequence[tuple[Path, Document, bytes | None]], problems: list[Problem]) -> None:
    """CorpusError listing `problems` and the cross-file ones (corpus.Checks), if any."""
    checks = Checks()
    checks.problems = problems
    for path, doc, raw in documents:
        checks.add(path, doc, raw)
    found = checks.result()[1]
    if found:
        raise CorpusError(found)


def _build(files: Sequence[_File], problems: list[Problem], fresh: TableWriter, fresh_spill: IO[bytes],
           spill: IO[bytes], params: Params, saved: Saved | None) -> Contents:
    """Check and index the files (CorpusError listing every problem): the passages of files the saved index
    holds are copied from it with their bags, the others' are analyzed."""
    saved_table: PassageTable | None = None
    if saved is not None and any(f.entry is not None for f in files):
        try:
            saved_table = saved.table(mapped=False)  # checked once, and kept open to copy the reused rows from
        except StoreError as exc:
            log.warning("saved index %s is unusable (%s): analyzing every file", saved.path, exc)
    try:
        return _built(files, problems, fresh, fresh_spill, spill, params, saved, saved_table)
    finally:
        if saved_table is not None and isinstance(saved_table.text, FileText):
            saved_table.text.file.close()


def _built(files: Sequence[_File], problems: list[Problem], fresh: TableWriter, fresh_spill: IO[bytes],
           spill: IO[bytes], params: Params, saved: Saved | None, saved_table: PassageTable | None) -> Contents:
    """_build with the saved passage table open (None: nothing of the saved index is reused)."""
    reuse = saved_table is not None
    for file in files:
        if file.entry is not None and not reuse:  # the saved rows cannot be used: read it again
            file.entry, file.raw = None, file.raw or _reread(Path(file.path))
        if file.entry is None and not file.parsed:
            _split(file, fresh)
    accepted: list[tuple[Path, Document, bytes | None]] = []
    for f in files:
        doc = f.entry.document if f.entry is not None else f.doc
        if doc is not None:
            accepted.append((Path(f.path), doc, f.raw))
    problems = [*problems, *(p for f in files for p in f.problems)]
    order = {f.path: i for i, f in enumerate(files)}
    problems.sort(key=lambda p: order.get(p.path, len(files)))  # stable: a file's problems keep their order
    _check(accepted, problems)
    fresh_table = fresh.finish([Document(id="", title="", text="")], FileText(fresh_spill))
    writer = TableWriter(spill)
    entries: list[Entry] = []
    sources: list[tuple[int | None, int]] = []  # (first row in the saved bags or None, rows) per entry
    for file in files:
        first = len(writer.doc)
        if file.entry is not None and saved_table is not None:
            doc, (lo, n) = file.entry.document, (file.entry.first, file.entry.count)
            writer.copy(saved_table, lo, lo + n, len(entries))
            sources.append((lo, n))
        elif file.doc is not None:
            doc, (lo, n) = file.doc, (file.first, file.count)
            writer.copy(fresh_table, lo, lo + n, len(entries))
            sources.append((None, n))
        else:
            continue
        entries.append(Entry(file.relative, file.sha256.hex(), doc, first, n))
    table = writer.finish([e.document for e in entries], FileText(spill))
    return Contents(entries, table, spill, build(table, sources, params, saved if reuse else None))


def _reread(path: Path) -> bytes:
    raw = read_file(path)
    return raw if isinstance(raw, bytes) else b""


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
