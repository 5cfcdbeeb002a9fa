"""A second factor for reviewers and administrators (optional, per user)."""
from __future__ import annotations

from django.conf import settings
from django.db import models


class TOTPDevice(models.Model):
    """An authenticator app enrolled by a user; once ``enabled`` login requires its code."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="totp_device")
    secret = models.CharField(max_length=64, help_text="Base32 TOTP secret (SENSITIVE)")
    enabled = models.BooleanField(default=True)
    last_step = models.BigIntegerField(default=0, help_text="Last accepted time step: a code is used once")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"TOTP for {self.user}"

    def verify(self, code: str) -> bool:
        """Accept ``code`` once (no replay of a step already used)."""
        from vigil.accounts.totp import matching_step

        step = matching_step(self.secret, code)
        if step is None or step <= self.last_step:
            return False
        updated = TOTPDevice.objects.filter(pk=self.pk, last_step__lt=step).update(last_step=step)
        self.last_step = step
        return bool(updated)
