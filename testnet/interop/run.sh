#!/usr/bin/env bash
# Runs the interop tests: Node.js test files (*.test.mjs) in this folder, each talking to the
# Java side through real processes or sockets. Expects `mvn -B verify` (or `mvn -B test-compile`)
# to have built the modules first; installs the pinned npm packages itself (npm ci).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"

# npm keeps a copy of the lockfile it installed from; reinstall when it is missing or differs.
if ! cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null \
    && ! [ -f node_modules/.package-lock.json -a node_modules/.package-lock.json -nt package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# One classpath with every module's main and test classes and all their dependencies, for the
# Java drivers the interop tests launch (java -cp "$ZKLAYER_CP" <main class> …).
(cd "$root" && mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/deps-classpath.txt)
cp=""
for m in "$root"/*/; do
  [ -f "$m/pom.xml" ] || continue
  [ -d "$m/target/classes" ] && cp="$cp:${m}target/classes"
  [ -d "$m/target/test-classes" ] && cp="$cp:${m}target/test-classes"
  [ -f "$m/target/deps-classpath.txt" ] && cp="$cp:$(cat "$m/target/deps-classpath.txt")"
done
export ZKLAYER_ROOT="$root"
export ZKLAYER_CP="${cp#:}"

shopt -s nullglob
tests=( *.test.mjs )
if [ ${#tests[@]} -eq 0 ]; then
  echo "no interop tests yet"
  exit 0
fi
exec node --import ./polyfill.mjs --test --test-concurrency=1 "${tests[@]}"
