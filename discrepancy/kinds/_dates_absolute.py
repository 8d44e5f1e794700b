"""Grammar rules for dates written out: "September 17, 2018", "17 Sept", "9/17/2018", "2015"."""

from __future__ import annotations

import attrs

from discrepancy.kinds._dates_scan import SEPARATORS, Match, Part, Scanner, two_digit_year

RANGE_WORDS = frozenset({"to", "through", "thru", "till", "until", "til", "and", "-", "–", "~"})


def continues(s: Scanner, j: int) -> bool:
    """Whether a dash and another number follow: a range ("18-19", "10/1-11/7")."""
    return s.low(j) in ("-", "–") and s.low(j + 1).isdigit()


def year_tail(s: Scanner, k: int) -> tuple[int, int] | None:
    """An optional year after a month or a day: ", 2018", " of 87", "/2018", " in 2020"."""
    low, short = s.low(k), False
    if low == ",":
        k += 1
    elif low in ("of", "in"):
        short = low == "of"
        k += 1
    elif low in ("/", "-") and s.glued(k) and s.glued(k + 1):
        k += 1
    elif low == "'" and s.glued(k + 1):
        short = True
        k += 1
    found = s.year_number(k, short=short)
    if found is None:
        return None
    dashed = low == "-" and continues(s, found[0])  # "September-2020-23"
    if s.low(k).isdigit() and not (s.free_end(found[0]) or dashed):
        return None
    return found


def month_first(s: Scanner, i: int) -> Match | None:
    """ "September 17, 2018", "Sept. 17", "Oct/2", "Dec31", "May twenty nine", "March 2011"."""
    found = s.month(i)
    if found is None:
        return None
    j, month = found
    cued = s.cue_before(i, s.w.month_cues) or s.weekday(i - 1) is not None
    cued = cued or (s.low(j) in RANGE_WORDS and s.month(j + 1) is not None)
    wordy = cued or not s.ambiguous(i) or s.midsentence_capital(i)
    year = year_tail(s, j)
    if year is not None:
        end = year[0]
        if s.low(end) == "-" == s.low(j) and s.glued(end) and s.glued(end + 1):
            day = s.day_number(end + 1)
            if day is not None and s.free_end(day[0]):
                return day[0], Part(year=year[1], month=month, day=day[1])
        return end, Part(year=year[1], month=month)
    k = j + 1 if s.low(j) in ("/", "-") and s.glued(j) and s.glued(j + 1) else j
    if s.low(k) == "," and s.day_number(k + 1) and s.day_number(k + 1)[2]:  # type: ignore[index]
        k += 1
    k = s.skip(k, "the")
    day = s.day_number(k, words=wordy)
    if day is not None and not (s.low(k).isdigit() and s.low(day[0]) == ":"):
        end, number, _ = day
        year = year_tail(s, end)
        if year is not None:
            return year[0], Part(year=year[1], month=month, day=number)
        if s.low(k).isdigit() and not (s.free_end(end) or continues(s, end)):
            return None
        return end, Part(month=month, day=number)
    if not cued and (s.ambiguous(i) or s.name_follows(j)):
        return None
    return j, Part(month=month)


def day_first(s: Scanner, i: int) -> Match | None:
    """ "17 September 2018", "04th Jan 2019", "second of Aug", "the 09th of May", "05-Aug-2016"."""
    k = s.skip(i, "the")
    day = s.day_number(k, words=True)
    if day is None or (s.low(k).isdigit() and not s.free_start(k)):
        return None
    j, number, ordinal = day
    sep = s.low(j)
    if sep == "of" or (sep in ("-", "/", ".") and s.glued(j) and s.glued(j + 1)):
        j += 1
    found = s.month(j)
    if found is None:
        return None
    lower = s.word(j).islower() if s.has(j) else True
    if s.ambiguous(j) and not (ordinal or s.low(k).isdigit()) and lower:
        return None
    end, month = found
    year = year_tail(s, end)
    if year is not None:
        return year[0], Part(year=year[1], month=month, day=number)
    return end, Part(month=month, day=number)


def listed_day(s: Scanner, i: int) -> Match | None:
    """The first day of "18 and 19 June", "3, 4 or 5 May": the month comes from the next one."""
    t = s.low(i)
    if not (t.isdigit() and len(t) <= 2 and 1 <= int(t) <= 31) or not s.free_start(i):
        return None
    if s.low(i + 1) not in (",", "and", "or") or (s.glued(i + 1) and s.low(i + 1) != ","):
        return None
    k = i + 2
    while s.low(k).isdigit() and s.low(k + 1) in (",", "and", "or") and k < i + 12:
        k += 2
    nxt = day_first(s, k)
    if nxt is None or not isinstance(nxt[1], Part) or nxt[1].day is None:
        return None
    return i + 1, attrs.evolve(nxt[1], day=int(t))


