"""The saved index: a restart loads it instead of re-indexing, and a rebuild re-analyzes only changed files.

One file, `<corpus>/.index/index.zip`, written to a temporary name and renamed over the old one, so a
reader sees a whole old file or a whole new one. It holds a manifest, each corpus file's path, hash,
document and passages (JSON, one list per field), the passages' term bags and the BM25 postings (numpy
arrays, no pickles; the zip's CRCs catch a damaged member).

It is valid for one key: a hash of every corpus file's bytes, ANALYZER_VERSION, the code of the modules
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
import itertools
import json
import logging
import os
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import IO, Any

import numpy as np
import numpy.typing as npt

from retrieval import analyzer
from retrieval.corpus import Problem, parse_document, require_corpus
from retrieval.document import Document, Passage
from retrieval.index import DEFAULT_TITLE_WEIGHT, passage_terms
from retrieval.passages import split_document
from retrieval.scoring import Bags, Postings

log = logging.getLogger(__name__)

STORE_DIR = ".index"  # hidden: the corpus loader skips it
STORE_FILE = "index.zip"
FORMAT = "1"
# Modules whose code decides what a saved index holds: editing any of them makes saved indexes stale.
CODE_MODULES = ("analyzer", "stopwords", "sentences", "passages", "document", "corpus", "index", "scoring",
                "store")
_JSON_CHUNK = 10_000
_ARRAYS = {"bag_offsets": np.int64, "bag_terms": np.int32, "bag_counts": np.int32, "offsets": np.int64,
           "passages": np.int32, "impacts": np.float64, "idf": np.float64}


@dataclass(frozen=True)
class Params:
    """The settings an index is built with (the `retrieval:` section of the configuration)."""

    k1: float = 1.5
    b: float = 0.75
    epsilon: float = 0.25
    title_weight: int = DEFAULT_TITLE_WEIGHT


@dataclass(frozen=True)
class Indexed:
    """A corpus's documents, passages and postings; `loaded` says they came from the saved index."""

    documents: list[Document]
    passages: list[Passage]
    postings: Postings
    fingerprint: str
    loaded: bool


@dataclass(frozen=True)
class Entry:
    """One corpus file as indexed: its path and hash, its document and that document's passages."""

    path: str
    sha256: str
    document: Document
    passages: tuple[Passage, ...]


class StoreError(ValueError):
    """A saved index that cannot be used; it is ignored and rebuilt."""


def store_path(corpus: Path) -> Path:
    return corpus / STORE_DIR / STORE_FILE


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


# --- the saved file ----------------------------------------------------------------------------------
class Saved:
    """An open saved index; arrays are read when asked for, from the same open file."""

    def __init__(self, path: Path, archive: zipfile.ZipFile, manifest: dict[str, Any]) -> None:
        self.path = path
        self.archive = archive
        self.manifest = manifest
        self.key = str(manifest["key"])
        self.entries = self._entries()
        self.passages = sum(len(e.passages) for e in self.entries)
        if self.passages != manifest["passages"]:
            raise StoreError("passage count differs from the manifest")

    def _entries(self) -> list[Entry]:
        files = self._columns("files", _FILE_COLUMNS)
        documents = _rows(Document, self._columns("documents", _names(Document)))
        passages = iter(_rows(Passage, self._columns("passages", _names(Passage))))
        if len(documents) != len(files["path"]):
            raise StoreError("files and documents differ in number")
        entries = [Entry(str(path), str(sha), doc, tuple(itertools.islice(passages, n)))
                   for path, sha, n, doc in zip(files["path"], files["sha256"], files["passages"], documents,
                                                strict=True)]
        if next(passages, None) is not None:
            raise StoreError("more passages than the files have")
        return entries

    def _columns(self, table: str, names: Sequence[str]) -> dict[str, list[Any]]:
        columns = {name: json.loads(self.archive.read(f"{table}/{name}.json")) for name in names}
        if len({len(c) for c in columns.values()}) > 1 or not all(isinstance(c, list) for c in columns.values()):
            raise StoreError(f"{table} columns differ in length")
        return columns

    def rows(self) -> dict[tuple[str, str], int]:
        """Each file's first passage row in the saved bags."""
        rows: dict[tuple[str, str], int] = {}
        start = 0
        for entry in self.entries:
            rows[(entry.path, entry.sha256)] = start
            start += len(entry.passages)
        return rows

    def array(self, name: str) -> npt.NDArray[Any]:
        try:
            with self.archive.open(f"{name}.npy") as data:
                array = np.lib.format.read_array(data, allow_pickle=False)
        except Exception as exc:  # a damaged member: bad zip, CRC mismatch, bad header
            raise StoreError(f"{name}: {type(exc).__name__}: {exc}") from exc
        if array.dtype != _ARRAYS[name] or array.ndim != 1:
            raise StoreError(f"{name} has dtype {array.dtype} and {array.ndim} dimensions")
        return array

    def vocabulary(self) -> list[str]:
        try:
            text = self.archive.read("vocabulary.txt").decode("utf-8")
        except Exception as exc:  # a damaged member: bad zip, CRC mismatch, not UTF-8
            raise StoreError(f"vocabulary: {type(exc).__name__}: {exc}") from exc
        return text.split("\n") if text else []

    def bags(self) -> Bags:
        bags = Bags(vocabulary=tuple(self.vocabulary()), offsets=self.array("bag_offsets"),
                    terms=self.array("bag_terms"), counts=self.array("bag_counts"))
        _check_csr(bags.offsets, len(bags.terms), self.passages, "bag")
        if len(bags.counts) != len(bags.terms) or not _within(bags.terms, len(bags.vocabulary)):
            raise StoreError("bags do not match their vocabulary")
        return bags

    def postings(self, params: Params) -> Postings:
        vocabulary = self.vocabulary()
        offsets, passages, impacts, idf = (self.array(n) for n in ("offsets", "passages", "impacts", "idf"))
        _check_csr(offsets, len(passages), len(vocabulary), "postings")
        if len(impacts) != len(passages) or len(idf) != len(vocabulary) or not _within(passages, self.passages):
            raise StoreError("postings do not match the passages")
        return Postings(vocabulary={t: i for i, t in enumerate(vocabulary)}, offsets=offsets, passages=passages,
                        impacts=impacts, size=self.passages, k1=params.k1, b=params.b, epsilon=params.epsilon,
                        idf=idf, avgdl=float(self.manifest["avgdl"]))


