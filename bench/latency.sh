#!/usr/bin/env bash
# Builds the modules and measures finality latency and block propagation on in-process validators:
# bench/latency.sh [--validators 4] [--slots 90] [--warmup-slots 15] [--slot-millis 2000]
# (io.zklayer.bench.node.NetworkLatency; node logs at WARN go to stderr).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -q -B -pl bench -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/deps-classpath.txt
cp="bench/target/classes:$(cat bench/target/deps-classpath.txt)"
exec java -cp "$cp" io.zklayer.bench.node.NetworkLatency "$@"
