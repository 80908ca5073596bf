"""Benchmark: the national picture of one round, and all trends, for 10,000 institutions × 40 statements × 10 rounds.

Runs against its own PostgreSQL database, created when missing and filled once with
synthetic data bulk-loaded with COPY (reused on later runs):

    .venv/bin/python bench/aggregation.py [--database-url postgres://postgres@127.0.0.1:5432/jump_bench_aggregation]
                                          [--institutions 10000] [--rounds 10] [--repeat 5] [--refill]

Each measurement runs in a fresh Python process, so its memory is its own: time is
the median of --repeat runs (load + compute, nothing cached), peak extra memory is
measured with tracemalloc on a separate run (numpy and pandas report their buffers
to it). Beside the wall-clock time it reports the CPU time of this process and of its
PostgreSQL backend, which is what the work costs when nothing else runs on the machine.
Targets: the national picture of one round under 2 s and 100 MB extra. Exits 1 when a
target is missed.
"""

import argparse
import datetime
import io
import json
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._setup import django_setup, ensure_database  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/jump_bench_aggregation"
TARGET_SECONDS, TARGET_MB = 2.0, 100.0
STATEMENTS_PER_BLOCK = 5  # × 8 blocks = 40 statements
FIRST_YEAR = 2012


def filled(institutions: int, rounds: int) -> bool:
    from surveys.models import Institution, Round

    return Round.objects.count() == rounds and Institution.objects.count() == institutions


