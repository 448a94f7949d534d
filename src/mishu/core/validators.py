"""Text that Mishu stores never holds control characters: one validator, installed on every text
field of every Mishu model when the app starts, so that forms (through the model's validation),
the API (DRF copies a model field's validators) and imports (`core.imports.checked`, and the
table reader itself) refuse them alike. A NUL would otherwise be a 500 on PostgreSQL, and any
control character makes an XLSX export of that list fail."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# C0 controls except tab, line feed and carriage return, and DEL.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MESSAGE = _("Control characters (such as NUL or ESC) are not allowed; remove them and try again.")


def refuse_control_characters(value) -> None:
    """ValidationError when `value` is text holding a control character."""
    if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
        raise ValidationError(MESSAGE, code="control_characters")


def install(app_models) -> None:
    """Add the validator to every CharField and TextField of `app_models` (once)."""
    for model in app_models:
        for field in model._meta.local_fields:
            if isinstance(field, models.CharField | models.TextField) and (
                refuse_control_characters not in field.validators
            ):
                # `validators` is a cached property: extend its value, not the field's declared
                # `_validators`, so that migrations do not see a change to every text field.
                field.__dict__["validators"] = [*field.validators, refuse_control_characters]
