"""Building and running the python-telegram-bot Application, as in PTB's own examples.

Usage::

    application = build_application(service)          # tests pass their own request objects
    application.run_polling(allowed_updates=Update.ALL_TYPES)
"""

from __future__ import annotations

import logging
import secrets

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder
from telegram.request import BaseRequest

from bot.handlers import SERVICE, register
from bot.service import Service
from responses.render import locale
from retrieval.analyzer import LANGUAGES

log = logging.getLogger(__name__)


def bot_commands(lang: str, admin: bool) -> list[BotCommand]:
    """The command menu in one language; /reload only in admins' menus."""
    t = locale(lang)
    commands = [BotCommand(name, text) for name, text in t["help_commands"].items()]
    if admin:
        commands += [BotCommand(name, text) for name, text in t["help_admin_commands"].items()]
    return commands


async def post_init(application: Application) -> None:  # type: ignore[type-arg]
    """Publish the command menus (per language, and per admin chat); a failure here is not fatal."""
    service: Service = application.bot_data[SERVICE]
    try:
        for lang in LANGUAGES:
            await application.bot.set_my_commands(bot_commands(lang, admin=False),
                                                  language_code=None if lang == "en" else lang)
        for admin_id in sorted(service.config.telegram.admins):
            await application.bot.set_my_commands(bot_commands("en", admin=True),
                                                  scope=BotCommandScopeChat(admin_id))
    except TelegramError as exc:
        log.warning("could not publish the command menu: %s", exc)


def build_application(service: Service, request: BaseRequest | None = None,
                      get_updates_request: BaseRequest | None = None,
                      rate_limit: bool = True) -> Application:  # type: ignore[type-arg]
    """An Application for the service's configuration: token, Bot API root, handlers, rate limiter."""
    tg = service.config.telegram
    if not tg.token:
        raise ValueError("the bot token is not configured (TELEGRAM_BOT_TOKEN)")
    root = tg.api_base_url.rstrip("/")
    builder = (
        ApplicationBuilder()
        .token(tg.token)
        .base_url(f"{root}/bot")  # PTB appends "<token>/<method>"
        .base_file_url(f"{root}/file/bot")
        .post_init(post_init)
    )
    if rate_limit:
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))  # type: ignore[arg-type]
    if request is not None:
        builder = builder.request(request)
    if get_updates_request is not None:
        builder = builder.get_updates_request(get_updates_request)
    application = builder.build()
    application.bot_data[SERVICE] = service
    return register(application)


def run_bot(service: Service, webhook_url: str | None = None, listen: str = "0.0.0.0",
            port: int = 8443) -> None:
    """Run until stopped (Ctrl-C, SIGTERM): long polling, or a webhook with a secret token."""
    application = build_application(service)
    tg = service.config.telegram
    log.info("pressbot starting: %d documents, %d passages, admins: %d", len(service.index.documents),
             len(service.index), len(tg.admins))
    if webhook_url:
        application.run_webhook(listen=listen, port=port, webhook_url=webhook_url,
                                secret_token=secrets.token_urlsafe(32), allowed_updates=Update.ALL_TYPES)
    else:
        application.run_polling(poll_interval=tg.poll_interval, timeout=int(tg.poll_timeout),
                                allowed_updates=Update.ALL_TYPES)
