"""Accepting an invitation: a new contact person chooses a password through the link they received."""

from django.contrib.auth.views import PasswordResetConfirmView
from django.urls import reverse_lazy

from surveys.forms.auth import InvitationPasswordForm


class InvitationAcceptView(PasswordResetConfirmView):
    """A password-reset link for someone who has no password yet; it stops working once they set one."""

    form_class = InvitationPasswordForm
    template_name = "registration/invitation_accept.html"
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    success_url = reverse_lazy("home")
    reset_url_token = "wachtwoord-kiezen"

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        if user is None or user.has_usable_password() or not user.is_active:
            return None
        return user
