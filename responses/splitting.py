"""Splitting a long Telegram HTML reply into messages of at most 4096 characters.

Splits prefer paragraph boundaries, then line breaks, then spaces; an HTML tag or entity is never cut,
and tags open at a split are closed at the end of one message and reopened at the start of the next.

Usage::

    for chunk in split_message(html):
        await message.reply_text(chunk, parse_mode="HTML")
"""

from __future__ import annotations

import re

TELEGRAM_LIMIT = 4096
_PIECE = re.compile(r"<[^>]*>|&[#\w]+;|[^<&]+|[<&]")
_TAG = re.compile(r"<\s*(/)?\s*([a-zA-Z][\w-]*)[^>]*>")


def _closing(stack: list[tuple[str, str]]) -> str:
    return "".join(f"</{name}>" for name, _ in reversed(stack))


def _opening(stack: list[tuple[str, str]]) -> str:
    return "".join(tag for _, tag in stack)


def _atoms(html: str) -> list[str]:
    """Tags, entities and runs of text split at break opportunities (kept with the preceding text)."""
    atoms: list[str] = []
    for piece in _PIECE.findall(html):
        if piece.startswith(("<", "&")) and len(piece) > 1:
            atoms.append(piece)
        else:
            atoms.extend(p for p in re.split(r"(?<=\n)|(?<= )", piece) if p)
    return atoms


def _break_rank(chunk: str) -> int:
    if chunk.endswith("\n\n"):
        return 3
    if chunk.endswith("\n"):
        return 2
    if chunk.endswith(" "):
        return 1
    return 0


def _reserve(atom: str, stack: list[tuple[str, str]]) -> int:
    """Characters needed to close every open tag (and the one this atom opens) at a cut."""
    match = _TAG.match(atom)
    opens = len(f"</{match.group(2)}>") if match and not match.group(1) else 0
    return len(_closing(stack)) + opens


def _choose_cut(breaks: list[tuple[int, int, int, list[tuple[str, str]]]], limit: int
                ) -> tuple[int, list[tuple[str, str]]] | None:
    """The best break in a full chunk: the strongest one in its second half, else the last one."""
    if not breaks:
        return None
    late = [b for b in breaks if b[1] >= limit // 2]
    pool = late or breaks
    rank = max(b[0] for b in pool)
    _, _, count, stack = [b for b in pool if b[0] == rank][-1]
    return count, stack


def split_message(html: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Messages of at most `limit` characters whose concatenated text is the input's text."""
    html = html.strip()
    if len(html) <= limit:
        return [html] if html else []
    atoms: list[str] = []
    step = limit // 4
    for atom in _atoms(html):  # runs of text too long to fit are cut; tags and entities stay whole
        markup = atom.startswith(("<", "&")) and len(atom) > 1
        too_long = len(atom) > step and not markup
        atoms.extend([atom[j : j + step] for j in range(0, len(atom), step)] if too_long else [atom])
    messages: list[str] = []
    stack: list[tuple[str, str]] = []  # open tags: (name, the opening tag as written)
    current: list[str] = []
    length = 0
    breaks: list[tuple[int, int, int, list[tuple[str, str]]]] = []  # (rank, length, atoms, stack)
    i = 0
    just_cut = False
    while i < len(atoms):
        atom = atoms[i]
        over = length + len(atom) + _reserve(atom, stack) > limit
        if over and just_cut and len(current) == 1:  # only the reopened tags: cutting again would repeat
            room = limit - length - _reserve(atom, stack)  # the same cut forever, so make progress here
            if not atom.startswith(("<", "&")) and 0 < room < len(atom):
                atoms[i : i + 1] = [atom[:room], atom[room:]]
                atom = atoms[i]
            over = False  # a tag, an entity or no room at all: it goes in whole (tags alone exceed the limit)
        if current and over:
            cut = _choose_cut(breaks, limit) or (len(current), list(stack))
            count, cut_stack = cut
            messages.append("".join(current[:count]).rstrip() + _closing(cut_stack))
            rest = current[count:]
            current = [_opening(cut_stack), *rest]
            stack = list(cut_stack)
            for carried in rest:
                _track(carried, stack)
            length = sum(len(a) for a in current)
            breaks = []
            just_cut = True
            continue
        just_cut = False
        current.append(atom)
        length += len(atom)
        _track(atom, stack)
        rank = _break_rank(atom)
        if rank:
            breaks.append((rank, length, len(current), list(stack)))
        i += 1
    tail = "".join(current).strip()
    if tail:
        messages.append(tail)
    return [m.strip() for m in messages if _TAG.sub("", m).strip()]  # Telegram refuses a message of tags only


def _track(atom: str, stack: list[tuple[str, str]]) -> None:
    match = _TAG.match(atom)
    if not match:
        return
    closing, name = match.group(1), match.group(2).lower()
    if closing:
        for j in range(len(stack) - 1, -1, -1):
            if stack[j][0] == name:
                del stack[j:]
                break
    elif not atom.rstrip().endswith("/>"):
        stack.append((name, atom))
