from django.urls import path

from . import views
from .registry import CRUDS

app_name = "facilities"
urlpatterns = [
    path("book/", views.PublicBookingView.as_view(), name="book"),
    path("calendar/", views.CalendarView.as_view(), name="calendar"),
    path("meterreadings/import/", views.ReadingImportView.as_view(), name="meterreading_import"),
    path("bookings/import/", views.BookingImportView.as_view(), name="booking_import"),
    path("maintenance/overdue/", views.MaintenanceDueView.as_view(), name="maintenance_overdue"),
    path("statistics/", views.VenueStatisticsView.as_view(), name="statistics"),
    path(
        "bookings/<int:pk>/transition/",
        views.BookingTransitionView.as_view(),
        name="booking_transition",
    ),
    *[crud.urls() for crud in CRUDS],
]
