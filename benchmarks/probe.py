"""Startup probe, run in a fresh `python` per sample by `python -m benchmarks`.

    python benchmarks/probe.py poforum SESSION   # what `poforum SESSION` does, through cli.main
    python benchmarks/probe.py minimal           # a minimal Textual app: Header, Static, Footer
    python benchmarks/probe.py floor             # the same app after importing poforum's
                                                 # pydantic models (what the design costs)

Both run the same way: `App.run` is wrapped to run headless at 100x30, and once the app is
ready the probe waits for its first screen to settle, prints the monotonic time of that first
full frame, and exits the app. The product is not changed to make this possible.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.frames import settle, watch_frames

SIZE = (100, 30)
first_frame: list[float] = []


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


def main(argv: list[str]) -> int:
    App.run = exit_after_first_frame(App.run)
    if argv[0] == "minimal":
        MinimalApp().run()
    elif argv[0] == "floor":
        import gc

        gc.disable()  # as `poforum` does until its first frame (cli.pause_collector)
        import poforum_tui.domain  # noqa: F401  pydantic, and the session models built

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
