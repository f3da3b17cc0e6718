"""Every pass of the gate over one text, in order: each finds the spans of one kind of secret (see the modules it
imports); the screen merges what they found."""

from __future__ import annotations

import binascii
import re
from collections.abc import Iterator

from .basics import Span, _grouped, _lazy, _lowered
from .dumps import (
    _byte_lists,
    _dumped_bytes,
    _listed_credentials,
    _php_serialized,
    _placed_values,
    _plain_hex_dumps,
    _terraform_values,
)
from .fields import _element_pairs, _labelled_blocks, _name_fields
from .formats import _formats, _private_keys, _putty_keys
from .named import _named
from .nearby import (
    _after_word,
    _commented_values,
    _grouped_and_numbered,
    _name_lines,
    _next_line_words,
    _next_lines,
    _pairs_alone,
    _quoted_passphrases,
    _said_colon_pairs,
    _separated_values,
    _tagged_values,
    _typed_and_aligned,
    _users_and_passwords,
    _values_before_names,
)
from .passwords import _cjk_glued, _dotted_passwords, _signed_passwords, _wrapped_after_word
from .phrases import _codes, _passphrases, _said_digits, _said_phrases, _sentence_codes, _spaced_labels, _used_as_password
from .places import (
    _PATH_SECRET,
    _WEBHOOK,
    _WEBHOOK_HINTS,
    _access_log_users,
    _account_pairs,
    _added_masks,
    _bare_userinfo,
    _encoded_pairs,
    _headers,
    _login_pairs,
    _netrc_entries,
    _oauth_codes,
    _oracle_logins,
    _query_hex,
    _url_userinfo,
)
from .pointed import (
    _after_file_flags,
    _env_fallbacks,
    _flags_alone,
    _ldap_simple_binds,
    _mysql_handshakes,
    _pointed_arguments,
    _redis_auth,
    _secret_calls,
)
from .positions import _SASL_PASSWD, _lone_pairs, _paired_values, _positional, _struct_fields
from .shapes import _random_tokens
from .tables import _html_cells, _one_column_tables, _table_columns
from .transcripts import (
    _command_outputs,
    _echoed,
    _evaluated,
    _expect_sends,
    _new_values,
    _repl_values,
    _said_new_values,
    _traced_values,
)
from .words import may_name_credential


def _spans(text: str) -> Iterator[Span]:
    yield from _private_keys(text)
    yield from _putty_keys(text)
    yield from _formats(text)
    yield from _named(text)
    yield from _name_fields(text)
    yield from _element_pairs(text)
    yield from _labelled_blocks(text)
    yield from _next_lines(text)
    yield from _tagged_values(text)
    yield from _after_word(text)
    yield from _quoted_passphrases(text)
    yield from _values_before_names(text)
    yield from _commented_values(text)
    yield from _users_and_passwords(text)
    yield from _pairs_alone(text)
    yield from _said_colon_pairs(text)
    yield from _headers(text)
    yield from _url_userinfo(text)
    yield from _bare_userinfo(text)
    yield from _encoded_pairs(text) if ":" in text else ()
    yield from _login_pairs(text)
    yield from _account_pairs(text)
    yield from _netrc_entries(text)
    yield from _oracle_logins(text)
    yield from _expect_sends(text)
    yield from _grouped(_SASL_PASSWD(), text, 1, "credential by position") if "[" in text else ()
    yield from _table_columns(text)
    yield from _one_column_tables(text)
    yield from _html_cells(text)
    yield from _grouped(_PATH_SECRET(), _lowered(text), 1, "credential in a URL path") if "/" in text else ()
    yield from _positional(text)
    yield from _php_serialized(text)
    yield from _terraform_values(text)
    yield from _echoed(text)
    yield from _repl_values(text)
    yield from _evaluated(text)
    yield from _traced_values(text)
    yield from _lone_pairs(text)
    yield from _struct_fields(text)
    yield from _query_hex(text)
    if any(h in _lowered(text) for h in _WEBHOOK_HINTS):
        yield from _grouped(_WEBHOOK(), text, 1, "webhook URL")
    yield from _oauth_codes(text)
    yield from _random_tokens(text)
    yield from _signed_passwords(text)
    yield from _command_outputs(text)
    yield from _placed_values(text)
    yield from _typed_and_aligned(text)
    yield from _paired_values(text)
    yield from _separated_values(text)
    yield from _dumped_bytes(text)
    yield from _plain_hex_dumps(text)
    yield from _byte_lists(text)
    yield from _listed_credentials(text)
    yield from _new_values(text)
    yield from _said_new_values(text)
    yield from _grouped_and_numbered(text)
    yield from _next_line_words(text)
    yield from _name_lines(text)
    yield from _dotted_passwords(text)
    yield from _wrapped_after_word(text)
    yield from _cjk_glued(text)
    yield from _access_log_users(text)
    yield from _flags_alone(text)
    yield from _pointed_arguments(text)
    yield from _secret_calls(text)
    yield from _after_file_flags(text)
    yield from _redis_auth(text)
    yield from _ldap_simple_binds(text)
    yield from _env_fallbacks(text)
    yield from _mysql_handshakes(text)
    yield from _added_masks(text)
    yield from _hex_wrapped(text)
    yield from _codes(text)
    yield from _sentence_codes(text)
    yield from _spaced_labels(text)
    yield from _said_digits(text)
    yield from _passphrases(text)
    yield from _said_phrases(text)
    yield from _used_as_password(text)


