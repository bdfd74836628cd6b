#!/usr/bin/env bash
# `npm run test:infra`: the production adapters against real servers on 127.0.0.1.
#
#   1. start the servers this machine can run (each section below: build if needed, start, export
#      the URL the specs read, register its stop);
#   2. run every `*.int-spec.ts` with jest.infra.config.ts (extra arguments go to Jest);
#   3. stop every server we started, whatever happened (trap), and exit with Jest's code.
#
# EventStoreDB cannot be built here: its specs run only when EVENTSTORE_URL names a server.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

# Stop actions run in reverse order of the starts, on any exit (success, failure, Ctrl-C).
stops=()
on_exit() {
  local code=$?
  trap - EXIT INT TERM
  for ((i = ${#stops[@]} - 1; i >= 0; i--)); do ${stops[i]} || echo "test-infra: '${stops[i]}' failed" >&2; done
  exit "$code"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Replaces the preset's testPathIgnorePatterns on the command line, so it repeats them.
jest_ignore=('/node_modules/' '<rootDir>/dist/' '<rootDir>/data/' '<rootDir>/tmp/')

# ── FerretDB: MongoDB wire protocol over SQLite (read-model adapter, libs/stores/mongodb) ────────
# Own state dir (pid, log, data) so a developer's FerretDB from infra/ferretdb/start.sh is left alone,
# and fresh data every run.
export FERRETDB_PORT="${FERRETDB_PORT:-27018}"
export FERRETDB_STATE_DIR="$root/infra/.cache/ferretdb/test-infra"
export FERRETDB_DATA_DIR="$FERRETDB_STATE_DIR/data"
stop_ferretdb() {
  infra/ferretdb/stop.sh
  rm -rf "$FERRETDB_DATA_DIR"
}
echo "== test-infra: FerretDB"
infra/ferretdb/build.sh
infra/ferretdb/stop.sh > /dev/null # a leftover of an interrupted run, if any
rm -rf "$FERRETDB_DATA_DIR"
stops+=(stop_ferretdb)
infra/ferretdb/start.sh
export MONGO_URL="mongodb://127.0.0.1:$FERRETDB_PORT/"

# ── Kafka: a single-node Apache Kafka 3.9 in KRaft mode from its Maven Central jars (libs/relay) ──
# Own state dir and fresh data every run; the specs restart the broker through the same scripts.
export KAFKA_PORT="${KAFKA_PORT:-19092}"
export KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19093}"
export KAFKA_STATE_DIR="$root/infra/.cache/kafka/test-infra"
stop_kafka() {
  infra/kafka/stop.sh
  rm -rf "$KAFKA_STATE_DIR"
}
echo "== test-infra: Kafka"
infra/kafka/stop.sh > /dev/null # a leftover of an interrupted run, if any
rm -rf "$KAFKA_STATE_DIR"
stops+=(stop_kafka)
infra/kafka/start.sh
export KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"

# ── EventStoreDB: only a server given from outside ───────────────────────────────────────────────
if [ -z "${EVENTSTORE_URL:-}" ]; then
  echo "== test-infra: EVENTSTORE_URL is not set: the EventStoreDB int-specs are left out (docs/adapters/eventstoredb.md)"
  jest_ignore+=('<rootDir>/libs/stores/eventstoredb/')
fi

# ── the specs ────────────────────────────────────────────────────────────────────────────────────
echo "== test-infra: jest -c jest.infra.config.ts (MONGO_URL=$MONGO_URL, KAFKA_BROKERS=$KAFKA_BROKERS)"
set +e
npx jest -c jest.infra.config.ts "$@" --testPathIgnorePatterns "${jest_ignore[@]}"
code=$?
set -e
exit "$code"
