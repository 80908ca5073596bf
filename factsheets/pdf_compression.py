"""Compress PDF streams at zlib's default level instead of its highest (pydyf 0.13).

pydyf, which writes WeasyPrint's PDFs, deflates every stream (page contents, fonts,
the structure tree's objects) at level 9. On a factsheet that costs about 60 ms, a
tenth of its render time, for files 3 % smaller than at zlib's default level 6
(bench/factsheets.py: 0.62 s against 0.59 s a factsheet; 133 KB against 137 KB).
``install()`` replaces ``pydyf.Stream.data`` by the same code at level 6. The PDF holds
the same objects and contents; only the deflated bytes of its streams differ.

Installed only on the pydyf version it was written against.
"""

from __future__ import annotations

import logging
import zlib

import pydyf

logger = logging.getLogger(__name__)

SUPPORTED_VERSION = "0.13.0"
LEVEL = 6

_original_data = None


def install() -> bool:
    """Patch ``pydyf.Stream.data`` once; returns whether streams are deflated at LEVEL."""
    global _original_data
    if _original_data is not None:
        return True
    if pydyf.__version__ != SUPPORTED_VERSION:
        logger.info("pydyf %s: compression level left at 9 (written for %s).", pydyf.__version__, SUPPORTED_VERSION)
        return False
    _original_data = pydyf.Stream.data
    pydyf.Stream.data = property(data)
    return True


def data(stream: pydyf.Stream) -> bytes:
    """``pydyf.Stream.data`` (0.13.0) with LEVEL for level."""
    content = b"\n".join(pydyf._to_bytes(item) for item in stream.stream)
    extra = pydyf.Dictionary(stream.extra.copy())
    if stream.compress:
        extra["Filter"] = "/FlateDecode"
        compressobj = zlib.compressobj(level=LEVEL)
        content = compressobj.compress(content)
        content += compressobj.flush()
    extra["Length"] = len(content)
    return b"\n".join((extra.data, b"stream", content, b"endstream"))
