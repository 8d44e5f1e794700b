"""Inputs for the benchmarks, built from the seed articles (``seeds/*.txt``) only.

* ``repeated_text(size)``: the seed bodies joined and repeated to at least ``size`` bytes.
* ``article_sources(size)``: the seeds as article-sized ``Source`` objects, repeated.
* ``generated_corpus(n, seed=...)``: ``n`` articles "about one event", reproducible from
  ``seed``: each article is a random selection of the seeds' sentences in a random order,
  in paragraphs of a few sentences, and now and then one number is changed (off by one,
  ten times larger, two digits swapped) so that the audit has conflicts and typos to find.
"""

from __future__ import annotations

import functools
import random
import re

from timing import REPO

from discrepancy import Source, read_corpus
from discrepancy.text import sentences

SEEDS = REPO / "seeds"
_NUMBER = re.compile(r"(?<![\w.,-])\d{1,4}(?![\w.,-]\d)")


@functools.cache
def seed_sources() -> tuple[Source, ...]:
    """The seed articles as read by the library (datelines parsed, ``body_start`` set)."""
    corpus = read_corpus([SEEDS])
    if not corpus.sources:
        raise SystemExit(f"no seed articles under {SEEDS}")
    return corpus.sources


def seed_bodies() -> list[str]:
    """The seeds' texts without their datelines."""
    return [s.text[s.body_start :] for s in seed_sources()]


def repeated_text(size: int) -> str:
    """The seed bodies, separated by blank lines, repeated to at least ``size`` bytes."""
    unit = "\n\n".join(seed_bodies()) + "\n\n"
    copies = -(-size // len(unit.encode("utf-8")))
    return unit * max(1, copies)


def article_sources(size: int) -> list[Source]:
    """Copies of the seed sources (distinct ids) totalling at least ``size`` bytes."""
    out: list[Source] = []
    total = 0
    while total < size:
        for src in seed_sources():
            ident = f"{src.id}-{len(out)}"
            out.append(
                Source(id=ident, text=src.text, published=src.published, body_start=src.body_start)
            )
            total += len(src.text.encode("utf-8"))
    return out


@functools.cache
def sentence_pool() -> tuple[str, ...]:
    """Every sentence of every seed body, in order."""
    pool: list[str] = []
    for body in seed_bodies():
        pool.extend(body[s.start : s.end] for s in sentences(body))
    return tuple(pool)


def generated_corpus(
    n: int, *, seed: int = 20180918, per_article: tuple[int, int] = (12, 24), vary: float = 0.03
) -> list[Source]:
    """``n`` reproducible articles recombined from the seeds' sentences (see module doc).

    ``vary`` is the chance that a sentence has one of its numbers changed.
    """
    rng = random.Random(seed)
    pool = sentence_pool()
    dates = sorted({s.published for s in seed_sources() if s.published is not None})
    out: list[Source] = []
    for i in range(n):
        k = min(len(pool), rng.randint(*per_article))
        chosen = [_vary(s, rng) if rng.random() < vary else s for s in rng.sample(pool, k)]
        paragraphs = [" ".join(chosen[j : j + 3]) for j in range(0, len(chosen), 3)]
        out.append(
            Source(
                id=f"article-{i:05d}",
                text="\n\n".join(paragraphs) + "\n",
                published=rng.choice(dates) if dates else None,
            )
        )
    return out


def _vary(sentence: str, rng: random.Random) -> str:
    numbers = list(_NUMBER.finditer(sentence))
    if not numbers:
        return sentence
    match = rng.choice(numbers)
    digits = match.group()
    how = rng.randrange(3)
    if how == 0:
        new = str(max(0, int(digits) + rng.choice((-1, 1))))
    elif how == 1:
        new = digits + "0"
    elif len(digits) > 1:
        new = digits[1] + digits[0] + digits[2:]
    else:
        new = str(int(digits) + 1)
    return sentence[: match.start()] + new + sentence[match.end() :]


def corpus_bytes(sources: list[Source]) -> int:
    """Total size of the sources' texts in UTF-8 bytes."""
    return sum(len(s.text.encode("utf-8")) for s in sources)
