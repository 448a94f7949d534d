"""Importing phone courtesy tests from a table (CSV, XLSX, ODS), all or nothing: one row per
test call, one column per check (通過/未通過, 是/否), agencies by short name (勞動局) or code.
Every bad row is listed and then nothing is written."""

from mishu.core.imports import cell_bool, cell_date, checked, find_agency, require, row_division

from .choices import Check
from .models import PhoneTest


class PhoneTestImporter:
    """`prepare(row, user)` → an unsaved, checked PhoneTest; `write(tests)` saves them."""

    COLUMNS = (
        "tested_on",
        "tester_agency",
        "tester_name",
        "tested_agency",
        "tested_unit",
        "phone",
        *Check.values,
        "findings",
        "division",
    )
    REQUIRED = ("tested_on", "tester_agency", "tested_agency", "tested_unit", *Check.values)
    EXAMPLE = (
        "108/7/2",
        "勞動局",
        "王測試",
        "秘書處",
        "文書組",
        "1999#1234",
        "未通過",
        "未通過",
        "通過",
        "通過",
        "通過",
        "首接時未報明單位名稱及姓名",
        "",
    )

    def prepare(self, row: dict, user) -> PhoneTest:
        require(row, self.REQUIRED)
        return checked(
            PhoneTest(
                division=row_division(row, user),
                tested_on=cell_date(row, "tested_on"),
                tester_agency=find_agency(row.get("tester_agency"), "tester_agency"),
                tester_name=(row.get("tester_name") or "").strip(),
                tested_agency=find_agency(row.get("tested_agency"), "tested_agency"),
                tested_unit=row["tested_unit"].strip(),
                phone=(row.get("phone") or "").strip(),
                checks={c: cell_bool(row, c) for c in Check.values},
                findings=(row.get("findings") or "").strip(),
                created_by=user,
            )
        )

    def write(self, tests: list[PhoneTest]) -> int:
        """Save the tests one by one, so that each is in the change log."""
        for test in tests:
            test.save()
        return len(tests)
