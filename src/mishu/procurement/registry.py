"""Tender cases' staff pages and API endpoint."""

from mishu.core.crud import Crud

from .models import TenderCase

CRUDS = [
    Crud(
        TenderCase,
        [
            "number",
            "subject",
            "method",
            "budget",
            "published_on",
            "awarded_on",
            "award_amount",
            "vendor",
            "result_published_on",
        ],
        ["number", "subject", "method", "awarded_on", "award_amount", "vendor"],
        filters=["division", "method"],
        date_field="awarded_on",
        search="subject",
    ),
]
