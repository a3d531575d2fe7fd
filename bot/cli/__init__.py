"""The command line: the `pressbot` command (ask, chat, check, import, run, eval), the console chat and
the answer-quality evaluation.

Usage::

    from pressbot.bot.cli.main import main
    main(["check", "--corpus", "corpus"])
"""
