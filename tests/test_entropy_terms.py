"""`values.shannon_entropy` sums per-length tables of terms; the rules compare its result with
limits exactly, so it must equal the textbook sum bit for bit."""

from __future__ import annotations

import math
import random
import string
from collections import Counter

from secretcheck.analysis.values import shannon_entropy


def _textbook(value: str) -> float:
    if not value:
        return 0.0
    total = len(value)
    return -sum(n / total * math.log2(n / total) for n in Counter(value).values())


def test_entropy_is_the_textbook_sum_bit_for_bit() -> None:
    rnd = random.Random(7)
    alphabet = string.printable + "é\u0130"
    values = ["", "a", "aaaa", "0123456789abcdef" * 4, "ab" * 300]
    values += [
        "".join(rnd.choice(alphabet[: rnd.randint(2, len(alphabet))]) for _ in range(n))
        for n in (rnd.randint(1, 400) for _ in range(3000))
    ]
    for value in values:
        assert shannon_entropy(value) == _textbook(value), value
    assert shannon_entropy("abcdefgh") == 3.0
