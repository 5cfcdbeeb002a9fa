"""vigil serve runs a production server (gunicorn) that serves the site from the configured database."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from tests.cli.conftest import VIGIL


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_migrates_and_serves(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["VIGIL_HOME"] = str(tmp_path)
    server = subprocess.Popen([*VIGIL, "serve", "--port", str(port)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        body, headers = _get_when_up(f"http://127.0.0.1:{port}/", server)
        assert "Vigil" in body
        assert headers["Server"].startswith("gunicorn")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert (tmp_path / "vigil.sqlite3").exists()


def _get_when_up(url: str, server, timeout: float = 60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"server exited: {server.stdout.read()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode(), response.headers
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {timeout}s")
