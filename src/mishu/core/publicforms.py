"""What every public form (no login) shares: a one-time token so that a reload, a double click or
the back button files nothing twice; the rate limit that counts filings, not typing mistakes; the
personal-data notice (個資告知, 個人資料保護法 §8) and, where the law expects it, the consent.

A public view puts `token(scope)` in its page (`<input type="hidden" name="form_token">`), checks
the form, and only then calls `claim()`: the first valid post with a token files, any later post
with it is answered with what the first one filed. The claims live in Django's cache (Redis in
production), so every web worker sees them.
"""

import secrets
from dataclasses import dataclass

from django import forms
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from . import ratelimit

FIELD = "form_token"
MAX_AGE = 6 * 3600  # a form left open for a working day still sends
_PENDING = "…"


def token(scope: str) -> str:
    """A fresh one-time token for a form of `scope` (signed: a made-up token is refused)."""
    return signing.TimestampSigner(salt=f"mishu.once.{scope}").sign(secrets.token_urlsafe(12))


def _key(scope: str, value: str) -> str | None:
    try:
        nonce = signing.TimestampSigner(salt=f"mishu.once.{scope}").unsign(value, max_age=MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        return None
    return f"mishu:once:{scope}:{nonce}"


@dataclass(frozen=True)
class Claim:
    """The outcome of `claim`: `fresh` (file now, then `settle`), `done` (already filed: `result`
    is what `settle` stored, None while the first post is still being handled) or neither (the
    token is missing, made up or expired)."""

    scope: str
    key: str | None
    fresh: bool = False
    done: bool = False
    result: str | None = None

    def settle(self, result: str) -> None:
        """Remember what this token filed (a reference), for any later post with it."""
        cache.set(self.key, result, MAX_AGE)

    def release(self) -> None:
        """Nothing was filed after all (the service refused it): the token may be sent again."""
        cache.delete(self.key)


def claim(request, scope: str) -> Claim:
    """Claim the posted token of a form of `scope`; atomic in the cache, so of two posts sent at
    once only one is `fresh`."""
    key = _key(scope, request.POST.get(FIELD, ""))
    if key is None:
        return Claim(scope, None)
    if cache.add(key, _PENDING, MAX_AGE):
        return Claim(scope, key, fresh=True)
    result = cache.get(key)
    return Claim(scope, key, done=True, result=None if result == _PENDING else result)


# -- rate limits: filings count, mistakes count apart under a higher limit --------------------


def limited(request, scope: str) -> bool:
    """Whether the client has used up its filings (`scope`) or its invalid posts
    (`scope`_invalid); counts nothing."""
    return ratelimit.exceeded(request, scope) or ratelimit.exceeded(request, f"{scope}_invalid")


def count_mistake(request, scope: str) -> None:
    """Count an invalid post: a citizen's typing mistakes do not use up their filings, but a
    robot probing the form is stopped by the higher limit."""
    ratelimit.hit(request, f"{scope}_invalid")


def count_filing(request, scope: str) -> None:
    """Count a successful filing."""
    ratelimit.hit(request, scope)


# -- the personal-data notice ------------------------------------------------------------------


@dataclass(frozen=True)
class Notice:
    """The parts of the 個資告知 that differ between forms (the template says the rest: the
    collecting agency, the data subject's rights under §3, how to exercise them)."""

    purpose: str
    categories: str
    period: str
    recipients: str
    consequence: str
    consent: bool = False


class ConsentForm(forms.Form):
    """Mixed into a public form whose notice asks for consent: a required checkbox."""

    consent = forms.BooleanField(
        label=_(
            "I have read the notice on the collection of personal data above and consent to it"
        ),
        error_messages={
            "required": _("Please read the notice on personal data and tick the box to consent.")
        },
    )


def contact_widgets() -> dict:
    """The widgets of a citizen's contact fields: the right keyboard on a phone and the browser's
    autofill (WCAG 1.3.5)."""
    return {
        "name": forms.TextInput(attrs={"autocomplete": "name"}),
        "organization": forms.TextInput(attrs={"autocomplete": "organization"}),
        "tel": forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
        "email": forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
        "address": forms.TextInput(attrs={"autocomplete": "street-address"}),
    }
