"""Reading data files back in: earlier rounds' results and the institution list, in the export's own layout.

Every import validates the whole file first and reports every problem with its row and
column; only a file without any problem is written, in one transaction. Writing is an
upsert that leaves equal records untouched, so importing the same file twice changes
nothing. The entry point is `analysts.imports.service.import_file`.
"""
