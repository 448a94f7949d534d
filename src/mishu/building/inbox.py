"""What the building's upkeep puts in the inbox (core.inbox): the building projects the unit
must bring to acceptance by their scheduled date (驗收), and those past it."""

from django.utils.translation import gettext_lazy as _

from mishu.core import inbox

from .models import BuildingProject


def _project(p: BuildingProject) -> inbox.Item:
    return inbox.Item(
        kind=str(_("Building project")),
        title=p.title,
        url=p.get_absolute_url(),
        deadline=p.due_on,
        note=str(_("to be accepted")),
        remind_within=10,
    )


def _open(user):
    return BuildingProject.objects.restrict(user, "view").filter(
        accepted_on__isnull=True, due_on__isnull=False
    )


PROVIDER = inbox.unit_provider("building", _open, _project, workdays=False)
