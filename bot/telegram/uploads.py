"""Admins add press releases from a private chat with the bot, without a shell.

Three ways in, each answered with what was parsed (title, date, language, link, the first lines, warnings)
under the buttons **Add** and **Cancel**:

- a file: .html, .htm, .txt or .md (larger than `ingest.max_upload_bytes`: refused before download);
- a forwarded post (its text or caption; a post of a public channel gets its t.me link and date);
- ``/add`` followed by the text, first line the title (a plain text from an admin stays a question).

Add writes the corpus file atomically (retrieval/drafts.py: a temporary file, then a rename), reloads
exactly as /reload does (bot/telegram/reloading.py: subscribers hear about it) and offers **Remove**;
``/remove ID`` does the same for any release. A draft that duplicates a release already in the corpus is
refused, naming it. Files from non-admins are never downloaded: they get the usual "I read text
questions" notice. A draft waits in the button storage (bot/core/storage.py), like Source and More.

Usage::

    application.add_handler(CallbackQueryHandler(on_press, pattern=BUTTON_DATA))
    application.add_handler(MessageHandler(admins & (filters.Document.ALL | filters.FORWARDED), upload))
"""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import asdict
from pathlib import Path
from typing import Any

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, MessageOriginChannel, Update
from telegram.error import BadRequest
from telegram.ext import filters

from pressbot.bot.core.language import user_language
from pressbot.bot.core.removal import Taken, settle, take_out
from pressbot.bot.core.service import ReloadResult, Service
from pressbot.bot.core.texts import Texts, joined
from pressbot.bot.telegram.botdata import BotApplication, Context, app_service, service_of, storage_of, texts_of
from pressbot.bot.telegram.buttons import acknowledge, expired
from pressbot.bot.telegram.channel import local_date
from pressbot.bot.telegram.keyboards import callback_data
from pressbot.bot.telegram.reloading import reload_and_notify
from pressbot.bot.telegram.sending import reply_html, send_html
from pressbot.responses.answering import Rendered
from pressbot.responses.render import locale
from pressbot.retrieval.agency import Profile
from pressbot.retrieval.document import Document
from pressbot.retrieval.drafts import (
    Draft,
    DraftError,
    draft_from_bytes,
    draft_from_text,
    duplicate_of,
    remove_release,
    write_release,
)

log = logging.getLogger(__name__)
DRAFT, RELEASE = "draft", "release"  # kinds of stored button state
ADD, CANCEL, REMOVE = "add", "cancel", "rm"
BUTTON_DATA = r"^(add|cancel|rm):[A-Za-z0-9_-]{1,16}$"  # this module's callback_data
SUFFIXES = (".html", ".htm", ".txt", ".md")
PREVIEW_LINES = 6  # of the text, shown under the parsed fields
PREVIEW_CHARS = 700
TELEGRAM_MESSAGE = "Telegram message"
FORWARDED_POST = "forwarded Telegram post"


def admin_filter(application: BotApplication) -> filters.BaseFilter:
    """Messages from the configured admins (the configuration is fixed while the bot runs)."""
    service = app_service(application)
    return filters.User(user_id=service.config.telegram.admins, allow_empty=False)


def preview(text: str) -> str:
    """The first lines of a release's text, cut to fit a chat message."""
    lines = [line for line in text.splitlines() if line.strip()][:PREVIEW_LINES]
    shown = "\n".join(lines)
    return shown if len(shown) <= PREVIEW_CHARS else shown[:PREVIEW_CHARS].rstrip() + "…"


def draft_state(draft: Draft) -> dict[str, Any]:
    """A draft as JSON for the button storage."""
    return {"doc_id": draft.doc_id, "origin": draft.origin, "warnings": list(draft.warnings),
            "document": asdict(draft.document), "verbatim": draft.verbatim}


def draft_of(state: dict[str, Any]) -> Draft:
    """The draft a stored Add button stands for."""
    fields = dict(state["document"])
    for key in ("tags", "translations"):
        fields[key] = tuple(fields.get(key) or ())
    return Draft(doc_id=state["doc_id"], document=Document(**fields), origin=state["origin"],
                 warnings=tuple(state.get("warnings", ())), verbatim=state.get("verbatim"))


def keyboard(buttons: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(text, callback_data=data) for text, data in buttons]])


