#!/usr/bin/env bash
# Starts a single-node Apache Kafka 3.9 (KRaft: broker + controller in one JVM) on 127.0.0.1 from its
# Maven Central jars, waits until it answers, and writes a pid file. Idempotent: a running broker is kept.
#   KAFKA_PORT (default 19092), KAFKA_CONTROLLER_PORT (default 19093), KAFKA_STATE_DIR (default infra/.cache/kafka)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${KAFKA_PORT:-19092}"
controller_port="${KAFKA_CONTROLLER_PORT:-19093}"
state="${KAFKA_STATE_DIR:-$root/infra/.cache/kafka}"
pidfile="$state/kafka.pid"
mkdir -p "$state"

if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  echo "kafka: already running (pid $(cat "$pidfile")) on 127.0.0.1:$port"
  exit 0
fi

# Jars from Maven Central (the only source reachable here), once.
if [ ! -f "$here/.dist/lib/kafka_2.13-3.9.1.jar" ]; then
  echo "kafka: fetching jars from Maven Central"
  (cd "$here" && mvn -q -B dependency:copy-dependencies -DoutputDirectory=.dist/lib -DincludeScope=runtime)
fi
classpath="$here/.dist/lib/*"

cat > "$state/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$state/data
num.partitions=1
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
# Two cores: fewer threads than the defaults (3 network, 8 I/O) means less switching, not less work done.
num.network.threads=2
num.io.threads=2
PROPS
cat > "$state/log4j.properties" <<PROPS
log4j.rootLogger=WARN, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$state/kafka.log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
PROPS

if [ ! -f "$state/data/meta.properties" ]; then
  cluster_id="$(java -cp "$classpath" kafka.tools.StorageTool random-uuid)"
  java -cp "$classpath" -Dlog4j.configuration="file:$state/log4j.properties" kafka.tools.StorageTool format \
    -t "$cluster_id" -c "$state/server.properties" > /dev/null
fi

nohup java -Xms1g -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -cp "$classpath" -Dlog4j.configuration="file:$state/log4j.properties" \
  kafka.Kafka "$state/server.properties" > "$state/stdout.log" 2>&1 &
echo $! > "$pidfile"

# Ready when the broker answers a metadata request (bounded: 60 s).
if ! node "$here/wait-ready.js" "127.0.0.1:$port" 60000; then
  echo "kafka: did not become ready; see $state/kafka.log and $state/stdout.log" >&2
  kill "$(cat "$pidfile")" 2>/dev/null || true
  rm -f "$pidfile"
  exit 1
fi
echo "kafka: ready on 127.0.0.1:$port (pid $(cat "$pidfile"))"
