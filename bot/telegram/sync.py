"""The running bot reads the agency's feeds every `ingest.sync_minutes` (PTB's JobQueue), imports what
is new exactly as `pressbot sync` does, then reloads and notifies subscribers exactly as /reload does,
so a release published on the site becomes answerable without anyone touching the server.

Usage::

    schedule_sync(application)                      # from build_application; no-op when sync_minutes is 0
    schedule_sync(application, IngestConfig(feeds=("http://127.0.0.1:8000/rss",), sync_minutes=0.05))
"""

from __future__ import annotations

import asyncio
import logging

from pressbot.bot.core.config import IngestConfig
from pressbot.bot.telegram.botdata import BotApplication, Context, app_service, service_of
from pressbot.bot.telegram.handlers import reload_and_notify
from pressbot.retrieval.importer import sync_feeds

log = logging.getLogger(__name__)
JOB_NAME = "ingest_sync"
FIRST_SYNC_SECONDS = 60.0  # after start-up: the bot answers first, then looks for news


def schedule_sync(application: BotApplication, ingest: IngestConfig | None = None) -> None:
    """Run sync_job every ingest.sync_minutes (the service's configuration unless given); one run at a time."""
    ingest = ingest or app_service(application).config.ingest
    if not ingest.sync_minutes or not ingest.feeds:
        return
    if application.job_queue is None:
        log.warning("ingest.sync_minutes is set but PTB's JobQueue is not installed "
                    "(python-telegram-bot[job-queue]); feeds are not synced")
        return
    interval = ingest.sync_minutes * 60
    application.job_queue.run_repeating(sync_job, interval=interval, first=min(interval, FIRST_SYNC_SECONDS),
                                        name=JOB_NAME, data=ingest, job_kwargs={"max_instances": 1})
    log.info("syncing %d feed(s) every %g minute(s)", len(ingest.feeds), ingest.sync_minutes)


async def sync_job(context: Context) -> None:
    """Import what the feeds list and the corpus lacks (on a worker thread); reload when anything came."""
    ingest = context.job.data if context.job is not None else None
    if not isinstance(ingest, IngestConfig):
        return
    corpus = service_of(context).config.corpus
    report = await asyncio.to_thread(sync_feeds, ingest.feeds, corpus, limits=ingest.limits)
    for line in report.failed:
        log.warning("sync: %s", line)
    if not report.added:
        return
    log.info("sync: %d new press release(s): %s", len(report.added), ", ".join(p.name for p in report.added))
    result = await reload_and_notify(context.application)
    if not result.ok:
        log.warning("sync: the corpus did not reload (%d problem(s)); the old index keeps serving",
                    len(result.problems))
