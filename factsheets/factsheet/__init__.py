"""One institution's factsheet: its answers set against the national picture.

`content.build_factsheet(picture, language=...)` turns an `InstitutionPicture` into a
plain view model (numbers already written the way the reader expects them, charts as
chart objects); the PDF (`render.render_factsheet_pdf`) and the web page
(`factsheets/views.py`) both render that one model, so they always show the same figures.
`batch.generate_factsheets` makes every factsheet of a round.
"""
