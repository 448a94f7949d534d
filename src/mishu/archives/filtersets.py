"""The catalogue's search: by 檔號 (its beginning), subject, document date (period or range) and
class."""

import django_filters
from django.utils.translation import gettext_lazy as _

from mishu.core.filtersets import PeriodFilter
from mishu.core.forms import RocDateField

from .models import ArchiveItem


class RocDateFilter(django_filters.DateFilter):
    field_class = RocDateField


class CatalogueFilterSet(django_filters.FilterSet):
    code = django_filters.CharFilter(
        field_name="file_code", lookup_expr="startswith", label=_("File code begins with")
    )
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
