"""Configuration: one YAML file of documented keys (bot/core/config.yaml holds the defaults), parsed strictly,
with the environment variables of INTERFACE.md overriding it.

Usage::

    config = load_config(Path("my.yaml"), os.environ)   # ConfigError names the bad key or value
    config.telegram.admins, config.answer.min_coverage
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pressbot.responses.composer import ComposerSettings
from pressbot.retrieval.fetching import FetchLimits
from pressbot.retrieval.index import Params

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULTS = Path(__file__).with_name("config.yaml")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING")
LOG_FORMATS = ("text", "json")
STATE_DIR = ".pressbot-state"
STATE_FILE = "pressbot.sqlite3"


class ConfigError(ValueError):
    """A configuration the bot cannot start with; the message names the file, key and bad value."""


@dataclass(frozen=True)
class TelegramConfig:
    token: str | None = field(default=None, repr=False)  # never shown by repr(), so never logged
    api_base_url: str = "https://api.telegram.org"
    admins: frozenset[int] = frozenset()
    poll_interval: float = 0.0
    poll_timeout: float = 10
    chat_interval: float = 1.0


@dataclass(frozen=True)
class IngestConfig:
    """Where new press releases come from without a shell: feeds read by `pressbot sync` and, every
    sync_minutes (0: never), by the running bot; and the limits of every fetch. In Telegram: the agency's
    channel, and the largest file an admin may send."""

    feeds: tuple[str, ...] = ()
    sync_minutes: float = 0.0
    fetch_timeout: float = 10.0
    max_page_bytes: int = 5_000_000
    max_redirects: int = 5
    channel: str | None = None  # "@username" or a numeric chat id ("-100…"); None: channel posts are ignored
    max_upload_bytes: int = 2_000_000  # larger files sent to the bot are refused before download

    @property
    def limits(self) -> FetchLimits:
        return FetchLimits(timeout=self.fetch_timeout, max_bytes=self.max_page_bytes,
                           max_redirects=self.max_redirects)


def parse_feeds(value: Any, source: str) -> tuple[str, ...]:
    """Feed urls from a list; anything that is not an http(s) address is named as an error."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ConfigError(f"{source}: ingest.feeds must be a list of feed urls, got {value!r}")
    for item in value:
        if not isinstance(item, str) or not re.fullmatch(r"https?://[^\s/]+\S*", item.strip()):
            raise ConfigError(f"{source}: ingest.feeds: {item!r} is not an http(s) url")
    return tuple(item.strip() for item in value)


@dataclass(frozen=True)
class PrivacyConfig:
    retention_days: int = 90  # questions, feedback and button state older than this are deleted


@dataclass(frozen=True)
class Config:
    corpus: Path
    log_level: str = "INFO"
    telegram: TelegramConfig = TelegramConfig()
    retrieval: Params = Params()
    answer: ComposerSettings = ComposerSettings()
    state: Path | None = None
    ingest: IngestConfig = IngestConfig()
    privacy: PrivacyConfig = PrivacyConfig()
    log_format: str = "text"

    @property
    def state_path(self) -> Path:
        """The bot's SQLite state: the configured file, else .pressbot-state/ beside the corpus (git-ignored)."""
        return self.state or self.corpus.parent / STATE_DIR / STATE_FILE


_SECTIONS: dict[str, type[Any]] = {"telegram": TelegramConfig, "retrieval": Params,
                                   "answer": ComposerSettings, "ingest": IngestConfig}


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: configuration is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise ConfigError(f"{where}: malformed YAML: {getattr(exc, 'problem', None) or exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: configuration must be a mapping of keys, got {type(data).__name__}")
    return data


def _merge(base: dict[str, Any], override: Mapping[str, Any], source: str, prefix: str = "") -> None:
    for key, value in override.items():
        name = f"{prefix}{key}"
        if key not in base:
            known = ", ".join(sorted(base))
            raise ConfigError(f"{source}: unknown key {name!r} (known: {known})")
        if isinstance(base[key], dict):
            if value is None:
                continue
            if not isinstance(value, dict):
                raise ConfigError(f"{source}: {name!r} must be a mapping, got {value!r}")
            _merge(base[key], value, source, f"{name}.")
        else:
            base[key] = value


def parse_admins(value: Any, source: str) -> frozenset[int]:
    """Telegram user ids from a list or a comma-separated string; anything else is named as an error."""
    items = value.split(",") if isinstance(value, str) else value
    if items is None:
        return frozenset()
    if not isinstance(items, list):
        raise ConfigError(f"{source}: admins must be a list of Telegram user ids, got {value!r}")
    ids: set[int] = set()
    for item in items:
        text = str(item).strip()
        if isinstance(item, str) and not text:
            continue
        if isinstance(item, bool) or not text.lstrip("-").isdigit():
            raise ConfigError(f"{source}: admins: {item!r} is not a Telegram user id (a whole number)")
        ids.add(int(text))
    return frozenset(ids)


