"""scan on real logs of the ERP servers and PHP apps users run beside the vendors' APIs: Odoo's server log, Frappe's
``bench start`` (honcho's prefixes), Laravel's Monolog lines. Each excerpt is quoted as it was found."""

from __future__ import annotations

from pathlib import Path

from errcat.scan.prefixes import without_prefixes
from errcat.scan.records import Finder
from scanlines import other_groups, scanned

DATA = Path(__file__).parent / "data"


# https://github.com/odoo/odoo/issues/9094 (akram1's log): Odoo 9 on Python 2, two failed JSON requests and a werkzeug
# access line between them; the second traceback cut where the excerpt ends
_ODOO_9094 = [
    "2015-10-15 18:35:37,819 31871 ERROR odoo9 openerp.http: Exception during JSON request handling.",
    "Traceback (most recent call last):",
    '  File "/media/akram/Data/projects/servers/Odoo/odoo9/openerp/http.py", line 599, in _handle_exception',
    "    return super(JsonRequest, self)._handle_exception(exception)",
    '  File "/media/akram/Data/projects/servers/Odoo/odoo9/openerp/addons/base/ir/ir_http.py", line 154, in _dispatch',
    "    rule, arguments = self._find_handler(return_rule=True)",
    '  File "/media/akram/Data/projects/servers/Odoo/odoo9/openerp/addons/base/ir/ir_http.py", line 65, in _find_handler',
    "    return self.routing_map().bind_to_environ(request.httprequest.environ).match(return_rule=return_rule)",
    '  File "/media/akram/Data/projects/servers/Odoo/runtime/lib/python2.7/site-packages/werkzeug/routing.py", line 1430,'
    " in match",
    "    raise NotFound()",
    "NotFound: 404: Not Found",
    '2015-10-15 18:35:37,837 31871 INFO odoo9 werkzeug: 127.0.0.1 - - [15/Oct/2015 18:35:37] "GET / HTTP/1.1" 200 -',
    "2015-10-15 18:35:37,846 31871 ERROR odoo9 openerp.http: Exception during JSON request handling.",
    "Traceback (most recent call last):",
    '  File "/media/akram/Data/projects/servers/Odoo/odoo9/openerp/http.py", line 599, in _handle_exception',
    "    return super(JsonRequest, self)._handle_exception(exception)",
]
# https://github.com/odoo/odoo/issues/12045 (dfang's log, its last lines): the same failure before any database ("?")
_ODOO_12045 = [
    "2016-05-15 04:35:58,424 1 INFO ? openerp.http: Generating nondb routing",
    "2016-05-15 04:35:58,436 1 ERROR ? openerp.http: Exception during JSON request handling.",
    "Traceback (most recent call last):",
    '  File "/opt/odoo/openerp/http.py", line 643, in _handle_exception',
    "    return super(JsonRequest, self)._handle_exception(exception)",
]
# https://github.com/odoo/odoo/issues/29824 (pya's log, turn 14): a module's install, "0 queries", werkzeug's 200
_ODOO_29824 = [
    "2018-12-31 12:40:40,787 30881 WARNING ? odoo.addons.base.models.ir_cron: Tried to poll an undefined table on "
    "database mike. ",
    "2018-12-31 12:40:41,208 30878 INFO odootest5 odoo.modules.loading: 25 modules loaded in 15.97s, 0 queries ",
    "2018-12-31 12:40:41,550 30878 INFO odootest5 odoo.modules.loading: Modules loaded. ",
    '2018-12-31 12:40:41,612 30878 INFO odootest5 werkzeug: 127.0.0.1 - - [31/Dec/2018 12:40:41] "POST '
    '/web/dataset/call_button HTTP/1.1" 200 - 18330 8.280 8.849',
]


