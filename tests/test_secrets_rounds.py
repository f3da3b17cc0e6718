"""Every adversarial secrets round's pastes (tests/secrets<round>_pastes.py: ``CASES``, and ``FOUND``, the pastes whose
credential main showed before that round): the gate hides every credential of each paste, and explain and scan,
through the real command line, hide what each round found shown. One module for all rounds, so that a round adds its
pastes and not another copy of these tests; what each round found besides is tested in its test_secrets_gate<round>."""

from __future__ import annotations

import pytest

import secrets29_pastes
import secrets30_pastes
import secrets31_pastes
import secrets32_pastes
import secrets33_pastes
import secrets34_pastes
import secrets35_pastes
import secrets36_pastes
import secrets37_pastes
import secrets38_pastes
import secrets39_pastes
from corpus import secrets_explain_and_scan_show, shown_secrets

ROUNDS = {
    29: secrets29_pastes,
    30: secrets30_pastes,
    31: secrets31_pastes,
    32: secrets32_pastes,
    33: secrets33_pastes,
    34: secrets34_pastes,
    35: secrets35_pastes,
    36: secrets36_pastes,
    37: secrets37_pastes,
    38: secrets38_pastes,
    39: secrets39_pastes,
}


def _pastes(found_only: bool) -> list[object]:
    return [
        pytest.param(text, secrets, id=f"{n}-{cid}")
        for n, pastes in ROUNDS.items()
        for cid, text, secrets in pastes.CASES
        if not found_only or cid in pastes.FOUND
    ]


@pytest.mark.parametrize(("text", "secrets"), _pastes(found_only=False))
def test_the_gate_hides_every_credential_of_each_paste(text, secrets):
    assert not shown_secrets(text, secrets)


@pytest.mark.parametrize(("text", "secrets"), _pastes(found_only=True))
def test_what_each_round_found_shown_is_hidden_by_explain_and_scan(cli, tmp_path, text, secrets):
    assert not secrets_explain_and_scan_show(cli, tmp_path, text, secrets)


def test_every_paste_a_round_says_it_found_shown_is_one_of_its_pastes():
    """A FOUND id that names no paste (a typo, a renamed case) would silently drop it from the command-line check."""
    for pastes in ROUNDS.values():
        assert not pastes.FOUND - {cid for cid, _, _ in pastes.CASES}
