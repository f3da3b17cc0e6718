"""secrets34: adversarial pastes (tests/secrets34_pastes.py) whose credentials no output may show; what the round found
shown: a shell trace's echo of a password (``+ echo pw``, alone or into ``sudo -S``), a GitHub Actions debug result
whose expression the paste cut off, a user of a login's shape and a password with no word naming them (``as ops /
pw``, ``svc_sync / pw``), a password of letters ending as English words do after a login's label and a user,
Terraform's ``resource "random_password"`` and its ``result``, Oracle's quoted password (``erp/"p@ss"@host``), curl's
``-U``, Cisco's ``snmp-server community``, dot leaders with no space (``Password.......pw``), a Python literal continued
with a backslash, a blank line between a password's label and its value, git's prompt holding a quoted URL, and "auth
failed: user/pw", and code: setters and builders named for a credential (``ds.setPassword("…")``), calls taking a
password by position (``Credentials.basic``, ``simple_bind_s``, ``DBI->connect``, ``Net::SMTP.start``, ``->setAuth``,
``[NetworkCredential]::new``) and libcurl's ``CURLOPT_USERPWD``; then the probed variants, and the words beside these shapes that hold no secret."""

from __future__ import annotations

import pytest

from errcat.gate import shown

P = "Kestrelorchard4821"
L = "tasmandingo"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"+ echo {P}", P),  # a trace's echo of one token: a variable's value (bash -x prints the pipe's first command)
        (f"++ echo -n '{P}'", P),
        (f"+ printf '%s\\n' {P}", P),
        (f"##[debug]..=> '{P}'", P),  # an expression's step or result, its "Evaluating:" line cut off
        (f"2024-03-01T10:00:00.1000001Z ##[debug]Result: '{P}'", P),
        (f"logged in as ops / {L}", L),  # the user after "as"
        (f"admin@acme.pt / {P}", P),  # an e-mail address for the user
        (f"connected as erp / {P} -> 28P01", P),  # an arrow going on to what happened
        (f"logins: Administrator / {'kestrelmorning'}", "kestrelmorning"),  # a word's ending after a login's label
        (
            '# random_password.db:\nresource "random_password" "db" {\n    id     = "none"\n    result = "x8-:%}1u+yFg"\n}',
            "x8-:%}1u+yFg",
        ),
        (f'  + resource "random_password" "api" {{\n      + result = "{P}"\n    }}', P),
        (f'sqlplus erp/"{P}@1"@ledger', P),  # SQL*Plus takes the same quoted password
        (f"curl -x proxy:3128 -U 'ops:{P}' https://api.acme.io", P),  # curl's -U: --proxy-user
        (f"snmp-server community {P} RW 99", P),
        (f"Password....................{P}", P),
        (f'token = "{P[:9]}" \\\n    "{P[9:]}"', P[9:]),
        (f"Password:\n\n{P}\n", P),
        (f"Password for 'https://ops@dev.azure.com': {P}", P),
        (f"authentication failed: svc_ledger/{P}", P),
        # code: a setter or a builder's step named for a credential, calls taking a password by position
        (f'props.setApiKey("{P}")', P),
        (f"$this->withToken('{P}')", P),
        (f"config::set_secret('{P}')", P),
        (f'Credentials.basic(user, "{P}")', P),
        (f"ldap.simple_bind('cn=admin', '{P}')", P),
        (f"curl_setopt($ch, CURLOPT_PROXYUSERPWD, 'ops:{P}');", P),
    ],
)
def test_the_probed_variants_are_hidden(text, secret):
    assert secret not in shown(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a trace's echo of words, a name with its number, a commit, a version, a status
        ("+ echo Done", "Done"),
        ("+ echo build-1234", "build-1234"),
        ("+ echo 3f786850e387550fdab836ed7e6dc881de23001b", "3f786850e387550fdab836ed7e6dc881de23001b"),
        ("+ echo v1.2.3", "v1.2.3"),
        ("+ echo 'Deploying to prod'", "Deploying to prod"),
        # GitHub Actions' results with their expression there (judged by what it names), and paths, versions, masks
        ("##[debug]Evaluating: success()\n##[debug]=> 'abc12345678'", "abc12345678"),
        ("##[debug]=> 'refs/heads/main'", "refs/heads/main"),
        ("##[debug]=> 'ubuntu-22.04'", "ubuntu-22.04"),
        ("##[debug]Result: '***'", "'***'"),
        # a slash between words where no login's shape stands: a pair of words, a breadcrumb, a path
        ("client / server", "server"),
        ("read / write access", "write"),
        ("Admin / Settings", "Settings"),
        ("root / workstation", "workstation"),  # an English word's ending where no label names a login
        ("docs / reference", "reference"),
        ("Login: admin / disabled", "disabled"),  # an account's state after a login's label and a user
        ("creds: ops / rotating", "rotating"),
        # a block whose labels name no credential; a random_password's length
        ('resource "random_id" "suffix" {\n  result = "a1b2c3d4e5"\n}', "a1b2c3d4e5"),
        ('resource "random_password" "db" {\n  length = 24\n}', "24"),
        # -U of another tool: a URL, a user alone
        ("java -jar sync.jar -U http://proxy.acme.io:3128", "http://proxy.acme.io:3128"),
        ("ps -U root", "root"),
        # dots after a word that goes on as a message
        ("Checking password.... done", "done"),
        ("Resetting password... succeeded", "succeeded"),
        # a literal continued that is no credential's; a prompt whose value is a word
        ('message = "Order " \\\n    "paid"', '"paid"'),
        ("Password for 'https://ops@git.acme.io': ", "Password for"),
        # a getter, a check, a secret's name, a mask, a variable: no literal password
        ('user.getPassword("ops")', '"ops"'),
        ('validator.checkPassword("Abc12345x")', "Abc12345x"),
        ('k8s.secret("db-creds")', "db-creds"),
        ("u.set_password('*****')", "*****"),
        ('curl_setopt($ch, CURLOPT_USERPWD, $user . ":" . $pw);', "$user"),
        ('DBI->connect("dbi:Pg:dbname=ledger", "erp", $pw)', '"erp"'),
    ],
)
def test_words_and_names_beside_the_new_shapes_stay(text, kept):
    assert kept in shown(text)
