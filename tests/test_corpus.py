"""Reading the corpus strictly: every problem is reported as PATH:LINE with the line an admin must fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressbot.retrieval.corpus import CorpusError, Problem, load_corpus, parse_document, require_corpus

GOOD = "---\ntitle: Meeting in Geneva\n---\nThe chief met the Director General.\n"


def problems_of(tmp_path: Path, content: str | bytes, name: str = "doc.md") -> list[tuple[int, str]]:
    """(line, message) of each problem of a corpus holding one good file and this one."""
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    _, problems = load_corpus(tmp_path)
    assert all(p.path == str(path) for p in problems), problems
    return [(p.line, p.message) for p in problems]


def test_a_valid_file_becomes_a_document_with_every_field(tmp_path: Path) -> None:
    (tmp_path / "migration-en-9634.md").write_text(
        "---\nurl: https://migration.gov.az/en/news_detail/9634\ntitle: Meeting at State Migration Service\n"
        "date: 2016-07-30\nlang: en\nsource: State Migration Service\ntags: [IOM, cooperation]\nexcerpt: true\n"
        "---\nThe chief met Ms. Argentina Szabados.\n\nThey discussed cooperation.\n", encoding="utf-8")
    [doc], problems = load_corpus(tmp_path)
    assert problems == []
    assert (doc.id, doc.title, doc.date, doc.lang, doc.source) == (
        "migration-en-9634", "Meeting at State Migration Service", "2016-07-30", "en", "State Migration Service")
    assert doc.url == "https://migration.gov.az/en/news_detail/9634"
    assert (doc.tags, doc.excerpt) == (("IOM", "cooperation"), True)
    assert doc.text == "The chief met Ms. Argentina Szabados.\n\nThey discussed cooperation."


def test_optional_keys_take_their_defaults(tmp_path: Path) -> None:
    (tmp_path / "d.md").write_text(GOOD, encoding="utf-8")
    [doc], _ = load_corpus(tmp_path)
    assert (doc.lang, doc.url, doc.date, doc.source, doc.tags, doc.excerpt) == ("en", None, None, None, (), False)


def test_documents_come_in_file_name_order_including_subdirectories(tmp_path: Path) -> None:
    for name in ("b.md", "a.md", "sub/c.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a press release", encoding="utf-8")
    docs, problems = load_corpus(tmp_path)
    assert problems == []
    assert [d.id for d in docs] == ["a", "b", "c"]


def test_bad_yaml_is_reported_at_the_line_of_the_error(tmp_path: Path) -> None:
    [(line, message)] = problems_of(tmp_path, "---\nurl: https://x.az/1\ntitle: Meeting: in Geneva\n---\nText.\n")
    assert line == 3 and message.startswith("bad YAML")


def test_an_unclosed_quote_is_reported_where_it_opens_not_at_the_closing_fence(tmp_path: Path) -> None:
    [(line, message)] = problems_of(tmp_path, '---\nurl: https://x.az/1\ntitle: "Meeting\nlang: en\n---\nText.\n')
    assert line == 3 and message.startswith("bad YAML")


def test_an_unclosed_bracket_is_reported_where_it_opens(tmp_path: Path) -> None:
    [(line, message)] = problems_of(tmp_path, "---\ntitle: A\ntags: [iom, geneva\n---\nText.\n")
    assert line == 3 and message.startswith("bad YAML")


def test_a_missing_title_is_reported_on_the_first_front_matter_line(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "---\nurl: https://x.az/1\n---\nText.\n") == [(2, "missing title")]


def test_an_empty_title_is_reported_at_its_line(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "---\nurl: https://x.az/1\ntitle: '  '\n---\nText.\n") == [(3, "missing title")]


def test_a_title_that_is_not_text_is_reported(tmp_path: Path) -> None:
    [(line, message)] = problems_of(tmp_path, "---\ntitle: [a, b]\n---\nText.\n")
    assert line == 2 and "title must be text" in message


@pytest.mark.parametrize("date", ["2020-13-45", "2019-02-29", "30.07.2016", "2020-1-5", "20200101",
                                  "2020-02-03T10:00", "yesterday"])
def test_a_bad_date_is_reported_at_its_line_quoting_it(tmp_path: Path, date: str) -> None:
    [(line, message)] = problems_of(tmp_path, f"---\ntitle: A\nlang: en\ndate: {date}\n---\nText.\n")
    assert line == 4 and message.startswith("bad date") and date in message


def test_a_leap_day_is_a_valid_date(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "---\ntitle: A\ndate: 2020-02-29\n---\nText.\n") == []


def test_an_unknown_key_is_reported_at_its_line_naming_it(tmp_path: Path) -> None:
    [(line, message)] = problems_of(tmp_path, "---\ntitle: A\nautor: Press office\n---\nText.\n")
    assert line == 3 and "unknown key 'autor'" in message


def test_a_duplicate_key_is_reported_at_its_second_occurrence(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "---\ntitle: A\nlang: en\ntitle: B\n---\nText.\n") == [(4, "duplicate key 'title'")]


def test_an_empty_body_is_reported_where_the_body_starts(tmp_path: Path) -> None:
    [(line, message)] = problems_of(tmp_path, "---\ntitle: A\nlang: en\n---\n\n  \n")
    assert line == 5 and message.startswith("empty body")


def test_a_file_that_is_not_utf8_is_reported_at_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    [(line, message)] = problems_of(tmp_path, b"---\ntitle: A\n---\nFirst line.\nSecond \xff line.\n")
    assert line == 5 and message.startswith("not UTF-8")


def test_a_file_without_front_matter_is_reported_on_line_one(tmp_path: Path) -> None:
    [(line, message)] = problems_of(tmp_path, "title: A\nText.\n")
    assert line == 1 and "front matter" in message


def test_front_matter_without_a_closing_fence_is_reported_on_line_one(tmp_path: Path) -> None:
    [(line, message)] = problems_of(tmp_path, "---\ntitle: A\nText.\n")
    assert line == 1 and "front matter" in message


def test_front_matter_that_is_not_a_mapping_is_reported(tmp_path: Path) -> None:
    [(line, message)] = problems_of(tmp_path, "---\n- title\n- A\n---\nText.\n")
    assert line == 2 and "mapping" in message


@pytest.mark.parametrize(("key", "value", "expected"), [
    ("lang", "de", "bad lang 'de'"),
    ("url", "ftp://migration.gov.az/1", "bad url"),
    ("url", "migration.gov.az/en/news_detail/1", "bad url"),
    ("tags", "iom", "tags must be a list of text"),
    ("tags", "[iom, 3]", "tags must be a list of text"),
    ("translations", "migration-az-1", "translations must be a list of document ids"),
    ("excerpt", "maybe", "excerpt must be true or false"),
    ("source", "[a]", "source must be text"),
])
def test_a_bad_value_is_reported_at_its_line(tmp_path: Path, key: str, value: str, expected: str) -> None:
    [(line, message)] = problems_of(tmp_path, f"---\ntitle: A\n{key}: {value}\n---\nText.\n")
    assert line == 3 and expected in message


def test_every_problem_of_a_file_is_reported_not_only_the_first(tmp_path: Path) -> None:
    found = problems_of(tmp_path, "---\nlang: de\ndate: 2020-13-45\nfoo: 1\n---\n\n")
    assert sorted(line for line, _ in found) == [2, 2, 3, 4, 6]  # lang, missing title, date, foo, body


def test_a_byte_order_mark_and_windows_line_ends_do_not_shift_lines(tmp_path: Path) -> None:
    assert [line for line, _ in problems_of(tmp_path, "\ufeff---\r\ntitle: A\r\nfoo: 1\r\n---\r\nText.\r\n")] == [3]


def test_yaml_tags_that_construct_objects_are_refused(tmp_path: Path) -> None:
    [(line, message)] = problems_of(tmp_path, "---\ntitle: !!python/object/apply:os.system [echo]\n---\nText.\n")
    assert line == 2 and message.startswith("bad YAML")


def test_the_same_file_name_in_two_subdirectories_is_a_duplicate_id(tmp_path: Path) -> None:
    for sub in ("en", "az"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "migration-1.md").write_text(GOOD, encoding="utf-8")
    docs, problems = load_corpus(tmp_path)
    assert [d.id for d in docs] == ["migration-1"]
    assert [(p.path, p.line) for p in problems] == [(str(tmp_path / "en" / "migration-1.md"), 1)]
    assert "duplicate id 'migration-1'" in problems[0].message
    assert str(tmp_path / "az" / "migration-1.md") in problems[0].message


def test_a_translation_naming_a_missing_document_is_reported_at_the_translations_line(tmp_path: Path) -> None:
    (tmp_path / "migration-az-1.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "migration-en-1.md").write_text(
        "---\ntitle: A\nlang: en\ntranslations: [migration-az-1, migration-ru-1]\n---\nText.\n", encoding="utf-8")
    _, problems = load_corpus(tmp_path)
    assert [(p.path, p.line) for p in problems] == [(str(tmp_path / "migration-en-1.md"), 4)]
    assert "'migration-ru-1'" in problems[0].message


def test_an_empty_corpus_directory_is_a_problem(tmp_path: Path) -> None:
    docs, problems = load_corpus(tmp_path)
    assert docs == []
    [problem] = problems
    assert problem.path == str(tmp_path) and "no press releases" in problem.message


def test_a_missing_corpus_directory_is_a_problem(tmp_path: Path) -> None:
    _, [problem] = load_corpus(tmp_path / "missing")
    assert problem.path == str(tmp_path / "missing") and "does not exist" in problem.message


def test_hidden_files_and_directories_are_not_part_of_the_corpus(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / ".index").mkdir()
    (tmp_path / ".index" / "b.md").write_text("not front matter", encoding="utf-8")
    (tmp_path / ".draft.md").write_text("not front matter", encoding="utf-8")
    docs, problems = load_corpus(tmp_path)
    assert ([d.id for d in docs], problems) == (["a"], [])


def test_bad_files_are_left_out_and_good_ones_kept(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: B\ndate: 2020-13-45\n---\nText.\n", encoding="utf-8")
    docs, problems = load_corpus(tmp_path)
    assert [d.id for d in docs] == ["a"] and len(problems) == 1


def test_require_corpus_raises_with_every_problem(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: A\nfoo: 1\n---\n\n", encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        require_corpus(tmp_path)
    assert [p.line for p in caught.value.problems] == [3, 5]
    assert str(caught.value).splitlines() == [str(p) for p in caught.value.problems]


def test_a_problem_prints_as_path_colon_line_colon_message() -> None:
    assert str(Problem("corpus/x.md", 3, "unknown key 'foo'")) == "corpus/x.md:3: unknown key 'foo'"


def test_parse_document_names_the_file_as_told(tmp_path: Path) -> None:
    doc, problems = parse_document(tmp_path / "x.md", b"---\nfoo: 1\n---\nText.\n", display="corpus/x.md")
    assert doc is None and {p.path for p in problems} == {"corpus/x.md"}


def test_the_bundled_corpus_is_valid() -> None:
    docs, problems = load_corpus(Path(__file__).resolve().parent.parent / "corpus")
    assert problems == []
    assert len(docs) >= 173  # ../shared/press-releases (171) and the two seeds it lacked


def dated(tmp_path: Path, front: str, body: str) -> str | None:
    (tmp_path / "d.md").write_text(f"---\ntitle: Meeting\n{front}---\n{body}\n", encoding="utf-8")
    [doc], problems = load_corpus(tmp_path)
    assert problems == []
    return doc.date


@pytest.mark.parametrize("line", ["20 November 2023", "20 noyabr 2023", "20 ноября 2023 г.", "20.11.2023"])
def test_a_release_without_a_date_is_dated_by_its_texts_date_line(tmp_path: Path, line: str) -> None:
    assert dated(tmp_path, "", f"{line}\nThe chief met the Director General.") == "2023-11-20"


def test_a_release_without_a_date_or_date_line_is_dated_by_its_address(tmp_path: Path) -> None:
    front = "url: https://embassy.az/index.php/news/240-27-01-2023\n"
    assert dated(tmp_path, front, "The ambassador met the chief.") == "2023-01-27"


def test_the_front_matters_date_comes_before_the_text_and_the_address(tmp_path: Path) -> None:
    front = "url: https://embassy.az/news/240-27-01-2023\ndate: 2023-02-01\n"
    assert dated(tmp_path, front, "20.11.2023\nThe ambassador met the chief.") == "2023-02-01"


def test_a_date_inside_a_sentence_does_not_date_the_release(tmp_path: Path) -> None:
    # "On December 18, 1990 the UN General Assembly adopted …": an event's date, not the release's.
    body = "On December 18, 1990 the UN General Assembly adopted the Convention, the chief recalled at the event."
    assert dated(tmp_path, "url: https://migration.gov.az/en/news_detail/15070\n", body) is None
