"""secrets30: 92 adversarial pastes (tests/secrets30_pastes.py) whose credentials no output may show; what the round
found shown (a Rust pretty Debug's Some(\\n "…"), a Portuguese "chave da API", a sentence naming whose password it is
before its verb, Oracle's other tools' user/password, the AWS CLI's shorthand pairs, "user:password" given to base64,
Faraday's :basic, pymysql's positional connect, a --user flag at a line's start, a login's "user:password"); and two texts the gate hid that
hold no secret (Solr's "Problem loading core: collection1", a URL's path after a port)."""

from __future__ import annotations

import pytest

from errcat.gate import MARK, shown, shown_line


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("the password of the admin user is required", "is required"),  # a sentence's word is no value
        ("senha do utilizador ops123 é inválida", "é inválida"),
        ("token for client sage-app is expired (code 401)", "sage-app is expired"),
        ("Key=Environment,Value=prod", "Value=prod"),  # a shorthand pair naming no credential
        ("Name=token_type,Value=bearer", "Value=bearer"),
        ('src="data:image/png;base64,iVBORw0KGgo"', "data:image/png;base64,iVBORw0KGgo"),  # a data: URI's type
        ("echo https://erp.internal/x | base64", "https://erp.internal/x"),
        ("base64: invalid input at 12:30:00", "12:30:00"),
        ("rman target / nocatalog", "target / nocatalog"),
        ("login: https://secure.myob.com/oauth2", "https://secure.myob.com/oauth2"),  # a login's URL, no pair
        ("login: ops/app/dashboard", "ops/app/dashboard"),  # a path
        ('password: None,\n user: Some("ops")', 'Some("ops")'),
    ],
)
def test_words_and_names_beside_the_new_shapes_stay(text, kept):
    assert kept in shown(text)


SOLR = (
    "2025-07-21 08:10:55.456 WARN  (coreLoadExecutor-7-thread-1) [c:collection1 s:shard1 r:replica1 x:core1]"
    " o.a.s.c.CoreContainer Problem loading core: collection1"
)


def test_a_token_a_message_names_in_words_stays_on_a_scanned_line():
    """Solr's own warning (opsagent's Solr sample): "Problem loading core:" says what collection1 is."""
    assert shown_line(SOLR) == SOLR
    assert shown_line("ERROR Could not find table: ledger2024").endswith("ledger2024")


@pytest.mark.parametrize(
    "line",
    [
        "ERROR worker:     Kz8mQ2vN7pXw4",  # one word: no sentence says what the token is
        "ERROR login with: Quokkawinter3596",  # "with" leads to a value
        "ERROR Problem loading password: Quokkawinter3596",  # the words name a credential
        "ERROR Could not decrypt value: Quokkawinter3596",  # a value may be anything: no thing the words name
    ],
)
def test_a_lone_token_after_a_word_that_leads_to_it_is_still_hidden(line):
    assert shown_line(line).endswith(MARK)


def test_solr_s_warning_keeps_its_core_in_scan(cli, tmp_path):
    log = tmp_path / "solr.log"
    log.write_text(SOLR + "\n")
    out = cli("scan", "--all", "-f", "json", str(log)).stdout
    assert "Problem loading core: collection1" in out and MARK not in out


def test_a_url_s_path_after_a_port_stays_its_random_ids_hidden():
    """blind32-78 (BTCPay Server's Greenfield API via curl -v): the path after "localhost:23000" was hidden whole."""
    text = (
        'curl -v -X GET "http://localhost:23000/api/v1/stores/8US5rraqHGQuRaWkU2hYRWApw4SVhh8MA8zaFqpjbQ5k/invoices/'
        '7yEuESVHkcRXzYdAwTs1dj"'
    )
    out = shown(text)
    assert f'"http://localhost:23000/api/v1/stores/{MARK}/invoices/{MARK}"' in out


# lexoffice's 400 body (corpus blind31-4, from golexoffice's tests): its "i18nKey" names the message, not a credential
LEXOFFICE = (
    '{"requestId":"3fb21ee4-ad26-4e2f-82af-a1197af02d08","IssueList":[{"i18nKey":"invalid_value","source":"company and'
    ' person","type":"validation_failure"},{"i18nKey":"missing_entity","source":"company.name","type":"validation_failure"}]}'
)


def test_a_key_that_names_a_message_or_a_record_is_shown_and_a_credentials_key_is_not():
    assert shown(LEXOFFICE) == LEXOFFICE
    assert '"messageKey":"err.not_found"' in shown('{"messageKey":"err.not_found","password":"Quokkawinter3596"}')
    for name in ("apiKey", "secretKey", "privateKey", "x-api-key", "signing_key", "INVOICEXPRESS_KEY"):
        assert "Quokkawinter3596" not in shown(f'{{"{name}":"Quokkawinter3596"}}'), name
        assert "wombat_harbor" not in shown(f'{{"{name}":"wombat_harbor"}}'), name


def test_azure_s_primary_key_stays_hidden_whatever_its_value_reads_as():
    """API Management's subscription keys (listSecrets, Get-AzApiManagementSubscriptionKey) are a "primaryKey" and a
    "secondaryKey" of 32 hex digits, a shape the gate shows under a neutral name: the name alone hides them (review13:
    the i18nKey exclusion had taken "primaryKey" for a table's primary key and showed the key)."""
    key = "3c9d51f0a7e24b86b1d4e07f95a2c6d8"
    for text in (f'{{"primaryKey":"{key}"}}', f"AZURE_APIM_PRIMARY_KEY={key}", f'{{"primary_key":"{key}"}}'):
        assert key not in shown(text), text
