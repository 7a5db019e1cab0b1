"""The room's host and port in the user's settings file."""

from __future__ import annotations

from pathlib import Path

from poforum_tui.store.settings import Settings, load_settings, save_settings


def test_room_host_and_port_round_trip(user_settings: Path) -> None:
    save_settings(Settings(room_host="127.0.0.1", room_port=0))
    assert user_settings.read_text() == 'room_host = "127.0.0.1"\nroom_port = 0\n'
    assert load_settings() == Settings(room_host="127.0.0.1", room_port=0)


def test_bad_room_settings_give_defaults_with_the_reason(user_settings: Path) -> None:
    for text, reason in [
        ("room_port = 70000\n", "room_port must be a port number 0..65535"),
        ('room_port = "8765"\n', "room_port must be a port number"),
        ("room_host = 1\n", "room_host must be an address in quotes"),
    ]:
        user_settings.write_text(text)
        settings = load_settings()
        assert (settings.room_host, settings.room_port) == (None, None)
        assert (
            settings.problem
            and reason in settings.problem
            and str(user_settings) in settings.problem
        )
