"""retrieval/drafts.py: a release from a file or a message, checked against the corpus, written and
removed atomically."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from pressbot.retrieval.corpus import load_corpus, parse_document
from pressbot.retrieval.drafts import (
    MAX_BYTES,
    DraftError,
    corpus_text,
    draft_from_bytes,
    draft_from_text,
    duplicate_of,
    remove_release,
    replacing,
    write_release,
)

PAGES = Path(__file__).resolve().parent / "data" / "pages"
BODY = ("Chief of the State Migration Service met the Ambassador of Mexico.\n\n"
        "They discussed cooperation in the field of migration.")
RAW = f"Meeting with the Ambassador of Mexico\n\n{BODY}\n"


def files_of(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())} if directory.exists() else {}


def corpus_with(tmp_path: Path, **files: str) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / f"{name}.md").write_text(text, encoding="utf-8")
    return corpus


# --- reading --------------------------------------------------------------------------------------------

def test_raw_text_gives_title_from_the_first_line_and_the_rest_as_text(tmp_path: Path) -> None:
    draft = draft_from_bytes(RAW.encode(), "page.txt", tmp_path / "corpus")
    assert (draft.document.title, draft.document.text, draft.document.lang) == (
        "Meeting with the Ambassador of Mexico", BODY, "en")
    assert draft.doc_id == draft.document.id == "doc-en-meeting-with-the-ambassador-of-mexico"
    assert draft.origin == "page.txt"


def test_a_draft_without_date_or_url_says_so(tmp_path: Path) -> None:
    assert draft_from_bytes(RAW.encode(), "page.txt", tmp_path).warnings == ("no date found", "no url")


def test_a_given_url_names_the_release_and_its_language(tmp_path: Path) -> None:
    draft = draft_from_bytes(RAW.encode(), "page.txt", tmp_path, url="https://migration.gov.az/en/news_detail/77")
    assert (draft.doc_id, draft.document.url, draft.warnings) == (
        "migration-en-77", "https://migration.gov.az/en/news_detail/77", ("no date found",))


def test_a_date_line_under_the_title_becomes_the_date(tmp_path: Path) -> None:
    draft = draft_from_bytes(f"Meeting in Geneva\n28 November 2026\n{BODY}".encode(), "a.txt", tmp_path)
    assert (draft.document.date, draft.document.text) == ("2026-11-28", BODY)


def test_a_corpus_file_keeps_its_id_and_its_bytes(tmp_path: Path) -> None:
    text = "---\ntitle: Meeting\ndate: 2016-07-30\nlang: en\n---\nThe chief met the guest.\n"
    draft = draft_from_bytes(text.encode(), "migration-en-9634.md", tmp_path)
    assert (draft.doc_id, draft.document.date) == ("migration-en-9634", "2016-07-30")
    assert corpus_text(draft) == text


def test_a_saved_page_gives_its_headline_date_url_and_language(tmp_path: Path) -> None:
    data = (PAGES / "migration-en-mobile-service.html").read_bytes()
    document = draft_from_bytes(data, "migration-en-mobile-service.html", tmp_path).document
    assert (document.title, document.date, document.url, document.lang) == (
        "State Migration Service organized mobile service in Zagatala", "2026-11-20",
        "https://migration.gov.az/en/news_detail/21450", "en")


def test_a_message_uses_its_first_line_as_title_unless_one_is_given(tmp_path: Path) -> None:
    assert draft_from_text(RAW, tmp_path, origin="Telegram message").document.title == (
        "Meeting with the Ambassador of Mexico")
    draft = draft_from_text(BODY, tmp_path, origin="Telegram message", title="Given title", date="2026-11-02",
                            url="https://t.me/agency/15", lang="en")
    assert (draft.document.title, draft.document.text, draft.document.date, draft.document.url) == (
        "Given title", BODY, "2026-11-02", "https://t.me/agency/15")
    assert draft.origin == "Telegram message" and draft.warnings == ()


@pytest.mark.parametrize(("data", "name", "reason"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "photo.html", "binary file"),
    (b"Title\n\xff\xfe broken", "page.txt", "not UTF-8"),
    (b"   \n", "page.txt", "empty file"),
    (b"Only a title\n", "page.txt", "no text after the title line"),
    (b"x", "page.pdf", "unsupported file type"),
    (b"---\ntitel: x\n---\nText.\n", "bad.md", "unknown key 'titel'"),
    (b"a" * (MAX_BYTES + 1), "big.txt", "too large"),
])
def test_what_is_not_a_release_is_refused_with_a_one_line_reason(tmp_path: Path, data: bytes, name: str,
                                                                 reason: str) -> None:
    with pytest.raises(DraftError, match=reason) as caught:
        draft_from_bytes(data, name, tmp_path)
    assert "\n" not in str(caught.value)


def test_a_message_with_a_bad_url_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DraftError, match="bad url"):
        draft_from_text(RAW, tmp_path, origin="Telegram message", url="javascript:alert(1)")


# --- the corpus -----------------------------------------------------------------------------------------

def test_an_id_already_in_the_corpus_gets_a_number(tmp_path: Path) -> None:
    corpus = corpus_with(tmp_path, **{"doc-en-meeting-with-the-ambassador-of-mexico": "---\ntitle: T\n---\nOther.\n"})
    assert draft_from_text(RAW, corpus, origin="m").doc_id == "doc-en-meeting-with-the-ambassador-of-mexico-2"


def test_a_duplicate_is_found_by_url_or_by_text(tmp_path: Path) -> None:
    corpus = corpus_with(tmp_path, a="---\nurl: http://www.migration.gov.az/en/news_detail/77/\ntitle: T\n---\nX.\n",
                         b=f"---\ntitle: Other title\n---\n{BODY.upper()}\n")
    by_url = draft_from_text("New\nNew text.", corpus, origin="m", url="https://migration.gov.az/en/news_detail/77")
    assert duplicate_of(by_url, corpus) == "a"
    assert duplicate_of(draft_from_text(RAW, corpus, origin="m"), corpus) == "b"
    assert duplicate_of(draft_from_text("New\nNew text.", corpus, origin="m"), corpus) is None


def test_the_corpus_text_parses_back_to_the_same_document(tmp_path: Path) -> None:
    draft = draft_from_text(RAW, tmp_path, origin="m", url="https://migration.gov.az/en/news_detail/77",
                            date="2026-11-02")
    draft = dataclasses.replace(draft, document=dataclasses.replace(draft.document, source="SMS",
                                                                    translations=("other",)))
    parsed, problems = parse_document(Path(f"{draft.doc_id}.md"), corpus_text(draft).encode())
    assert problems == [] and parsed == draft.document


def test_write_release_adds_one_valid_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    corpus = corpus_with(tmp_path)
    draft = draft_from_text(RAW, corpus, origin="m")
    path = write_release(draft, corpus)
    assert path == corpus / f"{draft.doc_id}.md"
    assert sorted(p.name for p in corpus.iterdir()) == [path.name]
    docs, problems = load_corpus(corpus)
    assert problems == [] and docs == [draft.document]


def test_write_release_refuses_an_existing_id_unless_told_to_replace(tmp_path: Path) -> None:
    corpus = corpus_with(tmp_path)
    draft = draft_from_text(RAW, corpus, origin="m")
    write_release(draft, corpus)
    with pytest.raises(DraftError, match="already exists"):
        write_release(draft, corpus)
    edited = dataclasses.replace(draft, document=dataclasses.replace(draft.document, text="Edited text."))
    write_release(edited, corpus, replace=True)
    assert load_corpus(corpus)[0][0].text == "Edited text."


def test_a_failed_write_leaves_the_corpus_as_it_was(tmp_path: Path) -> None:
    corpus = corpus_with(tmp_path, a="---\ntitle: T\n---\nX.\n")
    before = files_of(corpus)
    draft = draft_from_text(RAW, corpus, origin="m")
    broken = dataclasses.replace(draft, verbatim="\ud800")  # cannot be encoded: the write fails midway
    with pytest.raises(UnicodeEncodeError):
        write_release(broken, corpus)
    assert files_of(corpus) == before


def test_remove_release_takes_the_file_out(tmp_path: Path) -> None:
    corpus = corpus_with(tmp_path, a="---\ntitle: T\n---\nX.\n", b="---\ntitle: U\n---\nY.\n")
    assert remove_release("a", corpus) == corpus / "a.md"
    assert [p.name for p in corpus.iterdir()] == ["b.md"]


@pytest.mark.parametrize("doc_id", ["missing", "../corpus/b", "b.md", "", ".hidden", "a/b"])
def test_remove_release_refuses_an_unknown_or_unsafe_id(tmp_path: Path, doc_id: str) -> None:
    corpus = corpus_with(tmp_path, b="---\ntitle: U\n---\nY.\n")
    with pytest.raises(DraftError):
        remove_release(doc_id, corpus)
    assert [p.name for p in corpus.iterdir()] == ["b.md"]


def test_an_edited_release_replaces_the_one_with_its_url(tmp_path: Path) -> None:
    corpus = corpus_with(tmp_path)
    url = "https://t.me/agency/15"
    first = draft_from_text(RAW, corpus, origin="post", url=url)
    write_release(first, corpus)
    edited = draft_from_text(RAW.replace("Mexico.", "Mexico in Baku."), corpus, origin="edit", url=url)
    assert edited.doc_id != first.doc_id  # a fresh id: its own is taken
    same = duplicate_of(edited, corpus)
    assert same == first.doc_id
    write_release(replacing(edited, same), corpus, replace=True)
    [doc] = load_corpus(corpus)[0]
    assert (doc.id, doc.text.startswith(BODY.replace("Mexico.", "Mexico in Baku."))) == (first.doc_id, True)
