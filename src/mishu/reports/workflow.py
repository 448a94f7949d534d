"""The report draft's workflow as data: who may take which step from which state.

A section is written by its division's clerks (or supervisor) and submitted; the division's
supervisor approves it or returns it. Sections with no division are written and approved by the
research and evaluation officers (研考). When every section is approved the evaluator compiles
the draft, sends it to review and finalises it; a final draft is locked once its period closes.

Roles: ``writer`` = clerk or supervisor of the section's division (研考 for an unowned section);
``approver`` = supervisor of the section's division (研考 for an unowned section);
``evaluator`` = research and evaluation officer or administrator.
"""

from .choices import DraftState as D
from .choices import SectionState as S

# name: (source states, target state, label, who)
SECTION_TRANSITIONS = {
    "submit": ((S.EDITING, S.RETURNED), S.SUBMITTED, "送主管核定", "writer"),
    "approve": ((S.SUBMITTED,), S.APPROVED, "核定", "approver"),
    "return": ((S.SUBMITTED, S.APPROVED), S.RETURNED, "退回修改", "approver"),
}
# The draft states in which a section's writer may still edit or move it.
SECTION_OPEN = (D.DRAFTING,)
# A section's writer edits it in these states; the evaluator edits any section while compiling.
EDITABLE = (S.EDITING, S.RETURNED)

DRAFT_TRANSITIONS = {
    "compile": ((D.DRAFTING,), D.COMPILING, "彙編（各章節均已核定）", "evaluator"),
    "review": ((D.COMPILING,), D.REVIEW, "送審閱", "evaluator"),
    "finalise": ((D.REVIEW,), D.FINAL, "定稿", "evaluator"),
    "reopen": ((D.COMPILING, D.REVIEW, D.FINAL), D.DRAFTING, "退回各單位撰寫", "evaluator"),
}

# Steps that send work back: the person taking them must say why.
NEEDS_REASON = ("return", "reopen")

OTHER_EVENTS = {
    "start": "建立草稿",
    "edit": "修改內容",
    "comment": "提出意見",
}


def section_allowed(state: str) -> list[str]:
    return [n for n, (src, *_rest) in SECTION_TRANSITIONS.items() if state in src]


def draft_allowed(state: str) -> list[str]:
    return [n for n, (src, *_rest) in DRAFT_TRANSITIONS.items() if state in src]


def event_label(name: str) -> str:
    for table in (SECTION_TRANSITIONS, DRAFT_TRANSITIONS):
        if name in table:
            return table[name][2]
    return OTHER_EVENTS.get(name, name)
