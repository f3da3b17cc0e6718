"""gate28: a value a chat says it set, with no credential named near it, hidden when it is a generated one (closing24's
"I set it to X" left shown); settings, versions and names set so stay."""

from __future__ import annotations

import pytest

from errcat.gate import shown


@pytest.mark.parametrize(
    "text",
    [
        "I set it to Hx7qP2vLm9 yesterday and it still fails",
        "changed it to Pa55w0rdX.",
        "the new one is Cn4Tr8Bs1, same error",
        "ok I reset it to aB3dE5gH9 and now it says 401",
    ],
)
def test_a_generated_value_said_set_with_no_credential_named_is_hidden(text):
    value = text.split(" to " if " to " in text else " is ")[1].split()[0].rstrip(".,")
    assert value not in shown(text)


@pytest.mark.parametrize(
    "text",
    [
        "I set it to k8sNodePool2",  # a name: a word of its own in it
        "I set it to iPhone15Pro",
        "set it to TLSv1.2 and it works",
        "I set it to en_US.UTF-8",
        "set it to v2.3.1-beta",
        "set it to MyAppV2Production",
        "I set it to x86_64Linux",
        "set it to SHA256withRSA",
        "I set it to AU-NSW-2000X",
        "set it to macOS14Sonoma",
        "I set it to 2026-11-20T01:00Z",
    ],
)
def test_a_setting_a_version_or_a_name_said_set_stays(text):
    assert shown(text) == text
