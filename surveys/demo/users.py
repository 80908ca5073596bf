"""The people of the demo: a contact person pair for every institution, and the demo logins.

Contact persons have no usable password (they are invited by e-mail later). The demo
logins have one fixed, documented password per role; it passes the site's password
validators. The username is always the e-mail address.
"""

import random
from dataclasses import dataclass

from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.utils.text import slugify

from surveys.demo.institutions import (
    CONTACT_ROLES,
    FIRST_NAMES,
    INSTITUTIONS,
    MAIN,
    OVERIG_LOGIN,
    SURNAMES,
    UMC_LOGIN,
)
from surveys.models import Institution, User

DEMO_PASSWORDS = {
    User.Role.RESPONDENT: "jump-demo-2026",
    User.Role.ANALYST: "jump-analist-2026",
    User.Role.ADMINISTRATOR: "jump-beheer-2026",
}


@dataclass(frozen=True)
class DemoLogin:
    username: str
    first_name: str
    last_name: str
    role: str
    institution: str | None  # institution code
    job_title: str = ""

    @property
    def password(self) -> str:
        return DEMO_PASSWORDS[self.role]


DEMO_LOGINS = [
    DemoLogin("programmaleider@demo.jumpscan.nl", "Sanne", "Verbeek", User.Role.RESPONDENT, MAIN,
              "Programmaleider JZOJP"),
    DemoLogin("collega@demo.jumpscan.nl", "Joost", "Hofman", User.Role.RESPONDENT, MAIN, "Lid RvB"),
    DemoLogin("programmaleider.umc@demo.jumpscan.nl", "Fatima", "El Amrani", User.Role.RESPONDENT, UMC_LOGIN,
              "Programmaleider JZOJP"),
    DemoLogin("programmaleider.zorggroep@demo.jumpscan.nl", "Kees", "Wolters", User.Role.RESPONDENT, OVERIG_LOGIN,
              "Manager zorg en innovatie"),
    DemoLogin("analist@demo.jumpscan.nl", "Anna", "de Ruiter", User.Role.ANALYST, None, "Analist NVZ"),
    DemoLogin("beheer@demo.jumpscan.nl", "Bert", "Beheer", User.Role.ADMINISTRATOR, None, "Functioneel beheerder"),
]  # fmt: skip


def contact_rows(rng: random.Random) -> list[dict]:
    """Two contact persons per institution: the JZOJP programme leader and a board member."""
    rows = []
    for institution in INSTITUTIONS:
        surnames = rng.sample(SURNAMES, len(CONTACT_ROLES))
        for (mailbox_role, job_title), surname in zip(CONTACT_ROLES, surnames, strict=True):
            first = rng.choice(FIRST_NAMES)
            mailbox = f"{slugify(first[0])}.{slugify(surname).replace('-', '')}"
            rows.append(
                {
                    "username": f"{mailbox}@{institution.code}.example",
                    "first_name": first,
                    "last_name": surname,
                    "job_title": job_title,
                    "institution": institution.code,
                    "mailbox_role": mailbox_role,
                }
            )
    return rows


def ensure_contacts(*, institutions: dict[str, Institution], rng: random.Random) -> int:
    """Create the contact persons that are missing; returns how many were created."""
    rows = contact_rows(rng)
    existing = set(User.objects.filter(username__in=[r["username"] for r in rows]).values_list("username", flat=True))
    new = [
        User(
            username=row["username"],
            email=row["username"],
            first_name=row["first_name"],
            last_name=row["last_name"],
            job_title=row["job_title"],
            role=User.Role.RESPONDENT,
            institution=institutions[row["institution"]],
            password=make_password(None),
        )
        for row in rows
        if row["username"] not in existing
    ]
    User.objects.bulk_create(new)
    return len(new)


def ensure_demo_logins(*, institutions: dict[str, Institution]) -> dict[str, User]:
    """Create or restore the demo logins with their documented passwords; username -> user."""
    hashes: dict[str, str] = {}
    verified: dict[tuple[str, str], bool] = {}  # (password, stored hash) -> matches
    users = {}
    for login in DEMO_LOGINS:
        user, created = User.objects.update_or_create(
            username=login.username,
            defaults={
                "email": login.username,
                "first_name": login.first_name,
                "last_name": login.last_name,
                "role": login.role,
                "institution": institutions[login.institution] if login.institution else None,
                "job_title": login.job_title,
                "is_active": True,
                # Staff may enter the admin; what an analyst sees there follows from the role (surveys/admin.py).
                "is_staff": login.role != User.Role.RESPONDENT,
                "is_superuser": login.role == User.Role.ADMINISTRATOR,
            },
        )
        key = (login.password, user.password)
        if key not in verified:
            # A new user has no password yet: checking it would only cost a dummy hash.
            verified[key] = not created and check_password(login.password, user.password)
        if not verified[key]:
            validate_password(login.password, user)
            # One hash per role: hashing is deliberately slow, and these passwords are public anyway.
            if login.role not in hashes:
                hashes[login.role] = make_password(login.password)
            user.password = hashes[login.role]
            user.save(update_fields=["password"])
        users[login.username] = user
    return users
