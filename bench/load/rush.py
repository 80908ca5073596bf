"""Load test: the deadline rush. 100 institutions with 3 people each fill in their block pages and submit.

    .venv/bin/python bench/load/rush.py [--database-url postgres://postgres@127.0.0.1:5432/jump_load]
        [--institutions 100] [--people 3] [--minutes 4] [--signin-seconds 240] [--workers 3] [--threads 4]

Against its own PostgreSQL database (created when missing, migrated, seeded with `seed_demo`,
then 100 demo institutions get a fresh draft and three new sign-ins each), gunicorn with the
production settings (DEBUG=false, gunicorn.conf.py, static files collected for WhiteNoise) on
127.0.0.1 only. Two phases, each bounded in time:

1. sign-in: the 300 people sign in through the sign-in form, spread over --signin-seconds
   (each sign-in costs a deliberately slow password hash, about half a second of CPU, so two
   cores sign in at most a few people per second; it is measured apart, before the rush, as
   people sign in when they start their day and the session then lasts);
2. the rush: everyone fills in their share of the eight block pages (each person's own blocks),
   every change autosaved as the page's script does, each page saved with "Opslaan en verder";
   then, once the colleagues are done, the programme leader submits, and half of the time a
   colleague clicks submit too. The real rush is 10 minutes; --minutes compresses it (4: the same
   requests from the same 300 people, 2.5 times as fast).

Afterwards it checks in the database that every answer a client sent last is stored and that every
institution's response is submitted exactly once, prints throughput and p50/p95/p99 per endpoint
(as the clients saw them, and as gunicorn logged them), and exits 1 when a target is missed:
no errors, p95 under 250 ms for the fill-in requests, every answer stored.
"""

import argparse
import json
import os
import re
import resource
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
from bench._server import (  # noqa: E402
    collect_static,
    free_port,
    manage,
    server_environment,
    start_gunicorn,
    stop,
    wait_until_up,
)
from bench._setup import ensure_database  # noqa: E402
from bench.load.cpu import DatabaseCpu, gunicorn_seconds  # noqa: E402
from bench.load.people import Person, Recorder, Sample, Team  # noqa: E402

TARGET_P95_MS = 250.0
SIGN_IN = ("sign-in page (GET)", "sign-in (POST)")
RUSH = (
    "overview (GET)",
    "block page (GET)",
    "autosave (POST)",
    "block save (POST)",
    "summary (GET)",
    "submit (POST)",
)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def endpoint_of(method: str, path: str) -> str | None:
    """The client's endpoint names for gunicorn's access log lines."""
    if path == "/accounts/login/":
        return SIGN_IN[0] if method == "GET" else SIGN_IN[1]
    if re.fullmatch(r"/scan/\d+/", path):
        return "overview (GET)"
    if re.fullmatch(r"/scan/\d+/blok/[\w-]+/autosave", path):
        return "autosave (POST)"
    if re.fullmatch(r"/scan/\d+/blok/[\w-]+/", path):
        return "block page (GET)" if method == "GET" else "block save (POST)"
    if re.fullmatch(r"/scan/\d+/overzicht/", path):
        return "summary (GET)" if method == "GET" else "submit (POST)"
    return None


def server_timings(access_log: Path) -> dict[str, list[float]]:
    timings = defaultdict(list)
    pattern = re.compile(r'"(\w+) (\S+) HTTP/[\d.]+" status=\d+ bytes=\S+ duration_ms=(\d+)')
    for line in access_log.read_text().splitlines():
        match = pattern.search(line)
        if match and (endpoint := endpoint_of(match.group(1), match.group(2).split("?")[0])):
            timings[endpoint].append(float(match.group(3)))
    return timings


