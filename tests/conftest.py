"""Shared fixtures: the CLI runner, the built-in catalog, and writable copies of it."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import errcat
from errcat.catalog.locate import builtin_dir

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO.parent / "shared" / "sources"


@pytest.fixture(scope="session", autouse=True)
def click_command_built_once():
    """typer's CliRunner builds the whole click group from the app's signatures on every invoke (every command's
    options: 55 ms a run on a loaded machine, 40 % of an explain or a scan in the tests; test_secrets_gate29's
    every-output test, 728 runs, took 24 s, 18 s now). The real `errcat` builds it once per process, as here: once per
    app and set of registered commands (a test that changes them gets a group of its own)."""
    import typer.main
    import typer.testing

    built: dict[tuple[int, ...], tuple[object, list[object]]] = {}

    def get_command(typer_instance):
        parts = [
            typer_instance,
            typer_instance.registered_callback,
            *(c.callback for c in typer_instance.registered_commands),
            *(g.typer_instance for g in typer_instance.registered_groups),
        ]
        key = tuple(map(id, parts))
        if key not in built:  # (the parts kept with it: no id of theirs is taken by another object)
            built[key] = (typer.main.get_command(typer_instance), parts)
        return built[key][0]

    with pytest.MonkeyPatch.context() as patch:
        if hasattr(typer.testing, "_get_command"):  # typer's private name: another release without it only runs slower
            patch.setattr(typer.testing, "_get_command", get_command)
        yield


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory):
    """Every test run gets its own index cache folder: never the user's ~/.cache, never shared."""
    import os

    folder = tmp_path_factory.mktemp("errcat-cache")
    old = os.environ.get("ERRCAT_CACHE_DIR")
    os.environ["ERRCAT_CACHE_DIR"] = str(folder)
    os.environ.pop("ERRCAT_NO_CACHE", None)
    yield folder
    if old is None:
        os.environ.pop("ERRCAT_CACHE_DIR", None)
    else:
        os.environ["ERRCAT_CACHE_DIR"] = old


@functools.cache
def builtin_loaded() -> errcat.Catalog:
    """The built-in catalog as parsed from its YAML files, once per run: the `loaded` fixture, and what modules that
    need it at import (parameters, a module's CATALOG) take (each parsed it again: half a second of CPU a module)."""
    return errcat.load_catalog(use_env=False)


@functools.cache
def builtin_index() -> errcat.CatalogIndex:
    """The built-in catalog compiled in memory, once per run: the `catalog` fixture, and a module's CATALOG (each
    compiled its own, and its patterns again at its first explain)."""
    return errcat.ErrorCatalog.from_catalog(builtin_loaded()).index


@pytest.fixture(scope="session")
def loaded() -> errcat.Catalog:
    """The built-in catalog as parsed from its YAML files (what the checks and the index build read)."""
    return builtin_loaded()


@pytest.fixture(scope="session")
def catalog(loaded: errcat.Catalog) -> errcat.CatalogIndex:
    """The built-in catalog compiled (in memory): the one catalog type explain, lookup, scan and the docs take."""
    return builtin_index()


@pytest.fixture(scope="module")  # one per module, as each scan module had its own
def index() -> errcat.CatalogIndex:
    """The built-in catalog's cached index, as `errcat scan` opens it (not the in-memory ``catalog``): the scan
    modules read logs with it."""
    return errcat.open_catalog(use_env=False).index


