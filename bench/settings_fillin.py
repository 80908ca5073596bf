"""Production settings for bench/fillin.py, except that static files are not collected first.

(collectstatic's manifest step currently stops on the missing bootstrap.bundle.min.js.map;
the benchmark measures pages and autosave, not static files.)
"""

from jump_scan.settings import *  # noqa: F403

STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
