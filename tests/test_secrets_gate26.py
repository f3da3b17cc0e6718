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
