"""The API's one pagination: `?limit=&offset=`, 50 by default, never more than
`MISHU_API_MAX_PAGE_SIZE` (500) rows a page, whatever `limit` asks for."""

from django.conf import settings
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.settings import api_settings


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    """LimitOffsetPagination with a ceiling: `?limit=1000000` is served as the maximum page."""

    @property
    def max_limit(self):
        return settings.MISHU_API_MAX_PAGE_SIZE

    @property
    def default_limit(self):
        return min(api_settings.PAGE_SIZE or self.max_limit, self.max_limit)
