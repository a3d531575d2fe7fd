"""Load through the whole Telegram path: simulated people ask questions through the Bot API emulator, a real
pressbot Application (its own process, production rate limiter and update processor) answers; then the same
while an admin reloads a changed corpus twice. Correctness is the point: every question answered exactly
once, no error notice, valid HTML, the answer/abstention the corpus allows. Speed is reported, never asserted.

Each person asks, waits for the answer, thinks 0-2 s, then asks the next question (a closed loop). Latency is the
emulator's timestamp of the reply minus the moment the question was posted (one machine, one clock).

Usage::

    python -m benchmarks.load            # 200 people × 5 questions, with production pacing and without a rate
                                         # limiter (raw capacity); writes benchmarks/results/load.md
    python -m benchmarks.load --short    # 10 × 2, production pacing; nothing written (CI: tests/test_load_short.py)
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import random
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

import httpx
import numpy as np

from pressbot.bot.core.config import load_config
from pressbot.bot.core.service import Service
from pressbot.responses.render import locale
from pressbot.responses.splitting import split_message
from pressbot.retrieval.corpus import load_corpus
from tests.hostile_inputs import CATALOGUE
from tests.html_checker import problems
from tests.telegram_emulator import EmulatorProcess

ROOT = Path(__file__).resolve().parent.parent
RESULT = ROOT / "benchmarks" / "results" / "load.md"
ADMIN = 4242
FIRST_USER = 700_000
POLL = 0.25  # seconds between two looks at the emulator's record of bot messages
PTB_POOL = 256  # connections of the bot's HTTP pool: PTB's ApplicationBuilder default, as `pressbot run` has
THINK = 2.0  # a person reads the answer and types the next question in 0..THINK seconds (uniform)
REPLY_TIMEOUT = 180.0  # a reply later than this counts as lost
QUIET = 2.0  # after the last answer, how long to wait for strays (duplicates) before counting
OFF_TOPIC = ("How do I cook plov with saffron rice?", "What is the weather in Baku tomorrow?",
             "Кто выиграл чемпионат мира по футболу?", "Sabah Bakıda hava necə olacaq?", "hello", "thanks!")
# Press releases an admin adds before each reload, so that each reload really rebuilds the index.
NEW_RELEASES = (("load-zanzibar", "Mobile consular service in Zanzibar",
                 "The embassy provided mobile consular services to compatriots in Zanzibar on 3 May."),
                ("load-reykjavik", "Consular day in Reykjavik",
                 "A consular day for compatriots living in Iceland was held in Reykjavik on 9 June."))


@dataclass(frozen=True)
class Exchange:
    """One question and what came back."""

    user: int
    question: str
    sent: float
    replies: tuple[tuple[float, str], ...]  # (emulator time, HTML) of each reply seen for this question


@dataclass
class Phase:
    """One run: its settings, what happened, and the figures."""

    name: str
    users: int
    per_user: int
    reloads: int
    exchanges: list[Exchange] = field(default_factory=list)
    reload_reports: list[str] = field(default_factory=list)
    strays: int = 0
    logged_errors: int = 0
    mismatched: int = 0

    @property
    def sent(self) -> int:
        return len(self.exchanges)

    @property
    def answered(self) -> int:
        return sum(1 for e in self.exchanges if e.replies)

    @property
    def lost(self) -> int:
        return self.sent - self.answered

    @property
    def duplicates(self) -> int:
        return sum(len(e.replies) - 1 for e in self.exchanges if e.replies) + self.strays

    @property
    def error_notices(self) -> int:
        error = locale("en")["error"]
        return sum(1 for e in self.exchanges for _, html in e.replies if error in html)

    @property
    def invalid_html(self) -> int:
        return sum(1 for e in self.exchanges for _, html in e.replies if problems(html))

    @property
    def failed_reloads(self) -> int:
        return sum(1 for report in self.reload_reports if not report.startswith("Reloaded:"))

    def latencies(self) -> list[float]:
        return [e.replies[0][0] - e.sent for e in self.exchanges if e.replies]

    def replies_per_second(self) -> float:
        times = [t for e in self.exchanges for t, _ in e.replies]
        span = max(times) - min(e.sent for e in self.exchanges) if times else 0.0
        return len(times) / span if span > 0 else 0.0

    def correct(self) -> bool:
        return not (self.lost or self.duplicates or self.error_notices or self.invalid_html or self.mismatched
                    or self.logged_errors or self.failed_reloads or len(self.reload_reports) != self.reloads)


# --- the questions ---------------------------------------------------------------------------------------------
def question_pool(corpus: Path) -> list[str]:
    """Titles of the press releases (mostly answerable), off-topic questions and the hostile catalogue's
    one-line inputs a Telegram message can hold; only those whose answer fits one message."""
    docs, _ = load_corpus(corpus)
    service = Service.start(load_config(None, {}, corpus=corpus))
    hostile = [h.text for h in CATALOGUE if h.single_line and 0 < len(h.text) <= 4096 and not h.command]
    pool = [d.title for d in docs] + list(OFF_TOPIC) + hostile
    return [q for q in dict.fromkeys(pool) if len(split_message(service.ask(q).html)) == 1]


def answerability(corpus: Path, questions: Sequence[str], releases: int) -> dict[str, set[bool]]:
    """For each question, whether it is answered under the corpus as it is and after each added release."""
    allowed: dict[str, set[bool]] = {q: set() for q in questions}
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "corpus"
        shutil.copytree(corpus, copy)
        for version in range(releases + 1):
            if version:
                add_release(copy, version - 1)
            service = Service.start(load_config(None, {}, corpus=copy))
            for q in allowed:
                allowed[q].add(service.ask(q).answer.answered)
    return allowed


def add_release(corpus: Path, n: int) -> None:
    doc_id, title, body = NEW_RELEASES[n % len(NEW_RELEASES)]
    (corpus / f"{doc_id}-{n}.md").write_text(f"---\ntitle: {title}\ndate: 2026-11-{n + 1:02d}\n---\n{body}\n",
                                             encoding="utf-8")


# --- the bot, in a process of its own ---------------------------------------------------------------------------
def serve(api_url: str, token: str, corpus: Path, log_path: Path, rate_limit: bool, pool: int) -> None:
    """Run pressbot polling the emulator until SIGTERM; print BOT_READY once it polls."""
    from telegram import Update

    from pressbot.bot.core.logs import configure_logging
    from pressbot.bot.telegram.app import build_application
    from tests.telegram_emulator import EmulatorCompatRequest

    config = load_config(None, {"TELEGRAM_BOT_TOKEN": token, "PRESSBOT_API_BASE_URL": api_url,
                                "PRESSBOT_ADMINS": str(ADMIN)}, corpus=corpus)
    with open(log_path, "w", encoding="utf-8") as log:
        configure_logging("INFO", [token], stream=log)
        app = build_application(Service.start(config), request=EmulatorCompatRequest(connection_pool_size=pool),
                                get_updates_request=EmulatorCompatRequest(), rate_limit=rate_limit)
        publish = app.post_init

        async def ready(application: Any) -> None:
            if publish:
                await publish(application)
            print("BOT_READY", flush=True)

        app.post_init = ready
        app.run_polling(poll_interval=0.05, allowed_updates=Update.ALL_TYPES, close_loop=False)


def start_bot_process(api_url: str, token: str, corpus: Path, log_path: Path, rate_limit: bool, pool: int
                      ) -> subprocess.Popen[str]:
    args = [sys.executable, "-m", "benchmarks.load", "serve", api_url, token, str(corpus), str(log_path),
            f"--pool={pool}"]
    process = subprocess.Popen(args + ([] if rate_limit else ["--no-rate-limit"]), cwd=ROOT, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert process.stdout is not None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 1)
        line = process.stdout.readline() if ready else ""
        if line.startswith("BOT_READY"):
            return process
        if process.poll() is not None:
            break
    process.kill()
    raise RuntimeError(f"the bot did not start; its log: {log_path.read_text()[-2000:] if log_path.exists() else ''}")


def stop_bot_process(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if process.stdout:
        process.stdout.close()


# --- the people ----------------------------------------------------------------------------------------------------
class Mailroom:
    """Every bot message, sorted into its chat's inbox: one look at the emulator's whole history every
    POLL seconds instead of hundreds of per-chat polls (which cost the load generator more CPU than the bot)."""

    def __init__(self, http: httpx.AsyncClient, api_url: str, token: str) -> None:
        self.http, self.api_url, self.token = http, api_url, token
        self.inboxes: dict[int, asyncio.Queue[tuple[float, str]]] = {}
        self._seen: set[int] = set()

    def inbox(self, chat_id: int) -> asyncio.Queue[tuple[float, str]]:
        return self.inboxes.setdefault(chat_id, asyncio.Queue())

    async def sort(self) -> None:
        """Deliver the bot messages not seen yet (bot records carry chat_id, people's carry chat)."""
        response = await self.http.post(self.api_url + "/getUpdatesHistory", json={"token": self.token})
        response.raise_for_status()
        for record in response.json()["result"]:
            message = record["message"]
            if "chat_id" in message and record["messageId"] not in self._seen:
                self._seen.add(record["messageId"])
                self.inbox(int(message["chat_id"])).put_nowait((record["time"] / 1000, message.get("text", "")))

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            await self.sort()
            await asyncio.sleep(POLL)
        await self.sort()


class Chat:
    """One private chat: messages go in through the emulator's client endpoint, replies come from the Mailroom."""

    def __init__(self, http: httpx.AsyncClient, api_url: str, token: str, user_id: int, mailroom: Mailroom) -> None:
        self.http, self.api_url, self.token, self.user_id = http, api_url, token, user_id
        self.inbox = mailroom.inbox(user_id)
        self.user = {"id": user_id, "is_bot": False, "first_name": f"P{user_id}", "language_code": "en"}
        self.chat = {"id": user_id, "type": "private", "first_name": f"P{user_id}"}

    async def say(self, text: str, command: bool = False) -> float:
        """Post a message; the time it was posted."""
        body = {"botToken": self.token, "from": self.user, "chat": self.chat, "date": int(time.time()), "text": text}
        if command:
            body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        sent = time.time()
        response = await self.http.post(self.api_url + ("/sendCommand" if command else "/sendMessage"), json=body)
        response.raise_for_status()
        return sent

    async def wait(self, count: int = 1, timeout: float = REPLY_TIMEOUT) -> list[tuple[float, str]]:
        """The next `count` replies (fewer if the timeout passes first)."""
        replies: list[tuple[float, str]] = []
        deadline = time.monotonic() + timeout
        while len(replies) < count:
            try:
                replies.append(await asyncio.wait_for(self.inbox.get(), max(0.0, deadline - time.monotonic())))
            except TimeoutError:
                break
        return replies


async def person(chat: Chat, questions: Sequence[str], phase: Phase, progress: list[int], rng: random.Random
                 ) -> None:
    for question in questions:
        await asyncio.sleep(rng.uniform(0, THINK))
        sent = await chat.say(question)
        replies = await chat.wait()
        phase.exchanges.append(Exchange(chat.user_id, question, sent, tuple(replies)))
        progress[0] += 1


async def admin(chat: Chat, corpus: Path, phase: Phase, progress: list[int], total: int) -> None:
    """Reload at evenly spread points of the run, each time after adding a press release."""
    for n in range(phase.reloads):
        while progress[0] < total * (n + 1) // (phase.reloads + 1):
            await asyncio.sleep(0.1)
        add_release(corpus, n)
        await chat.say("/reload", command=True)
        replies = await chat.wait(2)
        phase.reload_reports.append(replies[-1][1] if len(replies) == 2 else f"{len(replies)} of 2 replies")


async def run_phase(api_url: str, corpus: Path, pool: Sequence[str], allowed: dict[str, set[bool]], phase: Phase,
                    rate_limit: bool, seed: int, pool_size: int = PTB_POOL) -> Phase:
    """Start a bot on a fresh copy of the corpus and a fresh token, run the people (and the admin), count."""
    rng = random.Random(seed)
    token = f"{900_000 + seed}:LOAD-{os.getpid()}-{time.monotonic_ns()}"  # a fresh, empty emulator store
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "corpus"
        shutil.copytree(corpus, copy)
        log_path = Path(tmp) / "bot.log"
        process = start_bot_process(api_url, token, copy, log_path, rate_limit, pool_size)
        try:
            async with httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_connections=32)) as http:
                mailroom, stop = Mailroom(http, api_url, token), asyncio.Event()
                sorting = asyncio.create_task(mailroom.run(stop))
                chats = [Chat(http, api_url, token, FIRST_USER + i, mailroom) for i in range(phase.users)]
                progress = [0]
                total = phase.users * phase.per_user
                work = [person(c, rng.sample(pool, phase.per_user), phase, progress, random.Random(rng.random()))
                        for c in chats]
                work.append(admin(Chat(http, api_url, token, ADMIN, mailroom), copy, phase, progress, total))
                await asyncio.gather(*work)
                await asyncio.sleep(QUIET)
                stop.set()
                await sorting
                phase.strays = sum(c.inbox.qsize() for c in chats)
        finally:
            stop_bot_process(process)
        phase.logged_errors = sum(1 for line in log_path.read_text().splitlines() if " ERROR " in line)
    phase.mismatched = sum(1 for e in phase.exchanges
                           if e.replies and ("[1]" in e.replies[0][1]) not in allowed[e.question])
    return phase


