"""CPU seconds spent by gunicorn and by the load test's PostgreSQL backends (Linux /proc), to tell cost from queueing.

On a shared machine the latencies say as much about the neighbours as about the app; the CPU time
per request does not: it is what the app costs, and 2 cores divided by it is what they can carry.
"""

import os
import threading
from pathlib import Path

_TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()  # after "pid (name)": state, ppid, ..., utime at index 11


def _own(fields: list[str]) -> float:
    return (int(fields[11]) + int(fields[12])) / _TICKS


def gunicorn_seconds(master: int) -> float:
    """The master, its live workers, and (through the master's cutime/cstime) the workers already replaced."""
    fields = _stat(master)
    if fields is None:
        return 0.0
    total = _own(fields) + (int(fields[13]) + int(fields[14])) / _TICKS
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (child := _stat(int(entry.name))) and child[1] == str(master):
            total += _own(child)
    return total


def _backends(database: str) -> dict[int, float]:
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if command.startswith("postgres: ") and f" {database} " in command and (fields := _stat(int(entry.name))):
            found[int(entry.name)] = _own(fields)
    return found


class DatabaseCpu:
    """CPU seconds of the PostgreSQL backends serving `database`, sampled twice a second in a thread.

    Django closes a connection after CONN_MAX_AGE (60 s), so backends come and go during a run: each
    is followed while it lives; the last half second of each one's life is missed (a lower bound).
    """

    def __init__(self, database: str, *, interval_s: float = 0.5) -> None:
        self.database = database
        self.interval_s = interval_s
        self._baseline = _backends(database)
        self._latest = dict(self._baseline)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            self._latest.update(_backends(self.database))

    def stop(self) -> float:
        self._stop.set()
        self._thread.join(timeout=5)
        self._latest.update(_backends(self.database))
        return sum(self._latest.values()) - sum(self._baseline.values())
