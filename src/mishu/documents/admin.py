from django.contrib import admin

from .models import DeadlineExtension, Document, DocumentBatch


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["number", "subject", "division", "state", "deadline", "timeliness"]
    list_filter = ["office", "direction", "state", "timeliness"]
    search_fields = ["number", "subject"]
    raw_id_fields = ["handler", "sender"]


admin.site.register(DocumentBatch)
admin.site.register(DeadlineExtension)
