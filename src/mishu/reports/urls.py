from django.urls import path

from . import views, views_drafts

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("periods/<str:code>/", views.period_page, name="period"),
    path("periods/<str:code>/report/", views.report_page, name="report"),
    path("periods/<str:code>/report.<str:fmt>", views.download, name="download"),
    path("periods/<str:code>/close/", views.close_period, name="close"),
    path("periods/<str:code>/reopen/", views.reopen_period, name="reopen"),
    path("periods/<str:code>/draft/", views_drafts.draft_page, name="draft"),
    path("periods/<str:code>/draft/start/", views_drafts.draft_start, name="draft_start"),
    path("periods/<str:code>/draft/step/<str:name>/", views_drafts.draft_step, name="draft_step"),
    path("periods/<str:code>/draft/<str:key>/", views_drafts.section_page, name="section"),
    path(
        "periods/<str:code>/draft/<str:key>/step/<str:name>/",
        views_drafts.section_step,
        name="section_step",
    ),
    path(
        "periods/<str:code>/draft/<str:key>/comment/",
        views_drafts.section_comment,
        name="section_comment",
    ),
    path(
        "periods/<str:code>/draft/<str:key>/diff/", views_drafts.section_diff, name="section_diff"
    ),
    path("templates/", views.template_list, name="template_list"),
    path("templates/add/", views.template_edit, name="template_add"),
    path("templates/<int:pk>/", views.template_edit, name="template_edit"),
]
