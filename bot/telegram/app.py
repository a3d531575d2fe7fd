"""Building and running the python-telegram-bot Application, as in PTB's own examples.

Usage::

    application = build_application(service)          # tests pass their own request objects
    application.run_polling(allowed_updates=Update.ALL_TYPES)
    run_bot(service, webhook_url="https://bot.example.org/pressbot")    # production: a webhook
"""

from __future__ import annotations

import logging
import secrets
import time
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder
from telegram.request import BaseRequest

from pressbot.bot.core.service import Service
from pressbot.bot.core.storage import Storage
from pressbot.bot.telegram.botdata import SERVICE, STORAGE
from pressbot.bot.telegram.handlers import register
from pressbot.bot.telegram.pacing import ChatPacedRateLimiter, PerChatUpdateProcessor
from pressbot.bot.telegram.sync import schedule_sync
from pressbot.responses.render import locale
from pressbot.retrieval.analyzer import LANGUAGES

log = logging.getLogger(__name__)
BUTTON_DAYS = 90  # buttons older than this answer "please ask again" (their state is dropped at start)
DEFAULT_LANGUAGE = "en"  # what Telegram shows users whose language has no menu of its own


def bot_commands(lang: str, admin: bool) -> list[BotCommand]:
    """The command menu in one language; the admin commands only in admins' menus."""
    t = locale(lang)
    commands = [BotCommand(name, text) for name, text in t["help_commands"].items()]
    if admin:
        commands += [BotCommand(name, text) for name, text in t["help_admin_commands"].items()]
    return commands


async def publish_profile(application: Application) -> None:  # type: ignore[type-arg]
    """Command menus and descriptions in every language (English also for every other language), and the
    admin menu in each admin's own chat (BotCommandScopeChat)."""
    service: Service = application.bot_data[SERVICE]
    bot = application.bot
    for lang in LANGUAGES:
        code = None if lang == DEFAULT_LANGUAGE else lang
        t = locale(lang)
        await bot.set_my_commands(bot_commands(lang, admin=False), language_code=code)
        await bot.set_my_description(t["bot_description"], language_code=code)
        await bot.set_my_short_description(t["bot_short_description"], language_code=code)
        for admin_id in sorted(service.config.telegram.admins):
            await bot.set_my_commands(bot_commands(lang, admin=True), scope=BotCommandScopeChat(admin_id),
                                      language_code=code)


async def post_init(application: Application) -> None:  # type: ignore[type-arg]
    """Publish the bot's profile (a failure here is not fatal) and forget buttons too old to keep."""
    storage: Storage = application.bot_data[STORAGE]
    dropped = storage.forget_buttons(older_than=time.time() - BUTTON_DAYS * 86_400)
    if dropped:
        log.info("forgot the state of %d buttons older than %d days", dropped, BUTTON_DAYS)
    try:
        await publish_profile(application)
    except TelegramError as exc:
        log.warning("could not publish the command menu and descriptions: %s", exc)


async def post_shutdown(application: Application) -> None:  # type: ignore[type-arg]
    storage: Storage = application.bot_data[STORAGE]
    storage.close()


def build_application(service: Service, request: BaseRequest | None = None,
                      get_updates_request: BaseRequest | None = None,
                      rate_limit: bool = True, storage: Storage | None = None) -> Application:  # type: ignore[type-arg]
    """An Application for the service's configuration: token, Bot API root, handlers, rate limiter, state."""
    tg = service.config.telegram
    if not tg.token:
        raise ValueError("the bot token is not configured (TELEGRAM_BOT_TOKEN)")
    root = tg.api_base_url.rstrip("/")
    builder = (
        ApplicationBuilder()
        .token(tg.token)
        .base_url(f"{root}/bot")  # PTB appends "<token>/<method>"
        .base_file_url(f"{root}/file/bot")
        .concurrent_updates(PerChatUpdateProcessor())
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if rate_limit:
        limiter = ChatPacedRateLimiter(chat_interval=tg.chat_interval, max_retries=3)
        builder = builder.rate_limiter(limiter)  # type: ignore[arg-type]
    if request is not None:
        builder = builder.request(request)
    if get_updates_request is not None:
        builder = builder.get_updates_request(get_updates_request)
    application = builder.build()
    application.bot_data[SERVICE] = service
    application.bot_data[STORAGE] = storage or Storage.open(service.config.state_path)
    register(application)
    schedule_sync(application)  # ingest.sync_minutes: feeds read by the JobQueue
    return application


@dataclass(frozen=True)
class Webhook:
    """The arguments of PTB's run_webhook/start_webhook: serve on the URL's path, and accept only requests
    carrying the secret token that setWebhook gave Telegram (X-Telegram-Bot-Api-Secret-Token)."""

    listen: str
    port: int
    url_path: str
    webhook_url: str
    secret_token: str


def webhook(url: str, listen: str = "0.0.0.0", port: int = 8443, secret_token: str | None = None) -> Webhook:
    """Webhook settings for a public URL; a fresh random secret token unless one is given."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"the webhook URL must be http(s)://host/path, got {url!r}")
    return Webhook(listen=listen, port=port, url_path=parts.path.strip("/"), webhook_url=url,
                   secret_token=secret_token or secrets.token_urlsafe(32))


def run_bot(service: Service, webhook_url: str | None = None, listen: str = "0.0.0.0",
            port: int = 8443) -> None:
    """Run until stopped (Ctrl-C, SIGTERM): long polling, or a webhook with a secret token."""
    application = build_application(service)
    tg = service.config.telegram
    log.info("pressbot starting: %d documents, %d passages, admins: %d", len(service.index.documents),
             len(service.index), len(tg.admins))
    if webhook_url:
        application.run_webhook(**asdict(webhook(webhook_url, listen, port)), allowed_updates=Update.ALL_TYPES)
    else:
        application.run_polling(poll_interval=tg.poll_interval, timeout=int(tg.poll_timeout),
                                allowed_updates=Update.ALL_TYPES)
