"""What the bot serves, independent of Telegram: the index and the agency's profile, their atomic reload,
and answers to questions through the one question path (responses/answering.py). Command texts (/start,
/help, /latest …) are rendered by bot/core/texts.py. The Telegram handlers and the console chat are thin
layers over these.

Usage::

    service = Service.start(load_config())
    service.ask("Who met the IOM Director General?").text
    result = service.reload()        # builds on the side; swaps only a complete, valid index
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from pressbot.bot.core.config import Config
from pressbot.responses.answering import Reply, analyze, answer_question, further
from pressbot.responses.composer import Answer
from pressbot.responses.render import Renderer, locale
from pressbot.retrieval import Index, extras, store
from pressbot.retrieval.agency import Profile
from pressbot.retrieval.analyzer import LANGUAGES
from pressbot.retrieval.corpus import CorpusError, Problem

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Served:
    """The index being served and the corpus state it was built from; replaced whole on reload."""

    index: Index
    fingerprint: str
    built_in: float
    loaded: bool = False  # from the index saved beside the corpus, without re-indexing
    profile: Profile | None = None  # the corpus's agency.yaml: swapped with the index, never apart from it
    at: float = field(default_factory=time.time)  # when it was built or loaded (GET /healthz: last reload)


@dataclass(frozen=True)
class ReloadResult:
    """What a reload did: swapped (ok and changed), found nothing new, or was refused for problems."""

    ok: bool
    changed: bool
    documents: int
    passages: int
    old_documents: int
    seconds: float
    problems: tuple[Problem, ...] = ()


def _extra_files(directory: Path) -> tuple[Path, ...]:
    """Files that change answers without being indexed, so a change to them must reload too: the glossary
    (query-time expansions) and the agency's profile."""
    return extras.paths(directory)


def corpus_fingerprint(directory: Path) -> str:
    """A hash of every corpus file's name and bytes: equal fingerprints mean nothing to re-index."""
    return store.corpus_fingerprint(directory, _extra_files(directory))


def build_served(config: Config, previous: str | None = None) -> Served | None:
    """The configured corpus's index (retrieval/store.py: the saved one while the files are unchanged, else
    read, validated, indexed re-analyzing only changed files, and saved) with the agency's profile, each file
    read once; None when the corpus's fingerprint equals `previous`. CorpusError lists every problem."""
    started = time.perf_counter()
    params = config.retrieval  # the configuration's `retrieval:` section is the store's Params
    opened = store.open_index(config.corpus, params, previous=previous, extras=True)
    if opened is None:
        return None
    index = opened.index
    seconds = time.perf_counter() - started
    log.info("%s %d documents (%d passages) in %.2fs", "loaded the saved index of" if opened.loaded else "indexed",
             len(index.documents), len(index), seconds)
    return Served(index=index, fingerprint=opened.fingerprint, built_in=seconds, loaded=opened.loaded,
                  profile=opened.extras.profile if opened.extras is not None else None)


def agency_phrases(profile: Profile, lang: str) -> dict[str, object]:
    """The locale phrases a profile replaces in one language (English where it has none): /start's body and
    examples, the contact line, the bot's descriptions, inline mode's empty result; and the agency's name
    and website for /help and /sources."""
    t = locale(lang)
    name = profile.name(lang)
    about = profile.text("about", lang)
    short = f"{name}: {t['bot_short_description']}"
    phrases: dict[str, object] = {
        "agency_name": name,
        "start_body": about,
        "contact": profile.text("contact", lang),
        "start_examples": list(profile.examples_in(lang)),
        "bot_description": profile.text("description", lang) or about,
        "bot_short_description": profile.text("short_description", lang) or (short if len(short) <= 120 else name),
        "inline_no_results": t["inline_no_results_of"].format(agency=name),
    }
    if profile.website:
        phrases["agency_website"] = profile.website
    return phrases


