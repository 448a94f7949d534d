"""The API's one pagination: `?limit=&offset=`, 50 by default, never more than
`MISHU_API_MAX_PAGE_SIZE` (500) rows a page, whatever `limit` asks for. A `limit` or `offset`
that is not a whole number is refused with a 400 (DRF would silently use the default)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.settings import api_settings

NOT_A_COUNT = _("Give a whole number of zero or more.")


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    """LimitOffsetPagination with a ceiling: `?limit=1000000` is served as the maximum page."""

    @property
    def max_limit(self):
        return settings.MISHU_API_MAX_PAGE_SIZE

    @property
    def default_limit(self):
        return min(api_settings.PAGE_SIZE or self.max_limit, self.max_limit)

    def _checked(self, request, name):
        values = request.query_params.getlist(name)
        for value in values:
            if not (value.isascii() and value.isdigit()):
                raise ValidationError({name: [NOT_A_COUNT]})

    def get_limit(self, request):
        self._checked(request, self.limit_query_param)
        return super().get_limit(request)

    def get_offset(self, request):
        self._checked(request, self.offset_query_param)
        return super().get_offset(request)
