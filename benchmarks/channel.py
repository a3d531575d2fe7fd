"""From a post in the agency's channel to an answer quoting it: the issue's target is ≤ 60 s.

A real pressbot Application (this process, the production rate limiter and update processor) polls the Bot
API emulator with `ingest.channel` set; the channel posts a new release (a channel_post update, as the
tests send it); a person asks about it as soon as the served index holds it. Per post: seconds from the
post being sent to the index holding it (write + reload), and to the answer quoting it arriving in the
person's chat. Baseline from the same run and the same bot: the round trip of a question about a release
that was already there (the ratio says what the channel path adds to an ordinary answer). Over the bundled
corpus, and over 10,000 synthetic releases (benchmarks/synthetic.py) where each reload costs most.

Usage::

    python -m benchmarks.channel                 # writes benchmarks/results/channel.md
    python -m benchmarks.channel --releases 2000 --posts 3 --no-write
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import httpx

from benchmarks.synthetic import documents, write_corpus
from benchmarks.timing import machine, write_result
from pressbot.bot.core.config import load_config
from pressbot.bot.core.service import Service
from pressbot.bot.telegram.app import build_application
from tests.telegram_emulator import EmulatorCompatRequest, EmulatorProcess, EmulatorUser

ROOT = Path(__file__).resolve().parent.parent
RELEASES = 10_000
POSTS = 5
CHANNEL = {"id": -1001555000111, "type": "channel", "title": "State Migration Service", "username": "smsnews"}
PLACES = ("Zanzibar", "Mombasa", "Dodoma", "Arusha", "Kigali", "Entebbe", "Lusaka", "Harare", "Maputo", "Windhoek")
KNOWN_QUESTION = ("Who met the IOM Director General in Geneva?", "Vitorino")  # in the bundled corpus
WAIT = 120.0  # a post not answerable after this counts as a failure (the target is 60 s)


def post_text(place: str) -> str:
    return (f"Mobile consular service in {place}\n"
            f"The embassy provided mobile consular services to compatriots in {place} on 3 May.")


async def ask(user: EmulatorUser, question: str, expected: str) -> float:
    """Ask, wait for the answer; its round trip in seconds (fails if the answer lacks `expected`)."""
    started = time.perf_counter()
    await user.send_text(question)
    reply = await user.next_reply(WAIT)
    assert expected in reply["message"]["text"], reply["message"]["text"][:300]
    return time.perf_counter() - started


async def measure(emulator: EmulatorProcess, corpus: Path, posts: int,
                  known: tuple[str, str]) -> dict[str, list[float]]:
    """Post `posts` releases in the channel one after another; timings in seconds."""
    token = f"9{os.getpid()}:BENCH"
    config_path = corpus.parent / "pressbot.yaml"
    config_path.write_text(f"ingest:\n  channel: \"@{CHANNEL['username']}\"\n", encoding="utf-8")
    config = load_config(config_path, {"TELEGRAM_BOT_TOKEN": token, "PRESSBOT_API_BASE_URL": emulator.api_url},
                         corpus=corpus)
    service = Service.start(config)
    app = build_application(service, request=EmulatorCompatRequest(), get_updates_request=EmulatorCompatRequest())
    timings: dict[str, list[float]] = {"indexed": [], "answered": [], "baseline": []}
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0.05)
    try:
        async with httpx.AsyncClient(timeout=30) as http:
            person = EmulatorUser(http, emulator.api_url, token, user_id=5001)
            poster = EmulatorUser(http, emulator.api_url, token, chat=CHANNEL)
            for n, place in zip(range(posts), itertools.cycle(PLACES), strict=False):
                timings["baseline"].append(await ask(person, *known))
                before = set(service.index.documents)
                started = time.perf_counter()
                await poster.post_in_channel(9000 + n, post_text(place))
                while set(service.index.documents) == before:
                    if time.perf_counter() - started > WAIT:
                        raise AssertionError(f"post {n} not indexed within {WAIT}s")
                    await asyncio.sleep(0.01)
                timings["indexed"].append(time.perf_counter() - started)
                await ask(person, f"Where did the embassy provide mobile consular services in {place}?",
                          f"compatriots in {place} on 3 May")
                timings["answered"].append(time.perf_counter() - started)
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
    return timings


def row(label: str, releases: int, timings: dict[str, list[float]]) -> str:
    answered, baseline = timings["answered"], timings["baseline"]
    ratio = statistics.median(answered) / statistics.median(baseline)
    return (f"| {label} | {releases:,} | {statistics.median(timings['indexed']):.2f} s | "
            f"{statistics.median(answered):.2f} s (max {max(answered):.2f}) | "
            f"{statistics.median(baseline):.2f} s | ×{ratio:.1f} |")


def run(releases: int, posts: int) -> str:
    where = machine()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        emulator = EmulatorProcess(Path(tmp) / "emulator.log", debug=False)
        try:
            bundled = Path(tmp) / "bundled" / "corpus"
            shutil.copytree(ROOT / "corpus", bundled)
            count = len(list(bundled.glob("*.md")))
            rows.append(row("bundled corpus", count, asyncio.run(measure(emulator, bundled, posts, KNOWN_QUESTION))))
            synthetic = Path(tmp) / "synthetic" / "corpus"
            docs = list(itertools.islice(documents(releases * 8), releases))
            write_corpus(synthetic, docs)
            first = docs[0]
            known = (f"What about {first.title}?", first.title.split()[0].capitalize())
            rows.append(row("synthetic", releases, asyncio.run(measure(emulator, synthetic, posts, known))))
        finally:
            emulator.stop()
    return (f"# A channel post answerable\n\nMeasured {where}.\n\n"
            f"{posts} posts per corpus, one after another, each a new release in the configured channel "
            "(`python -m benchmarks.channel`). *indexed*: from sending the channel_post to the served index "
            "holding the release (write the file atomically, reload: hash, parse the new file, rebuild the "
            "postings, save). *answerable*: from sending the post to the answer quoting it arriving in a "
            "person's chat (asked as soon as it was indexed). *question*: the round trip of a question "
            "about a release that was already there, in the same run, the baseline of the ratio. "
            "Target: ≤ 60 s.\n\n"
            "| corpus | releases | indexed (median) | answerable (median) | question (median) | ratio |\n"
            "|---|---|---|---|---|---|\n" + "\n".join(rows) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--releases", type=int, default=RELEASES)
    parser.add_argument("--posts", type=int, default=POSTS)
    parser.add_argument("--no-write", action="store_true", help="print, do not write results/channel.md")
    args = parser.parse_args(argv)
    text = run(args.releases, args.posts)
    print(text)
    if not args.no_write:
        print(f"written to {write_result('channel', text)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
