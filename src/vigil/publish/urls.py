"""Public URLs. /api/ and /workspace/ are left free for the API and the researchers' workspace."""
from django.urls import path

from vigil.publish import feeds, views
from vigil.publish.cache import cached_page

app_name = "publish"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("cases/", views.case_list, name="cases"),
    path("cases.json", views.case_list, {"fmt": "json"}, name="cases_json"),
    path("cases.csv", views.case_list, {"fmt": "csv"}, name="cases_csv"),
    path("people/<str:public_id>/", views.person_detail, name="person"),
    path("at-risk/", views.at_risk, name="at_risk"),
    path("campaigns/", views.campaign_list, name="campaigns"),
    path("campaigns/<int:pk>/", views.campaign_detail, name="campaign"),
    path("feeds/cases.atom", cached_page(feeds.NewCasesFeed(), scope="figures"), name="feed_cases"),
    path("feeds/status.atom", cached_page(feeds.StatusChangesFeed(), scope="figures"), name="feed_status"),
]
