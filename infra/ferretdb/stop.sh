#!/usr/bin/env bash
# Stops the FerretDB started by start.sh (only the pid in its pid file, under FERRETDB_STATE_DIR,
# default infra/.cache/ferretdb): SIGTERM, then SIGKILL after 10 s. Does nothing when not running.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pid_file="${FERRETDB_STATE_DIR:-$here/../.cache/ferretdb}/ferretdb.pid"

[ -f "$pid_file" ] || { echo "ferretdb: not running"; exit 0; }
pid="$(cat "$pid_file")"
# A stale pid file may name a process that is no longer ours: only signal our binary.
if kill -0 "$pid" 2> /dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2> /dev/null | grep -q 'ferretdb/bin/ferretdb'; then
  kill -TERM "$pid"
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2> /dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2> /dev/null; then
    echo "ferretdb: still running after 10 s, killing pid $pid" >&2
    kill -KILL "$pid"
  fi
  echo "ferretdb: stopped (pid $pid)"
else
  echo "ferretdb: not running (stale pid file)"
fi
rm -f "$pid_file"
