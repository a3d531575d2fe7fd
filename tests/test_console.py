"""`pressbot chat`: the Telegram conversation on standard input and output, for use without a token."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pressbot.bot.cli.console import Conversation, chat, respond
from pressbot.bot.core.config import load_config
from pressbot.bot.core.service import Service
from pressbot.bot.core.texts import Texts
from tests.conftest import write_doc

ROOT = Path(__file__).resolve().parent.parent
GENEVA = "Who met the IOM Director General in Geneva?"


def pressbot_chat(stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`pressbot chat` (the console script beside this interpreter, else python -m bot.cli) from the root."""
    script = Path(sys.executable).with_name("pressbot")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "pressbot"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSBOT_", "TELEGRAM_"))}
    return subprocess.run([*command, "chat", *args], cwd=ROOT, env=env, input=stdin, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)


def dated_corpus(directory: Path) -> Path:
    write_doc(directory, "a-old.md", "Visa rules explained", "Electronic visas are issued online.", date="2019-03-01")
    write_doc(directory, "b-new.md", "Mobile consular service in Boston", "The embassy visited Boston.",
              date="2023-05-02")
    write_doc(directory, "c-undated.md", "Passport office hours", "The passport office opens at nine.")
    write_doc(directory, "d-mid.md", "Visa centre opened in Baku", "A visa centre opened in Baku.",
              date="2021-07-15", source="State Migration Service")
    return directory


def test_chat_answers_the_geneva_question_with_a_quote_naming_vitorino_and_a_cited_source() -> None:
    result = pressbot_chat(GENEVA + "\n")
    assert result.returncode == 0, result.stderr
    quotes = re.findall(r"«([^»]+)»", result.stdout)
    assert any("Antonio Vitorino" in quote for quote in quotes), quotes
    assert "[1]" in result.stdout
    assert "https://migration.gov.az/en/news_detail/13016" in result.stdout


def test_chat_greets_and_exits_zero_at_end_of_input() -> None:
    result = pressbot_chat("")
    assert result.returncode == 0
    assert "Hello" in result.stdout and "/help" in result.stdout
    assert result.stderr == ""


def test_latest_lists_the_newest_press_releases_first(tmp_path: Path) -> None:
    result = pressbot_chat("/latest\n", "--corpus", str(dated_corpus(tmp_path)))
    assert result.returncode == 0, result.stderr
    listed = re.findall(r"^\d+\. (.+) — (\S+)$", result.stdout, re.MULTILINE)
    assert listed == [("Mobile consular service in Boston", "2023-05-02"), ("Visa centre opened in Baku", "2021-07-15"),
                      ("Visa rules explained", "2019-03-01"), ("Passport office hours", "undated")]


def test_latest_with_a_topic_lists_only_press_releases_about_it(tmp_path: Path) -> None:
    result = pressbot_chat("/latest visa\n", "--corpus", str(dated_corpus(tmp_path)))
    listed = re.findall(r"^\d+\. (.+) — \S+$", result.stdout, re.MULTILINE)
    assert listed == ["Visa centre opened in Baku", "Visa rules explained"]


def test_sources_says_what_the_corpus_holds(tmp_path: Path) -> None:
    result = pressbot_chat("/sources\n", "--corpus", str(dated_corpus(tmp_path)))
    assert result.returncode == 0, result.stderr
    assert "4 press releases" in result.stdout
    assert "2019-03-01" in result.stdout and "2023-05-02" in result.stdout
    assert "State Migration Service: 1" in result.stdout


def test_quit_ends_the_chat_before_later_lines(tmp_path: Path) -> None:
    result = pressbot_chat("/quit\n/sources\n", "--corpus", str(dated_corpus(tmp_path)))
    assert result.returncode == 0
    assert "press releases (" not in result.stdout


def test_a_console_session_reads_until_end_of_input(small_corpus: Path) -> None:
    service = Service.start(load_config(None, {}, corpus=small_corpus))
    out = io.StringIO()
    assert chat(service, io.StringIO(f"{GENEVA}\n\n/help\n"), out) == 0
    assert out.getvalue().count("[1]") >= 1
    assert "/reload" in out.getvalue()  # the person at the console is the operator


def test_an_empty_line_gets_no_reply(small_corpus: Path) -> None:
    service = Service.start(load_config(None, {}, corpus=small_corpus))
    assert respond(service, "   \n", "en") is None


def test_an_unknown_command_says_so_and_points_to_help(small_corpus: Path) -> None:
    service = Service.start(load_config(None, {}, corpus=small_corpus))
    reply = respond(service, "/frobnicate", "en")
    assert reply is not None and reply.text == "Unknown command. /help lists what I can do."


def test_reload_from_the_console_reports_an_unchanged_corpus(small_corpus: Path) -> None:
    service = Service.start(load_config(None, {}, corpus=small_corpus))
    reply = respond(service, "/reload", "en")
    assert reply is not None and "have not changed" in reply.text


# --- the console's side of the buttons, and commands that belong to Telegram ----------------------------
def console(corpus: Path) -> tuple[Service, Conversation]:
    return Service.start(load_config(None, {}, corpus=corpus)), Conversation()


