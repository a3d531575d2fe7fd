"""The served index's passages as columns: no Python object per passage while serving.

A `Passage` object with its id and text strings costs about 250 bytes besides the text itself; at a million
passages that is a quarter of a gigabyte the index keeps for nothing but the ten it quotes per question. The
table keeps every text in one UTF-8 buffer with offsets, and each passage's document and position in int32
arrays; ids, titles and languages that follow the usual pattern (`DOC#POSITION`, the document's title and
language as its first passage has them) cost nothing, the rest are kept as exceptions. Indexing the table
gives back an equal `Passage`, built on demand.

Usage::

    >>> from pressbot.retrieval.document import Passage
    >>> table = PassageTable.of([Passage(id="d1#1", doc_id="d1", position=1, title="T", text="Hi.", lang="en")])
    >>> table[0].text, len(table)
    ('Hi.', 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import overload

import numpy as np
import numpy.typing as npt

from pressbot.retrieval.document import Passage


class PassageTable(Sequence[Passage]):
    """An immutable sequence of passages stored as columns (see the module's docstring)."""

    __slots__ = ("_doc", "_exceptions", "_langs", "_names", "_position", "_starts", "_text", "_titles")

    def __init__(self, names: tuple[str, ...], titles: tuple[str, ...], langs: tuple[str, ...],
                 doc: npt.NDArray[np.int32], position: npt.NDArray[np.int32], text: bytes,
                 starts: npt.NDArray[np.int64], exceptions: dict[int, Passage]) -> None:
        self._names, self._titles, self._langs = names, titles, langs  # per document (its first passage's)
        self._doc, self._position = doc, position
        self._text, self._starts = text, starts  # passage i's text is text[starts[i]:starts[i + 1]]
        self._exceptions = exceptions  # passages whose id, title or language is not the usual one

    @classmethod
    def of(cls, passages: Iterable[Passage]) -> PassageTable:
        """The table of passages (each passage object is read once and not kept)."""
        number: dict[str, int] = {}
        names: list[str] = []
        titles: list[str] = []
        langs: list[str] = []
        doc: list[int] = []
        position: list[int] = []
        lengths: list[int] = []
        chunks: list[bytes] = []
        exceptions: dict[int, Passage] = {}
        for i, passage in enumerate(passages):
            n = number.get(passage.doc_id)
            if n is None:
                n = number[passage.doc_id] = len(names)
                names.append(passage.doc_id)
                titles.append(passage.title)
                langs.append(passage.lang)
            encoded = passage.text.encode()
            doc.append(n)
            position.append(passage.position)
            lengths.append(len(encoded))
            chunks.append(encoded)
            if (passage.title is not titles[n] and passage.title != titles[n]) or passage.lang != langs[n] \
                    or passage.id != f"{passage.doc_id}#{passage.position}":
                exceptions[i] = passage
        starts = np.zeros(len(lengths) + 1, dtype=np.int64)
        np.cumsum(np.asarray(lengths, dtype=np.int64), out=starts[1:])
        return cls(tuple(names), tuple(titles), tuple(langs), np.asarray(doc, dtype=np.int32),
                   np.asarray(position, dtype=np.int32), b"".join(chunks), starts, exceptions)

    def __len__(self) -> int:
        return len(self._doc)

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
            raise IndexError("passage index out of range")
        exception = self._exceptions.get(i)
        if exception is not None:
            return exception
        n, position = int(self._doc[i]), int(self._position[i])
        name = self._names[n]
        return Passage(id=f"{name}#{position}", doc_id=name, position=position, title=self._titles[n],
                       text=self._text[self._starts[i] : self._starts[i + 1]].decode(), lang=self._langs[n])

    def __iter__(self) -> Iterator[Passage]:
        return (self[i] for i in range(len(self)))

    def language_counts(self) -> dict[str, int]:
        """How many passages each language has, without building a passage."""
        counts: dict[str, int] = {}
        per_doc = np.bincount(self._doc, minlength=len(self._names)).tolist()
        for lang, n in zip(self._langs, per_doc, strict=True):
            counts[lang] = counts.get(lang, 0) + n
        for i, passage in self._exceptions.items():
            usual = self._langs[int(self._doc[i])]
            counts[usual] -= 1
            counts[passage.lang] = counts.get(passage.lang, 0) + 1
        return {lang: n for lang, n in counts.items() if n}

    def nbytes(self) -> int:
        """The memory of the columns (arrays and text buffer; the per-document strings are shared)."""
        return self._doc.nbytes + self._position.nbytes + self._starts.nbytes + len(self._text)
