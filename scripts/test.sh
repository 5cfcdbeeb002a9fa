#!/usr/bin/env bash
# The whole test suite: everything on SQLite, then the database tests again on a throw-away
# PostgreSQL cluster (installed from Debian's packages when missing).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/weasyprint-deps.sh
BIN=.venv/bin
mkdir -p test-output
export VIGIL_HOME=$(mktemp -d /tmp/vigil-test-home.XXXXXX)
export PYTHONDONTWRITEBYTECODE=1
status=0

echo "== pip-audit of requirements.lock (warns, without failing, when PyPI's advisory service is unreachable)"
$BIN/python scripts/audit.py || status=1

bash scripts/chromium.sh || echo "could not install chromium; browser tests will be skipped" >&2
echo "== tests on SQLite"
env -u DATABASE_URL $BIN/pytest -q -p no:cacheprovider -n 2 --dist loadfile "$@" || status=$?

echo "== database tests on PostgreSQL"
pgdir=$(mktemp -d /tmp/vigil-pg.XXXXXX)
if url=$(scripts/postgres.sh start "$pgdir"); then
  DATABASE_URL="$url" $BIN/pytest -q -p no:cacheprovider -n 2 --dist loadfile --ignore=tests/core "$@" || status=$?
  scripts/postgres.sh stop "$pgdir"
else
  echo "could not start PostgreSQL" >&2; status=1
fi
rm -rf "$VIGIL_HOME"
exit $status
