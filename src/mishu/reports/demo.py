"""Demo data of the reports: the default template「秘書處工作報告」, the secretariat's half-year
work report to the council with every figure a placeholder.

`load()` is idempotent: the template is created or its body updated by name, and made default.
"""

from pathlib import Path

from .models import ReportTemplate

TEMPLATE = Path(__file__).resolve().parent / "demo_data" / "default_template.md"
NAME = "秘書處工作報告"
DESCRIPTION = (
    "向市議會提出之半年工作報告（以 108 年下半年報告為本）：數字全數來自指標、KPI 與大事紀。"
)


def load() -> ReportTemplate:
    """Create or update the default report template."""
    template, _created = ReportTemplate.objects.update_or_create(
        name=NAME,
        defaults={
            "body": TEMPLATE.read_text(encoding="utf-8"),
            "description": DESCRIPTION,
            "is_default": True,
        },
    )
    return template
