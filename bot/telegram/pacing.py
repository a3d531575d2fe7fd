"""Keeping to Telegram's pace without one chat holding up the others.

- `ChatPacedRateLimiter`: PTB's AIORateLimiter (30 messages/s overall, 20/min per group, RetryAfter
  handling) plus Telegram's "no more than one message per second in a chat", with the same aiolimiter
  leaky buckets PTB uses.
- `PerChatUpdateProcessor`: updates from different chats are handled concurrently (a slow reload or a
  paced reply in one chat does not delay the others), updates from one chat strictly in arrival order.

Usage::

    ApplicationBuilder().rate_limiter(ChatPacedRateLimiter(chat_interval=1.0, max_retries=3))
                        .concurrent_updates(PerChatUpdateProcessor())
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from aiolimiter import AsyncLimiter
from telegram import Update
from telegram.ext import AIORateLimiter, BaseUpdateProcessor

from pressbot.bot.telegram.retries import retry_transient

MAX_IDLE_LIMITERS = 512  # beyond this many chats, limiters with full capacity are dropped (as PTB does)
MAX_CONCURRENT_UPDATES = 256
# Bot API methods that put a message into a chat; chat actions ("typing…"), edits and answers to button
# presses are not messages.
UNPACED = frozenset({"sendChatAction"})


def is_message(endpoint: str) -> bool:
    return endpoint.startswith(("send", "copyMessage", "forwardMessage")) and endpoint not in UNPACED


class ChatPacedRateLimiter(AIORateLimiter):
    """AIORateLimiter with one more bucket per chat: at most one message per `chat_interval` seconds."""

    def __init__(self, chat_interval: float = 1.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._chat_interval = chat_interval
        self._chat_limiters: dict[str, AsyncLimiter] = {}

    def _chat_limiter(self, chat_id: str) -> AsyncLimiter:
        if len(self._chat_limiters) > MAX_IDLE_LIMITERS:
            for key, limiter in list(self._chat_limiters.items()):
                if key != chat_id and limiter.has_capacity(limiter.max_rate):
                    del self._chat_limiters[key]
        if chat_id not in self._chat_limiters:
            self._chat_limiters[chat_id] = AsyncLimiter(max_rate=1, time_period=self._chat_interval)
        return self._chat_limiters[chat_id]

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        if endpoint in UNPACED:
            # "typing…" is not a message: Telegram's 30 messages/s budget is not spent on it.
            return await retry_transient(lambda: callback(*args, **kwargs), endpoint)
        chat_id = data.get("chat_id")
        if chat_id is not None and self._chat_interval > 0 and is_message(endpoint):
            # Wait for the chat's turn first, so a paced chat never holds a slot of the overall bucket.
            await self._chat_limiter(str(chat_id)).acquire()
        limited = super().process_request  # a dropped connection, a timeout or a 5xx: try again (bot/retries.py)
        return await retry_transient(lambda: limited(callback, args, kwargs, endpoint, data, rate_limit_args),
                                     endpoint)


def chat_key(update: object) -> int | None:
    """The chat (else the person) whose updates must be handled in order; None for anything else."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    return update.effective_user.id if update.effective_user else None


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Concurrent across chats, sequential within a chat (asyncio.Lock wakes its waiters first come, first
    served, and PTB starts one task per update in arrival order)."""

    def __init__(self, max_concurrent_updates: int = MAX_CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = chat_key(update)
        if key is None:
            await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._users[key] = self._users.get(key, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._users[key] -= 1
            if not self._users[key]:  # nobody else waits on this chat: forget its lock
                del self._users[key]
                with contextlib.suppress(KeyError):
                    del self._locks[key]

    async def initialize(self) -> None:
        """Nothing to allocate."""

    async def shutdown(self) -> None:
        """Nothing to free."""
