"""The migration to structures and drafts keeps every existing template's body and built report,
and gives each template its sections with the divisions that write them."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BODY = "開頭。\n\n壹、成果\n\n一、事務\n\n用電。\n\n二、文書\n\n收文。\n\n貳、KPI\n\n達成。\n"


@pytest.mark.django_db(transaction=True)
def test_existing_templates_are_split_into_owned_sections():
    from mishu.core.data.organisation import sync_organisation
    from mishu.core.models import Agency, Division, Role

    sync_organisation(Division, Agency, Role)  # a transactional test before may have flushed it
    executor = MigrationExecutor(connection)
    executor.migrate([("reports", "0001_initial")])
    old = executor.loader.project_state([("reports", "0001_initial")]).apps
    template = old.get_model("reports", "ReportTemplate").objects.create(
        name="舊範本", body=BODY, is_default=True
    )
    old.get_model("reports", "BuiltReport").objects.create(
        period="108H2", template_id=template.pk, format="html", file="reports/x.html"
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    from mishu.reports.models import BuiltReport, ReportTemplate, StructureSection

    kept = ReportTemplate.objects.get(name="舊範本")
    assert kept.body == BODY and BuiltReport.objects.get().template == kept
    owners = {
        s.key: getattr(s.division, "code", None)
        for s in StructureSection.objects.filter(template=kept)
    }
    assert owners == {
        "開頭": None,
        "壹": None,
        "壹一": "general-affairs",
        "壹二": "documents",
        "貳": None,
    }
