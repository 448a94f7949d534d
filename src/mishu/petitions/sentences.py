"""Collective petitions written as report sentences (the ``petitions.collective`` list source),
e.g. ``108年10月8日公車駕駛工會 50 人於市政大樓府前廣場陳情，0.75 小時後完成解散。``.
No personal data: a collective petition names a group, never a person."""

from mishu.core import formats
from mishu.indicators import registry
from mishu.reports import sources

from .models import CollectivePetition


def sentence(p: CollectivePetition) -> str:
    """One collective petition as a sentence."""
    when = sources.compact_date(p.date)
    text = f"{when}{p.group} {formats.format_int(p.size)} 人於{p.place}陳情"
    if p.subject:
        text += f"（{p.subject}）"
    if p.dispersed_at:
        text += f"，{p.hours_to_dispersal} 小時後完成解散"
    return text + "。"


@sources.register("petitions.collective")
def collective_sentences(period, user=None, **filters) -> list[str]:
    """The ``petitions.collective`` list source: the period's collective petitions, oldest first."""
    if filters:
        raise ValueError("petitions.collective 不支援參數：" + "、".join(sorted(filters)))
    qs = registry.records(CollectivePetition, user).filter(date__range=(period.start, period.end))
    return [sources.markdown_safe(sentence(p)) for p in qs.order_by("date", "pk")]
