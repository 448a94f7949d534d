from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import models
from django.utils.translation import gettext_lazy as _

from .forms import RocDateField, RocDateInput
from .models import Agency, CalendarDay, Division, ExportJob, ObjectChange, Role, User

# Every admin form types and shows dates as ROC dates (`115/12/08`, with the picker), like the
# staff pages: the default every ModelAdmin starts from, for date (not date-time) fields.
admin.options.FORMFIELD_FOR_DBFIELD_DEFAULTS[models.DateField] = {
    "form_class": RocDateField,
    "widget": RocDateInput,
}


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Mishu"), {"fields": ("division", "roles", "title")}),
    )
    list_display = ("username", "first_name", "last_name", "division", "is_active")
    list_filter = ("division", "roles", "is_active")
    filter_horizontal = ("roles", "groups", "user_permissions")


@admin.register(Division)
class DivisionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "short_name", "name_en", "order")


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("code", "short_name", "name", "name_en", "order", "active")
    search_fields = ("short_name", "name", "name_en")


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ("date", "kind", "reason")


admin.site.register(Role)


@admin.register(ObjectChange)
class ObjectChangeAdmin(admin.ModelAdmin):
    list_display = ("time", "actor_name", "source", "action", "content_type", "object_repr")
    list_filter = ("source", "action", "content_type")
    search_fields = ("object_repr", "actor_name")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ExportJob)
class ExportJobAdmin(admin.ModelAdmin):
    """Who exported which list, when, and how it went; written only by the export itself."""

    list_display = ("created", "user", "division", "title", "fmt", "status", "total")
    list_filter = ("status", "fmt", "division")
    search_fields = ("title", "user__username")
    readonly_fields = [f.name for f in ExportJob._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
