#!/usr/bin/env bash
# Cold start: a fresh JVM until the shop app's YAML is written, alternating the variants in
# one run. Prints every run's wall time and the median per variant.
# Usage: scripts/bench-cold-start.sh [RUNS]   (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
jar=examples/target/mizzen.jar
[[ -f "$jar" ]] || mvn -B -q -DskipTests package
tmp=$(mktemp -d -t mizzen-cold-XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# The CDS archive for the mizzen CLI (JDK 13+ dynamic archive), made once, as the demo does.
java -XX:ArchiveClassesAtExit="$tmp/mizzen.jsa" -Xshare:auto -cp "$jar" dev.mizzen.examples.bench.ColdStart mizzen "$tmp/warm.yaml" 2>/dev/null

declare -A variants=(
  [client-java]="java -cp $jar dev.mizzen.examples.bench.ColdStart client-java $tmp/out.yaml"
  [mizzen]="java -cp $jar dev.mizzen.examples.bench.ColdStart mizzen $tmp/out.yaml"
  [mizzen+cds]="java -XX:SharedArchiveFile=$tmp/mizzen.jsa -cp $jar dev.mizzen.examples.bench.ColdStart mizzen $tmp/out.yaml"
  [mizzen-cli]="java -jar $jar render --out $tmp/out.yaml"
)
order=(client-java mizzen mizzen+cds mizzen-cli)
for v in "${order[@]}"; do : >"$tmp/$v.times"; done
for ((i = 1; i <= runs; i++)); do
  for v in "${order[@]}"; do
    start=$(date +%s%N)
    ${variants[$v]} >/dev/null 2>&1
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 )) >>"$tmp/$v.times"
  done
done
printf '%-14s %8s %8s %8s  (ms, %d runs each, interleaved)\n' variant median min max "$runs"
for v in "${order[@]}"; do
  sort -n "$tmp/$v.times" >"$tmp/$v.sorted"
  n=$(wc -l <"$tmp/$v.sorted")
  median=$(sed -n "$(( (n + 1) / 2 ))p" "$tmp/$v.sorted")
  printf '%-14s %8s %8s %8s\n' "$v" "$median" "$(head -1 "$tmp/$v.sorted")" "$(tail -1 "$tmp/$v.sorted")"
done
