"""The saved index file: one zip, `<corpus>/.index/index.zip`, written whole or not at all.

It holds a manifest, each corpus file's path, hash, document and passages (JSON, one list per field), the
passages' term bags and the BM25 postings (numpy arrays, no pickles; the zip's CRCs catch a damaged
member). It is written to a temporary name and renamed over the old one, so a reader sees a whole old
file or a whole new one. What makes it valid (the keys) and when it is rebuilt is `store.py`'s business.

Usage::

    with open_saved(Path("corpus"), analysis) as saved:     # None when missing or for other code
        if saved is not None and saved.key == key:
            postings = saved.postings(params)
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import IO, Any

import numpy as np
import numpy.typing as npt

from pressbot.retrieval.bags import Bags
from pressbot.retrieval.document import Document, Passage
from pressbot.retrieval.index import Params
from pressbot.retrieval.scoring import Postings

log = logging.getLogger(__name__)

STORE_DIR = ".index"  # hidden: the corpus loader skips it
STORE_FILE = "index.zip"
FORMAT = "1"
_JSON_CHUNK = 10_000
_ARRAYS = {"bag_offsets": np.int64, "bag_terms": np.int32, "bag_counts": np.int32, "offsets": np.int64,
           "passages": np.int32, "impacts": np.float64, "idf": np.float64}


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
