"""The catalogue's search: by 檔號 (its beginning), subject, document date (period or range) and
class."""

import re

import django_filters
from django.utils.translation import gettext_lazy as _

from mishu.core.filtersets import PeriodFilter
from mishu.core.forms import RocDateField

from .models import ArchiveItem


class RocDateFilter(django_filters.DateFilter):
    field_class = RocDateField


class CatalogueFilterSet(django_filters.FilterSet):
    code = django_filters.CharFilter(method="code_prefix", label=_("File code begins with"))
    q = django_filters.CharFilter(field_name="subject", lookup_expr="icontains", label=_("Subject"))
    period = PeriodFilter(field_name="doc_date", label=_("Period"))
    date_from = RocDateFilter(field_name="doc_date", lookup_expr="gte", label=_("Dated from"))
    date_to = RocDateFilter(field_name="doc_date", lookup_expr="lte", label=_("Dated to"))
    archive_class = django_filters.CharFilter(
        field_name="case_file__archive_class__code", label=_("Class number")
    )

    class Meta:
        model = ArchiveItem
        fields = ["division", "medium"]

    DATE_FILTERS = ("period", "date_from", "date_to")

    def code_prefix(self, qs, name, value):
        """檔號 beginning with `value`. A code of digits and hyphens is also given as a range
        (prefix ≤ code < prefix with its last character raised), which the (division,
        file_code) index answers in order whatever the database's collation."""
        value = value.strip()
        if not value:
            return qs
        qs = qs.filter(file_code__startswith=value)
        if re.fullmatch(r"[0-9-]+", value):
            upper = value[:-1] + chr(ord(value[-1]) + 1)
            qs = qs.filter(file_code__gte=value, file_code__lt=upper)
        return qs

    def filter_queryset(self, queryset):
        qs = super().filter_queryset(queryset)
        # searching by date lists by date: the (division, doc_date) index gives the page
        if any(self.form.cleaned_data.get(f) for f in self.DATE_FILTERS):
            qs = qs.order_by("doc_date", "file_code")
        return qs
