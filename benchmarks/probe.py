"""Startup probe, run in a fresh `python` per sample by `python -m benchmarks`.

    python benchmarks/probe.py poforum SESSION   # what `poforum SESSION` does, through cli.main
    python benchmarks/probe.py minimal           # a minimal Textual app: Header, Static, Footer
    python benchmarks/probe.py floor             # the same app after importing poforum's
                                                 # pydantic models (what the design costs)

    python benchmarks/probe.py idle SECONDS minimal             # CPU used while idle, after the
    python benchmarks/probe.py idle SECONDS agenda SESSION      # first frame: the minimal app; the
    python benchmarks/probe.py idle SECONDS presenter SESSION   # Agenda (or presenter mode) with
                                                                # the first item's timer running

They run the same way: `App.run` is wrapped to run headless at 100x30, and once the app is
ready the probe waits for its first screen to settle, prints the monotonic time of that first
full frame, and exits the app. The product is not changed to make this possible.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.frames import settle, watch_frames

SIZE = (100, 30)
first_frame: list[float] = []
idle_cpu: list[float] = []


class MinimalApp(App[None]):
    """The yardstick: what any Textual app costs to show a screen."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hello")
        yield Footer()


def exit_after_first_frame(run):
    def probed_run(self: App, *args, **kwargs):
        frames = watch_frames(self)

        async def autopilot(pilot) -> None:
            last = await settle(pilot.app, frames)
            first_frame.append(last if last is not None else time.monotonic())
            pilot.app.exit()

        kwargs.update(headless=True, size=SIZE, auto_pilot=autopilot)
        return run(self, *args, **kwargs)

    return probed_run


def measure_idle(run, seconds: float, keys: tuple[str, ...]):
    """`App.run` that, after the first frame, presses `keys` (space starts the timer, p
    presents), waits for quiet, then measures this process's CPU time over `seconds`. It runs
    in the terminal it was given (benchmarks/idle.py gives it a pseudo-terminal): the input
    thread and the writes to the terminal are part of what idling costs."""

    def probed_run(self: App, *args, **kwargs):
        frames = watch_frames(self)

        async def autopilot(pilot) -> None:
            import asyncio

            await settle(pilot.app, frames)
            for key in keys:
                await pilot.press(key)
                await settle(pilot.app, frames)
            session = getattr(pilot.app, "session", None)
            if keys and not any(item.status == "running" for item in session.agenda):
                print("the timer did not start", file=sys.stderr)
                pilot.app.exit()
                return
            await asyncio.sleep(1.0)  # past the first tick after the keys
            cpu, wall = time.process_time(), time.monotonic()
            await asyncio.sleep(seconds)
            idle_cpu.append((time.process_time() - cpu) / (time.monotonic() - wall))
            pilot.app.exit()

        kwargs.update(auto_pilot=autopilot)
        return run(self, *args, **kwargs)

    return probed_run


def idle(argv: list[str]) -> int:
    seconds, subject = float(argv[0]), argv[1]
    keys = {"minimal": (), "agenda": ("space",), "presenter": ("space", "p")}[subject]
    App.run = measure_idle(App.run, seconds, keys)
    if subject == "minimal":
        MinimalApp().run()
    else:
        from poforum_tui.cli import main as poforum

        code = poforum(argv[2:])
        if code:
            return code
    if not idle_cpu:
        return 3
    report = f"idle-cpu-share {idle_cpu[0]!r}\n"
    result = os.environ.get("POFORUM_PROBE_RESULT")
    if result:
        Path(result).write_text(report, encoding="utf-8")
    else:
        print(report, end="")
    return 0


def main(argv: list[str]) -> int:
    if argv[0] == "idle":
        return idle(argv[1:])
    App.run = exit_after_first_frame(App.run)
    if argv[0] == "minimal":
        MinimalApp().run()
    elif argv[0] == "floor":
        import gc

        gc.disable()  # as `poforum` does until its first frame (cli.pause_collector)
        import poforum_tui.domain.models  # noqa: F401  pydantic, and the session models built

        MinimalApp().run()
    elif argv[0] == "poforum":
        from poforum_tui.cli import main as poforum

        code = poforum(argv[1:])
        if code:
            return code
    else:
        print(f"unknown subject {argv[0]!r}", file=sys.stderr)
        return 2
    if not first_frame:
        print("the app exited before its first frame", file=sys.stderr)
        return 3
    print(f"first-frame {first_frame[0]!r}")
    print(f"peak-rss-kib {peak_rss_kib()}")
    return 0


def peak_rss_kib() -> int:
    """This process's peak resident memory since it started running Python.

    /proc's VmHWM counts this program only; getrusage's ru_maxrss also counts the parent's
    pages a forked child held before it exec'd Python (the bench's own memory, here).
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
