#!/usr/bin/env bash
# Real servers on 127.0.0.1 for the suites that need them (test-infra.sh, test-distributed.sh), sourced:
#
#   source infra/servers.sh
#   servers_trap                  # stops every server started below on any exit, in reverse order
#   start_ferretdb <run> <port>   # exports MONGO_URL
#   start_kafka <run> <port>      # exports KAFKA_BROKERS (the controller listens on <port> + 1)
#
# Each run has its own state dir (infra/.cache/<server>/<run>: pid, log, data), fresh every time, so two
# suites on different ports and a developer's own servers (infra/*/start.sh) leave each other alone.

servers_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
server_stops=()

servers_on_exit() {
  local code=$?
  trap - EXIT INT TERM
  for ((i = ${#server_stops[@]} - 1; i >= 0; i--)); do ${server_stops[i]} || echo "servers: '${server_stops[i]}' failed" >&2; done
  exit "$code"
}

servers_trap() {
  trap servers_on_exit EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# FerretDB: the MongoDB wire protocol over SQLite (built from the Go module proxy by infra/ferretdb/build.sh).
start_ferretdb() {
  local run="$1"
  export FERRETDB_PORT="$2"
  export FERRETDB_STATE_DIR="$servers_root/infra/.cache/ferretdb/$run"
  export FERRETDB_DATA_DIR="$FERRETDB_STATE_DIR/data"
  echo "== servers: FerretDB ($run, 127.0.0.1:$FERRETDB_PORT)"
  "$servers_root/infra/ferretdb/build.sh"
  "$servers_root/infra/ferretdb/stop.sh" > /dev/null # a leftover of an interrupted run, if any
  rm -rf "$FERRETDB_DATA_DIR"
  server_stops+=("stop_ferretdb $FERRETDB_STATE_DIR")
  "$servers_root/infra/ferretdb/start.sh"
  export MONGO_URL="mongodb://127.0.0.1:$FERRETDB_PORT/"
}

stop_ferretdb() {
  FERRETDB_STATE_DIR="$1" "$servers_root/infra/ferretdb/stop.sh"
  rm -rf "$1/data"
}

# Kafka: a single-node Apache Kafka 3.9 in KRaft mode from its Maven Central jars (infra/kafka/start.sh).
start_kafka() {
  local run="$1"
  export KAFKA_PORT="$2"
  export KAFKA_CONTROLLER_PORT="$(($2 + 1))"
  export KAFKA_STATE_DIR="$servers_root/infra/.cache/kafka/$run"
  echo "== servers: Kafka ($run, 127.0.0.1:$KAFKA_PORT)"
  "$servers_root/infra/kafka/stop.sh" > /dev/null # a leftover of an interrupted run, if any
  rm -rf "$KAFKA_STATE_DIR"
  server_stops+=("stop_kafka $KAFKA_STATE_DIR")
  "$servers_root/infra/kafka/start.sh"
  export KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
}

stop_kafka() {
  KAFKA_STATE_DIR="$1" "$servers_root/infra/kafka/stop.sh"
  rm -rf "$1"
}
