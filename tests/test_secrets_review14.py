"""Over-hiding review14 found (each hid the one thing its line says), and the credentials of the same shape that stay
hidden: an exception's qualified class after a failure's "authentication:" (Keycloak's KC-SERVICES0013 showed "Failed
authentication: [REDACTED]"); a file's name after a folder named like a built-in account (Django's "TemplateDoesNotExist:
admin/index.html" showed "admin/[REDACTED]", secrets31's "Administrator / password" rule)."""

from __future__ import annotations

import json

import pytest

from errcat.gate import screen

# the KC-SERVICES0013 lines of three public Keycloak issues (sweep29's logs): p2-inc/keycloak-magic-link#6,
# IBM-Security/verify-keycloak-integration#32, keycloak/keycloak#16290
KEYCLOAK = [
    "keycloak | 2022-08-29 14:09:03,245 WARN  [org.keycloak.services] (executor-thread-50) KC-SERVICES0013: Failed "
    "authentication: org.keycloak.authentication.AuthenticationFlowException",
    "22:33:14,117 WARN  [org.keycloak.services] (default task-21) KC-SERVICES0013: Failed authentication: "
    "org.keycloak.authentication.AuthenticationFlowException",
    "2023-01-06 18:09:38,535 WARN  [org.keycloak.services] (executor-thread-16) KC-SERVICES0013: Failed authentication: "
    "java.lang.NullPointerException: Null keys are not supported!",
]


@pytest.mark.parametrize("line", KEYCLOAK)
def test_keycloaks_failed_authentication_names_its_exception(cli, tmp_path, line):
    assert screen(line).text == line
    explained = json.loads(cli("explain", "-f", "json", input=line).stdout)
    assert "Failed authentication: " in json.dumps(explained) and "[REDACTED]" not in json.dumps(explained)
    log = tmp_path / "server.log"
    log.write_text(line + "\n")
    scanned = cli("scan", "--all", "-f", "json", str(log)).stdout
    assert line.rsplit("Failed authentication: ", 1)[1].split(":")[0] in scanned


@pytest.mark.parametrize(
    "text",
    [
        "password: com.acme.LedgerException",  # after a password's name any value may be the password
        "client_secret: org.acme.SyncError",
        "auth: org.acme.Xk9fQ2mZ7pL4wR8tError",  # random letters in the class
        "token=org.acme.TokenException",  # an "=" makes a pair, not a sentence
        "authentication: Xk9fQ2mZ7pL4wR8t",
    ],
)
def test_a_credential_of_that_shape_stays_hidden(text):
    assert screen(text).text != text


# Django's TemplateDoesNotExist as public issues quote it: gnomeby/swiss-system-chess-tournament#3, munki/munkiwebadmin#25,
# pinax/pinax-theme-bootstrap#129, and a template list (rbturnbull/dcodex#14)
DJANGO = [
    "TemplateDoesNotExist: admin/base.html",
    "TemplateDoesNotExist at /admin/\nadmin/index.html\nRequest Method:\tGET",
    "TemplateDoesNotExist at /admin/\nadmin/homepage.html",
    "admin/imagedeck/deckbase/add_type_form.html, admin/imagedeck/add_type_form.html, admin/add_type_form.html",
]


@pytest.mark.parametrize("text", DJANGO)
def test_a_template_under_admin_is_shown(text):
    assert screen(text).text == text


@pytest.mark.parametrize(
    "text", ["Administrator / Quokka#77", "sa/Passw0rd!", "root/hunter2.x", "sa/p4ss.w0rd", "admin/Secret.Passw0rd"]
)
def test_a_built_in_accounts_password_stays_hidden(text):
    assert screen(text).text != text
