"""Round 26 of the exit gate. Over-masking: the value of a field named "key" that is a name, not a key: a name/value
pair's name (OpenTelemetry's OTLP JSON attributes, AWS tags, .NET appSettings, an OpenTelemetry Collector's YAML) and an
attribute's dotted name alone; the pair's value stays hidden when its name names a credential, and a key's random
characters after "key" stay hidden wherever they stand."""

from __future__ import annotations

import random
import string

import pytest

from errcat.gate import shown

# lnav's OTLP collector test log writes resource attributes so (sweep24 found "key":"[REDACTED]" on every record)
OTLP = (
    '{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"payment-service"}},'
    '{"key":"host.name","value":{"stringValue":"prod-01"}},{"key":"k8s.pod.name","value":{"stringValue":"pay-7d9f"}}]}}]}'
)


@pytest.mark.parametrize(
    "text",
    [
        OTLP,
        '{"key": "telemetry.sdk.language", "value": {"stringValue": "python"}}',
        '{\n  "key": "http.status_code",\n  "value": {\n    "intValue": "500"\n  }\n}',
        '{"value":{"stringValue":"postgresql"},"key":"db.system"}',
        '"Tags": [{"Key": "Name", "Value": "web-1"}, {"Key": "aws:cloudformation:stack-name", "Value": "ledger-prod"}]',
        "aws ec2 create-tags --resources i-0abc --tags Key=Environment,Value=prod",
        '<add key="service.name" value="checkout"/>',
        "processors:\n  attributes:\n    actions:\n      - key: service.name\n        value: checkout\n        action: upsert",
        "      - key: db.statement\n        action: delete",
        "tolerations:\n  - key: node.kubernetes.io/not-ready\n    operator: Exists",
        "invalid attribute key: http.status_code",
        "cache miss key=session.store.default",
    ],
)
def test_an_attributes_name_under_key_stays(text: str) -> None:
    assert shown(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ('{"key":"password","value":"Xq9-hunter2-Lp"}', "Xq9-hunter2-Lp"),
        ('{"key":"myobToken","value":"c2VjcmV0LXRva2VuLTk4"}', "c2VjcmV0LXRva2VuLTk4"),
        ('{"Key":"DB_PASSWORD","Value":"winterledger4821"}', "winterledger4821"),
        ('<add key="ApiKey" value="k3yV4lu3Zq8"/>', "k3yV4lu3Zq8"),
        ("env:\n  - name: DB_PASSWORD\n    value: winterledger4821", "winterledger4821"),
        ("      - key: client_secret\n        value: mQ7vT2pX9aLk", "mQ7vT2pX9aLk"),
        ("      - key: password\n        value: ab1", "ab1"),
        ("      - key: service.name\n        value: checkout\n      - key: api_token\n        value: tQ4-rV8-xZ2", "tQ4-rV8-xZ2"),
    ],
)
def test_a_pairs_value_stays_hidden_when_its_name_names_a_credential(text: str, secret: str) -> None:
    assert secret not in shown(text)


# a "key" whose word before it makes it a credential's: its value hidden, however it reads
@pytest.mark.parametrize(
    "text", ["API key: {k}", "your api key = {k}", "Subscription key: {k}", '{{"api key": "{k}"}}', "license key: {k}"]
)
@pytest.mark.parametrize("key", ["winter.ledger", "orange.sunshine"])
def test_a_named_keys_dotted_value_stays_hidden(text: str, key: str) -> None:
    assert key not in shown(text.format(k=key))


PLACES = [
    '{{"key":"{k}","value":{{"stringValue":"x"}}}}',
    '{{"Key": "{k}", "Value": "prod"}}',
    '<add key="{k}" value="x"/>',
    "- key: {k}\n  value: x",
    "--tags Key={k},Value=prod",
    "key={k}",
    "key: {k}",
    '{{"value":"x","key":"{k}"}}',
]
WORDS = ["winter", "ledger", "bluefish", "Dragon", "monkey", "Sunshine", "harbour", "Kestrel", "orange", "Matilda"]


def _keys() -> list[str]:
    rnd = random.Random(2626)
    keys = ["".join(rnd.choices(string.ascii_letters + string.digits, k=rnd.randint(16, 48))) for _ in range(40)]
    keys += ["".join(rnd.choices("0123456789abcdef", k=32)) for _ in range(10)]
    keys += [".".join("".join(rnd.choices(string.ascii_lowercase + string.digits, k=8)) for _ in range(2)) for _ in range(20)]
    # a person's password: two words and a number, joined or not
    keys += [rnd.choice(WORDS) + sep + rnd.choice(WORDS).lower() + str(rnd.randint(10, 9999)) for sep in ("", "_", "-", ".") * 5]
    return keys


@pytest.mark.parametrize("place", PLACES)
def test_a_keys_random_characters_and_a_persons_password_under_key_stay_hidden(place: str) -> None:
    shown_keys = [k for k in _keys() if k in shown(place.format(k=k))]
    assert shown_keys == []


# gate25's leftovers. A person's password of a word, "#", a word and a short number after "-" in lower case as a URL's
# last part ("monkey#harbour-23") read as a page and its numbered place; a page numbers its places by a few words.
@pytest.mark.parametrize(
    "place", ["https://h.example/x/{p}", "see https://h.example/a/b/{p}.", "GET https://api.example.com/o/{p} -> 500"]
)
@pytest.mark.parametrize("password", ["monkey#harbour-23", "winter#ledger-7", "orange#matilda-42", "kestrel#sunshine-9"])
def test_a_persons_lower_case_words_and_a_short_number_around_a_hash_in_a_urls_path_are_hidden(place: str, password: str) -> None:
    assert password not in shown(place.format(p=password))


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/docs/install#step-2",
        "https://example.com/blog/hello#comment-12",
        "https://www.rfc-editor.org/rfc/rfc9110#section-15",
        "https://example.com/guide#fig-3",
        "https://example.com/paper#footnote-4",
    ],
)
def test_a_pages_numbered_places_stay(url: str) -> None:
    assert shown(url) == url


# A password a chat gives in prose: after its name with "now" or "changed to", or without its name where the name or
# its reset is told just above ("I reset it, the new one is …").
@pytest.mark.parametrize(
    "text",
    [
        "[10:02] ops: the sync still fails with 401 from the ledger API\n[10:03] ops: I reset it, the new one is {p} - can you try again?",
        "I rotated the token, the new one is {p}.",
        "the db password expired, I changed it to {p} this morning",
        "my new password is now {p}",
        "the admin password changed to {p} yesterday",
    ],
)
@pytest.mark.parametrize("password", ["harbourwinter4821", "Kestrelorange77!", "monkeyledger12$"])
def test_a_persons_password_given_in_a_chats_prose_is_hidden(text: str, password: str) -> None:
    assert password not in shown(text.format(p=password))


@pytest.mark.parametrize(
    "text",
    [
        "the old build broke, the new one is build4821",
        "I changed it to v2.3.1 after the release",
        "password reset for user42",
        "the password is now required",
    ],
)
def test_prose_without_a_credential_stays(text: str) -> None:
    assert shown(text) == text
