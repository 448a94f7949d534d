"""API permission: signed-in users, and object rights from the restricted queryset."""

from rest_framework import permissions

from .. import permissions as rights

_ACTION = {
    "GET": rights.VIEW,
    "HEAD": rights.VIEW,
    "OPTIONS": rights.VIEW,
    "POST": rights.ADD,
    "PUT": rights.CHANGE,
    "PATCH": rights.CHANGE,
    "DELETE": rights.DELETE,
}


class RestrictedObjectPermission(permissions.IsAuthenticated):
    """Authenticated users only; each object must be inside the user's restricted queryset."""

    def has_object_permission(self, request, view, obj):
        return rights.can(request.user, _ACTION.get(request.method, rights.CHANGE), obj)
