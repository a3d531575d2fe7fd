"""The `pressbot` command: ask, chat, check, eval, import, sync, init, run, and for operators stats, forget,
backup (INTERFACE.md is the contract; docs/commands.md documents the rest).

Usage::

    pressbot ask "Who met the IOM Director General?"
    pressbot ask --json < questions.txt
    pressbot check --corpus corpus/
    pressbot init registry --name "Civil Registry Office" --website https://registry.example.org
    pressbot backup /var/backups/pressbot.sqlite3
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pressbot.bot.core.config import LOG_LEVELS, PROJECT_ROOT, Config, ConfigError, load_config
from pressbot.bot.core.logs import configure_logging, redact
from pressbot.responses.render import counted
from pressbot.retrieval.corpus import CorpusError, load_corpus
from pressbot.retrieval.glossary import vocabulary_problems

if TYPE_CHECKING:
    from pressbot.retrieval.importer import ImportReport

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # what shells report for a command ended by Ctrl-C (128 + SIGINT)
DEFAULT_QA = PROJECT_ROOT / "benchmarks" / "data" / "citizen-dev.yaml"  # the QA file shipped with the project


def _common_options(default: object) -> argparse.ArgumentParser:
    """--corpus and --config, accepted before the command and after it. The subcommands' copies default to
    SUPPRESS, so that leaving them out after the command keeps what was given before it."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--corpus", type=Path, default=default, metavar="DIR",
                        help="corpus directory (default: the bundled corpus/)")
    common.add_argument("--config", type=Path, default=default, metavar="FILE",
                        help="YAML configuration file (see bot/core/config.yaml)")
    return common


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pressbot", description="Answers questions from press releases, "
                                     "citing each source.", parents=[_common_options(None)],
                                     epilog="`pressbot COMMAND --help` lists a command's options; docs/commands.md "
                                     "has every command with an example. From a clone, `./run.sh …` is `pressbot …` "
                                     "(and `./run.sh` alone starts the console chat).")
    parser.add_argument("--version", action="version", version=f"pressbot {_version()}")
    common = _common_options(argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", parents=[common], help="answer one question (or one per stdin line)")
    ask.add_argument("question", nargs="?", help="the question; omit it with --json to read stdin")
    ask.add_argument("--json", action="store_true", help="print JSON objects (fields: docs/ask-json.md)")
    sub.add_parser("chat", parents=[common], help="console chat over the corpus")
    ev = sub.add_parser("eval", parents=[common], help="score answers on a QA file (recall, MRR, facts, abstention)")
    ev.add_argument("--qa", type=Path, action="append",
                    help="QA file (format: docs/qa-files.md; default: the bundled benchmarks/data/citizen-dev.yaml);"
                         " repeat it to score several files and, with --sweep, get the band they share")
    ev.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    ev.add_argument("--sweep", action="store_true", help="also tabulate answered/abstained per abstention threshold")
    sub.add_parser("check", parents=[common], help="validate a corpus: PATH:LINE: message per problem")
    imp = sub.add_parser("import", parents=[common],
                         help="add saved pages (.html), raw page text (.txt), corpus files (.md) or links")
    imp.add_argument("inputs", nargs="+", help="files, directories (SOURCES.yaml gives urls) or http(s) urls")
    imp.add_argument("--dry-run", action="store_true", help="say what would be added, write nothing")
    syn = sub.add_parser("sync", parents=[common], help="import what the configured feeds list and the corpus lacks")
    syn.add_argument("--dry-run", action="store_true", help="say what would be added, write nothing")
    run = sub.add_parser("run", parents=[common], help="the Telegram bot (long polling, or --webhook URL)")
    run.add_argument("--webhook", metavar="URL", help="receive updates by webhook at this public URL")
    run.add_argument("--listen", default="0.0.0.0", help="webhook listen address (default 0.0.0.0)")
    run.add_argument("--port", type=int, default=8443, help="webhook port (default 8443)")
    init = sub.add_parser("init", help="create a new agency's folder: profile, glossary, sample release, config")
    init.add_argument("directory", type=Path, help="the new folder (must not exist, or be empty)")
    init.add_argument("--name", default="Your Agency", help="the agency's name in English (edit agency.yaml after)")
    init.add_argument("--website", default="https://example.org", help="the agency's website (http or https)")
    run.add_argument("--health-port", type=int, help="webhook mode: port of GET /healthz (default: --port + 1)")
    st = sub.add_parser("stats", parents=[common], help="what /stats shows admins (questions masked)")
    st.add_argument("--lang", default="en", choices=["en", "az", "ru"], help="language of the report")
    fg = sub.add_parser("forget", parents=[common], help="delete everything stored about one Telegram user")
    fg.add_argument("--user", type=int, required=True, metavar="ID", help="the person's Telegram user id")
    bk = sub.add_parser("backup", parents=[common], help="copy the state file, consistently, while the bot runs")
    bk.add_argument("file", type=Path, metavar="FILE", help="where to write the copy (an SQLite file)")
    for choice in sub._choices_actions:  # `pressbot COMMAND --help` opens with what the command does
        sub.choices[choice.dest].description = f"{choice.help[:1].upper()}{choice.help[1:]}." if choice.help else None
    sub.choices["chat"].description = ("Console chat over the corpus: type a question per line; /help lists the "
                                       "commands (/latest, /sources, /more, /reload, /remove ID); /quit or "
                                       "Ctrl-D leaves.")
    return parser


def _version() -> str:
    """The installed distribution's version (operators quote it in reports)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pressbot")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown (not installed)"


def _config(args: argparse.Namespace) -> Config:
    return load_config(args.config, os.environ, corpus=args.corpus)


def cmd_check(args: argparse.Namespace) -> int:
    from pressbot.retrieval.agency import FILE_NAME as AGENCY_FILE
    from pressbot.retrieval.agency import check_profile

    config = _config(args)
    docs, problems = load_corpus(config.corpus)
    problems = [*check_profile(config.corpus), *problems, *vocabulary_problems(config.corpus)]
    for problem in problems:
        print(problem)
    if problems:
        print(f"{counted(len(problems), 'problems')} in {config.corpus}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"ok: {counted(len(docs), 'press_releases')} in {config.corpus}", file=sys.stderr)
    if not (config.corpus / AGENCY_FILE).is_file():
        print(f"note: no {AGENCY_FILE} in {config.corpus}: replies name no agency and give no contact "
              "(`pressbot init DIR` writes one to copy)", file=sys.stderr)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from pressbot.retrieval.importer import import_inputs, is_url

    config = _config(args)
    missing = [item for item in args.inputs if not is_url(item) and not Path(item).exists()]
    if missing:
        print(f"pressbot import: no such file or directory: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    inputs = [item if is_url(item) else Path(item) for item in args.inputs]
    report = import_inputs(inputs, config.corpus, limits=config.ingest.limits, dry_run=args.dry_run)
    if report.failed:
        for line in report.failed:
            print(f"pressbot import: {line}", file=sys.stderr)
        print(f"nothing written: {counted(len(report.failed), 'inputs')} could not be imported "
              "(the corpus is unchanged)", file=sys.stderr)
        return EXIT_PROBLEMS
    return _print_report(report, args.dry_run)


def cmd_sync(args: argparse.Namespace) -> int:
    from pressbot.retrieval.importer import sync_feeds

    config = _config(args)
    if not config.ingest.feeds:
        print("pressbot sync: no feeds configured (ingest.feeds in the configuration file)", file=sys.stderr)
        return EXIT_USAGE
    report = sync_feeds(config.ingest.feeds, config.corpus, limits=config.ingest.limits, dry_run=args.dry_run)
    for line in report.failed:
        print(f"pressbot sync: {line}", file=sys.stderr)
    status = _print_report(report, args.dry_run)
    return EXIT_PROBLEMS if report.failed else status


def _print_report(report: ImportReport, dry_run: bool) -> int:
    for line in report.messages:
        print(line)
    for line in report.warnings:
        print(f"note: {line}", file=sys.stderr)
    verb = "would be added" if dry_run else "added"
    known = f", {report.known} already in the corpus" if report.known else ""
    print(f"{len(report.added)} {verb}, {len(report.messages) - len(report.added)} skipped{known}", file=sys.stderr)
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
    if sys.stdin.isatty():  # typed at a terminal: say what the silence is waiting for
        print("pressbot ask --json: reading one question per line; Ctrl-D ends", file=sys.stderr)
    for line in sys.stdin:
        question = line.rstrip("\r\n")
        print(json.dumps(reply_json(service.ask(question)), ensure_ascii=False), flush=True)
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from pressbot.bot.cli.evaluation import evaluate, format_report, report_json
    from pressbot.bot.cli.qa_file import QAFileError, load_qa
    from pressbot.bot.cli.sweep import format_joint, format_sweep, service_at, sweep
    from pressbot.bot.core.service import Service

    paths = args.qa or [DEFAULT_QA]
    try:
        files = [(path, load_qa(path)) for path in paths]
    except QAFileError as exc:
        print(f"pressbot eval: {exc}", file=sys.stderr)
        return EXIT_USAGE
    service = Service.start(_config(args))
    languages = {doc.url: doc.lang for doc in service.index.documents.values() if doc.url}
    reports = {str(path): evaluate(service.ask, items, languages) for path, items in files}
    if args.json:
        objects = {path: report_json(report) for path, report in reports.items()}
        print(json.dumps(next(iter(objects.values())) if len(objects) == 1 else {"files": objects},
                         ensure_ascii=False, indent=2))
    else:
        print("\n\n".join((f"{path}\n" if len(reports) > 1 else "") + format_report(report)
                          for path, report in reports.items()))
    if args.sweep:  # every question again at each threshold, through the same decision path
        tables = [sweep(lambda t: service_at(service, t).ask, items) for _, items in files]
        for (path, _), rows in zip(files, tables, strict=True):
            print("\n" + (f"{path}\n" if len(files) > 1 else "") + format_sweep(rows))
        if len(tables) > 1:
            print("\n" + format_joint(tables))
    return EXIT_OK


def cmd_chat(args: argparse.Namespace) -> int:
    from pressbot.bot.cli.console import chat
    from pressbot.bot.core.service import Service

    return chat(Service.start(_config(args)), sys.stdin, sys.stdout)


def cmd_run(args: argparse.Namespace) -> int:
    from telegram.error import InvalidToken, NetworkError

    from pressbot.bot.core.service import Service
    from pressbot.bot.telegram.app import StartError, check_bot_api, run_bot, token_shape_problem

    config = _config(args)
    if not config.telegram.token:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set (nor telegram.token in the configuration): "
                          "`pressbot run` needs the bot's token (from @BotFather); without one, `pressbot chat` "
                          "holds the same conversation in this terminal")
    shape_problem = token_shape_problem(config.telegram.token)
    if shape_problem:
        raise ConfigError(shape_problem)
    configure_logging(config.log_level, [config.telegram.token], fmt=config.log_format)
    try:
        check_bot_api(config.telegram)
    except StartError as exc:
        print(f"pressbot: {redact(exc.problem, [config.telegram.token])}\nhint: {exc.hint}", file=sys.stderr)
        return exc.status
    try:
        run_bot(Service.start(config), webhook_url=args.webhook, listen=args.listen, port=args.port,
                health_port=args.health_port)
    except InvalidToken as exc:  # raised at start-up only: the running bot handles its own errors
        raise ConfigError(f"the Bot API at {config.telegram.api_base_url} refused the token "
                          f"(TELEGRAM_BOT_TOKEN): {redact(str(exc), [config.telegram.token])}") from None
    except NetworkError as exc:
        print(f"pressbot: cannot reach the Bot API at {config.telegram.api_base_url}: "
              f"{redact(str(exc), [config.telegram.token])}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_init(args: argparse.Namespace) -> int:
    import datetime as dt

    from pressbot.bot.cli.scaffold import create_agency, next_commands

    try:
        created = create_agency(args.directory, args.name, args.website, dt.date.today().isoformat())
    except (FileExistsError, ValueError) as exc:
        print(f"pressbot init: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for path in created:
        print(f"created {path}")
    print(f"\nEdit {created[0]} (the agency's name, contact, examples), then:", file=sys.stderr)
    for command in next_commands(args.directory):
        print(f"  {command}", file=sys.stderr)
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:

    from pressbot.bot.core.storage import Storage
    from pressbot.responses.render import Renderer
    from pressbot.retrieval.agency import load_profile, zone_of

    config = _config(args)
    if not config.state_path.is_file():
        print(f"pressbot stats: no state file at {config.state_path} (the bot has not run yet)", file=sys.stderr)
        return EXIT_PROBLEMS
    profile = load_profile(config.corpus)  # "today" is the press office's day, as in /stats
    try:
        with Storage.open(config.state_path) as storage:
            figures = storage.stats(zone=zone_of(profile))
    except sqlite3.Error as exc:
        print(f"pressbot stats: {config.state_path}: cannot read the state file: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(Renderer().render("stats", "text", args.lang, stats=figures, share=figures.answered_share))
    return EXIT_OK


def cmd_forget(args: argparse.Namespace) -> int:
    from pressbot.bot.core.storage import Storage

    config = _config(args)
    if not config.state_path.is_file():
        print(f"pressbot forget: no state file at {config.state_path}: nothing is stored", file=sys.stderr)
        return EXIT_OK
    try:
        with Storage.open(config.state_path) as storage:
            deleted = storage.forget_user(args.user)
    except sqlite3.Error as exc:
        print(f"pressbot forget: {config.state_path}: cannot read the state file: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"deleted {counted(sum(deleted.values()), 'rows')} about user {args.user}: "
          + ", ".join(f"{table} {n}" for table, n in deleted.items()))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from pressbot.bot.core.storage import BackupError, backup

    config = _config(args)
    try:
        pages = backup(config.state_path, args.file)
    except BackupError as exc:
        print(f"pressbot backup: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"backed up {config.state_path} to {args.file} ({counted(pages, 'pages')})")
    return EXIT_OK


COMMANDS = {"ask": cmd_ask, "chat": cmd_chat, "eval": cmd_eval, "check": cmd_check, "import": cmd_import,
            "run": cmd_run, "sync": cmd_sync, "init": cmd_init, "stats": cmd_stats, "forget": cmd_forget,
            "backup": cmd_backup}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; configuration and corpus errors end with one line naming the problem (exit 2)."""
    args = _parser().parse_args(argv)
    try:
        if args.command != "run":  # `run` configures logging from its validated configuration
            level = os.environ.get("PRESSBOT_LOG_LEVEL", "").upper()
            configure_logging(level if level in LOG_LEVELS else "WARNING",
                              [os.environ.get("TELEGRAM_BOT_TOKEN", "")],
                              fmt=os.environ.get("PRESSBOT_LOG_FORMAT", "text").lower())
        return COMMANDS[args.command](args)
    except ConfigError as exc:
        print(f"pressbot: configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CorpusError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"pressbot: the corpus has {counted(len(exc.problems), 'problems')}; run `pressbot check`",
              file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # Ctrl-C: one way to leave the chat; any other command was cut short
        if args.command == "chat":
            return EXIT_OK
        print(f"\npressbot {args.command}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `pressbot ask … | head`: the reader left; not an error of ours
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
