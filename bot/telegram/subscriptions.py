"""Following a topic: /subscribe TOPIC, /unsubscribe [TOPIC], /subscriptions, and the notices sent to
subscribers when an admin's reload brings new press releases on their topic.

A press release is "on a topic" exactly when /latest TOPIC would list it. Each chat hears about each press
release at most once (Storage.claim_notice), and notices go through the bot's rate limiter like every
other message.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass

from telegram import Bot, Message, Update
from telegram.constants import ChatType
from telegram.error import Forbidden, TelegramError

from pressbot.bot.core.language import reply_language
from pressbot.bot.core.service import Service
from pressbot.bot.core.storage import Storage, topic_key
from pressbot.bot.telegram.botdata import Context, service_of, storage_of, texts_of
from pressbot.bot.telegram.sending import reply_html, send_html
from pressbot.retrieval.document import Document
from pressbot.retrieval.latest import latest

log = logging.getLogger(__name__)
MAX_TOPICS = 10  # per chat
TOPIC_CHARS = 100
NOTICE_DOCUMENTS = 10  # press releases listed in one notice at most


@dataclass(frozen=True)
class TopicCommand:
    """/subscribe, /unsubscribe or /subscriptions in a private chat: where to reply, the topic typed after
    the command ("" if none) and the reply language (the topic's, else the person's Telegram language)."""

    message: Message
    chat_id: int
    topic: str
    lang: str


async def topic_command(update: Update, context: Context) -> TopicCommand | None:
    """The command's message, chat, topic and reply language; None when there is nothing to answer, or
    after saying that subscriptions live in private chats."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return None
    topic = " ".join(context.args or [])
    lang = reply_language(topic, update.effective_user)
    if chat.type != ChatType.PRIVATE:
        await reply_html(message, texts_of(context).phrase(lang, "subscriptions_private").html)
        return None
    return TopicCommand(message=message, chat_id=chat.id, topic=topic, lang=lang)


async def subscribe(update: Update, context: Context) -> None:
    if (command := await topic_command(update, context)) is None:
        return
    storage, chat_id, topic = storage_of(context), command.chat_id, command.topic
    values: dict[str, object] = {}
    if not topic:
        key = "subscribe_usage"
    elif len(topic) > TOPIC_CHARS:
        key, values = "subscribe_too_long", {"limit": TOPIC_CHARS}
    elif (len(storage.subscriptions(chat_id)) >= MAX_TOPICS
          and topic_key(topic) not in {topic_key(s.topic) for s in storage.subscriptions(chat_id)}):
        key, values = "subscribe_limit", {"limit": MAX_TOPICS}
    elif storage.subscribe(chat_id, topic, command.lang):
        key, values = "subscribe_done", {"topic": topic}
    else:
        key, values = "subscribe_exists", {"topic": topic}
    await reply_html(command.message, texts_of(context).phrase(command.lang, key, **values).html)


async def unsubscribe(update: Update, context: Context) -> None:
    if (command := await topic_command(update, context)) is None:
        return
    storage, chat_id, topic = storage_of(context), command.chat_id, command.topic
    values: dict[str, object]
    if not topic:
        key, values = "unsubscribe_all", {"count": storage.unsubscribe(chat_id)}
    elif storage.unsubscribe(chat_id, topic):
        key, values = "unsubscribe_done", {"topic": topic}
    else:
        key, values = "unsubscribe_unknown", {"topic": topic}
    await reply_html(command.message, texts_of(context).phrase(command.lang, key, **values).html)


async def subscriptions(update: Update, context: Context) -> None:
    if (command := await topic_command(update, context)) is None:
        return
    topics = storage_of(context).subscriptions(command.chat_id)
    if not topics:
        html = texts_of(context).phrase(command.lang, "subscriptions_empty").html
    else:
        html = service_of(context).renderer.render("subscriptions", "html", command.lang, subscriptions=topics)
    await reply_html(command.message, html)


def on_topic(service: Service, topic: str, candidates: Collection[str]) -> list[Document]:
    """The candidate press releases that /latest TOPIC lists, newest first."""
    index = service.index
    return [d for d in latest(index, topic, limit=len(index.documents)) if d.id in candidates]


async def notify_subscribers(bot: Bot, service: Service, storage: Storage, new_ids: Collection[str]) -> int:
    """Tell each subscriber about the new press releases on their topics; the number of notices sent."""
    if not new_ids:
        return 0
    matches: dict[str, list[Document]] = {}  # one search per distinct topic, however many follow it
    sent = 0
    for sub in storage.subscriptions():
        key = topic_key(sub.topic)
        if key not in matches:
            matches[key] = on_topic(service, sub.topic, new_ids)
        documents = [d for d in matches[key] if storage.claim_notice(sub.chat_id, d.id)]
        if not documents:
            continue
        html = service.renderer.render("notice", "html", sub.lang, topic=sub.topic,
                                       documents=documents[:NOTICE_DOCUMENTS])
        try:
            await send_html(bot, sub.chat_id, html)
            sent += 1
        except Forbidden:
            log.info("chat %s blocked the bot: its subscriptions are dropped", sub.chat_id)
            storage.unsubscribe(sub.chat_id)
        except TelegramError as exc:
            log.warning("could not send a notice to chat %s: %s", sub.chat_id, exc)
    log.info("sent %d notice(s) about %d new press release(s)", sent, len(new_ids))
    return sent
