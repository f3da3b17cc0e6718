"""One exception base for everything errcat reports to a user, each with its exit code."""

import re
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

EXIT_OK = 0
EXIT_NOT_FOUND = 1  # nothing found / catalog invalid in `validate` / stale pages in `docs --check`
EXIT_USAGE = 2  # bad arguments or unusable input
EXIT_INVALID_CATALOG = 3  # a catalog in use could not be loaded


MESSAGE_CHARS = 1000  # a message quoting input (a 3 MB string given as vendor=) is cut in the middle past this


class ErrcatError(Exception):
    """Base of every error errcat reports; the CLI prints ``str(self)`` and exits ``exit_code``. A
    message longer than MESSAGE_CHARS is cut in the middle: the API's caller logs it as the CLI
    prints it, never a whole paste given where a name belongs."""

    exit_code = EXIT_USAGE

    def __init__(self, *args: object) -> None:
        if len(args) == 1 and isinstance(args[0], str) and len(args[0]) > MESSAGE_CHARS:
            message = args[0]
            args = (f"{message[:700]} … ({len(message) - 900:,} characters left out) … {message[-200:]}",)
        super().__init__(*args)


class ScanInterrupted(KeyboardInterrupt):
    """Ctrl-C during a scan read in this process, with the report of what was read before it: ``yes ... | errcat scan -``
    (an input that never ends) stopped by Ctrl-C printed nothing, and the user lost all it had read (hostile40's
    leftover). Still a KeyboardInterrupt: a program calling the API stops as it did."""

    def __init__(self, report: Any, said: str) -> None:  # a scan.summary.ScanReport
        super().__init__(said)
        self.report = report


class UsageError(ErrcatError):
    """Arguments or input the user can correct."""

    exit_code = EXIT_USAGE


def check_vendor(vendor: str | None, known: Iterable[str]) -> str | None:
    """The vendor id in lower case; a name the catalog does not know is a UsageError listing those it
    does, the name echoed through the exit gate (a secret typed there is not printed back)."""
    if vendor is None:
        return None
    if not isinstance(vendor, str):
        raise UsageError(f"a vendor is given by its id (text), not {type(vendor).__name__}")
    names = sorted(known)
    if vendor.lower() not in names:
        import difflib

        from .gate import shown_within  # here: only an unknown vendor pays for the gate

        close = difflib.get_close_matches(vendor.lower(), names, n=1) if len(vendor) <= 64 else []  # (a typo is short)
        hint = f"; did you mean {close[0]}?" if close else ""
        said = quoted_name(vendor, lambda v: shown_within(v, MESSAGE_CHARS), quote=True)
        raise UsageError(f"unknown vendor {said} (known: {', '.join(names)}){hint}")
    return vendor.lower()


# A name as a user types one: words of letters, a few digits at most ("sage50", "Xero", "quick books"). Anything else
# given where a vendor's name belongs (a 32-hex key pasted into --vendor, an MCP argument filled with a token) is not
# quoted back unless the exit gate hid what it holds: the gate hides the shapes it knows, and a bare hex or base64 key
# has none it can tell from an id.
_NAME_SHAPED = re.compile(r"[A-Za-z][A-Za-z .&_-]{0,38}[0-9]{0,4}")
# ...of words a person writes: none longer than 20 letters, none with case changing more than twice inside it
# ("QuickBooks"); a random base64 key without digits ("msp_zciZYrcakXeaLwrtlnXpLMcmVmSN") has both
_NAME_WORD = re.compile(r"[A-Za-z]{1,20}")
_CASE_TURN = re.compile(r"[a-z][A-Z]")


def _name_shaped(value: str) -> bool:
    if not _NAME_SHAPED.fullmatch(value):
        return False
    words = re.split(r"[ .&_-]+", value.rstrip("0123456789"))
    return all(not w or (_NAME_WORD.fullmatch(w) and len(_CASE_TURN.findall(w)) <= 2) for w in words)


def quoted_name(value: str, shown: Callable[[str], str], quote: bool = False) -> str:
    """A name the catalog does not know, for a message: as the exit gate (``shown``) shows it (in quotes with
    ``quote``) when it is shaped as a name or the gate hid something in it; else only its length."""
    said = shown(value)
    if said != value or _name_shaped(value):
        return repr(said) if quote else said
    return f"<{len(value):,} characters, not shaped as a name: not shown>"


class Problem(NamedTuple):
    """One finding of a catalog check, reported as ``file:line: CODE name: message``."""

    file: str
    line: int
    code: str
    name: str
    message: str
    level: str = "error"  # or "warning" / "info": reported but not failing

    def __str__(self) -> str:
        """The line printed, its message through the gate: a schema message quotes the value it refuses
        (a token put where a status belongs: "'ghp_…' is not of type 'integer'")."""
        from .gate import shown
        from .text import visible_line  # a file name or a quoted value may hold a newline or an escape

        return visible_line(f"{self.file}:{self.line}: {self.code} {self.name}: {shown(self.message)}")


class CatalogError(ErrcatError):
    """A catalog file could not be loaded; carries every problem found, not just the first."""

    exit_code = EXIT_INVALID_CATALOG

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        first = problems[0] if problems else None
        more = f" (and {len(problems) - 1} more; run `errcat validate`)" if len(problems) > 1 else ""
        super().__init__(f"invalid catalog: {first}{more}")
