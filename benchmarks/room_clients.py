"""Room participants for the benchmark, in their own process.

`python -m benchmarks.room_clients URL`: twelve participants join, each holds the page's live
stream open, and they vote over HTTP as the page does. Each vote prints `sent N T`, T being
time.monotonic() (one clock for every process on Linux), so the app's process can time a vote
from its request to its frame.

Commands on standard input, one a line: `votes N GAP` casts N votes (the participants in turn,
GAP seconds apart); `churn SECONDS RATE` votes and takes each vote back, RATE requests a
second for that long (run it first: budgets stay unspent); `quit` leaves.
"""

from __future__ import annotations

import sys
import threading
import time

import httpx2 as httpx

PARTICIPANTS = 12


def names() -> list[str]:
    return [f"Bench PO {n:02d}" for n in range(1, PARTICIPANTS + 1)]


def _listen(url: str, name: str, stop: threading.Event) -> None:
    """Hold the live stream open and read it, as a page does."""
    with (
        httpx.Client(timeout=None) as client,
        client.stream("GET", f"{url}/events", params={"name": name}) as stream,
    ):
        for _line in stream.iter_lines():
            if stop.is_set():
                return


def main(argv: list[str]) -> int:
    url = argv[0]
    clients = {name: httpx.Client(timeout=10, headers={"X-Room-Browser": name}) for name in names()}
    for name, client in clients.items():
        client.post(f"{url}/join", json={"name": name}).raise_for_status()
    stop = threading.Event()
    for name in clients:
        threading.Thread(target=_listen, args=(url, name, stop), daemon=True).start()
    topics = [
        t["id"]
        for c in clients[names()[0]].get(f"{url}/state").json()["columns"]
        for t in c["topics"]
    ]
    print("ready", len(topics), flush=True)
    sent = 0
    for line in sys.stdin:
        command, *args = line.split()
        if command == "quit":
            break
        if command == "votes":
            count, gap = int(args[0]), float(args[1])
            for index in range(count):
                name = names()[index % PARTICIPANTS]
                topic = topics[(index // PARTICIPANTS + index) % len(topics)]
                sent += 1
                print("sent", sent, time.monotonic(), flush=True)
                clients[name].post(f"{url}/vote", json={"name": name, "topic": topic})
                time.sleep(gap)
            print("done", flush=True)
        elif command == "churn":
            until, gap = time.monotonic() + float(args[0]), 1 / float(args[1])
            index = 0
            while time.monotonic() < until:  # each vote is taken back: budgets stay unspent
                name = names()[(index // 2) % PARTICIPANTS]
                topic = topics[(index // 2) % len(topics)]
                path = "/vote" if index % 2 == 0 else "/unvote"
                clients[name].post(f"{url}{path}", json={"name": name, "topic": topic})
                index += 1
                time.sleep(gap)
            print("done", flush=True)
    stop.set()
    for client in clients.values():
        client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
