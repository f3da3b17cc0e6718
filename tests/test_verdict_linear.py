"""An exception's patterns read a line in time linear in its length: a long dotted run ("a.a.a.…", 8 KB) made the
qualified-class pattern try every start with every run after it (1.6 s a line), and the V8 frame's path every split
(0.27 s a line); a log of such lines took minutes. A fresh process with a deadline: a regression hangs, it does not
wait the test suite out."""

import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

PROBE = """
from errcat.scan.verdict import error_reason
for k in range(40):
    assert error_reason(None, "ok\\n    at " + "q." * 8000 + chr(103 + k)) is None
    assert error_reason(None, "x " + "q." * 8000 + "Q" * k) is None
    assert error_reason(None, "x " + "A::" * 8000 + "Q" * k) is None
assert error_reason(None, "x " + "q." * 30 + "FooError: boom") == "exception"
assert error_reason(None, "    at Object.<anonymous> (/app/index.js:3:9)") == "exception"
"""


def test_long_dotted_runs_are_read_in_linear_time():
    subprocess.run([sys.executable, "-c", PROBE], timeout=12, check=True)
