#!/usr/bin/env bash
# Start or stop a throw-away PostgreSQL cluster for the tests, on a local socket.
#   scripts/postgres.sh start DIR   -> prints the DATABASE_URL to use
#   scripts/postgres.sh stop DIR
# Installs Debian's postgresql package first if no server binaries are present.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?cluster directory}; port=${VIGIL_PG_PORT:-54329}

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_installed() {
  [ -n "$(bindir)" ] && [ -x "$(bindir)/initdb" ] && return 0
  echo "installing PostgreSQL from Debian's packages..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
}

case "$cmd" in
start)
  ensure_installed
  bin=$(bindir)
  if [ "$(id -u)" = 0 ]; then id postgres >/dev/null 2>&1 || useradd --system --home "$dir" postgres; fi
  rm -rf "$dir"; mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -A trust -U vigil -E UTF8 --locale=C.UTF-8 >/dev/null
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-k $dir -p $port -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  as_owner "$bin/createdb" -h "$dir" -p "$port" -U vigil vigil
  echo "postgres://vigil@$(python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1],safe=""))' "$dir"):$port/vigil"
  ;;
stop)
  bin=$(bindir)
  [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  rm -rf "$dir"
  ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
