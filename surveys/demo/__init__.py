"""The calibrated demo data set behind `python manage.py seed_demo`.

102 fictional member institutions; the 2020 round (58 submitted) and the 2021 round
(63 submitted: 56 hospitals and 7 other institutions, 15 drafts) calibrated to the
2021 national report; an open 2026 round with one draft; contact persons and demo
logins. Modules: `institutions` (who), `calibration` (the report's figures as exact
count plans), `planning`/`open_answers`/`dataset` (what everyone answers, pure
Python), `users`, `writing` and `build` (the database).
"""

from surveys.demo.build import SeedSummary, seed_demo
from surveys.demo.users import DEMO_LOGINS, DEMO_PASSWORDS, DemoLogin

__all__ = ["DEMO_LOGINS", "DEMO_PASSWORDS", "DemoLogin", "SeedSummary", "seed_demo"]
