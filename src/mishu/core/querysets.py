"""The restricted queryset: one mechanism that scopes every read and write by division."""

from django.db import models


class RestrictedQuerySet(models.QuerySet):
    """A queryset that knows how to narrow itself to what a user may see or change.

    A model declares `division_path` (the lookup from the model to its owning division's id,
    e.g. ``"division"`` or ``"case__division"``), or `is_reference_data = True` for shared
    reference tables that every signed-in user reads and only administrators change (and the
    roles a model names in `reference_editors`, e.g. the evaluators for the strategy map).
    """

    def restrict(self, user, action: str = "view"):
        """Only the rows `user` may perform `action` on."""
        from . import permissions

        model = self.model
        if getattr(model, "is_reference_data", False):
            if action == permissions.VIEW:
                return self if user and user.is_authenticated else self.none()
            editors = getattr(model, "reference_editors", ())
            may = permissions.is_administrator(user) or bool(
                editors and user and user.is_authenticated and user.has_role(*editors)
            )
            return self if may else self.none()
        scope = permissions.division_scope(user, action)
        if scope is permissions.ALL:
            return self
        if scope is None:
            return self.none()
        return self.filter(**{model.division_path: scope})
