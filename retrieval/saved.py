"""The saved index file: one zip, `<corpus>/.index/index.zip`, written whole or not at all.

It holds a manifest, each corpus file's path, hash and passage count and its document's metadata (JSON, one
list per field; the texts are in the passages), the passages as columns (table.py: their UTF-8 text, raw,
and numpy arrays), their term bags and the BM25 postings (numpy arrays, no pickles). Members are stored
uncompressed, so the arrays and the text are memory-mapped where they lie in the file: a restart reads
(and keeps resident) only what questions touch. Every member's CRC is checked once when the file is
opened, by streaming it (not mapping it), so a damaged file is still caught. It is written to a temporary
name and renamed over the old one, so a reader sees a whole old file or a whole new one; a file already
mapped by a serving index stays readable after the rename. What makes it valid (the keys) and when it is
rebuilt is `store.py`'s business.

Usage::

    with open_saved(Path("corpus"), analysis) as saved:     # None when missing or for other code
        if saved is not None and saved.key == key:
            postings, table = saved.postings(params), saved.table()
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import struct
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
from pressbot.retrieval.document import Document
from pressbot.retrieval.index import Params
from pressbot.retrieval.scoring import Impacts, Postings
from pressbot.retrieval.table import FileText, PassageTable, Text

log = logging.getLogger(__name__)

STORE_DIR = ".index"  # hidden: the corpus loader skips it
STORE_FILE = "index.zip"
FORMAT = "2"
TEXT = "passage_text.bin"  # the passages' UTF-8 text, raw
_JSON_CHUNK = 10_000
_ARRAYS = {"bag_offsets": np.int64, "bag_terms": np.int32, "bag_counts": np.int32, "offsets": np.int64,
           "passages": np.int32, "impacts": np.float64, "idf": np.float64, "passage_starts": np.int64,
           "passage_headings": np.int32, "passage_doc": np.int32, "passage_position": np.int32}
_COPY_CHUNK = 1 << 20
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # a zip member's local header, before its name and extra field


@dataclass(frozen=True, slots=True)
class Entry:
    """One corpus file as indexed: its path and hash, its document's metadata, and its passages' rows in the
    index (`first`, `count`)."""

    path: str
    sha256: str
    document: Document
    first: int
    count: int


class StoreError(ValueError):
    """A saved index that cannot be used; it is ignored and rebuilt."""


def store_path(corpus: Path) -> Path:
    return corpus / STORE_DIR / STORE_FILE


def metadata(doc: Document) -> Document:
    """A document without its text (what the index keeps: the text is in its passages)."""
    return dataclasses.replace(doc, text="") if doc.text else doc


class Saved:
    """An open saved index; arrays are memory-mapped when asked for."""

    def __init__(self, path: Path, archive: zipfile.ZipFile, manifest: dict[str, Any]) -> None:
        self.path = path
        self.archive = archive
        self.manifest = manifest
        self.key = str(manifest["key"])
        self.entries = self._entries()
        self.passages = sum(e.count for e in self.entries)
        if self.passages != manifest["passages"]:
            raise StoreError("passage count differs from the manifest")

    def _entries(self) -> list[Entry]:
        files = self._columns("files", _FILE_COLUMNS)
        documents = _rows(Document, self._columns("documents", _DOCUMENT_COLUMNS), text="")
        if len(documents) != len(files["path"]):
            raise StoreError("files and documents differ in number")
        entries: list[Entry] = []
        first = 0
        for path, sha, count, doc in zip(files["path"], files["sha256"], files["passages"], documents, strict=True):
            if not isinstance(count, int) or count < 0:
                raise StoreError(f"bad passage count {count!r}")
            entries.append(Entry(str(path), str(sha), doc, first, count))
            first += count
        return entries

    def _columns(self, table: str, names: Sequence[str]) -> dict[str, list[Any]]:
        columns = {name: json.loads(self.archive.read(f"{table}/{name}.json")) for name in names}
        if len({len(c) for c in columns.values()}) > 1 or not all(isinstance(c, list) for c in columns.values()):
            raise StoreError(f"{table} columns differ in length")
        return columns

    def verify(self) -> None:
        """Every member's CRC, streamed (so nothing stays resident); StoreError for a damaged member."""
        for info in self.archive.infolist():
            try:
                if info.compress_type != zipfile.ZIP_STORED:
                    raise StoreError("a compressed member cannot be mapped")
                with self.archive.open(info) as member:
                    while member.read(_COPY_CHUNK):
                        pass
            except Exception as exc:  # a damaged member: bad zip, CRC mismatch
                raise StoreError(f"{info.filename}: {type(exc).__name__}: {exc}") from exc

    def _data_offset(self, name: str) -> tuple[int, int]:
        """Where a member's bytes start in the file, and how many there are."""
        info = self.archive.getinfo(name)
        with open(self.path, "rb") as raw:
            raw.seek(info.header_offset)
            header = _LOCAL_HEADER.unpack(raw.read(_LOCAL_HEADER.size))
        if header[0] != b"PK\x03\x04":
            raise StoreError(f"{name}: bad local header")
        return info.header_offset + _LOCAL_HEADER.size + header[-2] + header[-1], info.file_size

    def array(self, name: str) -> npt.NDArray[Any]:
        """A saved array, memory-mapped read-only."""
        try:
            start, size = self._data_offset(f"{name}.npy")
            with open(self.path, "rb") as raw:
                raw.seek(start)
                version = np.lib.format.read_magic(raw)
                shape, fortran, dtype = (np.lib.format.read_array_header_1_0(raw) if version == (1, 0)
                                         else np.lib.format.read_array_header_2_0(raw))
                header = raw.tell() - start
            if fortran or len(shape) != 1 or dtype != _ARRAYS[name]:
                raise StoreError(f"{name} has dtype {dtype} and shape {shape}")
            if header + shape[0] * dtype.itemsize != size:
                raise StoreError(f"{name} has {size} bytes for {shape[0]} values")
            if shape[0] == 0:
                return np.zeros(0, dtype=dtype)
            return _plain(np.memmap(self.path, dtype=dtype, mode="r", offset=start + header, shape=shape))
        except StoreError:
            raise
        except Exception as exc:  # a damaged member: bad zip, bad header
            raise StoreError(f"{name}: {type(exc).__name__}: {exc}") from exc

    def text(self, mapped: bool = True) -> Text:
        """The passages' text: memory-mapped (to serve), or read on demand (to copy while building)."""
        start, size = self._data_offset(TEXT)
        if not mapped:
            return FileText(open(self.path, "rb"), start, size)
        if size == 0:
            return np.zeros(0, dtype=np.uint8)
        return _plain(np.memmap(self.path, dtype=np.uint8, mode="r", offset=start, shape=(size,)))

    def vocabulary(self) -> list[str]:
        try:
            text = self.archive.read("vocabulary.txt").decode("utf-8")
        except Exception as exc:  # a damaged member: bad zip, CRC mismatch, not UTF-8
            raise StoreError(f"vocabulary: {type(exc).__name__}: {exc}") from exc
        return text.split("\n") if text else []

    def table(self, mapped: bool = True) -> PassageTable:
        """The passages, their text mapped from the file (or read on demand: `Saved.text`)."""
        table = PassageTable([e.document for e in self.entries], self.text(mapped), self.array("passage_starts"),
                             self.array("passage_headings"), self.array("passage_doc"),
                             self.array("passage_position"))
        _check_csr(table.starts, len(table.text), self.passages, "passage")
        if not (len(table.headings) == len(table.doc) == len(table.position) == self.passages):
            raise StoreError("passage columns differ in length")
        expected = np.repeat(np.arange(len(self.entries), dtype=np.int32), [e.count for e in self.entries])
        if not np.array_equal(table.doc, expected):
            raise StoreError("passages do not follow their files")
        return table

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
        # Their values are not scanned (the CRCs were checked): that would make every mapped page resident.
        if len(impacts) != len(passages) or len(idf) != len(vocabulary):
            raise StoreError("postings do not match the passages")
        return Postings(vocabulary={t: i for i, t in enumerate(vocabulary)}, offsets=offsets, passages=passages,
                        impacts=impacts, size=self.passages, k1=params.k1, b=params.b, epsilon=params.epsilon,
                        idf=idf, avgdl=float(self.manifest["avgdl"]))


