"""Test-side plumbing for the npm Bot API emulator `telegram-test-api` (4.2.1), run on 127.0.0.1.

Three parts:
- `EmulatorProcess`: starts tests/emulator/tg-emulator.js and stops it (it also exits if we die).
- `EmulatorCompatRequest`: a python-telegram-bot request class that rewrites the emulator's answers
  where they differ from the real Bot API (see ../shared/telegram-e2e.md, section 5). It touches only
  responses; PTB and the emulator run unmodified. Where the real API has a method the emulator lacks and
  that only has side effects, it answers as the real API would (`ok: true, result: true`).
- `EmulatorUser`: the human in a private chat (or a group), through the emulator's client endpoints.

Where the emulator lacks something the real Bot API has, the adapter fills in, and says what the real API
does:
- It records every Bot API call the bot makes (`EmulatorCompatRequest.calls`), because the emulator keeps
  nothing of the methods it lacks (setMyCommands, setMyDescription, answerInlineQuery …) or of
  answerCallbackQuery: tests read the parameters from there, as Telegram would have received them.
- Update types the emulator cannot store (inline queries, channel posts and their edits) travel inside an
  ordinary client message under the key `__update__` and are unwrapped into the real update shape on the
  way back (`getUpdates`): see `EmulatorUser.send_update` and `EmulatorUser.post_in_channel`.
- Files: the emulator has none (no getFile, no file downloads). `EmulatorUser.send_document` keeps the
  bytes on the test side (`FILES`) and sends a message with a Bot API `document`; the adapter answers the
  bot's getFile and its download from {api_url}/file/bot<token>/<file_path> from there, as Telegram's
  file server would (404 for an unknown file).
"""

from __future__ import annotations

import asyncio
import html
import json
import os
import re
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx
from telegram.request import HTTPXRequest

EMULATOR_DIR = Path(__file__).parent / "emulator"
# What the emulator's getMe answers for every token.
EMULATOR_BOT = {"id": 666, "is_bot": True, "first_name": "Test First name", "username": "TestNameBot"}
# Telegram's file storage, played by the test side: file_id → the file's bytes (see EmulatorUser.send_document).
FILES: dict[str, bytes] = {}
FILE_PATH_PREFIX = "documents/"


def emulator_available() -> str | None:
    """None when the emulator can run here, else why not."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not (EMULATOR_DIR / "node_modules" / "telegram-test-api").is_dir():
        return "telegram-test-api is not installed: run ./test.sh (it runs npm ci in tests/emulator)"
    return None


class EmulatorProcess:
    """A running emulator; `api_url` is its root (the Bot API is at {api_url}/bot<token>/<method>)."""

    def __init__(self, log_path: Path, debug: bool = True) -> None:
        self.log_path = log_path
        # debug: log every request (methods_called reads it); a load test turns it off to spare the CPU.
        env = dict(os.environ, DEBUG="TelegramServer:*" if debug else "")
        self._log = open(log_path, "w")  # noqa: SIM115 - closed in stop()
        self._proc = subprocess.Popen(["node", str(EMULATOR_DIR / "tg-emulator.js"), "0"], cwd=EMULATOR_DIR,
                                      env=env, text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=self._log)
        assert self._proc.stdout is not None
        ready, _, _ = select.select([self._proc.stdout], [], [], 30)
        line = self._proc.stdout.readline() if ready else ""
        if not line.startswith("TG_EMULATOR_READY "):
            self.stop()
            raise RuntimeError(f"emulator did not start: {line!r}\n{log_path.read_text()[-2000:]}")
        self.api_url: str = json.loads(line.split(" ", 1)[1])["apiURL"]

    def methods_called(self, token: str) -> list[str]:
        """Bot API methods this token called, read from the emulator's debug log."""
        needle = f'"url":"/bot{token}/'
        methods = []
        for line in self.log_path.read_text().splitlines():
            i = line.find(needle)
            if i >= 0:
                methods.append(line[i + len(needle):].split('"', 1)[0].split("?")[0])
        return methods

    def stop(self) -> None:
        if self._proc.stdin:
            self._proc.stdin.close()
        self._proc.terminate()
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        if self._proc.stdout:
            self._proc.stdout.close()
        self._log.close()