def forwarded_from(message: Message, profile: Profile | None) -> tuple[str | None, str | None]:
    """(url, date) of a forwarded message: a public channel's post has a t.me link; every origin has a date,
    given in the press office's time zone (`profile`)."""
    origin = message.forward_origin
    if origin is None:
        return None, None
    url = None
    if isinstance(origin, MessageOriginChannel) and origin.chat.username:
        url = f"https://t.me/{origin.chat.username}/{origin.message_id}"
    return url, local_date(origin.date, profile)


async def refuse(message: Message, service: Service, lang: str, key: str, **values: object) -> None:
    log.info("upload refused: %s %s", key, values)
    await reply_html(message, Texts(service).phrase(lang, key, **values).html)


async def offer(message: Message, context: Context, draft: Draft, lang: str) -> None:
    """Show what was parsed with Add / Cancel, or refuse a duplicate naming the release it repeats."""
    service = service_of(context)
    duplicate = await asyncio.to_thread(duplicate_of, draft, service.config.corpus)
    if duplicate is not None:
        await refuse(message, service, lang, "upload_duplicate", doc_id=duplicate, title=title_of(service, duplicate))
        return
    key = storage_of(context).put_button(DRAFT, draft_state(draft))
    t = locale(lang)
    doc = draft.document
    html = service.renderer.render("upload_draft", "html", lang, doc_id=draft.doc_id, title=doc.title, date=doc.date,
                                   language=doc.lang, url=doc.url, origin=draft.origin, lines=preview(doc.text),
                                   warnings=draft.warnings)
    await reply_html(message, html, keyboard([(t["button_add"], callback_data(ADD, key)),
                                              (t["button_cancel"], callback_data(CANCEL, key))]))


def title_of(service: Service, doc_id: str) -> str:
    document = service.index.documents.get(doc_id)
    return document.title if document else doc_id


async def from_admin(update: Update, context: Context,
                     refusal: str) -> tuple[Message, Service, str] | None:
    """(the message, the service, the reply language) if an admin sent it (checked on every call); else
    None, after replying with the phrase `refusal`."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return None
    service = service_of(context)
    lang = user_language(user)
    if not service.is_admin(user.id):
        await refuse(message, service, lang, refusal)
        return None
    return message, service, lang


async def upload(update: Update, context: Context) -> None:
    """An admin's file or forwarded post in a private chat: parse it and offer it for adding."""
    if (sent := await from_admin(update, context, "non_text")) is None:  # the handler's filter says so already
        return
    message, service, lang = sent
    corpus = service.config.corpus
    try:
        if message.document is not None:
            draft = await draft_of_document(message, service)
            if draft is None:
                return
        else:
            text = message.text or message.caption
            if not text or not text.strip():
                await refuse(message, service, lang, "upload_no_text")
                return
            url, date = forwarded_from(message, service.served.profile)
            draft = await asyncio.to_thread(draft_from_text, text, corpus, origin=FORWARDED_POST, url=url, date=date)
    except DraftError as exc:
        await refuse(message, service, lang, "upload_problem", reason=str(exc))
        return
    await offer(message, context, draft, lang)


async def draft_of_document(message: Message, service: Service) -> Draft | None:
    """The draft of a document; None after telling the admin why not (wrong kind, too large)."""
    document = message.document
    assert document is not None
    lang = user_language(message.from_user)
    name = document.file_name or ""
    limit = service.config.ingest.max_upload_bytes
    if not name.lower().endswith(SUFFIXES):
        await refuse(message, service, lang, "upload_bad_type", name=name or "?", kinds=", ".join(SUFFIXES))
        return None
    if document.file_size is not None and document.file_size > limit:  # refused before download
        await refuse(message, service, lang, "upload_too_large", size=document.file_size, limit=limit)
        return None
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    if len(data) > limit:  # Telegram did not say the size: checked after all
        await refuse(message, service, lang, "upload_too_large", size=len(data), limit=limit)
        return None
    return await asyncio.to_thread(draft_from_bytes, data, Path(name).name, service.config.corpus)


