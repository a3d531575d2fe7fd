"""Test-side plumbing for the npm Bot API emulator `telegram-test-api` (4.2.1), run on 127.0.0.1.

Three parts:
- `EmulatorProcess`: starts tests/emulator/tg-emulator.js and stops it (it also exits if we die).
- `EmulatorCompatRequest`: a python-telegram-bot request class that rewrites the emulator's answers
  where they differ from the real Bot API (see ../shared/telegram-e2e.md, section 5). It touches only
  responses; PTB and the emulator run unmodified. Where the real API has a method the emulator lacks and
  that only has side effects, it answers as the real API would (`ok: true, result: true`).
- `EmulatorUser`: the human in a private chat, through the emulator's client endpoints.
"""

from __future__ import annotations

import asyncio
import json
import os
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


def emulator_available() -> str | None:
    """None when the emulator can run here, else why not."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not (EMULATOR_DIR / "node_modules" / "telegram-test-api").is_dir():
        return "telegram-test-api is not installed: run ./test.sh (it runs npm ci in tests/emulator)"
    return None


class EmulatorProcess:
    """A running emulator; `api_url` is its root (the Bot API is at {api_url}/bot<token>/<method>)."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        env = dict(os.environ, DEBUG="TelegramServer:*")
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
                         "setMyDescription", "setMyShortDescription"})
    # The emulator answers `result: null` where the real API answers True.
    NULL_MEANS_TRUE = frozenset({"answerCallbackQuery", "editMessageText", "editMessageReplyMarkup",
                                 "deleteMessage", "setWebhook"})

    async def do_request(self, url: str, method: str, request_data: Any = None,
                         **kwargs: Any) -> tuple[int, bytes]:
        code, payload = await super().do_request(url, method, request_data, **kwargs)
        endpoint = url.rsplit("/", 1)[-1]
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

    def _fix_update(self, update: dict[str, Any]) -> None:
        query = update.get("callback_query")
        if query is not None:
            chat = (query.get("message") or {}).get("chat") or {}
            query.setdefault("chat_instance", str(chat.get("id", query["from"]["id"])))
            if query.get("message"):
                self._fix_message(query["message"])
        for key in ("message", "edited_message", "channel_post"):
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
                 first_name: str = "Alice", language_code: str = "en") -> None:
        self.http, self.api_url, self.token = http, api_url, token
        self.user = {"id": user_id, "is_bot": False, "first_name": first_name,
                     "username": first_name.lower(), "language_code": language_code}
        self.chat = {"id": user_id, "type": "private", "first_name": first_name}
        self._pending: list[dict[str, Any]] = []

    async def _post(self, path: str, body: dict[str, Any]) -> Any:
        response = await self.http.post(self.api_url + path, json=body)
        response.raise_for_status()
        data = response.json()
        assert data.get("ok"), data
        return data["result"]

    def _message(self, text: str) -> dict[str, Any]:
        return {"botToken": self.token, "from": self.user, "chat": self.chat, "date": int(time.time()),
                "text": text}

    async def send_text(self, text: str) -> None:
        await self._post("/sendMessage", self._message(text))

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

    async def replies(self, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:
        return [await self.next_reply(timeout) for _ in range(count)]

    async def no_reply(self, wait: float = 0.6) -> bool:
        """True if the bot sends nothing to this chat within `wait` seconds."""
        await asyncio.sleep(wait)
        self._pending += await self._post("/getUpdates", {"token": self.token, "chatId": self.chat["id"]})
        return not self._pending
