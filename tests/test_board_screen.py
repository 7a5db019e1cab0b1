"""Board keys, driven with Pilot: each asserts on the open session and on the saved file."""

from __future__ import annotations

from pathlib import Path

from textual import events

from poforum_tui.dialogs.confirm import ConfirmScreen
from poforum_tui.screens.board.board_view import BoardView
from poforum_tui.screens.board.screen import BoardScreen
from poforum_tui.screens.board.topic_form import TopicForm
from poforum_tui.store import load
from tests.conftest import FORUM, make_app, notices


def visible_text(view: BoardView) -> str:
    """The lines the board shows on screen, as plain text."""
    return "\n".join(strip.text for strip in view.render_lines(view.size.region))


def shown_counts(app) -> list[int]:
    return [len(cards.shown) for cards in app.screen.view.columns.values()]


async def saved(app) -> object:
    app.flush_save()  # saves now: no waiting out the debounce
    app.flush_save()
    return load(app.path)


def current(app):
    return app.screen.current_topic()


async def test_capture_adds_topics_one_after_another_and_refuses_empty_titles(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "a")
        assert isinstance(app.screen, TopicForm)
        await pilot.press("space", "space", "enter")
        assert isinstance(app.screen, TopicForm)
        assert app.screen.query_one("#error-title").has_class("-shown")
        await pilot.press(*"Who owns the roadmap?", "tab", *"Maya", "tab", *"too", "right")
        await pilot.press("enter")
        await pilot.press(*"Second one", "enter", "escape")
        assert isinstance(app.screen, BoardScreen)
        added = app.session.board.topics[-2:]
        assert [t.title for t in added] == ["Who owns the roadmap?", "Second one"]
        assert (added[0].author, added[0].category, added[0].column) == (
            "Maya",
            "tools",
            "collected",
        )
        assert current(app).title == "Second one"
        assert (await saved(app)).board.topics[-1].title == "Second one"