def test_odoos_python_2_traceback_ends_at_its_exception_and_names_its_group(index, tmp_path):
    """A Python 2 traceback ends in its exception's bare class ("NotFound: 404: Not Found"): that line was a record of its
    own (no error), the record's name lacked it. The database after the level ("odoo9", "?") named a group for each
    database; the access line at 200 between the failures is none."""
    report = scanned(index, tmp_path, "odoo.log", _ODOO_9094)
    records = list(Finder().records([("\n".join(_ODOO_9094) + "\n").encode()]))
    assert [(r.line, r.end_line) for r in records] == [(1, 11), (13, 16)]
    assert records[0].data.endswith(b"\nNotFound: 404: Not Found")
    assert report.errors == 2
    assert other_groups(report) == [
        ("ERROR openerp.http: Exception during JSON request handling.", [13]),
        ("ERROR openerp.http: Exception during JSON request handling. NotFound: <n>: Not Found", [1]),
    ]
    report = scanned(index, tmp_path, "odoo.log", _ODOO_12045 + _ODOO_9094[12:])
    assert other_groups(report) == [("ERROR openerp.http: Exception during JSON request handling.", [2, 6])]


def test_odoos_module_loading_and_access_lines_are_no_errors(index, tmp_path):
    report = scanned(index, tmp_path, "odoo.log", _ODOO_29824)
    assert other_groups(report) == [
        ("WARNING odoo.addons.base.models.ir_cron: Tried to poll an undefined table on database mike.", [1])
    ]
    assert report.errors == 1


# https://github.com/frappe/frappe/issues/3356 (almeidapaulopt): `bench start` under honcho, a worker's lines and the
# watcher's traceback (cut where the excerpt is); https://github.com/frappe/frappe/issues/20080 (Kushal5): the
# web process's start
_FRAPPE_3356 = [
    "17:36:11 worker_default.1 | 17:36:11 RQ worker u'rq:worker:paulo-laptop.6628.default' started, version 0.7.1",
    "17:36:11 worker_default.1 | 17:36:11 Cleaning registries for queue: default",
    "17:36:11 worker_default.1 | 17:36:11 ",
    "17:36:11 worker_default.1 | 17:36:11 *** Listening on default...",
    "17:36:11 watch.1          | Traceback (most recent call last):",
    '17:36:11 watch.1          |   File "/usr/lib/python2.7/runpy.py", line 174, in _run_module_as_main',
    '17:36:11 watch.1          |     "__main__", fname, loader, pkg_name)',
    '17:36:11 watch.1          |   File "/usr/lib/python2.7/runpy.py", line 72, in _run_code',
    "17:36:11 watch.1          |     exec code in run_globals",
    '17:36:11 watch.1          |   File "/home/paulo/dev/frap-alm1/apps/frappe/frappe/utils/bench_helper.py", line 79, in'
    " <module>",
    "17:36:11 watch.1          |     main()",
]
_FRAPPE_20080 = [
    "07:47:55 watch.1          | $ node esbuild --watch --live-reload",
    "07:47:57 web.1            | WARNING: This is a development server. Do not use it in a production deployment. Use a"
    " production WSGI server instead.",
    "07:47:57 web.1            |  * Running on all addresses (0.0.0.0)",
    "07:47:57 web.1            |  * Running on http://127.0.0.1:8000",
    "07:47:58 web.1            |  * Debugger is active!",
]


def test_honchos_clock_and_process_are_taken_off_each_line_of_frappes_bench(index, tmp_path):
    """honcho (and foreman) write each line of a Procfile's processes after the time and the process's name: the
    prefix stayed on, so a traceback's frames were no lines of its record and each name began "<n>:<n>:<n> web.<n> | ".
    Where the process changes is a seam (the watcher's traceback after the worker's lines), not where the second does."""
    seams: set[int] = set()
    data = ("\n".join(_FRAPPE_3356) + "\n").encode()
    out = b"".join(without_prefixes([data], [], seams))
    assert out.split(b"\n")[4:6] == [
        b"Traceback (most recent call last):",
        b'  File "/usr/lib/python2.7/runpy.py", line 174, in _run_module_as_main',
    ]
    assert seams == {out.index(b"Traceback")}
    ticked = _FRAPPE_3356[:6] + [line.replace("17:36:11", "17:36:12", 1) for line in _FRAPPE_3356[6:]]
    seams.clear()
    assert b"".join(without_prefixes([("\n".join(ticked) + "\n").encode()], [], seams)) == out
    assert seams == {out.index(b"Traceback")}
    report = scanned(index, tmp_path, "bench.log", _FRAPPE_20080)
    assert other_groups(report) == [
        (
            "WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI"
            " server instead.",
            [2],
        )
    ]


