"""Passages as columns: one UTF-8 buffer of their texts with offsets, and int32 arrays of document number and
position. A million `Passage` objects cost ~600 MiB (each one's text, id string and object); the columns
cost their text's bytes and 20 bytes a passage, and the saved index's columns are memory-mapped, so a
restart does not even read the texts it never quotes. A `Passage` is made on demand, for the few hits a
question returns.

Each passage's segment of the buffer is its heading (the heading it falls under, which counts towards its
terms like the title does, empty for most passages) followed by its text; `headings` holds the heading's
length in bytes.

Usage::

    writer = TableWriter(io.BytesIO())
    writer.add(0, split_document(doc))           # document number 0 of `documents`
    table = writer.finish(documents, np.frombuffer(buffer.getvalue(), dtype=np.uint8))
    table[0].text, table.doc_id(0), len(table)
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, overload

import numpy as np
import numpy.typing as npt

from pressbot.retrieval.document import Document, Passage, passage_id

Bytes = npt.NDArray[np.uint8]


class FileText:
    """The bytes of an open file, read on demand with pread. What a memory map reads stays resident (and
    counts in the process's RSS) while mapped; what is read this way does not: a build reads each text
    back this way, once, to analyze or copy it."""

    def __init__(self, file: IO[bytes], offset: int = 0, size: int | None = None) -> None:
        file.flush()
        self.file = file  # kept open as long as this is used
        self.offset = offset
        self.size = os.fstat(file.fileno()).st_size - offset if size is None else size

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, part: slice) -> bytes:
        start, stop, _ = part.indices(self.size)
        return os.pread(self.file.fileno(), max(stop - start, 0), self.offset + start)


Text = Bytes | FileText
Int32Array = npt.NDArray[np.int32]
Int64Array = npt.NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class PassageTable(Sequence[Passage]):
    """The passages of `documents`, in index order, as columns; indexing gives a `Passage`."""

    documents: Sequence[Document]  # by number; their text is not needed here
    text: Text  # UTF-8: passage i is text[starts[i]:starts[i + 1]], its heading first
    starts: Int64Array  # len(passages) + 1
    headings: Int32Array  # bytes of each passage's heading at the start of its segment
    doc: Int32Array  # the number of each passage's document
    position: Int32Array  # each passage's number in its document, from 1

    def __len__(self) -> int:
        return len(self.doc)

    @overload
    def __getitem__(self, i: int) -> Passage: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[Passage]: ...

    def __getitem__(self, i: int | slice) -> Passage | Sequence[Passage]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        doc, position = self.document(i), self.position.item(i)
        return Passage(id=passage_id(doc.id, position), doc_id=doc.id, position=position, title=self.title_of(i),
                       text=self.text_of(i), lang=doc.lang)

    def document(self, i: int) -> Document:
        """The document of passage i."""
        return self.documents[self.doc.item(i)]

    def heading_of(self, i: int) -> str:
        """The heading passage i falls under ("" if none): indexed with its title."""
        start = self.starts.item(i)
        return self._decode(start, start + self.headings.item(i))

    def title_of(self, i: int) -> str:
        """Passage i's title as it is indexed: its document's title, then the heading it falls under, if any."""
        title, heading = self.document(i).title, self.heading_of(i)
        return f"{title}\n{heading}" if heading else title

    def text_of(self, i: int) -> str:
        """Passage i's text (without its heading): what a hit quotes, without making the whole Passage."""
        return self._decode(self.starts.item(i) + self.headings.item(i), self.starts.item(i + 1))

    def _decode(self, start: int, end: int) -> str:
        part = self.text[start:end]
        return (part if isinstance(part, bytes) else part.tobytes()).decode("utf-8")

    def __iter__(self) -> Iterator[Passage]:
        return (self[i] for i in range(len(self)))

    def doc_id(self, i: int) -> str:
        return self.document(i).id

    def lang(self, i: int) -> str:
        return self.document(i).lang

    def language_counts(self) -> dict[str, int]:
        """How many passages each language has."""
        counts: dict[str, int] = {}
        per_doc = np.bincount(self.doc, minlength=len(self.documents))
        for doc, n in zip(self.documents, per_doc.tolist(), strict=True):
            if n:
                counts[doc.lang] = counts.get(doc.lang, 0) + n
        return counts

    @classmethod
    def of(cls, documents: Sequence[Document], passages: Iterable[Passage]) -> PassageTable:
        """The table of passages held as objects (Index.build's, a test's)."""
        number = {doc.id: i for i, doc in enumerate(documents)}
        buffer = _Buffer()
        writer = TableWriter(buffer)
        for passage in passages:
            writer.add(number[passage.doc_id], [passage], documents[number[passage.doc_id]].title)
        return writer.finish(documents, np.frombuffer(bytes(buffer.data), dtype=np.uint8))


class TableWriter:
    """Builds a table a document at a time, writing the text to a binary stream (a spill file or a zip
    member) so that the texts are never all held as str objects; the small columns grow in compact arrays."""

    def __init__(self, out: IO[bytes] | _Buffer) -> None:
        self.out = out
        self.starts = array("q", [0])
        self.headings = array("i")
        self.doc = array("i")
        self.position = array("i")

    def add(self, number: int, passages: Sequence[Passage], title: str) -> None:
        """The passages of document `number` (whose title is `title`)."""
        size = self.starts[-1]
        for passage in passages:
            under = passage.title[len(title) + 1 :] if passage.title != title else ""
            head = under.encode("utf-8")
            body = passage.text.encode("utf-8")
            self.out.write(head)
            self.out.write(body)
            size += len(head) + len(body)
            self.starts.append(size)
            self.headings.append(len(head))
            self.doc.append(number)
            self.position.append(passage.position)

    def copy(self, table: PassageTable, first: int, last: int, number: int) -> None:
        """Rows [first, last) of another table (a saved index's), as document `number`'s passages."""
        lo, hi = int(table.starts[first]), int(table.starts[last])
        self.out.write(bytes(table.text[lo:hi]))
        self.starts.extend((self.starts[-1] - lo + table.starts[first + 1 : last + 1]).tolist())
        self.headings.extend(table.headings[first:last].tolist())
        self.doc.extend([number] * (last - first))
        self.position.extend(table.position[first:last].tolist())

    def columns(self) -> tuple[Int64Array, Int32Array, Int32Array, Int32Array]:
        """starts, headings, doc, position as numpy arrays."""
        return (np.array(self.starts, dtype=np.int64), np.array(self.headings, dtype=np.int32),
                np.array(self.doc, dtype=np.int32), np.array(self.position, dtype=np.int32))

    def finish(self, documents: Sequence[Document], text: Text) -> PassageTable:
        """The table, over `text`: the bytes written, read back (or memory-mapped)."""
        starts, headings, doc, position = self.columns()
        return PassageTable(documents, text, starts, headings, doc, position)


class _Buffer:
    """An in-memory byte stream (for small tables)."""

    def __init__(self) -> None:
        self.data = bytearray()

    def write(self, data: bytes) -> int:
        self.data += data
        return len(data)
