"""CPU seconds spent by gunicorn and by the load test's PostgreSQL backends (Linux /proc), to tell cost from queueing.

On a shared machine the latencies say as much about the neighbours as about the app; the CPU time
per request does not: it is what the app costs, and 2 cores divided by it is what they can carry.
"""

import os
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


def database_seconds(database: str) -> float:
    """The backends now connected to `database` (connections closed meanwhile are missed: a lower bound)."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if command.startswith("postgres: ") and f" {database} " in command and (fields := _stat(int(entry.name))):
            total += _own(fields)
    return total
