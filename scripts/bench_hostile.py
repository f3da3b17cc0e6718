"""Time explain (and scan) on pastes at the 2 MB paste cap made of one fragment repeated (issue 29).

    python scripts/bench_hostile.py                  # every fragment through the explain API, 2 MB
    python scripts/bench_hostile.py --scan           # the same fragments as 1 MB log lines through scan
    python scripts/bench_hostile.py --regex          # every module-level pattern on 5 KB and 20 KB repeats
    python scripts/bench_hostile.py --only 'a\\n'    # fragments whose repr contains this text

A fragment repeated to the cap is the worst case of most patterns: a pattern that re-scans ahead of
every start shows up as a super-linear time. The target is issue 29's: each paste <= 1 s. Figures are
CPU seconds of this process (time.process_time), not wall time: the machine may be shared, and
another process's load slows the wall clock, not the CPU work this one does. Exit 1 on a miss.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import pkgutil
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from errcat import ErrorCatalog

CAP = 2 * 1024 * 1024
TARGET_CPU_S = 1.0

# One fragment per shape a pattern family looks for, each repeated to the cap. Grouped by the family
# of patterns it provokes; a fragment is the opening of a shape (or a whole small one) with no end.
FRAGMENTS: dict[str, tuple[str, ...]] = {
    "json": ('{"a": "', '"a": "', '{"errors":[', '{"code":1,"message":"x"},', "{", "[", '"', '{"a":'),
    "xml": ("<errors>", "<errors><error><![CDATA[", "<a>", "</a>", "<a x='", '<?xml version="1.0"?>'),
    "print_r": ("[a] => x ", "[a:protected] => ", "Array\n(\n", "[", "=> "),
    "var_dump": ("'a' => int 1\n", "'a' => string '", '["a"]=>\n  string(1) "x"\n', "array(1) {\n", "string(3) "),
    "var_export": ("'a' => 'x',\n", "array (\n"),
    "yaml/vcr": ("a: b\n", "--- ", "- request:\n    method: GET\n", "interactions:\n", "  status: {code: 400}\n", "- "),
    "har": ('"log": {"entries": [', '{"response": {"status": 400, '),
    "status lines": ("HTTP/1.1 400 Bad Request\n", "400 Client Error: ", "< HTTP/1.1 400 ", "HTTP 400 "),
    "headers": ("X-Request-Id: abc\n", "Authorization: Bearer ", "a: "),
    "curl -v": ("> GET /a HTTP/1.1\n", "< x: y\n", "* Trying 1.2.3.4...\n", "curl -X POST "),
    "exceptions": (
        'Traceback (most recent call last):\n  File "a.py", line 1, in f\n',
        "requests.exceptions.HTTPError: ",
        "\tat com.a.B.c(B.java:1)\n",
        "Caused by: ",
        "   at A.B.C() in x.cs:line 1\n",
        "System.Exception: ",
    ),
    "client wordings": (
        "400, message='Bad Request', url='",
        "Response{protocol=h2, code=400, message=, url=",
        "a status code of 400 and ",
        "status code BadRequest ",
        "{'errors': [{'error': '",
        " (truncated...)\n",
        'oauth2: cannot fetch token: 400 Bad Request\nResponse: {"a": 1}\n',  # golang.org/x/oauth2: a name every 63
    ),
    "log prefixes": ("2026-01-01T00:00:00Z ERROR ", "[ERROR] ", "ERROR "),
    "secrets": (
        ";password=",
        "<secret>",
        "-----BEGIN PRIVATE KEY-----\n",
        "Bearer ",
        "api_key=",
        "https://u:p@",
        "a@",
        "eyJ",
        "-eyJ",
        "eyJaaaa.",
        "AUTH a b\n",  # Redis AUTH user password lines: a line-anchored rule tried at each line
        "bundle_" + "_" * 300 + " ",  # Bundler's BUNDLE_<HOST> rule before its rewrite: 253 x 253 steps a run
    ),
    # secrets30's shapes: a sentence naming whose password, Rust's Some(, the AWS CLI's shorthand, "user:password" given
    # to base64, Oracle's user/password, a flag at a line's start, a port before a path, a call's positional password
    "secrets30": (
        "a chave da API \u00e9 ",
        "password of the admin ",
        "password: Some(",
        "Key=password,Value=",
        "base64 'a:b' ",
        "expdp a/",
        "--user a:",
        "23000/",
        "pymysql.connect('a', ",
        ":basic, 'a', ",
        "contrasena actual = ",
        "WARN Problem loading core: ",
    ),
    # secrets37's passes: text as spaced, listed, wide or decimal bytes, bare bytes after a name, "name:: ", an SNMP
    # community, a one-time code or a PIN said in a sentence
    "secrets37": (
        "70 ",
        "0x70, ",
        "112, ",
        "7000",
        "key: 92 ",
        "pwd:: ",
        "community: a\n",
        "the code from the app was 482913 ",
        "my PIN is 4821, ",
        "admin:Kw7pRt2xLq9 returns 401 ",  # a colon pair in a sentence of a refusal (gate.nearby._said_colon_pairs)
    ),
    # secrets39's passes: a Terraform state's sensitive attributes and generated result, a password under the line
    # that announces it, a log level after "auth:", a name element and its value element, a command printing a
    # credential, radtest's and NickServ's password by position, a password set by security, consul kv put and Junos
    "secrets39": (
        '"sensitive_attributes":["get_attr","value":"a",',
        '"random_string" "result": "',
        "password for the user a:\n",
        "auth: Debug: ",
        "<key>a</key><value>",
        "$ x get-password\n",
        "radtest -t a ",
        "nickserv identify a ",
        "consul kv put a ",
        "security add-generic-password -w ",
        "plain-text-password-value a ",
    ),
    "key=value": ("a=b ", "a=", "&a=b"),
    "tables": ("| a | password |\n|---|---|\n| b | c |\n",),  # a pipe table: a cell under a credential's header
    "escapes": ("\\", "\\u", '\\"', '\\"token\\"', "%2", "&amp;", "\\n"),
    "lines": ("a\n", "\n", " ", "a", "a ", "ab1", "\t", ":", "|", "-", ". ", "\u00e9"),
}


def all_fragments() -> list[str]:
    """Every fragment once, in family order."""
    return list(dict.fromkeys(f for group in FRAGMENTS.values() for f in group))


def fill(fragment: str, size: int) -> str:
    """``fragment`` repeated to ``size`` characters (all fragments but two are ASCII: characters ~ bytes)."""
    return (fragment * (size // len(fragment) + 1))[:size]


def cpu_seconds(run: Callable[[], object]) -> float:
    """CPU time of this process spent in ``run`` (not wall time: the machine may be shared)."""
    started = time.process_time()
    run()
    return time.process_time() - started


def explain_cpu(fragment: str, size: int = CAP, catalog: ErrorCatalog | None = None) -> float:
    """CPU seconds of one explain API call on ``fragment`` repeated to ``size``."""
    import errcat

    if catalog is None:
        catalog = errcat.open_catalog(use_env=False)
        catalog.explain("warm up")  # the index and lazily compiled patterns load once, untimed
    text = fill(fragment, size)

    def run() -> None:
        with contextlib.suppress(errcat.ErrcatError):  # blank input is refused in one line: an answer too
            catalog.explain(text)

    return cpu_seconds(run)


# A log line that concerns a vendor (its API's host), so scan explains it rather than counting it
# as another program's error; the fragment fills the rest of the line.
SCAN_PREFIX = "2026-01-01T00:00:00Z ERROR POST https://api.myob.com/accountright/x/Sale/Invoice -> 400 "
MAX_LINE = (1 << 20) - 1  # scan skips a longer line (and says so): the longest it reads


def scan_log(fragment: str, size: int, lines: int) -> str:
    """``lines`` log lines of ``size`` characters each: the prefix, then ``fragment`` repeated."""
    line = SCAN_PREFIX + fill(fragment.replace("\n", " "), size - len(SCAN_PREFIX))
    return (line + "\n") * lines


def scan_cpu(fragment: str, folder: Path, size: int = MAX_LINE, lines: int = 3, catalog: ErrorCatalog | None = None) -> float:
    """CPU seconds of a one-worker scan of ``lines`` log lines of ``fragment`` repeated to ``size``."""
    import errcat

    log = folder / "hostile.log"
    log.write_text(scan_log(fragment, size, lines), encoding="utf-8")
    catalog = catalog or errcat.open_catalog(use_env=False)
    return cpu_seconds(lambda: catalog.scan([str(log)], workers=1))


def module_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """Every pattern errcat holds at module level: compiled ones, lazily compiled ones (errcat.gate's
    ``_lazy``), rules carrying a ``regex``, and those inside module-level tuples, lists and dicts."""
    import errcat

    for info in pkgutil.walk_packages(errcat.__path__, "errcat."):
        if info.name.endswith("__main__"):  # running it is the CLI
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional extra not installed
            continue
        for attr, value in vars(module).items():
            yield from _patterns_in(f"{info.name}.{attr}", value, 2)


def _patterns_in(name: str, value: object, depth: int) -> Iterator[tuple[str, re.Pattern[str]]]:
    wrapped = getattr(value, "__wrapped__", None)
    if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
        yield name, value
    elif isinstance(wrapped, functools.partial) and wrapped.func is re.compile:
        yield name, wrapped()
    elif isinstance(getattr(value, "regex", None), str) and isinstance(value, tuple):
        yield name, re.compile(value.regex, getattr(value, "flags", 0))  # type: ignore[attr-defined]
    elif depth and isinstance(value, (tuple, list, dict)):
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            yield from _patterns_in(f"{name}[{key!r}]", item, depth - 1)


def regex_sweep(fragments: list[str], small: int = 5_000, large: int = 20_000, floor: float = 0.02) -> list[str]:
    """Patterns whose time on a 4x longer repeat grows clearly faster than 4x (and is not tiny)."""
    found = []
    seen: set[tuple[str, int]] = set()
    for name, pattern in module_patterns():
        if (pattern.pattern, pattern.flags) in seen:
            continue
        seen.add((pattern.pattern, pattern.flags))
        for fragment in fragments:
            t_small = cpu_seconds(lambda p=pattern, f=fragment: sum(1 for _ in p.finditer(fill(f, small))))
            if t_small > 0.5:
                found.append(f"{name} on {fragment!r}: {t_small:.2f} s at {small:,} (not tried larger)")
                continue
            t_large = cpu_seconds(lambda p=pattern, f=fragment: sum(1 for _ in p.finditer(fill(f, large))))
            if t_large > floor and t_large > 8 * max(t_small, 1e-4):
                times = f"{t_small * 1000:.1f} ms at {small:,}, {t_large * 1000:.1f} ms at {large:,}"
                found.append(f"{name} on {fragment!r}: {times}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scan", action="store_true", help="time scan on 3 log lines of (just under) 1 MiB each")
    parser.add_argument("--regex", action="store_true", help="time every module-level pattern on short repeats")
    parser.add_argument("--only", help="only fragments whose repr contains this text")
    parser.add_argument("--size", type=int, default=CAP, help="paste size in characters (default: the 2 MiB cap)")
    args = parser.parse_args()
    fragments = [f for f in all_fragments() if args.only is None or args.only in repr(f)]
    if args.regex:
        found = regex_sweep(fragments)
        print("\n".join(found) or "no module-level pattern grows faster than linearly on these fragments")
        return 1 if found else 0
    worst = 0.0
    # scan reads 3 lines of 1 MiB: held to the paste's rate (1 s per 2 MiB), 1.5 s
    target = TARGET_CPU_S * (3 * MAX_LINE / CAP if args.scan else 1)
    print(f"| fragment | {'scan 3 x 1 MiB lines' if args.scan else 'explain 2 MiB'} CPU |\n|---|---:|")
    for fragment in fragments:
        if args.scan:
            import tempfile

            with tempfile.TemporaryDirectory() as folder:
                took = scan_cpu(fragment, Path(folder))
        else:
            took = explain_cpu(fragment, args.size)
        worst = max(worst, took)
        print(f"| {fragment!r} | {took:.2f} s{' MISS' if took > target else ''} |", flush=True)
    ok = worst <= target
    print(f"\n{'PASS' if ok else 'MISS'}  slowest {worst:.2f} s CPU (target <= {target:.1f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
