#!/usr/bin/env bash
# Builds the modules and runs JMH benchmarks: bench/run.sh [JMH options] [benchmark regex]
# Example: bench/run.sh -f 1 -wi 3 -i 5 'zk.*Pairing'
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -q -B -pl bench -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/deps-classpath.txt
cp="bench/target/classes:$(cat bench/target/deps-classpath.txt)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1)"
exec java -cp "$cp" org.openjdk.jmh.Main "$@"
