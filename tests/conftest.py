"""Shared fixtures: small real corpora, the project's bundled corpus, and a running bot on the emulator.

What a test can ask for (cheapest first):
- `shared`: ../shared beside the project (the test skips without it).
- `small_corpus`: a writable copy of a few bundled press releases (SMALL_CORPUS_FILES) and agency.yaml, per test.
- `restore_logging`: for tests that call configure_logging: the root handlers and levels come back afterwards.
- `emulator` (session): one telegram-test-api process per test process, on a free port (port 0), so each
  pytest-xdist worker has its own; tests keep apart by token (`start_bot` takes a fresh one each time).
- `running_bot`: pressbot polling the emulator on `small_corpus`, fresh token and state, per test; for another
  corpus, configuration or request class use `async with start_bot(emulator, corpus, caplog, ...)`.

./test.sh runs the suite on two pytest-xdist workers: tests of one file may run in different processes, so no
test may rely on another having run first (a module-scoped fixture may be built once per worker).

Usage::

    async def test_start_greets(running_bot: RunningBot) -> None:
        user = running_bot.user()
        await user.send_command("/start")
        assert (await user.next_reply())["message"]["text"]
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import shutil
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from telegram.error import BadRequest, NetworkError
from telegram.ext import Application
from telegram.request import BaseRequest

from pressbot.bot.core.config import load_config
from pressbot.bot.core.logs import QUIET_LOGGERS
from pressbot.bot.core.service import Service
from pressbot.bot.telegram.app import build_application
from tests.telegram_emulator import EmulatorCompatRequest, EmulatorProcess, EmulatorUser, emulator_available

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
ADMIN_ID = 4242
# A handful of bundled press releases: enough for real answers, small enough to index in milliseconds.
SMALL_CORPUS_FILES = ("migration-en-13016.md", "migration-en-9634.md", "migration-en-10189.md",
                      "migration-en-14083.md", "report-en-khazar-ibrahim-we-will-expand-scope-of-mobile.md",
                      "migration-az-13344.md", "ecis-ru-91017.md")
_tokens = itertools.count(100001)


@pytest.fixture
def shared() -> Path:
    """../shared beside the project; tests that need it skip on a clone without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """A writable corpus directory holding a few real press releases."""
    target = tmp_path / "corpus"
    target.mkdir()
    for name in (*SMALL_CORPUS_FILES, "agency.yaml"):  # agency.yaml: the bundled agency's profile
        shutil.copy(BUNDLED_CORPUS / name, target / name)
    return target


