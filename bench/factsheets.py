"""Benchmark: the factsheet PDF per institution, alone and for a whole round.

Runs against its own SQLite database, migrated and filled with the demo data set
(`seed_demo`) when it has no round 2021 yet, and reused on later runs; the round is
published once (`round_publish`), so the pictures come from a snapshot as in production:

    .venv/bin/python bench/factsheets.py [--database /tmp/jump_bench_factsheets.sqlite3] [--round 2021]
                                         [--runs 7] [--workers 2] [--documents 100] [--skip-batch]

It measures, against the targets of issue 5:

1. one full factsheet (all 8 blocks, all statements; picture to PDF bytes), median of
   --runs, with and without its charts (the same document, alternated so a change in
   the machine's load hits both alike): at most 0.6 s, and the charts at most +30 %;
   repeated renders find every line shaped already, so the same factsheet is also timed
   the way a batch meets it: first time in a process that rendered five others;
2. every factsheet of the round with --workers processes (`generate_factsheets`, what
   `manage.py generate_factsheets` runs, zip included): at most 20 s for the 63 of 2021;
3. the peak memory (RSS) of a worker of that batch: under 300 MB;
4. memory growth over --documents factsheets rendered one after another in one
   process (RSS after the last minus RSS after the first): under 50 MB.

Wall time is the target; CPU time is printed beside it because on a shared, busy
machine wall time mostly measures the other processes. Exits 1 when a target is missed.
"""

import argparse
import gc
import io
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._setup import demo_database, publish_once  # noqa: E402

TARGET_SECONDS, TARGET_OVERHEAD = 0.6, 0.30
TARGET_BATCH_SECONDS, TARGET_WORKER_MB, TARGET_GROWTH_MB = 20.0, 300.0, 50.0
PAGE_KB = os.sysconf("SC_PAGE_SIZE") / 1024