def parse_channel(value: Any, source: str) -> str | None:
    """A channel as ingest.channel names it: "@username" or a numeric chat id (YAML may give a number)."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    if isinstance(value, bool) or not re.fullmatch(r"@[A-Za-z][A-Za-z0-9_]{3,31}|-?[0-9]+", text):
        raise ConfigError(f"{source}: ingest.channel must be @username or a numeric chat id, got {value!r}")
    return text


def _typed(cls: type[Any], values: dict[str, Any], source: str, section: str) -> Any:
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in values:
            continue
        value = values[f.name]
        name = f"{section}.{f.name}"
        if f.name == "admins":
            kwargs[f.name] = parse_admins(value, source)
            continue
        if f.name == "feeds":
            kwargs[f.name] = parse_feeds(value, source)
            continue
        if f.name == "channel":
            kwargs[f.name] = parse_channel(value, source)
            continue
        default = f.default
        if isinstance(default, bool):
            ok = isinstance(value, bool)
        elif isinstance(default, int) and not isinstance(default, bool):
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif isinstance(default, float):
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            value = float(value) if ok else value
        elif isinstance(default, str):
            ok = isinstance(value, str)
        else:  # optional text
            ok = value is None or isinstance(value, str)
        if not ok:
            raise ConfigError(f"{source}: {name} has a bad value {value!r}")
        if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
            raise ConfigError(f"{source}: {name} must not be negative, got {value!r}")
        kwargs[f.name] = value
    return cls(**kwargs)


def load_config(path: Path | None = None, environ: Mapping[str, str] | None = None,
                corpus: Path | None = None) -> Config:
    """Defaults, then the YAML file, then the environment, then --corpus: later ones win."""
    environ = environ or {}
    data = _read_yaml(DEFAULTS)
    source = str(path) if path else str(DEFAULTS)
    if path is not None:
        user = _read_yaml(path)
        _check_privacy(path, user.get("privacy"))
        _merge(data, user, source)
    env_map = {"PRESSBOT_CORPUS": ("corpus",), "PRESSBOT_LOG_LEVEL": ("log_level",),
               "TELEGRAM_BOT_TOKEN": ("telegram", "token"),
               "PRESSBOT_API_BASE_URL": ("telegram", "api_base_url"),
               "PRESSBOT_ADMINS": ("telegram", "admins"), "PRESSBOT_STATE": ("state",),
               "PRESSBOT_LOG_FORMAT": ("log_format",)}
    origin: dict[str, str] = {}  # key → the environment variable that set it, to blame in errors
    for var, keys in env_map.items():
        value = environ.get(var)
        if value is None or value == "":
            continue
        origin[".".join(keys)] = var
        target = data
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value
        if var == "PRESSBOT_ADMINS":
            target[keys[-1]] = list(parse_admins(value, var))
    if corpus is not None:
        data["corpus"] = str(corpus)
        origin["corpus"] = "--corpus"
    level = str(data["log_level"]).upper()
    if level not in LOG_LEVELS:
        raise ConfigError(f"{origin.get('log_level', source)}: log_level must be one of {', '.join(LOG_LEVELS)}, "
                          f"got {data['log_level']!r}")
    if not isinstance(data["corpus"], str) or not data["corpus"].strip():
        raise ConfigError(f"{origin.get('corpus', source)}: corpus must be a directory path, got {data['corpus']!r}")
    corpus_path = Path(data["corpus"]).expanduser()
    if not corpus_path.is_absolute():
        cwd_path = Path.cwd() / corpus_path
        corpus_path = cwd_path if cwd_path.exists() else PROJECT_ROOT / corpus_path
    state = data.get("state")
    if state is not None and (not isinstance(state, str) or not state.strip()):
        raise ConfigError(f"{source}: state must be a file path or null, got {state!r}")
    state_path = Path(state).expanduser().resolve() if state else None
    sections = {name: _typed(cls, data[name] or {}, source, name) for name, cls in _SECTIONS.items()}
    telegram: TelegramConfig = sections["telegram"]
    log_format = str(data.get("log_format", "text")).lower()
    if log_format not in LOG_FORMATS:
        raise ConfigError(f"{origin.get('log_format', source)}: log_format must be one of {', '.join(LOG_FORMATS)}, "
                          f"got {data['log_format']!r}")
    if not telegram.api_base_url.startswith(("http://", "https://")):
        raise ConfigError(f"{origin.get('telegram.api_base_url', source)}: telegram.api_base_url must start with "
                          "http:// or https://, "
                          f"got {telegram.api_base_url!r}")
    ingest: IngestConfig = sections["ingest"]
    if ingest.max_page_bytes == 0 or ingest.fetch_timeout == 0:
        raise ConfigError(f"{source}: ingest.max_page_bytes and ingest.fetch_timeout must be above 0")
    return Config(corpus=corpus_path, log_level=level, telegram=telegram, retrieval=sections["retrieval"],
                  answer=sections["answer"], state=state_path, ingest=ingest,
                  privacy=_privacy(data.get("privacy")), log_format=log_format)


def _line_of(path: Path, *keys: str) -> int:
    """The line (1-based) where a key, nested under the given keys, is written in a YAML file; 0 if unknown."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return 0
    line = 0
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            break
        match = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
        if match is None:
            break
        line, node = match[0].start_mark.line + 1, match[1]
    return line


def _privacy_problem(section: Any) -> tuple[str, str] | None:
    """(the key at fault, the message) for a malformed `privacy` section, or None."""
    if section is None:
        return None
    if not isinstance(section, dict):
        return "", f"privacy must be a mapping of keys, got {section!r}"
    known = [f.name for f in dataclasses.fields(PrivacyConfig)]
    for key, value in section.items():
        if key not in known:
            return str(key), f"unknown key 'privacy.{key}' (known: {', '.join(known)})"
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            return str(key), f"privacy.{key} must be a whole number of days, at least 1, got {value!r}"
    return None


def _check_privacy(path: Path, section: Any) -> None:
    """A malformed `privacy` section stops the start with PATH:LINE naming the key and the bad value."""
    problem = _privacy_problem(section)
    if problem is not None:
        key, message = problem
        line = _line_of(path, "privacy", *([key] if key else []))
        raise ConfigError(f"{path}:{line}: {message}" if line else f"{path}: {message}")


def _privacy(section: Any) -> PrivacyConfig:
    problem = _privacy_problem(section)
    if problem is not None:  # the defaults file itself is wrong: name it
        raise ConfigError(f"{DEFAULTS}: {problem[1]}")
    return PrivacyConfig(**(section or {}))
