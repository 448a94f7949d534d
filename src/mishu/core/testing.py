"""Test helpers other apps import: user factories with a division and roles; the data
version's commit inside a test."""

import factory
from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS, connections

from . import versions
from .models import Division, Role


def division(code: str) -> Division:
    """One of the divisions every database has (see `core/data/organisation.py`)."""
    return Division.objects.get(code=code)


class UserFactory(factory.django.DjangoModelFactory):
    """A member of staff. `UserFactory(division="media", roles=["clerk"])`."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"測試{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.gov.tw")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @classmethod
    def _create(cls, model_class, *args, division=None, **kwargs):
        if isinstance(division, str):
            division = Division.objects.get(code=division)
        return super()._create(model_class, *args, division=division, **kwargs)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        codes = extracted if extracted is not None else ["clerk"]
        if create:
            self.roles.set([Role.objects.get(code=c) for c in codes])
            self.save()


PASSWORD = "correct-horse-battery"


def post_public_form(client, url: str, data: dict, follow: bool = True, **extra):
    """Send a public form as a browser does: open the page (for its one-time token), then post
    what the citizen typed; followed to the confirmation page unless `follow` is False."""
    page = client.get(url, **extra)
    token = page.context["form_token"]
    return client.post(url, {"form_token": token, **data}, follow=follow, **extra)


def commit_data_version(using: str = DEFAULT_DB_ALIAS) -> None:
    """What a commit does to the data's version (core.versions), inside a test's transaction,
    which never commits: the writes so far move it now and are no longer pending."""
    conn = connections[using]
    moves = [c for c in conn.run_on_commit if versions.is_move(c[1])]
    conn.run_on_commit = [c for c in conn.run_on_commit if not versions.is_move(c[1])]
    for _sids, move, _robust in moves:
        move()
