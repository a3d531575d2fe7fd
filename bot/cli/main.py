"""The `pressbot` command: ask, chat, check, eval, import, run (see INTERFACE.md for the contract).

Usage::

    pressbot ask "Who met the IOM Director General?"
    pressbot ask --json < questions.txt
    pressbot check --corpus corpus/
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pressbot.bot.core.config import LOG_LEVELS, Config, ConfigError, load_config
from pressbot.bot.core.logs import configure_logging, redact
from pressbot.retrieval.corpus import CorpusError, load_corpus
from pressbot.retrieval.glossary import vocabulary_problems

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--corpus", type=Path, help="corpus directory (default: the bundled corpus/)")
    common.add_argument("--config", type=Path, help="YAML configuration file (see bot/core/config.yaml)")
    parser = argparse.ArgumentParser(prog="pressbot", description="Answers questions from press releases, "
                                     "citing each source.", parents=[common])
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", parents=[common], help="answer one question (or one per stdin line)")
    ask.add_argument("question", nargs="?", help="the question; omit it with --json to read stdin")
    ask.add_argument("--json", action="store_true", help="print JSON objects (INTERFACE.md)")
    sub.add_parser("chat", parents=[common], help="console chat over the corpus")
    ev = sub.add_parser("eval", parents=[common], help="score answers on a QA file (recall, MRR, facts, abstention)")
    ev.add_argument("--qa", type=Path, required=True, help="QA file in the format of ../shared/qa-dev.yaml")
    ev.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    ev.add_argument("--sweep", action="store_true", help="also tabulate answered/abstained per abstention threshold")
    sub.add_parser("check", parents=[common], help="validate a corpus: PATH:LINE: message per problem")
    imp = sub.add_parser("import", parents=[common], help="add raw pages or corpus files to the corpus")
    imp.add_argument("inputs", nargs="+", type=Path, help="files or directories (SOURCES.yaml gives urls)")
    imp.add_argument("--dry-run", action="store_true", help="say what would be added, write nothing")
    run = sub.add_parser("run", parents=[common], help="the Telegram bot (long polling)")
    run.add_argument("--webhook", metavar="URL", help="receive updates by webhook at this public URL")
    run.add_argument("--listen", default="0.0.0.0", help="webhook listen address (default 0.0.0.0)")
    run.add_argument("--port", type=int, default=8443, help="webhook port (default 8443)")
    return parser


def _config(args: argparse.Namespace) -> Config:
    return load_config(args.config, os.environ, corpus=args.corpus)


def cmd_check(args: argparse.Namespace) -> int:
    config = _config(args)
    docs, problems = load_corpus(config.corpus)
    problems = [*problems, *vocabulary_problems(config.corpus)]
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {config.corpus}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"ok: {len(docs)} press releases in {config.corpus}", file=sys.stderr)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from pressbot.retrieval.importer import import_files

    config = _config(args)
    missing = [str(p) for p in args.inputs if not p.exists()]
    if missing:
        print(f"pressbot import: no such file or directory: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    report = import_files(args.inputs, config.corpus, dry_run=args.dry_run)
    for line in report.messages:
        print(line)
    print(f"{len(report.added)} added, {len(report.messages) - len(report.added)} skipped", file=sys.stderr)
    return EXIT_OK


def cmd_ask(args: argparse.Namespace) -> int:
    from pressbot.bot.core.service import Service
    from pressbot.responses.answering import reply_json

    service = Service.start(_config(args))
    if args.question is not None:
        reply = service.ask(args.question)
        print(json.dumps(reply_json(reply), ensure_ascii=False) if args.json else reply.text)
        return EXIT_OK
    if not args.json:
        print("pressbot ask: give a question, or use --json to read one question per line from stdin",
              file=sys.stderr)
        return EXIT_USAGE
    for line in sys.stdin:
        question = line.rstrip("\r\n")
        print(json.dumps(reply_json(service.ask(question)), ensure_ascii=False), flush=True)
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from pressbot.bot.cli.evaluation import evaluate, format_report, report_json
    from pressbot.bot.cli.qa_file import QAFileError, load_qa
    from pressbot.bot.cli.sweep import format_sweep
    from pressbot.bot.core.service import Service

    try:
        items = load_qa(args.qa)
    except QAFileError as exc:
        print(f"pressbot eval: {exc}", file=sys.stderr)
        return EXIT_USAGE
    service = Service.start(_config(args))
    languages = {doc.url: doc.lang for doc in service.index.documents.values() if doc.url}
    report = evaluate(service.ask, items, languages)
    print(json.dumps(report_json(report), ensure_ascii=False, indent=2) if args.json else format_report(report))
    if args.sweep:
        print("\n" + format_sweep(report.outcomes))
    return EXIT_OK


def cmd_chat(args: argparse.Namespace) -> int:
    from pressbot.bot.cli.console import chat
    from pressbot.bot.core.service import Service

    return chat(Service.start(_config(args)), sys.stdin, sys.stdout)


def cmd_run(args: argparse.Namespace) -> int:
    from telegram.error import InvalidToken, NetworkError

    from pressbot.bot.core.service import Service
    from pressbot.bot.telegram.app import run_bot

    config = _config(args)
    if not config.telegram.token:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set (nor telegram.token in the configuration): "
                          "`pressbot run` needs the bot's token")
    configure_logging(config.log_level, [config.telegram.token])
    try:
        run_bot(Service.start(config), webhook_url=args.webhook, listen=args.listen, port=args.port)
    except InvalidToken as exc:  # raised at start-up only: the running bot handles its own errors
        raise ConfigError(f"the Bot API at {config.telegram.api_base_url} refused the token "
                          f"(TELEGRAM_BOT_TOKEN): {redact(str(exc), [config.telegram.token])}") from None
    except NetworkError as exc:
        print(f"pressbot: cannot reach the Bot API at {config.telegram.api_base_url}: "
              f"{redact(str(exc), [config.telegram.token])}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


COMMANDS = {"ask": cmd_ask, "chat": cmd_chat, "eval": cmd_eval, "check": cmd_check, "import": cmd_import,
            "run": cmd_run}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; configuration and corpus errors end with one line naming the problem (exit 2)."""
    args = _parser().parse_args(argv)
    try:
        if args.command != "run":  # `run` configures logging from its validated configuration
            level = os.environ.get("PRESSBOT_LOG_LEVEL", "").upper()
            configure_logging(level if level in LOG_LEVELS else "WARNING",
                              [os.environ.get("TELEGRAM_BOT_TOKEN", "")])
        return COMMANDS[args.command](args)
    except ConfigError as exc:
        print(f"pressbot: configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CorpusError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"pressbot: the corpus has {len(exc.problems)} problem(s); run `pressbot check`",
              file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_OK
    except BrokenPipeError:  # `pressbot ask … | head`: the reader left; not an error of ours
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
