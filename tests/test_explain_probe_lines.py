"""errcat explain on other services' one-line probes and SDK errors, as real pastes show them: the message is the
body's own words, not the whole line (a status and an unknown key's JSON, a bare array, a status and its phrase
before the words, a status in a table row's cell); a 429 whose words say a quota is used up is not advised to wait
for a window; another service's SDK exception offers no catalogued vendor's entry as nearest. Every paste is real;
its source is named beside it (collected by the explain8 round, ../wt-explain8-data/new.jsonl)."""

from __future__ import annotations

import json

import pytest

from errcat import retry_advice
from errcat.explainer import explain

# An API-emulator 'Recipe' README's live probes (find_string ids 67194995139, 67340621708, 67154824540, 69888840276;
# the tool did not resolve their repo/path): Figma with no credential, Storyblok's unknown path, Affinity's
# text/html bodies, Civo with no header and with a bad token.
FIGMA_401 = '401 {"status":401,"err":"Missing credentials"}'
STORYBLOK_404 = '/v2/cdn/cauldron-nope           404 ["This record could not be found"]'
AFFINITY_401 = "GET /persons          Basic :notreal       401  text/html   Invalid or missing API key"
CIVO_ROWS = (
    '(no header)      403 {"code":"authentication_access_denied","reason":"Access denied, you don\'t have permission on'
    ' this resource"}\n'
    'Bearer notreal   404 {"code":"database_account_not_found","reason":"Failed to find the account within the internal'
    ' database"}'
)
# TabaPay developer docs 'HTTP Status Codes' https://developers.tabapay.com/reference/http-status-codes (415, 401)
TABAPAY_415 = "415 Unsupported Media Type Content-type must be application/json."
TABAPAY_401 = "401 UnAuthorized The Authorization Token is invalid\nThe IP Address is invalid (not whitelisted)."
# GitHub issue OpenBMB/ChatDev#399 (2024-07-13): OpenAI's Python SDK
OPENAI_QUOTA = (
    "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your"
    " plan and billing details. For more information on this error, read the docs:"
    " https://platform.openai.com/docs/guides/error-codes/api-errors.', 'type': 'insufficient_quota', 'param': None,"
    " 'code': 'insufficient_quota'}}"
)
# GitHub issue kojima-takeshi188/zero_shot_cot#4 (2023-02-14): the old OpenAI SDK's exception
OPENAI_OLD_SDK = "openai.error.RateLimitError: You exceeded your current quota, please check your plan and billing details."
# an opencode log line in a Rust test (find_string id 59960352229): a coding plan's 429 that says when it resets
USAGE_RESETS = (
    'ERROR 2026-04-15T19:26:02 +3054ms service=llm providerID=zai-coding-plan modelID=glm-5.1 error={"error":{"name":'
    '"AI_RetryError","reason":"maxRetriesExceeded","errors":[{"name":"AI_APICallError","statusCode":429,"responseBody":'
    '"{\\"error\\":{\\"code\\":\\"1308\\",\\"message\\":\\"Usage limit reached. Your limit will reset at 2026-04-16'
    ' 04:18:56\\"}}"}]}}'
)


@pytest.mark.parametrize(
    ("paste", "status", "messages"),
    [
        (FIGMA_401, 401, ["Missing credentials"]),
        (STORYBLOK_404, 404, ["This record could not be found"]),
        (AFFINITY_401, 401, ["Invalid or missing API key"]),
        (TABAPAY_415, 415, ["Content-type must be application/json."]),
        (TABAPAY_401, 401, ["The Authorization Token is invalid The IP Address is invalid (not whitelisted)."]),
    ],
)
def test_the_message_is_the_bodys_words_and_the_status_is_read(catalog, paste, status, messages):
    x = explain(catalog, paste)
    assert x.vendor is None
    assert x.exchange.status == status
    assert [m.sent.message for m in x.errors] == messages


def test_a_table_of_probes_with_different_statuses_states_none_and_reads_each_reason(catalog):
    x = explain(catalog, CIVO_ROWS)
    assert x.vendor is None
    assert x.exchange.status is None  # 403 and 404 rows: neither is every error's
    assert [m.sent.message for m in x.errors] == [
        "Access denied, you don't have permission on this resource",
        "Failed to find the account within the internal database",
    ]


def test_a_reason_that_is_a_token_is_no_message(catalog):
    # the same log line's wrapper says "reason":"maxRetriesExceeded": the message is the response body's
    x = explain(catalog, USAGE_RESETS)
    assert [m.sent.message for m in x.errors] == ["Usage limit reached. Your limit will reset at 2026-04-16 04:18:56"]


def test_a_quota_used_up_is_not_advised_to_wait_for_a_window_in_any_view(catalog, cli):
    x = explain(catalog, OPENAI_QUOTA)
    m = x.errors[0]
    assert x.exchange.status == 429 and m.best is None
    assert x.status_retry(m) == (429, None)
    assert x.quota_spent(m) == "exceeded your current quota"
    table = cli("explain", input=OPENAI_QUOTA).stdout
    assert "not by waiting: the error says 'exceeded your current quota'" in table
    assert "window resets" not in table
    doc = json.loads(cli("explain", "-f", "json", input=OPENAI_QUOTA).stdout)
    assert doc["errors"][0]["retry_by_status"] == {
        "status": 429,
        "retry": False,
        "wait": "never",
        "quota_spent": "exceeded your current quota",
    }
    markdown = cli("explain", "-f", "markdown", input=OPENAI_QUOTA).stdout
    assert "not by waiting" in markdown and "window resets" not in markdown
    advice = retry_advice(x)
    assert (advice.retry, advice.wait) == (False, "never") and "quota" in advice.reason
    assert "retry: no" in str(x)


def test_a_limit_that_says_when_it_resets_still_waits_for_it(catalog, cli):
    x = explain(catalog, USAGE_RESETS)
    assert x.status_retry(x.errors[0]) == (429, "wait-for-reset") and x.quota_spent(x.errors[0]) is None
    assert "resend only after the limit's window resets" in cli("explain", input=USAGE_RESETS).stdout


@pytest.mark.parametrize("paste", [OPENAI_OLD_SDK, OPENAI_QUOTA])
def test_another_services_sdk_exception_offers_no_catalogued_entry(catalog, cli, paste):
    x = explain(catalog, paste)
    assert x.vendor is None
    assert all(not m.candidates for m in x.errors)  # MYOB's RateLimitError is MYOB's, not OpenAI's
    assert any("another service's exception (openai." in n for n in x.notes)
    table = cli("explain", input=paste).stdout
    assert "nearest:" not in table and "myob" not in table.lower()
    doc = json.loads(cli("explain", "-f", "json", input=paste).stdout)
    assert doc["vendor"] is None and all(e["candidates"] == [] for e in doc["errors"])
    assert "myob" not in cli("explain", "-f", "markdown", input=paste).stdout.lower()
