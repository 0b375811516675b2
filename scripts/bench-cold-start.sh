#!/usr/bin/env bash
# Cold start: a fresh JVM until the shop app's YAML is written, all variants interleaved in one
# run. Prints the median, min and max wall time per variant.
#   client-java       client-java models built by hand, dumped with client-java's Yaml
#   mizzen            the DSL: build, validate, render (same harness class as client-java)
#   mizzen-cli        java -jar mizzen.jar render --out FILE (the demo command)
#   *+cds             the same with a class-data sharing archive of that variant's own first run
# Usage: scripts/bench-cold-start.sh [RUNS]   (default 21)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-21}"
jar=examples/target/mizzen.jar
bench=examples/bench/target/mizzen-bench.jar
[[ -f "$jar" && -f "$bench" ]] || mvn -B -q -DskipTests package
tmp=$(mktemp -d -t mizzen-cold-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
quiet="-Xlog:cds=off -Xlog:cds+dynamic=off"
harness="-cp $bench dev.mizzen.examples.bench.ColdStart"

# One archive per variant, from one run of that variant (as `mvn package` does for the CLI).
java -XX:ArchiveClassesAtExit="$tmp/client-java.jsa" $quiet $harness client-java "$tmp/warm.yaml" 2>/dev/null
java -XX:ArchiveClassesAtExit="$tmp/mizzen.jsa" $quiet $harness mizzen "$tmp/warm.yaml"
java -XX:ArchiveClassesAtExit="$tmp/cli.jsa" $quiet -jar "$jar" render --out "$tmp/warm.yaml" 2>/dev/null

declare -A variants=(
  [client-java]="java $harness client-java $tmp/out.yaml"
  [client-java+cds]="java -XX:SharedArchiveFile=$tmp/client-java.jsa $quiet $harness client-java $tmp/out.yaml"
  [mizzen]="java $harness mizzen $tmp/out.yaml"
  [mizzen+cds]="java -XX:SharedArchiveFile=$tmp/mizzen.jsa $quiet $harness mizzen $tmp/out.yaml"
  [mizzen-cli]="java -jar $jar render --out $tmp/out.yaml"
  [mizzen-cli+cds]="java -XX:SharedArchiveFile=$tmp/cli.jsa $quiet -jar $jar render --out $tmp/out.yaml"
)
order=(client-java mizzen mizzen-cli client-java+cds mizzen+cds mizzen-cli+cds)
for v in "${order[@]}"; do : >"$tmp/$v.times"; done
for ((i = 1; i <= runs; i++)); do
  for v in "${order[@]}"; do
    start=$(date +%s%N)
    ${variants[$v]} >/dev/null 2>&1
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 )) >>"$tmp/$v.times"
  done
done
printf '%-16s %8s %8s %8s   (ms, %d runs each, interleaved; %s)\n' variant median min max "$runs" "$(java -version 2>&1 | head -1)"
for v in "${order[@]}"; do
  sort -n "$tmp/$v.times" >"$tmp/$v.sorted"
  n=$(wc -l <"$tmp/$v.sorted")
  median=$(sed -n "$(( (n + 1) / 2 ))p" "$tmp/$v.sorted")
  printf '%-16s %8s %8s %8s\n' "$v" "$median" "$(head -1 "$tmp/$v.sorted")" "$(tail -1 "$tmp/$v.sorted")"
done
