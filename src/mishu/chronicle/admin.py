from django.contrib import admin

from .models import Event


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("start_date", "end_date", "division", "category", "title")
    list_filter = ("division", "category")
    search_fields = ("title",)
