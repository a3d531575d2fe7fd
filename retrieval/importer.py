"""Bringing press releases into the corpus: saved pages, raw page text, corpus files, links and feeds
become corpus files (through retrieval/drafts.py); duplicates are skipped. Also the raw-text helpers
the drafts build on: boilerplate removal, ids, url identity, text fingerprints, the corpus file format.

Usage::

    report = import_files([Path("seeds/001.txt")], Path("corpus"))
    for line in report.messages:
        print(line)   # "added corpus/migration-en-9634.md" or "skipped seeds/001.txt: same url as ..."
    import_inputs(["https://migration.gov.az/en/news_detail/21450"], Path("corpus"), dry_run=True)
    sync_feeds(["https://migration.gov.az/en/rss"], Path("corpus"))
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import yaml

from pressbot.retrieval.document import Document
from pressbot.retrieval.fetching import FetchLimits

if TYPE_CHECKING:
    from pressbot.retrieval.drafts import CorpusSnapshot, Draft

# Lines that web pages wrap around a press release; they are not part of it.
_BOILERPLATE = (
    re.compile(r"^newsPhoto$", re.IGNORECASE),
    re.compile(r"^Latest news$", re.IGNORECASE),
    re.compile(r"^©\s*\d{4}\b.*State Migration Service\.?$", re.IGNORECASE),
    re.compile(r"^Terms for users\s*\|\s*Privacy Policy\s*\|\s*All rights reserved\.?$", re.IGNORECASE),
    # Copyright footers in the three languages: "© 2026 … All rights reserved.", "Bütün hüquqlar qorunur",
    # "Все права защищены" (a line that starts with © or ends with the reservation, not a sentence about them).
    re.compile(r"^(?:©|\(c\)\s|copyright\b).{0,200}$", re.IGNORECASE),
    re.compile(r"^.{0,150}\b(?:all rights reserved|bütün hüquqlar (?:qorunur|qorunub)|все права защищены)\.?$",
               re.IGNORECASE),
)
# "Latest news" glued to the end of the last paragraph by the page capture.
_TRAILING_LATEST = re.compile(r"\s*Latest news\s*$", re.IGNORECASE)
_HOST_NAMES = {"migration.gov.az": "migration", "report.az": "report", "mfa.gov.az": "mfa"}
_SLUG_CHARS = 48
_SUFFIXES = (".txt", ".md", ".html", ".htm")
# Azerbaijani letters without an ASCII base letter in Unicode, folded as the corpus's file names fold them.
_NO_DECOMPOSITION = str.maketrans({"ə": "e", "Ə": "E", "ı": "i"})
# Russian letters in file names, transliterated (as in the urls of the agency's Russian pages).
_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya".split(),
                     strict=True))
_TRANSLITERATE = str.maketrans({**{k: v.strip("-") for k, v in _CYRILLIC.items()},
                                **{k.upper(): v.strip("-") for k, v in _CYRILLIC.items()}})


@dataclass(frozen=True)
class ImportReport:
    """What an import did, one human-readable line per input file."""

    added: tuple[Path, ...] = ()
    messages: tuple[str, ...] = field(default=())
    failed: tuple[str, ...] = ()  # "PATH: reason" for each input that is not a press release
    known: int = 0  # feed entries left alone because they are already in the corpus
    warnings: tuple[str, ...] = ()  # "PATH: no date found" for each release added with a doubt


def clean_page_text(raw: str) -> tuple[str, str]:
    """(title, body) of a captured page: boilerplate lines removed, the first remaining line is the title."""
    text = raw.replace("\r\n", "\n").removeprefix("\ufeff")
    lines = [line.rstrip() for line in text.split("\n")]
    kept = [line for line in lines if not any(p.match(line.strip()) for p in _BOILERPLATE)]
    while kept and not kept[0].strip():
        kept.pop(0)
    if not kept:
        return "", ""
    title = kept[0].strip()
    body = "\n".join(kept[1:]).strip("\n")
    body = _TRAILING_LATEST.sub("", body)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    return title, body


def text_fingerprint(text: str) -> str:
    """A hash of a text's words, blind to spacing, case and boilerplate, for spotting the same release twice."""
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())
    return hashlib.sha256(" ".join(words).encode()).hexdigest()


