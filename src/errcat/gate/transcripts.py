"""Credentials in a terminal or a REPL's transcript: a variable echoed, a REPL evaluating a credential's name,
Expect's send after a password prompt, what a command naming or decoding a credential printed, and the new value a
tool printed after it set one."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .basics import Span, _checked, _inner, _lazy, _lowered, absent
from .fields import yaml_pair_value
from .nearby import _separated_value, _word_value
from .needles import _dense, _near_needles
from .words import _CREDENTIAL_WORD, _IN_NAME, _not_a_value

# A shell transcript's echo of a variable named for a credential (read -s PW, then echo $PW): the line
# after it is the value
_ECHOED = _lazy(
    rf"""(?:echo|printf)[ \t]+(?:-[ne][ \t]+|(['"])%s(?:\\n)?\1[ \t]+)?["']?\$\{{?[a-z0-9_]{{0,32}}(?:{_CREDENTIAL_WORD})
    [a-z0-9_]{{0,32}}\}}?["']?[ \t]*\r?\n(?P<val>[^\r\n]{{1,512}})""",
    re.VERBOSE,
)


def _echoed(text: str) -> Iterator[Span]:
    low = _lowered(text)
    if "$" not in text or ("echo" not in low and "printf" not in low):
        return
    for m in _ECHOED().finditer(low):
        value = text[m.start("val") : m.end("val")].rstrip()
        if not value.startswith(("$ ", "+ ", "# ", "> ")) and (
            span := _checked(text, m.start("val"), m.start("val") + len(value))
        ):
            yield Span(*span, "credential by name")


# An interactive shell's prompt evaluating a name that holds a credential (Python's >>>, IPython's In [n]:,
# irb and pry, node's >): the line after it, Out[n]: or => aside, is the value
_REPL = _lazy(
    rf"""[ \t]{{0,8}}(?:>>>|in[ ]\[\d{{1,6}}\]:|irb\([^)\n]{{0,40}}\)[^>\n]{{0,12}}>|pry\([^)\n]{{0,40}}\)[^>\n]{{0,12}}>|>
    |\((?:pdb|gdb|lldb|dlv)\)|db<\d{{1,6}}>  # the debuggers' prompts: pdb, gdb, lldb, Delve, perl -d
    |sql>|[a-z][a-z0-9_-]{{0,15}}(?:\(\d{{1,6}}\))?(?:=?>|=\#))  # ipdb>, iex(1)>, jshell>, scala>, user=> (Clojure), psql's db=>
    [ \t]{{1,4}}[^\n]{{0,128}}?(?P<name>(?:{_CREDENTIAL_WORD})[a-z0-9_]{{0,32}}+)['"\])]{{0,3}}[ \t]*\r?\n
    (?:out\[\d{{1,6}}\]:[ \t]*|=>[ \t]*)?(?P<val>[^\r\n]{{1,512}})""",
    re.VERBOSE,
)


def _repl_values(text: str) -> Iterator[Span]:
    """Matched from the start of each line holding a credential word (a prompt starts its line), never
    tried at every ">" of the text."""
    if ">" not in text and "]:" not in text and "#" not in text and ") " not in text:
        return
    low = _lowered(text)
    for first, last, hits in _near_needles(low):
        line_start = low.rfind("\n", max(0, first - 160), first) + 1
        if _dense(first, last, hits) or (line_start == 0 and first > 160):
            continue
        while line_start <= last:  # each line the stretch touches
            if (m := _REPL().match(low, line_start)) is not None and (span := _repl_value(text, m)):
                yield Span(*span, "credential by name")
            line_start = low.find("\n", line_start, last) + 1
            if not line_start:
                break


def _repl_value(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    value = text[m.start("val") : m.end("val")].rstrip()
    if value.startswith((">", "In [", "Traceback")) or "Error" in value or _not_a_value(m.group("name")):
        return None  # the next prompt, the error evaluating it, or token_type's value
    return _inner(value, m.start("val"))


# GitHub Actions' debug log of an expression (##[debug]Evaluating: env.DB_PASSWORD, its steps indented by dots, then
# "##[debug]=> '…'" and "##[debug]Result: '…'"): the runner masks its registered secrets ('***'), not an env's or a
# step output's value, which the two lines then show
_EVALUATING = _lazy(r"^(?P<prefix>[^\r\n]{0,40}?)evaluating: (?P<expr>[^\r\n]{1,256})\r?$", re.MULTILINE)
_EVALUATED = _lazy(r"(?:=>|result:)[ \t]{1,4}(?P<val>[^\r\n]{1,512}?)[ \t]*\r?$", re.MULTILINE)
_EVALUATION_LINES = 64  # lines of one expression's steps read for its result
_TIME_CHARS = " \t0123456789-:.tz"  # a raw log's time before the marker (2024-03-01t10:00:00.1234567z ##[debug])


def _evaluated(text: str) -> Iterator[Span]:
    if "valuating: " not in text and "VALUATING: " not in text:
        return
    low = _lowered(text)
    for m in _EVALUATING().finditer(low):
        if not _IN_NAME().search(m["expr"]) or _not_a_value(m["expr"].rstrip(")'\"")):
            continue
        pos, width, marker = m.end() + 1, len(m["prefix"]), m["prefix"].lstrip(_TIME_CHARS)  # (each line's own time)
        for _ in range(_EVALUATION_LINES):
            at = pos + width
            if not low.endswith(marker, pos, at) or low.startswith("evaluating: ", at):
                break  # another record, or the next expression
            r = _EVALUATED().match(low, at)  # (its own steps are indented: "..=> 'DB_PASSWORD'")
            if r is not None and (span := _inner(text[r.start("val") : r.end("val")], r.start("val"))):
                yield Span(*span, "credential by name")
            if r is not None and low.startswith("result:", at):
                break
            pos = low.find("\n", pos) + 1
            if not pos:
                break


# A lone value a transcript shows with nothing naming it: a shell's trace (bash -x) of an echo or a printf of one token,
# as "echo "$PW" | sudo -S …" prints its pipe's first command (+ echo <password>) on a line of its own; GitHub Actions'
# debug result of an expression ("##[debug]=> '…'", "##[debug]Result: '…'") whose "Evaluating:" line the paste cut off
# (with its line there, _evaluated judges the result by the expression it names: success()'s result stays)
_TRACED_ECHO = _lazy(
    r"^\+{1,8}[ \t](?:echo|printf)(?:[ \t]+-[ne]{1,3})?(?:[ \t]+(['\"]?)%s(?:\\n)?\1)?[ \t]+(['\"]?)"
    r"(?P<val>[^\s'\"|;&<>()$`]{8,128})\2[ \t]*\r?$",
    re.MULTILINE,
)
_DEBUG_RESULT = _lazy(
    r"^[^\r\n]{0,40}?##\[debug\]\.{0,16}(?:=>|result:)[ \t]{1,4}'(?P<val>[^'\s]{8,128})'[ \t]*\r?$", re.MULTILINE
)
_EVALUATION_REACH = 8192  # how far back an expression's "Evaluating:" line stands (its steps: _EVALUATION_LINES)
_TOKEN_SIGNS = frozenset("/\\.:=")  # a path's, a version's, a time's or a setting's


def _traced_values(text: str) -> Iterator[Span]:
    """A lone token a trace printed (see _TRACED_ECHO, _DEBUG_RESULT) when it mixes letters and digits as a password or
    a key does: not a commit's or an id's hex, a date, a version, a path, a name with its number (build-1234)."""
    low = _lowered(text)
    traced = "+ echo" in low or "+ printf" in low
    debug = "##[debug]" in low
    for pattern in (_TRACED_ECHO() if traced else None, _DEBUG_RESULT() if debug else None):
        for m in pattern.finditer(low) if pattern is not None else ():
            value = text[m.start("val") : m.end("val")]
            if pattern is _DEBUG_RESULT() and "evaluating: " in low[max(0, m.start() - _EVALUATION_REACH) : m.start()]:
                continue
            if _TOKEN_SIGNS.isdisjoint(value) and _separated_value(value) and not _HEX_ONLY().fullmatch(value):
                yield Span(*m.span("val"), "credential by position")


_HEX_ONLY = _lazy(r"[0-9a-fA-F]+")


# Tcl Expect: expect "password:" then send "...\r": the text sent is the password (found from each send line, the
# line before it read for expect and a credential prompt; never a pattern scanning on from every "expect")
_EXPECT_SEND = _lazy(r"^[ \t]{0,40}send[ \t]+(?:--[ \t]+)?\"([^\"\n]{1,256}?)(?:\\r|\\n)?\"", re.MULTILINE)
_EXPECT_PROMPT = _lazy(r"expect[ \t][^\n]{0,128}(?:assword|assphrase|asscode|pin|token)")


def _expect_sends(text: str) -> Iterator[Span]:
    low = _lowered(text)
    if "expect" not in low or "send" not in low:
        return
    for m in _EXPECT_SEND().finditer(low):
        line_start = low.rfind("\n", max(0, m.start() - 256), max(0, m.start() - 1)) + 1
        if _EXPECT_PROMPT().search(low, line_start, m.start()) and (span := _checked(text, *m.span(1))):
            yield Span(*span, "password flag")


# A shell's prompt and a command naming a credential or decoding one (printenv DB_PASS, $env:CLIENT_SECRET,
# terraform output -raw db_password, consul kv get app/password, … | base64 -d): the lines it printed that are one
# token each, up to the next prompt or a blank line
_COMMAND_LINE = _lazy(
    r"^[ \t]{0,8}(?:[$%#>][ \t]|PS[ \t][^\n>]{0,200}>[ \t]?|PS>[ \t]?|[A-Za-z]:\\[^\n>]{0,200}>"
    r"|[\w.@-]{1,64}[:~][^\n$#]{0,128}[$#][ \t])"  # sh, PowerShell, cmd, user@host:~$
    r"(?P<cmd>[^\r\n]{1,512})\r?\n",
    re.MULTILINE,
)
_DECODING = _lazy(r"base64[ \t]+(?:-d|-D|--decode)\b|openssl[ \t][^|\n]{0,64}-d\b|gpg[ \t][^|\n]{0,64}(?:-d|--decrypt)\b")
_OUTPUT_TOKEN = _lazy(r"[ \t]{0,8}(?P<val>[^\s{}\[\]<>\"]{4,512})[ \t]*\r?(?:\n|$)")
_OUTPUT_LINES = 4
# a subcommand that prints a credential, whatever the flags after it: macOS's security find-generic-password -s x -w,
# aws ecr get-login-password --region x, a tool's get-secret or show-token
_GETTER = _lazy(
    r"(?<![\w-])(?:find|get|print|show|read|reveal|fetch)-(?:[a-z]{1,20}-){0,3}(?:password|passwd|secret|token|credentials?)"
    r"(?![\w-])"
)


def _command_outputs(text: str) -> Iterator[Span]:
    """The credential a command printed: its last word names one (a command that sends one, curl -H
    "Authorization: …" https://…, prints the server's answer), or it decodes one. A lone word ("Unauthorized")
    or a JSON or XML body printed stays."""
    if "\n" not in text or absent(_COMMAND_LINE(), text):
        return  # (a command's line stands on one line: none in the distinct lines, none in the text)
    for m in _COMMAND_LINE().finditer(text):
        cmd = _lowered(m.group("cmd")).split()
        last = cmd[-1] if cmd else ""
        if not (_IN_NAME().search(last) or _DECODING().search(" ".join(cmd)) or _GETTER().search(" ".join(cmd[1:]))):
            continue
        if _not_a_value(last):
            continue
        pos = m.end()
        for _ in range(_OUTPUT_LINES):
            line = _OUTPUT_TOKEN().match(text, pos)
            if line is None or _COMMAND_LINE().match(text, pos):
                break
            value = line.group("val")
            word = value.isalpha() and (value.islower() or value.isupper() or value.istitle())
            if not word and (span := _checked(text, *line.span("val"))):
                yield Span(*span, "credential by name")
            pos = line.end()


# A value a tool printed after it set or reset a credential: Elasticsearch's "New value: …" after the line naming
# the password ("Password for the [elastic] user successfully reset."), a vault's "Value: …" under the secret's name
_NEW_VALUE = _lazy(
    r"^[ \t]{0,8}(?:(?:new|generated|temporary|initial|random|current|decrypted|plain(?:text)?|secret)[ \t]+)?value"
    r"[ \t]*[:=][ \t]*(?P<val>[^\s]{4,512})[ \t]*\r?$",
    re.MULTILINE | re.IGNORECASE,
)
_NEW_VALUE_ABOVE = 600  # characters above the value where the credential's name is looked for (a few lines)


def _new_values(text: str) -> Iterator[Span]:
    if "alue" not in text:
        return
    low = _lowered(text)
    for m in _NEW_VALUE().finditer(text):
        if yaml_pair_value(low, m.start()):
            continue  # "- key: service.name" then "value: checkout": its name says whether it is a credential
        if _IN_NAME().search(low, max(0, m.start() - _NEW_VALUE_ABOVE), m.start()) and (
            span := _inner(m.group("val"), m.start("val"))
        ):
            yield Span(*span, "credential by name")


# A new credential a chat gives without its name, the credential named or its reset told above: "I reset it, the new one
# is …", "changed it to …"
_SAID_NEW = _lazy(
    r"\b(?:(?P<one>(?:the|my|your|our)[ \t]+new[ \t]+one[ \t]+(?:is|=|:))|(?:changed|set|reset|updated|rotated)[ \t]+it[ \t]+to)"
    r"[ \t]{1,4}(?P<val>[^\s'\",;)}\]<>]{8,128}+)"
)
_RESET = _lazy(r"\b(?:reset|rotated?|changed?|regenerated?|renewed?)\b")
_SAID_ABOVE = 240  # characters before the value where the credential's name or its reset is looked for (a line or two)
# ... or after it, in its sentence: "I set it to … for the admin password", "the new one is … (the API key)"
_SENTENCE_END = _lazy(r"[.!?](?:\s|$)|\n")
_SAID_AFTER = 80
# "use … as the new password": the value, then the credential it is used as (the last word of its phrase)
_USED_AS = _lazy(
    r"\buse[ \t]{1,4}(?P<val>[^\s'\",;)}\]<>]{8,128}+)[ \t]{1,4}as[ \t]{1,4}(?:(?:the|a|an|my|our|your|their)[ \t]{1,4})?"
    r"(?:new[ \t]{1,4})?(?:(?:api|access|secret|private|client|app|account|admin|root|db|database)[ \t_-]?(?:key|token|secret"
    r"|password)|password|passphrase|passcode|pwd|secret|token|pin|(?<=new[ \t])key)s?"  # (a bare key: a new one)
    r"(?=[ \t]{0,4}(?:$|[^a-z0-9_ \t-]|(?:for|from|on|in|at|now|today|until|please|and|so|instead|going|if|when|then|but|too"
    r"|again)\b))"  # (its phrase ends there: not "as the token scheme")
)


def _said_new_values(text: str) -> Iterator[Span]:
    low = _lowered(text)
    if "new one" in low or " it to " in low:
        for m in _SAID_NEW().finditer(low):
            above = max(0, m.start() - _SAID_ABOVE)
            named = _IN_NAME().search(low, above, m.start()) or (m.group("one") and _RESET().search(low, above, m.start()))
            named = named or _named_after(low, m.start("val") + len(m["val"].rstrip(".!?")))  # (its full stop aside)
            named = named or _typed_random(text[m.start("val") : m.end("val")].rstrip(".!?"))
            if named and (span := _word_value(text, m, prompt=False)):
                yield Span(*span, "credential by name")
    if "use " in low and " as " in low:
        for m in _USED_AS().finditer(low):
            if span := _word_value(text, m, prompt=False):
                yield Span(*span, "credential by name")


_CLASS_RUN = _lazy(r"[a-z]+|[A-Z]+|[0-9]+")
_TITLE_WORD = _lazy(r"[A-Z][a-z]{3}")  # a word of an identifier or a product's name ("k8sNodePool2", "iPhone15Pro")


def _typed_random(value: str) -> bool:
    """A value set with no credential named that is one all the same: short, but of lower and upper case and digits
    mixed at every other character or so ("I set it to Hx7qP2vLm9"), as no setting's value, version or name is."""
    if not 8 <= len(value) <= 64 or not value.isascii() or _TITLE_WORD().search(value):
        return False
    runs = _CLASS_RUN().findall(value)
    classes = {r[0].isdigit() or (r[0].isupper() and 2) for r in runs}  # (0: lower, 1 (True): digit, 2: upper)
    return len(classes) == 3 and len(runs) >= 5 and len(runs) * 2 >= sum(map(len, runs))


def _named_after(low: str, at: int) -> bool:
    """Whether the credential is named after its value, before its sentence ends."""
    end = _SENTENCE_END().search(low, at, at + _SAID_AFTER)
    return _IN_NAME().search(low, at, end.start() if end else at + _SAID_AFTER) is not None
