from django.urls import path

from . import views
from .registry import CRUDS

app_name = "venues"
urlpatterns = [
    path("book/", views.PublicBookingView.as_view(), name="book"),
    path("book/received/", views.BookingReceivedView.as_view(), name="book_received"),
    path("book/status/", views.BookingLookupView.as_view(), name="book_status"),
    path("calendar/", views.CalendarView.as_view(), name="calendar"),
    path("bookings/import/", views.BookingImportView.as_view(), name="booking_import"),
    path("statistics/", views.VenueStatisticsView.as_view(), name="statistics"),
    path(
        "bookings/<int:pk>/transition/",
        views.BookingTransitionView.as_view(),
        name="booking_transition",
    ),
    *[crud.urls() for crud in CRUDS],
]
