"""Python's cyclic garbage collector, tuned for PDF rendering.

A WeasyPrint render allocates millions of small objects (boxes, styles, Pango
wrappers), a good part of them in reference cycles. With the default thresholds the
collector runs about 200 times per factsheet, and the objects still alive mid-render
(the layout tree) get promoted so fast that a *full* collection follows every
document: one that walks the whole heap of the Django process as well. Measured with
``gc.callbacks`` on the demo factsheet: 250 ms of collection per document, a fifth of
its render time, and most of its spread from run to run.

``collector_tuned()`` raises the thresholds for the length of a render: the youngest
generation is collected every 10,000 allocations instead of 700 (the render's own
garbage still goes, so memory stays flat: +10 MB over 100 factsheets) and no full
collection starts mid-render. That leaves about 80 ms of collection per
factsheet. Turning the collector off altogether saves a little more but holds all of a
render's garbage (over 100 MB) until it ends. The tuning nests and is thread-safe:
the usual thresholds return when the last render in the process ends.

``long_lived_frozen()`` is for a process about to fork workers that render many
documents (the batch): everything alive at that moment (modules, Django, the national
picture, parsed stylesheets and fonts) moves to the permanent generation, which the
workers' collections skip, so they neither spend time on it nor copy its memory pages
by touching them. The parent gets its objects back afterwards.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

RENDER_THRESHOLDS = (10_000, 50, 1_000_000_000)

_lock = threading.Lock()
_renders = 0
_usual_thresholds: tuple[int, int, int] = gc.get_threshold()


@contextmanager
def collector_tuned() -> Iterator[None]:
    global _renders, _usual_thresholds
    with _lock:
        if _renders == 0:
            _usual_thresholds = gc.get_threshold()
            gc.set_threshold(*RENDER_THRESHOLDS)
        _renders += 1
    try:
        yield
    finally:
        with _lock:
            _renders -= 1
            if _renders == 0:
                gc.set_threshold(*_usual_thresholds)


@contextmanager
def long_lived_frozen() -> Iterator[None]:
    """Keep every object alive now out of the collector's sight until the block ends."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
