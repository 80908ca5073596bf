"""Invitations: a link that lets a new contact person choose a password.

The analysts' side creates the user with an unusable password and sends
`invitation_link(user)`; the link carries Django's password-reset token, so it
stops working as soon as a password is set.
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from surveys.models import User


def invitation_link(user: User) -> str:
    """The absolute link a new contact person opens to set a password (valid while they have none)."""
    path = reverse(
        "invitation_accept",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.SITE_URL.rstrip("/") + path
