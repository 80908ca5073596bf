"""Benchmark: the national report PDF of the demo round (target: median under 3 s), and its XLSX.

Runs against its own SQLite database, migrated and filled with the demo data set
(`seed_demo`) when it has no round 2021 yet, and reused on later runs:

    .venv/bin/python bench/national_report.py [--database /tmp/jump_bench_report.sqlite3] [--round 2021]
                                              [--runs 3] [--out /tmp/bench-national-report.pdf]

Each run times the whole path an analyst's download takes: the national picture
(`national_picture`, computed, as the demo round has no snapshot), the report's view
model, the HTML and WeasyPrint. The first, cold run (fonts, stylesheets, templates) is
reported apart. Prints the medians, pages and size; exits 1 when the PDF misses the target.
"""

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_SECONDS = 3.0


def setup(database: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jump_scan.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from surveys.models import Round

    call_command("migrate", verbosity=0, stdout=io.StringIO())
    if not Round.objects.filter(year=2021).exists():
        print(f"Filling {database} with the demo data set (once)…", flush=True)
        call_command("seed_demo", stdout=io.StringIO())


def run(year: int, runs: int, out: Path) -> int:
    from pypdf import PdfReader

    from factsheets.aggregation import national_picture
    from factsheets.national_report.render import render_national_report_pdf, render_national_report_xlsx
    from surveys.models import Round

    scan_round = Round.objects.get(year=year)

    def pdf() -> bytes:
        return render_national_report_pdf(national_picture(scan_round))[2]

    def xlsx() -> bytes:
        return render_national_report_xlsx(national_picture(scan_round))[2]

    started = time.perf_counter()
    content = pdf()
    cold = time.perf_counter() - started
    timings, xlsx_timings = [], []
    for _ in range(runs):
        started = time.perf_counter()
        content = pdf()
        timings.append(time.perf_counter() - started)
        started = time.perf_counter()
        workbook = xlsx()
        xlsx_timings.append(time.perf_counter() - started)
    out.write_bytes(content)
    pages = len(PdfReader(io.BytesIO(content)).pages)
    median = statistics.median(timings)
    print(f"national report {year}: {pages} pages, {len(content) / 1024:.0f} KiB → {out}")
    print(f"PDF  cold {cold:.2f} s; median of {runs}: {median:.2f} s (runs: {', '.join(f'{t:.2f}' for t in timings)})")
    print(f"XLSX median of {runs}: {statistics.median(xlsx_timings):.2f} s ({len(workbook) / 1024:.0f} KiB)")
    if median > TARGET_SECONDS:
        print(f"FAIL: the PDF takes {median:.2f} s, the target is {TARGET_SECONDS:.1f} s")
        return 1
    print(f"OK: under the target of {TARGET_SECONDS:.1f} s")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="/tmp/jump_bench_report.sqlite3")
    parser.add_argument("--round", type=int, default=2021)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path("/tmp/bench-national-report.pdf"))
    options = parser.parse_args()
    setup(options.database)
    return run(options.round, options.runs, options.out)


if __name__ == "__main__":
    sys.exit(main())
