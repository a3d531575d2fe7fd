"""Configuration: bot/config.yaml's defaults, a strict YAML file over them, the environment over both."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pressbot.bot.core.config import DEFAULTS, PROJECT_ROOT, ConfigError, load_config, parse_admins
from pressbot.responses.composer import ComposerSettings

ROOT = Path(__file__).resolve().parent.parent


def config_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pressbot.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_defaults_load_without_a_file_or_environment() -> None:
    config = load_config(None, {})
    assert config.corpus == PROJECT_ROOT / "corpus"
    assert config.log_level == "INFO"
    assert config.telegram.token is None
    assert config.telegram.api_base_url == "https://api.telegram.org"
    assert config.telegram.admins == frozenset()
    assert (config.retrieval.k1, config.retrieval.b, config.retrieval.epsilon) == (1.5, 0.75, 0.25)


def test_the_documented_answer_defaults_are_the_composers() -> None:
    assert load_config(None, {}).answer == ComposerSettings()


def test_a_file_overrides_only_the_keys_it_names(tmp_path: Path) -> None:
    config = load_config(config_file(tmp_path, "retrieval:\n  k1: 1.2\nanswer:\n  max_sources: 2\n"), {})
    assert (config.retrieval.k1, config.retrieval.b, config.answer.max_sources) == (1.2, 0.75, 2)


def test_an_empty_file_is_the_defaults(tmp_path: Path) -> None:
    assert load_config(config_file(tmp_path, "# nothing\n"), {}) == load_config(None, {})


def test_an_unknown_top_level_key_is_rejected_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"unknown key 'answr'"):
        load_config(config_file(tmp_path, "answr:\n  max_sources: 2\n"), {})


def test_an_unknown_nested_key_is_rejected_naming_it_with_its_section(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"unknown key 'telegram\.tokn'") as caught:
        load_config(config_file(tmp_path, "telegram:\n  tokn: x\n"), {})
    assert "token" in str(caught.value)  # the known keys are listed, so the typo is easy to see


def test_malformed_yaml_is_reported_with_the_file_and_line(tmp_path: Path) -> None:
    path = config_file(tmp_path, "log_level: INFO\ntelegram:\n  admins: 1\n admins: 2\n")
    with pytest.raises(ConfigError, match=rf"^{path}:4: malformed YAML"):
        load_config(path, {})


def test_a_file_that_is_not_a_mapping_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="mapping"):
        load_config(config_file(tmp_path, "- corpus\n"), {})


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "missing.yaml", {})


@pytest.mark.parametrize(("text", "named"), [
    ("retrieval:\n  k1: fast\n", "retrieval.k1"),
    ("retrieval:\n  title_weight: 1.5\n", "retrieval.title_weight"),
    ("answer:\n  max_sources: true\n", "answer.max_sources"),
    ("answer:\n  min_coverage: '0.5'\n", "answer.min_coverage"),
    ("retrieval:\n  b: -0.1\n", "retrieval.b"),
    ("telegram:\n  token: 12345\n", "telegram.token"),
    ("telegram: 5\n", "'telegram'"),
    ("corpus: 5\n", "corpus"),
    ("log_level: LOUD\n", "log_level"),
    ("telegram:\n  api_base_url: ftp://example.org\n", "telegram.api_base_url"),
])
def test_a_value_of_the_wrong_type_is_rejected_naming_the_key(tmp_path: Path, text: str, named: str) -> None:
    path = config_file(tmp_path, text)
    with pytest.raises(ConfigError, match=rf"^{path}: .*") as caught:
        load_config(path, {})
    assert named in str(caught.value)


def test_the_environment_overrides_the_file(tmp_path: Path) -> None:
    path = config_file(tmp_path, "log_level: WARNING\ntelegram:\n  api_base_url: https://file.example\n")
    config = load_config(path, {"PRESSBOT_LOG_LEVEL": "debug", "PRESSBOT_API_BASE_URL": "http://127.0.0.1:9000",
                                "TELEGRAM_BOT_TOKEN": "123:abc", "PRESSBOT_CORPUS": str(tmp_path)})
    assert config.log_level == "DEBUG"
    assert config.telegram.api_base_url == "http://127.0.0.1:9000"
    assert config.telegram.token == "123:abc"
    assert config.corpus == tmp_path


def test_an_empty_environment_variable_is_ignored(tmp_path: Path) -> None:
    assert load_config(None, {"PRESSBOT_LOG_LEVEL": "", "PRESSBOT_ADMINS": ""}) == load_config(None, {})


def test_the_corpus_argument_wins_over_the_environment(tmp_path: Path) -> None:
    assert load_config(None, {"PRESSBOT_CORPUS": "/elsewhere"}, corpus=tmp_path).corpus == tmp_path


def test_admins_are_parsed_from_a_comma_separated_variable() -> None:
    config = load_config(None, {"PRESSBOT_ADMINS": " 4242, 17,,-100123 "})
    assert config.telegram.admins == frozenset({4242, 17, -100123})


def test_admins_from_the_environment_replace_those_of_the_file(tmp_path: Path) -> None:
    path = config_file(tmp_path, "telegram:\n  admins: [1, 2]\n")
    assert load_config(path, {}).telegram.admins == frozenset({1, 2})
    assert load_config(path, {"PRESSBOT_ADMINS": "3"}).telegram.admins == frozenset({3})


@pytest.mark.parametrize("value", ["42,alice", "42;43", "4.2", "0x2a"])
def test_a_garbage_admin_in_the_environment_is_an_error_naming_it(value: str) -> None:
    with pytest.raises(ConfigError, match="PRESSBOT_ADMINS") as caught:
        load_config(None, {"PRESSBOT_ADMINS": value})
    bad = next(part for part in value.split(",") if not part.strip().lstrip("-").isdigit())
    assert repr(bad.strip()) in str(caught.value)


@pytest.mark.parametrize("value", [[1, "x"], [True], "abc", 5, [1.5]])
def test_admins_must_be_whole_numbers(value: object) -> None:
    with pytest.raises(ConfigError, match="admins"):
        parse_admins(value, "test")


@pytest.mark.parametrize(("variable", "value"), [("PRESSBOT_LOG_LEVEL", "verbose"),
                                                  ("PRESSBOT_API_BASE_URL", "api.telegram.org")])
def test_a_bad_environment_value_is_blamed_on_the_variable_not_a_file(tmp_path: Path, variable: str,
                                                                     value: str) -> None:
    path = config_file(tmp_path, "log_level: INFO\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path, {variable: value})
    message = str(caught.value)
    assert message.startswith(f"{variable}:") and value in message
    assert str(path) not in message and str(DEFAULTS) not in message


def test_the_token_never_shows_in_the_configurations_repr() -> None:
    config = load_config(None, {"TELEGRAM_BOT_TOKEN": "123456:SECRET-TOKEN-VALUE"})
    assert "SECRET-TOKEN-VALUE" not in repr(config)


def test_run_without_a_token_is_a_one_line_error_with_exit_status_two() -> None:
    script = Path(sys.executable).with_name("pressbot")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "pressbot"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSBOT_", "TELEGRAM_"))}
    result = subprocess.run([*command, "run"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert "TELEGRAM_BOT_TOKEN" in line
    assert "Traceback" not in result.stderr


def test_a_bad_configuration_file_stops_any_command_with_one_line(tmp_path: Path) -> None:
    path = config_file(tmp_path, "answer:\n  max_source: 2\n")
    script = Path(sys.executable).with_name("pressbot")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "pressbot"]
    result = subprocess.run([*command, "ask", "--config", str(path), "Who met the IOM Director General?"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "'answer.max_source'" in line and str(path) in line
