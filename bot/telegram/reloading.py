"""One reload for every way the corpus changes while the bot runs: /reload, an admin's Add or Remove, a
channel post. Each rebuilds the index on a worker thread (Service.reload: atomic, the old index serves
until the swap) and then tells subscribers about the new press releases on their topics, in the
background, exactly as /reload always has.

Usage::

    result = await reload_corpus(context)          # inside any handler or job callback
    await send(message, service.reload_text(result, lang))
"""

from __future__ import annotations

import asyncio

from telegram.ext import ContextTypes

from pressbot.bot.core.service import ReloadResult
from pressbot.bot.telegram import subscriptions
from pressbot.bot.telegram.botdata import service_of, storage_of


async def reload_corpus(context: ContextTypes.DEFAULT_TYPE) -> ReloadResult:
    """Re-read the corpus on a worker thread; if that brought new press releases, notify subscribers."""
    service = service_of(context)
    before = frozenset(service.index.documents)
    result = await asyncio.to_thread(service.reload)
    new_ids = [doc_id for doc_id in service.index.documents if doc_id not in before]
    if result.ok and new_ids:
        context.application.create_task(
            subscriptions.notify_subscribers(context.bot, service, storage_of(context), new_ids),
            name="notify_subscribers")
    return result
