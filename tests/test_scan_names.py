"""The names scan gives other programs' errors read as the error they are, on real logs' lines: an error's code and a
function's name kept whole, a JSON context's keys, the exception or reason a record states on its next line; what varies
(ids, numbers) still masked, so that one error stays one group."""

from __future__ import annotations

from errcat.scan.summary import signature
from scanlines import OTEL_EXPORT_FAILED, other_groups, scanned

# GoogleCloudPlatform/ops-agent@588c4b962526c18cc104d00a87ca83fcb9c19f94
# transformation_test/testdata/logging_processor-nginx-error/input.log, lines 3 and 5
NGINX_ERRORS = [
    "2021/08/26 16:52:45 [error] 29060#29060: *2193 connect() failed (111: Connection refused) while connecting to upstream,"
    ' client: 10.0.0.50, server: api.example.com, request: "GET /api/v1/users HTTP/1.1", upstream: '
    '"http://127.0.0.1:8080/users", host: "api.example.com"',
    "2021/08/26 16:54:01 [error] 29060#29060: *2195 SSL_do_handshake() failed (SSL: error:1408F10B:SSL routines:"
    "ssl3_get_record:wrong version number) while SSL handshaking, client: 172.16.0.100, server: secure.example.com",
]


def test_an_openssl_error_is_named_by_its_code_and_function(index, tmp_path):
    """Its code and function were masked ("error:<n>F<n>B", "ssl<n>_get_record"): what tells OpenSSL's errors apart; the
    errno of the line beside it is still a number."""
    assert other_groups(scanned(index, tmp_path, "error.log", NGINX_ERRORS)) == [
        (
            "[error] SSL_do_handshake() failed (SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number) "
            "while SSL handshaking",
            [2],
        ),
        ("[error] connect() failed (<n>: Connection refused) while connecting to upstream", [1]),
    ]


def test_a_zap_console_lines_context_is_named_by_its_keys(index, tmp_path):
    """Its fields were named "{'…': '…', '…': '…', ...}": their keys are the program's, their values vary."""
    [(name, lines)] = other_groups(scanned(index, tmp_path, "otel.log", OTEL_EXPORT_FAILED))
    assert lines == [1]
    assert "Exporting failed. Dropping data. {\"otelcol.component.id\": '…', \"otelcol.component.kind\": '…'" in name


def test_a_status_in_an_errors_words_does_not_lead_its_name(index, tmp_path):
    """The collector's exporter failed; Prometheus's 500 is in the error's words ("responded with HTTP Status Code 500"),
    no field's value: the name began "HTTP 500 error ...", as if the collector had answered it. A JSON line's status
    in a field still leads (test_scan_levels: Envoy's "response_code", pino's, Traefik's)."""
    [(name, _)] = other_groups(scanned(index, tmp_path, "otel.log", OTEL_EXPORT_FAILED))
    assert name.startswith("error internal/queue_sender.go:<n> Exporting failed. Dropping data. {")


# GoogleCloudPlatform/ops-agent@588c4b962526c18cc104d00a87ca83fcb9c19f94
# transformation_test/testdata/logging_processor-tomcat-system/input.log, lines 20 and 24-27
TOMCAT = [
    "21-Jul-2025 10:33:44.234 ERROR [http-nio-8080-exec-4] org.apache.catalina.core.StandardWrapperValve Servlet.service() "
    "for servlet [dispatcher] threw exception",
    "21-Jul-2025 17:03:21.101 ERROR [http-nio-8080-exec-7] org.apache.catalina.core.StandardWrapperValve Servlet.service() "
    "for servlet [dispatcher] threw exception",
    'java.lang.NullPointerException: Cannot invoke "String.length()" because "input" is null',
    "\tat com.example.service.UserService.getUserById(UserService.java:42)",
    "\tat com.example.controller.UserController.handleRequest(UserController.java:28)",
]


def test_a_java_exception_under_a_message_names_its_group(index, tmp_path):
    """Tomcat's "threw exception" line named every servlet's crash alike, the exception below it left out."""
    groups = other_groups(scanned(index, tmp_path, "catalina.log", TOMCAT))
    head = "ERROR [<thread>] org.apache.catalina.core.StandardWrapperValve Servlet.service() for servlet [dispatcher] threw exception"
    assert groups[0] == (head, [1])
    assert groups[1][0].startswith(f"{head} java.lang.NullPointerException: ") and groups[1][1] == [2]


# GoogleCloudPlatform/ops-agent@588c4b962526c18cc104d00a87ca83fcb9c19f94
# transformation_test/testdata/logging_processor-couchdb/input.log, lines 3-5 and 7
COUCHDB = [
    "[error] 2022-01-12T16:53:03.094488Z nonode@nohost emulator -------- Error in process <0.463.0> with exit value:",
    '\t\t\t\t\t{database_does_not_exist,[{mem3_shards,load_shards_from_db,"_users",[{file,"src/mem3_shards.erl"},{line,399}]},'
    '{mem3_shards,load_shards_from_disk,1,[{file,"src/mem3_shards.erl"},{line,374}]}]}',
    "[warning] 2022-01-12T16:55:21.782456Z nonode@nohost <0.892.0> 3d2f1a8bc7 localhost:5984 192.168.1.100 GET "
    "/myapp/_design/users/_view/by_email 404 not_found 8",
    "[info] 2022-01-12T16:56:14.334567Z nonode@nohost <0.1024.0> b8e4c93f12 localhost:5984 172.16.0.25 POST "
    "/inventory/_bulk_docs 200 ok 142",
]


def test_an_erlang_crash_is_named_by_the_reason_on_its_next_line(index, tmp_path):
    """ "Error in process <0.463.0> with exit value:" named every crash of every process alike."""
    crash = next(name for name, _ in other_groups(scanned(index, tmp_path, "couchdb.log", COUCHDB)) if "exit value" in name)
    assert crash.startswith(
        "[error] nonode@nohost emulator -------- Error in process <<n>> with exit value: "
        "{database_does_not_exist,[{mem3_shards,load_shards_from_db,"
    )


def test_what_varies_is_still_masked():
    """A request's id in lower-case hex (CouchDB's), a process id, a port and a status are each request's own: two
    requests' lines, once masked, differ only by their words."""
    first, second = (signature(line.split(" ", 2)[2]) for line in COUCHDB[2:])
    assert first.split(" GET ")[0] == second.split(" POST ")[0] == "nonode@nohost <<n>> <id> localhost:<n> <n>"
