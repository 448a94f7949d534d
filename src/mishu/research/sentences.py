"""``research.phone_findings``: what the period's phone courtesy tests found wanting, in the
seed's words — failures at the same moment joined (「於首接時未清楚報明業務單位名稱及自己姓名(氏)」),
each kind of failure once."""

from mishu.reports import sources

from .choices import FAILURE_PHRASES, Check
from .models import PhoneTest


@sources.register("research.phone_findings")
def phone_findings(period, user=None, **filters) -> list[str]:
    """One phrase per moment at which some test call failed a check, in the checks' order."""
    if filters:
        raise ValueError(f"research.phone_findings 不支援參數：{'、'.join(sorted(filters))}")
    qs = PhoneTest.objects.all() if user is None else PhoneTest.objects.restrict(user, "view")
    failed = set()
    for test in qs.filter(tested_on__range=(period.start, period.end)):
        failed.update(test.failed)
    by_moment: dict[str, list[str]] = {}
    for code in Check.values:
        if code in failed:
            moment, what = FAILURE_PHRASES[code]
            by_moment.setdefault(moment, []).append(what)
    return [sources.markdown_safe(m + "及".join(whats)) for m, whats in by_moment.items()]
