"""Benchmark: the block page (GET) and the autosave (POST) under gunicorn on PostgreSQL, 20 concurrent users.

Target: p95 under 100 ms on a 2-core machine. Runs against its own database
(created when missing, its data rebuilt on every run), starts gunicorn on the
loopback interface with production settings (DEBUG=false), and lets each user
work on its own institution's response:

    .venv/bin/python bench/fillin.py [--database-url postgres://postgres@127.0.0.1:5432/jump_bench_fillin]
                                     [--users 20] [--seconds 15] [--workers 4] [--think-ms 1000]

Each phase runs for --seconds. Every user sends its next request when the previous
one is answered and a pause has passed: --think-ms on average (default 1 s, a person
filling in; 0 for a stress run), drawn between 0.5 and 1.5 times it so the users do
not click in step. The figures include the time a request waits for a free worker.
Prints median and 95th percentile per phase and exits 1 when a p95 exceeds the target.
"""

import argparse
import concurrent.futures
import http.client
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench._server import collect_static, free_port, manage, server_environment, wait_until_up  # noqa: E402
from bench._setup import ensure_database  # noqa: E402

TARGET_P95_MS = 100.0
BLOCK = "leiderschap"


def prepare(users: int) -> tuple[int, list[str]]:
    """A round open today with the real 2021 questionnaire; per user an institution, a draft, a session."""
    import datetime

    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import transaction
    from django.utils import timezone

    from surveys.models import Institution, QuestionnaireVersion, Response, Round, StatementAnswer, User
    from surveys.questionnaire_loader import load_questionnaire

    questionnaires = ROOT / "fixtures" / "questionnaires"
    today = timezone.localdate()
    with transaction.atomic():
        Response.objects.all().delete()
        Round.objects.all().delete()
        User.objects.filter(username__startswith="bench-").delete()
        Institution.objects.filter(code__startswith="bench-").delete()
        if not QuestionnaireVersion.objects.filter(code="2021").exists():
            load_questionnaire(questionnaires / "2020.yaml")
            load_questionnaire(questionnaires / "2021.yaml")
        questionnaire = QuestionnaireVersion.objects.get(code="2021")
        scan_round = Round.objects.create(
            year=today.year,
            title=f"JuMP-scan {today.year}",
            questionnaire=questionnaire,
            opens_on=today - datetime.timedelta(days=10),
            closes_on=today + datetime.timedelta(days=30),
            status=Round.Status.OPEN,
        )
        statements = list(questionnaire.statements.all())
        cookies = []
        for number in range(users):
            institution = Institution.objects.create(
                code=f"bench-{number:02d}", name=f"Benchziekenhuis {number:02d}", type="algemeen", region="utrecht"
            )
            user = User.objects.create_user(f"bench-{number:02d}", password=None, institution=institution)
            response = Response.objects.create(
                round=scan_round, institution=institution, institution_type="algemeen", region="utrecht"
            )
            StatementAnswer.objects.bulk_create(
                StatementAnswer(response=response, statement=statement, level=1 + index % 4)
                for index, statement in enumerate(statements[: len(statements) // 2])
            )
            session = SessionStore()
            session[SESSION_KEY] = str(user.pk)
            session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            session.create()
            cookies.append(session.session_key)
    return scan_round.year, cookies


@dataclass
class User:
    """One contact person's browser: its cookies and the block page's form as last saved."""

    port: int
    year: int
    session_key: str
    csrf_cookie: str = ""
    form: dict[str, str] = field(default_factory=dict)
    radios: list[str] = field(default_factory=list)
    levels: dict[str, str] = field(default_factory=dict)
    turn: int = 0

    @property
    def path(self) -> str:
        return f"/scan/{self.year}/blok/{BLOCK}/"

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, bytes, list[tuple[str, str]]]:
        cookie = f"sessionid={self.session_key}" + (f"; csrftoken={self.csrf_cookie}" if self.csrf_cookie else "")
        headers = {"Cookie": cookie, "Host": f"127.0.0.1:{self.port}"}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            return answer.status, answer.read(), answer.getheaders()
        finally:
            connection.close()

    def open_page(self) -> None:
        status, content, headers = self.request("GET", self.path)
        assert status == 200, f"block page answered {status}: {headers}"
        html = content.decode()
        for name, value in headers:
            if name.lower() == "set-cookie" and value.startswith("csrftoken="):
                self.csrf_cookie = value.split(";", 1)[0].split("=", 1)[1]
        self.form = {
            "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1),
            "version": re.search(r'name="version" value="(\d+)"', html).group(1),
            "originals": _unescape(re.search(r'name="originals" value="([^"]*)"', html).group(1)),
            "response": re.search(r'name="response" value="(\d+)"', html).group(1),
            "remarks": "",
            "good_example": "",
        }
        self.radios = sorted(set(re.findall(r'type="radio" name="(statement-\d+)"', html)))
        self.levels = dict(re.findall(r'name="(statement-\d+)" id="[^"]+"\s+value="(\d)" checked', html))

    def get_page(self) -> None:
        status, _content, _headers = self.request("GET", self.path)
        assert status == 200, f"block page answered {status}"

    def autosave(self) -> None:
        """As the page does shortly after one change: the whole form, with one level changed."""
        self.turn += 1
        changed = self.radios[self.turn % len(self.radios)]
        self.levels[changed] = str(1 + self.turn % 4)
        data = {**self.form, **self.levels}
        status, content, _headers = self.request("POST", self.path + "autosave", urllib.parse.urlencode(data))
        assert status == 200, f"autosave answered {status}: {content[:200]!r}"
        saved = json.loads(content)
        self.form["version"] = str(saved["version"])
        self.form["originals"] = json.dumps(saved["originals"])


def _unescape(value: str) -> str:
    return value.replace("&quot;", '"').replace("&#x27;", "'").replace("&amp;", "&")


def run_phase(users: list[User], action: str, seconds: float, think_ms: float) -> list[float]:
    timings: list[float] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def work(user: User) -> None:
        mine = []
        pause = random.Random(user.session_key)  # people do not click in step: spread the pauses
        if think_ms:
            time.sleep(pause.uniform(0, think_ms) / 1000)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            getattr(user, action)()
            mine.append((time.perf_counter() - started) * 1000)
            if think_ms:
                time.sleep(pause.uniform(0.5, 1.5) * think_ms / 1000)
        with lock:
            timings.extend(mine)

    with concurrent.futures.ThreadPoolExecutor(max_workers=len(users)) as pool:
        for future in [pool.submit(work, user) for user in users]:
            future.result()
    return timings


def report(name: str, timings: list[float], seconds: float) -> float:
    p95 = statistics.quantiles(timings, n=100)[94]
    print(
        f"{name:<22} {len(timings):>6} requests  {len(timings) / seconds:>7.1f}/s  "
        f"median {statistics.median(timings):>6.1f} ms  p95 {p95:>6.1f} ms  max {max(timings):>7.1f} ms"
    )
    return p95


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/jump_bench_fillin")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker")
    parser.add_argument("--think-ms", type=float, default=1000.0, help="mean pause per user; 0 for a stress run")
    parser.add_argument("--port", type=int, default=0, help="0: a free port")
    args = parser.parse_args()

    port = args.port or free_port()
    # Production settings but plain HTTP: no proxy in front to say the request came in over TLS.
    env = server_environment(args.database_url, SECURE_SSL_REDIRECT="false", LOG_LEVEL="WARNING")
    ensure_database(args.database_url)
    print("Migrating, preparing data, collecting static files…", flush=True)
    manage(env, "migrate", "--noinput")
    collect_static(env)
    os.environ.update(env)
    year, sessions = prepare(args.users)

    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "jump_scan.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(args.workers),
        "--threads",
        str(args.threads),
        "--log-level",
        "warning",
    ]
    server_log = Path(tempfile.mkdtemp(prefix="jump-bench-fillin-")) / "gunicorn.log"
    with open(server_log, "w") as log:
        server = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    print(f"server log: {server_log}")
    try:
        wait_until_up(port, server)
        users = [User(port, year, key) for key in sessions]
        for user in users:
            user.open_page()
        run_phase(users, "get_page", 2, 0)  # warm up the workers
        print(
            f"gunicorn: {args.workers} workers × {args.threads} threads; {args.users} concurrent users, "
            f"{args.seconds:.0f} s per phase, think time {args.think_ms:.0f} ms; {os.cpu_count()} CPU cores, "
            f"load average before: {os.getloadavg()[0]:.1f} (other work on the machine skews the figures)"
        )
        p95_page = report("block page (GET)", run_phase(users, "get_page", args.seconds, args.think_ms), args.seconds)
        p95_save = report("autosave (POST)", run_phase(users, "autosave", args.seconds, args.think_ms), args.seconds)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    worst = max(p95_page, p95_save)
    print(f"target p95 < {TARGET_P95_MS:.0f} ms: {'met' if worst < TARGET_P95_MS else 'NOT met'}")
    return 0 if worst < TARGET_P95_MS else 1


if __name__ == "__main__":
    sys.exit(main())
