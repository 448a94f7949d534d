"""Demo data of the reports: the structure「秘書處工作報告」(the secretariat's half-year work report
to the council, every figure a placeholder) and the 108H2 draft written from it, whose sections
carry that half-year's own narrative (visitors named, the yearbook of 2019, the reason fuel rose).

`load()` is idempotent: the structure is created or its body updated by name and made default;
the 108H2 draft is started once and its section texts set from ``draft_108H2.md``, final.
"""

from pathlib import Path

from django.db import transaction

from mishu.core.formats import Period

from . import structure
from .choices import DraftState, SectionState
from .models import DraftEvent, ReportDraft, ReportTemplate, SectionVersion

DRAFT = Path(__file__).resolve().parent / "demo_data" / "draft_108H2.md"
DRAFT_PERIOD = "108H2"
NAME = structure.SHIPPED_NAME
DESCRIPTION = "向市議會提出之半年工作報告的結構：數字全數來自指標、KPI 與大事紀，清單由紀錄產生。"


def load() -> ReportTemplate:
    """Create or update the default structure and the 108H2 draft."""
    template, _created = ReportTemplate.objects.update_or_create(
        name=NAME,
        defaults={
            "body": structure.shipped_body(),
            "description": DESCRIPTION,
            "is_default": True,
        },
    )
    load_draft(template)
    return template


@transaction.atomic
def load_draft(template) -> ReportDraft:
    from . import drafts

    draft = ReportDraft.objects.filter(period=DRAFT_PERIOD).first()
    if draft is None:
        draft = drafts.start(Period.parse(DRAFT_PERIOD), None, template)
    texts = {p.key: p.text for p in structure.split(DRAFT.read_text(encoding="utf-8"))}
    for section in draft.sections.all():
        text = texts.get(section.key, section.body)
        if text != section.body:
            section.body = text
            section.version += 1
            SectionVersion.objects.create(
                section=section, number=section.version, body=text, note="示範資料"
            )
        section.state = SectionState.APPROVED
        section.save()
    if draft.state != DraftState.FINAL:
        before, draft.state = draft.state, DraftState.FINAL
        draft.save()
        DraftEvent.objects.create(
            draft=draft, action="finalise", from_state=before, to_state=draft.state, note="示範資料"
        )
    return draft
