"""The grammar of numbers written in words (and digits with scale words), private.

``parse_one`` reads the longest number that starts at one token and says where the next
attempt starts, so a whole run is read left to right in one pass over its tokens.
"""

from __future__ import annotations

import functools
from fractions import Fraction

from discrepancy.kinds._numlex import (
    CARD,
    DENOM,
    DIG,
    DOZEN,
    FRAC,
    NEG,
    ORD,
    POINT,
    SCALE,
    VAGUE,
    Word,
)
from discrepancy.kinds._numtokens import (
    AND,
    AND_A,
    BREAK,
    HYPHEN,
    OF,
    SPACE,
    A,
    Acc,
    Parsed,
    Tok,
    category,
)


def _cardinal(tok: Tok) -> tuple[str, Fraction] | None:
    card = tok.get(CARD) or tok.get(SCALE)
    if card is None:
        return None
    return category(card.value), card.value


def parse_one(toks: list[Tok], i: int, article: int | None) -> tuple[int, Parsed | None]:
    """Read the number starting at token ``i``; ``article`` is where an "a"/"an" before it starts.

    Returns the index of the next token to try and what was read (``None``: nothing).
    """
    tok = toks[i]
    start = tok.start if article is None else article
    if i + 1 == len(toks) or toks[i + 1].gap == BREAK:
        if tok.meanings and tok.meanings[0].kind == DIG:
            value = tok.meanings[0].value  # digits alone: the common case, read at once
            return i + 1, Parsed(start=start, end=tok.end, low=value, high=value)
        return _alone(toks, i, article)
    return _parse_one(toks, i, article, start)


def _alone(toks: list[Tok], i: int, article: int | None) -> tuple[int, Parsed | None]:
    """``parse_one`` of a token that no other follows: read once per word (see ``_lone``)."""
    tok = toks[i]
    lead = None if article is None else tok.start - article
    nxt, parsed = _lone(tok.word, tok.meanings, tok.gap, tok.scaled, tok.end - tok.start, lead)
    if parsed is None:
        return i + nxt, None
    shift = tok.start - _AT
    return i + nxt, Parsed(
        start=parsed.start + shift,
        end=parsed.end + shift,
        low=parsed.low,
        high=parsed.high,
        high_inclusive=parsed.high_inclusive,
        ordinal=parsed.ordinal,
        vague=parsed.vague,
    )


_AT = 64  # where ``_lone`` puts its token (the reading does not depend on where)


@functools.lru_cache(maxsize=2**14)
def _lone(
    word: str,
    meanings: tuple[Word, ...],
    gap: str,
    scaled: bool,
    length: int,
    lead: int | None,
) -> tuple[int, Parsed | None]:
    """``parse_one`` of a lone token at ``_AT``, an article ``lead`` characters before it."""
    tok = Tok(start=_AT, end=_AT + length, meanings=meanings, gap=gap, word=word, scaled=scaled)
    article = None if lead is None else _AT - lead
    return _parse_one([tok], 0, article, _AT if article is None else article)


def _parse_one(
    toks: list[Tok], i: int, article: int | None, start: int
) -> tuple[int, Parsed | None]:
    tok = toks[i]
    if tok.get(NEG) is not None:
        if i + 1 < len(toks) and toks[i + 1].gap == SPACE and toks[i + 1].get(NEG) is None:
            nxt, parsed = parse_one(toks, i + 1, None)
            if parsed is not None and parsed.start == toks[i + 1].start and not parsed.vague:
                return nxt, parsed._replace(start=tok.start, low=-parsed.high, high=-parsed.low)
        return i + 1, None
    special = _special_start(toks, i, start, article)
    if special is not None:
        return special
    return _read(toks, i, start)


