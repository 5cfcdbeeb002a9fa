from django.contrib import admin
from django.urls import include, path

from vigil.accounts.views import ThrottledLoginView

urlpatterns = [
    path("admin/login/", ThrottledLoginView.as_view(), name="admin-login"),
    path("admin/", admin.site.urls),
    path("accounts/login/", ThrottledLoginView.as_view(), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("vigil.api.urls")),
    path("workspace/", include("vigil.workspace.urls")),
    path("", include("vigil.publish.urls")),
]
