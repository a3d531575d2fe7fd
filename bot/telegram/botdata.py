"""What every handler shares through PTB's `context.bot_data`: the Service (index and replies) and the
Storage (the bot's SQLite memory)."""

from __future__ import annotations

from telegram.ext import ContextTypes

from pressbot.bot.core.service import Service
from pressbot.bot.core.storage import Storage

SERVICE = "service"
STORAGE = "storage"


def service_of(context: ContextTypes.DEFAULT_TYPE) -> Service:
    service: Service = context.bot_data[SERVICE]
    return service


def storage_of(context: ContextTypes.DEFAULT_TYPE) -> Storage:
    storage: Storage = context.bot_data[STORAGE]
    return storage
