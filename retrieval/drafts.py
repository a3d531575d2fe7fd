"""A press release on its way into the corpus: read from a file, a page or a message, checked against
the corpus (ids, duplicates), then written or removed atomically. One path for every way a release
arrives (`pressbot import`, feeds, Telegram uploads, the agency's channel).

Usage::

    draft = draft_from_bytes(Path("page.html").read_bytes(), "page.html", Path("corpus"))
    if (same := duplicate_of(draft, Path("corpus"))) is None:
        write_release(draft, Path("corpus"))      # corpus/<draft.doc_id>.md, atomically
    remove_release(draft.doc_id, Path("corpus"))  # and out again
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from pressbot.retrieval.agency import Source, publisher_of
from pressbot.retrieval.agency import hosts as profile_hosts
from pressbot.retrieval.analyzer import detect_language
from pressbot.retrieval.corpus import LANGS, corpus_files, parse_document
from pressbot.retrieval.document import Document
from pressbot.retrieval.importer import (
    clean_page_text,
    doc_id_for,
    lang_of_url,
    normalize_url,
    render_corpus_file,
    text_fingerprint,
    without_title_line,
)

# Larger than any press release page saved from a browser (the fixtures are 5-20 KB, real pages < 1 MB).
MAX_BYTES = 5_000_000
# A file id as the corpus names them: no separators, nothing hidden.
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")


class DraftError(ValueError):
    """Why an input cannot become a press release, in one line (binary file, no text, too large …)."""


@dataclass(frozen=True)
class Draft:
    """A release ready to be written: its corpus id, the document, what it came from, and any doubts."""

    doc_id: str
    document: Document
    origin: str
    warnings: tuple[str, ...] = ()
    # The input's own bytes when it already was a corpus file: written as it came, not re-rendered.
    verbatim: str | None = field(default=None, repr=False, compare=False)


@dataclass
class CorpusSnapshot:
    """The ids, urls and text fingerprints of a corpus, kept up to date across a batch of drafts."""

    ids: set[str] = field(default_factory=set)
    hosts: Mapping[str, Source] = field(default_factory=dict)  # the agency profile's sources: (file names)
    urls: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)

    @classmethod
    def read(cls, corpus: Path) -> CorpusSnapshot:
        snapshot = cls(hosts=profile_hosts(corpus) if corpus.is_dir() else {})
        for path in corpus_files(corpus) if corpus.is_dir() else []:
            snapshot.ids.add(path.stem)
            snapshot.paths.setdefault(path.stem, path)
            try:
                doc, _ = parse_document(path, path.read_bytes())
            except OSError:
                continue
            if doc is not None:
                snapshot.note(doc, path.stem)
        return snapshot

    def note(self, doc: Document, doc_id: str) -> None:
        """Count a document as present (under the id it has, or will have, in the corpus)."""
        self.ids.add(doc_id)
        if doc.url:
            self.urls.setdefault(normalize_url(doc.url), doc_id)
        self.texts.setdefault(text_fingerprint(without_title_line(doc)), doc_id)

    def duplicate(self, doc: Document) -> tuple[str, str] | None:
        """(id, "url" or "text") of a present document with the same url or the same text."""
        if doc.url and (same := self.urls.get(normalize_url(doc.url))):
            return same, "url"
        if same := self.texts.get(text_fingerprint(without_title_line(doc))):
            return same, "text"
        return None

    def path_of(self, doc_id: str, corpus: Path) -> Path:
        """The file of a present release (one noted in this batch is not written yet: where it will be)."""
        return self.paths.get(doc_id, corpus / f"{doc_id}.md")

    def free_id(self, wanted: str) -> str:
        doc_id, n = wanted, 2
        while doc_id in self.ids:
            doc_id = f"{wanted}-{n}"
            n += 1
        return doc_id


def draft_from_bytes(data: bytes, name: str, corpus: Path, *, url: str | None = None) -> Draft:
    """A draft from a file's bytes, by the suffix of its name: .html/.htm (a saved page), .txt (raw page
    text, first line the title), .md (the corpus format). Raises DraftError with the reason."""
    return draft_of_file(data, name, CorpusSnapshot.read(corpus), url=url)


def draft_of_file(data: bytes, name: str, snapshot: CorpusSnapshot, *, url: str | None = None,
                  date: str | None = None, source: str | None = None, default_url: str | None = None,
                  suffix: str | None = None) -> Draft:
    """draft_from_bytes against a snapshot already read (a batch import reads the corpus once); a fetched
    page passes the url it came from as default_url (its canonical link wins) and its content's suffix."""
    suffix = (suffix or Path(name).suffix).lower()
    if suffix not in (".html", ".htm", ".txt", ".md"):
        raise DraftError(f"{name}: unsupported file type {suffix or '(none)'!r}: use .html, .htm, .txt or .md")
    if len(data) > MAX_BYTES:
        raise DraftError(f"{name}: too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})")
    if not data.strip():
        raise DraftError(f"{name}: empty file")
    if _looks_binary(data):
        raise DraftError(f"{name}: a binary file, not {suffix[1:]} text")
    if suffix in (".html", ".htm"):
        from pressbot.retrieval.pages import PageError, read_page

        try:
            page = read_page(data, name)
        except PageError as exc:
            raise DraftError(str(exc)) from None
        return _draft(page.text, snapshot, origin=name, title=page.title, url=url or page.url or default_url,
                      date=date or page.date, lang=page.lang, source=source or page.source)
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise DraftError(f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    if suffix == ".md" and text.startswith("---"):
        doc, problems = parse_document(Path(name), text.encode("utf-8"))
        if doc is None:
            raise DraftError(f"{problems[0]}" + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""))
        doc_id = snapshot.free_id(doc.id)
        return Draft(doc_id, dataclasses.replace(doc, id=doc_id), name, _warnings(doc), verbatim=text)
    return _draft(text, snapshot, origin=name, url=url or default_url, date=date, source=source)


