"""Score `errcat explain` on real-paste corpora (JSON lines, as ../shared/pastes/README.md describes).

Prints each failing case and a summary: cases passed, false claims, leaks.
Usage: python scripts/score_pastes.py [CORPUS.jsonl ...] [-v]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from corpus import DEV_CORPUS, OWN_CORPUS, load_cases, score_case  # the tests folder is not a package


def main(argv: list[str]) -> int:
    if {"-h", "--help"} & set(argv):
        print(__doc__)
        return 0
    verbose = "-v" in argv
    paths = [Path(a) for a in argv if a != "-v"] or [p for p in (DEV_CORPUS, OWN_CORPUS) if p.exists()]
    if missing := [str(p) for p in paths if not p.is_file()]:
        print(f"score_pastes: no such corpus file: {', '.join(missing)}", file=sys.stderr)
        return 2
    for path in paths:
        total = passed = false_claims = leaks = 0
        for case in load_cases(path):
            total += 1
            verdict = score_case(case)
            passed += verdict.ok
            false_claims += verdict.false_claim
            leaks += verdict.leak
            if not verdict.ok or verbose:
                print(f"{'ok ' if verdict.ok else 'BAD'} {case['id']} [{case['vendor']}]: {'; '.join(verdict.problems)}")
        summary = {"corpus": path.name, "cases": total, "passed": passed, "false_claims": false_claims, "leaks": leaks}
        print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
