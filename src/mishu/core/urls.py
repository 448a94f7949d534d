from django.contrib.auth import views as auth_views
from django.urls import path

from .forms import LoginForm
from .views.exportjobs import ExportJobDownloadView, ExportJobView
from .views.home import DivisionHomeView, HomeView, LoginView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("divisions/<slug:code>/", DivisionHomeView.as_view(), name="division"),
    path("login/", LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("exports/<int:pk>/", ExportJobView.as_view(), name="export_job"),
    path("exports/<int:pk>/download/", ExportJobDownloadView.as_view(), name="export_download"),
]
