"""The demo's counter records reproduce the seed's 壹五 tables through the computed indicators."""

from decimal import Decimal

import pytest

from mishu.consultations import demo
from mishu.indicators import registry

pytestmark = pytest.mark.django_db

MONTHS = ["108-07", "108-08", "108-09", "108-10", "108-11", "108-12"]


@pytest.mark.parametrize(
    "code,total,rows",
    [
        (
            "services.counter_contacts",
            2703,
            ["民政", "財政建設", "教育", "交通", "工務", "警政衛生"],
        ),
        ("services.coordinated_petitions", 110, ["協處市民個別陳情", "協處民眾集體陳情"]),
        ("services.professional_consultations", 7047, ["法律諮詢", "建築諮詢", "地政諮詢"]),
    ],
)
def test_category_month_tables(code, total, rows):
    demo.load()
    demo.load()  # idempotent
    bd = registry.breakdown(code, "108H2")
    assert bd.total == Decimal(total)
    assert bd.rows == rows and bd.cols == MONTHS
    assert sum(bd.col_totals.values()) == total
    assert registry.value(code, "108-07", category=rows[0], month="108-07") == bd.get(
        rows[0], "108-07"
    )


def test_seed_cells():
    demo.load()
    assert registry.value("services.counter_contacts", "108-08", category="警政衛生") == 9
    bd = registry.breakdown("services.professional_consultations", "108H2")
    assert bd.get("法律諮詢", "108-07") == 858
    assert bd.row_totals["法律諮詢"] == 858 + 800 + 730 + 836 + 788 + 819


def test_volunteers_and_nursing_rooms():
    demo.load()
    assert registry.value("volunteers.service_persons", "108H2") == 111930
    assert registry.value("volunteers.leaflets", "108H2") == 59335
    assert registry.value("services.nursing_rooms", "108H2") == 3
    assert registry.value("services.nursing_room_uses", "108H2") == 3588