def _elements(s: Scanner, i: int) -> tuple[list[tuple[str, int]], str, int]:
    """Up to three numbers or month names joined by one glued separator: "2019/aug/01".

    Each element is ("y", year) for four digits, ("n", number) or ("m", month).
    """
    out = [_element(s.low(i))]
    sep, k = "", i + 1
    while len(out) < 3 and s.low(k) in SEPARATORS and s.glued(k) and s.glued(k + 1):
        if sep and s.low(k) != sep:
            break
        nxt = s.low(k + 1)
        if nxt.isdigit() and len(nxt) in (1, 2, 4):
            out.append(_element(nxt))
        elif nxt in s.w.months:
            out.append(("m", s.w.months[nxt]))
        else:
            break
        sep, k = s.low(k), k + 2
    return out, sep, k


def _element(digits: str) -> tuple[str, int]:
    return ("y" if len(digits) == 4 else "n"), int(digits)


def numeric(s: Scanner, i: int) -> Match | None:
    """ "2018-09-17", "9/17/2018", "23.04.2022", "20161016", "2015-3", "22/04", "2019/aug/01"."""
    t = s.low(i)
    if not t.isdigit() or not s.free_start(i):
        return None
    if len(t) == 8:
        year, month, day = int(t[:4]), int(t[4:6]), int(t[6:])
        ok = 1900 <= year <= 2099 and s.free_end(i + 1)
        return (i + 1, Part(year=year, month=month, day=day)) if ok else None
    if len(t) not in (1, 2, 4):
        return None
    parts, sep, end = _elements(s, i)
    if len(parts) < 2:
        return _spaced(s, i)
    if not s.free_end(end) and not ((len(parts) == 3 or sep != "-") and continues(s, end)):
        return None
    cue = max(_numeric_cue(s, i), int(sep == "/" and continues(s, end)))
    part = _interpret(parts, sep, cue=cue)
    return None if part is None else (end, part)


def _spaced(s: Scanner, i: int) -> Match | None:
    """ "2016 10 16": year, month and day apart, nothing number-like after them."""
    t, month, day = s.low(i), s.low(i + 1), s.low(i + 2)
    if len(t) != 4 or not (month.isdigit() and day.isdigit() and len(month) <= 2 >= len(day)):
        return None
    if s.glued(i + 1) or s.glued(i + 2) or s.low(i + 3).isalnum() or not s.free_end(i + 3):
        return None
    if not 1 <= int(month) <= 12:
        return None
    return i + 3, Part(year=int(t), month=int(month), day=int(day))


_STRONG_CUES = frozenset({"on", "this", "next", "last"})
_WEAK_CUES = frozenset({"from", "to", "between", "until", "till", "since", "by", "and", "or", ","})


def _numeric_cue(s: Scanner, i: int) -> int:
    """How sure the context makes a bare "9/17" a date: 2 after "on" or a weekday, 1 after
    "from", "until", a comma or at a sentence's start ("24/7 coverage", "1/2 mile": 0)."""
    if i == s.waived:
        return 1
    j = i - 1
    if s.low(j) in (",", "("):
        j -= 1
    if s.low(j) in _STRONG_CUES or s.weekday(j) is not None:
        return 2
    prev = s.low(i - 1)
    return int(prev in _WEAK_CUES or prev in ("", ".", "?", "!", ":", "\n"))


def _interpret(parts: list[tuple[str, int]], sep: str, *, cue: int) -> Part | None:
    kinds = "".join(k for k, _ in parts)
    v = [x for _, x in parts]
    if kinds in ("ynn", "ymn", "ynm"):
        if kinds == "ynm":
            return Part(year=v[0], month=v[2], day=v[1])
        return Part(year=v[0], month=v[1], day=v[2])
    if kinds in ("nmy", "nmn"):
        return Part(year=_year(parts[2]), month=v[1], day=v[0])
    if kinds == "nym":
        return Part(year=v[1], month=v[2], day=v[0])
    if kinds in ("mny", "mnn"):
        return Part(year=_year(parts[2]), month=v[0], day=v[1])
    if kinds in ("nny", "nnn"):
        if kinds == "nnn" and sep == ".":
            return None
        year = _year(parts[2])
        if sep == "." or v[0] > 12:
            return Part(year=year, month=v[1], day=v[0])
        return Part(year=year, month=v[0], day=v[1])
    if kinds == "yn" and sep in "-/" and 1 <= v[1] <= 12:
        return Part(year=v[0], month=v[1])
    if kinds == "ny" and sep in "-/" and 1 <= v[0] <= 12:
        return Part(year=v[1], month=v[0])
    if kinds == "nn" and ((sep == "/" and cue >= 1) or cue >= 2):
        if v[0] <= 12 and 1 <= v[1] <= 31:
            return Part(month=v[0], day=v[1])
        if v[1] <= 12 and v[0] <= 31:
            return Part(month=v[1], day=v[0])
    return None


