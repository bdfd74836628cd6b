#!/usr/bin/env bash
# Stops the broker started by start.sh (SIGTERM, then SIGKILL after 30 s) and keeps its data.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
state="${KAFKA_STATE_DIR:-$root/infra/.cache/kafka}"
pidfile="$state/kafka.pid"
[ -f "$pidfile" ] || exit 0
pid="$(cat "$pidfile")"
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" || true
fi
rm -f "$pidfile"
echo "kafka: stopped"