# A run of hex digits that is text written in hex (a body or a header logged as bytes.hex(), "0x7b22…"): the gate reads
# the text it spells, and hides the run whole when that text holds a secret ("password=…" in hex shows the password to
# anyone who reads hex). Ids and digests in hex spell no text (their bytes are not all printable): they stay
# (a printable byte's first hex digit is 2 to 7, or it is a tab or a line break: the pattern's first digits find a run at
# a fraction of the cost of any hex digit; the run's ends are checked after it, "0x" allowed before it)
_HEX_RUN = _lazy(r"[2-7][0-9a-fA-F](?:[2-7][0-9a-fA-F]|0[9adAD]){11,8191}")
_HEX_DIGITS = _lazy(r"[0-9a-fA-F]*")
_HEX_DIGIT = frozenset("0123456789abcdefABCDEF")
# the same text's bytes spaced or joined by colons or commas ("70 61 73 73 …", Wireshark's "70:61:73:73"), listed as a C
# array or Python's hex() list ("0x70, 0x61, …"), written in UTF-16 (a Windows string's bytes: "7000610073007300…", each
# character's byte then a zero byte) or in decimal, as Go's []byte and Python's list(b"…") print them ("[112 97 115 …]").
# Each opens with a character class or a literal, so the regex engine skips to where one may start at C speed
_HEX_BYTE = r"(?:[2-7][0-9a-fA-F]|0[9adAD])"
_SEP = r"(?:[ :]|,[ \t]?)"
_SPACED_HEX_RUN = _lazy(rf"[2-7][0-9a-fA-F]{_SEP}(?:{_HEX_BYTE}{_SEP}){{10,8190}}{_HEX_BYTE}")
_LISTED_HEX_RUN = _lazy(rf"0x[2-7][0-9a-fA-F](?:(?:,[ \t]?|[ \t])0x{_HEX_BYTE}){{11,8191}}")
_WIDE_HEX_RUN = _lazy(rf"[0-7][0-9a-fA-F]00(?:{_HEX_BYTE}00){{11,4095}}")
_DECIMAL_RUN = _lazy(r"(?:1[01]\d|12[0-6]|[3-9]\d)(?:(?:,[ \t]?|[ \t])(?:1[01]\d|12[0-6]|[3-9]\d|9|10|13)){11,8191}(?![\d.])")
_NOT_HEX = _lazy(r"0x|[ \t:,]")
_TEXT_BYTES = frozenset(range(32, 127)) | {9, 10, 13}
_AS_TEXT = bytes(b if b in _TEXT_BYTES else 32 for b in range(256))  # any other byte read as a blank
_HEX_REACH = 16384  # hex digits read on each side of a printable stretch, in a longer run of hex


