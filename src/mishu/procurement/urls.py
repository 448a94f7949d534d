from .registry import CRUDS

app_name = "procurement"
urlpatterns = [crud.urls() for crud in CRUDS]