def normalize_url(url: str) -> str:
    """A url's identity for duplicate checks: no scheme, no 'www.', no trailing slash."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def doc_id_for(url: str | None, lang: str, title: str) -> str:
    """A file name in the corpus's style: <site>-<lang>-<news id or slug>."""
    if url:
        parts = urlsplit(url)
        site = site_name(parts.netloc)
        segments = [s for s in parts.path.split("/") if s and s not in ("en", "az", "ru", "amp")]
        last = re.sub(r"\.(?:html?|php|aspx?)$", "", segments[-1]) if segments else ""
    else:
        site, last = "doc", ""
    slug = last if last.isdigit() else _slug(last or title)
    return f"{site}-{lang}-{slug or hashlib.sha1(title.encode()).hexdigest()[:10]}"


def site_name(host: str) -> str:
    """The short name of a web site in file names: the agency's own table, else the host's first label."""
    host = host.lower().removeprefix("www.")
    return _HOST_NAMES.get(host, host.split(".")[0] if host else "doc")


def _slug(text: str) -> str:
    text = text.translate(_NO_DECOMPOSITION).translate(_TRANSLITERATE)  # NFKD below would drop ə, ı, Cyrillic
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > _SLUG_CHARS:
            break
        slug = candidate
    return slug


def render_corpus_file(doc: Document) -> str:
    """The corpus file for a document: YAML front matter (only the keys that are set), then the text."""
    front: dict[str, object] = {}
    if doc.url:
        front["url"] = doc.url
    front["title"] = doc.title
    if doc.date:
        front["date"] = doc.date
    front["lang"] = doc.lang
    if doc.source:
        front["source"] = doc.source
    if doc.tags:
        front["tags"] = list(doc.tags)
    if doc.excerpt:
        front["excerpt"] = True
    if doc.translations:
        front["translations"] = list(doc.translations)
    dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{dumped}---\n{doc.text.rstrip()}\n"


def _load_sources(directory: Path) -> dict[str, dict[str, str]]:
    path = directory / "SOURCES.yaml"
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not all(isinstance(v, dict | None) for v in data.values()):
        raise ValueError("expected a mapping of file name to url/source/date")
    return {str(k): {str(key): str(value) for key, value in (v or {}).items()} for k, v in data.items()}


def without_title_line(doc: Document) -> str:
    lines = doc.text.strip().split("\n")
    if lines and lines[0].strip().casefold() == doc.title.strip().casefold():
        lines = lines[1:]
    return "\n".join(lines)


def lang_of_url(url: str | None) -> str | None:
    if not url:
        return None
    for segment in urlsplit(url).path.split("/"):
        if segment in ("en", "az", "ru"):
            return segment
    return None


def expand_inputs(inputs: Sequence[Path]) -> list[Path]:
    """Files to import: given files, and the page and corpus files of given directories (SOURCES.yaml aside)."""
    files: list[Path] = []
    for item in inputs:
        if item.is_dir():
            files.extend(sorted(p for p in item.iterdir() if p.suffix.lower() in _SUFFIXES and p.is_file()))
        else:
            files.append(item)
    return files


def shown(path: Path) -> str:
    """A path as printed: relative to the working directory when inside it, else absolute; normalized."""
    absolute = Path(os.path.abspath(path))
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


def import_files(inputs: Iterable[Path], corpus: Path, dry_run: bool = False) -> ImportReport:
    """Add press releases to a corpus directory; skip (with a message) any already there by url or text.

    All or nothing: when any input cannot be read as a press release, `failed` says why and nothing is
    written, so the corpus stays exactly as it was."""
    return import_inputs(list(inputs), corpus, dry_run=dry_run)


