import datetime
from decimal import Decimal

from mishu.core.formats import Period
from mishu.documents import services
from mishu.documents.models import Document
from mishu.documents.testing import advance
from mishu.indicators import registry

D = datetime.date


def _close(doc, name="dispatch", on=None):
    steps = ("assign", "draft", "sign") if name == "dispatch" else ("assign",)
    return advance(doc, *steps, name, on=on)


def test_counts_come_from_the_register(incoming, org):
    a = services.register(incoming(seal_uses=2))
    _close(a, on=D(2019, 7, 3))
    b = services.register(incoming(received_on=D(2019, 12, 31)))
    _close(b, "file", on=D(2020, 1, 2))
    out = services.register(
        Document(
            division=org["documents"],
            office="city",
            direction="outgoing",
            subject="函",
            registered_on=D(2019, 8, 1),
            seal_uses=1,
        )
    )
    out = advance(out, "sign", "dispatch", on=D(2019, 8, 2))
    p = Period.parse("108H2")
    assert registry.get("documents.received").source == "computed"
    assert registry.value("documents.received", p) == 2
    assert registry.value("documents.sent", p) == 2
    assert registry.value("documents.sealed", p) == 3
    # a period the register has not reached is missing, not zero
    assert registry.value("documents.received", Period.parse("109H1")) is None


def test_secretariat_signoff_ratios(incoming):
    modes = [
        ("paper", "scanned"),
        ("paper", "scanned"),
        ("paper", "paper"),
        ("electronic", "online"),
    ]
    for medium, mode in modes:
        services.register(incoming(office="secretariat", medium=medium, handling_mode=mode))
    services.register(incoming(office="city", medium="paper", handling_mode="paper"))
    year = Period.parse("108")
    assert registry.value("edocs.paper_signoff_cases", year) == 2
    assert registry.value("edocs.paper_signoff_ratio", year) == Decimal("0.6667")
    assert registry.value("edocs.online_signoff_cases", year) == 3
    assert registry.value("edocs.online_signoff_ratio", year) == Decimal("0.75")
    assert registry.value("edocs.online_signoff_ratio", Period.parse("107")) is None


def test_secretariat_figures_are_missing_without_its_documents(incoming):
    """The city's documents alone say nothing of the secretariat's own (本處): its sign-off
    figures are missing, not 0 件; once it has a document, a count it lacks is a true zero."""
    services.register(incoming(office="city", medium="paper", handling_mode="scanned"))
    year = Period.parse("108")
    assert registry.value("documents.received", year) == 1
    for code in ("documents.secretariat_registered", "documents.secretariat_paper_online"):
        assert registry.value(code, year) is None, code
    assert registry.value("edocs.paper_signoff_cases", year) is None
    assert registry.value("edocs.online_signoff_cases", year) is None
    services.register(incoming(office="secretariat", medium="electronic", handling_mode="online"))
    assert registry.value("edocs.online_signoff_cases", year) == 1
    assert registry.value("edocs.paper_signoff_cases", year) == 0
    assert registry.value("edocs.paper_signoff_ratio", year) is None  # no paper incoming


def test_demo_reproduces_the_seed(org):
    from mishu.documents import demo

    demo.load()
    demo.load()  # idempotent
    h2, year = Period.parse("108H2"), Period.parse("108")
    assert registry.value("documents.received", h2) == 44651
    assert registry.value("documents.sent", h2) == 69707
    assert registry.value("documents.sealed", h2) == 94920
    assert registry.value("edocs.paper_signoff_cases", year) == 1770
    assert registry.value("edocs.paper_signoff_ratio", year) == Decimal("0.7166")
    assert registry.value("edocs.online_signoff_cases", year) == 12391
    assert registry.value("edocs.online_signoff_ratio", year) == Decimal("0.9378")
    assert registry.value("edocs.paper_signoff_ratio", Period.parse("107")) == Decimal("0.3072")
    numbers = Document.objects.filter(office="city", year=108).order_by("serial")
    assert numbers.first().number == "府秘文字第1080000001號"
    assert numbers.count() == numbers.last().serial  # no gaps, no duplicates


def test_synth_command_refuses_bad_arguments(org):
    import pytest
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError):
        call_command("synth", "documents", "--scale", "0")
    with pytest.raises(CommandError):
        call_command("synth", "nosuchapp")


def test_monthly_page_charts_documents_received_per_month(incoming, org, make_user, client_for):
    from django.urls import reverse

    for day in (1, 2):
        services.register(incoming(received_on=D(2019, 7, day)))
    services.register(incoming(received_on=D(2019, 9, 5)))
    client = client_for(make_user("documents", ["clerk"]))
    page = client.get(reverse("documents:monthly"), {"month": "108-09"})
    rows = page.context["received_chart"].rows
    assert len(rows) == 12 and rows[-1][0] == Period.parse("108-09").label
    # the indicator's own figures: 2 in July, 1 in September; August has no registration at
    # all, so it is missing (—), never drawn as zero
    assert [f for _l, f in rows[-3:]] == ["2件", "—", "1件"]
    assert 'id="chart-documents-received"' in page.content.decode()