# In the small corpus three press releases answer this, and two more match it (as in test_e2e_buttons.py).
BROAD_QUESTION = "State Migration Service meeting"


def cited_urls(text: str) -> list[str]:
    return re.findall(r"^\s+(https?://\S+)$", text, re.MULTILINE)


def test_more_shows_further_press_releases_for_the_last_question(small_corpus: Path) -> None:
    service, talk = console(small_corpus)
    first = respond(service, BROAD_QUESTION, "en", talk)
    more = respond(service, "/more", "en", talk)
    assert first is not None and more is not None
    assert more.text.startswith(f"More on “{BROAD_QUESTION}”")
    assert "«" in more.text and cited_urls(more.text)
    assert set(cited_urls(more.text)).isdisjoint(cited_urls(first.text))  # the next ones, as the button


def test_more_again_never_repeats_a_press_release_and_ends_saying_so(small_corpus: Path) -> None:
    service, talk = console(small_corpus)
    respond(service, BROAD_QUESTION, "en", talk)
    seen: list[str] = []
    for _ in range(10):
        reply = respond(service, "/more", "en", talk)
        assert reply is not None
        if reply.text == "No more press releases match this question.":
            break
        seen += cited_urls(reply.text)
    else:
        raise AssertionError("/more never ran out")
    assert seen and len(seen) == len(set(seen))


def test_more_before_any_question_asks_for_one(small_corpus: Path) -> None:
    service, talk = console(small_corpus)
    reply = respond(service, "/more", "en", talk)
    assert reply is not None and reply.text == "Ask a question first; /more then shows further press releases on it."


def test_more_after_latest_shows_the_next_page(small_corpus: Path) -> None:
    service, talk = console(small_corpus)
    respond(service, "/latest", "en", talk)
    reply = respond(service, "/more", "en", talk)
    assert reply is not None and reply == Texts(service).latest_text("", "en", offset=5)
    assert re.search(r"^6\. ", reply.text, re.MULTILINE)
    last = respond(service, "/more", "en", talk)
    assert last is not None and last.text == "There are no more press releases in this list."


@pytest.mark.parametrize("command", ["/subscribe consular", "/unsubscribe", "/subscriptions", "/stats", "/privacy",
                                     "/forget"])
def test_telegram_only_commands_say_where_they_work(small_corpus: Path, command: str) -> None:
    service, talk = console(small_corpus)
    reply = respond(service, command, "en", talk)
    name = command.split()[0]
    assert reply is not None and reply.text.startswith(f"{name} works in the Telegram bot, not in this console.")


def test_replies_to_commands_follow_the_language_of_the_last_question(small_corpus: Path) -> None:
    service, talk = console(small_corpus)
    respond(service, "Кто встречался с генеральным директором МОМ?", "en", talk)
    assert respond(service, "/subscribe", "en", talk) == Texts(service).phrase("ru", "console_telegram_only",
                                                                       command="/subscribe")
    unknown = respond(service, "/foo", "en", talk)
    assert unknown is not None and unknown.text == "Неизвестная команда. /help — список того, что я умею."


def test_the_chat_tells_how_to_get_more(small_corpus: Path) -> None:
    result = pressbot_chat(f"{BROAD_QUESTION}\n/more\n", "--corpus", str(small_corpus))
    assert result.returncode == 0, result.stderr
    assert "/more for more press releases" in result.stdout
    assert f"More on “{BROAD_QUESTION}”" in result.stdout


# --- /help lists what the console does; the admin's corpus commands ---------------------------------------
def listed_commands(help_text: str) -> set[str]:
    return set(re.findall(r"^\s+/(\w+) — ", help_text, re.MULTILINE))


def test_help_in_the_console_lists_only_the_commands_the_console_handles(small_corpus: Path) -> None:
    service, talk = console(small_corpus)
    reply = respond(service, "/help", "en", talk)
    assert reply is not None
    assert listed_commands(reply.text) == {"start", "help", "latest", "sources", "reload", "remove"}
    for command in listed_commands(reply.text):
        answer = respond(service, f"/{command}", "en", talk)
        assert answer is not None
        assert "Unknown command" not in answer.text and "works in the Telegram" not in answer.text


def test_help_in_the_console_tells_how_to_add_a_press_release_and_get_more(small_corpus: Path) -> None:
    service, talk = console(small_corpus)
    reply = respond(service, "/help", "en", talk)
    assert reply is not None
    assert "pressbot import FILE_OR_URL" in reply.text and "/more for more press releases" in reply.text


def test_add_in_the_console_points_to_pressbot_import_and_writes_nothing(small_corpus: Path) -> None:
    service, talk = console(small_corpus)
    before = sorted(p.name for p in small_corpus.iterdir())
    reply = respond(service, "/add Mobile service in Zanzibar", "en", talk)
    assert reply == Texts(service).phrase("en", "console_add")
    assert sorted(p.name for p in small_corpus.iterdir()) == before


