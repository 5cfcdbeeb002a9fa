from django.urls import path

from vigil.publish import views

app_name = "publish"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("cases/", views.case_list, name="cases"),
    path("people/<str:public_id>/", views.person_detail, name="person"),
]
