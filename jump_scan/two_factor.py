"""Optional two-factor sign-in for analysts: a code from an authenticator app (TOTP, django-otp).

An analyst sets up a device at /accounts/tweestaps/ (a QR code, the secret for typing in,
a first code to confirm it). From then on a session of that analyst counts only once a
code was entered after the password: `TwoFactorMiddleware` is the one place that says so,
for every page: the analysts' workspace and the admin, but also the read-only view of an
institution's answers and the figures, since a stolen password alone must open none of them.
Contact persons of institutions are never asked for a code.

Whether an analyst has a device is looked up once, at sign-in, and kept in the session
(`DEVICE_IN_SESSION`), so a page costs no extra query; setting up or turning off two-factor
updates it, and a session from before a device existed looks it up once.
"""

import base64
import io
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

# Pages an analyst who still owes a code may open: the code page itself, and the ways out.
OPEN_BEFORE_CODE = {"two_factor_verify", "logout", "set_language", "health"}
DEVICE_IN_SESSION = "jump_two_factor_device"


def asks_for_code(user) -> bool:
    """May this user take part in two-factor sign-in at all? Analysts and staff; not institutions."""
    return bool(user.is_authenticated and (getattr(user, "is_analyst", False) or user.is_staff))


def remember_device(request: HttpRequest, user) -> bool:
    """Look up whether `user` has a confirmed device, and keep the answer in the session."""
    has_device = user_has_device(user, confirmed=True)
    request.session[DEVICE_IN_SESSION] = has_device
    return has_device


def owes_code(request: HttpRequest) -> bool:
    """Signed in with the password, with a confirmed device, but no code entered in this session yet."""
    user = request.user
    if not asks_for_code(user) or user.is_verified():
        return False
    if DEVICE_IN_SESSION in request.session:
        return request.session[DEVICE_IN_SESSION]
    return remember_device(request, user)


def _remember_device_at_sign_in(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session") and asks_for_code(user):
        remember_device(request, user)


user_logged_in.connect(_remember_device_at_sign_in, dispatch_uid="jump_scan.two_factor.remember_device")


class TwoFactorMiddleware:
    """Sends a signed-in analyst who owes a code to the code page before any other page. After OTPMiddleware."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        if request.resolver_match.url_name in OPEN_BEFORE_CODE:
            return None
        if not owes_code(request):
            return None
        return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': request.get_full_path()})}")


class CodeForm(forms.Form):
    """Six digits from the app; spaces are allowed, as apps show them in groups of three."""

    code = forms.CharField(
        label=gettext_lazy("Code uit uw app"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def __init__(self, *args, device: TOTPDevice, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isascii() and code.isdigit() and len(code) == self.device.digits):
            raise forms.ValidationError(_("Vul de zes cijfers in die uw app nu toont."))
        with transaction.atomic():
            device = TOTPDevice.objects.select_for_update().get(pk=self.device.pk)
            allowed, _details = device.verify_is_allowed()
            if not allowed:
                raise forms.ValidationError(
                    _("Te veel onjuiste codes na elkaar. Wacht een minuut en probeer het opnieuw.")
                )
            if not device.verify_token(code):
                raise forms.ValidationError(
                    _("Deze code klopt niet of is verlopen. Probeer de code die uw app nu toont.")
                )
        self.device = device
        return code


def qr_data_uri(text: str) -> str:
    """The QR code of `text` as a data: image (the CSP allows data: images, and no markup is inlined)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def readable_secret(device: TOTPDevice) -> str:
    """The secret as an app asks for it when typed in: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure())
    return target if allowed else reverse("home")


def _analyst_only(request: HttpRequest) -> None:
    if not asks_for_code(request.user):
        raise PermissionDenied


@login_required
def setup_view(request: HttpRequest) -> HttpResponse:
    """Set up a device: scan the code (or type the secret), then confirm with a first code."""
    _analyst_only(request)
    if user_has_device(request.user, confirmed=True):
        return render(request, "two_factor/setup.html", {"active": True})
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": _("Authenticator-app")}
    )
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device = form.device
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        request.session[DEVICE_IN_SESSION] = True
        messages.success(request, _("Tweestapsverificatie staat aan. Bij het aanmelden vragen wij voortaan een code."))
        return redirect("two_factor_setup")
    context = {"active": False, "form": form, "qr": qr_data_uri(device.config_url), "secret": readable_secret(device)}
    return render(request, "two_factor/setup.html", context, status=400 if form.errors else 200)


@login_required
def verify_view(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: the code from the app."""
    next_url = safe_next(request)
    device = (
        TOTPDevice.objects.filter(user=request.user, confirmed=True).first() if asks_for_code(request.user) else None
    )
    if device is None or request.user.is_verified():
        request.session[DEVICE_IN_SESSION] = device is not None  # a device deleted meanwhile owes no code
        return redirect(next_url)
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.device)
        return redirect(next_url)
    return render(
        request, "two_factor/verify.html", {"form": form, "next": next_url}, status=400 if form.errors else 200
    )


@require_POST
@login_required
def disable_view(request: HttpRequest) -> HttpResponse:
    """Turn two-factor sign-in off (the middleware made sure a code was entered in this session)."""
    _analyst_only(request)
    TOTPDevice.objects.filter(user=request.user).delete()
    request.session[DEVICE_IN_SESSION] = False
    messages.success(request, _("Tweestapsverificatie staat uit. U meldt zich voortaan aan met alleen uw wachtwoord."))
    return redirect("two_factor_setup")


urlpatterns = [
    path("", setup_view, name="two_factor_setup"),
    path("code/", verify_view, name="two_factor_verify"),
    path("uitzetten/", disable_view, name="two_factor_disable"),
]
