"""Watch lists, alerts, campaign timelines and the monitor's report (Django app)."""
