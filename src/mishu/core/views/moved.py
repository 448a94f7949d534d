"""Addresses that moved: old bookmarks, links in e-mails and API clients keep working.

`moved(new_prefix_for)` answers every request under an old prefix with a permanent redirect to
the new address (same rest of the path, same query). GET and HEAD get 301; other methods get 308,
so an API client's POST is repeated as a POST at the new address, body and all.
"""

from collections.abc import Callable

from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.utils.http import url_has_allowed_host_and_scheme


class PermanentRedirectKeepMethod(HttpResponsePermanentRedirect):
    status_code = 308


def moved(new_prefix_for: Callable[[str], str]):
    """A view for `path("<old>/<path:rest>", ...)`: `new_prefix_for(first segment of rest)`
    gives the new prefix, e.g. "/venues/"."""

    def view(request, rest: str = "") -> HttpResponse:
        target = new_prefix_for(rest.split("/", 1)[0]) + rest
        query = request.META.get("QUERY_STRING", "")
        if query:
            target += "?" + query
        if not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
            return HttpResponse(status=404)
        if request.method in ("GET", "HEAD"):
            return HttpResponsePermanentRedirect(target)
        return PermanentRedirectKeepMethod(target)

    view.csrf_exempt = True  # it writes nothing: the new address checks the token
    return view