def draft_from_text(text: str, corpus: Path, *, origin: str, url: str | None = None, date: str | None = None,
                    title: str | None = None, lang: str | None = None) -> Draft:
    """A draft from a message's text: the first line is the title unless one is given."""
    return _draft(text, CorpusSnapshot.read(corpus), origin=origin, url=url, date=date, title=title, lang=lang)


def _draft(text: str, snapshot: CorpusSnapshot, *, origin: str, url: str | None = None, date: str | None = None,
           title: str | None = None, lang: str | None = None, source: str | None = None) -> Draft:
    from pressbot.retrieval.dates import date_line_near_top

    if "\x00" in text:
        raise DraftError(f"{origin}: a binary file, not text")
    if title is None:
        title, body = clean_page_text(text)
    else:
        body = clean_page_text(f"{title}\n{text}")[1]
        title = " ".join(title.split())
    if date is None:
        date, body = date_line_near_top(body)
    if not title:
        raise DraftError(f"{origin}: no text")
    if not body.strip():
        raise DraftError(f"{origin}: no text after the title line")
    if url is not None and not re.fullmatch(r"https?://\S+", url):
        raise DraftError(f"{origin}: bad url {url!r}: use an http(s) address")
    if lang is not None and lang not in LANGS:
        lang = None
    lang = lang or lang_of_url(url) or detect_language(f"{title}\n{body}")
    doc_id = snapshot.free_id(doc_id_for(url, lang, title, snapshot.hosts))
    host = urlsplit(url).netloc if url else ""
    doc = Document(id=doc_id, title=title, text=body, lang=lang, url=url, date=date,
                   source=source or publisher_of(host, snapshot.hosts))
    return Draft(doc_id, doc, origin, _warnings(doc))


def _warnings(doc: Document) -> tuple[str, ...]:
    found = []
    if not doc.date:
        found.append("no date found")
    if not doc.url:
        found.append("no url")
    return tuple(found)


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB: an image, a PDF, an archive …"""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) // 100 + 2


def duplicate_of(draft: Draft, corpus: Path) -> str | None:
    """The id of the corpus release with the same url or the same text as the draft, if any."""
    found = CorpusSnapshot.read(corpus).duplicate(draft.document)
    return found[0] if found else None


def replacing(draft: Draft, doc_id: str) -> Draft:
    """The draft under an existing release's id, to write with replace=True (an edited channel post)."""
    release_path(doc_id, Path())
    return dataclasses.replace(draft, doc_id=doc_id, document=dataclasses.replace(draft.document, id=doc_id))


def corpus_text(draft: Draft) -> str:
    """The corpus file's content for a draft; retrieval/corpus.py parses it back to the same Document."""
    return draft.verbatim if draft.verbatim is not None else render_corpus_file(draft.document)


def release_path(doc_id: str, corpus: Path) -> Path:
    """Where a release with this id lives; DraftError for an id that is not a plain file name."""
    if not _ID.fullmatch(doc_id) or doc_id.endswith(".md"):
        raise DraftError(f"bad release id {doc_id!r}: use the file name without .md")
    return corpus / f"{doc_id}.md"


def write_release(draft: Draft, corpus: Path, *, replace: bool = False) -> Path:
    """Write a draft into the corpus atomically: a hidden temporary file in the corpus folder, flushed
    and synced, then renamed over the target. DraftError if the id exists and replace is false."""
    target = release_path(draft.doc_id, corpus)
    if target.exists() and not replace:
        raise DraftError(f"{target}: a release with id {draft.doc_id!r} already exists")
    corpus.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=corpus, prefix=f".{draft.doc_id}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(corpus_text(draft))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _sync_directory(corpus)
    return target


def remove_release(doc_id: str, corpus: Path) -> Path:
    """Take a release out of the corpus atomically (one unlink); DraftError if there is no such file."""
    target = release_path(doc_id, corpus)
    if not target.is_file():
        raise DraftError(f"no release {doc_id!r} in {corpus}")
    os.unlink(target)
    _sync_directory(corpus)
    return target


def read_release(doc_id: str, corpus: Path) -> str:
    """A release file's text exactly as stored (line ends kept): what to write back (as a draft's verbatim
    text) when taking it out must be undone. DraftError if there is no such file, as remove_release."""
    target = release_path(doc_id, corpus)
    if not target.is_file():
        raise DraftError(f"no release {doc_id!r} in {corpus}")
    with target.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def _sync_directory(directory: Path) -> None:
    """Make a rename or unlink durable (POSIX); a no-op where directories cannot be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
