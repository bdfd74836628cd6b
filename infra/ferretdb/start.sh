#!/usr/bin/env bash
# Starts FerretDB (built by build.sh) in the background on 127.0.0.1 and waits until it answers a
# MongoDB `ping`. Prints the MongoDB URL on its last line.
#   FERRETDB_PORT           port (default 27018)
#   FERRETDB_STATE_DIR      pid file and log (default infra/.cache/ferretdb; stop.sh needs the same)
#   FERRETDB_DATA_DIR       SQLite files (default <state dir>/data; kept between runs)
#   FERRETDB_START_TIMEOUT  seconds to wait for the ping (default 30)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
state="${FERRETDB_STATE_DIR:-$root/infra/.cache/ferretdb}"
pid_file="$state/ferretdb.pid"
log_file="$state/ferretdb.log"
port="${FERRETDB_PORT:-27018}"
data_dir="${FERRETDB_DATA_DIR:-$state/data}"
timeout="${FERRETDB_START_TIMEOUT:-30}"
url="mongodb://127.0.0.1:$port/"

mkdir -p "$state" "$data_dir"
binary="$here/bin/ferretdb"
[ -x "$binary" ] || { echo "ferretdb/start.sh: $binary is missing: run infra/ferretdb/build.sh first" >&2; exit 1; }

running() { kill -0 "$1" 2> /dev/null && tr '\0' ' ' < "/proc/$1/cmdline" 2> /dev/null | grep -q 'ferretdb/bin/ferretdb'; }
if [ -f "$pid_file" ] && running "$(cat "$pid_file")"; then
  echo "ferretdb: already running (pid $(cat "$pid_file"))"
  echo "$url"
  exit 0
fi

FERRETDB_PORT="$port" FERRETDB_DATA_DIR="$data_dir" "$binary" > "$log_file" 2>&1 < /dev/null &
pid=$!
echo "$pid" > "$pid_file"

deadline=$((SECONDS + timeout))
until node "$here/ping.js" "$url" 2> /dev/null; do
  if ! kill -0 "$pid" 2> /dev/null; then
    rm -f "$pid_file"
    echo "ferretdb: exited during start-up; its log ($log_file):" >&2
    tail -n 20 "$log_file" >&2
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "ferretdb: no answer on $url after ${timeout}s; stopping it. Log ($log_file):" >&2
    tail -n 20 "$log_file" >&2
    "$here/stop.sh" > /dev/null 2>&1 || true
    exit 1
  fi
  sleep 0.5
done
echo "ferretdb: ready (pid $pid, data $data_dir)"
echo "$url"
