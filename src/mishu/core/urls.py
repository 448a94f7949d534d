from django.contrib.auth import views as auth_views
from django.urls import path

from .forms import LoginForm
from .views.home import DivisionHomeView, HomeView, LoginView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("divisions/<slug:code>/", DivisionHomeView.as_view(), name="division"),
    path("login/", LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