def test_laravels_context_after_its_message_is_no_part_of_its_groups_name(index, tmp_path):
    """Monolog writes an exception's context after the message ({"exception":"[object] (Error(code: 0): ... at
    /app/...:33)"), then its trace: the name ran on into it up to its length. Each record is its whole trace; the INFO
    lines after them (their context the request's) are none."""
    report = scanned(index, tmp_path, "laravel.log", (DATA / "lnav_logfile_laravel.1").read_text().splitlines())
    assert other_groups(report) == [("laravel.EMERGENCY: Unable to create configured logger. Using emergency logger.", [1, 32])]
    assert report.errors == 2


# https://github.com/TycheSoftwares/woocommerce-abandoned-cart/issues/715 (apeksha10's WordPress debug.log: PHP's
# error_log, its time in brackets with the zone's name, Xdebug's stack trace a line each) and
# https://github.com/gambitph/Stackable/issues/2415 (a warning of the same log)
_WORDPRESS_DEBUG = [
    "[12-Feb-2021 11:48:20 UTC] PHP Warning:  Invalid argument supplied for foreach() in C:\\Users\\User\\Local Sites\\"
    "first-localhost\\app\\public\\wp-content\\plugins\\woocommerce-abandoned-cart\\woocommerce-ac.php on line 1740",
    "[12-Feb-2021 11:48:20 UTC] PHP Stack trace:",
    "[12-Feb-2021 11:48:20 UTC] PHP   1. {main}() C:\\Users\\User\\Local Sites\\first-localhost\\app\\public\\index.php:0",
    "[12-Feb-2021 11:48:20 UTC] PHP   2. require() C:\\Users\\User\\Local Sites\\first-localhost\\app\\public\\index.php:17",
    "[06-Sep-2022 19:16:09 UTC] PHP Warning: in_array() expects parameter 2 to be array, null given in /my-path/ "
    "wp-content/plugins/stackable-ultimate-gutenberg-blocks-premium/pro__premium_only/src/custom-fields.php on line 125",
]


def test_a_php_error_logs_zone_name_is_no_part_of_a_name(index, tmp_path):
    """PHP writes its time in brackets with the zone's name ("[12-Feb-2021 11:48:20 UTC] "): the time was taken off
    and the name left, so every group of a WordPress or Magento error log began "[ UTC] PHP Warning:"."""
    names = [name for name, _ in other_groups(scanned(index, tmp_path, "debug.log", _WORDPRESS_DEBUG))]
    assert len(names) == 2 and all(name.startswith("PHP Warning: ") for name in names)


# Magento 2's var/log/exception.log (a module's README quoting it, stored public file id 44282944518) and
# var/log/system.log (a debugging note's example output, stored public file id 3610357455): Monolog's lines
_MAGENTO = [
    "[2020-05-13 19:35:03] main.CRITICAL: Class Magento\\Framework\\App\\Http\\Interceptor does not exist "
    '{"exception":"[object] (ReflectionException(code: -1): Class Magento\\\\Framework\\\\App\\\\Http\\\\Interceptor does '
    'not exist at /var/www/html/magento/lib/internal/Magento/Framework/Code/Reader/ClassReader.php:26)"} []',
    "[2016-02-12 09:39:17] main.CRITICAL: Broken reference: the 'div.sidebar.main' tries to reorder itself towards "
    "'main', but their parents are different: 'main.content' and 'columns' respectively. [] []",
]


def test_magentos_monolog_lines_are_named_by_their_message(index, tmp_path):
    """The exception's context, and the empty context and extra ("[] []") Monolog ends each line with, ran into names."""
    assert other_groups(scanned(index, tmp_path, "exception.log", _MAGENTO)) == [
        (
            "main.CRITICAL: Broken reference: the '…' tries to reorder itself towards '…', but their parents are "
            "different: '…' and '…' respectively.",
            [2],
        ),
        ("main.CRITICAL: Class Magento\\Framework\\App\\Http\\Interceptor does not exist", [1]),
    ]
