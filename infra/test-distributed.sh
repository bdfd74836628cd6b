#!/usr/bin/env bash
# `npm run test:distributed`: the platform in distributed mode on 127.0.0.1 (apps/distributed-smoke).
#
#   1. start FerretDB (read models, MongoDB wire) and a Kafka broker (topics), on ports of their own so a
#      concurrent `npm run test:infra` is left alone;
#   2. run every `*.dist-spec.ts` with jest.distributed.config.ts (extra arguments go to Jest): the specs
#      start the apps themselves, each as its own process group, and stop them in afterAll;
#   3. stop both servers, whatever happened (trap), and exit with Jest's code.
# The event log is the embedded SQLite file the processes share, or EventStoreDB where EVENTSTORE_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."

source infra/servers.sh
servers_trap

# The specs record each app's process group here; whatever is left of them is killed on exit, so a
# Jest killed by the timeout below leaves no app behind.
export C360_DIST_PID_FILE="$servers_root/infra/.cache/distributed-apps.pids"
stop_apps() {
  [ -f "$C360_DIST_PID_FILE" ] || return 0
  while read -r pid; do kill -KILL -- "-$pid" 2> /dev/null || true; done < "$C360_DIST_PID_FILE"
  rm -f "$C360_DIST_PID_FILE"
}
mkdir -p "$(dirname "$C360_DIST_PID_FILE")"
stop_apps # a leftover of an interrupted run, if any

start_ferretdb distributed "${C360_DIST_FERRETDB_PORT:-27038}"
start_kafka distributed "${C360_DIST_KAFKA_PORT:-19112}"
server_stops+=(stop_apps) # runs first: the apps go before the servers they use

echo "== test-distributed: jest -c jest.distributed.config.ts (MONGO_URL=$MONGO_URL, KAFKA_BROKERS=$KAFKA_BROKERS, EVENTSTORE_URL=${EVENTSTORE_URL:-unset: embedded SQLite})"
set +e
timeout --kill-after=30 360 npx jest -c jest.distributed.config.ts "$@"
code=$?
set -e
exit "$code"
