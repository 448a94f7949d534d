"""Dimension cells written as text: `agency=都發局;month=108-07` (empty for a plain value)."""

from django.utils.translation import gettext_lazy as _


class CellError(ValueError):
    """A cell text that cannot be read; `message` is user-facing."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def parse_cell(text, dimensions=None) -> dict:
    """Read `dim=member;dim=member` into a dict; check dimensions when they are given."""
    text = ("" if text is None else str(text)).strip()
    if not text:
        return {}
    cell = {}
    for part in text.replace("；", ";").split(";"):
        part = part.strip()
        if not part:
            continue
        dim, sep, member = part.replace("＝", "=").partition("=")
        dim, member = dim.strip(), member.strip()
        if not sep or not dim or not member:
            raise CellError(
                _(
                    "“%(part)s” is not a dimension cell; write it as dimension=member, "
                    "e.g. agency=都發局."
                )
                % {"part": part}
            )
        if dimensions is not None and dim not in dimensions:
            raise CellError(
                _("Unknown dimension “%(dim)s”; this indicator has: %(dims)s.")
                % {"dim": dim, "dims": ", ".join(dimensions) or "—"}
            )
        if dim in cell:
            raise CellError(_("Dimension “%(dim)s” is given twice.") % {"dim": dim})
        cell[dim] = member
    return cell


def format_cell(cell: dict | None) -> str:
    """The text form of a cell: `agency=都發局;month=108-07`."""
    return ";".join(f"{k}={v}" for k, v in (cell or {}).items())


def cell_key(cell: dict) -> tuple:
    """A hashable, order-free key of a cell."""
    return tuple(sorted((cell or {}).items()))
