"""Downloads of the analysts' workspace.

Every exporter honours one contract: `render(...) -> (filename, mimetype, bytes)`, so the
web page, the management command and a background job can all hand the result on
without knowing its format.
"""