def profile_renderer(renderer: Renderer, profile: Profile | None) -> Renderer:
    """`renderer` speaking for the agency of `profile` (the locale's agency-neutral wording without one)."""
    if profile is None:
        return renderer.with_texts(None)
    table = {lang: agency_phrases(profile, lang) for lang in LANGUAGES}
    return renderer.with_texts(lambda lang: table.get(lang, table["en"]))


class Service:
    """The served index plus the reply logic; safe to share between the event loop and a reload thread."""

    def __init__(self, config: Config, served: Served, renderer: Renderer | None = None) -> None:
        self.config = config
        self._base_renderer = renderer or Renderer()
        self._served = served
        self._renderer = (served, profile_renderer(self._base_renderer, served.profile))
        self._reload_lock = threading.Lock()

    @classmethod
    def start(cls, config: Config) -> Service:
        """Build the index for the configured corpus (raises CorpusError if it has problems)."""
        served = build_served(config)
        assert served is not None  # without a previous fingerprint there is always an index
        return cls(config, served)

    @property
    def index(self) -> Index:
        return self._served.index

    @property
    def served(self) -> Served:
        return self._served

    @property
    def renderer(self) -> Renderer:
        """The renderer speaking for the served corpus's agency (its profile's texts over the locale)."""
        return self._renderer_of(self._served)

    def _renderer_of(self, served: Served) -> Renderer:
        cached_for, renderer = self._renderer
        if cached_for is not served:
            renderer = profile_renderer(self._base_renderer, served.profile)
            self._renderer = (served, renderer)
        return renderer

    def is_admin(self, user_id: int | None) -> bool:
        """Admins come from the configuration only; checked on every call."""
        return user_id is not None and user_id in self.config.telegram.admins

    # --- the question path ----------------------------------------------------------------------
    def ask(self, question: str, lang: str | None = None, ui: str | None = None) -> Reply:
        """The reply to a question (in `ui` when given and the question does not show that language).
        CPU-bound: the Telegram handlers call it on a worker thread."""
        served = self._served  # one read: a reload swapping meanwhile does not mix two indexes or profiles
        return answer_question(served.index, question, self._renderer_of(served), self.config.answer, lang=lang,
                               ui=ui, mine=served.profile.own_case if served.profile is not None else None)

    def further(self, question: str, lang: str, shown: Collection[str] = (), limit: int | None = None,
                sentences: int | None = None, min_coverage: float | None = None) -> Answer:
        """The press releases after those in `shown` for a question searched in `lang` (More, inline mode)."""
        index = self._served.index
        return further(index, analyze(index, question, lang), self.config.answer, shown, limit=limit,
                       sentences=sentences, min_coverage=min_coverage)

    # --- reload --------------------------------------------------------------------------------
    def reload(self, force: bool = False) -> ReloadResult:
        """Re-read the corpus on the side and swap it in with one assignment, or keep the old index.

        Blocking and CPU-bound: call it from a worker thread. Reloads are serialized by a lock, so two
        never interleave; questions keep reading the old index until the swap.
        """
        with self._reload_lock:
            started = time.perf_counter()
            old = self._served
            old_docs = len(old.index.documents)
            try:
                new = build_served(self.config, None if force else old.fingerprint)  # reads each file once
            except CorpusError as exc:
                log.warning("reload refused: %d problem(s) in %s; the old index keeps serving",
                            len(exc.problems), self.config.corpus)
                return ReloadResult(ok=False, changed=False, documents=old_docs, passages=len(old.index),
                                    old_documents=old_docs, seconds=time.perf_counter() - started,
                                    problems=tuple(exc.problems))
            if new is None:  # the same files as the served index's
                return ReloadResult(ok=True, changed=False, documents=old_docs, passages=len(old.index),
                                    old_documents=old_docs, seconds=time.perf_counter() - started)
            self._served = new  # the swap: one reference assignment, atomic for every reader
            seconds = time.perf_counter() - started
            log.info("reloaded %d documents (%d passages) in %.2fs", len(new.index.documents),
                     len(new.index), seconds)
            return ReloadResult(ok=True, changed=True, documents=len(new.index.documents),
                                passages=len(new.index), old_documents=old_docs, seconds=seconds)
