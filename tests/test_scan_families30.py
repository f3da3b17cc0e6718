"""Scan on real logs of families the earlier sweeps had not read (sweep30): Rails's production.log, PostgreSQL's csvlog,
Squid's access log, HID Bravura Monitor's error log, and Android Studio's logcat lines that hold no word but their level.
Each read as the error it is and named by what failed: no logger's head, session fields or whole proxy line in its name,
and a server's own record of the status it answered no unknown vendor's error."""

from __future__ import annotations

import pytest

from errcat.scan.verdict import level
from scanlines import is_read, other_groups, scanned

# khalid-hussain/HisnulMuslim issue #63 (https://github.com/khalid-hussain/HisnulMuslim/issues/63), the first lines of its
# logcat as Android Studio's window before 2023 showed them (pid-tid, "?" for the package, then the letter and the tag)
LOGCAT_STUDIO = [
    "2019-04-14 04:31:25.820 31823-31823/? E/id.defcontaine: Not starting debugger since process cannot load the jdwp agent.",
    "    ",
    "    --------- beginning of system",
    "2019-04-14 04:31:28.159 2174-3442/? E/installd: Failed to delete /data/app/vmdl1957957443.tmp: No such file or directory",
    "2019-04-14 04:31:28.252 31917-31917/? E/com.miui.spock: Not starting debugger since process cannot load the jdwp agent.",
    "2019-04-14 04:31:28.355 2921-5869/? E/ANDR-PERF-JNI: com_qualcomm_qtiperformance_native_perf_io_prefetch_start",
    "2019-04-14 04:31:28.355 585-639/? E/ANDR-PERF-MPCTL: Invalid profile no. 0, total profiles 0 only",
    "2019-04-14 04:31:28.368 2921-5869/? E/ActivityTrigger: activityStartTrigger: not whiteListedcom.khalid.hisnulmuslim/"
    "com.khalid.hisnulmuslim.DuaGroupActivity/1",
]


def test_logcat_lines_whose_only_sign_is_their_letter_are_read(index, tmp_path):
    """An "E/tag" line that says no failure in words ("Not starting debugger ...") is read for its letter alone (the
    needle " E/"): without it only the line saying "Failed" was found, one error of six."""
    errors = [1, 4, 5, 6, 7, 8]
    assert all(is_read(LOGCAT_STUDIO[n - 1]) for n in errors)
    assert [level(LOGCAT_STUDIO[n - 1]) for n in errors] == ["e"] * 6
    groups = other_groups(scanned(index, tmp_path, "logcat.txt", LOGCAT_STUDIO))
    assert sorted(line for _, lines in groups for line in lines) == errors
    assert ("E/id.defcontaine: Not starting debugger since process cannot load the jdwp agent.", [1]) in groups


# rails/rails issue #19458 (https://github.com/rails/rails/issues/19458), its production.log as quoted (Rails 4.0)
RAILS_FATAL = [
    "I, [2015-03-20T08:39:14.324642 #908]  INFO -- : Processing by HomeController#index as HTML",
    "I, [2015-03-20T08:39:14.325744 #908]  INFO -- : Completed 500 Internal Server Error in 1ms",
    "F, [2015-03-20T08:39:14.329870 #908] FATAL -- : ",
    "ActionView::MissingTemplate (Missing template home/index, application/index with {:locale=>[:en], :formats=>[:html], "
    ":handlers=>[:erb, :builder, :raw, :ruby, :jbuilder, :coffee]}. Searched in:",
    '  * "/home/rails/app/views"',
    "):",
]
# rails/rails issue #39008 (https://github.com/rails/rails/issues/39008), its production.log's last line (Rails 6, tagged)
RAILS_TAGGED = [
    "I, [2020-04-21T16:05:31.791413 #1]  INFO -- : [02340258-b640-43e6-811b-18b76867f8ad] Completed 500 Internal Server "
    "Error in 27ms (ActiveRecord: 0.0ms | Allocations: 5899)"
]


def test_rails_fatal_block_without_tags_is_named_by_its_exception(index, tmp_path):
    """Rails 4's FATAL line says nothing and its exception follows on lines of no head: the record was the empty line
    alone, named "F, [#<n>] FATAL -- :" (each such failure one group)."""
    report = scanned(index, tmp_path, "production.log", RAILS_FATAL)
    groups = dict(other_groups(report))
    assert groups["INFO -- : Completed <n> Internal Server Error in <n>ms"] == [2]
    [fatal] = [name for name in groups if "FATAL" not in name and "Completed" not in name]
    assert fatal.startswith("ActionView::MissingTemplate (Missing template home/index, application/index with")
    assert groups[fatal] == [3]
    assert report.errors == 2


