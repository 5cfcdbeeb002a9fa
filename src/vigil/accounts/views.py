"""Login: Django's LoginView with throttling and an optional TOTP second factor."""
from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView

from vigil.accounts import throttle

LOCKED_MESSAGE = "Too many failed attempts. Try again later."


class LoginForm(AuthenticationForm):
    """User name and password, then the authenticator code if the user enrolled one."""

    otp_token = forms.CharField(label="Authentication code (if enabled)", required=False, max_length=10,
                                widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))

    def confirm_login_allowed(self, user) -> None:
        super().confirm_login_allowed(user)
        device = getattr(user, "totp_device", None)
        if device is not None and device.enabled and not device.verify(self.cleaned_data.get("otp_token", "")):
            raise forms.ValidationError("A valid authentication code is required.", code="otp_required")


class ThrottledLoginView(LoginView):
    form_class = LoginForm

    def post(self, request, *args, **kwargs):
        username, address = request.POST.get("username", ""), request.META.get("REMOTE_ADDR", "")
        if throttle.is_locked(username, address):
            form = self.get_form()
            form.errors.clear()
            form.add_error(None, LOCKED_MESSAGE)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        throttle.record_failure(self.request.POST.get("username", ""), self.request.META.get("REMOTE_ADDR", ""))
        return super().form_invalid(form)

    def form_valid(self, form):
        throttle.clear(form.get_user().get_username(), self.request.META.get("REMOTE_ADDR", ""))
        return super().form_valid(form)
