"""Bringing press releases into the corpus: raw page text becomes a corpus file; duplicates are skipped.

Usage::

    report = import_files([Path("seeds/001.txt")], Path("corpus"))
    for line in report.messages:
        print(line)   # "added corpus/migration-en-9634.md" or "skipped seeds/001.txt: same url as ..."
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from pressbot.retrieval.document import Document

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


@dataclass(frozen=True)
class ImportReport:
    """What an import did, one human-readable line per input file."""

    added: tuple[Path, ...] = ()
    messages: tuple[str, ...] = field(default=())
    failed: tuple[str, ...] = ()  # "PATH: reason" for each input that is not a press release


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
    text = text.translate(_NO_DECOMPOSITION)  # NFKD below would drop ə and ı, not fold them
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
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of file name to url/source")
    return {str(k): dict(v or {}) for k, v in data.items()}


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
    from pressbot.retrieval.drafts import CorpusSnapshot, Draft, DraftError, draft_of_file, write_release

    snapshot = CorpusSnapshot.read(corpus)
    lines: list[str | Draft] = []  # in input order; a Draft stands for its "added" line until written
    failed: list[str] = []
    source_cache: dict[Path, dict[str, dict[str, str]]] = {}
    for path in expand_inputs(list(inputs)):
        if path.parent not in source_cache:
            source_cache[path.parent] = _load_sources(path.parent)
        meta = source_cache[path.parent].get(path.name, {})
        try:
            draft = draft_of_file(path.read_bytes(), path.name, snapshot, url=meta.get("url"),
                                  date=meta.get("date"), source=meta.get("source"))
        except (DraftError, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            failed.append(f"{shown(path)}: {reason.removeprefix(f'{path.name}: ')}")
            continue
        if same := snapshot.duplicate(draft.document):
            other, what = same
            lines.append(f"skipped {shown(path)}: same {what} as {shown(snapshot.path_of(other, corpus))}")
            continue
        snapshot.note(draft.document, draft.doc_id)
        lines.append(draft)
    if failed:
        return ImportReport(messages=tuple(line for line in lines if isinstance(line, str)), failed=tuple(failed))
    added: list[Path] = []
    messages: list[str] = []
    for line in lines:
        if isinstance(line, str):
            messages.append(line)
            continue
        target = corpus / f"{line.doc_id}.md" if dry_run else write_release(line, corpus)
        added.append(target)
        messages.append(f"{'would add' if dry_run else 'added'} {shown(target)}")
    return ImportReport(added=tuple(added), messages=tuple(messages))
