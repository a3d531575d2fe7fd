"""`pressbot import`: captured page text becomes a corpus file, web boilerplate removed, duplicates skipped."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pressbot.retrieval.corpus import load_corpus
from pressbot.retrieval.importer import clean_page_text, doc_id_for, import_files

ROOT = Path(__file__).resolve().parent.parent
FOOTER = ("© 2024 The Republic of Azerbaijan State Migration Service\n"
          "Terms for users | Privacy Policy | All rights reserved\n")
BODY = ("Chief of the State Migration Service met the Ambassador of Mexico.\n\n"
        "They discussed cooperation in the field of migration.")


def raw_page(title: str = "Meeting with the Ambassador of Mexico", body: str = BODY) -> str:
    return f"newsPhoto\n\n{title}\n\n{body}\n\n\n{FOOTER}"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def seeds_dir(tmp_path: Path, pages: dict[str, str], sources: str = "") -> Path:
    directory = tmp_path / "seeds"
    for name, text in pages.items():
        write(directory / name, text)
    if sources:
        write(directory / "SOURCES.yaml", sources)
    return directory


# --- cleaning a captured page -----------------------------------------------------------------------------

def test_the_first_line_is_the_title_and_the_rest_the_body() -> None:
    assert clean_page_text("Meeting in Geneva\n\nThe chief met the Director General.\n") == (
        "Meeting in Geneva", "The chief met the Director General.")


def test_leading_blank_lines_and_the_news_photo_placeholder_are_not_the_title() -> None:
    title, _ = clean_page_text("\n\nnewsPhoto\n\nMeeting in Geneva\nText.\n")
    assert title == "Meeting in Geneva"


def test_the_copyright_and_terms_footer_is_removed() -> None:
    assert clean_page_text(raw_page()) == ("Meeting with the Ambassador of Mexico", BODY)


def test_a_latest_news_line_is_removed() -> None:
    assert clean_page_text(f"Title\n{BODY}\n\nLatest news\n") == ("Title", BODY)


def test_latest_news_glued_to_the_end_of_the_last_paragraph_is_removed() -> None:
    _, body = clean_page_text('Title\nFirst paragraph.\nHe said: "We will continue."Latest news')
    assert body == 'First paragraph.\nHe said: "We will continue."'


def test_the_text_between_the_boilerplate_stays_as_published() -> None:
    text = "Title\nA  line with  double spaces, “quotes” and Hıghlighting.\n\nSecond paragraph.  "
    assert clean_page_text(text)[1] == "A  line with  double spaces, “quotes” and Hıghlighting.\n\nSecond paragraph."


# --- document ids -----------------------------------------------------------------------------------------

def test_a_numbered_news_page_gives_site_lang_number() -> None:
    assert doc_id_for("https://migration.gov.az/en/news_detail/9634", "en", "Title") == "migration-en-9634"


def test_a_slugged_page_gives_a_short_slug_of_its_path() -> None:
    url = "https://report.az/en/amp/foreign-politics/khazar-ibrahim-we-will-expand-scope-of-mobile-consular-services/"
    assert doc_id_for(url, "en", "Title") == "report-en-khazar-ibrahim-we-will-expand-scope-of-mobile"


def test_without_a_url_the_title_gives_the_slug_with_azerbaijani_letters_folded() -> None:
    assert doc_id_for(None, "az", "Dövlət Miqrasiya Xidmətində görüş Bakıda") == (
        "doc-az-dovlet-miqrasiya-xidmetinde-gorus-bakida")


def test_without_a_url_a_russian_title_gives_a_transliterated_slug() -> None:
    assert doc_id_for(None, "ru", "В октябре в Колл-центр 919 поступило более 41 тысячи звонков") == (
        "doc-ru-v-oktyabre-v-koll-tsentr-919-postupilo-bolee-41")


# --- importing --------------------------------------------------------------------------------------------

def test_an_imported_page_becomes_a_valid_corpus_file_with_its_sources_url(tmp_path: Path) -> None:
    seeds = seeds_dir(tmp_path, {"002.txt": raw_page()},
                      "002.txt:\n  url: https://migration.gov.az/en/news_detail/10189\n"
                      "  source: State Migration Service\n")
    corpus = tmp_path / "corpus"
    report = import_files([seeds], corpus)
    assert report.added == (corpus / "migration-en-10189.md",)
    assert report.messages == (f"added {corpus / 'migration-en-10189.md'}",)
    [doc], problems = load_corpus(corpus)
    assert problems == []
    assert (doc.id, doc.title, doc.text, doc.lang) == ("migration-en-10189", "Meeting with the Ambassador of Mexico",
                                                       BODY, "en")
    assert (doc.url, doc.source) == ("https://migration.gov.az/en/news_detail/10189", "State Migration Service")


def test_a_page_with_the_same_url_as_a_corpus_document_is_skipped_with_a_message(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "migration-en-10189.md", "---\nurl: http://www.migration.gov.az/en/news_detail/10189/\n"
                                           "title: Other title\n---\nOther text.\n")
    seeds = seeds_dir(tmp_path, {"002.txt": raw_page()},
                      "002.txt:\n  url: https://migration.gov.az/en/news_detail/10189\n")
    report = import_files([seeds], corpus)
    assert report.added == ()
    assert report.messages == (f"skipped {seeds / '002.txt'}: same url as {corpus / 'migration-en-10189.md'}",)


def test_a_page_with_the_same_text_as_a_corpus_document_is_skipped_with_a_message(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "mexico.md", f"---\ntitle: Meeting with the Ambassador of Mexico\n---\n{BODY.upper()}\n")
    seeds = seeds_dir(tmp_path, {"002.txt": raw_page()})  # no url: only the text can tell
    report = import_files([seeds], corpus)
    assert report.added == ()
    assert report.messages == (f"skipped {seeds / '002.txt'}: same text as {corpus / 'mexico.md'}",)


def test_the_same_page_twice_in_one_import_is_added_once(tmp_path: Path) -> None:
    seeds = seeds_dir(tmp_path, {"a.txt": raw_page(), "b.txt": raw_page()})
    report = import_files([seeds], tmp_path / "corpus")
    assert len(report.added) == 1
    assert report.messages[1].startswith(f"skipped {seeds / 'b.txt'}: same text as")


def test_a_corpus_markdown_file_is_copied_byte_for_byte(tmp_path: Path) -> None:
    source = tmp_path / "in" / "migration-en-9634.md"
    content = b"---\ntitle: Meeting at State Migration Service\ndate: 2016-07-30\n---\nThe chief met\r\nthe guest. \n"
    source.parent.mkdir()
    source.write_bytes(content)
    corpus = tmp_path / "corpus"
    report = import_files([source], corpus)
    assert report.added == (corpus / "migration-en-9634.md",)
    assert (corpus / "migration-en-9634.md").read_bytes() == content


def test_a_new_id_that_is_taken_gets_a_number(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "doc-en-meeting-in-geneva.md", "---\ntitle: Meeting in Geneva\n---\nOne text.\n")
    seeds = seeds_dir(tmp_path, {"a.txt": "Meeting in Geneva\nAnother text.\n"})
    assert import_files([seeds], corpus).added == (corpus / "doc-en-meeting-in-geneva-2.md",)


def test_a_page_without_text_after_its_title_is_skipped(tmp_path: Path) -> None:
    seeds = seeds_dir(tmp_path, {"a.txt": f"newsPhoto\nOnly a title\n{FOOTER}"})
    report = import_files([seeds], tmp_path / "corpus")
    assert report.added == ()
    assert report.failed == (f"{seeds / 'a.txt'}: no text after the title line",)


def test_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    seeds = seeds_dir(tmp_path, {"a.txt": raw_page()})
    corpus = tmp_path / "corpus"
    report = import_files([seeds], corpus, dry_run=True)
    assert report.messages == (f"would add {corpus / 'doc-en-meeting-with-the-ambassador-of-mexico.md'}",)
    assert not corpus.exists()


def test_importing_the_seeds_into_the_shared_press_releases_adds_the_two_it_lacks(shared: Path,
                                                                                   tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(shared / "press-releases", corpus)
    before = sorted(p.name for p in corpus.iterdir())
    report = import_files([shared / "seeds"], corpus)
    assert sorted(p.name for p in report.added) == ["migration-en-10189.md", "migration-en-14083.md"]
    assert sum(m.startswith("skipped") for m in report.messages) == 3
    assert sorted(p.name for p in corpus.iterdir()) == sorted([*before, "migration-en-10189.md",
                                                               "migration-en-14083.md"])
    docs, problems = load_corpus(corpus)
    assert problems == []
    text = {d.id: d.text for d in docs}["migration-en-14083"]
    assert "State Migration Service" in text and "©" not in text and "Privacy Policy" not in text
    assert import_files([shared / "seeds"], corpus).added == ()  # a second import adds nothing


def test_the_bundled_corpus_is_the_shared_press_releases_plus_the_imported_seeds(shared: Path,
                                                                                  tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(shared / "press-releases", corpus)
    import_files([shared / "seeds"], corpus)
    for path in corpus.iterdir():
        assert path.read_bytes() == (ROOT / "corpus" / path.name).read_bytes(), path.name


# --- the command ------------------------------------------------------------------------------------------

def test_the_import_command_prints_one_line_per_file_and_exits_zero(tmp_path: Path) -> None:
    seeds = seeds_dir(tmp_path, {"a.txt": raw_page(), "b.txt": raw_page()})
    corpus = tmp_path / "corpus"
    script = Path(sys.executable).with_name("pressbot")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "pressbot"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSBOT_", "TELEGRAM_"))}
    result = subprocess.run([*command, "import", "--corpus", str(corpus), str(seeds)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    added, skipped = result.stdout.splitlines()
    assert added.startswith("added ") and skipped.startswith(f"skipped {seeds / 'b.txt'}: same text as")
    assert "1 added, 1 skipped" in result.stderr
    assert load_corpus(corpus)[1] == []


def test_the_import_command_refuses_a_missing_input(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("pressbot")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "pressbot"]
    result = subprocess.run([*command, "import", "--corpus", str(tmp_path / "corpus"), str(tmp_path / "nope")],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert str(tmp_path / "nope") in result.stderr


@pytest.mark.parametrize("footer", ["© 2026 Report.az. All rights reserved.", "Bütün hüquqlar qorunur.",
                                    "© 2026 Dövlət Miqrasiya Xidməti. Bütün hüquqlar qorunur",
                                    "Все права защищены", "Copyright © 2026 Trend News Agency"])
def test_copyright_footers_in_each_language_are_removed(footer: str) -> None:
    assert clean_page_text(f"Title\n{BODY}\n{footer}\n") == ("Title", BODY)


def test_a_sentence_about_rights_stays() -> None:
    body = "The Service explained that all rights of migrants are protected by law."
    assert clean_page_text(f"Title\n{body}\n")[1] == body


def test_a_raw_page_with_a_date_under_its_title_is_imported_dated(tmp_path: Path) -> None:
    seeds = seeds_dir(tmp_path, {"a.txt": f"Meeting in Geneva\n28 November 2026\n\n{BODY}\n\n{FOOTER}"})
    corpus = tmp_path / "corpus"
    import_files([seeds], corpus)
    [doc], _ = load_corpus(corpus)
    assert (doc.date, doc.text) == ("2026-11-28", BODY)


def test_a_dry_run_of_the_command_says_would_add_and_writes_nothing(tmp_path: Path) -> None:
    seeds_dir(tmp_path, {"a.txt": raw_page()})
    corpus = tmp_path / "corpus"
    corpus.mkdir()  # a relative --corpus that does not exist would mean the bundled one
    script = Path(sys.executable).with_name("pressbot")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "pressbot"]
    result = subprocess.run([*command, "import", "--dry-run", "--corpus", "corpus", "seeds"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "would add corpus/doc-en-meeting-with-the-ambassador-of-mexico.md\n"
    assert list(corpus.iterdir()) == []


def test_one_bad_input_fails_the_import_and_writes_nothing(tmp_path: Path) -> None:
    seeds = seeds_dir(tmp_path, {"a.txt": raw_page()})
    (seeds / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    script = Path(sys.executable).with_name("pressbot")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "pressbot"]
    result = subprocess.run([*command, "import", "--corpus", "corpus", "seeds"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "pressbot import: seeds/photo.html: a binary file, not html text"
    assert list(corpus.iterdir()) == []


@pytest.mark.parametrize("sources", ["002.txt: [unclosed\n", "- a list\n", "002.txt: just a url\n"])
def test_a_broken_sources_file_fails_the_import_naming_it(tmp_path: Path, sources: str) -> None:
    seeds = seeds_dir(tmp_path, {"002.txt": raw_page()}, sources)
    report = import_files([seeds], tmp_path / "corpus")
    assert report.added == ()
    assert report.failed[0].startswith(f"{seeds / 'SOURCES.yaml'}: ")
    assert not (tmp_path / "corpus").exists()


def test_what_the_import_could_not_find_is_noted_on_stderr(tmp_path: Path) -> None:
    seeds_dir(tmp_path, {"a.txt": raw_page()})
    (tmp_path / "corpus").mkdir()
    script = Path(sys.executable).with_name("pressbot")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "pressbot"]
    result = subprocess.run([*command, "import", "--corpus", "corpus", "seeds"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    path = "corpus/doc-en-meeting-with-the-ambassador-of-mexico.md"
    assert result.stderr.splitlines()[:2] == [f"note: {path}: no date found", f"note: {path}: no url"]
