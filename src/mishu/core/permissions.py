"""Who may do what: the one place where roles and divisions turn into rights.

Every list, detail page, export, API response and report section asks `restrict()` (via
`RestrictedQuerySet`) instead of filtering by hand.
"""

from .choices import RoleCode

VIEW, ADD, CHANGE, DELETE = "view", "add", "change", "delete"
ACTIONS = (VIEW, ADD, CHANGE, DELETE)
ALL = object()  # sentinel: no division filter applies

WRITER_ROLES = (RoleCode.CLERK, RoleCode.SUPERVISOR, RoleCode.EVALUATOR, RoleCode.ADMIN)


def is_administrator(user) -> bool:
    """Administrators (and superusers) see and change everything."""
    return bool(user and user.is_authenticated and user.is_active and user.has_role(RoleCode.ADMIN))


def division_scope(user, action: str):
    """The division a user's `action` is confined to: `ALL`, a division id, or None for nothing."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    if not (user and user.is_authenticated and user.is_active):
        return None
    if is_administrator(user):
        return ALL
    # Research and evaluation officers compile the report: they read every division.
    if action == VIEW and user.has_role(RoleCode.EVALUATOR):
        return ALL
    if user.division_id is None:
        return None
    if action == VIEW or user.has_role(*WRITER_ROLES):
        return user.division_id
    return None


def can(user, action: str, obj) -> bool:
    """Whether `user` may perform `action` on the saved object `obj`."""
    model = type(obj)
    return model._default_manager.restrict(user, action).filter(pk=obj.pk).exists()


def can_add_to(user, division_id) -> bool:
    """Whether `user` may create a record owned by the given division."""
    scope = division_scope(user, ADD)
    return scope is ALL or (scope is not None and scope == division_id)
