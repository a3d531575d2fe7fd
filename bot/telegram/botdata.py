"""What every handler shares through PTB's `context.bot_data`, typed: PTB builds one `BotData` per Application
(`ContextTypes(bot_data=BotData)`, as in PTB's examples/contexttypesbot.py), so handlers read attributes that
mypy checks instead of string keys.

Usage::

    application = ApplicationBuilder().token(token).context_types(CONTEXT_TYPES).build()
    application.bot_data.service = service
    service_of(context).ask("…")                  # in a handler: the Service, the Storage, the Texts
"""

from __future__ import annotations

from typing import Any

import tornado.httpserver
from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from pressbot.bot.core.service import Service
from pressbot.bot.core.storage import Storage
from pressbot.bot.core.texts import Texts
from pressbot.retrieval.drafts import CorpusSnapshot


class BotData:
    """The Application's shared state; PTB creates it empty, build_application fills it."""

    def __init__(self) -> None:
        self.service: Service | None = None
        self.storage: Storage | None = None
        self.texts: Texts | None = None  # the command texts of `service`
        # (the served index's fingerprint, the corpus snapshot that matches it), kept from one channel post to the
        # next, so that a stream of posts does not re-read the whole corpus each time (10,000 releases: ~10 s).
        self.channel_snapshot: tuple[str, CorpusSnapshot] | None = None
        self.health_address: tuple[str, int] | None = None  # (listen, port) of GET /healthz, in webhook mode
        self.health_server: tornado.httpserver.HTTPServer | None = None  # the running one, for post_shutdown

    def serve(self, service: Service, storage: Storage) -> None:
        """Share a service (and its command texts) and a storage with every handler."""
        self.service, self.storage, self.texts = service, storage, Texts(service)


CONTEXT_TYPES = ContextTypes(bot_data=BotData)
Context = CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], BotData]  # what handlers receive
BotApplication = Application[Any, Any, Any, Any, BotData, Any]  # PTB's other type parameters are its defaults


def _served(data: BotData) -> tuple[Service, Storage, Texts]:
    if data.service is None or data.storage is None or data.texts is None:
        raise RuntimeError("bot_data holds no service: build the Application with build_application")
    return data.service, data.storage, data.texts


def service_of(context: Context) -> Service:
    return _served(context.bot_data)[0]


def storage_of(context: Context) -> Storage:
    return _served(context.bot_data)[1]


def texts_of(context: Context) -> Texts:
    return _served(context.bot_data)[2]


def app_service(application: BotApplication) -> Service:
    return _served(application.bot_data)[0]


def app_storage(application: BotApplication) -> Storage:
    return _served(application.bot_data)[1]
