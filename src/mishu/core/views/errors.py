"""Error pages: the API answers in JSON, as its clients expect, everything else in HTML.

Unknown paths under /api/ never reach a DRF view, so Django's handlers answer them; these
handlers keep the API's shape (``{"detail": ...}``) there and Django's pages elsewhere."""

from django.http import JsonResponse
from django.views import defaults
from rest_framework import exceptions

API_PREFIX = "/api/"


def _is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def page_not_found(request, exception):
    if _is_api(request):
        return JsonResponse({"detail": str(exceptions.NotFound.default_detail)}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if _is_api(request):
        detail = str(exceptions.APIException.default_detail)
        return JsonResponse({"detail": detail}, status=500)
    return defaults.server_error(request)
