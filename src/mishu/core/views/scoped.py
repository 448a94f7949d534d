"""An edit page whose related-record fields offer only what the user may use: records of the
divisions they may change (reference data such as agencies: what they may read)."""

from django.db.models import ForeignKey

from .. import permissions as rights
from .generic import ObjectEditView


class ScopedEditView(ObjectEditView):
    """The generic edit page, with every related-record field (city, meeting, session …)
    limited by the restricted queryset."""

    def get_form(self, instance):
        form = super().get_form(instance)
        for field in self.model._meta.fields:
            if (
                not isinstance(field, ForeignKey)
                or field.name == "division"
                or field.name not in form.fields
                or not hasattr(field.related_model.objects, "restrict")
            ):
                continue
            reference = getattr(field.related_model, "is_reference_data", False)
            action = rights.VIEW if reference else rights.CHANGE
            qs = form.fields[field.name].queryset
            form.fields[field.name].queryset = qs.restrict(self.request.user, action)
        return form
