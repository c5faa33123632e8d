from django.urls import include, path

urlpatterns = [path("notes/", include("api.urls"))]