def _check_csr(offsets: npt.NDArray[np.int64], entries: int, rows: int, what: str) -> None:
    if len(offsets) != rows + 1 or offsets[0] != 0 or offsets[-1] != entries or np.any(np.diff(offsets) < 0):
        raise StoreError(f"{what} offsets are inconsistent")


def _within(values: npt.NDArray[np.int32], bound: int) -> bool:
    return len(values) == 0 or (int(values.min()) >= 0 and int(values.max()) < bound)


_FILE_COLUMNS = ("path", "sha256", "passages")


def _names(kind: type[Document] | type[Passage]) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


def _rows(kind: type[Any], columns: dict[str, list[Any]]) -> list[Any]:
    """Dataclass objects from columns in field order (JSON lists back to tuples)."""
    values = [[tuple(v) if isinstance(v, list) else v for v in c] if any(isinstance(v, list) for v in c) else c
              for c in columns.values()]
    return [kind(*row) for row in zip(*values, strict=True)]


def _write_column(out: IO[bytes], values: Sequence[Any]) -> None:
    """A JSON list, written in chunks: a column of a million passages is never one string."""
    out.write(b"[")
    for start in range(0, len(values), _JSON_CHUNK):
        if start:
            out.write(b",")
        out.write(json.dumps(values[start : start + _JSON_CHUNK], ensure_ascii=False)[1:-1].encode())
    out.write(b"]")


@contextmanager
def open_saved(corpus: Path, analysis: str) -> Iterator[Saved | None]:
    """The corpus's saved index if it was built with this analysis, else None (logged if unreadable)."""
    path = store_path(corpus)
    if not path.is_file():
        yield None
        return
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        log.warning("saved index %s is unreadable (%s): rebuilding", path, exc)
        yield None
        return
    with archive:
        saved: Saved | None = None
        try:
            manifest = json.loads(archive.read("manifest.json"))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise StoreError("another format")
            if manifest.get("analysis") == analysis:
                saved = Saved(path, archive, manifest)
            else:
                log.info("saved index %s was built by other code or settings: rebuilding", path)
        # A cache must never stop the bot: whatever a damaged file raises (bad zip, CRC mismatch, bad
        # JSON, wrong fields), the answer is to rebuild.
        except Exception as exc:
            log.warning("saved index %s is unusable (%s: %s): rebuilding", path, type(exc).__name__, exc)
        yield saved


def save(corpus: Path, key: str, analysis: str, entries: Sequence[Entry], bags: Bags, postings: Postings) -> bool:
    """Write the index beside the corpus, atomically; False (logged) when it cannot be written."""
    directory = corpus / STORE_DIR
    tmp: str | None = None
    try:
        directory.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix="index-", suffix=".tmp", dir=directory)
        with os.fdopen(fd, "wb") as raw:
            write(raw, key, analysis, entries, bags, postings)
        os.replace(tmp, directory / STORE_FILE)
        return True
    except (OSError, ValueError) as exc:
        log.warning("could not save the index in %s (%s): the next start re-indexes", directory, exc)
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return False


def write(raw: IO[bytes], key: str, analysis: str, entries: Sequence[Entry], bags: Bags,
          postings: Postings) -> None:
    """The saved-index file's members, streamed: no member is held in memory whole."""
    if any("\n" in t for t in bags.vocabulary):
        raise ValueError("a term contains a line break")  # cannot happen with \w+ tokens
    if bags.vocabulary != tuple(postings.vocabulary):
        raise ValueError("bags and postings have different vocabularies")
    with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_STORED) as archive:
        manifest = {"format": FORMAT, "key": key, "analysis": analysis, "passages": postings.size,
                    "avgdl": postings.avgdl, "files": len(entries)}
        archive.writestr("manifest.json", json.dumps(manifest))
        # Column by column (one JSON list per field): the C encoder and decoder handle lists of strings
        # many times faster than one object per document.
        passages = [p for e in entries for p in e.passages]
        tables: dict[str, tuple[tuple[str, ...], Sequence[Any]]] = {
            "files": (_FILE_COLUMNS, [(e.path, e.sha256, len(e.passages)) for e in entries]),
            "documents": (_names(Document), [e.document for e in entries]),
            "passages": (_names(Passage), passages)}
        for table, (names, rows) in tables.items():
            for i, name in enumerate(names):
                column = [r[i] for r in rows] if table == "files" else [getattr(r, name) for r in rows]
                with archive.open(f"{table}/{name}.json", "w", force_zip64=True) as out:
                    _write_column(out, column)
        archive.writestr("vocabulary.txt", "\n".join(bags.vocabulary))
        arrays = {"bag_offsets": bags.offsets, "bag_terms": bags.terms, "bag_counts": bags.counts,
                  "offsets": postings.offsets, "passages": postings.passages, "impacts": postings.impacts,
                  "idf": postings.idf}
        for name, array in arrays.items():
            with archive.open(f"{name}.npy", "w", force_zip64=True) as out:
                np.lib.format.write_array(out, np.ascontiguousarray(array, dtype=_ARRAYS[name]),
                                          allow_pickle=False)
