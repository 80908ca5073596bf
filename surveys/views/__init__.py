"""The fill-in screens. Each module holds the views of one concern; all resolve their response via surveys.access."""