@pytest.fixture(scope="module")  # one per module, as each timing module had its own
def warm_catalog() -> errcat.ErrorCatalog:
    """The built-in catalog opened, its index and lazily compiled patterns loaded by a first explain: timing tests
    measure explain alone, not the first one's loading."""
    c = errcat.open_catalog(use_env=False)
    c.explain("warm up")
    return c


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def cli(runner: CliRunner, monkeypatch: pytest.MonkeyPatch):
    """Invoke the real CLI app; returns the click Result (stdout/stderr kept apart)."""
    from errcat.cli import app

    monkeypatch.delenv("ERRCAT_CATALOG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input)

    return invoke


@pytest.fixture(scope="session")  # read-only: test_hostile3 and test_hostile4 share one build
def one_guide_for_8000(tmp_path_factory):
    """8,000 team entries sharing one guide: one error group of 8,000 rows, each with its own code and name."""
    folder = tmp_path_factory.mktemp("team")
    rows = "".join(
        f"  - {{id: myob.team.e{i}, vendor: myob, endpoint: null, methods: [GET], scenario: Our proxy gave up on call {i},"
        f" status: 504, code: {100000 + i}, name: TeamTimeout{i}, message: Upstream MYOB call {i} timed out at the proxy,"
        " details: null, severity: error, guide: myob.team.proxy-timeout, source: {document: our runbook}}\n"
        for i in range(8000)
    )
    guide = (REPO / "examples" / "team-errors.yaml").read_text().split("guides:\n", 1)[1]
    (folder / "team.yaml").write_text(f"errcat: 1\nvendor:\n  id: myob\nentries:\n{rows}guides:\n{guide}")
    env = {**os.environ, "NO_COLOR": "1", "ERRCAT_CACHE_DIR": str(folder / "cache")}
    env.pop("ERRCAT_CATALOG", None)
    subprocess.run([sys.executable, "-m", "errcat", "vendors", "-c", str(folder / "team.yaml")], env=env, check=True, timeout=120)
    return folder / "team.yaml", env  # the index built: what follows times the question alone


@pytest.fixture
def catalog_copy(tmp_path: Path) -> Path:
    """A writable copy of the built-in catalog folder."""
    target = tmp_path / "catalog"
    shutil.copytree(builtin_dir(), target)
    return target


# The quick loop (`pytest -m "not slow"`, ~15 % of the suite's time) leaves out the tests that
# start processes, terminals or a Dask cluster, rebuild indexes, generate every page or export,
# run many hypothesis examples, or feed megabytes to a bounded-time guard: each at least ~0.3 s
# on an idle 2-core machine (2 s in a loaded run of --durations=0). The full suite (the README's and CI's command) runs them all. Listed here, not
# as decorators, so a test file's own history stays its own; a name that no longer exists fails
# the collection rather than quietly leaving a slow test in the quick loop.
SLOW: dict[str, set[str]] = {
    "test_architecture.py": {"test_from_errcat_import_explain_is_the_function_not_a_module"},
    "test_cache.py": {
        "test_build_locks_go_with_their_indexes",
        "test_cache_info_and_clear",
        "test_concurrent_first_runs",
        "test_damaged_cache_is_rebuilt_not_trusted",
        "test_editing_any_catalog_file_rebuilds",
        "test_env_overlay_is_part_of_the_key",
        "test_first_run_builds_then_reuses",
        "test_index_answers_like_the_loaded_catalog",
        "test_invalid_overlay_is_never_cached",
        "test_no_cache_env_keeps_everything_in_memory",
        "test_overlay_added_and_removed",
        "test_read_only_cache_dir_falls_back_to_memory",
        "test_the_cache_keeps_only_the_most_recently_used_indexes",
        "test_unwritable_cache_dir_falls_back_to_memory",
        "test_warm_run_is_trusted_by_stat_and_survives_touch",
    },
    "test_checks.py": {
        "test_cat000_says_cross_file_checks_waited_for_a_broken_file",
        "test_cat015_two_files_disagree_on_a_vendor_field",
        "test_check_fires_at_file_and_line",
    },
    "test_contract.py": {
        "test_explain_contract",
        "test_list_vendors_endpoints_export_contract",
        "test_lookup_contract",
        "test_search_contract",
    },
    "test_cli_exit_outputs.py": {"*"},
    "test_coverage.py": {"test_generated_files_are_what_the_importer_makes_now"},
    "test_docs.py": {
        "test_a_page_that_is_not_utf8_is_stale_not_a_traceback",
        "test_anchors_are_stable_across_unrelated_edits",
        "test_check_catches_a_hand_edit_and_an_orphan",
        "test_every_documented_message_appears_verbatim",
        "test_every_row_is_on_its_endpoints_table_with_its_methods_and_scenario",
        "test_every_table_column_has_content_and_fits_a_narrow_column",
        "test_failure_leaves_previous_pages_intact",
        "test_headings_are_unique_and_every_link_resolves",
        "test_lookup_table_leaves_out_columns_the_vendor_never_fills",
        "test_output_is_deterministic",
        "test_placeholders_survive_rendering",
        "test_sample_responses_are_the_vendors_envelope_and_explain_as_their_own_error",
        "test_write_error_keeps_every_old_page_and_leaves_no_temp_files",
    },
    "test_explain.py": {"test_every_myob_body_pasted_from_the_document", "test_round_trip_every_entry"},
    "test_explain_cli.py": {
        "test_huge_paste_is_cut_with_a_note",
        "test_malformed_input_never_tracebacks",
        "test_stub_for_an_unknown_service",
        "test_stub_round_trips_into_a_user_catalog",
        "test_ten_thousand_errors",
    },
    "test_explain_properties.py": {
        "test_a_name_pattern_finds_what_its_full_search_finds",
        "test_any_bytes_give_an_answer_or_a_clear_refusal",
        "test_any_paste_gives_an_answer",
        "test_header_secrets_never_reach_output",
        "test_parameter_secrets_never_reach_output",
        "test_split_and_read_never_raise",
        "test_template_matching_on_hostile_text_finds_exactly_the_instances",
    },
    "test_explain_real_forms.py": {
        "test_a_bare_status_lists_the_vendors_that_document_it",
        "test_recording_cli_json_labels_each_error_with_its_request",
    },
    "test_export.py": {"test_yaml_and_csv_exports_agree_with_json"},
    "test_fuzz_hostile.py": {"*"},
    "test_hostile.py": {
        "test_a_2mb_status_line_reason_is_shown_cut",
        "test_a_50mb_body_is_cut_at_the_paste_cap_and_said_so",
        "test_a_billion_laughs_cassette_is_not_expanded",
        "test_a_billion_laughs_catalog_is_refused_with_its_line",
        "test_a_catalog_value_yaml_cannot_build_is_refused_at_its_line",
        "test_a_cold_run_waits_for_the_build_under_way_and_then_uses_it",
        "test_a_dump_of_brackets_stays_linear",
        "test_a_long_word_in_a_scanned_record_is_not_searched_for_an_email_from_every_letter",
        "test_a_long_yaml_cassette_is_read_to_its_first_thousand_exchanges_and_says_so",
        "test_a_paste_of_unterminated_xdebug_strings_stays_linear",
        "test_a_paste_that_is_one_2mb_url_is_shown_cut_not_printed_back_whole",
        "test_an_opening_repeated_with_no_end_stays_linear",
        "test_json_output_keeps_control_characters_as_json_escapes",
        "test_row1_a_command_line_argument_that_is_not_utf8_is_no_traceback",
        "test_row1_lone_surrogate_is_shown_as_the_replacement_character",
        "test_row1_scan_reports_a_log_line_holding_a_lone_surrogate",
        "test_row2_an_error_code_of_5000_nines_is_read_as_text",
        "test_row3_a_superscript_code_makes_a_stub_with_the_code_as_text",
        "test_row4_a_print_r_status_of_a_superscript_digit",
        "test_row6_a_har_status_that_is_no_integer_is_no_error_response",
        "test_row6_a_vcr_status_of_infinity_is_no_error_response",
        "test_row8_a_status_filter_that_is_no_http_status_is_a_usage_error",
        "test_row9_a_writable_cache_says_nothing_of_it",
        "test_row9_an_unusable_cache_falls_back_to_memory_with_one_warning",
        "test_row9_cache_info_says_the_cache_cannot_be_written",
        "test_scan_shows_control_characters_escaped",
        "test_terminal_output_shows_control_characters_escaped",
        "test_without_fcntl_as_on_windows_the_index_still_builds_and_is_used",
    },
    "test_hostile3.py": {
        "test_a_cache_keep_that_is_no_count_is_said_once_and_the_default_kept",
        "test_a_catalog_file_of_many_broken_entries_lists_its_first_thousand_problems_in_bounded_memory",
        "test_a_catalog_folder_as_big_as_a_disk_is_refused_before_it_is_walked_whole",
        "test_a_catalog_folder_with_a_link_loop_and_a_folder_link_inside_loads_its_own_files",
        "test_a_signed_url_given_to_scan_is_never_printed_back_with_its_signature",
        "test_an_xml_body_past_the_paste_cap_gives_the_errors_before_the_cap",
        "test_scan_reads_a_utf32_log_as_its_utf8",
        "test_search_titles_a_group_of_8000_rows_in_linear_time",
    },
    "test_hostile4.py": {
        "test_a_fifo_in_place_of_the_index_is_rebuilt_not_waited_on",
        "test_a_fifo_in_place_of_the_stat_file_or_a_compiled_search_database_is_passed_over",
        "test_a_process_building_the_index_names_itself_in_its_lock",
        "test_a_wait_for_another_process_building_the_index_is_said_with_what_it_waits_for",
        "test_docs_of_a_group_of_8000_rows_is_written_in_linear_time",
        "test_errcat_mcp_says_an_unusable_cache_in_one_plain_line",
        "test_errcat_no_cache_0_keeps_the_cache_on",
        "test_output_in_an_encoding_without_the_characters_is_escaped_not_a_traceback",
    },
    "test_hostile5.py": {
        "test_a_fifo_read_on_a_terminal_says_it_waits_for_a_writer",
        "test_a_usage_error_of_click_is_one_line_with_exit_2",
        "test_an_mcp_request_with_an_id_of_the_wrong_type_is_answered_not_dropped",
        "test_explain_names_a_compressed_paste",
        "test_explain_reads_a_paste_in_utf16_or_utf32_without_its_mark",
        "test_scan_names_a_compressed_log_it_does_not_read",
        "test_scan_reads_a_log_in_utf16_without_its_mark",
    },
    "test_hostile6.py": {
        "test_a_body_that_breaks_off_is_explained_as_far_as_it_came_and_said_so",
        "test_a_cache_folder_that_is_a_file_is_said_so_on_one_line",
        "test_a_catalog_file_named_in_bytes_that_are_no_utf8_is_used",
        "test_a_parallel_scan_killed_leaves_no_worker_behind",
    },
    "test_hostile8.py": {
        "test_a_cache_folder_path_too_long_says_so_not_fix_its_owner",
        "test_an_error_quoting_a_3mb_filter_is_cut",
        "test_an_mcp_initialize_after_a_byte_order_mark_is_answered",
        "test_an_mcp_line_over_16_mib_is_refused_in_bounded_memory_and_the_server_goes_on",
        "test_dask_tls_without_certificates_is_a_usage_error",
        "test_numbers_in_other_digits_are_usage_errors",
        "test_stdin_named_again_or_named_as_the_file_it_is_is_read_once",
        "test_until_a_basic_iso_date_includes_that_day",
    },
    "test_identity.py": {
        "test_doc_url_points_at_an_existing_section_of_the_checkout",
        "test_every_distinct_catalog_error_has_its_own_fingerprint",
        "test_property_catalog_errors_keep_their_fingerprint_across_occurrences",
        "test_property_errors_the_catalog_lacks_are_named_by_their_masked_template",
        "test_real_pastes_share_a_fingerprint_only_when_they_are_one_error",
    },
    "test_hostile9.py": {
        "test_an_unknown_mcp_method_is_refused_without_quoting_a_token_in_it_or_all_of_a_long_name",
        "test_output_cut_short_by_a_full_file_system_is_an_error_not_exit_0",
        "test_explain_refuses_the_kernels_log_unread_even_through_a_link",
        "test_stdin_redirected_from_the_kernels_log_is_refused_unread",
        "test_help_and_version_to_a_full_disk_say_so_in_one_line",
        "test_help_and_version_to_a_closed_pipe_end_quietly_as_a_command_does",
    },
    "test_hostile10.py": {
        "test_the_prompt_of_a_2_mb_error_screens_what_it_shows_not_all_of_it",
        "test_a_cache_file_replaced_by_a_folder_is_rebuilt_once_without_a_warning",
        "test_cache_clear_removes_a_folder_put_in_a_cache_files_place",
        "test_cache_clear_removes_a_folder_1500_deep_in_a_cache_files_place",
        "test_a_terminated_docs_run_leaves_no_temporary_file_and_no_traceback",
        "test_a_fifo_in_place_of_a_page_is_a_stale_page_not_a_wait_for_ever",
        "test_docs_into_1500_new_nested_folders_writes_the_pages_not_a_recursion_error",
        "test_docs_into_a_path_longer_than_the_system_takes_makes_no_folder",
    },
    "test_review1.py": {"test_the_bashrc_line_sources_the_script_whatever_the_home_folders_name"},
    "test_hostile12.py": {
        "test_a_full_disk_never_cuts_the_users_start_up_file_short",
        "test_install_appends_once_and_keeps_a_last_line_without_its_newline",
        "test_a_zstyle_of_the_users_own_is_kept",
        "test_a_start_up_file_that_is_no_file_is_one_line_and_left_alone",
        "test_a_powershell_that_is_not_installed_is_one_line",
        "test_a_catalog_file_replaced_after_it_was_listed_is_one_line_not_a_traceback_or_a_wait",
        "test_mcp_to_a_full_disk_is_one_line_and_exit_2",
        "test_stderr_that_cannot_be_written_keeps_the_exit_code_and_the_output",
        "test_a_completion_request_with_junk_completes_nothing_without_a_traceback",
        "test_a_catalog_folder_1500_deep_loads_its_file",
    },
    "test_hostile11.py": {
        "test_a_ctrl_c_while_the_entry_module_loads_is_exit_130_without_a_traceback",
        "test_a_100kb_cache_folder_is_warned_of_in_one_short_line",
        "test_a_token_in_the_cache_folder_is_never_printed",
    },
    "test_hostile15.py": {"*"},
    "test_hostile16.py": {"*"},
    "test_hostile13.py": {
        "test_dask_at_a_server_that_is_no_scheduler_is_one_line",
        "test_a_utf8_argument_in_the_c_locale_gets_the_utf8_locales_answer",
        "test_an_argument_that_is_not_utf8_is_said_to_be_lost",
        "test_a_cache_folder_with_a_looping_link_in_the_way_is_warned_of_with_its_fix",
    },
    "test_hostile_speed.py": {"*"},
    "test_integrations.py": {
        "test_an_adapter_imported_without_its_extra_names_the_extra",
        "test_a_long_logged_message_reaches_no_handler_with_the_calls_credentials",
        "test_a_lost_answer_is_resent_for_a_get_not_for_a_post_whatever_the_client_says_of_it",
        "test_aiohttp_failures_are_advised_by_the_method_that_was_sent",
        "test_a_post_timed_out_by_asyncio_is_not_resent_a_get_is",
        "test_a_post_that_timed_out_is_not_resent_a_get_or_an_unsent_post_is",
        "test_readme_tenacity_example_resends_only_what_can_succeed",
        "test_httpx_async_hook_explains_a_big_body_off_the_event_loop_in_order",
    },
    "test_lifetime.py": {"test_every_result_type_survives_closing_and_a_rebuilt_cache"},
    "test_knowledge.py": {
        "test_checks_keep_the_knowledge_honest",
        "test_fitting_retry_advice_passes_and_todo_warns",
        "test_lookup_shows_what_the_document_prints",
        "test_prospend_accounts_payable_page_defects_are_recorded_as_endpoint_quirks",
    },
    "test_lookup.py": {"test_status_and_code_sections"},
    "test_mcp.py": {"*"},
    "test_newcomer.py": {
        "test_a_second_stub_of_the_same_paste_adds_no_duplicate",
        "test_install_completion_for_a_named_shell_installs_that_shell",
        "test_stub_ids_carry_no_values_and_varying_values_become_template_slots",
        "test_usage_lines_name_their_arguments",
    },
    "test_newcomer_cli.py": {
        "test_at_40_columns_ids_stay_whole_and_wrapped_lines_end_without_spaces",
        "test_dir_lists_the_public_api_and_an_empty_lookup_is_false",
        "test_export_formats_are_accepted_in_any_case_too",
    },
    "test_observed.py": {
        "test_an_observed_entry_needs_an_https_source_and_a_sample",
        "test_claim_checks_fire_and_the_fixture_passes_without_them",
        "test_every_sample_explains_back_to_its_own_entry_as_observed",
        "test_export_carries_provenance_and_sources",
        "test_lookup_search_and_list_label_observed_errors_and_documented_only_drops_them",
        "test_observed_checks_fire_at_file_and_line",
        "test_observed_never_outranks_a_documented_exact_match",
        "test_scan_counts_observed_errors_apart",
        "test_two_origins_make_several_reports",
    },
    "test_overlays.py": {
        "test_broken_overlay_gives_file_line_never_a_traceback",
        "test_env_var_path_list",
        "test_no_builtin",
        "test_overlay_adds_and_overrides",
        "test_overlay_entry_with_unknown_guide_is_rejected",
        "test_python_api",
    },
    "test_readme.py": {"*"},
    "test_realworld.py": {"test_dev_corpus_recall_and_no_false_claims", "test_own_real_paste"},
    "test_scan.py": {
        "test_a_gateway_timeout_of_a_post_is_not_advised_a_plain_resend",
        "test_cli_subprocess_smoke",
        "test_a_file_deleted_mid_scan_is_read_to_its_end_or_says_what_was_read",
        "test_a_worker_that_dies_leaves_the_file_to_one_reader_which_marks_a_truncation",
        "test_counts_every_documented_error_exactly",
        "test_fail_on_exit_codes",
        "test_gzip_and_stdin_read_the_same",
        "test_lines_point_at_each_record_head",
        "test_markdown_report_parses_to_tables",
        "test_parallel_workers_find_what_one_reader_finds",
        "test_parallel_workers_list_places_in_input_order_as_one_reader",
        "test_parallel_workers_read_a_file_with_a_byte_order_mark_like_one_reader",
        "test_table_view_names_the_fix",
        "test_truncated_gzip_warns_with_line_and_keeps_what_was_read",
        "test_unmatched_grouped_by_text_and_other_services_not_claimed",
        "test_vendor_time_and_top_options",
    },
    "test_scan_cluster.py": {
        "test_inputs_that_match_nothing_are_said_before_any_cluster_is_reached",
        "test_a_cluster_of_separate_processes_over_s3_survives_a_worker_killed_mid_run",
        "test_a_cluster_without_errcat_is_said_in_one_line_not_a_hang",
        "test_a_local_cluster_ends_without_printing_its_workers_tracebacks",
        "test_a_recursive_glob_over_s3_reads_its_objects_and_no_folder",
        "test_a_scheduler_address_with_credentials_is_never_echoed",
        "test_a_scheduler_gone_mid_scan_is_said_in_one_line",
        "test_an_address_that_takes_connections_and_never_answers_is_said_in_one_line",
        "test_dask_without_its_extra_names_the_extra_to_install",
        "test_lines_past_the_longest_read_are_said_skipped_at_their_lines_on_the_cluster_as_locally",
        "test_cli_dask_address_with_a_user_overlay",
        "test_cluster_report_is_the_local_report",
        "test_s3_inputs_read_on_the_cluster_as_local_files",
        "test_vendor_and_time_window_on_the_cluster",
    },
    "test_scan_github.py": {
        "test_an_unwritable_summary_is_reported_not_fatal",
        "test_annotations_most_frequent_first_within_githubs_limit",
        "test_exit_codes_follow_fail_on",
        "test_top_limits_annotations_and_stdin_has_no_file",
    },
    "test_scan_speed.py": {"*"},
    "test_scan_terminal.py": {
        "test_ctrl_c_on_a_big_file_exits_130_without_a_traceback",
        "test_scan_of_stdin_on_a_terminal_prompts_draws_no_bar_and_ends_at_one_ctrl_d",
    },
    "test_schema_validators.py": {"*"},
    "test_secrets.py": {
        "test_generated_tokens_in_random_pastes_never_come_back",
        "test_secret_never_reaches_any_output",
        "test_secrets_never_reach_scan_reports",
    },
    "test_secrets_gate.py": {
        "test_a_2mb_hostile_paste_is_screened_in_bounded_time",
        "test_generated_secrets_in_every_form_never_reach_any_output",
    },
    "test_smoke.py": {"*"},
    "test_startup.py": {"*"},
    "test_telemetry.py": {
        "test_a_logged_vendor_calls_field_of_a_million_rows_is_cut_with_a_mark_not_screened_for_half_a_minute",
        "test_a_message_of_a_megabyte_is_shipped_screened_and_cut_with_a_mark",
        "test_opentelemetry_httpx_span_over_the_network_reads_the_body_and_leaves_it_to_the_client",
        "test_readme_telemetry_examples_run_as_shown",
        "test_sentry_groups_one_error_under_errcats_fingerprint",
        "test_the_fingerprint_is_the_same_in_another_process",
    },
    "test_tty.py": {"*"},
    "test_validate.py": {
        "test_a_built_in_file_or_folder_is_checked_as_the_built_in_layer",
        "test_a_closed_pipe_is_not_a_failure",
        "test_a_template_repeating_a_slot_is_a_catalog_error_not_a_traceback",
        "test_bad_status",
        "test_duplicate_id",
        "test_duplicate_yaml_key_is_an_error_not_silent_data_loss",
        "test_every_problem_is_reported_not_just_the_first",
        "test_method_not_documented_for_endpoint",
        "test_missing_field",
        "test_missing_guide",
        "test_override_is_reported",
        "test_template_syntax_error",
        "test_template_that_does_not_match_its_example",
        "test_unquoted_yaml_booleans_are_caught",
        "test_validate_checks_the_overlays_other_commands_load",
        "test_wrong_type_reports_schema_error_at_its_line",
    },
}


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """The quick loop does not even import a module whose every test is slow (the MCP SDK, say)."""
    if config.getoption("markexpr", "") == "not slow" and SLOW.get(collection_path.name) == {"*"}:
        return True
    return None


@pytest.hookimpl(tryfirst=True)  # before -m deselects: every collected test is seen here
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests listed in SLOW; refuse a listed name its module does not define."""
    modules = {}
    for item in items:
        module = item.path.name
        name = getattr(item, "originalname", None) or item.name
        modules[module] = getattr(item, "module", None)
        listed = SLOW.get(module, set())
        if "*" in listed or name in listed:
            item.add_marker(pytest.mark.slow)
    stale = sorted(
        f"{m}::{n}"
        for m, names in SLOW.items()
        if modules.get(m) is not None
        for n in names - {"*"}
        if not hasattr(modules[m], n)
    )
    if stale:
        raise pytest.UsageError(f"tests/conftest.py SLOW names tests that do not exist: {', '.join(stale)}")


@pytest.fixture
def use_engine(monkeypatch):
    """Scan with one needle engine, "hyperscan" or "python": returns the engine that runs (the
    default again afterwards)."""
    from errcat.scan import needles

    def use(name: str) -> str:
        monkeypatch.setenv(needles.ENGINE_ENV, name)
        needles.engine_name.cache_clear()
        return needles.engine_name()

    yield use
    monkeypatch.delenv(needles.ENGINE_ENV, raising=False)
    needles.engine_name.cache_clear()
