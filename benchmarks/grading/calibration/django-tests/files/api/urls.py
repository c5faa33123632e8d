from django.urls import path

from api import views

urlpatterns = [path("", views.list_notes), path("add/", views.add_note)]
