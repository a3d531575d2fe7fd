"""`python -m pressbot …` is the `pressbot` command.

Usage::

    python -m pressbot ask "Who met the IOM Director General?"
"""

import sys

from pressbot.bot.cli.main import main

sys.exit(main())