def test_rails_completed_status_is_its_own_answer_not_a_vendors(index, tmp_path):
    """Rails's "Completed 500 Internal Server Error" is what the app answered: it was counted as an unknown vendor's HTTP
    500 not in the catalog (so --fail-on unmatched failed on an app's own log), named from Ruby Logger's "I, [#<n>]"."""
    report = scanned(index, tmp_path, "production.log", RAILS_TAGGED)
    assert not report.unmatched and not report.matched
    assert other_groups(report) == [
        ("INFO -- : [<id>] Completed <n> Internal Server Error in <n>ms (ActiveRecord: <n>ms | Allocations: <n>)", [1])
    ]


# elastic/beats@3dcb695f23005fb53713828baecbc5607782f1e6 filebeat/module/postgresql/log/test/postgresql-13-error-code.csv.log
# (Apache-2.0), whole: PostgreSQL's csvlog
POSTGRES_CSVLOG = [
    '2021-02-14 10:45:33.257 UTC,"postgres","postgres",86,"172.24.0.1:48978",6028ff3a.56,4,"idle",2021-02-14 10:45:14 UTC,'
    '3/3,0,LOG,00000,"statement: SET idle_in_transaction_session_timeout = 50;",,,,,,,,,"psql","client backend"',
    '2021-02-14 10:45:48.113 UTC,"postgres","postgres",86,"172.24.0.1:48978",6028ff3a.56,5,"idle",2021-02-14 10:45:14 UTC,'
    '3/4,0,LOG,00000,"statement: BEGIN;",,,,,,,,,"psql","client backend"',
    '2021-02-14 10:45:48.164 UTC,"postgres","postgres",86,"172.24.0.1:48978",6028ff3a.56,6,"idle in transaction",'
    '2021-02-14 10:45:14 UTC,3/4,0,FATAL,25P03,"terminating connection due to idle-in-transaction timeout",,,,,,,,,"psql",'
    '"client backend"',
    '2021-02-14 10:45:48.164 UTC,"postgres","postgres",86,"172.24.0.1:48978",6028ff3a.56,7,"idle in transaction",'
    '2021-02-14 10:45:14 UTC,,0,LOG,00000,"disconnection: session time: 0:00:33.289 user=postgres database=postgres '
    'host=172.24.0.1 port=48978",,,,,,,,,"psql","client backend"',
]


def test_postgres_csvlog_is_named_from_its_level(index, tmp_path):
    """The fields before the level (user, database, pid, client, session, its state and start) began the name: a
    failure was a group for each session. Quoted fields and the session's unquoted start are fields too."""
    assert other_groups(scanned(index, tmp_path, "postgresql.csv", POSTGRES_CSVLOG)) == [
        ('FATAL,<n>P<n>,"terminating connection due to idle-in-transaction timeout",,,,,,,,,\'…\',"client backend"', [3])
    ]


# elastic/beats@d13173e2df5cf5681216723b4aa70c3fbfc0d403 x-pack/filebeat/module/squid/log/test/access1.log (Elastic
# License 2.0), lines 22 and 42-45: Squid's native access log, its proxy authentication asked for (TCP_DENIED/407)
SQUID = [
    "1157689337.481      4 10.105.47.218 TCP_DENIED/407 1661 GET http://hi5.com/ - NONE/- text/html",
    "1157689358.173      1 10.105.37.17 TCP_DENIED/407 1667 CONNECT us.mcafee.com:443 - NONE/- text/html",
    "1157689358.174      0 10.105.37.17 TCP_DENIED/407 1767 POST http://us.mcafee.com/apps/agent/submgr/appinstru.asp - "
    "NONE/- text/html",
    "1157689358.174      0 10.105.37.17 TCP_DENIED/407 1761 POST http://us.mcafee.com/apps/agent/submgr/appsync.asp - "
    "NONE/- text/html",
    "1157689358.226      0 10.105.37.17 TCP_DENIED/407 1667 CONNECT us.mcafee.com:443 - NONE/- text/html",
]


