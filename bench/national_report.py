"""Benchmark: the national report PDF of the demo round (target: median under 3 s), and its XLSX.

Runs against its own SQLite database, migrated and filled with the demo data set
(`seed_demo`) when it has no round 2021 yet, and reused on later runs:

    .venv/bin/python bench/national_report.py [--database /tmp/jump_bench_report.sqlite3] [--round 2021]
                                              [--runs 3] [--out /tmp/bench-national-report.pdf]

Each run times the whole path an analyst's download takes: the national picture
(`national_picture`: the published round's snapshot, which the bench takes once with
`round_publish` when the demo round has none), the report's view model, the HTML and
WeasyPrint. The first, cold run (fonts, stylesheets, templates) is reported apart, and
so is the time of computing the picture afresh (an unpublished round). Wall time is the
target; CPU time is printed beside it because on a shared, busy machine wall time
mostly measures the other processes. Prints the medians, pages and size; exits 1 when
the PDF misses the target.
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

from bench._setup import demo_database, publish_once  # noqa: E402

TARGET_SECONDS = 3.0


def run(year: int, runs: int, out: Path) -> int:
    from pypdf import PdfReader

    from factsheets.aggregation import national_picture
    from factsheets.national_report.render import render_national_report_pdf, render_national_report_xlsx
    from surveys.models import Round

    scan_round = Round.objects.get(year=year)
    started = time.perf_counter()
    national_picture(scan_round)
    computed = time.perf_counter() - started
    publish_once(scan_round)

    def pdf() -> bytes:
        return render_national_report_pdf(national_picture(scan_round))[2]

    def xlsx() -> bytes:
        return render_national_report_xlsx(national_picture(scan_round))[2]

    started = time.perf_counter()
    content = pdf()
    cold = time.perf_counter() - started
    timings, cpu, xlsx_timings = [], [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        content = pdf()
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        started = time.perf_counter()
        workbook = xlsx()
        xlsx_timings.append(time.perf_counter() - started)
    out.write_bytes(content)
    pages = len(PdfReader(io.BytesIO(content)).pages)
    median = statistics.median(timings)
    print(f"national report {year}: {pages} pages, {len(content) / 1024:.0f} KiB → {out}")
    print(f"picture computed afresh (unpublished round): {computed:.2f} s; published: read from its snapshot")
    each = ", ".join(f"{t:.2f}" for t in timings)
    print(f"PDF  cold {cold:.2f} s; median of {runs}: {median:.2f} s wall (runs: {each})")
    load = f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    print(f"PDF  median CPU time: {statistics.median(cpu):.2f} s; {load}")
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
    demo_database(options.database)
    return run(options.round, options.runs, options.out)


if __name__ == "__main__":
    sys.exit(main())