def _year(element: tuple[str, int]) -> int:
    kind, value = element
    return value if kind == "y" else two_digit_year(value)


def year_first(s: Scanner, i: int) -> Match | None:
    """ "2017 april", "2017-q1", "2019 H2"."""
    year = s.year_number(i) if s.low(i).isdigit() and s.free_start(i) else None
    if year is None:
        return None
    j = year[0]
    k = j + 1 if s.low(j) == "-" and s.glued(j) else j
    part = period(s, k)
    if part is not None:
        return part[0], attrs.evolve(part[1], year=year[1])
    found = s.month(j)
    if found is not None and s.day_number(found[0]) is None and not s.ambiguous(j):
        return found[0], Part(year=year[1], month=found[1])
    return None


def period(s: Scanner, i: int) -> tuple[int, Part] | None:
    """A quarter or half without its year: "q1", "Q3", "H2"."""
    letter = s.low(i)
    if letter not in ("q", "h"):
        return None
    number = s.low(i + 1)
    after = s.glued(i + 2) and s.low(i + 2).isalnum()
    if s.glued(i + 1) and number.isdigit() and not after:
        n = int(number)
        size = 3 if letter == "q" else 6
        if 1 <= n <= 12 // size:
            return i + 2, Part(month=1 + size * (n - 1), months=size)
    return None


def quarter_first(s: Scanner, i: int) -> Match | None:
    """ "q1 2019", "q1-2019", "q3 of 2018", or a bare "q1" (this year's)."""
    found = period(s, i)
    if found is None:
        return None
    j, part = found
    k = j + 1 if s.low(j) in ("-", "of") else j
    year = s.year_number(k)
    if year is not None:
        return year[0], attrs.evolve(part, year=year[1])
    return j, part


def bare_year(s: Scanner, i: int, *, cued: bool = False) -> Match | None:
    """A year where the context says so: "in 2015", "the year 2008", "the 1990s", "1960's"."""
    t = s.low(i)
    if not t.isdigit():
        words = s.year_words(i)
        if words is None or not (cued or s.cue_before(i, s.w.year_cues)):
            return None
        return words[0], Part(year=words[1])
    if not (len(t) == 4 and s.free_start(i)):
        return None
    year = int(t)
    j = i + 1
    if t.endswith("0") and s.low(j) == "'" and s.low(j + 1) == "s" and s.glued(j + 1):
        return j + 2, Part(year=year, years=10)
    if t.endswith("0") and s.low(j) == "s" and not (s.glued(j + 1) and s.low(j + 1).isalnum()):
        return j + 1, Part(year=year, years=10)
    low = s.low(j)
    if low in RANGE_WORDS and len(s.low(j + 1)) == 4 and s.low(j + 1).isdigit():
        cued = True
    elif not s.free_end(j):
        return None
    if not 1000 <= year <= 2999:
        return None
    if not (cued or s.cue_before(i, s.w.year_cues) or s.low(i - 1) in ("cy", "=")):
        return None
    return j, Part(year=year)


def decade(s: Scanner, i: int) -> Match | None:
    """ "the nineties", "the '90s", "the 80s", "the 15th century"."""
    word = s.w.decades.get(s.low(i + 1))
    if word is not None and s.low(i) in ("the", "in", "during", "since"):
        return i + 2, Part(year=word, years=10)
    if s.low(i) == "cy" and s.glued(i + 1) and len(s.low(i + 1)) == 2 and s.free_end(i + 2):
        return i + 2, Part(year=two_digit_year(int(s.low(i + 1))))
    if s.low(i) != "the":
        return None
    j = s.skip(i + 1, "'")
    t = s.low(j)
    if t.isdigit() and len(t) == 2 and t.endswith("0") and s.low(j + 1) == "s" and s.glued(j + 1):
        return j + 2, Part(year=two_digit_year(int(t)), years=10)
    return century(s, j)


def century(s: Scanner, i: int) -> Match | None:
    """ "15th century", "the twenty-first century"."""
    found = s.day_number(i)
    if found is None or not found[2] or s.low(found[0]) != "century":
        return None
    start = (found[1] - 1) * 100
    return (found[0] + 1, Part(year=start, years=100)) if start >= 1 else None


def bare_year_cued(s: Scanner, i: int) -> Match | None:
    """A four-digit year where the caller's context already says it is one."""
    return bare_year(s, i, cued=True)
