"""The front ends, one folder per kind of code; data flows core → telegram / cli, never back.

- `core/`: the service both front ends share (configuration, the served index, state, logs, language).
- `telegram/`: the python-telegram-bot adapter (Application, handlers, buttons, pacing, retries).
- `cli/`: the `pressbot` command, the console chat and the answer-quality evaluation.

Usage::

    from pressbot.bot.cli.main import main
    main(["ask", "Who met the IOM Director General?"])
"""
