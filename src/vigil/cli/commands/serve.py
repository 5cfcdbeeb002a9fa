"""vigil serve: migrate if needed, then serve the site with gunicorn (a production server)."""
from __future__ import annotations


def add(sub) -> None:
    parser = sub.add_parser("serve", help="serve the site with a production server")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=2)
    parser.set_defaults(func=run)


def run(args) -> int:
    from vigil.cli.django_setup import setup

    setup(migrate=True)
    serve(args.host, args.port, args.workers)
    return 0


def serve(host: str, port: int, workers: int = 2) -> None:
    from gunicorn.app.base import BaseApplication

    from vigil.site.wsgi import application

    class Server(BaseApplication):
        def load_config(self):
            for key, value in {"bind": f"{host}:{port}", "workers": workers, "threads": 4,
                               "accesslog": None, "timeout": 60, "post_worker_init": _warm}.items():
                self.cfg.set(key, value)

        def load(self):
            return application

    from django.db import connections

    connections.close_all()  # no connection may cross the fork into the workers
    print(f"Vigil serving on http://{host}:{port}/", flush=True)
    Server().run()


def _warm(worker) -> None:
    """As a worker starts, load the public site's columns in the background (about 1 s per
    100,000 cases), so that the first visitor does not wait for them."""
    import threading

    threading.Thread(target=_load_columns, args=(worker.log,), daemon=True).start()


def _load_columns(log) -> None:
    from django.db import connection

    from vigil.publish.queries import published_columns

    try:
        published_columns()
    except Exception as exc:  # noqa: BLE001 - the first request loads them instead
        log.warning("could not preload the public columns: %r", exc)
    finally:
        connection.close()
