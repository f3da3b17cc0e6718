"""Passwords a person picks (two words and a number: no shape tells them, only their place does), and what of one an
output still shows: shared by the secrets tests of the gate's rounds, each with its own seeded generator."""

from __future__ import annotations

import random

WORDS = (("winter", "Harbour", "ledger", "Kestrel"), ("monkey", "orange"))


def person_password(rnd: random.Random, words: tuple[tuple[str, ...], tuple[str, ...]] = WORDS, sign: str = "") -> str:
    return rnd.choice(words[0]) + rnd.choice(words[1]) + str(rnd.randint(100, 9999)) + sign


def pieces_of(secret: str, out: str, size: int = 8) -> list[str]:
    """The runs of ``size`` characters of the secret that ``out`` shows."""
    return [secret[i : i + size] for i in range(len(secret) - size + 1) if secret[i : i + size] in out]