class EmulatorCompatRequest(HTTPXRequest):
    """PTB's HTTPXRequest, with the emulator's answers made to look like the real Bot API's."""

    # Real API methods the emulator lacks (HTTP 500 "not supported") whose result is just True.
    STUBBED = frozenset({"sendChatAction", "setMyCommands", "deleteMyCommands", "setChatMenuButton",
                         "setMyDescription", "setMyShortDescription", "answerInlineQuery"})
    # The emulator answers `result: null` where the real API answers True.
    NULL_MEANS_TRUE = frozenset({"answerCallbackQuery", "editMessageText", "editMessageReplyMarkup",
                                 "deleteMessage", "setWebhook"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Every call made through this request object: (Bot API method, its parameters).
        self.calls: list[tuple[str, dict[str, Any]]] = []
        # Bot API method → the 400 Bad Request description real Telegram would answer it with, for cases
        # the emulator cannot produce (e.g. answerCallbackQuery on a press older than ~15 s).
        self.refusals: dict[str, str] = {}

    def parameters(self, endpoint: str) -> list[dict[str, Any]]:
        """The parameters of each call to one Bot API method, in order."""
        return [params for name, params in self.calls if name == endpoint]

    async def do_request(self, url: str, method: str, request_data: Any = None,
                         **kwargs: Any) -> tuple[int, bytes]:
        endpoint = url.rsplit("/", 1)[-1]
        self.calls.append((endpoint, dict(request_data.parameters) if request_data is not None else {}))
        if endpoint in self.refusals:
            return 400, json.dumps({"ok": False, "error_code": 400, "description": self.refusals[endpoint]}).encode()
        if endpoint == "getFile" or "/file/bot" in url:
            return self._serve_file(url, endpoint, request_data)
        code, payload = await super().do_request(url, method, request_data, **kwargs)
        try:
            data = json.loads(payload)
        except ValueError:
            return code, payload
        if code >= 400 and "description" not in data:
            if endpoint in self.STUBBED and "is not supported" in str(data.get("message", "")):
                return 200, json.dumps({"ok": True, "result": True}).encode()
            description = f"telegram-test-api: {data.get('message', data)}"
            return code, json.dumps({"ok": False, "error_code": code, "description": description}).encode()
        if code == 200 and data.get("ok") is False:
            return int(data.get("error_code", 400)), payload  # PTB reads errors from the HTTP status
        if code != 200:
            return code, payload
        result = data.get("result")
        if endpoint == "getMe":
            result.setdefault("is_bot", True)
        elif endpoint == "getUpdates":
            for update in result:
                self._fix_update(update)
        elif result is None and endpoint in self.NULL_MEANS_TRUE:
            data["result"] = True
        elif isinstance(result, dict) and "message_id" in result:
            self._fix_message(result)
        return code, json.dumps(data).encode()

    @staticmethod
    def _serve_file(url: str, endpoint: str, request_data: Any) -> tuple[int, bytes]:
        """getFile and the file download, answered from FILES as the real Bot API would."""
        if endpoint == "getFile":
            file_id = str(request_data.parameters.get("file_id")) if request_data is not None else ""
            if file_id not in FILES:
                return 400, json.dumps({"ok": False, "error_code": 400,
                                        "description": "Bad Request: invalid file_id"}).encode()
            return 200, json.dumps({"ok": True, "result": {
                "file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": len(FILES[file_id]),
                "file_path": FILE_PATH_PREFIX + file_id}}).encode()
        file_id = url.rsplit("/", 1)[-1]
        if file_id not in FILES:
            return 404, json.dumps({"ok": False, "error_code": 404, "description": "Not Found"}).encode()
        return 200, FILES[file_id]

    def _fix_update(self, update: dict[str, Any]) -> None:
        smuggled = (update.get("message") or {}).get("__update__")
        if smuggled:  # see EmulatorUser.send_update
            del update["message"]
            update.update(smuggled)
            return
        query = update.get("callback_query")
        if query is not None:
            chat = (query.get("message") or {}).get("chat") or {}
            query.setdefault("chat_instance", str(chat.get("id", query["from"]["id"])))
            if query.get("message"):
                self._fix_message(query["message"])
        for key in ("message", "edited_message", "channel_post", "edited_channel_post"):
            if update.get(key):
                self._fix_message(update[key])

    @staticmethod
    def _fix_message(message: dict[str, Any]) -> None:
        # The emulator stamps bot messages in milliseconds; Telegram uses seconds.
        if isinstance(message.get("date"), int | float) and message["date"] > 10**11:
            message["date"] = int(message["date"] // 1000)
        if "chat_id" in message and "from" not in message:
            message["from"] = dict(EMULATOR_BOT)
        # The emulator echoes urlencoded parameters; the real API answers with objects.
        for key in ("link_preview_options", "reply_markup", "entities"):
            value = message.get(key)
            if isinstance(value, str) and value[:1] in "{[":
                message[key] = json.loads(value)


class EmulatorUser:
    """One person in a private chat with the bot, through the emulator's client API."""

    def __init__(self, http: httpx.AsyncClient, api_url: str, token: str, user_id: int = 1001,
                 first_name: str = "Alice", language_code: str = "en", chat: dict[str, Any] | None = None) -> None:
        self.http, self.api_url, self.token = http, api_url, token
        self.user = {"id": user_id, "is_bot": False, "first_name": first_name,
                     "username": first_name.lower(), "language_code": language_code}
        # A private chat by default; pass {"id": -100…, "type": "supergroup", "title": …} for a group.
        self.chat = chat or {"id": user_id, "type": "private", "first_name": first_name}
        self._pending: list[dict[str, Any]] = []
        self._queries = 0

    async def _post(self, path: str, body: dict[str, Any]) -> Any:
        response = await self.http.post(self.api_url + path, json=body)
        response.raise_for_status()
        data = response.json()
        assert data.get("ok"), data
        return data["result"]

    def _message(self, text: str) -> dict[str, Any]:
        return {"botToken": self.token, "from": self.user, "chat": self.chat, "date": int(time.time()),
                "text": text}

    async def send_text(self, text: str, entities: list[dict[str, Any]] | None = None,
                        reply_to: dict[str, Any] | None = None) -> None:
        """A text message, optionally with entities (mentions) or as a reply to a bot message from next_reply()."""
        message = self._message(text)
        if entities:
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = self.bot_message(reply_to)
        await self._post("/sendMessage", message)

    def bot_message(self, record: dict[str, Any]) -> dict[str, Any]:
        """A bot message from next_reply() as it appears inside an update (reply_to_message, callback)."""
        return {"message_id": record["messageId"], "date": int(time.time()), "chat": self.chat,
                "from": dict(EMULATOR_BOT), "text": record["message"].get("text", "")}

    async def press_button(self, record: dict[str, Any], callback_data: str) -> None:
        """Press an inline button under a bot message from next_reply()."""
        await self._post("/sendCallback", {"botToken": self.token, "from": self.user,
                                           "message": self.bot_message(record), "data": callback_data})

    async def send_update(self, update: dict[str, Any]) -> None:
        """An update of a type the emulator cannot store (e.g. {"inline_query": {...}}), smuggled inside a
        client message and unwrapped by EmulatorCompatRequest; real Telegram sends it as it is."""
        body = self._message("")
        body["__update__"] = update
        await self._post("/sendMessage", body)

    async def send_inline_query(self, query: str) -> str:
        """Type "@bot query" in some chat: Telegram sends the bot an inline_query; its id is returned."""
        self._queries += 1
        query_id = f"{self.user['id']}-{self._queries}-{time.monotonic_ns()}"
        await self.send_update({"inline_query": {"id": query_id, "from": self.user, "query": query,
                                                 "offset": "", "chat_type": "sender"}})
        return query_id

    async def send_document(self, name: str, data: bytes, file_size: int | None = -1,
                            **fields: Any) -> str:
        """A file sent to the bot (a Bot API `document`); the bytes stay on the test side (FILES) until the bot
        downloads them. file_size: what Telegram declares (-1: the real size; None: not declared). Extra
        fields (caption, forward_origin …) go into the message. Returns the file_id."""
        file_id = f"doc-{self.user['id']}-{time.monotonic_ns()}"
        FILES[file_id] = data
        document: dict[str, Any] = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": name,
                                    "mime_type": "text/html" if name.endswith((".html", ".htm")) else "text/plain"}
        if file_size is not None:
            document["file_size"] = len(data) if file_size == -1 else file_size
        await self.send_raw({"document": document, **fields})
        return file_id

    async def forward(self, text: str | None, origin: dict[str, Any], **fields: Any) -> None:
        """A message forwarded to the bot: `origin` is a Bot API MessageOrigin (see channel_origin)."""
        message: dict[str, Any] = {"forward_origin": origin, **fields}
        if text is not None:
            message["text"] = text
        await self.send_raw(message)

    async def post_in_channel(self, message_id: int, text: str | None, edit_date: int | None = None,
                              date: int | None = None, **fields: Any) -> None:
        """This chat (a channel: {"id": -100…, "type": "channel", "title": …, "username": …}) posts or, with
        edit_date, edits a post: Telegram sends its administrator bots a channel_post / edited_channel_post.
        The emulator has neither, so the update is smuggled (send_update)."""
        post: dict[str, Any] = {"message_id": message_id, "date": date or int(time.time()), "chat": self.chat,
                                "sender_chat": self.chat, **fields}
        if text is not None:
            post["text"] = text
        if edit_date is not None:
            post["edit_date"] = edit_date
        await self.send_update({"edited_channel_post" if edit_date is not None else "channel_post": post})

    async def send_command(self, text: str) -> None:
        message = self._message(text)
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split(" ", 1)[0])}]
        await self._post("/sendCommand", message)

    async def send_raw(self, message: dict[str, Any]) -> None:
        """A message with fields of its own (a sticker, a photo …) on top of the usual ones."""
        body = self._message("")
        del body["text"]
        body.update(message)
        await self._post("/sendMessage", body)

    async def next_reply(self, timeout: float = 10.0) -> dict[str, Any]:
        """The bot's next message to this chat: the raw sendMessage parameters under ["message"]."""
        deadline = time.monotonic() + timeout
        while not self._pending:
            self._pending += await self._post("/getUpdates", {"token": self.token, "chatId": self.chat["id"]})
            if self._pending:
                break
            if time.monotonic() > deadline:
                raise AssertionError(f"no reply from the bot within {timeout}s")
            await asyncio.sleep(0.05)
        return self._pending.pop(0)

    async def history(self) -> list[dict[str, Any]]:
        """Every record the emulator holds for this bot, bot messages with their current (edited) state."""
        result: list[dict[str, Any]] = await self._post("/getUpdatesHistory", {"token": self.token})
        return result

    async def replies(self, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:
        return [await self.next_reply(timeout) for _ in range(count)]

    async def no_reply(self, wait: float = 0.6) -> bool:
        """True if the bot sends nothing to this chat within `wait` seconds."""
        await asyncio.sleep(wait)
        self._pending += await self._post("/getUpdates", {"token": self.token, "chatId": self.chat["id"]})
        return not self._pending


def channel_origin(channel: dict[str, Any], message_id: int, date: int | None = None) -> dict[str, Any]:
    """The forward_origin of a post forwarded from a channel (Bot API MessageOriginChannel)."""
    return {"type": "channel", "chat": channel, "message_id": message_id, "date": date or int(time.time())}


def keyboard(record: dict[str, Any]) -> list[list[tuple[str, str]]]:
    """The inline keyboard under a bot message from next_reply(): rows of (text, callback_data)."""
    markup = record["message"].get("reply_markup") or {}
    if isinstance(markup, str):
        markup = json.loads(markup)
    return [[(b["text"], b.get("callback_data", "")) for b in row] for row in markup.get("inline_keyboard", [])]


def visible(telegram_html: str) -> str:
    """What a person sees of a Telegram HTML text: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", telegram_html))


def recorder(application: Any) -> EmulatorCompatRequest:
    """The request object (and so the call record) of a bot built with EmulatorCompatRequest."""
    request = application.bot.request
    assert isinstance(request, EmulatorCompatRequest), request
    return request


async def wait_for_calls(request: EmulatorCompatRequest, endpoint: str, count: int,
                         timeout: float = 10.0) -> list[dict[str, Any]]:
    """Wait until the bot has called a Bot API method `count` times; the parameters of each call."""
    deadline = time.monotonic() + timeout
    while True:
        calls = request.parameters(endpoint)
        if len(calls) >= count:
            return calls
        if time.monotonic() > deadline:
            raise AssertionError(f"{endpoint} called {len(calls)} of {count} times within {timeout}s")
        await asyncio.sleep(0.05)
