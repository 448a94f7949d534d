"""Reading the change log of one record."""

from django.contrib.contenttypes.models import ContentType

from .models import ObjectChange


def changes_for(obj):
    """Every logged change of `obj`, newest first."""
    ct = ContentType.objects.get_for_model(type(obj), for_concrete_model=False)
    return ObjectChange.objects.filter(content_type=ct, object_id=str(obj.pk)).select_related(
        "user"
    )
