"""Reading the corpus: Markdown files with YAML front matter, parsed strictly, problems reported as PATH:LINE.

Usage::

    docs, problems = load_corpus(Path("corpus"))
    for problem in problems:
        print(problem)          # corpus/x.md:3: unknown key 'titel' (known: date, excerpt, ...)
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import yaml

from pressbot.retrieval.dates import date_line_near_top, url_date
from pressbot.retrieval.document import Document

KNOWN_KEYS = ("title", "url", "date", "lang", "source", "tags", "excerpt", "translations")
LANGS = ("en", "az", "ru")
_FENCE = "---"


_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """YAML's safe loader, but dates stay text: we validate them ourselves and report the line."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


@dataclass(frozen=True)
class Problem:
    """Something wrong with a corpus file, located so an admin can open the file at that line."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class CorpusError(ValueError):
    """A corpus that cannot be served; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def corpus_files(directory: Path) -> list[Path]:
    """The press-release files of a corpus directory, in a stable order (the corpus order): *.md files,
    hidden files and directories left out, sorted by path components as Path sorts them.

    os.walk rather than Path.rglob: ten times faster at 10,000 files, and a reload lists them twice."""
    found: list[tuple[tuple[str, ...], Path]] = []
    for root, dirs, names in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        parts = Path(root).relative_to(directory).parts
        for name in names:
            path = os.path.join(root, name)
            if name.endswith(".md") and not name.startswith(".") and os.path.isfile(path):
                found.append(((*parts, name), Path(path)))
    return [path for _, path in sorted(found)]


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, line number where the body starts), or None without a front matter block."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r").strip() != _FENCE:
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r").strip() == _FENCE:
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), i + 2
    return None


def _key_lines(front: str) -> dict[str, int]:
    """Line (1-based, counting the opening fence) of each top-level key, for error messages."""
    node = yaml.compose(front, Loader=FrontMatterLoader)
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, _value in node.value:
            lines.setdefault(str(key.value), key.start_mark.line + 2)
    return lines


def _duplicate_keys(front: str) -> list[tuple[str, int]]:
    node = yaml.compose(front, Loader=FrontMatterLoader)
    seen: set[str] = set()
    dups: list[tuple[str, int]] = []
    if isinstance(node, yaml.MappingNode):
        for key, _value in node.value:
            if key.value in seen:
                dups.append((str(key.value), key.start_mark.line + 2))
            seen.add(key.value)
    return dups


