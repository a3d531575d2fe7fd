"""The agency's profile: who the bot speaks for, read from `agency.yaml` beside the press releases.

Nothing about one agency belongs in the code: its name, what the bot answers about, where to turn when
the releases do not answer, its website, example questions and the hosts it publishes on are corpus data,
validated like the corpus (PATH:LINE problems naming the key and the bad value) and reloaded with it::

    name:    {en: "Civil Registry Office", az: "...", ru: "..."}
    about:   {en: "I answer questions about ..."}       # one sentence: what the bot answers about
    contact: {en: "For an official answer, call ..."}   # what to do when the releases don't answer
    website: https://registry.example.org
    examples: {en: ["How do I get a birth certificate?"]}
    description:       {en: "..."}    # optional: the bot's Telegram description (512 characters at most)
    short_description: {en: "..."}    # optional: its short description (120 characters at most)
    sources:                          # optional: hosts → short name (in file names) and publisher
      registry.example.org: {name: registry, publisher: "Civil Registry Office"}
    time_zone: Europe/Berlin          # optional: the press office's IANA time zone (default UTC), for the
                                      # dates of channel posts and forwarded posts
    own_case: {en: ["my birth certificate*"]}   # optional: how people name their own application for one of
                                      # the agency's services; with a word asking how it stands ("is it
                                      # ready") the bot says it cannot see individual applications
                                      # (responses/own_case.py; "*": any ending)

`en` is required for each text; a language left out falls back to English. A corpus without the file has
no profile (the replies then use the locale's agency-neutral wording).

Usage::

    profile = load_profile(Path("corpus"))          # None without agency.yaml; CorpusError when malformed
    profile.text("contact", "az")                   # the Azerbaijani contact line, else the English one
    site_name("www.report.az", profile.sources)     # "report": the profile's short name, else the host's first label
    profile.zone                                    # ZoneInfo("Asia/Baku"), or UTC without time_zone
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from pressbot.retrieval.analyzer import LANGUAGES
from pressbot.retrieval.corpus import CorpusError, Problem, file_bytes, file_text

FILE_NAME = "agency.yaml"
TEXT_KEYS = ("name", "about", "contact", "description", "short_description")
REQUIRED = ("name", "about", "contact")
KNOWN_KEYS = (*TEXT_KEYS, "website", "examples", "sources", "time_zone", "own_case")
DEFAULT_TIME_ZONE = "UTC"
SOURCE_KEYS = ("name", "publisher")
# Telegram's limits for setMyDescription and setMyShortDescription.
MAX_CHARS = {"description": 512, "short_description": 120}
FALLBACK = "en"


@dataclass(frozen=True)
class Source:
    """A host the agency's releases come from: its short name (file names) and its publisher."""

    name: str
    publisher: str | None = None


@dataclass(frozen=True)
class Profile:
    """One agency's texts per language (English always present), website, examples and known hosts."""

    texts: Mapping[str, Mapping[str, str]]  # key (name, about, ...) → language → text
    website: str | None = None
    examples: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    sources: Mapping[str, Source] = field(default_factory=dict)
    time_zone: str = DEFAULT_TIME_ZONE  # an IANA name, checked when the profile is read
    # Per language, phrases naming the person's own application for one of the agency's services.
    own_case: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def zone(self) -> ZoneInfo:
        """The press office's time zone: dates of posts are given in it."""
        return ZoneInfo(self.time_zone)

    def text(self, key: str, lang: str) -> str | None:
        """The text in `lang`, else in English; None for an optional text the profile leaves out."""
        by_lang = self.texts.get(key, {})
        return by_lang.get(lang) or by_lang.get(FALLBACK)

    def name(self, lang: str) -> str:
        return self.text("name", lang) or ""

    def examples_in(self, lang: str) -> tuple[str, ...]:
        return self.examples.get(lang) or self.examples.get(FALLBACK, ())


def zone_of(profile: Profile | None) -> tzinfo:
    """The press office's time zone (dates of posts, "today" in /stats); UTC when the corpus has no profile."""
    return profile.zone if profile else UTC


