"""Atom feeds of published records: new cases, and status changes."""
from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from vigil.publish import labels, queries


def _midnight(day: dt.date | None) -> dt.datetime | None:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc) if day else None


class NewCasesFeed(Feed):
    feed_type = Atom1Feed
    title = _("Vigil: newly published cases")
    subtitle = _("People whose cases were published on Vigil, newest first.")

    def link(self):
        return reverse("publish:cases")

    def items(self):
        return queries.recent_people()

    def item_title(self, item):
        return " / ".join(n for n in (item.name_latin, item.name_fa) if n) or item.public_id

    def item_description(self, item):
        return ""

    def item_link(self, item):
        return reverse("publish:person", args=[item.public_id])

    def item_guid(self, item):
        return f"vigil:person:{item.public_id}"

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.created_at


class StatusChangesFeed(Feed):
    feed_type = Atom1Feed
    title = _("Vigil: status changes")
    subtitle = _("Status events (sentenced, upheld, at risk, executed…) recorded for published cases, newest first.")

    def link(self):
        return reverse("publish:at_risk")

    def items(self):
        return queries.recent_events()

    def item_title(self, item):
        person = item.case.person
        name = person.name_latin or person.name_fa or person.public_id
        return f"{name}: {labels.label('status', item.status)} {item.date or ''}".strip()

    def item_description(self, item):
        where = ", ".join(v for v in (item.prison, item.city, item.province) if v)
        return f"{labels.label('grade', item.grade)}{' — ' + where if where else ''}"

    def item_link(self, item):
        return reverse("publish:person", args=[item.case.person.public_id]) + f"#event-{item.pk}"

    def item_guid(self, item):
        return f"vigil:event:{item.pk}"

    def item_pubdate(self, item):
        return _midnight(item.date_start) or item.case.person.created_at

    def item_updateddate(self, item):
        return self.item_pubdate(item)
