"""Importing delegations and trips from a table (CSV, XLSX, ODS), all or nothing: every bad
row is listed and then nothing is written. The division is the clerk's own unless a `division`
column names another they may write to; a `sister_city` is named as the city list writes it."""

from django.utils.translation import gettext as _

from mishu.core import permissions as rights
from mishu.core.imports import (
    RowInvalid,
    cell_bool,
    cell_date,
    cell_decimal,
    cell_int,
    checked,
    require,
    row_division,
)

from .models import Delegation, SisterCity, Trip


def _text(row, col):
    return (row.get(col) or "").strip()


def _city(row, user, division):
    name = _text(row, "sister_city")
    if not name:
        return None
    city = (
        SisterCity.objects.restrict(user, rights.CHANGE)
        .filter(division=division, name=name)
        .first()
    )
    if city is None:
        raise RowInvalid(_("Unknown sister city “%(v)s”.") % {"v": name}, "sister_city")
    return city


def _save_all(records) -> int:
    """Save one by one, so that each is in the change log."""
    for record in records:
        record.save()
    return len(records)


class DelegationImporter:
    """One row per delegation received."""

    COLUMNS = (
        "received_on",
        "end_on",
        "country",
        "city",
        "organisation",
        "leader_title",
        "leader",
        "name",
        "size",
        "received_by",
        "programme",
        "gifts",
        "follow_up",
        "named_in_report",
        "sister_city",
        "division",
    )
    REQUIRED = ("received_on", "country", "size")
    EXAMPLE = (
        "108/10/21",
        "",
        "美國",
        "鳳凰城",
        "",
        "市長",
        "Kate Gallego",
        "",
        "8",
        "柯市長",
        "拜會市長、參訪智慧城市",
        "市徽紀念品",
        "洽談青年交流",
        "是",
        "美國鳳凰城",
        "",
    )

    def prepare(self, row: dict, user) -> Delegation:
        require(row, self.REQUIRED)
        division = row_division(row, user)
        size = cell_int(row, "size")
        if size < 1:
            raise RowInvalid(_("%(col)s must be at least 1.") % {"col": "size"}, "size")
        return checked(
            Delegation(
                division=division,
                received_on=cell_date(row, "received_on"),
                end_on=cell_date(row, "end_on"),
                size=size,
                named_in_report=cell_bool(row, "named_in_report"),
                sister_city=_city(row, user, division),
                created_by=user,
                **{
                    col: _text(row, col)
                    for col in (
                        "country",
                        "city",
                        "organisation",
                        "leader_title",
                        "leader",
                        "name",
                        "received_by",
                        "programme",
                        "gifts",
                        "follow_up",
                    )
                },
            )
        )

    write = staticmethod(_save_all)


class TripImporter:
    """One row per trip abroad."""

    COLUMNS = (
        "start_date",
        "end_date",
        "leader",
        "led_delegation",
        "officials",
        "destinations",
        "purpose",
        "budget",
        "report_submitted_on",
        "sister_city",
        "division",
    )
    REQUIRED = ("start_date", "end_date", "leader", "purpose")
    EXAMPLE = (
        "108/9/4",
        "108/9/7",
        "楊參事慶輝",
        "否",
        "",
        "菲律賓馬卡蒂",
        "出席「城市與地方政府聯盟亞太分會理事會」",
        "85000",
        "108/10/30",
        "",
        "",
    )

    def prepare(self, row: dict, user) -> Trip:
        require(row, self.REQUIRED)
        division = row_division(row, user)
        return checked(
            Trip(
                division=division,
                start_date=cell_date(row, "start_date"),
                end_date=cell_date(row, "end_date"),
                leader=_text(row, "leader"),
                led_delegation=cell_bool(row, "led_delegation"),
                officials=_text(row, "officials"),
                destinations=_text(row, "destinations"),
                purpose=_text(row, "purpose"),
                budget=cell_decimal(row, "budget", negative=False),
                report_submitted_on=cell_date(row, "report_submitted_on"),
                sister_city=_city(row, user, division),
                created_by=user,
            )
        )

    write = staticmethod(_save_all)
