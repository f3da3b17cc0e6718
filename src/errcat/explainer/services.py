"""Services errcat does not catalogue, as pastes name them in words ("xero returns 400 ...").

A message the vendor documents names its vendor by itself (match._claimant), but not when the paste says
the error came from another service: its users quote errors the way MYOB's do, and accounting APIs share
sentences ("Date cannot be prior to beginning of financial year" is a rule every ledger has). A name here
counts against every catalogued vendor that nothing else in the paste names (evidence.other_service_clues).

The list is evidence, not guesses: each name is one that real error pastes of that service carry (the
negative cases of tests/data/realworld.jsonl; tests/test_explain_other_services.py checks each name against
them, against every vendor paste and against the catalog's own words). Names that are English words
(Square, Wave, Harvest) are left out: "square" says nothing of a sender. So are the platforms vendors run
on (Azure, AWS, Google Cloud) and the sites pastes are posted to (GitHub): a vendor's error can name them.
A service on no list counts too where the paste's words say it answered (answering_services: "KashFlow
returned 400", "Reckon API error", another service's SDK as the User-Agent).
"""

import re
from collections.abc import Iterator

# (the name as the service writes it, the spellings a paste uses, literal words): accounting, ERP, payments and
# commerce APIs
OTHER_SERVICES: tuple[tuple[str, str], ...] = (
    ("Xero", "xero"),
    ("QuickBooks", "quickbooks|intuit"),
    ("FreshBooks", "freshbooks"),
    ("Zoho", "zoho"),
    ("NetSuite", "netsuite"),
    ("Moloni", "moloni"),
    ("Vendus", "vendus"),
    ("Fortnox", "fortnox"),
    ("Odoo", "odoo"),
    ("Expensify", "expensify"),
    ("Stripe", "stripe"),
    ("PayPal", "paypal"),
    ("Mollie", "mollie"),
    ("Recurly", "recurly"),
    ("Chargebee", "chargebee"),
    ("Shopify", "shopify"),
    ("BigCommerce", "bigcommerce"),
    ("Salesforce", "salesforce"),
    ("Twilio", "twilio"),
    ("OpenAI", "openai"),
    ("Exact Online", "exact online|exactonline"),
    ("Business Central", "business central|businesscentral"),
    ("Fakturoid", "fakturoid"),
    ("Billingo", "billingo"),
    ("Moneybird", "moneybird"),
    ("GoCardless", "gocardless"),
    ("Xendit", "xendit"),
    ("iugu", "iugu"),
    ("Avalara", "avalara|avatax"),
    ("Klaviyo", "klaviyo"),
)

# A name in any case, as a word or starting an identifier (XeroException, quickbooks.exceptions, xero_python,
# Stripe::InvalidRequestError), never inside a longer lower-case word (xerox, stripes)
_SPELLINGS = "|".join(f"(?P<s{i}>{spellings})" for i, (_, spellings) in enumerate(OTHER_SERVICES))
_NAMED = re.compile(rf"(?<![A-Za-z0-9])(?i:{_SPELLINGS})(?![a-z0-9])")


# Every spelling, for a plain substring test first: the pattern costs 0.15 ms on a log line that names none (most)
_NEEDLES = tuple(w for _, spellings in OTHER_SERVICES for w in spellings.split("|"))


def may_name_service(text: str) -> bool:
    """Whether the text holds a spelling of one of the services at all (a cheap test before named_service)."""
    lowered = text.lower()
    return any(n in lowered for n in _NEEDLES)


def named_service(prose: str) -> str | None:
    """The first other service the text names, as the service writes its name."""
    if not may_name_service(prose):
        return None
    m = _NAMED.search(prose)
    if m is None or m.lastgroup is None:
        return None
    return OTHER_SERVICES[int(m.lastgroup[1:])][0]


# A sender the paste's own words name, beyond the list above: "KashFlow returned 400: ...", "Reckon API error: ...",
# "the response from FreeAgent: ...", or the User-Agent of another service's SDK ("xero-python/4.0"). The name is a
# word written with a capital (KashFlow, Reckon), a lower-case word with one inside (sevDesk) or after a letter and a
# hyphen (e-conomic, e-Boekhouden), of three letters or more (two are any abbreviation: IX is what Portuguese users
# call InvoiceXpress, QB QuickBooks): a word in lower case before "returned" is the speaker's noun ("the server
# returned"). Letters only and short: never a value of the paste.
_NAME = re.compile(r"[A-Z][A-Za-z]{2,19}|[a-z]{1,12}[A-Z][A-Za-z]{1,12}|[a-zA-Z]-[A-Za-z]{3,15}")
# What says that the words just before it name the sender ("KashFlow returned", "Reckon API error"), or (_FROM) just
# after it ("the response from FreeAgent"): found first, then the name is read beside it (a search for the name
# itself tried every word of a log line: 0.165 ms a line, now about 0.02 ms)
_SAID_AFTER_NAME = re.compile(
    r" (?:returned|returns|responded|responds|replied|replies|answered|answers|rejected|rejects|refused|refuses)\b"
    r"| (?:API|Api) (?:error|exception|failure|response|call failed)\b"
)
_FROM = re.compile(r" (?:from|by) (?:the )?(\S{3,32})")  # after an error's noun (_FROM_NOUNS)
_FROM_NOUNS = ("error", "response", "reply", "answer", "rejection")
_API_WORDS = frozenset({"API", "Api", "api", "server", "servers"})
# The User-Agent of an SDK named for its service and its language (xero-python/4.0, Xero-NetStandard/3.1, OpenAI/Python)
_SDK_AGENT = re.compile(
    r"(?im)^[<>*\s-]*user-agent: *(?P<name>(?:[A-Za-z]-)?[A-Za-z]{3,20})[-_/ ]"
    r"(?:python|node|nodejs|ruby|php|java|go|golang|dotnet|net|netstandard|csharp|js)(?![a-z])"
)
# What the search needs: a verb or phrase of the forms above, in lower case (a plain substring test first)
_ANSWER_NEEDLES = ("return", "respon", "replie", "answer", "reject", "refuse", " api ", " from ", " by ", "user-agent")

