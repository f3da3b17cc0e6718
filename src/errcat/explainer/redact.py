"""Kept for imports written before the gate: redaction is :mod:`errcat.gate`'s ``screen``."""

from __future__ import annotations

from ..gate import FORMATS, screen

__all__ = ["FORMATS", "redact", "redact_report"]

redact_report = screen


def redact(text: str) -> tuple[str, int]:
    """The text with every credential replaced by ``[REDACTED]``, and how many were replaced."""
    r = screen(text)
    return r.text, r.hidden
