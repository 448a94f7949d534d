"""Background tasks of 總務組 (run in-process when no broker is configured)."""

from celery import shared_task
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from mishu.core import formats


@shared_task
def send_allocation_notice(allocation_id: int) -> bool:
    """E-mail the applicant the notice of a room allocated (in Chinese); False if there is no
    one to tell (the allocation is gone, has no address, or no longer awaits the move-in)."""
    from .models import Allocation
    from .models.dormitory import AllocationStatus

    allocation = (
        Allocation.objects.select_related("room__building", "division")
        .filter(pk=allocation_id, status=AllocationStatus.NOTIFIED)
        .first()
    )
    if allocation is None or not allocation.applicant_email or allocation.room is None:
        return False
    with translation.override("zh-hant"):
        context = {
            "a": allocation,
            "room": allocation.room,
            "notified": formats.format_date(allocation.notified_on),
            "applied": formats.format_date(allocation.applied_on),
        }
        subject = render_to_string("properties/email/allocation_subject.txt", context).strip()
        body = render_to_string("properties/email/allocation_body.txt", context)
    send_mail(subject, body, None, [allocation.applicant_email])
    return True
