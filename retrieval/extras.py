"""The files beside the press releases that change answers without being indexed: the glossary (query-time
names, glossary.py) and the agency's profile (agency.py). A start or reload reads each once, with the press
releases: its bytes count in the corpus's fingerprint, and the same bytes are parsed once the corpus is known
to have changed, so the service gets both from `store.open_index` instead of reading them again.

Usage::

    raw = read_raw(paths(Path("corpus")))       # {corpus/glossary.yaml: b"..." or None (missing) or a Problem, ...}
    extras = parse_extras(raw)                  # CorpusError lists both files' problems as PATH:LINE
    extras.glossary, extras.profile
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pressbot.retrieval.agency import FILE_NAME as AGENCY_FILE
from pressbot.retrieval.agency import Profile, profile_from_bytes
from pressbot.retrieval.corpus import CorpusError, Problem, read_file
from pressbot.retrieval.glossary import FILE_NAME as GLOSSARY_FILE
from pressbot.retrieval.glossary import Glossary, glossary_from_bytes

FILES = (GLOSSARY_FILE, AGENCY_FILE)

Raw = dict[Path, bytes | Problem | None]  # each file's bytes, None when missing, or the problem of reading it


@dataclass(frozen=True)
class Extras:
    """The glossary (empty without glossary.yaml) and the agency's profile (None without agency.yaml)."""

    glossary: Glossary = field(default_factory=Glossary)
    profile: Profile | None = None


def paths(directory: Path) -> tuple[Path, ...]:
    """The extra files of a corpus directory."""
    return tuple(directory / name for name in FILES)


def read_raw(files: tuple[Path, ...] | list[Path]) -> Raw:
    """The bytes of each file (None when it does not exist), read once."""
    return {path: read_file(path) if path.is_file() else None for path in files}


def parse_extras(raw: Raw) -> Extras:
    """The glossary and the profile from their bytes; CorpusError lists every problem of both files."""
    problems: list[Problem] = []
    glossary, profile = Glossary(), None
    for path, data in raw.items():
        if data is None or path.name not in FILES:
            continue
        if isinstance(data, Problem):
            problems.append(data)
            continue
        try:
            if path.name == GLOSSARY_FILE:
                glossary = glossary_from_bytes(data, str(path))
            else:
                profile = profile_from_bytes(data, str(path))
        except CorpusError as exc:
            problems.extend(exc.problems)
    if problems:
        raise CorpusError(problems)
    return Extras(glossary, profile)
