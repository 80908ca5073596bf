"""Benchmark: a factsheet-sized PDF with and without its charts (targets: median <= 0.6 s, charts <= +30 %).

The demo document is what a full factsheet holds: a cover, the 8 blocks each with its
block chart (score beside the national mean, peer group, previous round and the
national quartiles), all 38 statements of the 2021 questionnaire with their four level
sentences and a national distribution bar with the institution's own level marked, and
a 40-row table. The same document without the chart images is the baseline.

    .venv/bin/python bench/charts.py [--runs 5] [--language nl] [--out /tmp/bench-factsheet.pdf]

Each run times the whole path: building the charts (SVG), rendering the template and
WeasyPrint. Prints medians of wall-clock and CPU time (the CPU time is what to compare
on a busy machine), the chart overhead, and exits 1 when a target is missed (wall time).
"""

import argparse
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_SECONDS = 0.6
TARGET_OVERHEAD = 0.30

TEMPLATE = ROOT / "bench" / "factsheet_demo.html"


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jump_scan.settings")
    import django

    django.setup()


def demo_data(seed: int = 2021) -> dict:
    import yaml

    questionnaire = yaml.safe_load((ROOT / "fixtures/questionnaires/2021.yaml").read_text("utf-8"))
    rng = random.Random(seed)
    blocks = []
    for block in questionnaire["blocks"]:
        statements = []
        for statement in block["statements"]:
            counts = [rng.randint(2, 25) for _ in range(4)]
            statements.append(
                {
                    "code": statement["code"],
                    "text": statement["text"],
                    "levels": statement["levels"],
                    "counts": counts,
                    "own": rng.randint(1, 4),
                }
            )
        blocks.append({"name": block["name"], "statements": statements})
    return {"blocks": blocks}


def build_context(data: dict, *, with_charts: bool, language: str) -> dict:
    from factsheets.charts import BarChart, DistributionChart, DistributionRow, NumberFormat, Series, Spread, chart_img

    fmt_rng = random.Random(7)
    blocks, table = [], []
    for block in data["blocks"]:
        statements = []
        for s in block["statements"]:
            chart = None
            if with_charts:
                chart = chart_img(
                    DistributionChart(
                        title=f"{s['code']}: landelijke verdeling over de vier niveaus",
                        rows=(DistributionRow.from_counts("", tuple(s["counts"]), marker=s["own"]),),
                        level_labels=("Niveau 1", "Niveau 2", "Niveau 3", "Niveau 4"),
                        marker_label="uw niveau",  # in the alt text; the level list marks it in print
                        show_legend=False,
                        label_marker=False,
                    ),
                    language=language,
                )
            statements.append({**s, "chart": chart})
            counts = s["counts"]
            mean = sum((i + 1) * c for i, c in enumerate(counts)) / sum(counts)
            median = next(i + 1 for i in range(4) if sum(counts[: i + 1]) * 2 >= sum(counts))
            table.append(
                {
                    "code": s["code"],
                    "block": block["name"],
                    "own": s["own"],
                    "mean": NumberFormat(language).decimal(mean),
                    "median": median,
                }
            )
        chart = None
        if with_charts:
            own, national = 1 + fmt_rng.random() * 3, 1.5 + fmt_rng.random() * 2
            chart = chart_img(
                BarChart(
                    title=f"{block['name']}: score naast het landelijk beeld",
                    categories=(block["name"],),
                    series=(
                        Series("Uw instelling", (own,), "own"),
                        Series("Landelijk gemiddelde", (national,), "national"),
                        Series("Algemene ziekenhuizen", (national + 0.1,), "peer"),
                        Series("Uw instelling 2020", (max(1.0, own - 0.3),), "previous"),
                    ),
                    spread=(Spread(national - 0.4, national, national + 0.35),),
                    band_label="Middelste helft van de instellingen",
                    median_label="Mediaan",
                    show_legend=False,  # the figure caption explains band and tick once per block
                ),
                language=language,
            )
        blocks.append({"name": block["name"], "statements": statements, "chart": chart})
    return {
        "language": language,
        "document_title": "Factsheet JuMP-scan 2021 · Ziekenhuis Aalst",
        "running_title": "Ziekenhuis Aalst · factsheet 2021",
        "footer_note": "JuMP-scan 2021",
        "institution": "Ziekenhuis Aalst",
        "blocks": blocks,
        "table": table[:40] + table[: max(0, 40 - len(table))],
    }


def render(data: dict, *, with_charts: bool, language: str) -> tuple[bytes, dict]:
    from django.template import engines

    from factsheets.pdf import html_to_pdf

    times = {}
    cpu = time.process_time()
    start = time.perf_counter()
    context = build_context(data, with_charts=with_charts, language=language)
    times["charts"] = time.perf_counter() - start
    html = engines["django"].from_string(TEMPLATE.read_text("utf-8")).render(context)
    times["template"] = time.perf_counter() - start - times["charts"]
    pdf = html_to_pdf(html, language=language)
    times["total"] = time.perf_counter() - start
    times["cpu"] = time.process_time() - cpu
    return pdf, times


def summarise(runs: list[tuple[bytes, dict]]) -> dict:
    from pypdf import PdfReader

    return {
        "median": statistics.median(times["total"] for _, times in runs),
        "cpu": statistics.median(times["cpu"] for _, times in runs),
        "cpu_min": min(times["cpu"] for _, times in runs),
        "charts": statistics.median(times["charts"] for _, times in runs),
        "template": statistics.median(times["template"] for _, times in runs),
        "pages": len(PdfReader(io.BytesIO(runs[0][0])).pages),
        "bytes": len(runs[0][0]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--language", default="nl")
    parser.add_argument("--out", default="/tmp/bench-factsheet.pdf", help="where to write the sample PDF (with charts)")
    args = parser.parse_args()
    setup_django()

    data = demo_data()
    start = time.perf_counter()
    render(data, with_charts=True, language=args.language)  # warms fonts, stylesheet cache, imports
    cold = time.perf_counter() - start
    render(data, with_charts=False, language=args.language)
    # Alternate the two documents, so a change in the machine's load hits both alike.
    runs: dict[bool, list] = {False: [], True: []}
    for _ in range(args.runs):
        for with_charts in (False, True):
            runs[with_charts].append(render(data, with_charts=with_charts, language=args.language))
    Path(args.out).write_bytes(runs[True][0][0])
    plain, full = summarise(runs[False]), summarise(runs[True])
    overhead = full["median"] / plain["median"] - 1
    cpu_overhead = full["cpu"] / plain["cpu"] - 1
    print(f"first render (cold, fonts and stylesheet parsed): {cold:.3f} s")
    for label, result in (("without charts", plain), ("with charts   ", full)):
        print(
            f"{label}: median {result['median']:.3f} s wall, {result['cpu']:.3f} s CPU "
            f"(min {result['cpu_min']:.3f}) over {args.runs} runs; chart building {result['charts'] * 1000:.0f} ms, "
            f"template {result['template'] * 1000:.0f} ms; {result['pages']} pages, {result['bytes'] // 1024} KiB"
        )
    print(
        f"chart overhead: {overhead * 100:+.0f} % wall, {cpu_overhead * 100:+.0f} % CPU "
        f"(target <= {TARGET_OVERHEAD * 100:.0f} %)"
    )
    print(f"full factsheet: {full['median']:.3f} s wall (target <= {TARGET_SECONDS} s); sample: {args.out}")
    return 0 if full["median"] <= TARGET_SECONDS and overhead <= TARGET_OVERHEAD else 1


if __name__ == "__main__":
    sys.exit(main())
