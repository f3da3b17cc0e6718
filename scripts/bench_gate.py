"""Time the exit gate (errcat.gate.screen) on pastes at the 2 MB paste cap, hostile and ordinary.

    python scripts/bench_gate.py            # median of 3 runs each; exit 1 if a paste takes over 1 s of CPU

The hostile pastes are issue 29's: rules that were quadratic took 3-111 s on them. Figures are
CPU seconds of this process (the machine may be shared: wall time is printed beside them).
"""

from __future__ import annotations

import json
import random
import statistics
import string
import sys
import time

from errcat.gate import screen

CAP = 2 * 1024 * 1024
TARGET_CPU_S = 1.0


def fill(unit: str) -> str:
    return (unit * (CAP // len(unit) + 1))[:CAP]


def ordinary() -> str:
    """A 2 MB log of JSON lines with ids, URLs and a credential here and there (generated)."""
    rnd = random.Random(29)
    alnum = string.ascii_letters + string.digits
    lines = []
    while sum(map(len, lines)) < CAP:
        rec = {
            "ts": "2026-11-03T10:00:00.123Z",
            "level": rnd.choice(["info", "error"]),
            "url": f"https://api.myob.com/accountright/{rnd.getrandbits(128):032x}/Sale/Invoice",
            "msg": rnd.choice(["Date cannot be prior to beginning of financial year", "Access token has expired"]),
        }
        if rnd.random() < 0.1:
            rec["access_token"] = "".join(rnd.choice(alnum) for _ in range(40))
        lines.append(json.dumps(rec) + "\n")
    return "".join(lines)[:CAP]


PASTES = {
    "PEM BEGIN lines without an END": lambda: fill("-----BEGIN PRIVATE KEY-----\n"),
    ";password= repeated": lambda: fill(";password="),
    '"token": " repeated': lambda: fill('"token": "'),
    '\\"token\\" repeated': lambda: fill('\\"token\\"'),
    "<secret> repeated": lambda: fill("<secret>"),
    "pipe table header, rule and row repeated": lambda: fill("| a | password |\n|---|---|\n| b | c |\n"),
    "golang oauth2 token errors repeated": lambda: fill('oauth2: cannot fetch token: 400 Bad Request\nResponse: {"a": 1}\n'),
    "ordinary JSON-lines log": ordinary,
}


def main() -> int:
    worst = 0.0
    print("| paste (2 MB) | CPU | wall |\n|---|---:|---:|")
    for name, make in PASTES.items():
        text = make()
        cpu, wall = [], []
        for _ in range(3):
            c, w = time.process_time(), time.perf_counter()
            screen(text)
            cpu.append(time.process_time() - c)
            wall.append(time.perf_counter() - w)
        worst = max(worst, statistics.median(cpu))
        print(f"| {name} | {statistics.median(cpu):.2f} s | {statistics.median(wall):.2f} s |")
    ok = worst <= TARGET_CPU_S
    print(f"\n{'PASS' if ok else 'MISS'}  slowest {worst:.2f} s CPU (target ≤ {TARGET_CPU_S:.0f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
