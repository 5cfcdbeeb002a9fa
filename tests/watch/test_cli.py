"""The commands: vigil watch …, vigil digest, vigil report (through the real argument parser)."""
from __future__ import annotations

from vigil.cli.main import main


def test_watch_commands(casebook, capsys):
    from vigil.watch.models import Subscription

    assert main(["watch", "load-campaigns"]) == 0
    assert main(["watch", "list"]) == 0
    out = capsys.readouterr().out
    assert "Ali Rostami" in out and "1 people at imminent risk" in out
    assert main(["watch", "subscribe", "prison", "Evin Prison", "--webhook", "http://127.0.0.1:9/hook"]) == 0
    sub = Subscription.objects.get()
    assert len(sub.webhook_secret) == 64 and sub.webhook_secret in capsys.readouterr().out
    assert main(["watch", "subscribe", "planet", "Mars", "--email", "a@example.org"]) == 2
    assert main(["watch", "run"]) == 0 and "changes 0" in capsys.readouterr().out
    assert main(["watch", "campaigns"]) == 0
    assert "week 105  2026-01-27   56 prisons (+22)" in capsys.readouterr().out
    assert main(["digest"]) == 0


def test_report_command(casebook, tmp_path):
    out = tmp_path / "r.html"
    assert main(["report", "--period", "2025", "--lang", "fa", "--output", str(out)]) == 0
    assert 'dir="rtl"' in out.read_text("utf-8")
    assert main(["report", "--period", "20x5"]) == 2