def test_squid_tunnel_is_named_by_its_host_and_port(index, tmp_path):
    """A CONNECT request names no path: its group was its whole line, "HTTP 407 <n> <n> <n> TCP_DENIED/<n> <n> CONNECT
    us.mcafee.com:<n> - NONE/- text/html"; now by its host and port, as a GET is by its URL."""
    groups = dict(other_groups(scanned(index, tmp_path, "access.log", SQUID)))
    assert groups["HTTP 407 CONNECT us.mcafee.com:<n>"] == [2, 5]
    assert groups["HTTP 407 GET hi<n>.com/"] == [1]


# elastic/beats@d847c0914739c1c27fbd333f62dcd5b490129c42 filebeat/module/hid_bravura_monitor/log/test/error.log
# (Apache-2.0), whole
HID_BRAVURA = [
    "2021-01-16 00:35:25.258.7085 - [] pamlws.exe [44408,52004] Error: LWS [HID-TEST] foundcomputer record not found",
    "",
]


def test_a_programs_error_after_its_process_and_thread_ids_is_an_error(index, tmp_path):
    """HID Bravura Monitor writes its level as a word after the program's process and thread ids: its error log's one
    error was read as no error."""
    assert level(HID_BRAVURA[0]) == "error"
    assert level(HID_BRAVURA[0].replace(" Error: ", " Info: ")) is None
    [(name, lines)] = other_groups(scanned(index, tmp_path, "error.log", HID_BRAVURA))
    assert name.endswith("pamlws.exe [<n>] Error: LWS [HID-TEST] foundcomputer record not found")
    assert lines == [1]


# WeBankFinTech/Schedulis issue #107 (https://github.com/WeBankFinTech/Schedulis/issues/107), its mvn output's end
MAVEN = [
    "[INFO] BUILD FAILURE",
    "[INFO] ------------------------------------------------------------------------",
    "[INFO] Total time: 02:08 min",
    "[INFO] Finished at: 2022-08-31T17:19:18+08:00",
    "[INFO] Final Memory: 19M/481M",
    "[INFO] ------------------------------------------------------------------------",
    "[ERROR] Plugin org.apache.maven.plugins:maven-javadoc-plugin:2.10.4 or one of its dependencies could not be resolved: "
    "Failed to read artifact descriptor for org.apache.maven.plugins:maven-javadoc-plugin:jar:2.10.4: Could not transfer "
    "artifact org.apache.maven.plugins:maven-javadoc-plugin:pom:2.10.4 from/to central (https://repo.maven.apache.org/maven2): "
    "Connect to repo.maven.apache.org:443 [repo.maven.apache.org/146.75.92.215] failed: Connection timed out (Connection "
    "timed out) -> [Help 1]",
    "[ERROR] ",
    "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.",
    "[ERROR] Re-run Maven using the -X switch to enable full debug logging.",
    "[ERROR] ",
    "[ERROR] For more information about the errors and possible solutions, please read the following articles:",
    "[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/PluginResolutionException",
]


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
def test_mavens_help_after_a_failure_is_part_of_it(index, tmp_path, use_engine, engine):
    """Maven writes a failure, a line of its level alone, then its help on lines of the same level: each help line was an
    error of its own (five errors for one failure). Both engines mark the lone level line alike."""
    assert use_engine(engine) == engine
    report = scanned(index, tmp_path, "build.log", MAVEN)
    [(name, lines)] = other_groups(report)
    assert name.startswith("[ERROR] Plugin org.apache.maven.plugins:maven-javadoc-plugin:<n> or one of its dependencies")
    assert lines == [7]
    assert report.errors == 1


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
def test_a_vendor_error_logged_after_mavens_help_is_its_own_record(index, tmp_path, use_engine, engine):
    """Only Maven's help goes on after the level alone: vendor errors an app logged under the same level after it (a
    build's integration test failing on MYOB and Sage) were taken into the build's failure, their vendor, documented match
    and lines lost (review15). Each is found at its line and matched; Maven's failure stays one other program's error."""
    assert use_engine(engine) == engine
    myob = (
        '[ERROR] MYOB call failed: 400 {"Errors":[{"Name":"DatePriorToBeginningOfFinancialYear","Message":"Date cannot be '
        'prior to beginning of financial year","AdditionalDetails":"Date","ErrorCode":25008,"Severity":"Error"}]}'
    )
    sage = (
        '[ERROR] Sage call failed: 401 {"$severity":"error","$dataCode":"AccessTokenExpiredError","$message":"Your Access '
        'token has expired.","$source":"Authorization"}'
    )
    for cut in (len(MAVEN), 9):  # after the whole help, and inside it (after "To see the full stack trace ...")
        report = scanned(index, tmp_path, "build.log", [*MAVEN[:cut], myob, sage])
        found = {k[0]: [p.line for p in g.places] for k, g in report.matched.items()}
        assert found == {"myob": [cut + 1], "sage": [cut + 2]}, cut
        assert [lines for _, lines in other_groups(report)] == [[7]]


