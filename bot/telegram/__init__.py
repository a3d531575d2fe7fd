"""The Telegram adapter: python-telegram-bot's Application, its handlers, buttons, inline mode, groups,
subscriptions, pacing and retries. It calls the shared service in `pressbot.bot.core`; nothing there
imports from here.

Usage::

    from pressbot.bot.telegram.app import run_bot
    run_bot(service)
"""
