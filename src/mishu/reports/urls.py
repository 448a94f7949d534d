from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("periods/<str:code>/", views.period_page, name="period"),
    path("periods/<str:code>/report/", views.report_page, name="report"),
    path("periods/<str:code>/report.<str:fmt>", views.download, name="download"),
    path("periods/<str:code>/close/", views.close_period, name="close"),
    path("periods/<str:code>/reopen/", views.reopen_period, name="reopen"),
    path("templates/", views.template_list, name="template_list"),
    path("templates/add/", views.template_edit, name="template_add"),
    path("templates/<int:pk>/", views.template_edit, name="template_edit"),
]
