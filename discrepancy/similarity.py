"""String similarity and the explanation of small slips: "S-2OO" is "S-200" with letters O.

Three public functions, all driven by ``typos.toml`` (keyboard layout, look-alike
characters, real reduplications):

- ``similarity(a, b)``: a symmetric 0-100 score (rapidfuzz's ``fuzz.ratio`` over
  case-folded text with every Unicode dash written as ``-``); it has rapidfuzz's scorer
  signature, so it can be passed as ``scorer=``;
- ``explain_edit(wrong, right)``: when two strings are one or two edits apart (optimal
  string alignment distance, so a swap of neighbours is one edit), what kind of slip turns
  ``right`` into ``wrong``, as an ``Edit`` with a one-sentence reason;
- ``doubled_words(text)``: accidental repeated words ("the the", "Norkin Norkin",
  "anti anti-aircraft") in one text.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import attrs
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from discrepancy.lexicon import Lexicon, LexiconError, default_lexicon, require

__all__ = ["EDIT_KINDS", "Edit", "doubled_words", "explain_edit", "similarity"]

EDIT_KINDS = (
    "adjacent_key",
    "transposition",
    "dropped",
    "doubled",
    "inserted",
    "lookalike",
    "substitution",
)
DASHES = "-‐‑‒–—―−﹣－"  # every Unicode dash that may join a code
_DASH_TABLE = str.maketrans(dict.fromkeys(DASHES[1:], "-"))
_FILE = "typos.toml"


@attrs.frozen(kw_only=True)
class Edit:
    """How ``wrong`` differs from ``right``: the kind of slip, its size and a reason.

    ``wrong`` and ``right`` hold only the differing fragments ("OO" and "00" for
    "S-2OO"/"S-200"); ``kind`` is one of ``EDIT_KINDS``.
    """

    kind: str
    distance: int
    reason: str
    wrong: str = ""
    right: str = ""


@attrs.frozen(kw_only=True)
class _Typos:
    layout: str
    neighbours: dict[str, frozenset[str]]
    classes: dict[str, str]  # look-alike piece -> representative of its class
    longest: int
    names: dict[str, str]
    allowed: frozenset[str]


def similarity(a: str, b: str, *, score_cutoff: float | None = None) -> float:
    """Similarity of two strings from 0 to 100, symmetric, ignoring case and dash kind.

    >>> similarity("S-200", "s–200")
    100.0
    >>> round(similarity("Hezbollah", "Hizbullah"))
    78
    """
    return float(fuzz.ratio(_prep(a), _prep(b), score_cutoff=score_cutoff))


def _prep(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_DASH_TABLE).casefold()


def explain_edit(wrong: str, right: str, *, lexicon: Lexicon | None = None) -> Edit | None:
    """Explain how ``wrong`` can be a slip for ``right``; ``None`` past two edits or if equal.

    >>> explain_edit("A-200", "S-200").reason
    'one character apart; A is next to S on a QWERTY keyboard'
    >>> explain_edit("21", "12").reason
    'two digits swapped (21/12)'
    >>> explain_edit("S-2OO", "S-200").kind
    'lookalike'
    """
    if wrong == right:
        return None
    distance = int(OSA.distance(wrong, right, score_cutoff=2))
    if distance > 2:
        return None
    data = _typos(lexicon or default_lexicon())
    start = _common_prefix(wrong, right)
    stop = _common_suffix(wrong[start:], right[start:])
    w, r = wrong[start : len(wrong) - stop], right[start : len(right) - stop]
    look = _lookalike(w, r, data)
    if look is not None:
        return Edit(kind="lookalike", distance=distance, reason=look, wrong=w, right=r)
    if distance == 1:
        kind, reason = _one_edit(wrong, start, w, r, data)
        return Edit(kind=kind, distance=1, reason=reason, wrong=w, right=r)
    kind, reason = _two_edits(wrong, right, data)
    return Edit(kind=kind, distance=2, reason=reason, wrong=w, right=r)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def _one_edit(wrong: str, at: int, w: str, r: str, data: _Typos) -> tuple[str, str]:
    if len(w) == 2 and w == r[::-1]:
        what = "digits" if w.isdigit() else "letters" if w.isalpha() else "characters"
        return "transposition", f"two {what} swapped ({w}/{r})"
    if len(w) == 1 and len(r) == 1:
        return _substitution(w, r, data)
    if not w:
        return "dropped", f"{_describe(r, data)} dropped"
    if (at > 0 and wrong[at - 1] == w) or wrong[at + 1 : at + 2] == w:
        return "doubled", f"{_describe(w, data)} doubled"
    near = [c for c in (wrong[at - 1 : at], wrong[at + 1 : at + 2]) if _adjacent(w, c, data)]
    where = f", next to {near[0]} on a {data.layout} keyboard" if near else ""
    return "inserted", f"an extra character inserted: {_describe(w, data)}{where}"


def _substitution(w: str, r: str, data: _Typos) -> tuple[str, str]:
    if w.casefold() == r.casefold():
        return "substitution", f"one character apart: {w} written for {r} (letter case)"
    if _adjacent(w, r, data):
        return (
            "adjacent_key",
            f"one character apart; {w} is next to {r} on a {data.layout} keyboard",
        )
    return "substitution", f"one character apart: {w} written for {r}"


def _two_edits(wrong: str, right: str, data: _Typos) -> tuple[str, str]:
    if Levenshtein.distance(wrong, right, score_cutoff=2) > 2:
        return "transposition", "two edits apart, one of them two swapped characters"
    parts: list[tuple[str, str]] = []
    for op in Levenshtein.editops(wrong, right):
        if op.tag == "replace":
            parts.append(_substitution(wrong[op.src_pos], right[op.dest_pos], data))
        elif op.tag == "insert":
            parts.append(("dropped", f"{_describe(right[op.dest_pos], data)} dropped"))
        else:
            parts.append(_one_edit(wrong, op.src_pos, wrong[op.src_pos], "", data))
    kinds = {kind for kind, _ in parts}
    kind = parts[0][0] if len(kinds) == 1 else "substitution"
    details = [re.sub(r"^one character apart[:;] ", "", reason) for _, reason in parts]
    if len(set(details)) == 1:
        return kind, f"two edits apart: {details[0]}, twice"
    return kind, f"two edits apart: {'; '.join(details)}"


def _adjacent(a: str, b: str, data: _Typos) -> bool:
    return b.casefold() in data.neighbours.get(a.casefold(), frozenset())


def _lookalike(w: str, r: str, data: _Typos) -> str | None:
    pieces_w, pieces_r = _pieces(w, data), _pieces(r, data)
    if len(pieces_w) != len(pieces_r) or not w or not r:
        return None
    pairs = [(a, b) for a, b in zip(pieces_w, pieces_r, strict=True) if a != b]
    if not pairs or any(
        data.classes.get(a) != data.classes.get(b) or a not in data.classes for a, b in pairs
    ):
        return None
    a, b = pairs[0]
    times = f" ({len(pairs)} times)" if len(pairs) > 1 and len(set(pairs)) == 1 else ""
    more = "" if len(set(pairs)) == 1 else " and more look-alikes"
    return f"{_describe(a, data, b)} written for {_describe(b, data, a)}{times}{more}"


def _pieces(text: str, data: _Typos) -> list[str]:
    """Cut ``text`` into look-alike pieces (longest first) and single characters."""
    out: list[str] = []
    i = 0
    while i < len(text):
        for size in range(min(data.longest, len(text) - i), 0, -1):
            piece = text[i : i + size]
            if size == 1 or piece in data.classes:
                out.append(piece)
                i += size
                break
    return out


def _describe(piece: str, data: _Typos, other: str = "") -> str:
    scripts = {_script(c) for c in piece + other if c.isalpha()}
    if len(scripts) > 1:
        return f"a {_script(piece[0]).title()} {piece}"
    if piece in data.names:
        return data.names[piece]
    if piece.isdigit():
        return f"a {piece}"
    if piece.isalpha():
        return f"a letter {piece}"
    if piece == " ":
        return "a space"
    if piece in DASHES:
        return "a dash"
    return f"a {unicodedata.name(piece[0], 'character').lower()}"


def _script(char: str) -> str:
    return unicodedata.name(char, "UNKNOWN").split()[0]


_WORD = re.compile(r"[^\W_]+(?:[-‐‑'’][^\W_]+)*")
# A word, white space, and a second word that starts with the first (case ignored), after
# a character that is not a letter or digit, nor a joiner after one (a word at the very
# start is matched apart).
# The second word sits in a look-ahead so that "the the the" gives two overlapping pairs;
# the atomic group and possessive quantifiers keep it linear. Matches are candidates:
# ``_repeats`` decides.
_TAIL = r"((?>[^\W_]+(?:[-‐‑'’][^\W_]+)*+))(?=(\s++)\1)"
_PAIR = re.compile(r"[\W_](?<![^\W_][-‐‑'’])" + _TAIL, re.IGNORECASE)
_FIRST_PAIR = re.compile(_TAIL, re.IGNORECASE)


def doubled_words(text: str, *, lexicon: Lexicon | None = None) -> list[tuple[int, int, str]]:
    """Accidental repeated words: ``(start, end, surface)``, the span covering both copies.

    Copies may be separated by spaces or one line break, never by punctuation or a blank
    line; a prefix repeated before a hyphenated compound counts ("anti anti-aircraft").
    Real reduplications from ``typos.toml`` ("Bora Bora", "had had") are not reported.

    >>> doubled_words("Commander Amikam Norkin Norkin and the the anti anti-aircraft fire")
    [(17, 30, 'Norkin Norkin'), (35, 42, 'the the'), (43, 61, 'anti anti-aircraft')]
    >>> doubled_words("He flew to Bora Bora. The the end")
    [(22, 29, 'The the')]
    """
    data = _typos(lexicon or default_lexicon())
    if len(text.casefold()) != len(text):
        # A letter folds to several ("ß" to "ss"): case-blind matching would miss pairs.
        return _doubled_words_by_word(text, data)
    out: list[tuple[int, int, str]] = []
    first = _FIRST_PAIR.match(text)
    for pair in [first, *_PAIR.finditer(text)] if first else _PAIR.finditer(text):
        start, word = pair.start(1), pair.group(1)
        second = _WORD.match(text, pair.end(2))
        if second is not None and _repeats(text, start, word, second, data):
            out.append((start, second.end(), text[start : second.end()]))
    return out


def _doubled_words_by_word(text: str, data: _Typos) -> list[tuple[int, int, str]]:
    """``doubled_words`` word by word: for any text, but slow."""
    out: list[tuple[int, int, str]] = []
    previous: re.Match[str] | None = None
    for match in _WORD.finditer(text):
        if previous is not None and _repeats(text, previous.start(), previous.group(), match, data):
            out.append((previous.start(), match.end(), text[previous.start() : match.end()]))
        previous = match
    return out


def _repeats(text: str, start: int, first: str, second: re.Match[str], data: _Typos) -> bool:
    """Whether the word ``first`` at ``start`` and the next word ``second`` are a slip."""
    gap = text[start + len(first) : second.start()]
    if not gap or not gap.isspace() or gap.count("\n") > 1:
        return False
    a, b = first.casefold(), second.group().casefold()
    if not any(c.isalpha() for c in a):
        return False
    head = re.split(r"[-‐‑]", b, maxsplit=1)[0]
    if a != b and not (head == a and len(b) > len(a) and b[len(a)] in DASHES):
        return False
    return f"{a} {head}" not in data.allowed


@functools.cache
def _typos(lexicon: Lexicon) -> _Typos:
    table = lexicon.table("typos")
    keyboard = require(table, _FILE, "keyboard", dict)
    rows = require(keyboard, _FILE, "rows", list)
    looks = require(table, _FILE, "lookalikes", dict)
    pairs = require(looks, _FILE, "pairs", list)
    names = looks.get("names", {})
    allowed = require(require(table, _FILE, "doubled_words", dict), _FILE, "allowed", list)
    if not all(isinstance(row, str) for row in rows):
        raise LexiconError(_FILE, "keyboard.rows", "every row must be a string")
    if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
        raise LexiconError(_FILE, "lookalikes.names", "must map strings to strings")
    if not all(isinstance(w, str) and len(w.split()) == 2 for w in allowed):
        raise LexiconError(_FILE, "doubled_words.allowed", "entries are two words")
    classes = _classes(pairs)
    return _Typos(
        layout=str(keyboard.get("name", "QWERTY")),
        neighbours=_neighbours(rows),
        classes=classes,
        longest=max((len(p) for p in classes), default=1),
        names=dict(names),
        allowed=frozenset(w.casefold() for w in allowed),
    )


def _classes(pairs: list[object]) -> dict[str, str]:
    """Union look-alike pairs into classes; each piece maps to its class's smallest piece."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for pair in pairs:
        if not (
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(p, str) and p for p in pair)
        ):
            raise LexiconError(_FILE, "lookalikes.pairs", f"not a pair of strings: {pair!r}")
        a, b = root(pair[0]), root(pair[1])
        parent[max(a, b)] = min(a, b)
    return {piece: root(piece) for piece in parent}


def _neighbours(rows: list[str]) -> dict[str, frozenset[str]]:
    near: dict[str, set[str]] = {}
    for r, row in enumerate(rows):
        for c, key in enumerate(row):
            found = near.setdefault(key, set())
            found.update(row[max(c - 1, 0) : c + 2])
            for other, cols in ((r - 1, (c, c + 1)), (r + 1, (c - 1, c))):
                if 0 <= other < len(rows):
                    found.update(rows[other][k] for k in cols if 0 <= k < len(rows[other]))
            found.discard(key)
    return {key: frozenset(found) for key, found in near.items()}
