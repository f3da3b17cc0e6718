"""A run of invisible characters (zero-width spaces, NULs) inside a credential's name is undone at once, as one is:
2 MiB of NULs in a response body were undone one by one (1.8 M Python calls, 1.8 s of CPU before the gate judged it)."""

from errcat.gate import screen


def test_a_run_of_invisible_characters_inside_a_name_still_names_a_credential():
    for run in ("\u200b" * 3, "\x00" * 5, "\u200b\x00\ufeff" * 7):
        shown = screen(f"pass{run}word=Hs8wQ2mPz7Lk").text
        assert "Hs8wQ2mPz7Lk" not in shown, run


def test_a_long_run_of_nuls_before_a_credential_is_read_through():
    shown = screen("\x00" * (2 << 20) + "\npassword=Hs8wQ2mPz7Lk\n").text
    assert "Hs8wQ2mPz7Lk" not in shown and shown.startswith("\x00" * 1000)
