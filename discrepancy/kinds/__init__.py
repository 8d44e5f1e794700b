"""Knowledge per fact kind: each module finds mentions in text and parses one surface.

Every kind module offers the same functions:

- ``find(text, *, lexicon=None, ...) -> list[Mention]``: every mention in ``text``, with
  offsets into it, sorted by start;
- ``parse(text, *, lexicon=None, ...) -> value | None``: one surface to its value, ``None``
  on junk, never an exception.
"""
