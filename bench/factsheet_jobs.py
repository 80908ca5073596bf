"""Benchmark: a round's factsheets as the web makes them, by background jobs (django-tasks, database backend).

What an analyst starts at /factsheets/rondes/2021/factsheets/: `batch_start` queues the
institutions in chunks, `--workers` `manage.py db_worker` processes render them and the
last report packs the zip. Runs against its own PostgreSQL database (the production
database; created, migrated and filled with the demo data set once, reused after):

    .venv/bin/python bench/factsheet_jobs.py [--database-url postgres://postgres@127.0.0.1:5432/jump_bench_jobs]
                                             [--workers 2] [--round 2021]

The factsheets kept by an earlier run are cleared first, so every one is rendered afresh.
Prints the wall time from the click to the zip, and the rendering rate. There is no target
of its own: issue 5's 20 s is for `generate_factsheets` (bench/factsheets.py); this shows
what the queue, the workers' start-up and the database add to it.
"""

import argparse
import io
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._setup import django_setup, ensure_database, publish_once  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/jump_bench_jobs")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--round", type=int, default=2021)
    args = parser.parse_args()
    ensure_database(args.database_url)
    django_setup(args.database_url)

    from django.core.management import call_command

    from factsheets.batch_models import FactsheetBatch
    from factsheets.factsheet.jobs import batch_start
    from factsheets.factsheet.stored import stored_factsheets_clear
    from surveys.models import Round, User

    call_command("migrate", verbosity=0, stdout=io.StringIO())
    if not Round.objects.filter(year=args.round).exists():
        print("Filling the database with the demo data set (once)…", flush=True)
        call_command("seed_demo", stdout=io.StringIO())
    scan_round = Round.objects.get(year=args.round)
    publish_once(scan_round)
    analyst = User.objects.filter(role=User.Role.ANALYST).first()
    # A batch keeps every factsheet it made and the next one reuses them: render afresh.
    stored_factsheets_clear(scan_round.year)

    environment = {**os.environ, "DATABASE_URL": args.database_url, "LOG_LEVEL": "WARNING"}
    command = [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.2", "--no-reload"]
    workers = [
        subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(args.workers)
    ]
    try:
        time.sleep(3)  # the workers start (Django, WeasyPrint) before the click, as they do in production
        started = time.perf_counter()
        batch = batch_start(round=scan_round, user=analyst)
        while True:
            batch.refresh_from_db()
            if batch.finished:
                break
            if time.perf_counter() - started > 600:
                print("Gave up after 10 minutes.", file=sys.stderr)
                return 1
            time.sleep(0.2)
        wall = time.perf_counter() - started
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)

    print(f"Round {scan_round.year}: {batch.total} factsheets with {args.workers} db_worker processes")
    status = batch.get_status_display()
    print(f"   {status}: {batch.done} made, {len(batch.failures)} failed, zip {'yes' if batch.archive else 'no'}")
    print(f"   {wall:.1f} s from the click to the zip ({batch.total / wall:.1f} factsheets a second)")
    return 0 if batch.status == FactsheetBatch.Status.DONE else 1


if __name__ == "__main__":
    sys.exit(main())
