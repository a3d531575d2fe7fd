"""Trying again what failed on the way to Telegram, so that a network hiccup does not lose an answer.

A dropped connection, a timeout or a 5xx from the Bot API (PTB's NetworkError) is worth another try after
a growing pause; a refusal never is: 400 BadRequest (a NetworkError subclass in PTB), 403 Forbidden (the
user blocked the bot), 401/404 InvalidToken. 429 RetryAfter is left to PTB's AIORateLimiter, which waits
exactly as long as Telegram says. "typing…" is not retried: it is cosmetic, and waiting on it would delay
the answer itself.

A timeout can strike after Telegram has stored the message; the retry then sends it twice. The Bot API has
no idempotency key, so a bot chooses between "at least once" and "at most once": a repeated answer is
better than a lost one.

Usage::

    message = await retry_transient(lambda: bot.send_message(chat_id, text), "sendMessage")
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from telegram.error import BadRequest, NetworkError

# PTB v22.2 deprecates time periods as numbers (RetryAfter.retry_after, …) for datetime.timedelta and warns on
# every 429 until a program opts in; the bot reads no time period as a number, so it opts in (the environment
# variable is PTB's documented switch, read when the value is used; an operator's own setting is kept).
os.environ.setdefault("PTB_TIMEDELTA", "true")
log = logging.getLogger(__name__)
T = TypeVar("T")
# Pauses between attempts, in seconds: six attempts over about 15 s, then the error surfaces.
RETRY_DELAYS: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0, 8.0)
NOT_RETRIED = frozenset({"sendChatAction"})


async def retry_transient(call: Callable[[], Awaitable[T]], endpoint: str,
                          delays: Sequence[float] = RETRY_DELAYS) -> T:
    """Await `call()`, again after each transient failure (NetworkError but not BadRequest), pausing
    `delays` in turn; the last failure is raised."""
    pauses = [] if endpoint in NOT_RETRIED else list(delays)
    while True:
        try:
            return await call()
        except BadRequest:
            raise
        except NetworkError as exc:
            if not pauses:
                raise
            pause = pauses.pop(0)
            log.info("%s failed (%s: %s); trying again in %.1f s", endpoint, type(exc).__name__, exc, pause)
            await asyncio.sleep(pause)