def write_doc(directory: Path, name: str, title: str, body: str, **front: str) -> Path:
    """Write a corpus file with the given front matter keys."""
    lines = ["---", f"title: {title!r}"] + [f"{k}: {v}" for k, v in front.items()] + ["---", body, ""]
    path = directory / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """configure_logging replaces the root handlers (pytest's too): put everything back afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    levels = {name: logging.getLogger(name).level for name in QUIET_LOGGERS}
    yield
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)
    for name, old in levels.items():
        logging.getLogger(name).setLevel(old)


@pytest.fixture(scope="session")
def emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmulatorProcess]:
    reason = emulator_available()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"end-to-end tests cannot run in CI: {reason}")
        pytest.skip(reason)
    process = EmulatorProcess(tmp_path_factory.mktemp("emulator") / "emulator.log")
    try:
        yield process
    finally:
        process.stop()


@dataclass
class RunningBot:
    """A pressbot Application polling the emulator, and the people talking to it."""

    app: Application  # type: ignore[type-arg]
    service: Service
    token: str
    http: httpx.AsyncClient
    api_url: str
    corpus: Path
    errors: list[BaseException] = field(default_factory=list)
    caplog: Any = None
    # What PTB's polling loop reported (getUpdates failed): it retries by itself, as it does against Telegram.
    polling_errors: list[BaseException] = field(default_factory=list)

    def user(self, user_id: int = 1001, first_name: str = "Alice", language_code: str = "en") -> EmulatorUser:
        return EmulatorUser(self.http, self.api_url, self.token, user_id, first_name, language_code)

    def admin(self) -> EmulatorUser:
        return self.user(ADMIN_ID, "Admin")

    def assert_clean(self) -> None:
        """Fail if a handler raised, the polling loop met anything but a dropped connection (the emulator closes a
        kept-alive socket now and then under load; PTB polls again), or PTB logged an error: a reply stored before
        a crash is not a pass."""
        assert self.errors == [], f"bot raised: {self.errors!r}"
        polling = [e for e in self.polling_errors if not isinstance(e, NetworkError) or isinstance(e, BadRequest)]
        assert polling == [], f"polling raised: {polling!r}"
        bad = [r for r in self.caplog.records if r.levelno >= logging.ERROR]
        assert bad == [], "errors were logged:\n" + "\n".join(r.getMessage() for r in bad)


@pytest_asyncio.fixture
async def running_bot(emulator: EmulatorProcess, small_corpus: Path, caplog: pytest.LogCaptureFixture
                      ) -> AsyncIterator[RunningBot]:
    async with start_bot(emulator, small_corpus, caplog) as bot:
        yield bot


class start_bot:  # lower case: reads as a function in `async with start_bot(...)`
    """Start pressbot on the emulator for one test: fresh token, so a fresh, isolated message store."""

    def __init__(self, emulator: EmulatorProcess, corpus: Path, caplog: pytest.LogCaptureFixture,
                 configure: Callable[[Application], None] | None = None,  # type: ignore[type-arg]
                 requests: tuple[BaseRequest, BaseRequest] | None = None, token: str | None = None,
                 config_file: Path | None = None) -> None:
        self.emulator, self.corpus, self.caplog, self.configure = emulator, corpus, caplog, configure
        self.requests, self.token = requests, token  # (request, get_updates_request), e.g. tests/faults.py
        self.config_file = config_file  # a YAML configuration on top of the defaults (e.g. ingest.channel)

    async def __aenter__(self) -> RunningBot:
        self.caplog.set_level(logging.WARNING)
        token = self.token or f"{next(_tokens)}:TEST-{os.getpid()}"
        environ = {"TELEGRAM_BOT_TOKEN": token, "PRESSBOT_API_BASE_URL": self.emulator.api_url,
                   "PRESSBOT_ADMINS": str(ADMIN_ID)}
        config = load_config(self.config_file, environ, corpus=self.corpus)
        service = Service.start(config)
        request, get_updates_request = self.requests or (EmulatorCompatRequest(), EmulatorCompatRequest())
        app = build_application(service, request=request, get_updates_request=get_updates_request)
        errors: list[BaseException] = []

        async def record_error(update: object, context: Any) -> None:
            errors.append(context.error)

        app.add_error_handler(record_error)
        if self.configure:
            self.configure(app)
        self.app = app
        await app.initialize()
        if app.post_init:
            await app.post_init(app)  # run_polling() would call it
        await app.start()
        assert app.updater is not None
        # The emulator answers getUpdates at once (no long polling): poll every 50 ms.
        polling_errors: list[BaseException] = []
        await app.updater.start_polling(poll_interval=0.05, error_callback=polling_errors.append)
        # The emulator (Node's http server) closes kept-alive connections on its own schedule: a connection reused
        # as it does so fails with httpx.ReadError before the emulator reads the message (test_e2e_hostile, under
        # two xdist workers and a loaded machine, even with connections idle over a second not reused). The
        # simulated people keep no connection alive: each message opens its own, on localhost.
        self.http = httpx.AsyncClient(timeout=10, limits=httpx.Limits(max_keepalive_connections=0))
        return RunningBot(app=app, service=service, token=token, http=self.http, api_url=self.emulator.api_url,
                          corpus=self.corpus, errors=errors, caplog=self.caplog, polling_errors=polling_errors)

    async def __aexit__(self, *exc: object) -> None:
        app = self.app
        try:
            if app.updater and app.updater.running:
                await asyncio.wait_for(app.updater.stop(), 10)
            if app.running:
                await asyncio.wait_for(app.stop(), 10)
            await asyncio.wait_for(app.shutdown(), 10)
        finally:
            await self.http.aclose()
