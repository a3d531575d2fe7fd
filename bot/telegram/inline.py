"""Inline mode: typing "@thebot question" in any chat offers the best matching press releases; choosing
one posts a short cited quote (one sentence, verbatim, with the title, date and link).

The same abstention rule as in a chat answer applies: when no press release covers the question, there
are no results, only a button that opens a private chat with the bot.
"""

from __future__ import annotations

import asyncio
import hashlib

from telegram import InlineQueryResultArticle, InlineQueryResultsButton, InputTextMessageContent, Update
from telegram.constants import ParseMode

from pressbot.bot.core.language import reply_language
from pressbot.bot.telegram.botdata import Context, service_of, texts_of
from pressbot.bot.telegram.sending import NO_PREVIEW
from pressbot.responses.composer import Answer
from pressbot.responses.render import Renderer
from pressbot.responses.splitting import TELEGRAM_LIMIT
from pressbot.retrieval.analyzer import detect_language

RESULTS = 5
CACHE_SECONDS = 300  # Telegram caches the results of a query on its servers for this long
DESCRIPTION_CHARS = 120


def result_id(doc_id: str) -> str:
    """A result id within Telegram's 64 bytes, whatever the document id."""
    return hashlib.blake2s(doc_id.encode(), digest_size=8).hexdigest()


def articles(answer: Answer, renderer: Renderer, lang: str) -> list[InlineQueryResultArticle]:
    """One result per cited press release, posting its quote and source."""
    results = []
    for c in answer.citations:
        quote = " ".join(q.text for q in answer.quotes if q.n == c.n)
        html = renderer.render("inline_result", "html", lang, quote=quote, title=c.title, url=c.url, date=c.date)
        if len(html) > TELEGRAM_LIMIT:
            continue
        description = f"{c.date} · {quote}" if c.date else quote
        if len(description) > DESCRIPTION_CHARS:
            description = description[: DESCRIPTION_CHARS - 1] + "…"
        results.append(InlineQueryResultArticle(
            id=result_id(c.doc_id), title=c.title, description=description,
            input_message_content=InputTextMessageContent(html, parse_mode=ParseMode.HTML,
                                                          link_preview_options=NO_PREVIEW)))
    return results


async def inline_query(update: Update, context: Context) -> None:
    query = update.inline_query
    if query is None:
        return
    text = query.query.strip()
    service = service_of(context)
    lang = reply_language(text, query.from_user)
    results: list[InlineQueryResultArticle] = []
    if text:
        answer = await asyncio.to_thread(service.further, text, detect_language(text), limit=RESULTS, sentences=1,
                                         min_coverage=service.config.answer.min_coverage)
        if answer.answered:
            results = articles(answer, service.renderer, lang)
    button = None if results or not text else InlineQueryResultsButton(
        text=texts_of(context).phrase(lang, "inline_no_results").text, start_parameter="inline")
    await query.answer(results, cache_time=CACHE_SECONDS, button=button)
