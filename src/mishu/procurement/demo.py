"""Demo tender cases: the 8 awarded in 108H2 for NT$5,346,870 (the seed's 「534 萬餘元」), and
one still open. `load()` is idempotent (cases are found by number)."""

import datetime
from decimal import Decimal

from mishu.core.models import Division

from .models import TenderCase

# (number, subject, method, budget, published, awarded, amount, vendor)
CASES = [
    (
        "108A001",
        "市政大樓清潔維護勞務採購",
        "open",
        1450000,
        "2019-06-10",
        "2019-07-05",
        1398000,
        "示範清潔公司",
    ),
    ("108A002", "公務車輛租賃", "open", 980000, "2019-06-24", "2019-07-19", 952300, "示範租賃公司"),
    (
        "108A003",
        "職務宿舍修繕工程",
        "open",
        720000,
        "2019-07-15",
        "2019-08-09",
        688570,
        "示範營造公司",
    ),
    ("108A004", "辦公用品集中採購", "small", 95000, None, "2019-08-27", 91200, "示範文具行"),
    (
        "108A005",
        "市府大樓植栽養護",
        "open",
        560000,
        "2019-08-20",
        "2019-09-16",
        531800,
        "示範園藝公司",
    ),
    (
        "108A006",
        "會議室視訊設備汰換",
        "limited",
        850000,
        "2019-09-09",
        "2019-10-07",
        812000,
        "示範資訊公司",
    ),
    ("108A007", "職舍消防設備檢修", "small", 150000, None, "2019-11-12", 142000, "示範消防公司"),
    (
        "108A008",
        "年終公文檔案整理勞務",
        "open",
        760000,
        "2019-11-01",
        "2019-12-02",
        731000,
        "示範服務公司",
    ),
    ("109A001", "109 年度市政大樓保全勞務", "open", 3200000, "2019-12-16", None, None, ""),
]


def _d(text):
    return datetime.date.fromisoformat(text) if text else None


def load() -> None:
    """Create or update the demo tender cases."""
    division = Division.objects.get(code="general-affairs")
    for number, subject, method, budget, published, awarded, amount, vendor in CASES:
        TenderCase.objects.update_or_create(
            division=division,
            number=number,
            defaults={
                "subject": subject,
                "method": method,
                "budget": Decimal(budget),
                "published_on": _d(published),
                "awarded_on": _d(awarded),
                "award_amount": None if amount is None else Decimal(amount),
                "vendor": vendor,
                "result_published_on": _d(awarded),
            },
        )
