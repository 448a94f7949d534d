"""The generic change log: every create, update and delete, whatever path it came through.

Web requests get their context from `AuditMiddleware`; API requests from the audited DRF
authentication classes; commands from `mishu.cli`; imports wrap their writes in
`audit_context(source="import")`. Models opt out with `audit_exclude = True`, hide a field's
values with `audit_mask = {"field"}` and skip fields with `audit_skip = {"field"}`.
"""

import datetime
import decimal
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from . import versions
from .choices import ChangeAction, ChangeSource

AUDITED_APPS = {"auth"}  # plus every app under the mishu package
ALWAYS_SKIPPED = {"last_updated", "last_login", "created"}
MASK = "●●●"
# a masked field that changed: the entry says so, never with either value
MASK_CHANGED = "●●●（已變更）"


@dataclass(frozen=True)
class AuditContext:
    """Who is acting, through which path and request."""

    user: object = None
    actor_name: str = ""
    source: str = ChangeSource.SYSTEM
    request_id: uuid.UUID | None = None


_current: ContextVar[AuditContext | None] = ContextVar("mishu_audit_context", default=None)


def current_context() -> AuditContext:
    """The acting context, or a `system` one when nothing set it."""
    return _current.get() or AuditContext(actor_name="system")


@contextmanager
def audit_context(
    *,
    user=None,
    source: str = ChangeSource.SYSTEM,
    actor_name: str = "",
    request_id: uuid.UUID | None = None,
) -> Iterator[AuditContext]:
    """Attribute every write inside the block to `user` (or `actor_name`) via `source`."""
    ctx = AuditContext(
        user=user,
        actor_name=actor_name or (str(user) if user else "system"),
        source=source,
        request_id=request_id or uuid.uuid4(),
    )
    token = _current.set(ctx)
    try:
        yield ctx
    finally:
        _current.reset(token)


def set_user(user) -> None:
    """Name the authenticated user in the current context (API auth happens after middleware)."""
    ctx = current_context()
    if user is not None and getattr(user, "is_authenticated", False) and ctx.user != user:
        _current.set(replace(ctx, user=user, actor_name=user.get_username()))


def is_audited(model) -> bool:
    """Whether writes to `model` are logged."""
    from .models import ObjectChange

    if model is ObjectChange or getattr(model, "audit_exclude", False) or model._meta.abstract:
        return False
    return model._meta.app_label in AUDITED_APPS or model.__module__.startswith("mishu.")