def _special_start(
    toks: list[Tok], i: int, start: int, article: int | None
) -> tuple[int, Parsed | None] | None:
    tok = toks[i]
    vague = tok.get(VAGUE)
    if vague is not None and tok.get(CARD) is None and (article is None or tok.get(DOZEN) is None):
        return _vague(toks, i, vague)
    frac = tok.get(FRAC)
    if frac is not None:
        value, end, j = frac.value, tok.end, i + 1
        alone = j >= len(toks) or toks[j].gap not in {SPACE, HYPHEN, A}
        if (
            article is None
            and value != Fraction(1, 2)
            and tok.word.isalpha()
            and (alone or not (toks[j].get(SCALE) or toks[j].get(DOZEN)))
        ):
            return i + 1, None  # "the quarter" is a period of time, not 0.25
        if (
            j < len(toks)
            and toks[j].gap in {SPACE, HYPHEN, A}
            and (toks[j].get(SCALE) or toks[j].get(DOZEN))
        ):
            mult = toks[j].get(SCALE) or toks[j].get(DOZEN)
            assert mult is not None
            value, end, j = value * mult.value, toks[j].end, j + 1
        return j, Parsed(start=start, end=end, low=value, high=value)
    if tok.get(POINT) is not None:
        return _decimals(toks, i, Fraction(0), start)
    if article is not None and tok.get(ORD) is not None and tok.get(CARD) is None:
        ordinal = tok.get(ORD)
        assert ordinal is not None
        if ordinal.value > 2:
            value = 1 / ordinal.value
            return i + 1, Parsed(start=start, end=tok.end, low=value, high=value)
    dozen = tok.get(DOZEN)
    if dozen is not None and tok.get(CARD) is None and tok.get(VAGUE) is None:
        return i + 1, Parsed(start=start, end=tok.end, low=dozen.value, high=dozen.value)
    return None


def _vague(toks: list[Tok], i: int, vague: Word) -> tuple[int, Parsed | None]:
    low, high, j, end = vague.low, vague.high, i + 1, toks[i].end
    if vague.multiplies and j < len(toks):
        nxt = toks[j]
        scale = nxt.get(SCALE)
        inner = nxt.get(VAGUE)
        if scale is not None and (nxt.gap == OF or (nxt.gap == SPACE and scale.plural is False)):
            low, high, end, j = low * scale.value, high * scale.value, nxt.end, j + 1
        elif inner is not None and nxt.gap == OF and inner.multiplies:
            low, high, end, j = low * inner.low, high * inner.high, nxt.end, j + 1
    parsed = Parsed(
        start=toks[i].start,
        end=end,
        low=low,
        high=high,
        high_inclusive=vague.high_inclusive,
        vague=True,
    )
    return j, parsed


def _read(toks: list[Tok], i: int, start: int) -> tuple[int, Parsed | None]:
    acc = Acc(start=start, end=toks[i].end)
    j = i
    first = toks[i]
    if first.get(DIG) is not None:
        dig = first.get(DIG)
        assert dig is not None
        acc.group = dig.value
        acc.last = "scale" if first.scaled else "dig"
        if first.scaled:
            acc.total, acc.group, acc.big = dig.value, Fraction(0), Fraction(1000)
        j = i + 1
    while j < len(toks):
        tok = toks[j]
        if acc.last is not None and tok.gap == BREAK:
            break
        done = _step(toks, j, acc)
        if done is None:
            break
        if done[1] is not None:
            return done
        j = done[0]
    if acc.last is None:
        return i + 1, None
    return j, Parsed(start=acc.start, end=acc.end, low=acc.value, high=acc.value)


