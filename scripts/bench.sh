#!/usr/bin/env bash
# Render throughput, side by side in one JMH run: Mizzen's DSL vs client-java models + Yaml.dump.
# Prints JMH's own table, then the median of every measured iteration and the ratio.
# Usage: scripts/bench.sh [extra JMH args, e.g. -f 1 -wi 3 -i 5 for a quick look]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=examples/target/mizzen.jar
bench=examples/bench/target/mizzen-bench.jar
[[ -f "$jar" && -f "$bench" ]] || mvn -B -q -DskipTests package
out=$(mktemp -t mizzen-jmh-XXXXXX.json)
java -jar "$bench" RenderBenchmark -rf json -rff "$out" "$@"
echo
java -cp "$bench" dev.mizzen.examples.bench.BenchReport "$out"
