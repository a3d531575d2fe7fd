"""Bringing press releases into the corpus: raw page text becomes a corpus file; duplicates are skipped.

Usage::

    report = import_files([Path("seeds/001.txt")], Path("corpus"))
    for line in report.messages:
        print(line)   # "added corpus/migration-en-9634.md" or "skipped seeds/001.txt: same url as ..."
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from pressbot.retrieval.agency import Source, publisher_of, site_name
from pressbot.retrieval.agency import hosts as profile_hosts
from pressbot.retrieval.analyzer import detect_language
from pressbot.retrieval.corpus import corpus_files, parse_document
from pressbot.retrieval.document import Document

# Lines that web pages wrap around a press release; they are not part of it.
_BOILERPLATE = (
    re.compile(r"^newsPhoto$", re.IGNORECASE),
    re.compile(r"^Latest news$", re.IGNORECASE),
    re.compile(r"^©\s*\d{4}\b.*State Migration Service\.?$", re.IGNORECASE),
    re.compile(r"^Terms for users\s*\|\s*Privacy Policy\s*\|\s*All rights reserved\.?$", re.IGNORECASE),
)
# "Latest news" glued to the end of the last paragraph by the page capture.
_TRAILING_LATEST = re.compile(r"\s*Latest news\s*$", re.IGNORECASE)
_SLUG_CHARS = 48
# Azerbaijani letters without an ASCII base letter in Unicode, folded as the corpus's file names fold them.
_NO_DECOMPOSITION = str.maketrans({"ə": "e", "Ə": "E", "ı": "i"})


@dataclass(frozen=True)
class ImportReport:
    """What an import did, one human-readable line per input file."""

    added: tuple[Path, ...] = ()
    messages: tuple[str, ...] = field(default=())


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


def doc_id_for(url: str | None, lang: str, title: str, hosts: Mapping[str, Source] | None = None) -> str:
    """A file name in the corpus's style: <site>-<lang>-<news id or slug>; <site> is the short name the
    agency's profile gives the host (`hosts`, its `sources:`), else the host's first label."""
    if url:
        parts = urlsplit(url)
        host = parts.netloc.lower().removeprefix("www.")
        site = site_name(host, hosts or {})
        segments = [s for s in parts.path.split("/") if s and s not in ("en", "az", "ru", "amp")]
        last = segments[-1] if segments else ""
    else:
        site, last = "doc", ""
    slug = last if last.isdigit() else _slug(last or title)
    return f"{site}-{lang}-{slug or hashlib.sha1(title.encode()).hexdigest()[:10]}"


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


def _existing(corpus: Path) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """(url → file, text fingerprint → file, ids) of the documents already in the corpus."""
    urls: dict[str, str] = {}
    texts: dict[str, str] = {}
    ids: set[str] = set()
    for path in corpus_files(corpus) if corpus.is_dir() else []:
        doc, _ = parse_document(path, path.read_bytes())
        ids.add(path.stem)
        if doc is None:
            continue
        if doc.url:
            urls.setdefault(normalize_url(doc.url), str(path))
        texts.setdefault(text_fingerprint(_without_title_line(doc)), str(path))
    return urls, texts, ids


def _without_title_line(doc: Document) -> str:
    lines = doc.text.strip().split("\n")
    if lines and lines[0].strip().casefold() == doc.title.strip().casefold():
        lines = lines[1:]
    return "\n".join(lines)


def read_input(path: Path, sources: dict[str, dict[str, str]],
               hosts: Mapping[str, Source] | None = None) -> Document | str:
    """A Document from an input file (corpus Markdown or raw page text), or the reason it cannot be read."""
    raw = path.read_bytes()
    if _is_corpus_file(path):
        doc, problems = parse_document(path, raw)
        return doc if doc is not None else "; ".join(str(p) for p in problems)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return f"{path}: not UTF-8"
    title, body = clean_page_text(text)
    if not title or not body:
        return f"{path}: no title line or no text after it"
    meta = sources.get(path.name, {})
    url = meta.get("url")
    lang = _lang_of(url) or detect_language(f"{title}\n{body}")
    host = urlsplit(url).netloc if url else ""
    return Document(id=doc_id_for(url, lang, title, hosts), title=title, text=body, lang=lang, url=url,
                    source=meta.get("source") or publisher_of(host, hosts or {}), date=meta.get("date"))


def _is_corpus_file(path: Path) -> bool:
    """Markdown with front matter is already a corpus file; anything else is raw page text."""
    return path.suffix == ".md" and path.read_bytes()[:8].lstrip(b"\xef\xbb\xbf").startswith(b"---")


def _lang_of(url: str | None) -> str | None:
    if not url:
        return None
    for segment in urlsplit(url).path.split("/"):
        if segment in ("en", "az", "ru"):
            return segment
    return None


def expand_inputs(inputs: Sequence[Path]) -> list[Path]:
    """Files to import: given files, and the .txt/.md files of given directories (SOURCES.yaml aside)."""
    files: list[Path] = []
    for item in inputs:
        if item.is_dir():
            files.extend(sorted(p for p in item.iterdir() if p.suffix in (".txt", ".md") and p.is_file()))
        else:
            files.append(item)
    return files


def import_files(inputs: Iterable[Path], corpus: Path, dry_run: bool = False) -> ImportReport:
    """Add press releases to a corpus directory; skip (with a message) any already there by url or text."""
    corpus.mkdir(parents=True, exist_ok=True)
    urls, texts, ids = _existing(corpus)
    hosts = profile_hosts(corpus)  # the agency's known hosts (agency.yaml's sources:)
    added: list[Path] = []
    messages: list[str] = []
    source_cache: dict[Path, dict[str, dict[str, str]]] = {}
    for path in expand_inputs(list(inputs)):
        if path.parent not in source_cache:
            source_cache[path.parent] = _load_sources(path.parent)
        result = read_input(path, source_cache[path.parent], hosts)
        if isinstance(result, str):
            messages.append(f"skipped {path}: {result}")
            continue
        doc = result
        url_key = normalize_url(doc.url) if doc.url else None
        fingerprint = text_fingerprint(_without_title_line(doc))
        if url_key and url_key in urls:
            messages.append(f"skipped {path}: same url as {urls[url_key]}")
            continue
        if fingerprint in texts:
            messages.append(f"skipped {path}: same text as {texts[fingerprint]}")
            continue
        doc_id = doc.id
        n = 2
        while doc_id in ids:
            doc_id = f"{doc.id}-{n}"
            n += 1
        target = corpus / f"{doc_id}.md"
        if not dry_run:
            if _is_corpus_file(path):
                target.write_bytes(path.read_bytes())  # already in corpus form: copy it as published
            else:
                target.write_text(render_corpus_file(doc), encoding="utf-8")
        ids.add(doc_id)
        if url_key:
            urls[url_key] = str(target)
        texts[fingerprint] = str(target)
        added.append(target)
        messages.append(f"added {target}")
    return ImportReport(added=tuple(added), messages=tuple(messages))