def _step(toks: list[Tok], j: int, acc: Acc) -> tuple[int, Parsed | None] | None:
    """Take token ``j`` into ``acc``; ``None`` stops; a ``Parsed`` ends the number there."""
    tok = toks[j]
    if acc.last is not None:
        ending = _ending(toks, j, acc)
        if ending is not None:
            return ending
    if tok.get(DIG) is not None:
        dig = tok.get(DIG)
        assert dig is not None
        if acc.last == "dig" and tok.word == "/" and 0 < dig.value < 1 and tok.gap == SPACE:
            acc.group += dig.value if acc.group >= 0 else -dig.value
            acc.last, acc.end = "frac", tok.end
            return j + 1, None
        if (
            acc.last in {"hundred", "scale"}
            and not tok.scaled
            and dig.value < 100
            and tok.gap in {AND, SPACE}
            and (not _hundred_next(toks, j) or _hundreds_may_follow(acc, dig.value))
        ):
            acc.group += dig.value
            acc.last, acc.end = "dig", tok.end
            return j + 1, None
        return None
    ordinal = tok.get(ORD)
    if ordinal is not None and tok.get(CARD) is None:
        if acc.last is None:
            acc.group, acc.last = ordinal.value, "ord"
        elif not acc.take(tok, category(ordinal.value), ordinal.value):
            return None
        value = acc.value
        return j + 1, Parsed(start=acc.start, end=tok.end, low=value, high=value, ordinal=True)
    card = _cardinal(tok)
    if card is None:
        return None
    cat, value = card
    if acc.last is None:
        if cat == "scale" and tok.get(VAGUE) is not None:
            return None
        gap_tok = tok._replace(gap=SPACE)
        if cat == "hundred":
            acc.group, acc.last, acc.end = Fraction(100), "hundred", tok.end
            return j + 1, None
        if cat == "scale":
            acc.total, acc.big, acc.last, acc.end = value, value, "scale", tok.end
            return j + 1, None
        return (j + 1, None) if acc.take(gap_tok, cat, value) else None
    if acc.last == "unit" and acc.group == 0 and acc.total == 0:
        return None  # "zero five" is two numbers
    return (j + 1, None) if acc.take(tok, cat, value) else None


def _ending(toks: list[Tok], j: int, acc: Acc) -> tuple[int, Parsed | None] | None:
    """Fractions, dozens and decimals that close a number already started."""
    tok = toks[j]
    denom = tok.get(DENOM)
    if denom is not None and tok.gap in {SPACE, HYPHEN}:
        value, end, nxt = _over(acc, denom.value), tok.end, j + 1
        scale = toks[nxt].get(SCALE) if nxt < len(toks) and toks[nxt].gap in {SPACE, OF} else None
        if scale is not None and value < 1:  # "three quarters billion", "two thirds of a million"
            value, end, nxt = value * scale.value, toks[nxt].end, nxt + 1
        return nxt, Parsed(start=acc.start, end=end, low=value, high=value)
    frac = tok.get(FRAC)
    if frac is not None and acc.last == "dig" and toks[j - 1].end == tok.start:
        value = acc.value + (frac.value if acc.value >= 0 else -frac.value)
        return j + 1, Parsed(start=acc.start, end=tok.end, low=value, high=value)
    if (
        frac is not None
        and tok.gap in {SPACE, HYPHEN}
        and acc.last in {"unit", "teen", "tens"}
        and acc.total == 0
        and tok.word.isalpha()
    ):
        value = acc.value * frac.value  # "one quarter", "three quarter"
        return j + 1, Parsed(start=acc.start, end=tok.end, low=value, high=value)
    if frac is not None and tok.gap in {AND_A, AND}:
        unit = acc.big if acc.last == "scale" and acc.big is not None else Fraction(1)
        end, nxt = tok.end, j + 1
        if nxt < len(toks) and toks[nxt].gap == SPACE:
            scale = toks[nxt].get(SCALE)
            if scale is not None and acc.big is None:
                value = (acc.value + acc.sign * frac.value) * scale.value
                return nxt + 1, Parsed(start=acc.start, end=toks[nxt].end, low=value, high=value)
            if scale is not None and acc.big is not None and scale.value < acc.big:
                unit, end, nxt = scale.value, toks[nxt].end, nxt + 1
        value = acc.value + acc.sign * frac.value * unit
        return nxt, Parsed(start=acc.start, end=end, low=value, high=value)
    added = _added_fraction(toks, j, acc)
    if added is not None:
        return added
    ordinal = tok.get(ORD)
    if (
        ordinal is not None
        and ordinal.value > 2
        and acc.last == "unit"
        and acc.total == 0
        and acc.group == 1
        and tok.gap in {SPACE, HYPHEN}
    ):
        value = acc.sign / ordinal.value
        return j + 1, Parsed(start=acc.start, end=tok.end, low=value, high=value)
    dozen = tok.get(DOZEN)
    if dozen is not None and tok.gap == SPACE:
        value = acc.value * dozen.value
        return j + 1, Parsed(start=acc.start, end=tok.end, low=value, high=value)
    whole = acc.last != "dig" or (acc.group.denominator == 1 and acc.total == 0)
    if tok.get(POINT) is not None and tok.gap == SPACE and acc.last is not None and whole:
        return _decimals(toks, j, acc.value, acc.start)
    return None


