"""What each adversarial secrets round's pastes module (tests/secrets<round>_pastes.py) is built with: the alphabets of
credential shapes, the vendors' documented bodies the pastes wrap, and a Round: its own seeded random source, the
generators that draw from it (random strings of a shape, passwords as people pick them, which no randomness test
sees) and the list of cases its ``case`` fills. A round's seed fixes every credential it generates."""

from __future__ import annotations

import base64
import json
import random
import string

A = string.ascii_letters + string.digits
UP = string.ascii_uppercase + string.digits
LOW = string.ascii_lowercase
HEX = "0123456789abcdef"
B64 = A + "+/"
URLSAFE = A + "-_"

MYOB_BODY = '{"Errors":[{"Name":"OrderPaid","Message":"Order paid","AdditionalDetails":"","ErrorCode":37000,"Severity":"Error"}],"Information":""}'
MYOB_401 = (
    '{"Errors":[{"Name":"Unauthorized","Message":"Access denied","AdditionalDetails":"","ErrorCode":10001,"Severity":"Error"}]}'
)
IX_BODY = '{"errors":[{"error":"Client not found"}]}'
PROSPEND_401 = (
    '{"status":401,"error":"UNAUTHORIZED","message":"Authentication failed. Please check your credentials and try again."}'
)
SAGE_BODY = (
    '[{"$severity":"error","$dataCode":"RecordInvalid","$message":"Contact type is invalid","$source":"contact_type_ids"}]'
)

WORDS = ("Wombat", "Harbour", "Ledger", "Kestrel", "Quokka", "Tasman", "Mallee", "Orchard", "Lisboa", "Boronia", "Dingo")


class Round:
    """One round's random source and cases: ``CASES`` of (id, paste, the credentials in it)."""

    def __init__(self, seed: int, words: tuple[str, ...] = WORDS) -> None:
        self.random = random.Random(seed)
        self.words = words
        self.cases: list[tuple[str, str, list[str]]] = []

    def rnd(self, n: int, alphabet: str = A) -> str:
        return "".join(self.random.choice(alphabet) for _ in range(n))

    def picked(self, sep: str = "") -> str:
        """A password as a person picks one: two words and digits."""
        r = self.random
        return f"{r.choice(self.words)}{sep}{r.choice(self.words).lower()}{r.randint(10, 9999)}"

    def letters(self) -> str:
        """A password of two words in lower case, letters alone."""
        return f"{self.random.choice(self.words).lower()}{self.random.choice(self.words).lower()}"

    def jwt(
        self,
        aud: str = "https://api.acme.io",
        *,
        claim: str = "aud",
        alg: str = "HS256",
        kid: tuple[int, str] | None = None,
        sub: int = 12,
        sig: int = 43,
    ) -> str:
        """A signed JWT of random parts, drawn in this order: a key id in its header (``kid``: its length and alphabet),
        a subject of ``sub`` letters and digits, ``aud`` under the name ``claim``, an expiry, a signature of ``sig`` characters."""
        head = {"alg": alg, "typ": "JWT"}
        if kid:
            head["kid"] = self.rnd(*kid)
        body = {"sub": self.rnd(sub), claim: aud, "exp": self.random.randint(1700000000, 1800000000)}
        return f"{b64url(json.dumps(head, separators=(',', ':')))}.{b64url(json.dumps(body))}.{self.rnd(sig, URLSAFE)}"

    def case(self, cid: str, text: str, *secrets: str) -> None:
        self.cases.append((cid, text, list(secrets)))


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def b64url(text: str) -> str:
    """Base64url without its padding, as a JWT's parts are written."""
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")
