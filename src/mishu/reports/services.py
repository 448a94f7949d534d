"""Write logic of the reports app: saving built reports."""

from django.core.files.base import ContentFile

from .models import BuiltReport
from .rendering import build


def save_report(period, fmt: str, template=None, user=None, font: str = "sans") -> BuiltReport:
    """Build the report and keep the file as a BuiltReport (with its missing values)."""
    built = build(period, fmt, template, user, font=font)
    report = BuiltReport(
        period=built.period.code,
        template=built.template,
        draft=built.draft,
        format=fmt,
        built_by=user if getattr(user, "is_authenticated", False) else None,
        from_snapshot=built.from_snapshot,
        missing=[str(m) for m in built.missing],
    )
    report.file.save(f"report-{built.period.code}.{fmt}", ContentFile(built.content), save=False)
    report.save()
    return report
