from django.contrib import admin

from . import models

for model in (
    models.ArchiveClass,
    models.DestructionList,
    models.DestructionStep,
    models.CatalogueSubmission,
    models.AppraisalReport,
    models.Inspection,
):
    admin.site.register(model)


@admin.register(models.CaseFile)
class CaseFileAdmin(admin.ModelAdmin):
    list_display = ["__str__", "division", "state", "due_on"]
    raw_id_fields = ["archive_class"]
    search_fields = ["subject"]


@admin.register(models.ArchiveItem)
class ArchiveItemAdmin(admin.ModelAdmin):
    list_display = ["file_code", "subject", "doc_date", "division"]
    raw_id_fields = ["case_file", "document"]
    search_fields = ["file_code", "subject"]


@admin.register(models.CleanupCase)
class CleanupCaseAdmin(admin.ModelAdmin):
    list_display = ["reference", "disposition", "approved_on"]
    raw_id_fields = ["case_file"]


@admin.register(models.ArchiveApplication)
class ArchiveApplicationAdmin(admin.ModelAdmin):
    # the applicant's details are not shown here: they are revealed, and logged, on their page
    list_display = ["__str__", "state", "deadline", "decided_on"]
    exclude = ["applicant_name", "applicant_id_no", "applicant_contact", "applicant_address"]


admin.site.register(models.ApplicantDataAccess)
