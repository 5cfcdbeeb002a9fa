"""Workspace URLs (mounted at /workspace/)."""
from django.urls import path

from vigil.workspace import views

app_name = "workspace"

urlpatterns = [
    path("", views.home, name="home"),
    path("unpublished/", views.unpublished, name="unpublished"),
    path("persons/<str:public_id>/", views.person, name="person"),
    path("persons/<str:public_id>/edit/", views.person_edit, name="person_edit"),
    path("persons/<str:public_id>/publish/", views.person_publish, name="person_publish"),
    path("entry/", views.entry, name="entry"),
    path("entry/candidates.json", views.entry_candidates, name="candidates"),
    path("review/", views.review, name="review"),
    path("review/pairs/<int:pk>/decide/", views.pair_decide, name="pair_decide"),
    path("review/mentions/<str:public_id>/state/", views.mention_state, name="mention_state"),
    path("review/events/<int:pk>/grade/", views.event_grade, name="event_grade"),
    path("history/<str:model>/<str:ref>/", views.history, name="history"),
    path("history/<str:model>/<str:ref>/revert/", views.revert, name="revert"),
]
