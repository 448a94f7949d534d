"""Reading the change log of one record."""

from django.contrib.contenttypes.models import ContentType

from .models import ObjectChange


def changes_for(obj):
    """Every logged change of `obj`, newest first."""
    ct = ContentType.objects.get_for_model(type(obj), for_concrete_model=False)
    return ObjectChange.objects.filter(content_type=ct, object_id=str(obj.pk)).select_related(
        "user"
    )


def _readable(field, value):
    """A logged value as a person reads it: dates and moments (logged in ISO) in ROC."""
    from django.db import models

    from .tables import display

    if value is None or not isinstance(field, models.DateField):
        return value
    try:
        return display(field.to_python(value))
    except Exception:  # a value logged before the field changed type: show it as logged
        return value


def field_changes(model, change) -> list[tuple[str, object, object]]:
    """(label, before, after) for each field of one logged change of a `model` record: the
    field's verbose name where it still exists, dates written as ROC dates."""
    from .tables import column_label

    fields = {f.name: f for f in model._meta.get_fields()}
    rows = []
    for name, (before, after) in change.changes.items():
        field = fields.get(name)
        if field is None:
            rows.append((name, before, after))
        else:
            rows.append(
                (column_label(model, name), _readable(field, before), _readable(field, after))
            )
    return rows
