"""Bot API faults on demand, between pressbot and the emulator: a PTB request class that, when a plan says so,
answers a call itself (429 with retry_after, 500, 502, 403) or sends it where the network fails for real
(a server that never answers → timeout, one that hangs up → dropped connection, a closed port → refused).

Every fault happens before the emulator sees the call, so an injected getUpdates fault never swallows
updates: the emulator marks updates read only when it hands them out. (A fault after delivery, a timeout on
a sendMessage Telegram did store, cannot be answered exactly once by any bot: see bot/retries.py.)

Usage::

    plan = FaultPlan()
    plan.add("sendMessage", "500", "timeout")      # the next two sendMessage calls fail, in this order
    plan.block(chat_id)                              # every call to this chat: 403, the user blocked the bot
    async with Network() as network:
        request = FaultyRequest(plan, network)       # build_application(service, request=request, ...)
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import socket
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

from tests.telegram_emulator import EmulatorCompatRequest

Kind = Literal["429", "500", "502", "403", "timeout", "drop", "refused"]
KINDS: tuple[Kind, ...] = ("429", "500", "502", "403", "timeout", "drop", "refused")
RETRY_AFTER = dt.timedelta(seconds=1)  # what a 429 asks for (Telegram's smallest); PTB's type since v22.2
_RETRY_SECONDS = int(RETRY_AFTER.total_seconds())  # the Bot API sends whole seconds
TIMEOUT = 0.3  # read timeout of a call sent to the server that never answers
# What the Bot API answers for each fault that is an answer.
ANSWERS: dict[str, tuple[int, dict[str, Any]]] = {
    "429": (429, {"ok": False, "error_code": 429, "description": f"Too Many Requests: retry after {_RETRY_SECONDS}",
                  "parameters": {"retry_after": _RETRY_SECONDS}}),
    "500": (500, {"ok": False, "error_code": 500, "description": "Internal Server Error"}),
    "502": (502, {"ok": False, "error_code": 502, "description": "Bad Gateway"}),
    "403": (403, {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}),
}
# Methods that put something into a chat: a user who blocked the bot makes each of them fail with 403.
TO_A_CHAT = frozenset({"sendMessage", "sendChatAction", "editMessageText", "editMessageReplyMarkup",
                       "sendPhoto", "sendDocument", "copyMessage", "forwardMessage"})


@dataclass
class FaultPlan:
    """Which calls fail and how: a queue of faults per Bot API method, used up in order, and the chats whose
    user blocked the bot. Counts every call and every fault injected."""

    queued: dict[str, deque[Kind]] = field(default_factory=dict)
    blocked: set[int] = field(default_factory=set)
    calls: Counter[str] = field(default_factory=Counter)
    injected: Counter[str] = field(default_factory=Counter)
    to_blocked: Counter[str] = field(default_factory=Counter)

    def add(self, method: str, *kinds: Kind) -> None:
        self.queued.setdefault(method, deque()).extend(kinds)

    def block(self, chat_id: int) -> None:
        self.blocked.add(chat_id)

    def pending(self) -> int:
        return sum(len(q) for q in self.queued.values())

    def take(self, method: str, parameters: dict[str, Any]) -> Kind | None:
        """The fault for this call, if any (and count it)."""
        self.calls[method] += 1
        chat = parameters.get("chat_id")
        if method in TO_A_CHAT and chat is not None and int(chat) in self.blocked:
            self.to_blocked[method] += 1
            self.injected[f"{method}:403"] += 1
            return "403"
        queue = self.queued.get(method)
        if not queue:
            return None
        kind = queue.popleft()
        self.injected[f"{method}:{kind}"] += 1
        return kind

    def total_injected(self) -> int:
        return sum(self.injected.values())


def _closed_port() -> int:
    """A local port nobody listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


class Network:
    """Two local servers where HTTP fails for real (one never answers, one hangs up at once) and a closed
    port. Use `async with Network() as network:` in the test's event loop."""

    async def __aenter__(self) -> Network:
        self._hung: list[asyncio.StreamWriter] = []
        self._silent = await asyncio.start_server(self._never_answer, "127.0.0.1", 0)
        self._rude = await asyncio.start_server(self._hang_up, "127.0.0.1", 0)
        self.roots = {
            "timeout": f"http://127.0.0.1:{self._silent.sockets[0].getsockname()[1]}",
            "drop": f"http://127.0.0.1:{self._rude.sockets[0].getsockname()[1]}",
            "refused": f"http://127.0.0.1:{_closed_port()}",
        }
        return self

    async def __aexit__(self, *exc: object) -> None:
        for writer in self._hung:
            writer.close()
        for server in (self._silent, self._rude):
            server.close()
            await server.wait_closed()

    async def _never_answer(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._hung.append(writer)
        await reader.read(65536)

    async def _hang_up(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(1024)
        writer.close()

    def redirect(self, url: str, kind: str) -> str:
        """The same Bot API path on the failing server for `kind`."""
        parts = urlsplit(url)
        return self.roots[kind] + parts.path + (f"?{parts.query}" if parts.query else "")


class FaultyRequest(EmulatorCompatRequest):
    """EmulatorCompatRequest that injects the plan's faults; calls without a fault go to the emulator."""

    def __init__(self, plan: FaultPlan, network: Network, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.plan, self.network = plan, network

    async def do_request(self, url: str, method: str, request_data: Any = None,
                         **kwargs: Any) -> tuple[int, bytes]:
        endpoint = url.rsplit("/", 1)[-1]
        parameters = dict(request_data.parameters) if request_data is not None else {}
        kind = self.plan.take(endpoint, parameters)
        if kind is None:
            return await super().do_request(url, method, request_data, **kwargs)
        if kind in ANSWERS:
            code, body = ANSWERS[kind]
            return code, json.dumps(body).encode()
        if kind == "timeout":
            kwargs["read_timeout"] = TIMEOUT
        # The real HTTP client meets the real failure: httpx.ReadTimeout, RemoteProtocolError, ConnectError.
        return await super().do_request(self.network.redirect(url, kind), method, request_data, **kwargs)
