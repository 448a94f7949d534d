"""Who may do what: the one place where roles and divisions turn into rights.

Every list, detail page, export, API response and report section asks `restrict()` (via
`RestrictedQuerySet`) instead of filtering by hand.
"""

from django.conf import settings

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


def is_owner_field(model, name: str) -> bool:
    """Whether the related field `name` of `model` is the one that decides its owning division
    (`division_path` starts with it), e.g. a booking's ``division``."""
    path = getattr(model, "division_path", "") or ""
    return bool(name) and path.split("__")[0] == name and path != "pk"


def related_choices(queryset, user, *, model=None, name: str = "", action: str = CHANGE):
    """The records of `queryset` that `user` may point a related field of `model` at, when
    performing `action` (add or change) on the record that holds the field.

    One rule for every form, serializer and import:
    - the field that decides the record's own division (`division`) offers only the divisions
      the user may write to (a clerk: their own);
    - shared reference data (agencies, divisions named as a counterpart, indicators) stays
      selectable by every signed-in user;
    - any other record must be one the user may *change*: a 文書組 clerk cannot hang a rate,
      a booking or a fuel log on a 市政大樓 venue or vehicle;
    - a person (a handler, an assignee) must be an active user of a division the user may write
      to: see `user_choices`.
    Models without a restricted queryset (content types) are left as they are.
    """
    target = queryset.model
    if is_person(target):
        return user_choices(queryset, user, action)
    if model is not None and is_owner_field(model, name) and target._meta.label == "core.Division":
        scope = division_scope(user, action)
        if scope is ALL:
            return queryset
        return queryset.none() if scope is None else queryset.filter(pk=scope)
    if not hasattr(queryset, "restrict"):
        return queryset
    if getattr(target, "is_reference_data", False):
        return queryset.restrict(user, VIEW)
    return queryset.restrict(user, CHANGE)


def is_person(model) -> bool:
    """Whether `model` is the user model (a related field naming a member of staff)."""
    return model._meta.label == settings.AUTH_USER_MODEL


def user_choices(queryset, user, action: str = CHANGE):
    """The people of `queryset` that `user` may name on a record they `action` (add or change):
    active users of the divisions the user may write to — all of them for an administrator, the
    clerk's own division's for a clerk, nobody for a reader."""
    scope = division_scope(user, ADD if action == ADD else CHANGE)
    if scope is None:
        return queryset.none()
    queryset = queryset.filter(is_active=True)
    return queryset if scope is ALL else queryset.filter(division_id=scope)
