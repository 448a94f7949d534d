from mishu.core.crud import viewset

from .. import filtersets, models

ENDPOINTS = {
    "counter-contacts": viewset(models.CounterContact, filtersets.CounterContactFilterSet),
    "coordinated-petitions": viewset(
        models.CoordinatedPetition, filtersets.CoordinatedPetitionFilterSet
    ),
    "professional-consultations": viewset(
        models.ProfessionalConsultation, filtersets.ProfessionalConsultationFilterSet
    ),
    "volunteer-services": viewset(models.VolunteerService, filtersets.VolunteerServiceFilterSet),
    "nursing-rooms": viewset(models.NursingRoom, filtersets.NursingRoomFilterSet),
    "nursing-room-uses": viewset(models.NursingRoomUse, filtersets.NursingRoomUseFilterSet),
}
