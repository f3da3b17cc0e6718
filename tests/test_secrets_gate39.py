"""secrets39: what the round's adversarial pastes (tests/secrets39_pastes.py, all synthetic) found shown (a Terraform
state's generated "result" and the attributes it lists as sensitive; a generated password alone under the line that
announces it, as Jenkins and Elasticsearch print it on their first start), and a leftover masked where nothing was
secret (Dovecot's "auth: Debug:", its level read as the value of "auth:")."""

from __future__ import annotations

import json

import pytest

from errcat.gate import shown, shown_line

STATE = {"type": "random_password", "instances": [{"attributes": {"id": "none", "result": "Tasmanmallee6302", "length": 16}}]}


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (json.dumps(STATE), "Tasmanmallee6302"),
        (json.dumps(STATE, indent=2), "Tasmanmallee6302"),
        (json.dumps({"log": json.dumps(STATE)}), "Tasmanmallee6302"),  # a state quoted inside a log's JSON
        ('resource "random_string" "db" {\n    id     = "none"\n    result = "wombat"\n}', "wombat"),  # terraform show
        (
            json.dumps(
                {
                    "type": "acme_user",
                    "instances": [
                        {
                            "attributes": {"name": "ops", "initial_value": "Dingoorchard81"},
                            "sensitive_attributes": [[{"type": "get_attr", "value": "initial_value"}]],
                        }
                    ],
                },
                indent=2,
            ),
            "Dingoorchard81",
        ),
    ],
)
def test_a_terraform_states_sensitive_attribute_is_hidden(text, secret):
    assert secret not in shown(text)


@pytest.mark.parametrize(
    "text",
    [
        '{"status": "ok", "result": "created", "id": 12}',  # no Terraform state: "result" is any API's word
        'resource "random_password" "db" {\n  + result = (sensitive value)\n}',  # Terraform hid it already
    ],
)
def test_a_result_outside_a_terraform_state_stays(text):
    assert shown(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (
            "Please use the following password to proceed to installation:\n\n44a7a590be4ccbc2f4a9d4a672d9748b\n\nThis may",
            "44a7a590be4ccbc2f4a9d4a672d9748b",
        ),
        ("-> Password for the elastic user (reset with the tool):\n  b1c2d3e4f5a6b7c8d9e0\n", "b1c2d3e4f5a6b7c8d9e0"),
        ("Use this password for the first login:\nKestrel2741\n", "Kestrel2741"),
    ],
)
def test_a_password_alone_under_the_line_announcing_it_is_hidden(text, secret):
    assert secret not in shown(text)


@pytest.mark.parametrize(
    "text",
    [
        "Invalid password for user ops:\n  AuthenticationFailed\n",
        "Password for user sync:\n2026-03-01\n",
        "password reset for these accounts:\n- ops\n",
    ],
)
def test_what_follows_a_line_about_a_password_that_is_no_password_stays(text):
    assert shown(text) == text


@pytest.mark.parametrize(
    "line",
    [
        "auth: Debug: passwd-file(ops,10.0.0.5): Password mismatch",
        "auth: Info: Loading modules from directory: /usr/lib/dovecot/modules/auth",
        "auth: Warning: auth client 0 disconnected",
    ],
)
def test_a_log_level_after_auth_stays(line):
    assert shown(line) == line
    assert shown_line(line) == line


@pytest.mark.parametrize(("text", "secret"), [("auth: Kq7vRt2LmzW", "Kq7vRt2LmzW"), ("password: Debug: x", "Debug:")])
def test_a_value_after_auth_or_a_password_name_is_still_hidden(text, secret):
    assert secret not in shown(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # KeePass's XML export, Hadoop's and Maven's <property>: the first element's text names the second's value
        ('<String><Key>Password</Key><Value ProtectInMemory="True">Orchardkestrel7238</Value></String>', "Orchardkestrel7238"),
        ("<property><name>db.password</name><value>Orchardkestrel7238</value></property>", "Orchardkestrel7238"),
        ("<property>\n  <name>fs.s3a.secret.key</name>\n  <value>Wombat-ledger-99</value>\n</property>", "Wombat-ledger-99"),
    ],
)
def test_a_value_element_after_a_name_element_naming_a_credential_is_hidden(text, secret):
    assert secret not in shown(text)


@pytest.mark.parametrize(
    "text",
    [
        "<String><Key>UserName</Key><Value>sync</Value></String>",  # (its name element was masked as a key's value)
        "<property><name>dfs.replication</name><value>3</value></property>",
        "<property><name>db.password.file</name><value>/etc/sync/db.pw</value></property>",
    ],
)
def test_a_value_element_after_a_name_naming_no_credential_stays(text):
    assert shown(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("$ security find-generic-password -s myob -w\nDingoledger1787\n$ curl ... 401", "Dingoledger1787"),
        ("$ aws ecr get-login-password --region ap-southeast-2\neyJwYXlsb2FkIjoiQUJDIn0xyz\n", "eyJwYXlsb2FkIjoiQUJDIn0xyz"),
    ],
)
def test_what_a_command_that_prints_a_credential_printed_is_hidden(text, secret):
    assert secret not in shown(text)


def test_a_message_a_credential_getter_printed_stays():
    text = "$ security find-generic-password -s myob -w\nsecurity: The specified item could not be found in the keychain.\n"
    assert shown(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("$ radtest sync Dingomallee6937 127.0.0.1 0 testing123\nReceived Access-Reject Id 12", "Dingomallee6937"),
        ('radtest -t pap sync "Kestrel2741" 127.0.0.1 0 testing123', "Kestrel2741"),
        ("/msg NickServ IDENTIFY sync Dingoledger2367\n-NickServ- Invalid password for sync.", "Dingoledger2367"),
        ("/msg nickserv identify Dingoledger2367", "Dingoledger2367"),
        ("security add-generic-password -a sync -s myob -w Kestrelorchard4821 -U", "Kestrelorchard4821"),
        ("$ consul kv put secret/db/password Kestrelorchard4821", "Kestrelorchard4821"),
        ("root# set system root-authentication plain-text-password-value Kestrelorchard4821", "Kestrelorchard4821"),
    ],
)
def test_a_password_a_command_takes_by_position_is_hidden(text, secret):
    assert secret not in shown(text)


@pytest.mark.parametrize(
    "text",
    [
        "radtest -t pap sync",
        "-NickServ- You are now identified for sync.",
        "consul kv put app/timeout 30",  # a key naming no credential: its data stays
        "consul kv put -cas -modify-index=12 app/token @token.json",
        "security add-generic-password -a sync -s myob -w",  # -w last: security prompts for it
    ],
)
def test_those_commands_without_a_password_stay(text):
    assert shown(text) == text
