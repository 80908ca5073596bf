"""The simulated people of the deadline rush: each a browser doing what the fill-in pages and fillin.js do.

A person signs in through the sign-in form, opens the scan, fills in the block pages
given to them (a level per statement, each change autosaved as the page's script does,
then the remarks typed in two goes and, when the block averages 3 or more, a good
example), saves each page with "Opslaan en verder", and, once the colleagues are done,
submits. Every request is timed; every loop is bounded by count and by a deadline.
"""

import html
import http.client
import json
import random
import re
import statistics
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

SOCKET_TIMEOUT_S = 30
GOOD_EXAMPLE_MIN_MEAN = 3  # as surveys.services.sections.GOOD_EXAMPLE_MIN_MEAN and the page's script

_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_HIDDEN = {name: re.compile(rf'name="{name}" value="([^"]*)"') for name in ("version", "originals", "response")}
_RADIO = re.compile(r'type="radio" name="(statement-\d+)"')
_SUBMIT_VERSION = re.compile(r'class="submit-form"[^>]*>.*?name="version" value="(\d+)"', re.S)


class OutOfTime(Exception):
    """The run's deadline passed: the person stops where they are."""


@dataclass
class Sample:
    endpoint: str
    started: float
    ms: float
    status: int
    ok: bool
    note: str = ""


class Recorder:
    def __init__(self) -> None:
        self.samples: list[Sample] = []
        self._lock = threading.Lock()

    def add(self, sample: Sample) -> None:
        with self._lock:
            self.samples.append(sample)


@dataclass
class Team:
    """The people of one institution: they wait for each other before submitting."""

    code: str
    size: int
    expected: dict[str, str] = field(default_factory=dict)
    thanked: int = 0
    already: int = 0
    _done: int = 0
    _condition: threading.Condition = field(default_factory=threading.Condition)

    def finished_my_pages(self) -> None:
        with self._condition:
            self._done += 1
            self._condition.notify_all()

    def count(self, outcome: str) -> None:
        with self._condition:
            setattr(self, outcome, getattr(self, outcome) + 1)

    def wait_for_colleagues(self, deadline: float) -> bool:
        with self._condition:
            return self._condition.wait_for(
                lambda: self._done >= self.size, timeout=max(0.0, deadline - time.monotonic())
            )


class Browser:
    """Cookies and the headers a browser behind the TLS-terminating proxy sends."""

    def __init__(self, port: int, recorder: Recorder) -> None:
        self.port = port
        self.recorder = recorder
        self.cookies: dict[str, str] = {}
        self.last: Sample | None = None  # the sample of the latest request, for the caller to judge further

    def request(
        self, endpoint: str, method: str, path: str, form: list[tuple[str, str]] | None = None, *, expect: int
    ) -> tuple[int, dict[str, str], str] | None:
        headers = {
            "Host": f"127.0.0.1:{self.port}",
            "X-Forwarded-Proto": "https",
            "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
            "Accept-Language": "nl-NL,nl;q=0.9",
            "User-Agent": "jump-load-test",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://127.0.0.1:{self.port}"
        if endpoint == "autosave (POST)":
            headers.update({"Accept": "application/json", "X-Requested-With": "fetch"})
        started = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=SOCKET_TIMEOUT_S)
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            content = answer.read().decode("utf-8", "replace")
            answer_headers = {
                name.lower(): value for name, value in answer.getheaders() if name.lower() != "set-cookie"
            }
            for name, value in answer.getheaders():
                if name.lower() == "set-cookie":
                    self._keep_cookie(value)
        except (OSError, http.client.HTTPException) as error:
            self.last = Sample(endpoint, started, (time.monotonic() - started) * 1000, 0, False, repr(error))
            self.recorder.add(self.last)
            return None
        finally:
            connection.close()
        ms = (time.monotonic() - started) * 1000
        ok = answer.status == expect
        self.last = Sample(endpoint, started, ms, answer.status, ok, "" if ok else f"{path}: {content[:160]}")
        self.recorder.add(self.last)
        return answer.status, answer_headers, content

    def _keep_cookie(self, header: str) -> None:
        pair, _sep, attributes = header.partition(";")
        name, _eq, value = pair.strip().partition("=")
        if "max-age=0" in attributes.lower() or not value or value == '""':
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value


