"""Building and running the python-telegram-bot Application, as in PTB's own examples.

Usage::

    check_bot_api(service.config.telegram)            # one getMe: StartError says what to check
    application = build_application(service)          # tests pass their own request objects
    application.run_polling(allowed_updates=Update.ALL_TYPES)
    run_bot(service, webhook_url="https://bot.example.org/pressbot")    # production: a webhook
"""

from __future__ import annotations

import asyncio
import logging
import re
import secrets
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

from telegram import Bot, BotCommand, BotCommandScopeChat, Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import ApplicationBuilder
from telegram.request import BaseRequest

from pressbot.bot.core.config import TelegramConfig
from pressbot.bot.core.service import Service
from pressbot.bot.core.storage import Storage
from pressbot.bot.telegram.botdata import CONTEXT_TYPES, BotApplication, app_service, app_storage
from pressbot.bot.telegram.handlers import register
from pressbot.bot.telegram.health import start_health_server
from pressbot.bot.telegram.pacing import ChatPacedRateLimiter, PerChatUpdateProcessor
from pressbot.bot.telegram.privacy import schedule_retention
from pressbot.bot.telegram.sync import schedule_sync
from pressbot.responses.render import locale
from pressbot.retrieval.analyzer import LANGUAGES

log = logging.getLogger(__name__)
DEFAULT_LANGUAGE = "en"  # what Telegram shows users whose language has no menu of its own


def bot_commands(lang: str, admin: bool) -> list[BotCommand]:
    """The command menu in one language; the admin commands only in admins' menus."""
    t = locale(lang)
    commands = [BotCommand(name, text) for name, text in t["help_commands"].items()]
    if admin:
        commands += [BotCommand(name, text) for name, text in t["help_admin_commands"].items()]
    return commands


async def publish_profile(application: BotApplication) -> None:
    """Command menus and descriptions in every language (English also for every other language), and the
    admin menu in each admin's own chat (BotCommandScopeChat). The descriptions come from the served
    corpus's agency profile, so a changed agency.yaml reaches Telegram on the next start."""
    service = app_service(application)
    bot = application.bot
    for lang in LANGUAGES:
        code = None if lang == DEFAULT_LANGUAGE else lang
        t = service.renderer.texts(lang)  # the descriptions name the agency: its profile's, beside the corpus
        await bot.set_my_commands(bot_commands(lang, admin=False), language_code=code)
        await bot.set_my_description(t["bot_description"], language_code=code)
        await bot.set_my_short_description(t["bot_short_description"], language_code=code)
        for admin_id in sorted(service.config.telegram.admins):
            await bot.set_my_commands(bot_commands(lang, admin=True), scope=BotCommandScopeChat(admin_id),
                                      language_code=code)


async def post_init(application: BotApplication) -> None:
    """Publish the bot's profile (a failure here is not fatal), delete what is past privacy.retention_days,
    and schedule that deletion daily (bot/telegram/privacy.py)."""
    schedule_retention(application)
    data = application.bot_data
    if data.health_address is not None:  # webhook mode: GET /healthz for the load balancer
        listen, port = data.health_address
        data.health_server = start_health_server(lambda: data.service, listen, port)
    try:
        await publish_profile(application)
    except TelegramError as exc:
        log.warning("could not publish the command menu and descriptions: %s", exc)


async def post_shutdown(application: BotApplication) -> None:
    app_storage(application).close()
    server, application.bot_data.health_server = application.bot_data.health_server, None
    if server is not None:
        server.stop()