def _hex_wrapped(text: str) -> Iterator[Span]:
    """Each run of hex digits holding text (see _HEX_RUN) read whole, the bytes around its printable stretches as blanks:
    a body that opens with a line break or a tab ("0a7b22…"), or holds a letter past ASCII ("Sessão") or a control byte,
    split the run, and each stretch after the first was left as "a piece of a longer run", its password shown."""
    if len(text) < 24:
        return
    yield from _byte_runs(text)
    done = 0
    for m in _HEX_RUN().finditer(text):
        if m.start() < done:
            continue  # (in a run read whole already)
        first, last = _hex_bounds(text, m.start(), m.end())
        done = last
        if (m.start() - first) % 2 or (last - first) % 2 or not _hex_ends_apart(text, first, last):
            continue  # (a piece of a word, or digits not in pairs)
        if not any(65 <= b <= 122 for b in binascii.unhexlify(m[0])):
            continue  # (digits and signs alone)
        spelled = binascii.unhexlify(text[first:last]).translate(_AS_TEXT).decode("ascii")
        if not _HEX_RUN().search(spelled) and any(_spans(spelled)):  # (never hex in hex: one level is read)
            yield Span(first, last, "credential in hex")


def _hex_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the run of hex digits around text[start:end] starts and ends, up to _HEX_REACH digits on either side."""
    first = start
    while first > max(0, start - _HEX_REACH) and text[first - 1] in _HEX_DIGIT:
        first -= 1
    last = _HEX_DIGITS().match(text, end, end + _HEX_REACH)
    return first, last.end() if last else end


def _hex_ends_apart(text: str, first: int, last: int) -> bool:
    """Whether a run of hex digits stands apart: no letter or digit before it (but "0x") or after it."""
    before = text[first - 1 : first]
    return (
        not (before.isalnum() and not (before in "xX" and text[first - 2 : first - 1] == "0"))
        and not text[last : last + 1].isalnum()
    )


def _byte_runs(text: str) -> Iterator[Span]:
    """Text written as spaced, listed, UTF-16 or decimal bytes (see _SPACED_HEX_RUN and the runs after it), read only
    when the text it spells names a credential: lists of numbers are everywhere in logs."""
    runs = [_SPACED_HEX_RUN(), _DECIMAL_RUN()] if " " in text or ":" in text or "," in text else []
    runs += [_LISTED_HEX_RUN()] if "0x" in text else []
    runs += [_WIDE_HEX_RUN()] if "00" in text else []
    for run in runs:
        for m in run.finditer(text):
            start, end = m.span()
            if not _hex_ends_apart(text, start, end) or (text[start - 1 : start] == "." and run is _DECIMAL_RUN()):
                continue  # (a piece of a longer run, of a word, or a number's decimals)
            data = _run_bytes(run, m[0])
            if not _TEXT_BYTES.issuperset(data) or not any(65 <= b <= 122 for b in data) or not may_name_credential(data):
                continue  # (an id, a digest: random bytes; or text naming no credential)
            spelled = data.decode("ascii")
            if not _HEX_RUN().search(spelled) and any(_spans(spelled)):  # (never hex in hex: one level is read)
                yield Span(start, end, "credential in hex")


def _run_bytes(run: re.Pattern[str], found: str) -> bytes:
    """The bytes a run of spaced, listed, UTF-16 hex digits or decimal numbers writes."""
    if run is _DECIMAL_RUN():
        return bytes(int(n) for n in _NOT_HEX().split(found) if n)
    data = binascii.unhexlify(found if run is _WIDE_HEX_RUN() else _NOT_HEX().sub("", found))
    return data[::2] if run is _WIDE_HEX_RUN() else data
