#!/usr/bin/env python3
"""Check a pressbot dev set (qa-dev.yaml format, plus a `conversation` list) against the corpus.

    python3 benchmarks/data/check_devset.py [SET] [--corpus DIR] [--strict] [-v] [--small]

SET defaults to citizen-dev.yaml next to this script, DIR to ../../corpus relative to it.
Checks:
  - the file has `in_scope`, `out_of_scope` and `conversation` lists of mappings;
  - every item has its required fields (in_scope: q, lang, docs, fact; the others: q, lang),
    no unknown fields, a language among en/az/ru, and no question appears twice;
  - every in_scope doc suffix ends at least one corpus url (the matching files are listed with -v;
    a suffix matching several urls is a warning, an error with --strict);
  - every fact is a case-insensitive (casefold) substring of the title + body of at least one listed doc;
  - the `# cross-language` comments agree with the data: an az/ru question carries one exactly
    when none of its documents is in the question's language;
  - the minimum counts per list and language (MINIMUMS below; --small skips them for a set written to
    check one mechanism, such as precision-dev.yaml).
Prints a summary and exits 1 if anything is wrong. Needs PyYAML.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
LANGS = ("en", "az", "ru")
FIELDS = {
    "in_scope": {"q", "lang", "docs", "fact"},
    "out_of_scope": {"q", "lang"},
    "conversation": {"q", "lang"},
}
# list -> (minimum total, minimum per language)
MINIMUMS = {
    "in_scope": (70, {"en": 30, "az": 20, "ru": 20}),
    "out_of_scope": (24, {"en": 8, "az": 8, "ru": 8}),
    "conversation": (12, {"en": 4, "az": 4, "ru": 4}),
}
CROSS_TAG = "# cross-language"


class Doc:
    def __init__(self, path: Path, meta: dict, body: str):
        self.path = path
        self.url = str(meta.get("url", "")).strip()
        self.title = str(meta.get("title", "") or "")
        self.lang = str(meta.get("lang", "") or "")
        self.text = (self.title + "\n" + body).casefold()  # as bot/evaluation.py compares facts


def load_corpus(corpus: Path) -> list[Doc]:
    docs = []
    for path in sorted(corpus.glob("*.md")):
        raw = path.read_text(encoding="utf-8")
        if not raw.startswith("---"):
            continue
        try:
            _, front, body = raw.split("---", 2)
        except ValueError:
            continue
        meta = yaml.safe_load(front) or {}
        if isinstance(meta, dict) and meta.get("url"):
            docs.append(Doc(path, meta, body))
    return docs


def cross_comments(set_path: Path) -> dict[str, bool]:
    """question -> whether its line (a one-line flow mapping) carries the cross-language comment."""
    marks: dict[str, bool] = {}
    section = None
    for line in set_path.read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace() and not line.startswith(("#", "-")):
            section = line.split(":", 1)[0].strip()
            continue
        stripped = line.strip()
        if section != "in_scope" or not stripped.startswith("- {"):
            continue
        try:
            item = yaml.safe_load(stripped[1:])  # the comment is dropped by the parser
        except yaml.YAMLError:
            continue
        if isinstance(item, dict) and "q" in item:
            marks[str(item["q"])] = CROSS_TAG in line
    return marks


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("set", nargs="?", default=str(HERE / "citizen-dev.yaml"))
    ap.add_argument("--corpus", default=str(HERE / ".." / ".." / "corpus"))
    ap.add_argument("--strict", action="store_true", help="a suffix matching several urls is an error")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the files each suffix matches")
    ap.add_argument("--small", action="store_true",
                    help="a small set checking one mechanism (e.g. precision-dev.yaml): skip the minimum counts")
    args = ap.parse_args()

    set_path, corpus_dir = Path(args.set), Path(args.corpus)
    problems: list[str] = []
    warnings: list[str] = []

    docs = load_corpus(corpus_dir)
    if not docs:
        print(f"no corpus documents with a url in {corpus_dir}")
        return 1
    data = yaml.safe_load(set_path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        print(f"{set_path}: not a mapping")
        return 1
    marks = cross_comments(set_path)

    counts = {name: Counter() for name in FIELDS}
    seen: dict[str, str] = {}
    cross = Counter()
    used_docs: set[Path] = set()

    for name, fields in FIELDS.items():
        items = data.get(name)
        if not isinstance(items, list):
            problems.append(f"{name}: missing or not a list")
            continue
        for i, item in enumerate(items):
            where = f"{name}[{i}]"
            if not isinstance(item, dict):
                problems.append(f"{where}: not a mapping")
                continue
            q = item.get("q")
            where = f"{name}[{i}] {q!r}"
            missing = fields - item.keys()
            extra = item.keys() - fields
            if missing:
                problems.append(f"{where}: missing {sorted(missing)}")
            if extra:
                problems.append(f"{where}: unknown fields {sorted(extra)}")
            if not isinstance(q, str) or not q.strip():
                problems.append(f"{where}: empty question")
                continue
            key = " ".join(q.lower().split())
            if key in seen:
                problems.append(f"{where}: same question as {seen[key]}")
            seen[key] = where
            lang = item.get("lang")
            if lang not in LANGS:
                problems.append(f"{where}: lang {lang!r} not in {LANGS}")
            else:
                counts[name][lang] += 1
            if name != "in_scope":
                continue

            suffixes, fact = item.get("docs"), item.get("fact")
            if not isinstance(suffixes, list) or not suffixes or not all(isinstance(s, str) and s for s in suffixes):
                problems.append(f"{where}: docs must be a non-empty list of url suffixes")
                continue
            if len(set(suffixes)) != len(suffixes):
                problems.append(f"{where}: a doc suffix is listed twice")
            listed: list[Doc] = []
            for suffix in suffixes:
                hits = [d for d in docs if d.url.endswith(suffix)]
                if not hits:
                    problems.append(f"{where}: doc suffix {suffix!r} matches no corpus url")
                    continue
                if len(hits) > 1:
                    msg = f"{where}: doc suffix {suffix!r} matches {len(hits)} urls: " + ", ".join(
                        d.path.name for d in hits
                    )
                    (problems if args.strict else warnings).append(msg)
                if args.verbose:
                    print(f"  {suffix} -> " + ", ".join(d.path.name for d in hits))
                listed.extend(hits)
            used_docs.update(d.path for d in listed)
            if not isinstance(fact, str) or not fact.strip():
                problems.append(f"{where}: empty fact")
            elif listed:
                holders = [d for d in listed if fact.casefold() in d.text]
                if not holders:
                    problems.append(f"{where}: fact {fact!r} is in none of its docs")
                elif args.verbose:
                    print(f"  fact {fact!r} in " + ", ".join(d.path.name for d in holders))
                if fact.casefold() in q.casefold():
                    warnings.append(f"{where}: the fact {fact!r} is already in the question")
            if listed and lang in ("az", "ru"):
                is_cross = all(d.lang != lang for d in listed)
                cross[lang] += is_cross
                marked = marks.get(q)
                if marked is None:
                    warnings.append(f"{where}: not on one line, cross-language comment not checked")
                elif marked != is_cross:
                    state = "answered only in another language" if is_cross else "has a document in its language"
                    problems.append(f"{where}: {state}, but the '{CROSS_TAG}' comment says otherwise")
            elif listed and lang == "en" and marks.get(q):
                problems.append(f"{where}: English question marked '{CROSS_TAG}'")

    for name, (total_min, per_lang) in ({} if args.small else MINIMUMS).items():
        total = sum(counts[name].values())
        if total < total_min:
            problems.append(f"{name}: {total} questions, want at least {total_min}")
        for lang, n in per_lang.items():
            if counts[name][lang] < n:
                problems.append(f"{name}: {counts[name][lang]} {lang} questions, want at least {n}")

    print(f"{set_path} against {len(docs)} documents in {corpus_dir}")
    print(f"{'list':<14}{'total':>6}" + "".join(f"{lang:>5}" for lang in LANGS))
    for name in FIELDS:
        print(f"{name:<14}{sum(counts[name].values()):>6}" + "".join(f"{counts[name][lang]:>5}" for lang in LANGS))
    print(
        f"in_scope az/ru answered only by documents in another language: "
        f"az {cross['az']}/{counts['in_scope']['az']}, ru {cross['ru']}/{counts['in_scope']['ru']}"
    )
    print(f"distinct corpus documents cited: {len(used_docs)}")
    for w in warnings:
        print("warning:", w)
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