def fill(institutions: int, rounds: int) -> None:
    """Plausible synthetic scans: each institution has a latent maturity that grows a little each year;
    every questionnaire version rewords, rescales and replaces a few statements of the one before."""
    import numpy as np
    import pandas as pd
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from surveys import models as m

    call_command("migrate", verbosity=0)
    rng = np.random.default_rng(2021)
    now = timezone.now()
    codes = [("leiderschap", "LEI"), ("programma_organisatie", "PRO"), ("professionals", "PRF"), ("financien", "FIN")]
    codes += [("ict", "ICT"), ("patient_populatie", "PAT"), ("regiovisie", "REG"), ("stakeholders", "STA")]
    types = np.array(["algemeen"] * 10 + ["stz"] * 4 + ["umc"] + ["categoraal"] * 2 + ["overig"] * 3)
    regions = np.array(m.Region.values)

    tables: dict = {}
    versions, blocks, statements, focus, parties, round_rows = [], [], [], [], [], []
    statement_id = 0
    previous_ids: dict[str, int] = {}
    for v in range(rounds):
        year = FIRST_YEAR + v
        versions.append({"id": v + 1, "code": str(year), "title": f"JuMP-scan {year}", "previous_id": v or None})
        current_ids = {}
        for position, (code, prefix) in enumerate(codes, start=1):
            block_id = v * 8 + position
            blocks.append({"id": block_id, "questionnaire_id": v + 1, "code": code, "name": code, "position": position})
            for number in range(1, STATEMENTS_PER_BLOCK + 1):
                statement_id += 1
                key = f"{prefix}-{number:02d}"
                lineage = "new" if v == 0 else str(rng.choice(["same"] * 16 + ["reworded"] * 2 + ["rescaled", "new"]))
                statements.append(
                    {
                        "id": statement_id,
                        "questionnaire_id": v + 1,
                        "block_id": block_id,
                        "code": key,
                        "position": number,
                        "text": f"Stelling {key}",
                        "lineage": lineage,
                        "previous_id": None if lineage == "new" else previous_ids[key],
                        **{f"level_{level}": f"Niveau {level}" for level in (1, 2, 3, 4)},
                    }
                )
                current_ids[key] = statement_id
        previous_ids = current_ids
        focus += [
            {"id": v * 10 + p, "questionnaire_id": v + 1, "code": f"focus{p}", "label": f"Speerpunt {p}", "position": p}
            for p in range(1, 11)
        ]
        parties += [
            {"id": v * 8 + p, "questionnaire_id": v + 1, "code": f"party{p}", "label": f"Partij {p}", "position": p}
            for p in range(1, 9)
        ]
        round_rows.append(
            {
                "id": v + 1,
                "year": year,
                "title": f"JuMP-scan {year}",
                "questionnaire_id": v + 1,
                "opens_on": datetime.date(year, 3, 23),
                "closes_on": datetime.date(year, 5, 22),
                "status": "published" if v < rounds - 1 else "closed",
            }
        )
    tables[m.QuestionnaireVersion] = pd.DataFrame(versions)
    tables[m.BuildingBlock] = pd.DataFrame(blocks)
    tables[m.Statement] = pd.DataFrame(statements)
    tables[m.FocusArea] = pd.DataFrame(focus)
    tables[m.Stakeholder] = pd.DataFrame(parties)
    tables[m.Round] = pd.DataFrame(round_rows)
    institution_types = rng.choice(types, institutions)
    institution_regions = rng.choice(regions, institutions)
    tables[m.Institution] = pd.DataFrame(
        {
            "id": np.arange(1, institutions + 1),
            "code": [f"bench-{n:05d}" for n in range(institutions)],
            "name": [f"Instelling {n:05d}" for n in range(institutions)],
            "type": institution_types,
            "region": institution_regions,
        }
    )

    maturity = rng.normal(2.3, 0.5, institutions)
    block_effect = np.repeat(rng.normal(0, 0.3, 8), STATEMENTS_PER_BLOCK)
    statement_frame = tables[m.Statement]
    responses, answers, ranks, choices, collaboration, texts = [], [], [], [], [], []
    response_id = 0
    for v in range(rounds):
        ids = np.arange(response_id + 1, response_id + institutions + 1)
        response_id += institutions
        submitted = rng.random(institutions) < 0.97
        responses.append(
            pd.DataFrame(
                {
                    "id": ids,
                    "round_id": v + 1,
                    "institution_id": np.arange(1, institutions + 1),
                    "status": np.where(submitted, "submitted", "draft"),
                    "submitted_at": [now if s else None for s in submitted],
                    "institution_type": institution_types,
                    "region": institution_regions,
                    "pride_example": np.where(rng.random(institutions) < 0.2, "Wij zijn trots op onze regio.", ""),
                    "consent_to_quote": rng.random(institutions) < 0.6,
                }
            )
        )
        version_statements = statement_frame.loc[statement_frame["questionnaire_id"] == v + 1, "id"].to_numpy()
        latent = (maturity + 0.08 * v)[:, None] + block_effect[None, :] + rng.normal(0, 0.7, (institutions, 40))
        levels = np.clip(np.rint(latent), 1, 4).astype("int8")
        answered = rng.random((institutions, 40)) < 0.98
        rows, columns = np.nonzero(answered)
        answers.append(
            pd.DataFrame(
                {"response_id": ids[rows], "statement_id": version_statements[columns], "level": levels[rows, columns]}
            )
        )
        order = np.argsort(rng.random((institutions, 8)), axis=1) + 1
        ranks.append(
            pd.DataFrame(
                {
                    "response_id": np.repeat(ids, 8),
                    "block_id": np.tile(np.arange(v * 8 + 1, v * 8 + 9), institutions),
                    "rank": order.ravel(),
                }
            )
        )
        chosen = rng.random((institutions, 10)) < 0.3
        rows, columns = np.nonzero(chosen)
        choices.append(pd.DataFrame({"response_id": ids[rows], "focus_area_id": v * 10 + 1 + columns}))
        collaboration.append(
            pd.DataFrame(
                {
                    "response_id": np.repeat(ids, 8),
                    "stakeholder_id": np.tile(np.arange(v * 8 + 1, v * 8 + 9), institutions),
                    "intensity": rng.integers(1, 5, institutions * 8),
                }
            )
        )
        typed = rng.random((institutions, 8)) < 0.1
        rows, columns = np.nonzero(typed)
        texts.append(
            pd.DataFrame(
                {
                    "response_id": ids[rows],
                    "block_id": v * 8 + 1 + columns,
                    "good_example": "Een goed voorbeeld.",
                    "remarks": "",
                }
            )
        )
    tables[m.Response] = pd.concat(responses, ignore_index=True)
    for model, parts in [
        (m.StatementAnswer, answers),
        (m.PriorityRank, ranks),
        (m.FocusAreaChoice, choices),
        (m.CollaborationAnswer, collaboration),
        (m.BlockAnswer, texts),
    ]:
        frame = pd.concat(parts, ignore_index=True)
        tables[model] = frame.assign(id=np.arange(1, len(frame) + 1))

    with transaction.atomic(), connection.cursor() as cursor:
        for model in reversed(list(tables)):
            cursor.execute(f'TRUNCATE "{model._meta.db_table}" RESTART IDENTITY CASCADE')
        # The answer triggers check each row's questionnaire version; the generator built them right,
        # and checking 4 million rows one by one would take minutes.
        cursor.execute("SET LOCAL session_replication_role = replica")
        for model, frame in tables.items():
            _copy(cursor, model, frame, now)
        for model in tables:
            table = model._meta.db_table
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM \"{table}\"))")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def _copy(cursor, model, frame, now) -> None:
    """COPY a DataFrame into the model's table; columns it leaves out get the field's default."""
    frame = frame.copy()
    for field in model._meta.concrete_fields:
        if field.attname in frame.columns:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            frame[field.attname] = now
        elif field.null:
            frame[field.attname] = None
        else:
            frame[field.attname] = field.get_default()
    columns = [field.attname for field in model._meta.concrete_fields]
    for column in columns:
        if frame[column].dtype.kind == "f":  # an integer column with gaps (a nullable foreign key)
            frame[column] = frame[column].astype("Int64")
    buffer = io.StringIO()
    frame[columns].to_csv(buffer, index=False, header=False, na_rep="\\N")
    buffer.seek(0)
    names = ", ".join(f'"{model._meta.get_field(c).column}"' for c in columns)
    raw = cursor.cursor
    raw.copy_expert(f"COPY \"{model._meta.db_table}\" ({names}) FROM STDIN WITH (FORMAT csv, NULL '\\N')", buffer)


