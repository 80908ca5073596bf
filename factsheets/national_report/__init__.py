"""The national report of a round (PDF and XLSX) and the analysts' national dashboard, built on the national picture.

    render_national_report_pdf(picture, language="nl")   -> (filename, mimetype, bytes)   render.py
    render_national_report_xlsx(picture, language="nl")  -> (filename, mimetype, bytes)   render.py
    dashboard(round, sector=, institution_type=, region=, language=) -> Dashboard      dashboard.py

`content.py` builds the report's view model (sections of findings, charts and tables),
`findings.py` the key findings in words, `charts.py` the chart definitions and
`tables.py` the tables, all from a `NationalPicture`; the dashboard reuses them.
"""
