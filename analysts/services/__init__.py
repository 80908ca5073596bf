"""Workflows of the analysts' workspace, as keyword-only functions (see each module)."""
