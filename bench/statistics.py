"""Statistics pages: from the click on the tab to the figures on screen, prevention and rehabilitation, on the demo data.

One GUI process on the demo database (offscreen Qt), logged in as the caseworker, with the window up and the full
services open (as a few seconds after start-up). "Shown" is the page's ``loading`` flag cleared by its result and
the window painted after it: the status line no longer says "Calculating…" / "Counting…". Timed: the first click
on each statistics tab (it builds the page, then computes), then the View → Refresh of the shown page ``--runs``
times. The baseline FIGURE is the service call alone (the same report, on the same thread as the timing).
"""

from __future__ import annotations

import argparse
import statistics
import time

from bench._dataset import demo_database
from bench._gui import DemoWindow

TARGET_S = 0.5


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench statistics", description=__doc__)
    parser.add_argument("--claims", type=int, default=300, help="demo database size (default: the demo's 300)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    folder = demo_database(args.claims)


    demo = DemoWindow(folder)
    window, env = demo.window, demo.env

    def wait(predicate, seconds: float = 120.0, what: str = "") -> None:
        demo.wait(predicate, seconds, what)

    wait(lambda: env.services_ready and window.claims_page.detail is not None and window.printing_prepared)
    idle = (lambda: env.runner.pool.activeThreadCount() == 0 and env.runner.writer.activeThreadCount() == 0)
    wait(idle)

    def prevention():
        window.show_section(0)
        tabs = window.stack.currentWidget()
        started = time.perf_counter()
        tabs.setCurrentIndex(4)  # Statistics
        lazy = tabs.currentWidget()
        wait(lambda: lazy.page is not None and not lazy.page.loading)
        window.grab()
        return time.perf_counter() - started, lazy.page

    def rehabilitation():
        window.show_section(2)
        lazy = window.stack.currentWidget()
        wait(lambda: lazy.page is not None)
        wait(idle)
        cases = lazy.page
        started = time.perf_counter()
        cases.tabs.setCurrentWidget(cases.stats_holder)
        wait(lambda: cases.stats_page is not None and not cases.stats_page.loading)
        window.grab()
        return time.perf_counter() - started, cases.stats_page

    def refreshed(page) -> float:
        wait(idle)
        started = time.perf_counter()
        page.refresh()
        wait(lambda: not page.loading)
        window.grab()
        return time.perf_counter() - started

    results = {}
    for name, show in (("prevention", prevention), ("rehabilitation", rehabilitation)):
        first, page = show()
        again = [refreshed(page) for _ in range(args.runs)]
        results[name] = (first, again)
    services, actor = env.services, env.actor
    start, end = services.prevention_stats.default_period()
    service_only = []
    for _ in range(args.runs):
        started = time.perf_counter()
        services.prevention_stats.report(actor, start, end, "employer")
        services.prevention_stats.rising_employers(actor)
        service_only.append(time.perf_counter() - started)
    window.close()
    env.runner.wait()

    worst = 0.0
    for name, (first, again) in results.items():
        print(f"FIGURE statistics_{name}_first_click {first * 1000:.0f} ms")
        print(f"FIGURE statistics_{name}_refresh_median {statistics.median(again) * 1000:.0f} ms")
        worst = max(worst, first, statistics.median(again))
    print(f"FIGURE statistics_prevention_service_only_median {statistics.median(service_only) * 1000:.0f} ms")
    print(f"FIGURE statistics_claims {args.claims} claims")
    print(f"RATIO statistics_worst_s {worst:.2f} target <= {TARGET_S}")
    return 0 if worst <= TARGET_S else 1