async def add_command(update: Update, context: Context) -> None:
    """/add TEXT (admins, private chat): the text after the command is a press release, first line the title."""
    if (sent := await from_admin(update, context, "admin_only")) is None:
        return
    message, service, lang = sent
    text = re.sub(r"^/\S*", "", message.text or "", count=1).strip()
    if not text:
        await refuse(message, service, lang, "upload_usage")
        return
    try:
        draft = await asyncio.to_thread(draft_from_text, text, service.config.corpus, origin=TELEGRAM_MESSAGE)
    except DraftError as exc:
        await refuse(message, service, lang, "upload_problem", reason=str(exc))
        return
    await offer(message, context, draft, lang)


async def remove_command(update: Update, context: Context) -> None:
    """/remove ID (admins): take a release out of the corpus and reload."""
    if (sent := await from_admin(update, context, "admin_only")) is None:
        return
    message, service, lang = sent
    if not context.args:
        await refuse(message, service, lang, "remove_usage")
        return
    await reply_html(message, (await remove(context, context.args[0], lang)).html)


async def remove(context: Context, doc_id: str, lang: str) -> Rendered:
    """Remove a served release (only ids the index knows: nothing else in the folder is touched) and reload;
    the reply. A reload that fails puts the file back, so the corpus stays as it was."""
    service, texts = service_of(context), texts_of(context)
    taken = await asyncio.to_thread(take_out, service, texts, doc_id, lang)
    if not isinstance(taken, Taken):
        return taken
    log.info("removed %s", doc_id)
    result = await reload_and_notify(context.application)
    if not result.ok:
        log.info("reload refused after removing %s: put back", doc_id)
    return await asyncio.to_thread(settle, service, texts, taken, result, lang)


async def add(context: Context, draft: Draft, lang: str) -> tuple[Rendered, bool]:
    """Write the draft into the corpus and reload; (the reply, whether it was added)."""
    service = service_of(context)
    corpus = service.config.corpus
    duplicate = await asyncio.to_thread(duplicate_of, draft, corpus)
    if duplicate is not None:
        title = title_of(service, duplicate)
        return texts_of(context).phrase(lang, "upload_duplicate", doc_id=duplicate, title=title), False
    try:
        path = await asyncio.to_thread(write_release, draft, corpus)
    except DraftError as exc:
        return texts_of(context).phrase(lang, "upload_problem", reason=str(exc)), False
    log.info("added %s from %s", path, draft.origin)
    result: ReloadResult = await reload_and_notify(context.application)
    if not result.ok:  # our file broke the corpus: take it out again, the old index kept serving
        remove_release(draft.doc_id, corpus)
        return texts_of(context).reload_text(result, lang), False
    done = texts_of(context).phrase(lang, "upload_added", doc_id=draft.doc_id, title=draft.document.title)
    return joined(done, texts_of(context).reload_text(result, lang)), True


async def on_press(update: Update, context: Context) -> None:
    """Add, Cancel or Remove: admins only, checked on every press."""
    query = update.callback_query
    if query is None or query.message is None:
        return
    service = service_of(context)
    lang = user_language(query.from_user)
    action, _, key = str(query.data).partition(":")
    button = storage_of(context).button(key)
    wanted = RELEASE if action == REMOVE else DRAFT
    if button is None or button.kind != wanted:
        await expired(query, context)
        return
    if not service.is_admin(query.from_user.id):
        await acknowledge(query, texts_of(context).phrase(lang, "admin_only").text, alert=True)
        return
    await acknowledge(query)
    chat_id = query.message.chat.id
    if action == REMOVE:
        await drop_keyboard(query)
        await send_html(context.bot, chat_id, (await remove(context, button.payload["doc_id"], lang)).html)
        return
    await drop_keyboard(query)
    if action == CANCEL:
        await send_html(context.bot, chat_id, texts_of(context).phrase(lang, "upload_cancelled").html)
        return
    draft = draft_of(button.payload)
    reply, added = await add(context, draft, lang)
    markup = None
    if added:
        remove_key = storage_of(context).put_button(RELEASE, {"doc_id": draft.doc_id})
        markup = keyboard([(locale(lang)["button_remove"], callback_data(REMOVE, remove_key))])
    await send_html(context.bot, chat_id, reply.html, markup)


async def drop_keyboard(query: CallbackQuery) -> None:
    """Take the buttons off a message once one of them was used."""
    try:
        await query.edit_message_reply_markup(None)
    except BadRequest as exc:
        log.info("could not remove the buttons of message: %s", exc)