def parse_document(path: Path, raw: bytes, display: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Parse one corpus file's bytes into a Document, or say precisely what is wrong with it."""
    where = display or str(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(where, line, f"not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})")]
    text = text.removeprefix("\ufeff")
    parts = split_front_matter(text)
    if parts is None:
        return None, [Problem(where, 1, "no YAML front matter: the file must start with a '---' line and "
                                        "the front matter must end with another '---' line")]
    front, body, body_line = parts
    try:
        data = yaml.load(front, Loader=FrontMatterLoader)  # a SafeLoader subclass
        key_lines = _key_lines(front)
        duplicates = _duplicate_keys(front)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        context = getattr(exc, "context_mark", None)
        if context is not None and (mark is None or mark.index >= len(front.rstrip())):
            mark = context  # found only at the end (an unclosed quote or bracket): point at its opening
        line = mark.line + 2 if mark is not None else 2
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [Problem(where, line, f"bad YAML: {reason}")]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, [Problem(where, 2, f"front matter must be a mapping of keys to values, "
                                        f"got {type(data).__name__}")]
    problems = [Problem(where, line, f"duplicate key {key!r}") for key, line in duplicates]

    def at(key: str) -> int:
        return key_lines.get(key, 2)

    for key in data:
        if key not in KNOWN_KEYS:
            problems.append(Problem(where, at(str(key)),
                                    f"unknown key {key!r} (known: {', '.join(sorted(KNOWN_KEYS))})"))
    title = data.get("title")
    if title is None or (isinstance(title, str) and not title.strip()):
        problems.append(Problem(where, at("title") if "title" in data else 2, "missing title"))
    elif not isinstance(title, str):
        problems.append(Problem(where, at("title"), f"title must be text, got {title!r}"))
    date = _date(data.get("date"))
    if "date" in data and data["date"] is not None and date is None:
        problems.append(Problem(where, at("date"), f"bad date {data['date']!r}: use YYYY-MM-DD"))
    lang = data.get("lang", "en")
    if lang not in LANGS:
        problems.append(Problem(where, at("lang"), f"bad lang {lang!r}: use one of {', '.join(LANGS)}"))
    url = data.get("url")
    if url is not None and not (isinstance(url, str) and re.match(r"https?://\S+$", url)):
        problems.append(Problem(where, at("url"), f"bad url {url!r}: use an http(s) address"))
    source = data.get("source")
    if source is not None and not isinstance(source, str):
        problems.append(Problem(where, at("source"), f"source must be text, got {source!r}"))
    excerpt = data.get("excerpt", False)
    if not isinstance(excerpt, bool):
        problems.append(Problem(where, at("excerpt"), f"excerpt must be true or false, got {excerpt!r}"))
    tags = _string_list(data.get("tags"))
    if tags is None:
        problems.append(Problem(where, at("tags"), f"tags must be a list of text, got {data['tags']!r}"))
    translations = _string_list(data.get("translations"))
    if translations is None:
        problems.append(Problem(where, at("translations"),
                                f"translations must be a list of document ids, got {data['translations']!r}"))
    if not body.strip():
        problems.append(Problem(where, body_line, "empty body: the press release has no text"))
    if problems:
        return None, problems
    if date is None:  # none in front matter: the text's date line, else the address's
        date = date_line_near_top(body.strip("\n"))[0] or url_date(url)
    doc = Document(id=path.stem, title=str(title).strip(), text=body.strip("\n"), lang=str(lang),
                   url=url, date=date, source=source, tags=tuple(tags or ()), excerpt=bool(excerpt),
                   translations=tuple(translations or ()))
    return doc, []


def _date(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return None  # a time of day is not a press-release date
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            return None
    return None


def _string_list(value: Any) -> list[str] | None:
    """A list of strings; None (absent) gives [], anything else that is not a list of text gives None."""
    if value is None:
        return []
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


# How one file's bytes become a document or problems.
Parser = Callable[[Path, bytes], tuple[Document | None, list[Problem]]]


def listed(directory: Path) -> tuple[list[Path], list[Problem]]:
    """The corpus's files (`corpus_files`), or the problem that there are none to serve."""
    if not directory.is_dir():
        return [], [Problem(str(directory), 0, "corpus directory does not exist")]
    files = corpus_files(directory)
    if not files:
        return [], [Problem(str(directory), 0, "no press releases (*.md files) in the corpus")]
    return files, []


def read_file(path: Path) -> bytes | Problem:
    """A corpus file's bytes, or the problem of reading it (gone since it was listed, no permission)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        return Problem(str(path), 1, f"cannot read: {exc.strerror or exc}")


def file_bytes(path: Path, what: str) -> bytes:
    """A file's bytes; CorpusError naming the file ("cannot read the glossary: …") when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CorpusError([Problem(str(path), 1, f"cannot read the {what}: {exc}")]) from None


def file_text(data: bytes, source: str, what: str) -> str:
    """A file's bytes as UTF-8 text; CorpusError naming the file when they are not."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError([Problem(source, 1, f"cannot read the {what}: {exc}")]) from None


class Checks:
    """What is checked across a corpus's files, fed one parsed document at a time in corpus order: ids
    are unique (a repeated file name is reported at the later file) and translations name documents that
    are in the corpus.

    Usage::

        checks = Checks()
        checks.add(path, doc, raw)        # False (and a problem) for a repeated id
        docs, problems = checks.result()
    """

    def __init__(self) -> None:
        self.documents: list[Document] = []
        self.problems: list[Problem] = []
        self._first_seen: dict[str, str] = {}
        self._translation_lines: dict[str, int] = {}

    def add(self, path: Path, doc: Document, raw: bytes | None) -> bool:
        """Accept a document parsed from `path`; `raw` (the file's bytes) is needed only when the document
        names translations (to locate the key for a problem found later)."""
        if doc.id in self._first_seen:
            self.problems.append(Problem(str(path), 1, f"duplicate id {doc.id!r}: {self._first_seen[doc.id]} has "
                                                       f"the same file name"))
            return False
        self._first_seen[doc.id] = str(path)
        if doc.translations:
            self._translation_lines[doc.id] = _key_line(raw, "translations") if raw is not None else 1
        self.documents.append(doc)
        return True

    def result(self) -> tuple[list[Document], list[Problem]]:
        """The accepted documents, and every problem found (dangling translations last)."""
        dangling = _dangling_translations(self.documents, self._first_seen, self._translation_lines)
        return self.documents, [*self.problems, *dangling]


def load_corpus(directory: Path, parse: Parser = parse_document) -> tuple[list[Document], list[Problem]]:
    """Every document of a corpus directory, plus every problem (bad files are left out of the list)."""
    files, problems = listed(directory)
    checks = Checks()
    checks.problems = problems
    for path in files:
        raw = read_file(path)
        if isinstance(raw, Problem):
            checks.problems.append(raw)
            continue
        doc, found = parse(path, raw)
        checks.problems.extend(found)
        if doc is not None:
            checks.add(path, doc, raw)
    return checks.result()


def _key_line(raw: bytes, key: str) -> int:
    """The line of a front-matter key in a file that parsed cleanly, for problems found across files."""
    parts = split_front_matter(raw.decode("utf-8").removeprefix("\ufeff"))
    return _key_lines(parts[0]).get(key, 1) if parts else 1


def _dangling_translations(docs: Iterable[Document], paths: dict[str, str], lines: dict[str, int]
                           ) -> list[Problem]:
    ids = {d.id for d in docs}
    return [Problem(paths[d.id], lines.get(d.id, 1), f"translations names {t!r}, which is not in the corpus")
            for d in docs for t in d.translations if t not in ids]


def require_corpus(directory: Path, parse: Parser = parse_document) -> list[Document]:
    """The corpus's documents, or CorpusError listing every problem: a corpus is served whole or not at all."""
    docs, problems = load_corpus(directory, parse)
    if problems:
        raise CorpusError(problems)
    return docs
