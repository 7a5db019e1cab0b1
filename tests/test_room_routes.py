"""The room's routes through Starlette's test client, over a fake host and real operations."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("starlette")

from starlette.testclient import TestClient

from poforum_tui.domain import board as board_ops
from poforum_tui.domain import room as room_ops
from poforum_tui.room.ratelimit import RateLimit
from poforum_tui.room.routes import RoomState
from poforum_tui.room.server import create_app
from poforum_tui.store import load
from tests.conftest import EXAMPLES, FORUM
from tests.room_host import FakeHost

TOKEN = "t" * 22


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def host() -> FakeHost:
    return FakeHost(load(EXAMPLES / FORUM))


@pytest.fixture
def ticks() -> Clock:
    return Clock()


@pytest.fixture
def room(host, ticks) -> RoomState:
    return RoomState(host, TOKEN, f"http://127.0.0.1:1/r/{TOKEN}", RateLimit(monotonic=ticks))


@pytest.fixture
def client(room):
    with TestClient(create_app(room), base_url="http://127.0.0.1") as test_client:
        yield test_client


def post(client, path: str, browser: str = "b1", **body):
    return client.post(f"/r/{TOKEN}{path}", json=body, headers={"X-Room-Browser": browser})


def test_page_has_the_labelled_fields_and_no_outside_assets(client, host) -> None:
    page = client.get(f"/r/{TOKEN}")
    assert page.status_code == 200
    assert 'for="name">Your name<' in page.text and ">Join<" in page.text
    assert 'for="topic">Topic<' in page.text and ">Add<" in page.text
    assert '<option value="Maya Goldberg">' in page.text  # the session's participants suggested
    assert "http" not in page.text.replace(f"/r/{TOKEN}", "")  # no CDN, no outside link
    assert "default-src 'none'" in page.headers["content-security-policy"]
    for asset in ("room.js", "room.css"):
        assert client.get(f"/r/{TOKEN}/static/{asset}").status_code == 200
    assert client.get(f"/r/{TOKEN}/static/../routes.py").status_code == 404


def test_join_adds_a_new_participant_once(client, host, room) -> None:
    before = len(host.session.participants)
    assert post(client, "/join", name="  Ada   Lovelace ").json() == {"ok": True}
    assert post(client, "/join", name="Ada Lovelace").status_code == 200
    assert [p.name for p in host.session.participants][before:] == ["Ada Lovelace"]
    assert room.joined == ["Ada Lovelace"]
    assert post(client, "/join", name="Maya Goldberg").status_code == 200  # a known name
    assert len(host.session.participants) == before + 1
    assert room.roster()[0] == ("Ada Lovelace", 0, 3)


def test_add_lands_in_the_first_column_with_its_author(client, host) -> None:
    post(client, "/join", name="Ada")
    answer = post(client, "/topics", name="Ada", title="Who owns the API?", category="tools")
    assert answer.json() == {"ok": True}
    topic = host.session.board.topics[-1]
    assert (topic.title, topic.author, topic.category) == ("Who owns the API?", "Ada", "tools")
    assert topic.column == host.session.board.columns[0].id
    refused = post(client, "/topics", name="Ada", title="x", category="not a category")
    assert (
        refused.status_code == 422
        and "not one of the board's categories" in refused.json()["error"]
    )


def test_a_request_before_joining_is_refused(client, host) -> None:
    before = host.session
    answer = post(client, "/topics", name="Stranger", title="Hello")
    assert answer.status_code == 422
    assert answer.json()["error"].startswith("Join the room first")
    assert host.session is before


def test_vote_take_back_and_the_budget_in_the_domains_words(client, host) -> None:
    post(client, "/join", name="Ada")
    topic = host.session.board.topics[0].id
    for _ in range(3):
        assert post(client, "/vote", name="Ada", topic=topic).status_code == 200
    assert host.session.topic(topic).votes["Ada"] == 3
    over = post(client, "/vote", name="Ada", topic=topic)
    assert over.status_code == 422 and over.json()["error"] == "Ada has used 3 of 3 votes"
    assert post(client, "/unvote", name="Ada", topic=topic).status_code == 200
    assert host.session.topic(topic).votes["Ada"] == 2
    state = client.get(f"/r/{TOKEN}/state", params={"name": "Ada"}).json()
    assert (state["used"], state["budget"]) == (2, 3)
    none_left = post(client, "/unvote", name="Ada", topic=host.session.board.topics[1].id)
    assert none_left.json()["error"] == "Ada has no vote on this topic"


def test_closed_collection_and_closed_voting_refuse_with_the_reason(client, host) -> None:
    post(client, "/join", name="Ada")
    host.change(lambda s: room_ops.set_setting(s, "collecting", False))
    host.change(lambda s: room_ops.set_setting(s, "voting", False))
    before = host.session
    added = post(client, "/topics", name="Ada", title="Late idea")
    assert added.status_code == 422 and added.json()["error"] == room_ops.COLLECTION_CLOSED
    voted = post(client, "/vote", name="Ada", topic=before.board.topics[0].id)
    assert voted.status_code == 422 and voted.json()["error"] == room_ops.VOTING_CLOSED
    assert host.session is before


@pytest.mark.parametrize(
    "path", ["/r/wrong", "/r/wrong/state", "/r/wrong/events", "/r/wrong/static/room.js"]
)
def test_a_wrong_token_is_403(client, path) -> None:
    answer = client.get(path)
    assert answer.status_code == 403
    assert TOKEN not in answer.text


@pytest.mark.parametrize("path", ["/", "/r", "/r/", "/static/room.js", "/qr.svg"])
def test_a_missing_token_is_404(client, path) -> None:
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/join", "/topics", "/vote", "/unvote"])
def test_a_wrong_token_writes_nothing(client, host, path) -> None:
    before = host.session
    body = {"name": "Maya Goldberg", "title": "x", "topic": before.board.topics[0].id}
    assert client.post(f"/r/{'x' * 22}{path}", json=body).status_code == 403
    assert client.post(f"/r{path}", json=body).status_code in (403, 404)  # /r/join: token "join"
    assert client.post(path, json=body).status_code == 404
    assert host.session is before and host.changes == []


@pytest.mark.parametrize(
    "title", ["<script>alert(1)</script>", "[b]markup[/b]", "<img src=x onerror=alert(1)>"]
)
def test_hostile_titles_are_kept_as_text_and_served_as_json(client, host, title) -> None:
    post(client, "/join", name="<b>Eve</b>")
    assert post(client, "/topics", name="<b>Eve</b>", title=title).status_code == 200
    assert host.session.board.topics[-1].title == title
    state = client.get(f"/r/{TOKEN}/state", params={"name": "<b>Eve</b>"})
    assert state.headers["content-type"] == "application/json"
    assert title in [t["title"] for c in state.json()["columns"] for t in c["topics"]]
    page = client.get(f"/r/{TOKEN}").text
    assert "<b>Eve</b>" not in page and "&lt;b&gt;Eve&lt;/b&gt;" in page  # autoescaped


@pytest.mark.parametrize("title", ["bell\x07", "esc\x1b[31mred", "nul\x00", "c1\x9b"])
def test_control_characters_are_refused(client, host, title) -> None:
    post(client, "/join", name="Ada")
    before = host.session
    answer = post(client, "/topics", name="Ada", title=title)
    assert answer.status_code == 422
    assert answer.json()["error"] == "Topic must not hold control characters"
    assert host.session is before
    assert post(client, "/join", name="Bad\x1bName").status_code == 422


def test_a_title_over_the_limit_is_refused_with_the_reason(client, host) -> None:
    post(client, "/join", name="Ada")
    before = host.session
    answer = post(client, "/topics", name="Ada", title="x" * 2000)
    assert answer.status_code == 422
    assert answer.json()["error"] == "Topic is 2,000 characters; at most 300 please"
    assert host.session is before
    assert post(client, "/topics", name="Ada", title="x" * 20_000).status_code == 413


def test_bad_bodies_are_refused(client, host) -> None:
    before = host.session
    raw = client.post(f"/r/{TOKEN}/join", content=b"not json")
    assert raw.status_code == 400
    assert client.post(f"/r/{TOKEN}/join", json=["a"]).status_code == 400
    assert client.post(f"/r/{TOKEN}/join", json={"name": 3}).status_code == 422
    assert client.get(f"/r/{TOKEN}/join").status_code == 405
    assert host.session is before


def test_rate_limit_per_browser(client, host, ticks) -> None:
    post(client, "/join", name="Ada")
    answers = [post(client, "/topics", name="Ada", title=f"t{n}").status_code for n in range(15)]
    assert answers.count(200) == 9 and answers[-1] == 429  # 10 in a burst, one was the join
    assert post(client, "/join", browser="b2", name="Bea").status_code == 200  # another browser
    error = post(client, "/topics", name="Ada", title="more").json()["error"]
    assert error.startswith("Too many requests")
    ticks.now += 1.0  # two more a second
    assert post(client, "/topics", name="Ada", title="after a pause").status_code == 200
    assert len([t for t in host.session.board.topics if t.author == "Ada"]) == 10


def test_hidden_tallies_show_only_a_participants_own_dots(client, host) -> None:
    post(client, "/join", name="Ada")
    topic = host.session.board.topics[0]
    post(client, "/vote", name="Ada", topic=topic.id)
    host.change(board_ops.toggle_hidden)
    state = client.get(f"/r/{TOKEN}/state", params={"name": "Ada"}).json()
    card = next(t for c in state["columns"] for t in c["topics"] if t["id"] == topic.id)
    assert card["votes"] is None and card["my_votes"] == 1 and state["tallies_hidden"]
    assert "Maya Goldberg" not in json.dumps(card)  # no other voter's name or count


def test_hidden_cards_show_own_topics_and_a_count(client, host) -> None:
    post(client, "/join", name="Ada")
    post(client, "/topics", name="Ada", title="Mine")
    host.change(lambda s: room_ops.set_setting(s, "cards_hidden", True))
    state = client.get(f"/r/{TOKEN}/state", params={"name": "Ada"}).json()
    titles = [t["title"] for c in state["columns"] for t in c["topics"]]
    assert titles == ["Mine"]
    assert state["others_hidden"] == len(host.session.board.topics) - 1
    other = host.session.board.topics[0].id
    voted = post(client, "/vote", name="Ada", topic=other)
    assert voted.json()["error"].startswith("Cards are hidden")


def test_the_events_stream_sends_the_participants_state(room, host) -> None:
    import asyncio

    from poforum_tui.room.view import merge, participant_view

    def state(event: str) -> dict:
        parts = json.loads(event.removeprefix("data: "))
        return merge(parts["shared"], parts["own"], parts["item"])

    async def first_two() -> list[dict]:
        stream = room.stream("Maya Goldberg")
        first = state(await anext(stream))
        host.change(lambda s: room_ops.add_topic(s, "Maya Goldberg", "Live one"))
        second = state(await anext(stream))
        room.close()
        with pytest.raises(StopAsyncIteration):
            await anext(stream)
        return [first, second]

    first, second = asyncio.run(first_two())
    titles = [t["title"] for c in second["columns"] for t in c["topics"]]
    assert "Live one" in titles and "Live one" not in str(first)
    assert second == participant_view(host.session, "Maya Goldberg", host.clock)


@pytest.mark.parametrize("setting", ["cards_hidden", "votes_hidden", None])
def test_the_streams_parts_merge_into_each_participants_view(host, setting) -> None:
    from poforum_tui.room.view import SharedCache, merge, participant_view, stream_message

    session = host.session
    session = room_ops.vote(session, session.board.topics[0].id, "Ada")
    session = room_ops.add_topic(session, "Ada", "Ada's own")
    if setting == "cards_hidden":
        session = room_ops.set_setting(session, "cards_hidden", True)
    elif setting == "votes_hidden":
        session = board_ops.toggle_hidden(session)
    cache = SharedCache()
    assert cache.json(session) is cache.json(session)  # serialized once per session
    for name in ("Ada", "Maya Goldberg", None):
        parts = json.loads(stream_message(cache, session, name, host.clock).removeprefix("data: "))
        merged = merge(parts["shared"], parts["own"], parts["item"])
        assert merged == participant_view(session, name, host.clock)
    ada = participant_view(session, "Ada", host.clock)
    shown = [t["title"] for c in ada["columns"] for t in c["topics"]]
    if setting == "cards_hidden":
        assert shown == ["Ada's own"]
        assert "Stakeholders" not in cache.json(session)  # no one's hidden card is sent
        assert ada["others_hidden"] == len(session.board.topics) - 1
    else:
        assert len(shown) == len(session.board.topics)


def test_the_qr_code_carries_the_join_url(client, room) -> None:
    svg = client.get(f"/r/{TOKEN}/qr.svg")
    assert svg.status_code == 200 and svg.text.startswith("<svg")