async def run_load(api_url: str, users: int, per_user: int, rate_limit: bool = True,
                   corpus: Path = ROOT / "corpus", seed: int = 1, pool_size: int = PTB_POOL) -> list[Phase]:
    """The plain run, then the run with two reloads."""
    pool = question_pool(corpus)
    allowed = answerability(corpus, pool, len(NEW_RELEASES))
    phases = [Phase("steady", users, per_user, 0), Phase("while reloading twice", users, per_user, 2)]
    return [await run_phase(api_url, corpus, pool, allowed, p, rate_limit, seed + i, pool_size)
            for i, p in enumerate(phases)]


# --- the report ------------------------------------------------------------------------------------------------
def ms(seconds: Sequence[float], q: float) -> float:
    """The q-th percentile of durations, in milliseconds."""
    return float(np.percentile(np.asarray(seconds), q) * 1e3) if seconds else float("nan")


def machine() -> str:
    """The machine and software the figures come from (the cores are shared: the load average says how much)."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{dt.date.today().isoformat()}; {os.cpu_count()} cores (load average {load} at the end); Linux "
            f"{platform.release()}; Python {platform.python_version()}, python-telegram-bot "
            f"{version('python-telegram-bot')}, httpx {version('httpx')}; Node {node_version()}, "
            f"telegram-test-api {emulator_version()}")


def emulator_version() -> str:
    package = ROOT / "tests" / "emulator" / "node_modules" / "telegram-test-api" / "package.json"
    return str(json.loads(package.read_text())["version"]) if package.exists() else "?"


def node_version() -> str:
    done = subprocess.run(["node", "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip() or "?"


def table(phases: Sequence[Phase]) -> str:
    head = ("| run | people × questions | sent | answered | lost | duplicates | error notices | invalid HTML | "
            "wrong kind | ERROR logs | reloads ok | replies/s | p50 latency | p95 latency | max latency |\n"
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n")
    rows = []
    for p in phases:
        lat = p.latencies()
        rows.append(f"| {p.name} | {p.users} × {p.per_user} | {p.sent} | {p.answered} | {p.lost} | {p.duplicates} | "
                    f"{p.error_notices} | {p.invalid_html} | {p.mismatched} | {p.logged_errors} | "
                    f"{len(p.reload_reports) - p.failed_reloads}/{p.reloads} | {p.replies_per_second():.1f} | "
                    f"{ms(lat, 50):.0f} ms | {ms(lat, 95):.0f} ms | {ms(lat, 100):.0f} ms |")
    return head + "\n".join(rows) + "\n"


LIMITERS = {True: "Production pacing: PTB's AIORateLimiter (30 requests/s overall) + 1 message/s per chat",
            False: "No rate limiter: what the bot process itself can do"}
NOTES = """
- Correct means: every question got exactly one reply (none lost, none repeated, nothing stray after a
  quiet 2 s), no reply is the error notice, every reply is valid Telegram HTML (tests/html_checker.py) and
  is an answer or an abstention as the corpus allows at that moment ("wrong kind" counts the others), the
  bot logged nothing at ERROR, and each reload reported "Reloaded".
