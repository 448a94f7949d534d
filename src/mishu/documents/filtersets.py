import datetime

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mishu.core.filtersets import PeriodFilter

from .choices import Direction, HandlingMode, Office, Speed, State, Timeliness
from .deadlines import LONG_PENDING_DAYS
from .models import Document

LIST_CHOICES = (
    ("overdue", _("Past deadline")),
    ("near", _("Deadline within 2 days")),
    ("long_pending", _("Pending more than 27 days")),
)


class DocumentFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Number or subject contains"))
    office = django_filters.ChoiceFilter(choices=Office.choices, label=_("office"))
    direction = django_filters.ChoiceFilter(choices=Direction.choices, label=_("direction"))
    state = django_filters.ChoiceFilter(choices=State.choices, label=_("state"))
    speed = django_filters.ChoiceFilter(choices=Speed.choices, label=_("speed class"))
    handling_mode = django_filters.ChoiceFilter(
        choices=HandlingMode.choices, label=_("handling mode")
    )
    timeliness = django_filters.ChoiceFilter(choices=Timeliness.choices[1:], label=_("timeliness"))
    period = PeriodFilter(field_name="registered_on", label=_("Registered in period"))
    open = django_filters.BooleanFilter(
        field_name="closed_on", lookup_expr="isnull", label=_("Open")
    )
    control = django_filters.ChoiceFilter(
        choices=LIST_CHOICES, method="control_list", label=_("Timeliness list")
    )

    class Meta:
        model = Document
        fields = ["division", "handler", "sender"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(number__icontains=value) | Q(subject__icontains=value))

    def control_list(self, queryset, name, value):
        return control_list(queryset, value)


def control_list(queryset, name: str, today: datetime.date | None = None):
    """Open documents past their deadline, near it (within 2 calendar days), or pending more
    than 27 days since receipt — the monthly lists the seed speaks of."""
    today = today or timezone.localdate()
    open_docs = queryset.filter(closed_on__isnull=True)
    if name == "overdue":
        return open_docs.filter(deadline__lt=today).order_by("deadline", "pk")
    if name == "near":
        return open_docs.filter(
            deadline__gte=today, deadline__lte=today + datetime.timedelta(days=2)
        ).order_by("deadline", "pk")
    if name == "long_pending":
        since = today - datetime.timedelta(days=LONG_PENDING_DAYS)
        return open_docs.filter(registered_on__lt=since).order_by("registered_on", "pk")
    return queryset
