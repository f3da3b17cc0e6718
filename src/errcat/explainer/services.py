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
from collections.abc import Iterator, Sequence

from .people import names_a_person

# (the name as the service writes it, the spellings a paste uses, literal words): accounting, ERP, payments and
# commerce APIs
OTHER_SERVICES: tuple[tuple[str, str], ...] = (
    ("Xero", "xero"),
    ("QuickBooks", "quickbooks|intuit|qbo"),  # QBO: QuickBooks Online, as its users write it (QBO.findCustomers)
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


# A sender the paste's own words name, beyond the list above, read from where a sender stands in the text, not from
# a list of names (answering_services):
# - the subject of a verb of answering: "KashFlow returned 400", "Reckon says:", "Xero threw", "the Zoho Books API
#   responded"; in lower case ("kashflow returned 400") only where a sentence starts: mid-sentence a lower-case word
#   there is the speaker's noun ("the server returned");
# - a name before an error's noun: "Reckon API error:", "Stripe error:";
# - the object of "from", "by" or "calling" in a clause about an answer or an error: "the response from FreeAgent",
#   "Got this from Reckon:", "Error calling Reckon One:"; the object of "to" in a clause about sending a request:
#   "When posting to KashFlow I get:";
# - a label that opens a line before a status: "[Reckon One] 400 Bad Request - ...", "Reckon One: 400 ...",
#   "KashFlow (400): ...";
# - the User-Agent of another service's SDK ("xero-python/4.0").
# A name is a word written with a capital (KashFlow, Reckon, BILL), a lower-case word with one inside (sevDesk) or
# after a letter and a hyphen (e-conomic, e-Boekhouden), of three letters or more (two are any abbreviation: IX is
# what Portuguese users call InvoiceXpress, QB QuickBooks), or a domain written as a brand (Bill.com); one or two
# such words (Zoho Books). Letters only and short: never a value of the paste.
_NAME = re.compile(r"[A-Z][A-Za-z]{2,19}|[a-z]{1,12}[A-Z][A-Za-z]{1,12}|[a-zA-Z]-[A-Za-z]{3,15}")
_LOWER_NAME = re.compile(r"[a-z][a-z]{2,19}")
_BRAND_DOMAIN = re.compile(
    r"[A-Za-z][A-Za-z-]{1,30}\.(?:com|net|org|io|co|app|ai|biz|eu|uk|au|nz|de|fr|es|pt|it|nl|se|no|dk|fi|ca)"
)
# What says that the words just before it name the sender: a verb of answering, or an error's noun ("Reckon API
# error", "Stripe error:"); found first, then the name is read beside it (a search for the name itself tried every
# word of a log line: 0.165 ms a line, now about 0.02 ms)
_SAID_AFTER_NAME = re.compile(
    r" (?P<verb>returned|returns|responded|responds|rejected|rejects|refused|refuses|threw|throws"
    r"|(?P<spoken>replied|replies|answered|answers|says|said|gave|gives|reported|reports|complains|complained)"
    r"|(?:sent|sends|came|comes) back|sp(?:at|its) out|(?:is|keeps|kept|started) (?:returning|throwing|rejecting|giving))\b"
    r"| (?:API|Api|api) (?:error|exception|failure|response|call failed)\b"
    r"| (?:error|Error|ERROR|exception|Exception|fault|Fault)s?:"
)
# The object of these words names the sender in a clause about an answer (_ANSWER_CLAUSE)
_OBJECT = re.compile(r"(?:(?<= )|(?<=^)|(?<=\n))(?:from|From|by|calling) (?:the )?")
# A line that opens with "From" and names the sender before a colon ("From KashFlow: ...") needs no more context
_FROM_LABEL = re.compile(r"[ \t]*From (?:the )?[\w.'-]{2,32}(?: [\w.'-]{2,32})?:")
_ANSWER_CLAUSE = re.compile(
    r"(?i)\b(?:got|get|gets|getting|received?|receiving|seeing|error|errors|exception|response|reply|answer|rejection"
    r"|message|status|failure|fault|returned|rejected|thrown|raised|sent|[45]\d\d)\b"
)
# The object of "to" (or "via") names the sender in a clause about sending a request (_SENDING): "When posting to
# KashFlow I get:", "Sending the invoice to Reckon returned", "invoice email via Microsoft Graph failed"; never a verb
# ("Failed to Post": the speaker's words)
_TO = re.compile(r"(?:(?<= )|(?<=^)|(?<=\n))(?:to|via) (?:the )?")
_SENDING = re.compile(
    r"(?i)\b(?:email|emails|emailing|emailed|mail|mailing|mailed"
    r"|post|posts|posting|posted|send|sends|sending|sent|submit|submits|submitting|submitted|push|pushes|pushing"
    r"|pushed|upload|uploads|uploading|uploaded|export|exports|exporting|exported|sync|syncs|syncing|synced|put|patch"
    r"|request|requests|call|calls|connect|connects|connecting|connected)\b"
)
# A label opening a line before a status: "[Reckon One] 400 Bad Request", "Reckon One: 400", "[Reckon]: HTTP 400",
# and a name before its status in parentheses: "KashFlow (400): ...". The status after the label is found first, then
# the line's start before it (a search from every line's start cost 16 ms on 64 KB of pastes). The name in parentheses
# starts where its blanks do: tried from each blank of a run, 60,000 blanks took 2.7 s of CPU.
_AFTER_LABEL = re.compile(r"(?:\]:?|:) *(?:HTTP/?[\d.]* *)?[45]\d\d\b|(?P<parens>(?<! ) *\((?:HTTP/?[\d.]* *)?[45]\d\d\) *:)")
_LABEL = re.compile(r"[ \t>*#-]*(?:\[(?P<bracket>[^\]\n]{3,40})\]:?|(?P<colon>[^:\[\]\n]{3,40}):|(?P<named>[^:()\[\]\n]{3,40}))")
# An exception class named for its service ("KashFlowException:", "ReckonApiError:"), whose words are not all those of
# a kind of error (_ERROR_KIND_WORDS, part of _NO_SERVICE: "HttpRequestException", "InvalidOperationException",
# "Uncaught Error:", "Inner Exception:"; and the classes HTTP clients, resilience and retry libraries raise, whatever
# service they called: Polly's BrokenCircuitException and TimeoutRejectedException, resilience4j's
# CallNotPermittedException, Feign's RetryableException, Flurl's FlurlHttpException, Jackson's
# MismatchedInputException, aiohttp's ServerDisconnectedError, Celery's WorkerLostError, EF Core's DbUpdateException)
# (the class's ending found first, then the name before it: a lazy name tried at every word cost 8 ms on 64 KB)
_EXCEPTION_END = re.compile(r"(?:Exception|Error):")
_EXCEPTION = re.compile(r"(?<![A-Za-z0-9])(?P<name>[A-Za-z][A-Za-z]{2,30}?)(?:Api|API)?\Z")
_CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_ERROR_KIND_TEXT = """
    null illegal argument arguments canceled cancelled aggregate socket format assertion security access found memory
    overflow stack sql domain odata unprocessable not out of no such missing io state unsupported media implemented
    index cast divide by zero disposed concurrency serialization reader writer decode encode encoding chunked ssl tls
    max unicode abort standard base custom too many unavailable unreachable denied expired element retries
    conversion mapping constraint violation integrity precondition gone redirect sequelize
    prisma mongoose typeorm hibernate persistence transient dependency injection configuration initialization
    communication transport protocol
    rejected broken circuit isolated bulkhead execution retryable exhausted permitted full connect handshake
    processing mismatched input unrecognized property disconnected lost breaker db flurl polly refit
    dotenv environment inner outer uncaught caught underlying nested root wrapped thrown handled rule rules friendly
"""
_ERROR_KIND_WORDS = frozenset(_ERROR_KIND_TEXT.split())
_API_WORDS = frozenset({"API", "Api", "api", "server", "servers"})
# The User-Agent of an SDK named for its service and its language (xero-python/4.0, Xero-NetStandard/3.1, OpenAI/Python).
# Its line's own blanks only: blank lines before it were read again from each line's start (8,000 of them: 0.4 s of CPU)
_SDK_AGENT = re.compile(
    r"(?im)^(?:[<>*-]|[^\S\n])*+user-agent: *(?P<name>(?:[A-Za-z]-)?[A-Za-z]{3,20}(?:\.[a-z]{2,4})?)[-_/ ]"
    r"(?:python|node|nodejs|ruby|php|java|go|golang|dotnet|net|netstandard|csharp|js)(?![a-z])"
)
# What the search needs: a word of the forms above, in lower case (a plain substring test first)
_ANSWER_NEEDLES = (
    "return", "respon", "replie", "answer", "reject", "refuse", " api ", "from ", " by ", "user-agent", " say", "said",
    "threw", "throw", "gave", "give", "report", "complain", " back", " out", "error", "exception", "fault", "calling",
    "to ", "4", "5",
)  # fmt: skip

# Words that fill a sender's place but name no service: the speaker's nouns and pronouns, the HTTP clients,
# tools, frameworks and languages a call is made with (they carry a vendor's answer: "Postman returned"), the
# platforms vendors run on (explain24: a vendor's error can name them), the relays between applications, the
# environment a call went to ("Prod returned"), the files and places data is sent to ("Export to CSV"), the adverbs
# that begin a sentence ("Suddenly returns 400"), a log's levels ("[ERROR] 400", "WARN: 400"), the sources of a quote
# ("Log says:") and the adjectives and words of an error's kind before its noun ("Unexpected error:", "Internal
# Server Error:"), the monitors and CI that relay an error ("Sentry reported:"), a person's role ("Accountant says:"),
# a greeting and a day ("Hello: 400", "Today returned")
_NO_SERVICE_WORDS = """
    a an the this that it its which what who he she they we i you my our your their his her me us them
    then so and or but also still now again only just here there when if after before once while because
    api apis rest web http https soap json xml sdk server servers service services endpoint endpoints request url uri
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
    iis apache nginx kestrel tomcat jetty haproxy envoy traefik cloudflare cloudfront akamai fastly squid
    azure aws amazon google gcp microsoft lambda heroku vercel netlify docker kubernetes github gitlab
    windows linux mac macos ios android excel word e-mail x-ray csv pdf xlsx xls txt ftp sftp disk drive folder email smtp
    update updated create created save saved submit submitted upload uploaded download push pushed pull sent
    resend retry retried retrying posting insert inserted remove removed load loaded read write refresh renew
    approve lookup search sync syncing batch worker workers queue scheduler cron daemon poll polling quote estimate
    prod uat qa preprod localhost local payload firewall always sometimes suddenly randomly occasionally usually often
    never intermittently consistently resttemplate webclient feign unirest alamofire urlsession httpresponsemessage
    restassured superagent soapui newman jmeter k6 powershell sidekiq hangfire celery airflow
    warn warning info information debug trace fatal critical notice severe err failure fault failed
    log logs logger console terminal documentation docs doc manual help guide stacktrace debugger screen dialog popup
    ui got received returned responded details detail reason note notes description answer reply results
    unexpected unknown unhandled generic general network parse parsing syntax runtime bad invalid unauthorized
    forbidden conflict timeout type key reference range attribute permission authentication duplicate rate limit
    specific actual real full exact common typical similar strange weird odd different original latest current
    sample example complete whole raw
    sentry datadog grafana kibana splunk bugsnag rollbar honeybadger papertrail loggly jenkins
    accountant bookkeeper colleague manager developer
    hello hi hey thanks today tonight yesterday tomorrow importer exporter
    nightly daily hourly weekly monthly yearly annual quarterly overnight morning evening night midnight weekend
    day week month year end start close eod eom run runs runner rerun pipeline workflow routine backup migration schedule
    acme contoso fabrikam northwind initech globex foo bar baz foobar demo mycompany yourcompany companyname myapp
    yourapp appname myorg redacted xxx corp inc ltd llc plc pty gmbh limited corporation incorporated
"""
_NO_SERVICE = frozenset(_NO_SERVICE_WORDS.split()) | _ERROR_KIND_WORDS
# A lower-case word mid-sentence before a verb of answering is a sender's name ("i think kashflow returned") unless it
# is a word of grammar ("an error was returned", "both returned") or follows a determiner ("the checkout returns": a
# common noun)
_GRAMMAR_TEXT = """
    was were is are be been being am has have had having get gets got gotten getting will would could should might
    must can may shall did does do done not also too all both each either neither none every any some many most more
    much few several such mine yours ours theirs hers with for from into onto over under about upon via per than as
    at on in of off out up down nor yet why how where whether though although since until unless whereas else instead
    one ones thing things stuff anything whatever whichever graph bulk mock beta alpha core main open async realtime
    least
"""
# ... nor the parts a speaker's own program is made of ("so middleware returned:", "and graphql says:")
_PROGRAM_PARTS_TEXT = """
    middleware wrapper adapter bridge relay router resolver mutation listener hook trigger producer consumer subscriber
    publisher dispatcher interceptor loader parser serializer deserializer validator mapper transformer processor
    graphql cdn bash shell zsh cmd
"""
_GRAMMAR_WORDS = frozenset(_GRAMMAR_TEXT.split()) | frozenset(_PROGRAM_PARTS_TEXT.split())
_DETERMINERS_TEXT = "the a an my our your their his her its this that these those each every some any no another whose same"
_DETERMINERS = frozenset(_DETERMINERS_TEXT.split())
# The speaker's nouns for what answers, after which a lower-case word names it ("the kashflow api returned", "wave accounting")
_ANSWERERS_TEXT = (
    "api apis server servers service services integration app application system backend gateway platform sdk accounting"
)
_ANSWERERS = frozenset(_ANSWERERS_TEXT.split())
_PRONOUNS = frozenset(["it", "they", "this", "that", "he", "she", "we", "i", "you", "which", "who", "what", "there", "one"])
_CLOSERS = ":,.;)]\"'"


def is_speakers_word(word: str) -> bool:
    """Whether a word is one that fills a sender's place but names no service (_NO_SERVICE: "Sync", "Save")."""
    return word.lower() in _NO_SERVICE


def _is_verb_form(word: str) -> bool:
    """A verb's -ed or -ing form ("Returned", "Saving"): it begins no name."""
    return len(word) > 4 and word.lower().endswith(("ed", "ing"))


def _is_name(word: str, lower_ok: bool = False) -> bool:
    """Whether a word is written as a name (_NAME, a brand's domain), or in lower case where ``lower_ok``."""
    if _NAME.fullmatch(word) or _BRAND_DOMAIN.fullmatch(word):
        return True
    return lower_ok and _LOWER_NAME.fullmatch(word) is not None


def _bare_lower_name(name: str, before: str, noun: str) -> bool:
    """Whether a lower-case word mid-sentence is written as a name: no word of grammar, adverb ("eventually") or
    gerund ("posting returns 400"; an -ed word may be a name: holded), and no determiner before it ("the checkout"),
    unless it names what answered (``noun``, the speaker's noun after it: "our kashflow integration", "the kashflow
    api"); before any other noun of the speaker's it is an adjective ("extra error returned", "my sync job")."""
    if name in _GRAMMAR_WORDS or name.endswith(("ly", "ing")) or (noun and noun not in _ANSWERERS):
        return False
    return bool(noun) or before.lower() not in _DETERMINERS


# A word written as a string literal, in quotes of its own ("FormulaAttribute", 'OUTPUT'), maybe inside a Markdown code
# span: a value the speaker quotes (a field's, a type's), not the sender's name ("with `type: "FormulaAttribute"` returns
# 422 {...}" named FormulaAttribute as another service and weighed it against every vendor)
# ... unless a relay's noun for the app it calls stands before it (Make's "Module 'HubSpot' returned 400", a "node",
# a "connector"): the quoted word is that app's name (claims23: MYOB's documented error in HubSpot's answer was claimed)
_APP_NOUNS = frozenset({"module", "app", "application", "connector", "integration", "node", "service"})
_LITERAL = re.compile(r"`?([\"'])[^\"'\s]{1,60}\1[`,;:.)]{0,3}")


def _name_before(words: Sequence[str], lower_ok: bool = False, mid: bool = False) -> str | None:
    """The sender named by the last of ``words`` (the text before "returned"): "KashFlow", "Reckon's API", "the
    Zoho Books server" (two capitalised words are one name, "Wave Accounting" too, though its second is a common
    noun), when it is no mere word of the speaker's ("the Customer Service", "Saving Invoice": a verb's -ing form
    begins no name). A lower-case name only where ``lower_ok`` and a sentence starts there (after ".", ":"), or, where
    ``mid`` too (before a verb of answering), a bare word mid-sentence (_bare_lower_name)."""
    if words and _LITERAL.fullmatch(words[-1]):  # a quoted value: `type: "FormulaAttribute"` returns 422 ...
        if len(words) < 2 or words[-2].lower() not in _APP_NOUNS:
            return None
        words = [*words[:-2], words[-1]]  # a relay's step named for the app it called: "Module 'HubSpot' returned"
    words = [w.strip("\"'([{<*`") for w in words[-5:]]
    if words and words[-1].endswith(":"):
        words[-1] = words[-1][:-1]
    count, noun = len(words), words[-1].lower() if words else ""  # the speaker's noun a name may stand before
    if words and words[-1] in _API_WORDS:
        words = words[:-2] if len(words) > 1 and words[-2] in ("REST", "Web") else words[:-1]
    elif len(words) > 1 and words[-1].islower() and words[-1] in _NO_SERVICE:  # "our KashFlow integration"
        if words[-1] in _PRONOUNS:  # the pronoun is the subject: "Yesterday it returned", "Since Friday they return"
            return None
        words = words[:-1]
    if not words:
        return None
    if lower_ok and mid and (product := _lower_product(words)):
        return product
    name = words[-1].removesuffix("'s")
    before = words[-2] if len(words) > 1 else ""
    first = _NAME.fullmatch(before) and before[0].isupper() and before.lower() not in _NO_SERVICE and not _is_verb_form(before)
    starts = before.endswith((".", "!", "?", ":", ";")) or (
        mid and _bare_lower_name(name, before, noun if len(words) < count else "")
    )
    starts = lower_ok and starts
    if not _is_name(name, starts):
        return None
    if name.lower() in _NO_SERVICE and not (first and name[0].isupper()):
        return None
    return f"{before} {name}" if first else name


def _lower_product(words: Sequence[str]) -> str | None:
    """A product's two-word name in lower case mid-sentence, a name and "One" ("i think reckon one returned 400"):
    "one" is a pronoun alone, but after a bare lower-case name (no word of the speaker's or of grammar: "this one",
    "at least one", "the new one") it ends the product's name."""
    if len(words) < 2 or words[-1] != "one" or words[-2] in _NO_SERVICE or not _LOWER_NAME.fullmatch(words[-2]):
        return None
    return f"{words[-2]} one" if _bare_lower_name(words[-2], words[-3] if len(words) > 2 else "", "") else None


def _subject(head: str, said: re.Match[str]) -> str | None:
    """The sender named just before ``said`` (a verb of answering or an error's noun); a person only before no verb
    a person says ("John said:", not "John returned 400"). A line's start and the paste's are written as "." among
    the words: a sentence starts after them; mid-sentence a name in lower case stands only before a verb."""
    start = said.start()
    before = head[max(0, start - 80) : start].replace("\n", " . ")
    name = _name_before(("." if start <= 80 else "", *before.split()), lower_ok=True, mid=said.group("verb") is not None)
    return None if name is None or (said.group("spoken") and names_a_person(name) and _relays(name, said)) else name


def _relays(name: str, said: re.Match[str]) -> bool:
    """Whether a person's name before a verb a person says reads as a person relaying an error: a past event ("John
    said:", "Emma reported:") or a full name ("Jane Doe says:"). One given name before the present tense ("Chase
    says:") is as much a service's standing answer as a person's: a service named like a person (JPMorgan Chase) is
    a sender there, and its words name no catalogued vendor."""
    return " " in name or said.group("spoken").endswith(("ed", "id", "ave"))


# An operation's id, a verb joined to its object as OpenAPI Generator's clients name the call that failed ("Error calling
# ListIssuedDocuments: {...}" in C#, "Error calling getInvoice" in Java): the call, not the service that answered it.
# In lower camel case, or of three words or more: a verb and one word in capitals is as often a service's name
# (PostHog, SendGrid, GetResponse: "Error calling PostHog: <words MYOB documents too>" was claimed as MYOB's, review21)
_OPERATION_ID = re.compile(
    r"(?:list|get|create|update|delete|find|search|add|remove|fetch|retrieve|post|put|patch|send|upload|download"
    r"|modify|set|replace|cancel|void|approve|submit)[A-Z][A-Za-z]*"
    r"|(?:List|Get|Create|Update|Delete|Find|Search|Add|Remove|Fetch|Retrieve|Post|Put|Patch|Send|Upload|Download"
    r"|Modify|Set|Replace|Cancel|Void|Approve|Submit)(?:[A-Z][a-z]+){2,}[A-Za-z]*"
)


def _object(head: str, end: int) -> str | None:
    """The sender named just after ``end`` ("from", "by", "calling"): one or two words written as a name."""
    words: list[str] = []
    for raw in head[end : end + 70].split()[:3]:
        word = raw.rstrip(_CLOSERS).removesuffix("'s")
        if not _is_name(word) or (not words and head[end - 8 : end] == "calling " and _OPERATION_ID.fullmatch(word)):
            break
        words.append(word)
        if word != raw or len(words) == 2:
            break
    return _name_before(words) if words else None


def _label(m: re.Match[str]) -> str | None:
    """The sender a line's label names: one or two words, then maybe the speaker's noun ("Reckon One error (400):");
    a person's name before a colon is a chat's line ("Jane Doe: 400 Bad Request ..."), in brackets a service's."""
    words = (m.group("bracket") or m.group("colon") or m.group("named")).split()
    named = words[:-1] if len(words) == 3 and (words[-1] in _API_WORDS or is_speakers_word(words[-1])) else words
    name = _name_before(words) if 0 < len(named) <= 2 else None
    return None if name is None or (not m.group("bracket") and names_a_person(name)) else name


def _names_a_service(class_name: str) -> bool:
    """Whether an exception class's name before Exception/Error has a word beyond those of an error's kind."""
    return not all(w.lower() in _NO_SERVICE for w in _CLASS_WORD.findall(class_name))


def may_name_answering(text: str) -> bool:
    """Whether the text holds a word of answering_services' forms at all (a cheap test first)."""
    lowered = text.lower()
    return any(n in lowered for n in _ANSWER_NEEDLES)


def _objects(head: str) -> Iterator[str]:
    """The senders named as the object of "from", "by" or "calling" in a clause about an answer; a mail client's
    signature ("Sent from Outlook") names none."""
    for m in _OBJECT.finditer(head):
        clause = re.split(r"[.!?\n]", head[max(0, m.start() - 40) : m.start()])[-1]
        if clause.strip() == "Sent":
            continue
        said = _ANSWER_CLAUSE.search(clause) or (not clause.strip() and _FROM_LABEL.match(head, m.start() - len(clause)))
        if said and (name := _object(head, m.end())) and not names_a_person(name):
            yield name


def answering_services(head: str) -> Iterator[tuple[str, bool]]:
    """Each service the paste's own words say answered (a name, or two words of one: "Zoho Books"), the speaker's
    words and the tools a call is made with left out, and whether the name is a product's for sure (an SDK's in a
    User-Agent) rather than words that may name a resource ("Bill returned"); its caller leaves out the vendors' own
    names and asks may_name_answering first. A URL or host is one word that is no name: the text is read as it is."""
    for m in _SAID_AFTER_NAME.finditer(head):
        if name := _subject(head, m):
            yield name, False
    yield from ((name, False) for name in _objects(head))
    for m in _TO.finditer(head):
        clause = re.split(r"[.!?:;\n]", head[max(0, m.start() - 40) : m.start()])[-1]
        if _SENDING.search(clause) and (name := _object(head, m.end())):
            yield name, False
    for end in _AFTER_LABEL.finditer(head):
        start = head.rfind("\n", 0, end.start()) + 1
        stop = end.start() if end.group("parens") else end.start() + 1  # the label's closer, or the name before "("
        if end.start() - start < 48 and (label := _LABEL.fullmatch(head, start, stop)) and (name := _label(label)):
            yield name, False
    for end in _EXCEPTION_END.finditer(head):
        cls = _EXCEPTION.search(head[max(0, end.start() - 40) : end.start()])
        if cls and _names_a_service(cls.group("name")):
            yield cls.group("name"), False
    if "user-agent" in head.lower():
        yield from ((m.group("name"), True) for m in _SDK_AGENT.finditer(head) if m.group("name").lower() not in _NO_SERVICE)
