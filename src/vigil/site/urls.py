from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("vigil.api.urls")),
    path("workspace/", include("vigil.workspace.urls")),
    path("", include("vigil.publish.urls")),
]
