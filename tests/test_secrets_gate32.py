"""secrets32: adversarial pastes (tests/secrets32_pastes.py) whose credentials no output may show; what the round
found shown: IMAP's login sent in lower case, French's "mdp", a Chinese, Japanese or Korean credential's name glued to
its value by "is" (密码是…, 密碼為…, 비밀번호는 …), Spanish's and Portuguese's "credenciales"/"credenciais" before a
user:password, curl's -u with its value glued (-uops:pw), PHP print_r's private property with its class, Oracle's Easy
Connect without "//"; and the words beside these shapes that hold no secret, with a p-value after a user ("user=bob
p=0.001"), which the gate hid as a password."""

from __future__ import annotations

import pytest

from errcat.gate import shown


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("[pass:App\\Db:private] => Kestrelorchard4821", "Kestrelorchard4821"),  # print_r: the class in the name
        ("erp/Kestrelorchard4821@db.acme.io:1521/ORCL", "Kestrelorchard4821"),  # Easy Connect, no "//"
        ("パスワードはKestrelorchard4821です", "Kestrelorchard4821"),
        ("密码为：Kestrelorchard4821", "Kestrelorchard4821"),
        ("A001 login ops Kestrelorchard4821", "Kestrelorchard4821"),
        ("mdp=Kestrelorchard4821", "Kestrelorchard4821"),
    ],
)
def test_the_probed_variants_are_hidden(text, secret):
    assert secret not in shown(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a p-value or a probability after a user is a measure, not a password (the gate hid it)
        ("user=bob p=0.001", "p=0.001"),
        ("user=bob p=1e-5", "p=1e-5"),
        # a count before "login", IMAP's tag holds letters then digits
        ("3 login attempts failed", "3 login attempts failed"),
        # CJK: what follows the name is a word of the script, or too short for a password
        ("密码错误", "密码错误"),
        ("パスワードは8文字以上", "8文字以上"),
        ("密码为空", "密码为空"),
        # "credenciales" before a sentence's word; an MDP in prose
        ("credenciales inválidas", "inválidas"),
        ("credenciais inválidas para o utilizador ops", "inválidas"),
        ("MDP solver converged", "solver converged"),
        # print_r's other properties; a path before a host and port; sort's -u before a colon
        ("[name:Acme\\Client:private] => Bob", "Bob"),
        ("see docs/guide@acme.io:8080/x", "docs/guide@acme.io"),
        ("sort -u:x", "-u:x"),
    ],
)
def test_words_and_names_beside_the_new_shapes_stay(text, kept):
    assert kept in shown(text)