def test_remove_in_the_console_takes_the_release_out_and_reloads(small_corpus: Path) -> None:
    service, talk = console(small_corpus)
    doc_id = sorted(service.index.documents)[0]
    title = service.index.documents[doc_id].title
    count = len(service.index.documents)
    reply = respond(service, f"/remove {doc_id}", "en", talk)
    assert reply is not None
    assert reply.text.startswith(f"Removed {doc_id}: “{title}”.\nReloaded: {count - 1} press releases")
    assert not (small_corpus / f"{doc_id}.md").exists()
    assert doc_id not in service.index.documents


def test_remove_of_an_id_the_corpus_lacks_says_so_and_leaves_the_corpus_as_it_was(small_corpus: Path) -> None:
    service, talk = console(small_corpus)
    (small_corpus / "notes.txt").write_text("not a release", encoding="utf-8")
    before = sorted(p.name for p in small_corpus.iterdir())
    reply = respond(service, "/remove notes", "en", talk)
    assert reply is not None and reply.text == "There is no press release “notes” in the corpus."
    assert sorted(p.name for p in small_corpus.iterdir()) == before


def test_remove_without_an_id_says_how_to_use_it(small_corpus: Path) -> None:
    service, talk = console(small_corpus)
    assert respond(service, "/remove", "en", talk) == Texts(service).phrase("en", "remove_usage")


# --- the console's More in words, and /latest in the person's language ------------------------------------
def test_typing_more_after_a_question_shows_what_slash_more_shows(small_corpus: Path) -> None:
    service, talk = console(small_corpus)
    respond(service, BROAD_QUESTION, "en", talk)
    typed = respond(service, "more", "en", talk)
    _, again = console(small_corpus)
    respond(service, BROAD_QUESTION, "en", again)
    assert typed is not None and typed == respond(service, "/more", "en", again)
    assert typed.text.startswith(f"More on “{BROAD_QUESTION}”")


def test_typing_more_before_any_question_asks_for_one(small_corpus: Path) -> None:
    service, talk = console(small_corpus)
    assert respond(service, "ещё", "en", talk) == Texts(service).phrase("ru", "console_more_first")


def test_latest_on_a_topic_typed_without_azerbaijani_letters_answers_in_the_persons_language(
        small_corpus: Path) -> None:
    service, talk = console(small_corpus)
    respond(service, "Səyyar xidmət harada göstərilib?", "en", talk)
    assert respond(service, "/latest seyyar", "en", talk) == Texts(service).latest_text("seyyar", "az")


def test_the_next_latest_pages_speak_the_persons_language(small_corpus: Path) -> None:
    service, talk = console(small_corpus)
    respond(service, "Кто встречался с генеральным директором МОМ?", "en", talk)
    first = respond(service, "/latest IOM", "en", talk)
    assert first == Texts(service).latest_text("IOM", "ru")
    replies = [respond(service, "/more", "en", talk) for _ in range(3)]
    assert Texts(service).phrase("ru", "latest_more_none") in replies


def test_removing_the_last_release_is_refused_by_the_reload_and_puts_the_file_back(tmp_path: Path) -> None:
    write_doc(tmp_path, "only.md", "Visa rules explained", "Electronic visas are issued online.", date="2019-03-01")
    stored = (tmp_path / "only.md").read_bytes()
    service, talk = console(tmp_path)
    reply = respond(service, "/remove only", "en", talk)
    assert reply is not None
    assert reply.text.startswith("The new corpus has problems, so the current press releases keep being served:")
    assert (tmp_path / "only.md").read_bytes() == stored
    assert "only" in service.index.documents


def test_remove_of_a_served_release_whose_file_is_gone_says_so_in_one_line(small_corpus: Path) -> None:
    service, talk = console(small_corpus)
    doc_id = sorted(service.index.documents)[0]
    (small_corpus / f"{doc_id}.md").unlink()
    reply = respond(service, f"/remove {doc_id}", "en", talk)
    assert reply is not None and reply.text == f"Not removed: no release '{doc_id}' in {small_corpus}."


@pytest.mark.parametrize("greeting, lang, hello", [("salam", "az", "Salam!"), ("sag ol", "az", "Salam!"),
                                                    ("привет", "ru", "Здравствуйте!")])
def test_commands_after_a_greeting_speak_the_greetings_language(small_corpus: Path, greeting: str, lang: str,
                                                                 hello: str) -> None:
    service, talk = console(small_corpus)
    respond(service, greeting, "en", talk)
    reply = respond(service, "/start", "en", talk)
    assert reply is not None and reply.text.startswith(hello) and talk.ui == lang


@pytest.mark.parametrize("lang, hello", [("en", "Hello!"), ("az", "Salam!"), ("ru", "Здравствуйте!")])
def test_the_console_greets_without_a_name_in_each_language(small_corpus: Path, lang: str, hello: str) -> None:
    service, _ = console(small_corpus)
    reply = respond(service, "/start", lang, Conversation(ui=lang))
    assert reply is not None and reply.text.splitlines()[0] == hello and "there" not in reply.text
