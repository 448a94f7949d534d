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
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

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


# -- the runner every public filing form uses ----------------------------------------------------


class PublicFormView(FormView):
    """A public filing form (no login), post/redirect/get: the one-time token, the rate limits,
    the personal-data notice and the confirmation page read from the session. A subclass says
    what it files in `file(form)` -> (reference, what the confirmation page reads); a refusal
    of the service is a ValidationError, shown on the form by `refused`, and the token may be
    sent again."""

    scope = ""  # the rate limit's and the token's name
    session_key = ""  # where the confirmation page finds what was filed
    received_url = ""  # the confirmation page (a URL name)
    notice: Notice | None = None
    limited_message = _("Too many filings from your connection; please try again later.")

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form_token", self.request.POST.get(FIELD) or token(self.scope))
        return super().get_context_data(notice=self.notice, **kwargs)

    def post(self, request, *args, **kwargs):
        if limited(request, self.scope):
            form = self.get_form()
            form.is_valid()  # keep what was typed on the page
            context = self.get_context_data(form=form, limited=self.limited_message)
            return self.render_to_response(context, status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form, **extra):
        count_mistake(self.request, self.scope)
        return self.render_to_response(self.get_context_data(form=form, **extra), status=400)

    def form_valid(self, form):
        once = claim(self.request, self.scope)
        if once.done:
            return redirect(self.received_url)
        if not once.fresh:
            expired = _("This form has expired. Please check what you typed and send it again.")
            return self.form_invalid(form, limited=expired, form_token=token(self.scope))
        if self.is_robot(form):  # answered as if filed, nothing stored
            reference, received = "", None
        else:
            try:
                reference, received = self.file(form)
            except ValidationError as exc:
                once.release()
                self.refused(form, exc)
                return self.form_invalid(form)
        once.settle(reference)
        count_filing(self.request, self.scope)
        self.request.session[self.session_key] = received
        return redirect(self.received_url)

    def is_robot(self, form) -> bool:
        """Whether a robot filled in the form (a honeypot field); none by default."""
        return False

    def file(self, form) -> tuple[str, object]:
        raise NotImplementedError

    def refused(self, form, exc: ValidationError) -> None:
        form.add_error(None, exc)