def build_application(service: Service, request: BaseRequest | None = None,
                      get_updates_request: BaseRequest | None = None,
                      rate_limit: bool = True, storage: Storage | None = None) -> BotApplication:
    """An Application for the service's configuration: token, Bot API root, handlers, rate limiter, state."""
    tg = service.config.telegram
    if not tg.token:
        raise ValueError("the bot token is not configured (TELEGRAM_BOT_TOKEN)")
    root = tg.api_base_url.rstrip("/")
    builder = (
        ApplicationBuilder()
        .context_types(CONTEXT_TYPES)  # bot_data is a BotData (bot/telegram/botdata.py), not a dict
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
    application.bot_data.serve(service, storage or Storage.open(service.config.state_path))
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
            port: int = 8443, health_port: int | None = None) -> None:
    """Run until stopped (Ctrl-C, SIGTERM): long polling, or a webhook with a secret token (and GET /healthz
    on health_port, by default the webhook's port + 1)."""
    application = build_application(service)
    if webhook_url:
        application.bot_data.health_address = (listen, health_port or port + 1)
    tg = service.config.telegram
    log.info("pressbot starting: %d documents, %d passages, admins: %d", len(service.index.documents),
             len(service.index), len(tg.admins))
    if webhook_url:
        application.run_webhook(**asdict(webhook(webhook_url, listen, port)), allowed_updates=Update.ALL_TYPES)
    else:
        application.run_polling(poll_interval=tg.poll_interval, timeout=int(tg.poll_timeout),
                                allowed_updates=Update.ALL_TYPES)


# --- start-up faults: one line and what to check, never the token ----------------------------------------
# @BotFather's tokens: the bot's numeric id, a colon, 35 letters, digits, "-" or "_" (a little slack kept).
TOKEN_SHAPE = re.compile(r"[0-9]{1,20}:[A-Za-z0-9_-]{30,64}")
TOKEN_HINT = "check the token with @BotFather (/mybots → API Token) and set TELEGRAM_BOT_TOKEN to it"
API_HINT = ("check the network, and PRESSBOT_API_BASE_URL (the Bot API server root, default "
            "https://api.telegram.org)")


class StartError(Exception):
    """Why the bot cannot start: the problem in one line, a hint, and the command's exit status."""

    def __init__(self, problem: str, hint: str, status: int) -> None:
        super().__init__(problem)
        self.problem, self.hint, self.status = problem, hint, status


def token_shape_problem(token: str) -> str | None:
    """What is wrong with the token's shape (never the token itself), or None; checked before any network call."""
    if TOKEN_SHAPE.fullmatch(token):
        return None
    return (f"TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then about 35 letters, digits, "
            f"'-' or '_'; this one has {len(token)} characters): {TOKEN_HINT}")


async def get_me(tg: TelegramConfig) -> None:
    """One getMe with a plain Bot (none of the running bot's retries); a StartError says what failed and what
    to check, and the traceback goes to the log at DEBUG."""
    root = tg.api_base_url.rstrip("/")
    try:
        async with Bot(tg.token or "", base_url=f"{root}/bot", base_file_url=f"{root}/file/bot"):
            pass  # entering calls getMe
    except InvalidToken as exc:  # PTB: HTTP 401 or 404 to getMe
        log.debug("getMe failed", exc_info=True)
        answer = str(exc.__cause__ or "")
        if "unauthorized" in answer.lower():
            raise StartError("Telegram rejected the token (TELEGRAM_BOT_TOKEN): 401 Unauthorized",
                             TOKEN_HINT, status=2) from None
        raise StartError(f"the Bot API at {tg.api_base_url} does not know the token (TELEGRAM_BOT_TOKEN): "
                         f"{answer or 'Not Found'}", f"{TOKEN_HINT}; {API_HINT}", status=2) from None
    except NetworkError as exc:  # connection refused, DNS, timeout, 5xx
        log.debug("getMe failed", exc_info=True)
        raise StartError(f"cannot reach the Bot API at {tg.api_base_url}: {exc}", API_HINT, status=1) from None
    except (TelegramError, TypeError, ValueError, KeyError) as exc:  # an answer not shaped as the Bot API's
        log.debug("getMe failed", exc_info=True)
        raise StartError(f"the server at {tg.api_base_url} is not a Bot API server: its answer to getMe "
                         f"could not be read ({type(exc).__name__})", API_HINT, status=1) from None


def check_bot_api(tg: TelegramConfig) -> None:
    """get_me before the bot starts, so that a wrong token or an unreachable Bot API ends at once in a
    StartError instead of PTB's retries and tracebacks. It runs on a new event loop, set as current, which
    run_polling / run_webhook then use."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    loop.run_until_complete(get_me(tg))
