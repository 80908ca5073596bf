"""Hostile text, and how to tell that it came out inert in each kind of output.

The texts are what a careless paste or a malicious contact person could type into an open
answer or an institution's name: markup, script, SQL, spreadsheet formulas, odd Unicode.
"""

import csv
import io
import json
import shutil
import subprocess
import zipfile

import openpyxl
import pytest
from pypdf import PdfReader

SCRIPT = '<script>alert("xss")</script>'
MARKUP = '<b onmouseover="alert(1)">vet</b><img src=x onerror=alert(2)>'
SQL = "Robert'); DROP TABLE surveys_response; --"
FORMULA = '=HYPERLINK("http://evil.example","klik")'
UNICODE = "\u202egnp.exe \u200b\u200d\ufeff 🏥👩‍⚕️ Zͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o"
HOSTILE = f"{SCRIPT} {MARKUP} {SQL} {UNICODE}"

# What must never reach a page as markup.
RAW_MARKERS = ("<script>alert(", "<b onmouseover=", "<img src=x onerror=")
# A spreadsheet runs a cell that starts with one of these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def html_problems(html: str) -> list[str]:
    return [f"raw {marker!r}" for marker in RAW_MARKERS if marker in html]


def cell_problem(value: object) -> str | None:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        try:
            float(value)  # a negative number written as text is not a formula
        except ValueError:
            return f"formula {value[:40]!r}"
    return None


def csv_problems(content: bytes) -> list[str]:
    rows = csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";")
    return [problem for row in rows for value in row if (problem := cell_problem(value))]


def xlsx_problems(content: bytes) -> list[str]:
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    problems = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    problems.append(f"formula cell {sheet.title}!{cell.coordinate}")
                elif problem := cell_problem(cell.value):
                    problems.append(f"{sheet.title}!{cell.coordinate}: {problem}")
    return problems


def zip_problems(content: bytes) -> list[str]:
    problems = []
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            inner = archive.read(name)
            if name.endswith(".csv"):
                problems += [f"{name}: {p}" for p in csv_problems(inner)]
            elif name.endswith(".xlsx"):
                problems += [f"{name}: {p}" for p in xlsx_problems(inner)]
            elif name.endswith(".pdf"):
                pdf_text(inner)
    return problems


def pdf_text(content: bytes) -> str:
    """The PDF's text. It must open with pypdf; poppler's pdftotext, when installed, reads the text more faithfully
    (pypdf garbles WeasyPrint's custom-encoded subset of Source Sans 3)."""
    pages = PdfReader(io.BytesIO(content)).pages
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True).stdout.decode()
    return "\n".join(page.extract_text() or "" for page in pages)


def readable_pdf_text(content: bytes) -> str:
    text = pdf_text(content)
    if "\x00" in text:
        pytest.skip("pypdf cannot decode this PDF's font: install poppler-utils (pdftotext) to check its text.")
    return text


def output_problems(response) -> tuple[str, list[str]]:
    """(kind, problems) for one response, by what it says it is."""
    content_type = response.get("Content-Type", "").split(";")[0]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if content_type == "text/html":
        return "html", html_problems(body.decode())
    if content_type == "application/json":
        json.loads(body)
        return "json", []
    if content_type == "text/csv":
        return "csv", csv_problems(body)
    if content_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
        return "xlsx", xlsx_problems(body)
    if content_type in ("application/zip", "application/x-zip-compressed"):
        return "zip", zip_problems(body)
    if content_type == "application/pdf":
        pdf_text(body)
        return "pdf", []
    return content_type, []
