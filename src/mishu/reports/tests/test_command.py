"""`mishu report PERIOD --format ... --output FILE [--template NAME]`."""

import re

import pytest
from django.core.management import CommandError, call_command


def test_builds_each_format(figures, template, tmp_path):
    template("# 壹、成果\n\n本期用電 {{ value E_KWH }} 度。")
    for fmt in ("html", "odt", "docx", "pdf"):
        target = tmp_path / f"r.{fmt}"
        call_command("report", "108H2", "--format", fmt, "--output", str(target))
        assert target.stat().st_size > 500
    assert "1,151 萬 9,200" in (tmp_path / "r.html").read_text()


def test_named_template_and_missing_warning(figures, template, tmp_path, capsys):
    template("預設", name="預設")
    template("{{ value EMPTY }}", name="另一份", is_default=False)
    call_command(
        "report", "108 年下半年", "--template", "另一份", "--output", str(tmp_path / "x.html")
    )
    err = capsys.readouterr().err
    assert "缺漏數值 1 項" in err and "EMPTY" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["109H3"], "「109H3」不是期別"),
        (["108H2", "--template", "沒有這份"], "找不到範本「沒有這份」"),
    ],
)
def test_bad_input_is_a_command_error_in_chinese(figures, template, args, message):
    template("x")
    with pytest.raises(CommandError, match=message):
        call_command("report", *args)


def test_template_errors_are_listed(figures, template):
    template("{{ value NOPE }}")
    with pytest.raises(CommandError, match=re.escape("第 1 行 {{ value NOPE }}：未知的指標代碼")):
        call_command("report", "108H2", "--template", "測試範本")


def test_a_new_database_builds_the_report_from_the_shipped_structure(db, tmp_path, capsys):
    """No template, no demo: the structure Mishu ships is used, figures marked missing."""
    from mishu.reports.models import ReportTemplate, StructureSection

    target = tmp_path / "r.html"
    call_command("report", "109H1", "--output", str(target))
    text = target.read_text(encoding="utf-8")
    assert "壹、109 年上半年重要業務執行成果" in text and "【缺：council.term】" in text
    assert "budget.execution（109 年度未訂定的 KPI" in text
    structure = ReportTemplate.objects.get()
    owners = dict(StructureSection.objects.values_list("key", "division__code"))
    assert structure.is_default and owners["壹二"] == "documents" and owners["貳"] is None
    assert "缺漏數值" in capsys.readouterr().err
