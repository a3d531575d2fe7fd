"""The service both front ends share: configuration, the served index and its reload, the SQLite state,
logging, reply language, and the follow-up results that More and inline mode show.

Usage::

    from pressbot.bot.core.service import Service
    service = Service.start(load_config(None, os.environ))
"""
