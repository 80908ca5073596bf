"""A factsheet PDF kept once made, so a web download after the first one (or after the round's batch) is instant.

The key is the SHA-256 of everything the PDF is made from: the factsheet's HTML, the stylesheets
and the renderer's version. A kept PDF is therefore only ever served for exactly the document it
was made from (another institution's factsheet, or the same in another language, is other HTML and
another key), and any change of figures, texts or styles simply makes a new one. The PDFs are kept
in the default storage under `factsheets/pdf/<year>/`; publishing the round again (a new snapshot)
clears that folder, since none of them can be asked for again.

`generate_factsheets` (the command) and the benchmarks render afresh; the web view and the
background batch go through here.
"""

from __future__ import annotations

import hashlib

import weasyprint
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from factsheets.aggregation.pictures import InstitutionPicture
from factsheets.factsheet.content import build_factsheet
from factsheets.factsheet.render import STYLESHEETS, factsheet_html
from factsheets.pdf import html_to_pdf, resolve_static_url, static_base_url
from factsheets.render import PDF, Rendered


def stored_folder(year: int) -> str:
    return f"factsheets/pdf/{year}"


def stored_factsheet_pdf(picture: InstitutionPicture, *, language: str | None = None) -> Rendered:
    """`render_factsheet_pdf`, from the kept PDF when this very document was made before."""
    factsheet = build_factsheet(picture, language=language)
    html = factsheet_html(factsheet)
    path = f"{stored_folder(factsheet.year)}/{document_key(html)}.pdf"
    if default_storage.exists(path):
        with default_storage.open(path, "rb") as kept:
            return factsheet.filename, PDF, kept.read()
    content = html_to_pdf(html, language=factsheet.language, stylesheets=STYLESHEETS)
    if not default_storage.exists(path):  # made at the same moment elsewhere: keep one
        default_storage.save(path, ContentFile(content))
    return factsheet.filename, PDF, content


def document_key(html: str) -> str:
    digest = hashlib.sha256(html.encode())
    for name in STYLESHEETS:
        digest.update(resolve_static_url(static_base_url() + name).read_bytes())
    digest.update(weasyprint.__version__.encode())
    return digest.hexdigest()


def stored_factsheets_clear(year: int) -> int:
    """Delete the kept PDFs of a round; how many."""
    folder = stored_folder(year)
    try:
        _folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return 0
    for name in files:
        default_storage.delete(f"{folder}/{name}")
    return len(files)
