"""One reload for every way the corpus changes while the bot runs: /reload, a feed sync, an admin's Add or
Remove, a channel post. Each rebuilds the index on a worker thread (Service.reload: atomic, a broken corpus
leaves the old index serving), lets the caller report, then tells subscribers about the new press
releases on their topics, in the background, exactly as /reload always has.

Usage::

    result = await reload_and_notify(context.application)          # in any handler or job callback
    await reload_and_notify(application, lambda result: send(message, texts_of(context).reload_text(result, lang)))
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from pressbot.bot.core.service import ReloadResult
from pressbot.bot.telegram import subscriptions
from pressbot.bot.telegram.botdata import BotApplication, app_service, app_storage


async def reload_and_notify(application: BotApplication,
                            report: Callable[[ReloadResult], Awaitable[object]] | None = None) -> ReloadResult:
    """Rebuild the index on a worker thread (atomic: a broken corpus leaves the old one serving), let
    `report` tell whoever asked, then tell subscribers about new press releases (in the background).
    /reload, and every other way releases arrive (feed sync, uploads, the channel), go through here."""
    service = app_service(application)
    before = frozenset(service.index.documents)
    result: ReloadResult = await asyncio.to_thread(service.reload)
    if report is not None:
        await report(result)
    new_ids = [doc_id for doc_id in service.index.documents if doc_id not in before]
    if result.ok and new_ids:
        application.create_task(
            subscriptions.notify_subscribers(application.bot, service, app_storage(application), new_ids),
            name="notify_subscribers")
    return result
