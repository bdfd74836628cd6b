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

source infra/servers.sh
servers_trap

# Replaces the preset's testPathIgnorePatterns on the command line, so it repeats them.
jest_ignore=('/node_modules/' '<rootDir>/dist/' '<rootDir>/data/' '<rootDir>/tmp/')

# FerretDB (read-model adapter, libs/stores/mongodb) and Kafka (libs/relay); the Kafka specs restart
# the broker through infra/kafka/*.sh with the KAFKA_* variables start_kafka exports.
start_ferretdb test-infra "${FERRETDB_PORT:-27018}"
start_kafka test-infra "${KAFKA_PORT:-19092}"

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
