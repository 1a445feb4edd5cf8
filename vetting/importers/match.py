"""Match a unit named in free text ("HQs, 22nd Mil Zone, Toluca") to a roster unit, by name and alias.

The rule (docs/importers.md): both names are normalised (lower case, accents and punctuation removed, ordinals
`22nd`/`22/a.` to `22`, common military abbreviations written out, filler words such as `of`/`de` dropped).
A roster name matches when
1. rapidfuzz's `token_sort_ratio` of the two (word order ignored, every word counts) is at least THRESHOLD:
   "Mexico Federal Police" matches "Mexican Federal Police", but "SEDENA / SEMAR" (two forces) does not match
   SEDENA alone, and "HQs, 22nd Mil Zone, Toluca" does not match "22nd Military Zone" (the extra words may name
   another unit: such rows stay unmatched for an analyst to map),
2. both carry exactly the same numbers (the 22nd zone is never the 2nd, and "military zone" with no number
   is no particular zone), and
3. the shorter of the two has at least two words of three letters or more, or numbers ("police" alone names
   no unit, and initials such as "SE, AR" or "R.A.SE." are too short to compare).
A name equal to a roster name or alias once normalised always matches (an alias such as `PGR`).
The best-scoring unit wins; two different units at the best score is no match (ambiguous). A wrong match
would put assistance on the wrong unit, so the rule leans to "unmatched": an unmatched row keeps its raw name.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

THRESHOLD = 85

ABBREVIATIONS = {
    "mil": "military", "milt": "military", "bn": "battalion", "btn": "battalion", "bi": "infantry battalion",
    "inf": "infantry", "hq": "headquarters", "hqs": "headquarters", "zm": "zona militar", "bde": "brigade",
    "regt": "regiment", "rgto": "regimiento", "bim": "infanteria marina battalion", "sf": "special forces",
}
FILLER = frozenset({"the", "of", "and", "de", "del", "la", "las", "los", "el", "y", "en", "no", "a", "o"})
_ORDINAL = re.compile(r"\b(\d+)\s*(?:st|nd|rd|th|/?(?:a|o|er|ra|to|vo|va|ava|avo|ta|ma|mo|na|no|ro|do|da)\b\.?|[ºª°])",
                      re.IGNORECASE)


def normalise(name: str) -> str:
    plain = _ORDINAL.sub(r"\1 ", unicodedata.normalize("NFKC", name))
    plain = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z]+|\d+", plain)
    out = []
    for word in words:
        out.extend(ABBREVIATIONS.get(word, word).split())
    return " ".join(dict.fromkeys(w for w in out if w not in FILLER))  # each word once, in order


def _words(text: str) -> int:
    """The words that carry a name: numbers, and words of three letters or more (not initials)."""
    return sum(1 for w in text.split() if w.isdigit() or len(w) >= 3)


def _numbers(text: str) -> frozenset:
    return frozenset(int(n) for n in re.findall(r"\d+", text))


@dataclass(frozen=True)
class Match:
    unit: str
    name: str  # the roster name or alias that matched
    score: int


class Matcher:
    """Roster units by every name and alias; `match(text)` gives the Match or None."""

    def __init__(self, units):
        """`units`: (unit id, [name, alias, ...]) pairs."""
        self.entries = []
        self.by_numbers: dict = {}  # the entries carrying each set of numbers: only those can match
        for uid, names in units:
            for name in names:
                norm = normalise(name)
                if norm:
                    entry = (uid, name, norm, _words(norm))
                    self.entries.append(entry)
                    self.by_numbers.setdefault(_numbers(norm), []).append(entry)
        self._match = lru_cache(maxsize=None)(self._best)

    def describe(self) -> str:
        units = len({e[0] for e in self.entries})
        return (f"{units} roster units, {len(self.entries)} names and aliases; rapidfuzz token_sort_ratio ≥ "
                f"{THRESHOLD}, the same numbers, at least two words (not initials); ties between units are no match")

    def match(self, text: str) -> Match | None:
        return self._match(text) if text.strip() else None

    def _best(self, text: str) -> Match | None:
        norm = normalise(text)
        if not norm:
            return None
        words = _words(norm)
        best, best_units = None, set()
        for uid, name, entry, entry_words in self.by_numbers.get(_numbers(norm), ()):
            if entry != norm and min(words, entry_words) < 2:  # the very name or alias is always a match
                continue
            score = round(fuzz.token_sort_ratio(norm, entry))
            if score < THRESHOLD:
                continue
            if best is None or score > best.score:
                best, best_units = Match(uid, name, score), {uid}
            elif score == best.score:
                best_units.add(uid)
        return best if best is not None and len(best_units) == 1 else None
