"""Real local servers for the alert tests: an SMTP server (aiosmtpd) and an HTTP receiver."""
from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd hook name
        self.messages.append({"from": envelope.mail_from, "to": list(envelope.rcpt_tos),
                              "data": envelope.content.decode("utf-8", "replace")})
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on 127.0.0.1; Django is pointed at it with its SMTP backend."""
    from aiosmtpd.controller import Controller

    inbox = _Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.DEFAULT_FROM_EMAIL = "alerts@vigil.test"
    yield inbox
    controller.stop()


class Receiver:
    def __init__(self):
        self.requests: list[dict] = []
        self.fail_first = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"


@pytest.fixture
def http_receiver():
    """A real HTTP server recording every POST (raw body and headers); it can answer 500 first."""
    receiver = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server hook name
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            receiver.requests.append({"path": self.path, "headers": dict(self.headers), "body": body,
                                      "json": json.loads(body)})
            failing = receiver.fail_first > 0
            receiver.fail_first -= 1
            self.send_response(500 if failing else 204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    receiver.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield receiver
    server.shutdown()
    server.server_close()


#: A small case book: (source key, name, status, date, extra fields).
ROWS = [
    ("ngo", "Reza Karimi", "at_risk", "2025-03-02", {"prison": "Ghezel Hesar Prison", "province": "Alborz", "charges": ["drug"]}),
    ("state", "Reza Karimi", "executed", "2025-03-12", {"prison": "Ghezel Hesar Prison", "province": "Alborz", "charges": ["drug"], "age": 34}),
    ("ngo", "Maryam Ahmadi", "executed", "2025-05-20", {"province": "Isfahan", "charges": ["murder"], "sex": "f"}),
    ("ngo", "Abdolrahman Baluch", "executed", "2025-08-05", {"province": "Sistan and Baluchestan", "charges": ["drug"], "ethnicity": "baluch", "public": True}),
    ("ngo", "Gul Mohammad Afghani", "executed", "2025-08-05", {"province": "Sistan and Baluchestan", "charges": ["drug"], "nationality": "AF"}),
    ("ngo", "Hossein Javan", "executed", "2025-11", {"province": "Tehran", "charges": ["murder"]}),
    ("ngo", "Old Case", "executed", "2024-12-30", {"province": "Tehran", "charges": ["drug"]}),
    ("ngo", "No Date Case", "executed", "", {"province": "Tehran", "charges": ["drug"]}),
    ("ngo", "Ali Rostami", "upheld", "2025-06-01", {"prison": "Ghezel Hesar Prison", "province": "Alborz", "charges": ["moharebeh"]}),
    ("ngo", "Ali Rostami", "at_risk", "2025-07-01", {"prison": "Ghezel Hesar Prison", "province": "Alborz", "charges": ["moharebeh"]}),
    ("ngo", "Saeed Halted", "at_risk", "2025-02-01", {"prison": "Evin Prison", "province": "Tehran"}),
    ("ngo", "Saeed Halted", "halted", "2025-02-10", {"prison": "Evin Prison", "province": "Tehran"}),
]


@pytest.fixture
def casebook(db, actor):
    """Persons built by the real actions and linkage from list rows, all published; Hossein Javan is juvenile."""
    from vigil.records import actions
    from vigil.records.models import Person
    from vigil.review.linking import link_all

    sources = {"ngo": actions.ensure_source("Rights Monitor", actor, kind="ngo", independence_group="rm"),
               "state": actions.ensure_source("Judiciary News", actor, kind="official", independence_group="state")}
    for i, (key, name, status, day, extra) in enumerate(ROWS):
        actions.add_list_row(sources[key], f"row-{i}", {"name": name, "status": status, "date": day or None, **extra},
                             actor=actor)
    link_all(actor)
    for person in Person.objects.all():
        actions.publish_person(person, actor, reason="test data")
    Person.objects.filter(name_latin="Hossein Javan").update(juvenile=True)
    return sources


@pytest.fixture
def campaigns(db, actor):
    from vigil.records.actions import load_campaigns
    from vigil.watch.campaigns import bundled_campaigns

    return load_campaigns(bundled_campaigns(), actor)