# Words that fill a sender's place but name no service: the speaker's nouns and pronouns, the HTTP clients,
# tools, frameworks and languages a call is made with (they carry a vendor's answer: "Postman returned"), the
# platforms vendors run on (explain24: a vendor's error can name them), the relays between applications, the
# environment a call went to ("Prod returned") and the adverbs that begin a sentence ("Suddenly returns 400")
_NO_SERVICE_WORDS = """
    a an the this that it its which what who he she they we i you my our your their his her me us them
    then so and or but also still now again only just here there when if after before once while because
    api apis rest web http https soap json xml sdk server servers service services endpoint endpoints request
    requests response responses call calls query function method backend gateway proxy upstream remote host site
    system app application client platform website page everything nothing something everyone nobody someone
    error errors exception result output status code validation connection database webhook integration sync
    connector plugin extension module script test tests sandbox production staging live dev login auth oauth
    token authorization invoice invoices payment payments customer customers company account accounts user users
    support team admin partner vendor provider bank tax accounting business cloud data public private external
    internal new old legacy v1 v2 v3 post get put patch delete head options first second last next another other
    same following above below body header headers json xml html form field value message import export
    operation operations task job action command process step handler route controller resource object entity
    record item line transaction document file report library package sdks framework tool tools program
    postman insomnia curl swagger fiddler paw hoppscotch bruno httpie wget browser chrome firefox safari edge
    zapier make integromat workato tray boomi mulesoft celigo automate flow logic ifttt pipedream
    node nodejs python java php ruby go golang javascript typescript kotlin swift rust perl dotnet net csharp
    axios fetch guzzle okhttp retrofit restsharp httpclient faraday requests httpx aiohttp urllib jquery ajax
    laravel django flask fastapi rails spring express nest nestjs symfony angular react vue next nuxt
    iis apache nginx kestrel tomcat jetty haproxy envoy traefik cloudflare akamai fastly
    azure aws amazon google gcp microsoft lambda heroku vercel netlify docker kubernetes github gitlab
    windows linux mac macos ios android excel word e-mail x-ray
    update updated create created save saved submit submitted upload uploaded download push pushed pull sent
    resend retry retried retrying posting insert inserted remove removed load loaded read write refresh renew
    approve lookup search sync syncing batch worker workers queue scheduler cron daemon poll polling quote estimate
    prod uat qa preprod localhost local payload firewall always sometimes suddenly randomly occasionally usually often
    never intermittently consistently resttemplate webclient feign unirest alamofire urlsession httpresponsemessage
    restassured superagent soapui newman jmeter k6 powershell sidekiq hangfire celery airflow
"""
_NO_SERVICE = frozenset(_NO_SERVICE_WORDS.split())


def _name_before(words: list[str]) -> str | None:
    """The sender named by the last of ``words`` (the text before "returned"): "KashFlow", "Reckon's API", "the
    Zoho Books server" (two capitalised words are one name, "Wave Accounting" too, though its second is a common
    noun), when it is no mere word of the speaker's ("the Customer Service", "Saving Invoice": a verb's -ing form
    begins no name)."""
    words = [w.strip("\"'([{<*`") for w in words[-4:]]
    if words and words[-1].endswith(":"):
        words[-1] = words[-1][:-1]
    if words and words[-1] in _API_WORDS:
        words = words[:-2] if len(words) > 1 and words[-2] in ("REST", "Web") else words[:-1]
    if not words:
        return None
    name = words[-1].removesuffix("'s")
    before = words[-2] if len(words) > 1 else ""
    first = _NAME.fullmatch(before) and before[0].isupper() and before.lower() not in _NO_SERVICE and not before.endswith("ing")
    if not _NAME.fullmatch(name) or (name.lower() in _NO_SERVICE and not (first and name[0].isupper())):
        return None
    return f"{before} {name}" if first else name


def _name_after(word: str) -> str | None:
    name = word.rstrip(":,.;)\"'").removesuffix("'s")
    return name if _NAME.fullmatch(name) and name.lower() not in _NO_SERVICE else None


def may_name_answering(text: str) -> bool:
    """Whether the text holds a word of answering_services' forms at all (a cheap test first)."""
    lowered = text.lower()
    return any(n in lowered for n in _ANSWER_NEEDLES)


def answering_services(head: str) -> Iterator[str]:
    """Each service the paste's own words say answered (a name, or two words of one: "Zoho Books"), the speaker's
    words and the tools a call is made with left out; its caller leaves out the vendors' own names and asks
    may_name_answering first. A URL or host is one word that is no name: the text is read as it is."""
    lowered = head.lower()
    for m in _SAID_AFTER_NAME.finditer(head):
        if name := _name_before(head[max(0, m.start() - 80) : m.start()].split()):
            yield name
    for m in _FROM.finditer(head):
        if head[max(0, m.start() - 9) : m.start()].lower().endswith(_FROM_NOUNS) and (name := _name_after(m.group(1))):
            yield name
    if "user-agent" in lowered:
        yield from (m.group("name") for m in _SDK_AGENT.finditer(head) if m.group("name").lower() not in _NO_SERVICE)