async def test_edit_and_delete_asks_first(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        topic = current(app)
        await pilot.press("e", "ctrl+u", *"Renamed", "enter")
        assert app.session.topic(topic.id).title == "Renamed"
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.session.topic(topic.id).title == "Renamed"
        await pilot.press("delete", "y")
        assert topic.id not in {t.id for t in app.session.board.topics}
        assert topic.id not in {t.id for t in (await saved(app)).board.topics}


async def test_shift_arrows_move_and_focus_follows(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        topic = current(app)
        await pilot.press("shift+right")
        assert app.session.topic(topic.id).column == "prioritized"
        assert current(app).id == topic.id
        await pilot.press("shift+right", "shift+left")
        assert app.session.topic(topic.id).column == "prioritized"
        await pilot.press("left", "shift+down")
        collected = [t.id for t in app.session.board.topics_in("collected")]
        assert collected.index(current(app).id) == 1
        assert (await saved(app)).topic(topic.id).column == "prioritized"


async def test_vote_picks_by_filter_adds_new_names_and_enforces_the_budget(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        topic = current(app)
        await pilot.press("v", *"tom", "enter")
        assert app.session.topic(topic.id).votes == {"Tomás Reyes": 1}
        await pilot.press("v", "enter", "v", "enter")  # the last voter is offered first
        assert app.session.board.votes_used("Tomás Reyes") == 3
        await pilot.press("v", "enter")
        await pilot.pause()
        assert app.session.board.votes_used("Tomás Reyes") == 3
        assert any("Tomás Reyes has used 3 of 3" in n.message for n in notices(app))
        await pilot.press("v", *"Zoe Newcomer", "enter")
        assert "Zoe Newcomer" in [p.name for p in app.session.participants]
        assert app.session.topic(topic.id).votes["Zoe Newcomer"] == 1
        await pilot.press("x", *"zoe", "enter")
        assert "Zoe Newcomer" not in app.session.topic(topic.id).votes
        assert (await saved(app)).topic(topic.id).votes == {"Tomás Reyes": 3}


async def test_budget_key_sets_votes_per_person(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "b", "backspace", "5", "enter")
        assert app.session.board.votes_per_person == 5
        await pilot.press("b", "backspace", "enter")
        assert app.session.board.votes_per_person is None
        assert app.session.board.vote_budget() == 5  # ceil(15 / 3)
        assert (await saved(app)).board.votes_per_person is None


async def test_hide_shows_no_numbers_and_sort_ranks_the_column(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "down", "down")
        third = current(app)
        await pilot.press("v", *"tom", "enter")
        cards = app.screen.view
        assert "● 1" in visible_text(cards)
        await pilot.press("h")
        assert app.session.board.votes_hidden
        assert "●" not in visible_text(cards)
        assert "votes hidden" in str(app.screen.query_one("#board-detail").content)
        await pilot.press("s")  # refused while hidden: the order would show the ranking
        assert app.session.board.topics_in("collected")[2].id == third.id
        await pilot.press("h", "s")
        assert app.session.board.topics_in("collected")[0].id == third.id
        assert current(app).id == third.id
        file = await saved(app)
        assert not file.board.votes_hidden and file.board.topics_in("collected")[0].id == third.id


async def test_t_sends_the_topic_to_the_agenda_with_a_timebox(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "down", "down")
        topic = current(app)
        await pilot.press("t", "ctrl+u", *"7+5+3", "enter")
        item = app.session.agenda[-1]
        assert (item.topic, item.minutes, item.pattern) == (topic.id, 7, "7+5+3")
        await pilot.press("down", "t")  # t5 is on the agenda already
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert any("Already on the agenda" in n.message for n in notices(app))
        await pilot.press("down", "t", "ctrl+u", *"soon", "enter")
        assert app.screen.query_one("#error-timebox").has_class("-shown")
        await pilot.press("escape")
        assert (await saved(app)).agenda[-1].topic == topic.id


async def test_filter_narrows_every_column_and_escape_clears(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "slash", *"ceremonies", "enter")
        assert shown_counts(app) == [2, 0, 0, 0]
        assert isinstance(app.focused, BoardView)  # enter hands the keys back to the board
        assert current(app).category == "PO in the ceremonies"
        await pilot.press("escape")
        assert shown_counts(app) == [12, 0, 3, 0]


async def test_columns_can_be_added_renamed_moved_and_deleted(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "c", *"Later", "enter")
        await pilot.pause()
        assert app.session.board.columns[-1].title == "Later"
        await pilot.press("r", "ctrl+u", *"Someday", "enter", "less_than_sign")
        assert app.session.board.column_ids()[-2:] == ["later", "parked"]
        assert app.session.board.columns[-2].title == "Someday"
        await pilot.press("left")
        assert app.screen.focused_column().id == "discussed"
        app.screen.action_delete_column()
        await pilot.pause()
        await pilot.press("down", "enter")  # its 3 topics go to the second other column
        await pilot.pause()
        board = app.session.board
        assert board.column_ids() == ["collected", "prioritized", "later", "parked"]
        assert len(board.topics_in("prioritized")) == 3
        assert (await saved(app)).board.column_ids() == board.column_ids()


async def test_arrows_walk_columns_and_letters_do_nothing_in_the_filter(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "right", "right", "right", "right")
        assert app.screen.focused_column().id == "parked"
        await pilot.press("left")
        assert app.screen.focused_column().id == "discussed"
        before = app.session
        await pilot.press("slash", *"vhst")
        assert app.session is before


async def test_escape_closes_an_empty_filter(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "slash")
        field = app.screen.query_one("#board-filter")
        assert field.display and field.has_focus
        await pilot.press("escape")
        assert not field.display
        assert isinstance(app.focused, BoardView)


async def test_letters_typed_as_the_picker_opens_reach_its_filter(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        topic = current(app)
        board = app.screen
        board.action_vote()  # the field gets the focus only once the app is idle again
        for key in "tom":
            app.post_message(events.Key(key, key))
        await pilot.pause()
        assert board.picker.is_open and board.picker.text == "tom"
        assert app.screen is board
        await pilot.press("enter")
        assert app.session.topic(topic.id).votes == {"Tomás Reyes": 1}
        assert not board.picker.is_open and isinstance(app.focused, BoardView)


async def test_the_picker_fits_a_small_terminal(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("2", "v")
        await pilot.pause()
        picker = app.screen.picker
        assert app.screen.region.contains_region(picker.region)
        await pilot.resize_terminal(60, 14)
        await pilot.pause()
        assert app.screen.region.contains_region(picker.region)
        await pilot.press(*"zzz", "enter")
        assert "zzz" in [p.name for p in app.session.participants]


async def test_keys_queued_behind_v_are_not_board_keys(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        board, agenda = app.screen, app.session.agenda
        for key in "vtsh":  # a paste: all four keys reach the board before `v` has run
            app.post_message(events.Key(key, key))
        await pilot.pause()
        assert app.screen is board and board.picker.is_open
        assert app.session.agenda == agenda and not app.session.board.votes_hidden


async def test_escape_or_a_click_on_the_board_closes_the_picker_without_voting(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "v", "escape")
        picker = app.screen.picker
        assert not picker.is_open and isinstance(app.focused, BoardView)
        await pilot.press("v", "tab")
        assert picker.is_open and picker.has_focus
        await pilot.click(BoardView, offset=(5, 10))
        await pilot.pause()
        assert not picker.is_open
        assert app.session.board.votes_by_voter() == {}


async def test_focus_item_selects_a_topic_in_any_column(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()  # the board has taken its first focus (a busy machine is slower)
        app.screen.focus_item("t6")  # in Discussed, the third column
        await pilot.pause()
        assert current(app).id == "t6"
        assert app.screen.focused_column().id == "discussed"


async def test_a_search_hit_on_a_topic_opens_the_board_on_it(sessions_dir: Path) -> None:
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"split stories that span", "enter")
        hit = app.screen.highlighted_hit()
        assert hit is not None and hit.where == "topic"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert current(app).id == hit.item_id


async def test_the_wheel_scrolls_a_column_and_the_cursor_brings_it_back(tmp_path: Path) -> None:
    from benchmarks.board import generated
    from poforum_tui.store import save

    save(generated(60, columns=4), tmp_path / "2026-11-17-board.toml")
    app = make_app(tmp_path, "2026-11-17-board.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        view = app.screen.view
        cards = view.focused_cards
        assert cards.thumb(view.size.height - 1) is not None  # 15 cards do not fit: a thumb
        for _ in range(3):
            view.post_message(events.MouseScrollDown(view, 5, 10, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert cards.top > 0 and cards.cursor == 0
        await pilot.press("down")
        assert cards.cursor == 1 and cards.top == cards.starts[1]  # its card scrolled into view


async def test_board_keys_that_change_the_board_redraw_it_at_once(sessions_dir: Path) -> None:
    """Each key's change is on screen before the next key (no left/right needed to see it)."""
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        view = app.screen.view
        titles = lambda: visible_text(view).splitlines()[0]  # noqa: E731 (the column titles)
        start = titles()
        assert start.index("Collected") < start.index("Prioritized")
        for key, check in (
            ("greater_than_sign", lambda t: t.index("Prioritized") < t.index("Collected")),
            ("less_than_sign", lambda t: t.index("Collected") < t.index("Prioritized")),
        ):
            await pilot.press(key)
            assert check(titles()), (key, titles())
            assert app.screen.focused_column().id == "collected"  # the cursor moved with it
        for key in ("shift+down", "shift+right", "shift+left"):
            before = visible_text(view)
            await pilot.press(key)
            assert visible_text(view) != before, key


async def test_edit_writes_notes_on_a_topic_for_the_minutes(sessions_dir: Path) -> None:
    from textual.widgets import TextArea

    from poforum_tui.store.export import export

    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("2")
        topic = current(app)
        await pilot.press("e")
        assert isinstance(app.screen, TopicForm)
        notes = app.screen.query_one("#field-notes", TextArea)
        notes.focus()
        await pilot.press(*"Try it for two sprints", "enter", *"Dana writes it up")
        assert app.screen is not None and isinstance(app.screen, TopicForm)  # enter: a new line
        await pilot.press("ctrl+s")
        assert app.session.topic(topic.id).notes == "Try it for two sprints\nDana writes it up"
        minutes = export(await saved(app), "md")
        assert "Try it for two sprints<br>Dana writes it up" in minutes
        await pilot.press("e")
        app.screen.query_one("#field-notes", TextArea).text = "  "
        await pilot.press("ctrl+s")
        assert app.session.topic(topic.id).notes is None


async def test_quick_capture_has_no_notes_field(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "a")
        assert isinstance(app.screen, TopicForm)
        assert not app.screen.query("#field-notes")


async def test_columns_off_screen_and_cards_below_the_fold_are_counted(sessions_dir: Path) -> None:
    from benchmarks.board import generated
    from poforum_tui.store import save

    save(generated(40, columns=8), sessions_dir / "2026-11-17-board.toml")
    app = make_app(sessions_dir, "2026-11-17-board.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        view = app.screen.view
        summary = lambda: str(app.screen.query_one("#board-summary").render())  # noqa: E731
        assert view.hidden_columns() == (0, 4) and "4 more ›" in summary()
        assert visible_text(view).splitlines()[0].rstrip().endswith("4›")
        assert "+1 more ↓" in visible_text(view)  # 5 cards, 4 fit
        await pilot.press("right", "right", "right", "right")
        assert view.hidden_columns() == (1, 3) and "‹ 1 more 3 more ›" in summary()
        assert visible_text(view).startswith("‹")
        await pilot.press("down", "down", "down", "down")
        cards = view.focused_cards
        assert cards.below(view.size.height - 1) == 0  # scrolled down: nothing further below


async def test_the_add_form_is_built_once_and_opens_clean_for_the_next_column(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "a", *"First", "tab", *"Maya", "enter")
        first_form = app.screen
        await pilot.press("space", "enter")  # refused: an empty title, the error shown
        assert first_form.query_one("#error-title").has_class("-shown")
        await pilot.press("escape", "right", "a")
        assert app.screen is first_form  # shown again, not built again
        assert [first_form.value(name) for name in ("title", "author", "category")] == [
            "",
            "",
            "",
        ]
        assert not first_form.query_one("#error-title").has_class("-shown")
        second_column = app.screen_stack[-2].focused_column()
        assert second_column.title in str(first_form.query_one("#form-title").render())
        await pilot.press(*"Second", "enter", "escape")
        added = app.session.board.topics[-2:]
        assert [(t.title, t.column) for t in added] == [
            ("First", "collected"),
            ("Second", second_column.id),
        ]
        assert added[0].author == "Maya" and added[1].author is None


async def test_cards_use_the_room_they_have_and_compact_when_they_do_not_fit(
    sessions_dir: Path,
) -> None:
    """At 200x50 every word of the kickoff's cards is on the board; at 80x24 a column that
    fits still shows whole titles, and the one that does not shows compact cards."""
    from tests.conftest import KICKOFF

    app = make_app(sessions_dir, KICKOFF)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        text = visible_text(app.screen.view)
        assert "…" not in text
        assert "who protects the long-term" in text and "long-term decisions" in text
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        text = visible_text(app.screen.view)
        assert "go straight to" in text and "developers" in text  # a whole title, 4 lines
        assert "Done across…" in text  # Missing has more cards than rows: compact


async def test_columns_that_need_width_get_it_from_those_that_do_not(tmp_path: Path) -> None:
    """At 200x50 a column of long cards takes the width short and empty columns spare, so
    every word shows; a click still lands in the column drawn there."""
    from poforum_tui.screens.board.board_view import MIN_COLUMN_WIDTH
    from poforum_tui.store import save
    from tests.test_live_snapshots import long_titles_board

    save(long_titles_board(), tmp_path / "2026-11-17-board.toml")
    app = make_app(tmp_path, "2026-11-17-board.toml")
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        view = app.screen.view
        assert view.widths["c3"] > view.column_width() > MIN_COLUMN_WIDTH
        assert view.widths["c5"] == MIN_COLUMN_WIDTH
        assert "…" not in visible_text(view)
        x = sum(view.widths[c] + 1 for c in ("c1", "c2")) + view.widths["c3"] - 2
        await pilot.click(BoardView, offset=(x, 3))
        assert app.screen.focused_column().id == "c3"
        await pilot.resize_terminal(80, 24)  # columns off screen: equal widths again
        await pilot.pause()
        assert set(view.widths.values()) == {view.column_width()}
