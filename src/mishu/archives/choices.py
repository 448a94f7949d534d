"""Choices of the archives (檔案法, 機關檔案保存年限及銷毀辦法). Each `*_MEMBERS` maps a choice to
the member name the report uses (the seed's words), which must not change with the UI language."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Retention(models.TextChoices):
    """保存年限: permanent or a number of years."""

    PERMANENT = "permanent", _("Permanent")
    Y30 = "30", _("30 years")
    Y25 = "25", _("25 years")
    Y20 = "20", _("20 years")
    Y15 = "15", _("15 years")
    Y10 = "10", _("10 years")
    Y5 = "5", _("5 years")
    Y3 = "3", _("3 years")
    Y1 = "1", _("1 year")


def retention_years(code: str) -> int | None:
    """The years of a retention code; None for permanent."""
    return None if code == Retention.PERMANENT else int(code)


class Medium(models.TextChoices):
    PAPER = "paper", _("Paper")
    ELECTRONIC = "electronic", _("Electronic")


class CaseState(models.TextChoices):
    KEPT = "kept", _("Kept")
    LISTED = "listed", _("On a destruction list")
    DESTROYED = "destroyed", _("Destroyed")
    TRANSFERRED = "transferred", _("Transferred to the national archives")


class ListSource(models.TextChoices):
    OWN = "own", _("Own archives")
    AGENCY = "agency", _("Agency's list (file received)")


class ListState(models.TextChoices):
    DRAFT = "draft", _("Drafted")
    CHECKED = "checked", _("Checked by the archivist")
    HEAD_APPROVED = "head_approved", _("Approved by the office head")
    RECEIVED = "received", _("Received from the agency")
    FIRST_REVIEWED = "first_reviewed", _("First review by the secretariat")
    APPROVED = "approved", _("Approved by the national archives (waiting period)")
    DESTROYED = "destroyed", _("Destroyed")
    RETURNED = "returned", _("Returned")


class Disposition(models.TextChoices):
    """A case's disposition in the planned clean-up (計畫性清理), as the national archives approve."""

    NATIONAL = "national", _("Transfer as national archives")
    PERMANENT = "permanent", _("Kept permanently by the agency")
    TEMPORARY = "temporary", _("Changed to temporary retention")


DISPOSITION_MEMBERS = {
    Disposition.NATIONAL: "移轉為國家檔案",
    Disposition.PERMANENT: "機關永久保存",
    Disposition.TEMPORARY: "改為機關定期保存",
}


class ApplicantKind(models.TextChoices):
    PERSON = "person", _("Person")
    AGENCY = "agency", _("Agency or organisation")


class ApplicationPurpose(models.TextChoices):
    READ = "read", _("Read")
    COPY = "copy", _("Copy")


class ApplicationState(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class RefusalReason(models.TextChoices):
    """The grounds on which an application may be refused (檔案法第 18 條)."""

    NATIONAL_SECRET = "18-1", _("Art. 18(1): national secrets")
    CRIMINAL = "18-2", _("Art. 18(2): criminal records")
    TRADE_SECRET = "18-3", _("Art. 18(3): trade secrets")
    EXAMINATION = "18-4", _("Art. 18(4): examinations and qualification reviews")
    PERSONNEL = "18-5", _("Art. 18(5): personnel and salary records")
    CONFIDENTIALITY = "18-6", _("Art. 18(6): a duty of confidentiality by law or contract")
    PUBLIC_INTEREST = "18-7", _("Art. 18(7): public interest or third parties' rights")
