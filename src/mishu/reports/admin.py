from django.contrib import admin

from .models import BuiltReport, ReportTemplate, StructureSection


@admin.register(ReportTemplate)
class ReportTemplateAdmin(admin.ModelAdmin):
    list_display = ("name", "is_default", "last_updated")
    search_fields = ("name", "body")


@admin.register(BuiltReport)
class BuiltReportAdmin(admin.ModelAdmin):
    list_display = ("period", "format", "template", "built_at", "built_by", "from_snapshot")
    list_filter = ("format", "from_snapshot")
    readonly_fields = ("built_at",)


@admin.register(StructureSection)
class StructureSectionAdmin(admin.ModelAdmin):
    """Who writes which section of a structure (壹一 總務組 …)."""

    list_display = ("template", "key", "title", "division", "order")
    list_filter = ("template", "division")
    list_editable = ("division",)