def rss_mb() -> float:
    """The resident memory of this process now (not its peak)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE_KB / 1024


def timed(function) -> tuple[object, float, float]:
    # Every run starts from the same collector state: without this, the collection of the
    # garbage the previous runs left falls on whichever run happens to cross the threshold.
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    result = function()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def one_factsheet(pictures: list, runs: int) -> dict:
    from pypdf import PdfReader

    from factsheets.factsheet.render import render_factsheet_pdf

    # The institution with the most to print: every block answered, the most open text.
    picture = max(pictures, key=lambda p: sum(len(a.good_example) + len(a.remarks) for a in p.own.open_answers))
    _, cold, _ = timed(lambda: render_factsheet_pdf(picture))
    render_factsheet_pdf(picture, charts=False)
    samples: dict[bool, list] = {True: [], False: []}
    for _ in range(runs):
        for charts in (False, True):
            samples[charts].append(timed(lambda charts=charts: render_factsheet_pdf(picture, charts=charts)))
    result = {"institution": picture.own.institution.name, "cold": cold}
    for charts, label in ((True, "with"), (False, "without")):
        content = samples[charts][0][0][2]
        result[label] = {
            "wall": statistics.median(s[1] for s in samples[charts]),
            "cpu": statistics.median(s[2] for s in samples[charts]),
            "pages": len(PdfReader(io.BytesIO(content)).pages),
            "kib": len(content) // 1024,
        }
    result["unseen"] = unseen(pictures, picture, runs=3)
    result["overhead_wall"] = result["with"]["wall"] / result["without"]["wall"] - 1
    result["overhead_cpu"] = result["with"]["cpu"] / result["without"]["cpu"] - 1
    return result


def unseen(pictures: list, picture, runs: int) -> float:
    """The median time of the same factsheet when the process has not rendered it before, as in a batch:
    the line cache (factsheets/pdf_text_cache.py) emptied, five other factsheets of the round rendered, then it."""
    from factsheets import pdf_text_cache
    from factsheets.factsheet.render import render_factsheet_pdf

    others = [other for other in pictures if other is not picture]
    samples = []
    for run in range(runs):
        pdf_text_cache.clear()
        for other in others[run * 5 : run * 5 + 5]:
            render_factsheet_pdf(other)
        samples.append(timed(lambda: render_factsheet_pdf(picture))[1])
    return statistics.median(samples)


def whole_round(scan_round, workers: int) -> dict:
    from factsheets.factsheet.batch import generate_factsheets

    with tempfile.TemporaryDirectory() as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        result, wall, cpu = timed(lambda: generate_factsheets(scan_round, out_dir=Path(out), workers=workers))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "documents": len(result.files),
        "failures": len(result.failures),
        "wall": wall,
        "cpu_parent": cpu,
        "cpu_workers": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
        # ru_maxrss of RUSAGE_CHILDREN: the peak RSS of the largest child that ended (KiB on Linux).
        "worker_peak_mb": after.ru_maxrss / 1024 if workers > 1 else None,
        "parent_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def memory_growth(pictures: list, documents: int) -> dict:
    from factsheets.factsheet.render import render_factsheet_pdf

    render_factsheet_pdf(pictures[0])
    start = rss_mb()
    for number in range(documents):
        render_factsheet_pdf(pictures[number % len(pictures)])
    return {"documents": documents, "start_mb": start, "end_mb": rss_mb(), "growth_mb": rss_mb() - start}


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=str(Path(tempfile.gettempdir()) / "jump_bench_factsheets.sqlite3"))
    parser.add_argument("--round", type=int, default=2021)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--skip-batch", action="store_true", help="only the single factsheet and the memory growth")
    args = parser.parse_args()
    demo_database(args.database)

    from factsheets.aggregation import institution_pictures
    from surveys.models import Round

    scan_round = Round.objects.get(year=args.round)
    publish_once(scan_round)
    pictures = list(institution_pictures(scan_round))
    print(f"Round {scan_round.year}: {len(pictures)} submitted institutions; {os.cpu_count()} CPUs", flush=True)
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    failed = False

    single = one_factsheet(pictures, args.runs)
    print(f"\n1. One factsheet ({single['institution']}), median of {args.runs}; first (cold) {single['cold']:.2f} s")
    for label in ("with", "without"):
        r = single[label]
        print(f"   {label:7s} charts: {r['wall']:.3f} s wall, {r['cpu']:.3f} s CPU; {r['pages']} pages, {r['kib']} KiB")
    print(f"   the same, not rendered before in this process (after 5 others of the round): {single['unseen']:.3f} s")
    ok = single["with"]["wall"] <= TARGET_SECONDS
    print(f"   target <= {TARGET_SECONDS} s: {verdict(ok)}")
    failed |= not ok
    ok = single["overhead_wall"] <= TARGET_OVERHEAD
    print(
        f"   charts add {single['overhead_wall'] * 100:+.0f} % wall, {single['overhead_cpu'] * 100:+.0f} % CPU "
        f"(target <= {TARGET_OVERHEAD * 100:.0f} %): {verdict(ok)}"
    )
    failed |= not ok

    if not args.skip_batch:
        batch = whole_round(scan_round, args.workers)
        print(f"\n2. The whole round with {args.workers} workers: {batch['documents']} factsheets + zip")
        print(
            f"   {batch['wall']:.1f} s wall; CPU {batch['cpu_workers']:.1f} s in the workers, "
            f"{batch['cpu_parent']:.1f} s in the parent; {batch['failures']} failed"
        )
        ok = batch["wall"] <= TARGET_BATCH_SECONDS and not batch["failures"]
        print(f"   target <= {TARGET_BATCH_SECONDS:.0f} s: {verdict(ok)}")
        failed |= not ok
        if batch["worker_peak_mb"] is not None:
            ok = batch["worker_peak_mb"] < TARGET_WORKER_MB
            print(
                f"\n3. Peak memory of a worker: {batch['worker_peak_mb']:.0f} MB RSS "
                f"(parent {batch['parent_peak_mb']:.0f} MB; target < {TARGET_WORKER_MB:.0f} MB): {verdict(ok)}"
            )
            failed |= not ok

    growth = memory_growth(pictures, args.documents)
    ok = growth["growth_mb"] < TARGET_GROWTH_MB
    print(
        f"\n4. Memory over {growth['documents']} factsheets in one process: {growth['start_mb']:.0f} → "
        f"{growth['end_mb']:.0f} MB RSS, growth {growth['growth_mb']:+.0f} MB (target < {TARGET_GROWTH_MB:.0f} MB): "
        f"{verdict(ok)}"
    )
    failed |= not ok
    print(f"\nload average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
