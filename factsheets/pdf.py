"""HTML to a tagged, accessible A4 PDF with WeasyPrint, reading nothing but our own static files.

Everything a document may load (stylesheets, fonts, images) is resolved here: a
``/static/...`` URL or a path relative to the static root is read from the app's own
static files (the staticfiles finders, then STATIC_ROOT); a ``data:`` URI is decoded in
memory. Every other URL (http, https elsewhere, file:// anywhere, ``..`` out of static)
is refused with ``RefusedURL`` before anything is opened, so no text that ends up in a
document can make the renderer read a file or call a server.

Speed: parsing print.css and loading its four fonts costs more than a small page, so
the stylesheet and its ``FontConfiguration`` are parsed once per process (per thread)
and reused by every document; they are parsed again only when print.css changes. The
garbage collector is tuned while a document renders (factsheets/collector.py). Shortcuts
that write the same PDF faster: our chart SVGs and their labels (pdf_svg_charts,
pdf_svg_text), a line's Pango layout kept from layout to drawing (pdf_text_layouts), each
distinct line shaped and written once per process (pdf_text_cache), no pseudo-element
styles for footnotes on every element (pdf_user_agent); and streams deflated at zlib's
default level (pdf_compression).
"""

from __future__ import annotations

import base64
import binascii
import logging
import mimetypes
import threading
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import CSS
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from . import pdf_compression, pdf_svg_charts, pdf_svg_text, pdf_text_cache, pdf_text_layouts
from .collector import collector_tuned
from .pdf_user_agent import DocumentHTML

pdf_svg_text.install()
pdf_svg_charts.install()
pdf_text_layouts.install()
pdf_text_cache.install()
pdf_compression.install()
logger = logging.getLogger(__name__)

# Documents are given this origin as their base URL, so "/static/css/x.css" and "css/x.css"
# both resolve to it; `.invalid` (RFC 2606) can never be a real host.
STATIC_ORIGIN = "https://static.jump-scan.invalid"
PRINT_CSS = "css/print.css"
PDF_VARIANT = "pdf/ua-1"


class RefusedURL(ValueError):
    """A document asked for a resource outside the app's static files."""


def static_base_url() -> str:
    return STATIC_ORIGIN + settings.STATIC_URL


def resolve_static_url(url: str) -> Path:
    """The file behind a static URL of a document, or RefusedURL."""
    parts = urlsplit(url)
    prefix = settings.STATIC_URL
    if f"{parts.scheme}://{parts.netloc}" != STATIC_ORIGIN or not parts.path.startswith(prefix):
        raise RefusedURL(f"Only the app's static files may be loaded, not {url[:200]!r}.")
    relative = unquote(parts.path[len(prefix) :])
    segments = relative.split("/")
    if not relative or any(s in ("", ".", "..") or "\\" in s or "\x00" in s for s in segments):
        raise RefusedURL(f"Not a plain static path: {url[:200]!r}.")
    for candidate in _candidates(relative):
        path = Path(candidate).resolve()
        if path.is_file() and any(path.is_relative_to(root) for root in _static_roots()):
            return path
    raise RefusedURL(f"No static file {relative!r}.")


def _candidates(relative: str) -> list[str]:
    found = finders.find(relative)
    candidates = [found] if isinstance(found, str) else list(found or [])
    if settings.STATIC_ROOT:
        candidates.append(str(Path(settings.STATIC_ROOT) / relative))
    return candidates


def _static_roots() -> list[Path]:
    roots = [Path(settings.STATIC_ROOT).resolve()] if settings.STATIC_ROOT else []
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            location = getattr(storage, "location", None)
            if location:
                roots.append(Path(location).resolve())
    return roots


class StaticOnlyURLFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves static files and data: URIs, and refuses the rest."""

    def __init__(self, *, fail_on_errors: bool = False) -> None:
        # No protocol at all for the parent class: everything is answered here or refused.
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=fail_on_errors)

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        if url[:5].lower() == "data:":
            return _decode_data_uri(url)
        try:
            path = resolve_static_url(url)
        except RefusedURL:
            logger.warning("PDF rendering refused to fetch %s", url[:200])
            raise
        mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": mimetype})


def _decode_data_uri(url: str) -> URLFetcherResponse:
    """A data: URI decoded in memory (RFC 2397), without urllib's opener machinery."""
    header, comma, payload = url[5:].partition(",")
    if not comma:
        raise RefusedURL("Malformed data: URI.")
    mimetype, *parameters = header.split(";")
    try:
        if parameters and parameters[-1].strip().lower() == "base64":
            body = base64.b64decode(payload, validate=False)
        else:
            body = unquote_to_bytes(payload)
    except (binascii.Error, ValueError) as error:
        raise RefusedURL(f"Undecodable data: URI ({error}).") from error
    return URLFetcherResponse(url, body=body, headers={"Content-Type": mimetype.strip() or "text/plain"})


class _Stylesheets(threading.local):
    """Parsed stylesheets and their font configuration, per thread (WeasyPrint objects are not shared)."""

    key: tuple | None = None
    font_config: FontConfiguration | None = None
    sheets: list[CSS] = []


_cache = _Stylesheets()


def _stylesheets(names: Sequence[str]) -> tuple[FontConfiguration, list[CSS]]:
    if not names:  # a document that brings its own styles and fonts: nothing of it is kept
        return FontConfiguration(), []
    paths = [resolve_static_url(static_base_url() + name) for name in names]
    key = tuple((str(path), path.stat().st_mtime_ns) for path in paths)
    if _cache.key != key:
        font_config = FontConfiguration()
        # Our own stylesheets must load whole: a missing font there is a bug, not a warning.
        fetcher = StaticOnlyURLFetcher(fail_on_errors=True)
        sheets = [
            CSS(
                string=path.read_text("utf-8"),
                base_url=static_base_url() + name,
                url_fetcher=fetcher,
                font_config=font_config,
            )
            for name, path in zip(names, paths, strict=True)
        ]
        _cache.key, _cache.font_config, _cache.sheets = key, font_config, sheets
        pdf_text_cache.use(font_config)
    return _cache.font_config, _cache.sheets


def html_to_pdf(
    html: str,
    *,
    language: str | None = None,
    stylesheets: Sequence[str] = (PRINT_CSS,),
    pdf_variant: str | None = PDF_VARIANT,
    strict: bool = False,
) -> bytes:
    """Render an HTML document to PDF bytes (A4, tagged PDF/UA-1 by default).

    ``stylesheets`` are static paths applied to the document, parsed once and cached;
    the document itself need not link them. ``language`` sets the PDF's /Lang (else the
    ``<html lang>`` is used). With ``strict`` a refused or missing resource stops the
    rendering instead of being left out with a logged warning.
    """
    font_config, sheets = _stylesheets(stylesheets)
    fetcher = StaticOnlyURLFetcher(fail_on_errors=strict)
    with collector_tuned():
        try:
            document = DocumentHTML(string=html, base_url=static_base_url(), url_fetcher=fetcher).render(
                stylesheets=sheets, font_config=font_config, pdf_variant=pdf_variant
            )
        except FatalURLFetchingError as error:  # a BaseException in WeasyPrint: make it an ordinary one
            raise RefusedURL(str(error)) from error.__cause__
        if language:
            document.metadata.lang = language
        return document.write_pdf(pdf_variant=pdf_variant)
