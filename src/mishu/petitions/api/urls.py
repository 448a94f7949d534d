from .views import AgencyContactViewSet, CollectivePetitionViewSet, PetitionCaseViewSet


def register(router):
    """Register this app's API endpoints on the project router."""
    router.register("petitions/cases", PetitionCaseViewSet)
    router.register("petitions/collective", CollectivePetitionViewSet)
    router.register("petitions/agency-contacts", AgencyContactViewSet)