def _plain(mapped: np.memmap[Any, Any]) -> npt.NDArray[Any]:
    """A mapped array as a plain ndarray over the same pages: np.memmap's Python-level hooks run on every
    slice, and queries slice the postings many times."""
    return mapped.view(np.ndarray)


def _check_csr(offsets: npt.NDArray[np.int64], entries: int, rows: int, what: str) -> None:
    if len(offsets) != rows + 1 or offsets[0] != 0 or offsets[-1] != entries or np.any(np.diff(offsets) < 0):
        raise StoreError(f"{what} offsets are inconsistent")


def _within(values: npt.NDArray[np.int32], bound: int) -> bool:
    return len(values) == 0 or (int(values.min()) >= 0 and int(values.max()) < bound)


_FILE_COLUMNS = ("path", "sha256", "passages")
_DOCUMENT_COLUMNS = tuple(f.name for f in fields(Document) if f.name != "text")


def _rows(kind: type[Any], columns: dict[str, list[Any]], **same: Any) -> list[Any]:
    """Dataclass objects from columns (JSON lists back to tuples), and `same` for every row."""
    values = {name: [tuple(v) if isinstance(v, list) else v for v in c] if any(isinstance(v, list) for v in c) else c
              for name, c in columns.items()}
    names = list(values)
    return [kind(**dict(zip(names, row, strict=True)), **same) for row in zip(*values.values(), strict=True)]


def _write_column(out: IO[bytes], values: Sequence[Any]) -> None:
    """A JSON list, written in chunks: a column of a million passages is never one string."""
    out.write(b"[")
    for start in range(0, len(values), _JSON_CHUNK):
        if start:
            out.write(b",")
        out.write(json.dumps(values[start : start + _JSON_CHUNK], ensure_ascii=False)[1:-1].encode())
    out.write(b"]")