def measure(kind: str, repeat: int) -> dict:
    """Run one measurement in this (fresh) process and return its figures."""
    from factsheets.aggregation import compute_figures, national_picture, national_trends
    from surveys.models import Round

    latest = Round.objects.order_by("-year").first()
    rounds = list(Round.objects.all())
    work = {
        "national": lambda: national_picture(latest),
        "trends": lambda: national_trends(rounds),
        "publish": lambda: compute_figures(latest),
    }[kind]
    work()  # warm up imports and the database's caches
    times, cpu, database_cpu = [], [], []
    for _ in range(repeat):
        started, started_cpu, started_database = time.perf_counter(), time.process_time(), _database_cpu()
        work()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        database_cpu.append(_database_cpu() - started_database)
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "median_s": statistics.median(times),
        "best_s": min(times),
        "python_cpu_s": statistics.median(cpu),
        "database_cpu_s": statistics.median(database_cpu),
        "peak_mb": peak / 2**20,
    }


def _database_cpu() -> float:
    """CPU seconds used so far by this connection's PostgreSQL backend (it runs on this machine)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--institutions", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--refill", action="store_true")
    parser.add_argument("--measure", choices=["national", "trends", "publish"], help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.measure:
        django_setup(args.database_url)
        print(json.dumps(measure(args.measure, args.repeat)))
        return 0

    ensure_database(args.database_url)
    django_setup(args.database_url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if args.refill or not filled(args.institutions, args.rounds):
        started = time.perf_counter()
        print(f"Filling {args.database_url}: {args.institutions} institutions × 40 statements × {args.rounds} rounds …")
        fill(args.institutions, args.rounds)
        print(f"  filled in {time.perf_counter() - started:.1f} s")

    results = {}
    for kind in ("national", "trends", "publish"):
        output = subprocess.run(
            [
                sys.executable,
                __file__,
                "--database-url",
                args.database_url,
                "--measure",
                kind,
                "--repeat",
                str(args.repeat),
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        results[kind] = json.loads(output.strip().splitlines()[-1])

    labels = {
        "national": "national picture of one round (with its trend, all groups)",
        "trends": f"all {args.rounds - 1} national trends, round by round",
        "publish": "snapshot figures: national + every institution's own",
    }
    print(f"{'measurement':<58} {'median':>8} {'best':>8} {'cpu: python':>12} {'+ database':>11} {'peak extra':>11}")
    for kind, figures in results.items():
        print(
            f"{labels[kind]:<58} {figures['median_s']:>7.2f}s {figures['best_s']:>7.2f}s "
            f"{figures['python_cpu_s']:>11.2f}s {figures['database_cpu_s']:>10.2f}s {figures['peak_mb']:>8.1f} MB"
        )
    # Wall-clock times depend on what else the machine does; the load average says how busy it was.
    print("load average during the run: " + ", ".join(f"{value:.1f}" for value in os.getloadavg()))
    national = results["national"]
    ok = national["median_s"] < TARGET_SECONDS and national["peak_mb"] < TARGET_MB
    print(f"target for one round: < {TARGET_SECONDS:.0f} s and < {TARGET_MB:.0f} MB extra: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
