"""A strict checker for Telegram's HTML parse mode: what the Bot API would accept, and a little more strictly.

Telegram rejects a whole message ("can't parse entities") for one stray `<` or an unknown tag, and the
emulator accepts anything, so every reply the tests see goes through `problems()`. The rules, from
https://core.telegram.org/bots/api#html-style:
- only the tags b/strong, i/em, u/ins, s/strike/del, span class="tg-spoiler", tg-spoiler, a href,
  tg-emoji emoji-id, code (class="language-…" inside pre), pre and blockquote [expandable];
- tags balanced and properly nested; a, pre, code and tg-emoji hold no other tag (except code in pre);
  no blockquote inside a blockquote, no link inside a link;
- `<`, `>` and `&` in text only as entities: &lt; &gt; &amp; &quot; or numeric ones;
- a message is 1-4096 characters after parsing: Unicode code points, as Python counts them (a live probe
  at the real API accepted 4096 astral emoji, 8192 UTF-16 units: tdlib/telegram-bot-api#374 and
  FerroxLabs/wayland#934), while entity offsets are in UTF-16 units.
Stricter than Telegram: lower-case names, double-quoted attributes, http(s)/tg/mailto links only, no
control characters other than tab and newlines, no lone surrogates.

Usage::

    assert problems(reply_html) == []
    visible_text("<b>a &amp; b</b>")   # 'a & b'
"""

from __future__ import annotations

import html
import re

TELEGRAM_LIMIT = 4096
# tag name → attributes it may carry (name → required value pattern, None for a boolean attribute)
_ATTRIBUTES: dict[str, dict[str, re.Pattern[str] | None]] = {
    "b": {}, "strong": {}, "i": {}, "em": {}, "u": {}, "ins": {}, "s": {}, "strike": {}, "del": {},
    "tg-spoiler": {}, "pre": {},
    "span": {"class": re.compile(r"tg-spoiler")},
    "a": {"href": re.compile(r"(https?://|tg://|mailto:)[^\s\"<>]+")},
    "tg-emoji": {"emoji-id": re.compile(r"\d+")},
    "code": {"class": re.compile(r"language-[\w+#.-]+")},
    "blockquote": {"expandable": None},
}
_REQUIRED = {"span": {"class"}, "a": {"href"}, "tg-emoji": {"emoji-id"}}
# tags that may hold text only (code inside pre is the one exception, checked below)
_LEAVES = {"a", "code", "tg-emoji"}
_TAG = re.compile(r"<(/?)([a-z][a-z-]*)((?:\s+[a-z][a-z-]*(?:=\"[^\"<>]*\")?)*)\s*>")
_ATTRIBUTE = re.compile(r"([a-z][a-z-]*)(?:=\"([^\"<>]*)\")?")
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _entity_problem(entity: str) -> str | None:
    if not entity.startswith("&#"):
        return None
    digits = entity[3:-1] if entity[2] in "xX" else entity[2:-1]
    value = int(digits, 16 if entity[2] in "xX" else 10)
    if value == 0 or value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return f"numeric entity {entity} is not a character"
    return None


def _tag_problems(name: str, attributes: str, stack: list[str]) -> list[str]:
    """What is wrong with opening `name` here: unknown tag or attribute, bad value, bad nesting."""
    if name not in _ATTRIBUTES:
        return [f"tag <{name}> is not one of Telegram's"]
    found: list[str] = []
    seen: set[str] = set()
    for attr, value in _ATTRIBUTE.findall(attributes):
        allowed = _ATTRIBUTES[name]
        if attr not in allowed or attr in seen:
            found.append(f"<{name}> cannot carry {'another ' if attr in seen else ''}attribute {attr!r}")
            continue
        seen.add(attr)
        pattern = allowed[attr]
        if pattern is None:
            continue
        unescaped = html.unescape(value)
        if not pattern.fullmatch(unescaped) or _CONTROL.search(unescaped):
            found.append(f"<{name} {attr}=…> has a bad value {value!r}")
        if "&" in value and not all(_ENTITY.match(value, m.start()) for m in re.finditer("&", value)):
            found.append(f"<{name} {attr}=…> holds a raw '&'")
    missing = _REQUIRED.get(name, set()) - seen
    if missing:
        found.append(f"<{name}> needs attribute {sorted(missing)[0]!r}")
    parent = stack[-1] if stack else None
    if parent in _LEAVES:
        found.append(f"<{name}> inside <{parent}>, which holds text only")
    elif parent == "pre" and name != "code":
        found.append(f"<{name}> inside <pre>")
    if name == "code" and "class" in seen and parent != "pre":
        found.append("<code class=…> outside <pre>")
    if name in ("a", "blockquote") and name in stack:
        found.append(f"<{name}> inside another <{name}>")
    return found


def problems(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Every reason Telegram (or this stricter checker) would refuse `text` as one HTML message."""
    found: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "<":
            match = _TAG.match(text, i)
            if match is None:
                found.append(f"raw '<' at {i}: {text[i:i + 20]!r}")
                i += 1
                continue
            closing, name, attributes = match.groups()
            if closing:
                if attributes.strip():
                    found.append(f"closing tag </{name}> with attributes")
                if not stack or stack[-1] != name:
                    found.append(f"</{name}> at {i} closes {('<' + stack[-1] + '>') if stack else 'nothing'}")
                    if name in stack:
                        del stack[stack.index(name):]
                else:
                    stack.pop()
            else:
                found += _tag_problems(name, attributes, stack)
                stack.append(name)
            i = match.end()
        elif char == "&":
            match = _ENTITY.match(text, i)
            if match is None:
                found.append(f"raw '&' at {i}: {text[i:i + 12]!r}")
                i += 1
                continue
            problem = _entity_problem(match.group(0))
            if problem:
                found.append(problem)
            i = match.end()
        elif char == ">":
            found.append(f"raw '>' at {i}")
            i += 1
        else:
            i += 1
    if stack:
        found.append("unclosed " + ", ".join(f"<{name}>" for name in stack))
    if _CONTROL.search(text):
        found.append(f"control character {_CONTROL.search(text).group(0)!r}")  # type: ignore[union-attr]
    if _SURROGATE.search(text):
        found.append("lone surrogate (not encodable as UTF-8)")
    shown = visible_text(text)
    if not shown.strip():
        found.append("empty message: Telegram refuses a message with no visible text")
    if len(shown) > limit:
        found.append(f"{len(shown)} characters after parsing, over the {limit} limit")
    return found


def visible_text(text: str) -> str:
    """What the reader sees: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^<>]*>", "", text))


def assert_valid(text: str, limit: int = TELEGRAM_LIMIT) -> None:
    """Fail with every problem listed, and the text."""
    found = problems(text, limit)
    assert not found, f"invalid Telegram HTML: {found}\n{text[:1000]!r}"