def table(samples: list[Sample], names: tuple[str, ...], seconds: float, server: dict[str, list[float]]) -> list[dict]:
    rows = []
    print(
        f"{'endpoint':<20} {'requests':>8} {'errors':>6} {'req/s':>7} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>7}"
        f"   {'server p50/p95/p99 (ms)':>24}"
    )
    for name in names:
        mine = [sample for sample in samples if sample.endpoint == name]
        if not mine:
            continue
        ms = [sample.ms for sample in mine]
        logged = server.get(name, [])
        row = {
            "endpoint": name,
            "requests": len(mine),
            "errors": sum(not sample.ok for sample in mine),
            "per_second": len(mine) / seconds,
            "p50": statistics.median(ms),
            "p95": percentile(ms, 0.95),
            "p99": percentile(ms, 0.99),
            "max": max(ms),
            "server": [percentile(logged, share) for share in (0.5, 0.95, 0.99)] if logged else [],
        }
        rows.append(row)
        server_text = "/".join(f"{value:.0f}" for value in row["server"]) if logged else "-"
        print(
            f"{name:<20} {row['requests']:>8} {row['errors']:>6} {row['per_second']:>7.1f} {row['p50']:>6.0f}ms"
            f" {row['p95']:>6.0f}ms {row['p99']:>6.0f}ms {row['max']:>6.0f}ms   {server_text:>24}"
        )
    return rows