def _json_value(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if hasattr(value, "name") and hasattr(value, "storage"):  # FieldFile
        return value.name or None
    if isinstance(value, list | tuple | set):
        return [_json_value(v) for v in value]
    return value


def snapshot(instance) -> dict:
    """The instance's concrete field values, ready for JSON."""
    model = type(instance)
    skipped = ALWAYS_SKIPPED | set(getattr(model, "audit_skip", ()))
    masked = set(getattr(model, "audit_mask", ())) | {"password"}
    data = {}
    for field in model._meta.concrete_fields:
        if field.name in skipped:
            continue
        value = _json_value(field.value_from_object(instance))
        data[field.name] = MASK if (field.name in masked and value not in (None, "")) else value
    return data


def _masked_values(instance) -> dict:
    """The raw values of the masked fields, kept in memory only to tell that one changed."""
    masked = set(getattr(type(instance), "audit_mask", ())) | {"password"}
    return {
        f.name: f.value_from_object(instance)
        for f in type(instance)._meta.concrete_fields
        if f.name in masked
    }


def diff(before: dict, after: dict) -> dict:
    """The fields whose values differ, as {field: [before, after]}."""
    return {
        name: [before.get(name), after.get(name)]
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }


def record(instance, action: str, changes: dict):
    """Write one change-log entry for `instance` in the current context."""
    from .models import ObjectChange

    ctx = current_context()
    user = ctx.user if getattr(ctx.user, "pk", None) else None
    return ObjectChange.objects.create(
        user=user,
        actor_name=ctx.actor_name[:150] or "system",
        request_id=ctx.request_id,
        source=ctx.source,
        action=action,
        content_type=ContentType.objects.get_for_model(type(instance), for_concrete_model=False),
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        changes=changes,
    )


@receiver(pre_save)
def _before_save(sender, instance, raw=False, **kwargs):
    if raw or not is_audited(sender):
        return
    before = None
    if instance.pk is not None and not instance._state.adding:
        old = sender._base_manager.filter(pk=instance.pk).first()
        before = snapshot(old) if old is not None else None
        if old is not None:
            instance._audit_masked_before = _masked_values(old)
    instance._audit_before = before


@receiver(post_save)
def _after_save(sender, instance, created, raw=False, **kwargs):
    if raw or not is_audited(sender):
        return
    before = getattr(instance, "_audit_before", None)
    after = snapshot(instance)
    if created or before is None:
        changes = {k: [None, v] for k, v in after.items() if v not in (None, "", [], {})}
        record(instance, ChangeAction.CREATE, changes)
    else:
        changes = diff(before, after)
        # both sides of a masked field read ●●●: compare the values themselves, log only the fact
        masked_before = getattr(instance, "_audit_masked_before", None) or {}
        for name, value in _masked_values(instance).items():
            if name in after and name not in changes and masked_before.get(name, value) != value:
                changes[name] = [before.get(name), MASK_CHANGED]
        if changes:
            record(instance, ChangeAction.UPDATE, changes)
    instance._audit_before = after
    instance._audit_masked_before = _masked_values(instance)


@receiver(pre_delete)
def _before_delete(sender, instance, **kwargs):
    if is_audited(sender):
        instance._audit_deleted = snapshot(instance)
        instance._audit_pk = instance.pk


@receiver(post_delete)
def _after_delete(sender, instance, **kwargs):
    if not is_audited(sender):
        return
    before = getattr(instance, "_audit_deleted", None) or snapshot(instance)
    if instance.pk is None:
        instance.pk = getattr(instance, "_audit_pk", None)
    record(
        instance, ChangeAction.DELETE, {k: [v, None] for k, v in before.items() if v is not None}
    )


@receiver(m2m_changed)
def _m2m_changed(sender, instance, action, model, pk_set, **kwargs):
    if action not in {
        "pre_add",
        "pre_remove",
        "pre_clear",
        "post_add",
        "post_remove",
        "post_clear",
    }:
        return
    if not is_audited(type(instance)):
        return
    field = next(
        (f for f in type(instance)._meta.many_to_many if f.remote_field.through is sender), None
    )
    if field is None:
        return
    current = sorted(getattr(instance, field.name).values_list("pk", flat=True))
    if action.startswith("pre_"):
        instance.__dict__.setdefault("_audit_m2m", {})[field.name] = current
        return
    before = instance.__dict__.get("_audit_m2m", {}).pop(field.name, current)
    if before != current:
        record(instance, ChangeAction.UPDATE, {field.name: [before, current]})


def record_created(instances) -> int:
    """One `create` change-log entry per instance written by `bulk_create` (which sends no
    signals), in the current context; the instances must have their primary keys."""
    from .models import ObjectChange

    ctx = current_context()
    user = ctx.user if getattr(ctx.user, "pk", None) else None
    types = {}
    entries = []
    for instance in instances:
        model = type(instance)
        if model not in types:
            types[model] = ContentType.objects.get_for_model(model, for_concrete_model=False)
        entries.append(
            ObjectChange(
                user=user,
                actor_name=ctx.actor_name[:150] or "system",
                request_id=ctx.request_id,
                source=ctx.source,
                action=ChangeAction.CREATE,
                content_type=types[model],
                object_id=str(instance.pk),
                object_repr=str(instance)[:200],
                changes=diff({}, snapshot(instance)),
            )
        )
    ObjectChange.objects.bulk_create(entries, batch_size=2000)
    versions.changed()  # bulk_create sent no signal
    return len(entries)