- People: each asks, waits for the reply, thinks 0-2 s, asks again; questions drawn from the press
  releases' titles, off-topic questions and the hostile catalogue's one-line inputs. 200 people asking
  back to back saturate the bot, so the latency is mostly queueing (about people / replies per second).
- Latency: the emulator's timestamp of the reply minus the moment the question was posted.
- With production pacing each answer is one message against Telegram's (and AIORateLimiter's) overall
  30 messages/s; "typing…" is not a message and bypasses that budget (bot/pacing.py). Before that change
  both counted, and the same run gave 15.2 replies/s, p95 14.0 s. 200 people asking back to back exceed
  30/s, so the latency is queueing.
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("mode", nargs="?", choices=["run", "serve"], default="run")
    parser.add_argument("serve_args", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--questions", type=int, default=5)
    parser.add_argument("--short", action="store_true", help="10 people × 2 questions, production pacing only; "
                                                             "nothing written")
    parser.add_argument("--pool", type=int, default=PTB_POOL, help="the bot's HTTP connection pool size")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--no-rate-limit", action="store_true", help=argparse.SUPPRESS)  # for `serve`
    args = parser.parse_args(argv)
    if args.mode == "serve":
        api_url, token, corpus, log_path = args.serve_args
        serve(api_url, token, Path(corpus), Path(log_path), rate_limit=not args.no_rate_limit, pool=args.pool)
        return 0
    users, per_user = (10, 2) if args.short else (args.users, args.questions)
    results: list[tuple[bool, list[Phase]]] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        emulator = EmulatorProcess(Path(tmp) / "emulator.log", debug=False)
        try:
            for rate_limit in (True,) if args.short else (True, False):
                phases = asyncio.run(run_load(emulator.api_url, users, per_user, rate_limit, pool_size=args.pool))
                results.append((rate_limit, phases))
        finally:
            emulator.stop()
    wall = time.monotonic() - started
    report = "\n".join(f"### {LIMITERS[rate_limit]}\n\n{table(phases)}" for rate_limit, phases in results)
    print(report + f"\n{wall:.0f} s in all")
    if not (args.short or args.no_write):
        RESULT.parent.mkdir(exist_ok=True)
        RESULT.write_text(f"# Load: {users} people × {per_user} questions through the Bot API emulator\n\n"
                          f"{machine()}\n\nThe bot in one process (pressbot's own Application, HTTP pool of "
                          f"{args.pool}), the emulator in another, the people in a third.\n\n{report}{NOTES}\n"
                          f"All four runs with set-up: {wall:.0f} s. Command: `python -m benchmarks.load`.\n",
                          encoding="utf-8")
        print(f"written: {RESULT}")
    return 0 if all(p.correct() for _, phases in results for p in phases) else 1


if __name__ == "__main__":
    sys.exit(main())
