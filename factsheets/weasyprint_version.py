"""The WeasyPrint version the renderer's shortcuts were written against (pdf_svg_text, pdf_svg_charts,
pdf_text_layouts): on any other version each leaves WeasyPrint alone, so PDFs get slower, never wrong."""

import logging

import weasyprint

logger = logging.getLogger(__name__)

SUPPORTED_VERSION = "70.0"


def supported(shortcut: str) -> bool:
    """Whether `shortcut` may be installed on the WeasyPrint in use; says so in the log when not."""
    if weasyprint.__version__ == SUPPORTED_VERSION:
        return True
    logger.info(
        "WeasyPrint %s: %s not installed (written for %s).", weasyprint.__version__, shortcut, SUPPORTED_VERSION
    )
    return False
