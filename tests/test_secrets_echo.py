"""Bad input named in an error message: a token given where a time or an HTTP status was wanted is shown
masked (the exit gate's argument rule), never printed back whole. The token is generated, not real."""

from __future__ import annotations

import pytest

import errcat

API = errcat.ErrorCatalog.open(use_env=False)


def test_a_bad_time_or_status_filter_is_not_echoed(cli, tmp_path):
    """A token given where a time or a status was wanted is named in the error, masked."""
    token = "ghp_CZ4qrS4vUhAFfk2NjJC1loXSLd3MrlJ6MVt8"
    log = tmp_path / "a.log"
    log.write_text("hello\n")
    for option in ("--since", "--until"):
        result = cli("scan", str(log), option, token)
        assert result.exit_code != 0 and "as a time" in result.output + result.stderr
        assert "CZ4qrS4vUhAF" not in result.output + result.stderr
    with pytest.raises(errcat.UsageError) as caught:
        API.list(status=token)
    assert "CZ4qrS4vUhAF" not in str(caught.value)
