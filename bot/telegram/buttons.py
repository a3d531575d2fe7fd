"""What the buttons under answers and /latest lists do.

Their state (the question, the citations, the page) lives in Storage under a short key, because
callback_data holds at most 64 bytes; it survives a restart. Every press is answered with
answerCallbackQuery, and a press on a button whose state is gone, or that this bot never made, gets a
friendly notice instead of an error.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

from telegram import CallbackQuery, Update
from telegram.constants import ChatAction
from telegram.error import BadRequest

from pressbot.bot.core.language import user_language
from pressbot.bot.core.storage import retention_start
from pressbot.bot.core.texts import LATEST_PAGE
from pressbot.bot.telegram.botdata import Context, service_of, storage_of, texts_of
from pressbot.bot.telegram.keyboards import (
    DOWN,
    LATEST_MORE,
    MORE,
    SOURCE,
    UP,
    Press,
    answer_keyboard,
    latest_keyboard,
    parse_press,
)
from pressbot.bot.telegram.sending import send_html
from pressbot.responses.answering import render_more
from pressbot.responses.composer import Answer
from pressbot.retrieval.latest import latest

log = logging.getLogger(__name__)
ANSWER, LATEST = "answer", "latest"  # kinds of stored button state


def answer_state(question: str, lang: str, ui: str, answer: Answer, shown: Sequence[str] = ()) -> dict[str, Any]:
    """What the buttons under an answer need later: the question (for More), the press releases shown so
    far, and each cited passage (for Source N), so that a press still works after a reload or restart."""
    cited = [c.doc_id for c in answer.citations]
    return {
        "question": question, "lang": lang, "ui": ui,
        "shown": [*shown, *(d for d in cited if d not in shown)],
        "citations": [{"n": c.n, "doc_id": c.doc_id, "title": c.title, "url": c.url, "date": c.date,
                       "source": c.source, "passage": c.passage} for c in answer.citations],
    }


def latest_state(topic: str, ui: str, offset: int) -> dict[str, Any]:
    return {"topic": topic, "ui": ui, "offset": offset}


def has_more_latest(context: Context, topic: str, offset: int) -> bool:
    """Whether a /latest page starting at `offset` is followed by another one."""
    return len(latest(service_of(context).index, topic, limit=LATEST_PAGE + 1, offset=offset)) > LATEST_PAGE


async def on_press(update: Update, context: Context) -> None:
    """Any button press: decode it, find its state, act; always answer the callback query exactly once."""
    query = update.callback_query
    if query is None:
        return
    press = parse_press(query.data)
    days = service_of(context).config.privacy.retention_days
    storage = storage_of(context)
    button = await asyncio.to_thread(storage.button, press.key, retention_start(days)) if press else None
    kind = LATEST if press and press.action == LATEST_MORE else ANSWER
    if press is None or button is None or button.kind != kind or update.effective_chat is None:
        log.info("u%s: press on an unknown or expired button %r", update.update_id, query.data)
        await expired(query, context)
        return
    payload = button.payload
    if press.action == SOURCE:
        await show_source(query, context, payload, press)
    elif press.action == MORE:
        await show_more(query, context, payload, update.effective_chat.id)
    elif press.action in (UP, DOWN):
        user_id = query.from_user.id
        await asyncio.to_thread(storage.vote, press.key, user_id, +1 if press.action == UP else -1)
        key = "feedback_thanks_up" if press.action == UP else "feedback_thanks_down"
        await acknowledge(query, texts_of(context).phrase(str(payload.get("ui", "en")), key).text)
    else:
        await show_latest_page(query, context, payload, update.effective_chat.id)


async def acknowledge(query: CallbackQuery, text: str | None = None, alert: bool = False) -> None:
    """answerCallbackQuery. Telegram refuses it ("query is too old") for a press more than about 15 s old,
    e.g. one queued while the bot was down: the press is still served, only the toast is lost."""
    try:
        await query.answer(text, show_alert=alert)
    except BadRequest as exc:
        log.info("could not answer callback query %s: %s", query.id, exc)


async def expired(query: CallbackQuery, context: Context) -> None:
    text = texts_of(context).phrase(user_language(query.from_user), "button_expired").text
    await acknowledge(query, text, alert=True)


def _reply_to(query: CallbackQuery) -> int | None:
    return query.message.message_id if query.message else None


async def show_source(query: CallbackQuery, context: Context, payload: dict[str, Any],
                      press: Press) -> None:
    """Source N: the cited passage as an expandable blockquote, with the title, date and link."""
    citation = next((c for c in payload.get("citations", []) if c.get("n") == press.n), None)
    if citation is None or query.message is None:
        await expired(query, context)
        return
    await acknowledge(query)
    html = service_of(context).renderer.render("source", "html", payload["ui"], **citation)
    await send_html(context.bot, query.message.chat.id, html, reply_to=_reply_to(query))


async def show_more(query: CallbackQuery, context: Context, payload: dict[str, Any],
                    chat_id: int) -> None:
    """More: the next press releases for the same question, quoted, with buttons of their own."""
    service = service_of(context)
    ui = payload["ui"]
    await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
    answer = await asyncio.to_thread(service.further, payload["question"], payload["lang"], payload["shown"])
    if not answer.answered:
        await acknowledge(query, texts_of(context).phrase(ui, "more_none").text)
        return
    await acknowledge(query)
    state = answer_state(payload["question"], payload["lang"], ui, answer, payload["shown"])
    key = await asyncio.to_thread(storage_of(context).put_button, ANSWER, state, user_id=query.from_user.id)
    html = render_more(answer, service.renderer, ui).html
    await send_html(context.bot, chat_id, html, answer_keyboard(key, len(answer.citations), ui),
                    reply_to=_reply_to(query))


async def show_latest_page(query: CallbackQuery, context: Context, payload: dict[str, Any],
                           chat_id: int) -> None:
    """More under /latest: the next page of the same list."""
    service = service_of(context)
    ui, topic = payload["ui"], payload["topic"]
    offset = int(payload["offset"]) + LATEST_PAGE
    if not latest(service.index, topic, limit=1, offset=offset):
        await acknowledge(query, texts_of(context).phrase(ui, "latest_more_none").text)
        return
    await acknowledge(query)
    markup = None
    if has_more_latest(context, topic, offset):
        key = storage_of(context).put_button(LATEST, latest_state(topic, ui, offset), user_id=query.from_user.id)
        markup = latest_keyboard(key, ui)
    await send_html(context.bot, chat_id, texts_of(context).latest_text(topic, ui, offset=offset).html, markup)