# Hebe-lab-2025/Cangqiongwaimai-Monica2026@dd67197 Readme/Debug/POM.md lines 4-23: Maven's failure to read a project,
# its problems listed under the level alone, indented ("[ERROR]   The project ... has 1 error", "[ERROR]     Non-resolvable
# parent POM ..."), then its help
MAVEN_PROBLEMS = [
    "[INFO] Scanning for projects...",
    "[ERROR] [ERROR] Some problems were encountered while processing the POMs:",
    "[WARNING] 'parent.relativePath' of POM org.example:sky-pojo:1.0-SNAPSHOT (/Users/yonggan/Downloads/sky-take-out-Monica-2026"
    "/sky-take-out-Monica/sky-pojo/pom.xml) points at com.sky:sky-take-out-Monica instead of org.example:sky-take-out-Monica, "
    "please verify your project structure @ line 5, column 13",
    "[FATAL] Non-resolvable parent POM for org.example:sky-pojo:1.0-SNAPSHOT: The following artifacts could not be resolved: "
    "org.example:sky-take-out-Monica:pom:1.0-SNAPSHOT (absent): Could not find artifact org.example:sky-take-out-Monica:pom:"
    "1.0-SNAPSHOT and 'parent.relativePath' points at wrong local POM @ line 5, column 13",
    "[WARNING] 'parent.relativePath' of POM com.sky:sky-common:1.0-SNAPSHOT (/Users/yonggan/Downloads/sky-take-out-Monica-2026"
    "/sky-take-out-Monica/sky-common/pom.xml) points at com.sky:sky-take-out-Monica instead of com.sky:sky-take-out, please "
    "verify your project structure @ line 5, column 13",
    " @ ",
    "[ERROR] The build could not read 1 project -> [Help 1]",
    "[ERROR]   ",
    "[ERROR]   The project org.example:sky-pojo:1.0-SNAPSHOT (/Users/yonggan/Downloads/sky-take-out-Monica-2026/sky-take-out-Monica"
    "/sky-pojo/pom.xml) has 1 error",
    "[ERROR]     Non-resolvable parent POM for org.example:sky-pojo:1.0-SNAPSHOT: The following artifacts could not be resolved: "
    "org.example:sky-take-out-Monica:pom:1.0-SNAPSHOT (absent): Could not find artifact org.example:sky-take-out-Monica:pom:"
    "1.0-SNAPSHOT and 'parent.relativePath' points at wrong local POM @ line 5, column 13 -> [Help 2]",
    "[ERROR] ",
    "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.",
    "[ERROR] Re-run Maven using the -X switch to enable full debug logging.",
    "[ERROR] ",
    "[ERROR] For more information about the errors and possible solutions, please read the following articles:",
    "[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/ProjectBuildingException",
    "[ERROR] [Help 2] http://cwiki.apache.org/confluence/display/MAVEN/UnresolvableModelException",
]


@pytest.mark.parametrize("engine", ["hyperscan", "python"])
def test_the_problems_maven_lists_under_a_failure_are_part_of_it(index, tmp_path, use_engine, engine):
    """Maven lists the problems of a project it could not read under the level alone, indented, then its help: each problem
    line was an error of its own (the project's "has 1 error" and its parent POM's, three errors for one failure), since
    only Maven's help went on after the level alone (review16). They are the failure's lines; an unindented line is not."""
    assert use_engine(engine) == engine
    report = scanned(index, tmp_path, "build.log", MAVEN_PROBLEMS)
    failures = [lines for text, lines in other_groups(report) if text.startswith("[ERROR] The build could not read")]
    assert failures == [[7]]
    assert not [text for text, _ in other_groups(report) if "has <n> error" in text or text.startswith("[ERROR] Non-resolvable")]
