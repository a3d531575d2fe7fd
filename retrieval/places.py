"""Places: which of the vocabulary's names are places, what contains what, and whether a release's own place is
another one than the place a question names.

People name a place and expect the answer for that place ("returned from Germany, who helps them", "foreigner
staying in Baku, how many days to register"). A consulate's or a regional service's page gives that publisher's own
rules, and for a government service a place's rules given for another place are a confident wrong answer: the
Batumi consulate's consular registration for Germany, the Nakhchivan Autonomous Republic's registration (submit to
its website) for Baku. So a release has a place, the places its publisher (`source:`) names ("Consulate General of
Azerbaijan in Batumi": Batumi), and a question the places it names; when the question names one, a release placed
*elsewhere* (its place neither the asked one nor one containing it or inside it) is not among the hits while
releases about the asked place or about no particular place are found (`Index.search`). A question about Russia is
served by the Yekaterinburg consulate (Yekaterinburg is in Russia), one about Baku by the national releases.

The agency is data: the vocabulary (corpus/glossary.yaml) marks its places, each entry with `place: yes` or with
`in: NAME` (a place inside the place of that name: `in: Georgia` for Batumi), and the agency's own country with
`place: home`. The home is no particular place: every release is about it, and a publisher naming it beside another
place ("Embassy of Azerbaijan in Germany") is placed at the other; a question naming it ("Azerbaijani passport")
asks about no other place.

Usage::

    glossary = Glossary.parse(text)                       # glossary.py builds `glossary.places` from the marks
    asked = glossary.places_named(analyze("returned from Germany", "en"), "en")
    batumi = glossary.placed_at("Consulate General of Azerbaijan in Batumi")
    glossary.places.elsewhere(batumi, asked)              # True: neither is in the other
    glossary.places.about(glossary.placed_at("Embassy of Azerbaijan in Germany"), asked)   # True
    glossary.places.elsewhere(frozenset(), asked)         # False: a release about no particular place
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from pressbot.retrieval.analyzer import normalize

HOME = "home"  # `place: home`: the agency's own country


def place_key(name: str) -> str:
    """A place's name as an `in:` refers to it: normalized like any text ("BAKI", "Bakı" and "baki" are one)."""
    return normalize(name, "az")


@dataclass(frozen=True)
class Marked:
    """What one vocabulary entry says of itself as a place: whether it is one, whether it is the home, and the name
    of the place it is in ("" for none)."""

    place: bool = False
    home: bool = False
    within: str = ""


@dataclass(frozen=True)
class Places:
    """The vocabulary's places (entry numbers), each with the places containing it, and the home."""

    containing: Mapping[int, frozenset[int]] = field(default_factory=dict)
    home: frozenset[int] = frozenset()

    @classmethod
    def of(cls, marks: Sequence[Marked], entry_of: Mapping[str, int]) -> Places:
        """The places of entries marked so; `entry_of`: each entry's names, normalized (place_key), to its number
        (an `in:` naming no place is left out here: the glossary's parser reports it)."""
        parent = {i: entry_of.get(place_key(m.within), -1) for i, m in enumerate(marks) if m.place}
        containing: dict[int, frozenset[int]] = {}
        for place in parent:
            seen: set[int] = set()  # a set: a chain of `in:` thousands deep is walked in linear time per place
            at = parent[place]
            while at in parent and at not in seen and at != place:
                seen.add(at)
                at = parent[at]
            containing[place] = frozenset(seen)
        return cls(containing, frozenset(i for i, m in enumerate(marks) if m.home))

    def __bool__(self) -> bool:
        return bool(self.containing)

    def among(self, senses: Collection[int]) -> frozenset[int]:
        """The places among entries named (a question's, a publisher's), the home left out (naming it says no
        particular place)."""
        return frozenset(i for i in senses if i in self.containing and i not in self.home)

    def inside(self, place: int, places: Collection[int]) -> bool:
        """Whether a place is one of `places` or inside one of them (Yekaterinburg for Russia; not Russia for
        Yekaterinburg)."""
        return place in places or not self.containing.get(place, frozenset()).isdisjoint(places)

    def related(self, one: int, other: int) -> bool:
        """Whether two places are the same, or one contains the other."""
        return one == other or one in self.containing.get(other, ()) or other in self.containing.get(one, ())

    def about(self, release: Collection[int], asked: Collection[int]) -> bool:
        """Whether a release placed at `release` speaks for a place the question asks about: it is placed at it, in
        it or at a place containing it, or it is placed nowhere in particular (the home's own releases) and the
        place asked is at home."""
        return any(self.related(r, a) for r in release for a in asked) or (
            not release and any(self.at_home(a) for a in asked))

    def at_home(self, place: int) -> bool:
        """Whether a place is inside the home (Baku, Nakhchivan), not abroad (Germany, Batumi)."""
        return bool(self.home & self.containing.get(place, frozenset()))

    def elsewhere(self, release: Collection[int], asked: Collection[int]) -> bool:
        """Whether a release placed at `release` (its publisher's places; none: no particular place) is about
        another place than the question asks about (`asked`; none: the question names no place). A release placed
        abroad is the home's mission there: for a question about a place at home it states the home's rules
        (visas at the home's airports), so it is elsewhere only for a question about another place abroad; a
        release placed at home (a region's own service) is elsewhere for any place it is not related to."""
        return bool(release and asked) and not any(
            self.related(r, a) or (self.at_home(a) and not self.at_home(r)) for r in release for a in asked)


def cycle(marks: Sequence[Marked], entry_of: Mapping[str, int], start: int) -> bool:
    """Whether following `in:` from an entry comes back to it (Batumi in Georgia in Batumi)."""
    seen = {start}
    at = entry_of.get(place_key(marks[start].within), -1) if marks[start].within else -1
    while at >= 0:
        if at in seen:
            return True
        seen.add(at)
        at = entry_of.get(place_key(marks[at].within), -1) if marks[at].within else -1
    return False