def client_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_threads(people: list[Person], work, *, limit_s: float) -> None:
    threads = [threading.Thread(target=work, args=(index, person), daemon=True) for index, person in enumerate(people)]
    for thread in threads:
        thread.start()
    stop_at = time.monotonic() + limit_s
    for thread in threads:
        thread.join(timeout=max(0.0, stop_at - time.monotonic()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/jump_load")
    parser.add_argument("--institutions", type=int, default=100)
    parser.add_argument("--people", type=int, default=3, help="people per institution")
    parser.add_argument("--minutes", type=float, default=4.0, help="length of the rush (the real one is 10)")
    parser.add_argument("--signin-seconds", type=float, default=240.0)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker")
    parser.add_argument("--port", type=int, default=0, help="0: a free port")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    if not (1 <= args.institutions <= 101 and 1 <= args.people <= 8 and 0.5 <= args.minutes <= 10):
        parser.error("--institutions 1..101, --people 1..8, --minutes 0.5..10")

    env = server_environment(args.database_url)
    ensure_database(args.database_url)
    print("Migrating, seeding the demo data, collecting static files…", flush=True)
    manage(env, "migrate", "--noinput")
    manage(env, "seed_demo")
    collect_static(env)
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connections

    from bench.load.data import PASSWORD, prepare, verify

    plan = prepare(institutions=args.institutions, people=args.people)
    connections.close_all()

    port = args.port or free_port()
    run_dir = Path(tempfile.mkdtemp(prefix="jump-load-"))
    access_log = run_dir / "access.log"
    server_log = (run_dir / "server.log").open("w")
    server = start_gunicorn(
        env, port=port, workers=args.workers, threads=args.threads, access_log=str(access_log), stderr=server_log
    )
    recorder = Recorder()
    teams = {institution.code: Team(institution.code, args.people) for institution in plan.institutions}
    people = [
        Person(
            username=username,
            password=PASSWORD,
            team=teams[institution.code],
            blocks=institution.blocks[number],
            submits=number == 0 or (number == 1 and index % 2 == 0),
            year=plan.year,
            port=port,
            recorder=recorder,
            seed=index * 10 + number,
        )
        for index, institution in enumerate(plan.institutions)
        for number, username in enumerate(institution.usernames)
    ]
    try:
        wait_until_up(port, server)
        load_before = os.getloadavg()[0]
        print(
            f"gunicorn: {args.workers} workers × {args.threads} threads on {os.cpu_count()} cores; "
            f"{len(people)} people of {len(teams)} institutions; load average before: {load_before:.1f}",
            flush=True,
        )

        print(f"Phase 1: {len(people)} sign-ins over {args.signin_seconds:.0f} s…", flush=True)
        signin_start = time.monotonic()
        signed_in = [False] * len(people)
        spacing = args.signin_seconds / len(people)

        def sign_in(index: int, person: Person) -> None:
            time.sleep(index * spacing)
            signed_in[index] = person.sign_in()

        run_threads(people, sign_in, limit_s=args.signin_seconds + 120)
        signin_seconds = time.monotonic() - signin_start

        window = args.minutes * 60
        print(f"Phase 2: the rush, {window:.0f} s for the pages, then submitting…", flush=True)
        database = urlsplit(args.database_url).path.lstrip("/")
        database_cpu = DatabaseCpu(database)
        cpu_before = (gunicorn_seconds(server.pid), 0.0, client_seconds())
        rush_start = time.monotonic()
        deadline = rush_start + window + 60

        def rush(index: int, person: Person) -> None:
            if not signed_in[index]:
                person.team.finished_my_pages()
                return
            start_at = rush_start + (index * 7919 % len(people)) / len(people) * 0.15 * window
            person.rush(start_at=start_at, finish_pages_by=rush_start + 0.85 * window, deadline=deadline)

        run_threads(people, rush, limit_s=window + 120)
        rush_seconds = time.monotonic() - rush_start
        cpu_after = (gunicorn_seconds(server.pid), database_cpu.stop(), client_seconds())
        load_after = os.getloadavg()[0]
    finally:
        stop(server)
        server_log.close()

    samples = list(recorder.samples)
    server = server_timings(access_log)
    print(f"\nSign-in phase: {signin_seconds:.0f} s, {sum(signed_in)} of {len(people)} signed in")
    signin_rows = table(samples, SIGN_IN, signin_seconds, server)
    rush_samples = [sample for sample in samples if sample.endpoint not in SIGN_IN]
    print(f"\nRush: {rush_seconds:.0f} s (pages within {window:.0f} s), load average after: {load_after:.1f}")
    rush_rows = table(rush_samples, RUSH, rush_seconds, server)
    answered = [sample for sample in rush_samples if sample.endpoint in RUSH]
    throughput = len(answered) / rush_seconds
    peak = max(
        sum(1 for sample in answered if second <= sample.started - rush_start < second + 10)
        for second in range(0, int(rush_seconds), 10)
    )
    all_ms = [sample.ms for sample in answered]
    errors = [sample for sample in samples if not sample.ok]
    print(
        f"all fill-in requests: {len(answered)}, {throughput:.1f} req/s on average, {peak / 10:.1f} req/s at the "
        f"busiest 10 s; p50 {statistics.median(all_ms):.0f} ms, p95 {percentile(all_ms, 0.95):.0f} ms, "
        f"p99 {percentile(all_ms, 0.99):.0f} ms; errors: {len(errors)}"
    )
    for error in errors[:10]:
        print(f"  error: {error.endpoint} status {error.status} {error.note}")
    app_ms, database_ms, client_ms = (
        (after - before) * 1000 / len(answered) for before, after in zip(cpu_before, cpu_after, strict=True)
    )
    print(
        f"CPU per fill-in request: gunicorn {app_ms:.1f} ms, PostgreSQL at least {database_ms:.1f} ms, "
        f"this load test's clients {client_ms:.1f} ms; at that cost two cores of their own carry about "
        f"{2000 / (app_ms + database_ms):.0f} fill-in requests/s"
    )

    verdict = verify(year=plan.year, expected={code: team.expected for code, team in teams.items()})
    thanked = sum(team.thanked for team in teams.values())
    print(
        f"\nStored: {verdict.items_expected - len(verdict.items_missing)} of {verdict.items_expected} answers as last "
        f"sent; submitted: {verdict.submitted} of {len(teams)} responses, each submitted "
        f"{sorted(set(verdict.submit_records.values()))} time(s) per the history; 'Dank u wel' shown "
        f"{thanked} times, 'al ingediend' {sum(team.already for team in teams.values())} times"
    )
    for line in verdict.items_missing[:10]:
        print(f"  not stored: {line}")
    worst_p95 = max(row["p95"] for row in rush_rows)
    met = not errors and verdict.ok and thanked == len(teams) and worst_p95 < TARGET_P95_MS
    print(f"target (no errors, p95 < {TARGET_P95_MS:.0f} ms per endpoint, every answer stored): ", end="")
    print("met" if met else "NOT met")
    print(f"(logs of this run in {run_dir})")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "workers": args.workers,
                    "threads": args.threads,
                    "people": len(people),
                    "minutes": args.minutes,
                    "load_average_before": load_before,
                    "sign_in": signin_rows,
                    "rush": rush_rows,
                    "throughput": throughput,
                    "peak_per_second": peak / 10,
                    "cpu_ms_per_request": {"gunicorn": app_ms, "postgresql": database_ms, "clients": client_ms},
                    "load_average_after": load_after,
                    "errors": len(errors),
                    "answers_expected": verdict.items_expected,
                    "answers_missing": len(verdict.items_missing),
                    "submitted": verdict.submitted,
                    "met": met,
                },
                indent=2,
            )
        )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