def site_name(host: str, sources: Mapping[str, Source]) -> str:
    """The short name of a host for file names: the profile's, else the host's first label ("doc" if none)."""
    host = host.lower().removeprefix("www.")
    known = sources.get(host)
    return known.name if known else (host.split(".")[0] if host else "doc")


def publisher_of(host: str, sources: Mapping[str, Source]) -> str | None:
    """The publisher the profile names for a host, if any."""
    known = sources.get(host.lower().removeprefix("www."))
    return known.publisher if known else None


def load_profile(directory: Path) -> Profile | None:
    """The corpus directory's profile, or None when it has no agency.yaml; CorpusError lists every problem."""
    path = directory / FILE_NAME
    if not path.is_file():
        return None
    return profile_from_bytes(file_bytes(path, "agency profile"), str(path))


def profile_from_bytes(data: bytes, source: str = FILE_NAME) -> Profile:
    """A profile from its file's bytes (read once by the caller); CorpusError lists every problem."""
    profile, problems = parse_profile(file_text(data, source, "agency profile"), source)
    if problems or profile is None:
        raise CorpusError(problems)
    return profile


def hosts(directory: Path) -> Mapping[str, Source]:
    """The hosts a corpus directory's profile knows (none without a valid agency.yaml: `check` reports it)."""
    try:
        profile = load_profile(directory)
    except CorpusError:
        return {}
    return profile.sources if profile else {}


def check_profile(directory: Path) -> list[Problem]:
    """The problems of a corpus directory's agency.yaml (none when it is valid or absent)."""
    try:
        load_profile(directory)
    except CorpusError as exc:
        return list(exc.problems)
    return []