def is_url(item: str | Path) -> bool:
    return isinstance(item, str) and bool(re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", item))


def import_inputs(inputs: Sequence[str | Path], corpus: Path, *, limits: FetchLimits | None = None,
                  dry_run: bool = False) -> ImportReport:
    """import_files for files, directories and links (http/https urls, fetched within `limits`).
    All or nothing, as import_files."""
    from pressbot.retrieval.drafts import draft_of_file

    batch = _Batch(corpus)
    source_cache: dict[Path, dict[str, dict[str, str]]] = {}
    for item in inputs:
        if is_url(item):
            batch.offer(str(item), functools.partial(_draft_of_url, url=str(item), limits=limits))
            continue
        for path in expand_inputs([Path(item)]):
            if path.parent not in source_cache:
                try:
                    source_cache[path.parent] = _load_sources(path.parent)
                except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
                    source_cache[path.parent] = {}
                    batch.failed.append(f"{shown(path.parent / 'SOURCES.yaml')}: {' '.join(str(exc).split())}")
            meta = source_cache[path.parent].get(path.name, {})

            def read(snapshot: CorpusSnapshot, path: Path = path, meta: dict[str, str] = meta) -> Draft:
                return draft_of_file(path.read_bytes(), path.name, snapshot, url=meta.get("url"),
                                     date=meta.get("date"), source=meta.get("source"))

            batch.offer(shown(path), read, name=path.name)
    if batch.failed:
        return batch.report(dry_run=True, write=False)
    return batch.report(dry_run=dry_run)


def sync_feeds(feeds: Sequence[str], corpus: Path, *, limits: FetchLimits | None = None,
               dry_run: bool = False) -> ImportReport:
    """Import the pages that RSS/Atom feeds or sitemaps list and the corpus lacks (by url, then by
    text). A feed or page that cannot be read is reported in `failed` and left out; the rest is added."""
    from pressbot.retrieval.feeds import FeedError, feed_entries
    from pressbot.retrieval.fetching import FetchError, fetch

    limits = limits or FetchLimits()
    batch = _Batch(corpus)
    for feed in feeds:
        try:
            entries = feed_entries(fetch(feed, limits).data, feed)
        except (FetchError, FeedError) as exc:
            batch.failed.append(str(exc))
            continue
        for entry in entries:
            if normalize_url(entry.url) in batch.snapshot.urls:
                batch.known += 1
                continue
            batch.offer(entry.url, functools.partial(_draft_of_url, url=entry.url, limits=limits, date=entry.date),
                        quiet=True)
    return batch.report(dry_run=dry_run)


def _draft_of_url(snapshot: CorpusSnapshot, *, url: str, limits: FetchLimits | None, date: str | None = None) -> Draft:
    from pressbot.retrieval.drafts import DraftError, draft_of_file
    from pressbot.retrieval.fetching import FetchError, fetch

    try:
        fetched = fetch(url, limits or FetchLimits())
    except FetchError as exc:
        raise DraftError(str(exc)) from None
    if not fetched.suffix:
        raise DraftError(f"{url}: not a web page (content type {fetched.content_type or 'none'!r})")
    draft = draft_of_file(fetched.data, url, snapshot, default_url=fetched.url, suffix=fetched.suffix)
    if date and not draft.document.date:
        document = dataclasses.replace(draft.document, date=date)
        draft = dataclasses.replace(draft, document=document,
                                    warnings=tuple(w for w in draft.warnings if w != "no date found"))
    return draft


class _Batch:
    """Drafts of one import, checked against the corpus and each other, written together at the end."""

    def __init__(self, corpus: Path) -> None:
        from pressbot.retrieval.drafts import CorpusSnapshot

        self.corpus = corpus
        self.snapshot = CorpusSnapshot.read(corpus)
        self.lines: list[str | Draft] = []  # in input order; a Draft stands for its "added" line until written
        self.failed: list[str] = []
        self.known = 0  # feed entries whose url is already in the corpus

    def offer(self, shown_input: str, make: Callable[[CorpusSnapshot], Draft], name: str | None = None,
              quiet: bool = False) -> None:
        """Read one input into the batch; with quiet, a release already in the corpus is only counted."""
        from pressbot.retrieval.drafts import DraftError

        try:
            draft = make(self.snapshot)
        except (DraftError, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            reason = reason.removeprefix(f"{name or shown_input}: ")
            self.failed.append(f"{shown_input}: {reason}")
            return
        if same := self.snapshot.duplicate(draft.document):
            other, what = same
            if quiet:
                self.known += 1
                return
            corpus_file = shown(self.snapshot.path_of(other, self.corpus))
            self.lines.append(f"skipped {shown_input}: same {what} as {corpus_file}")
            return
        self.snapshot.note(draft.document, draft.doc_id)
        self.lines.append(draft)

    def report(self, *, dry_run: bool, write: bool = True) -> ImportReport:
        from pressbot.retrieval.drafts import DraftError, write_release

        added: list[Path] = []
        messages: list[str] = []
        warnings: list[str] = []
        for line in self.lines:
            if isinstance(line, str):
                messages.append(line)
            elif write:
                try:
                    target = self.corpus / f"{line.doc_id}.md" if dry_run else write_release(line, self.corpus)
                except DraftError as exc:  # the id was taken meanwhile (an upload in Telegram): say so, go on
                    self.failed.append(f"{line.origin}: {exc}")
                    continue
                added.append(target)
                messages.append(f"{'would add' if dry_run else 'added'} {shown(target)}")
                warnings.extend(f"{shown(target)}: {warning}" for warning in line.warnings)
        return ImportReport(added=tuple(added), messages=tuple(messages), failed=tuple(self.failed),
                            known=self.known, warnings=tuple(warnings))
