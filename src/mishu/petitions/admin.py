from django.contrib import admin

from .models import AgencyContact, CollectivePetition, PersonalDataAccess, PetitionCase


@admin.register(PetitionCase)
class PetitionCaseAdmin(admin.ModelAdmin):
    """No personal data in the admin either: the petitioner's fields are excluded."""

    list_display = ("number", "received_on", "agency", "status", "deadline")
    list_filter = ("status", "channel", "agency")
    search_fields = ("number", "subject")
    exclude = ("petitioner_name", "petitioner_contact", "petitioner_address", "password_hash")
    readonly_fields = ("number",)


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    list_display = ("at", "user", "case", "purpose")
    list_filter = ("user",)
    search_fields = ("case__number",)

    def has_change_permission(self, request, obj=None):
        return False  # the log is evidence: never edited

    def has_add_permission(self, request):
        return False


admin.site.register(CollectivePetition)
admin.site.register(AgencyContact)
