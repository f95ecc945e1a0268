"""The children's survey screens, mounted at ``survey/`` in every language by
``schoolsite/urls.py``."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.survey_start, name="survey_start"),
    path("<slug:code>/", views.survey_answer, name="survey_answer"),
    path("<slug:code>/thank-you/", views.survey_thanks, name="survey_thanks"),
]
