"""The months of monthly timeliness checks the 研考 section reports come from the register."""

import datetime

from mishu.core.formats import Period
from mishu.documents import services
from mishu.documents.testing import advance
from mishu.indicators import registry

D = datetime.date


def _close(doc, on):
    return advance(doc, "assign", "draft", "sign", "dispatch", on=on)


def test_months_with_statistics_follow_the_closed_documents(incoming):
    p = Period.parse("108H2")
    assert registry.value("documents.timeliness_check_months", p) is None
    _close(services.register(incoming()), D(2019, 7, 3))
    _close(services.register(incoming(received_on=D(2019, 9, 2))), D(2019, 9, 4))
    services.register(incoming(received_on=D(2019, 10, 1)))  # still open: no statistics
    assert registry.value("documents.timeliness_check_months", p) == 2
    assert registry.value("documents.timeliness_check_months", Period.parse("108-09")) == 1
