"""What a saved index is keyed by, and what says a corpus changed: the hashes `store.open_index` compares.

The analysis key covers what the saved documents, passages and bags depend on besides the files (the saved
format, ANALYZER_VERSION, the source of the modules that decide what is indexed, title_weight); the index key
adds the corpus's fingerprint and the BM25 parameters. A fingerprint hashes every press release's path and
sha256, fed one at a time, plus the bytes of the files that change answers without being indexed.

Usage::

    key = index_key(fingerprint([("a.md", sha256_a), ("b.md", sha256_b)]), Params())
    analysis_key(Params().title_weight) == saved.manifest["analysis"]
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from pressbot.retrieval import analyzer
from pressbot.retrieval.extras import Raw
from pressbot.retrieval.index import Params
from pressbot.retrieval.saved import FORMAT

# Modules whose code decides what a saved index holds: editing any of them makes saved indexes stale.
CODE_MODULES = ("analyzer", "stopwords", "sentences", "passages", "document", "corpus", "index", "scoring",
                "store", "bags", "saved", "structure", "building", "dates")


@cache  # the code this process runs was read at import: later edits on disk are not running here
def code_hash() -> str:
    """A hash of the source of the modules that decide what is indexed."""
    digest = hashlib.sha256()
    for name in CODE_MODULES:
        path = Path(__file__).with_name(f"{name}.py")
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"?") + b"\0")
    return digest.hexdigest()


def analysis_key(title_weight: int, analyzer_version: str | None = None) -> str:
    """What the saved documents, passages and bags depend on besides the files: they are reused when equal."""
    return _hash({"format": FORMAT, "analyzer": analyzer_version or analyzer.ANALYZER_VERSION,
                  "code": code_hash(), "title_weight": title_weight})


def index_key(fingerprint: str, params: Params, analyzer_version: str | None = None) -> str:
    """What a whole saved index depends on: it is loaded as it is only when equal."""
    return _hash({"analysis": analysis_key(params.title_weight, analyzer_version), "corpus": fingerprint,
                  "k1": params.k1, "b": params.b, "epsilon": params.epsilon})


def fingerprint(files: Sequence[tuple[str, str]]) -> str:
    """A hash of the corpus files' paths and contents, from (relative path, sha256) pairs."""
    pairs = Fingerprint()
    for relative, sha256 in files:
        pairs.add(relative, sha256)
    return pairs.hexdigest()


def _hash(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()


class Fingerprint:
    """`fingerprint` of (relative path, sha256) pairs fed one at a time (the same JSON, hashed as it comes),
    so that the pairs are not all held."""

    def __init__(self) -> None:
        self.digest = hashlib.sha256(b"[")
        self.empty = True

    def add(self, relative: str, sha256: str) -> None:
        self.digest.update((b"" if self.empty else b", ") + json.dumps([relative, sha256]).encode())
        self.empty = False

    def hexdigest(self) -> str:
        self.digest.update(b"]")
        return self.digest.hexdigest()


def served_fingerprint(corpus_print: str, extra: Raw) -> str:
    """The press releases' fingerprint with the bytes of the extra files (the glossary, the agency's profile)."""
    extras = [[path.name, hashlib.sha256(raw).hexdigest() if isinstance(raw, bytes) else None]
              for path, raw in extra.items()]
    return _hash([corpus_print, extras]) if extras else corpus_print