def _hundred_next(toks: list[Tok], j: int) -> bool:
    """Whether "hundred" follows token ``j`` ("3 hundred and 2 hundred" is two numbers)."""
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    scale = nxt.get(SCALE) if nxt is not None and nxt.gap == SPACE else None
    return scale is not None and scale.value == 100


def _hundreds_may_follow(acc: Acc, value: Fraction) -> bool:
    """ "4 thousand 3 hundred": digits before "hundred" after a larger scale word."""
    return (
        acc.last == "scale"
        and acc.group == 0
        and acc.big is not None
        and acc.big >= 1000
        and 0 < value < 10
        and value.denominator == 1
    )


def _added_fraction(toks: list[Tok], j: int, acc: Acc) -> tuple[int, Parsed | None] | None:
    """ "three and a fifth", "five billion and three quarters (million)"."""
    tok = toks[j]
    unit = acc.big if acc.last == "scale" and acc.big is not None else Fraction(1)
    ordinal = tok.get(ORD)
    if ordinal is not None and tok.gap == AND_A and ordinal.value > 2:
        numerator, denom, end = Fraction(1), ordinal.value, j + 1
    else:
        card = tok.get(CARD)
        later = toks[j + 1] if j + 1 < len(toks) else None
        if card is None or tok.gap != AND or later is None or card.value >= 20:
            return None
        half = later.get(FRAC)
        lower = later.get(DENOM) or (later.get(ORD) if card.value == 1 else None)
        if half is not None and later.gap == SPACE:
            lower = Word(kind=DENOM, value=1 / half.value)
        if lower is None or later.gap not in {SPACE, HYPHEN} or lower.value < 2:
            return None
        numerator, denom, end = card.value, lower.value, j + 2
    if end < len(toks) and toks[end].gap == SPACE:
        scale = toks[end].get(SCALE)
        if scale is not None and (acc.big is None or scale.value < acc.big):
            unit, end = scale.value, end + 1
    value = acc.value + acc.sign * numerator / denom * unit
    return end, Parsed(start=acc.start, end=toks[end - 1].end, low=value, high=value)


def _over(acc: Acc, denom: Fraction) -> Fraction:
    whole = acc.whole_before_and
    if whole is not None:
        part = acc.total + acc.group - whole
        if part < denom:
            return acc.sign * (whole + part / denom * acc.and_unit)
    return acc.value / denom


def _decimals(toks: list[Tok], j: int, whole: Fraction, start: int) -> tuple[int, Parsed | None]:
    digits, k, end, open_tens = "", j + 1, toks[j].end, False
    dig = toks[k].get(DIG) if k < len(toks) and toks[k].gap == SPACE else None
    after_digits = j == 0 or toks[j - 1].get(DIG) is not None or toks[j].gap == BREAK
    if dig is not None and dig.value.denominator == 1 and not toks[k].scaled and after_digits:
        digits, end, k = str(dig.value), toks[k].end, k + 1  # "1 point 1", "point 77"
    while not dig and k < len(toks) and toks[k].gap in {SPACE, HYPHEN}:
        card = toks[k].get(CARD)
        if card is None or card.value >= 100:
            break
        text = str(card.value)
        if card.value < 10 and open_tens:
            digits, open_tens = digits[:-1] + text, False
        else:
            digits, open_tens = digits + text, card.value >= 20 and card.value % 10 == 0
        end, k = toks[k].end, k + 1
    if not digits:
        return j + 1, None
    value = whole + Fraction(int(digits), 10 ** len(digits))
    scale = toks[k].get(SCALE) if k < len(toks) and toks[k].gap == SPACE else None
    if scale is not None:
        value, end, k = value * scale.value, toks[k].end, k + 1
    return k, Parsed(start=start, end=end, low=value, high=value)