def parse_profile(text: str, source: str = FILE_NAME) -> tuple[Profile | None, list[Problem]]:
    """A profile from YAML text, and a PATH:LINE problem for each bad key or value."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [Problem(source, mark.line + 1 if mark else 1, f"bad YAML: {getattr(exc, 'problem', exc)}")]
    if not isinstance(node, yaml.MappingNode):
        return None, [Problem(source, 1, f"the agency profile must be a mapping with the keys {', '.join(REQUIRED)}")]
    reader = _Reader(source)
    texts: dict[str, dict[str, str]] = {}
    website: str | None = None
    examples: dict[str, tuple[str, ...]] = {}
    sources: dict[str, Source] = {}
    time_zone = DEFAULT_TIME_ZONE
    own_case: dict[str, tuple[str, ...]] = {}
    seen: set[str] = set()
    for key_node, value_node in node.value:
        key = str(key_node.value)
        seen.add(key)
        if key in TEXT_KEYS:
            texts[key] = reader.texts(key, value_node)
        elif key == "website":
            website = reader.url(value_node)
        elif key == "examples":
            examples = reader.texts_per_language("examples", value_node, "question")
        elif key == "own_case":
            own_case = reader.texts_per_language("own_case", value_node, "phrase")
        elif key == "sources":
            sources = reader.sources(value_node)
        elif key == "time_zone":
            time_zone = reader.time_zone(value_node)
        else:
            reader.problem(key_node, f"unknown key {key!r} (known: {', '.join(KNOWN_KEYS)})")
    for key in REQUIRED:
        if key not in seen:
            reader.problem(node, f"missing key {key!r}: {{en: \"...\"}} at least")
    if reader.problems:
        return None, reader.problems
    return Profile(texts=texts, website=website, examples=examples, sources=sources, time_zone=time_zone,
                   own_case=own_case), []


class _Reader:
    """Validates the parts of a profile, collecting problems located at the offending node's line."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.source, node.start_mark.line + 1, message))

    def _by_language(self, key: str, node: yaml.Node) -> list[tuple[str, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{key}: expected a mapping of languages, like {{en: ..., az: ..., ru: ...}}, "
                               f"got {_value(node)!r}")
            return []
        pairs = []
        for lang_node, value in node.value:
            lang = str(lang_node.value)
            if lang not in LANGUAGES:
                self.problem(lang_node, f"{key}: unknown language {lang!r} (use {', '.join(LANGUAGES)})")
            else:
                pairs.append((lang, value))
        if FALLBACK not in dict(pairs):
            self.problem(node, f"{key}.{FALLBACK} is missing: English is required (other languages fall back to it)")
        return pairs

    def texts(self, key: str, node: yaml.Node) -> dict[str, str]:
        out: dict[str, str] = {}
        for lang, value in self._by_language(key, node):
            text = _value(value)
            if not isinstance(text, str) or not text.strip():
                self.problem(value, f"{key}.{lang}: expected a text, got {text!r}")
            elif key in MAX_CHARS and len(text.strip()) > MAX_CHARS[key]:
                self.problem(value, f"{key}.{lang}: {len(text.strip())} characters, Telegram allows "
                                    f"{MAX_CHARS[key]}")
            else:
                out[lang] = text.strip()
        return out

    def url(self, node: yaml.Node) -> str | None:
        value = _value(node)
        parts = urlsplit(value) if isinstance(value, str) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
            self.problem(node, f"website: expected an http(s) URL, got {value!r}")
            return None
        return str(value)

    def time_zone(self, node: yaml.Node) -> str:
        value = _value(node)
        if isinstance(value, str) and _is_zone(value.strip()):
            return value.strip()
        self.problem(node, f"time_zone: expected an IANA time zone such as Asia/Baku, Europe/Berlin or UTC, "
                           f"got {value!r}")
        return DEFAULT_TIME_ZONE

    def texts_per_language(self, key: str, node: yaml.Node, what: str) -> dict[str, tuple[str, ...]]:
        """A list of texts per language (examples: questions; own_case: phrases)."""
        out: dict[str, tuple[str, ...]] = {}
        for lang, value in self._by_language(key, node):
            if not isinstance(value, yaml.SequenceNode):
                self.problem(value, f"{key}.{lang}: expected a list of {what}s, got {_value(value)!r}")
                continue
            texts = []
            for item in value.value:
                text = _value(item)
                if not isinstance(text, str) or not text.strip():
                    self.problem(item, f"{key}.{lang}: a {what} must be a text, got {text!r}")
                else:
                    texts.append(text.strip())
            out[lang] = tuple(texts)
        return out

    def sources(self, node: yaml.Node) -> dict[str, Source]:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"sources: expected a mapping of host to {{name: ..., publisher: ...}}, "
                               f"got {_value(node)!r}")
            return {}
        out: dict[str, Source] = {}
        for host_node, value in node.value:
            host = str(host_node.value).lower().removeprefix("www.")
            data = _value(value)
            if "/" in host or not host or not isinstance(data, dict):
                self.problem(host_node, f"sources: expected host: {{name: ..., publisher: ...}}, got "
                                        f"{host_node.value!r}: {data!r}")
                continue
            unknown = sorted(str(k) for k in data if k not in SOURCE_KEYS)
            name, publisher = data.get("name"), data.get("publisher")
            if unknown:
                self.problem(value, f"sources.{host}: unknown key {unknown[0]!r} (known: {', '.join(SOURCE_KEYS)})")
            elif not isinstance(name, str) or not name.isascii() or not name.replace("-", "").isalnum():
                self.problem(value, f"sources.{host}.name: expected a short name of letters, digits and '-' "
                                    f"(used in file names), got {name!r}")
            elif publisher is not None and (not isinstance(publisher, str) or not publisher.strip()):
                self.problem(value, f"sources.{host}.publisher: expected a text, got {publisher!r}")
            else:
                out[host] = Source(name=name.lower(), publisher=publisher.strip() if publisher else None)
        return out


def _is_zone(name: str) -> bool:
    """Whether `name` is a time zone the system's (or tzdata's) database knows."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # unknown, malformed ("../x"), a folder ("Asia")
        return False
    return True


def _value(node: yaml.Node) -> Any:
    """A node's Python value, as yaml.safe_load would give it."""
    return yaml.SafeLoader("").construct_document(node)