class Person:
    def __init__(
        self,
        *,
        username: str,
        password: str,
        team: Team,
        blocks: list[str],
        submits: bool,
        year: int,
        port: int,
        recorder: Recorder,
        seed: int,
    ) -> None:
        self.username = username
        self.password = password
        self.team = team
        self.blocks = blocks
        self.submits = submits
        self.year = year
        self.browser = Browser(port, recorder)
        self.recorder = recorder
        self.rng = random.Random(seed)
        self.deadline = 0.0
        self.think_s = 1.0

    # --- signing in -------------------------------------------------------------------------------

    def sign_in(self) -> bool:
        page = self.browser.request("sign-in page (GET)", "GET", "/accounts/login/", expect=200)
        if page is None or page[0] != 200:
            return False
        token = _CSRF.search(page[2]).group(1)
        form = [("csrfmiddlewaretoken", token), ("username", self.username), ("password", self.password)]
        answer = self.browser.request("sign-in (POST)", "POST", "/accounts/login/", form, expect=302)
        return answer is not None and answer[0] == 302 and "sessionid" in self.browser.cookies

    # --- the rush -----------------------------------------------------------------------------------

    def rush(self, *, start_at: float, finish_pages_by: float, deadline: float) -> None:
        self.deadline = deadline
        # Pace: spread the person's ~8 actions per block evenly up to the moment their pages should be done.
        actions = 2 + 9 * len(self.blocks)
        self.think_s = max(0.3, (finish_pages_by - start_at) / actions)
        try:
            self._sleep_until(start_at)
            self.browser.request("overview (GET)", "GET", self._url(""), expect=200)
            for block in self.blocks:
                self._fill_block(block)
        except OutOfTime:
            self.recorder.add(Sample("(ran out of time)", time.monotonic(), 0, 0, False, self.username))
        finally:
            self.team.finished_my_pages()
        if not self.team.wait_for_colleagues(deadline):
            self.recorder.add(Sample("(ran out of time)", time.monotonic(), 0, 0, False, f"{self.username}: waiting"))
            return
        if self.submits:
            self._submit()
        else:
            self.browser.request("overview (GET)", "GET", self._url(""), expect=200)

    def _fill_block(self, block: str) -> None:
        path = self._url(f"blok/{block}/")
        page = self.browser.request("block page (GET)", "GET", path, expect=200)
        if page is None or page[0] != 200:
            return
        content = page[2]
        form = {name: html.unescape(pattern.search(content).group(1)) for name, pattern in _HIDDEN.items()}
        form["csrfmiddlewaretoken"] = _CSRF.search(content).group(1)
        statements = list(dict.fromkeys(_RADIO.findall(content)))
        levels: dict[str, int] = {}
        texts = {"remarks": ""}
        # Some blocks are strong, some weak: the good example then appears on some pages only.
        strength = self.rng.choice((1, 2, 3, 4))
        for statement in statements:
            self._think()
            levels[statement] = min(4, max(1, strength + self.rng.choice((-1, 0, 0, 1))))
            self._autosave(path, form, levels, texts)
        if statements and self.rng.random() < 0.3:  # a second thought about one statement
            self._think()
            changed = self.rng.choice(statements)
            levels[changed] = 1 + levels[changed] % 4
            self._autosave(path, form, levels, texts)
        remark = f"Toelichting van {self.username} bij {block}: regionale afspraken, stap {self.rng.randint(1, 9)}."
        for typed in (remark[: len(remark) // 2], remark):  # typing pauses: two autosaves
            self._think()
            texts["remarks"] = typed
            self._autosave(path, form, levels, texts)
        if _applies(levels):
            self._think()
            texts["good_example"] = f"Goed voorbeeld bij {block}: het transferpunt plant samen met de VVT. ✓"
            self._autosave(path, form, levels, texts)
        self._think()
        posted = self.browser.request(
            "block save (POST)", "POST", path, [*_fields(form, levels, texts), ("action", "next")], expect=302
        )
        if posted is not None and posted[0] == 302 and posted[1].get("location", "").endswith(path):
            # Sent back to the same page: a colleague's answer conflicted (it should not: each has own pages).
            self._refuse(f"{path}: sent back to the page (conflict)")
        expected = self.team.expected
        for statement, level in levels.items():
            expected[statement] = str(level)
        expected[f"remarks:{block}"] = texts["remarks"]
        expected[f"good_example:{block}"] = texts.get("good_example", "") if _applies(levels) else ""

    def _autosave(self, path: str, form: dict[str, str], levels: dict[str, int], texts: dict[str, str]) -> None:
        answer = self.browser.request(
            "autosave (POST)", "POST", path + "autosave", _fields(form, levels, texts), expect=200
        )
        if answer is None or answer[0] != 200:
            return
        saved = json.loads(answer[2])
        if saved.get("status") != "saved" or saved.get("stale"):
            self._refuse(f"{path}autosave: {answer[2][:160]}")
            return
        form["version"] = str(saved["version"])
        form["originals"] = json.dumps(saved["originals"])

    def _submit(self) -> None:
        summary = self.browser.request("summary (GET)", "GET", self._url("overzicht/"), expect=200)
        if summary is None or summary[0] != 200:
            return
        version = _SUBMIT_VERSION.search(summary[2])
        if version is None:
            if "Alle antwoorden</h1>" in summary[2]:
                self.team.count("already")  # a colleague was quicker: the page no longer offers to submit
            else:
                self._refuse("no submit button: the response is incomplete")
            return
        self._think(0.3)
        token = _CSRF.search(summary[2]).group(1)
        form = [("csrfmiddlewaretoken", token), ("version", version.group(1))]
        answer = self.browser.request("submit (POST)", "POST", self._url("overzicht/"), form, expect=302)
        if answer is None or answer[0] != 302:
            return
        if answer[1].get("location", "").endswith("/overzicht/"):
            self._refuse("submit refused (sent back to the summary)")
            return
        after = self.browser.request("overview (GET)", "GET", self._url(""), expect=200)
        if after is not None and "Dank u wel" in after[2]:
            self.team.count("thanked")
        elif after is not None and "al ingediend" in after[2]:
            self.team.count("already")

    # --- helpers ---------------------------------------------------------------------------------

    def _refuse(self, note: str) -> None:
        """The latest request was answered as expected by status, but its content shows it failed."""
        self.browser.last.ok = False
        self.browser.last.note = note

    def _url(self, rest: str) -> str:
        return f"/scan/{self.year}/{rest}"

    def _think(self, factor: float = 1.0) -> None:
        self._sleep_until(time.monotonic() + self.rng.uniform(0.5, 1.5) * self.think_s * factor)

    def _sleep_until(self, moment: float) -> None:
        if moment > self.deadline:
            raise OutOfTime
        time.sleep(max(0.0, moment - time.monotonic()))


def _applies(levels: dict[str, int]) -> bool:
    return bool(levels) and statistics.fmean(levels.values()) >= GOOD_EXAMPLE_MIN_MEAN


def _fields(form: dict[str, str], levels: dict[str, int], texts: dict[str, str]) -> list[tuple[str, str]]:
    """The form as the page's script sends it (FormData): the good example only while it is shown."""
    fields = [(name, form[name]) for name in ("csrfmiddlewaretoken", "version", "originals", "response")]
    fields += [(statement, str(level)) for statement, level in levels.items()]
    if _applies(levels):
        fields.append(("good_example", texts.get("good_example", "")))
    fields.append(("remarks", texts["remarks"]))
    return fields