@contextmanager
def open_saved(corpus: Path, analysis: str, verify: bool = True) -> Iterator[Saved | None]:
    """The corpus's saved index if it was built with this analysis, else None (logged if unreadable).
    `verify`: check every member's CRC (not for a file this process has just written)."""
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
                if verify:
                    saved.verify()
            else:
                log.info("saved index %s was built by other code or settings: rebuilding", path)
        # A cache must never stop the bot: whatever a damaged file raises (bad zip, CRC mismatch, bad
        # JSON, wrong fields), the answer is to rebuild.
        except Exception as exc:
            log.warning("saved index %s is unusable (%s: %s): rebuilding", path, type(exc).__name__, exc)
            saved = None
        yield saved


@dataclass(frozen=True)
class Contents:
    """What a saved index holds: the files in corpus order, the passages' columns (their text in `text`, a
    binary stream read from its start), and the bags with the BM25 statistics their postings are made from
    as they are written (`Impacts`)."""

    entries: Sequence[Entry]
    table: PassageTable
    text: IO[bytes]
    impacts: Impacts


def save(corpus: Path, key: str, analysis: str, contents: Contents) -> bool:
    """Write the index beside the corpus, atomically; False (logged) when it cannot be written."""
    directory = corpus / STORE_DIR
    tmp: str | None = None
    try:
        directory.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix="index-", suffix=".tmp", dir=directory)
        with os.fdopen(fd, "wb") as raw:
            write(raw, key, analysis, contents, directory)
        os.replace(tmp, directory / STORE_FILE)
        return True
    except (OSError, ValueError) as exc:
        log.warning("could not save the index in %s (%s): the next start re-indexes", directory, exc)
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return False


def write(raw: IO[bytes], key: str, analysis: str, contents: Contents, spill: Path | None = None) -> None:
    """The saved-index file's members, streamed: no member is held in memory whole. `spill`: a directory for a
    temporary file (on the saved file's disk; the system's temporary directory may be memory)."""
    impacts, entries = contents.impacts, contents.entries
    bags = impacts.bags
    if any("\n" in t for t in bags.vocabulary):
        raise ValueError("a term contains a line break")  # cannot happen with \w+ tokens
    with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_STORED) as archive:
        manifest = {"format": FORMAT, "key": key, "analysis": analysis, "passages": len(bags),
                    "avgdl": impacts.avgdl, "files": len(entries)}
        archive.writestr("manifest.json", json.dumps(manifest))
        # Column by column (one JSON list per field): the C encoder and decoder handle lists of strings
        # many times faster than one object per document.
        columns: tuple[list[Any], ...] = ([e.path for e in entries], [e.sha256 for e in entries],
                                          [e.count for e in entries])
        for name, column in zip(_FILE_COLUMNS, columns, strict=True):
            with archive.open(f"files/{name}.json", "w", force_zip64=True) as out:
                _write_column(out, column)
        for name in _DOCUMENT_COLUMNS:
            with archive.open(f"documents/{name}.json", "w", force_zip64=True) as out:
                _write_column(out, [getattr(e.document, name) for e in entries])
        with archive.open(TEXT, "w", force_zip64=True) as out:
            contents.text.seek(0)
            shutil.copyfileobj(contents.text, out, _COPY_CHUNK)
        archive.writestr("vocabulary.txt", "\n".join(bags.vocabulary))
        table = contents.table
        arrays = {"passage_starts": table.starts, "passage_headings": table.headings, "passage_doc": table.doc,
                  "passage_position": table.position, "bag_offsets": bags.offsets, "bag_terms": bags.terms,
                  "bag_counts": bags.counts, "offsets": impacts.offsets, "idf": impacts.idf}
        for name, array in arrays.items():
            with archive.open(f"{name}.npy", "w", force_zip64=True) as out:
                np.lib.format.write_array(out, np.ascontiguousarray(array, dtype=_ARRAYS[name]),
                                          allow_pickle=False)
        # The postings as they are made, a range of terms at a time: never held whole beside the bags. The
        # impacts go to a spill file meanwhile (a zip is written one member at a time), then are copied.
        with tempfile.TemporaryFile(dir=spill) as later:
            with archive.open("passages.npy", "w", force_zip64=True) as out:
                _write_header(out, "passages", len(impacts))
                _write_header(later, "impacts", len(impacts))
                for passages, values in impacts.chunks():
                    out.write(passages.data)
                    later.write(values.data)
            with archive.open("impacts.npy", "w", force_zip64=True) as out:
                later.seek(0)
                shutil.copyfileobj(later, out, _COPY_CHUNK)


def _write_header(out: IO[bytes], name: str, length: int) -> None:
    """The .npy header of a one-dimensional array of `length` values, written before its values are."""
    header = {"descr": np.lib.format.dtype_to_descr(np.dtype(_ARRAYS[name])), "fortran_order": False,
              "shape": (length,)}
    np.lib.format.write_array_header_1_0(out, header)
