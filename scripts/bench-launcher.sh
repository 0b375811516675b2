#!/usr/bin/env bash
# Cold start of the command line through bin/mizzen against the shop app in cdk8s-plus (Node), all
# variants interleaved in one run (round i runs every variant once, in order), after one untimed
# round (which also builds any missing launcher cache). Prints median, min and max wall time per
# variant and the ratio of its median to the Node app's (the yardstick for render and lint alike),
# and the median CPU time (user + sys, all threads): on a shared machine it shifts less than wall
# time does, and says how much of a variant's speed comes from running on both cores.
#   node              node app.js FILE: the shop app in cdk8s-plus-33 (/work/shared/bench)
#   jar-17, jar-25    java -jar mizzen.jar render --out FILE, no cache
#   mizzen-17         bin/mizzen render --out FILE on JDK 17: class-data sharing archive
#   mizzen-25         the same on JDK 25: AOT cache
#   lint-17, lint-25  bin/mizzen lint FILE: one file, the shop app's 19 objects
# Usage: scripts/bench-launcher.sh [RUNS]   (default 11)
# JDKs: JAVA17_HOME (default: the java on PATH), JAVA25_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64;
# its variants are left out when there is none). The Node app: MIZZEN_NODE_APP, a folder with app.js
# and node_modules; by default /work/shared/bench/cdk8s-plus-33 copied under ~/.cache/mizzen and `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-11}"
jar=examples/target/mizzen.jar
[[ -f "$jar" ]] || mvn -B -q -DskipTests package
jdk17="${JAVA17_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
jdk25="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
node_app="${MIZZEN_NODE_APP:-}"
if [[ -z "$node_app" ]]; then
  node_app="${XDG_CACHE_HOME:-$HOME/.cache}/mizzen/bench/cdk8s-plus-33"
  if [[ ! -d "$node_app/node_modules" ]]; then
    mkdir -p "$(dirname "$node_app")"
    cp -r /work/shared/bench/cdk8s-plus-33 "$(dirname "$node_app")/"
    (cd "$node_app" && npm ci --no-audit --no-fund >/dev/null)
  fi
fi
tmp=$(mktemp -d -t mizzen-launcher-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
unset MIZZEN_CACHE MIZZEN_JAVA_OPTS
java -jar "$jar" render --out "$tmp/shop.yaml" 2>/dev/null

declare -A variants=(
  [node]="node $node_app/app.js $tmp/node.yaml"
  [jar-17]="$jdk17/bin/java -jar $jar render --out $tmp/out.yaml"
  [mizzen-17]="env JAVA_HOME=$jdk17 bin/mizzen render --out $tmp/out.yaml"
  [lint-17]="env JAVA_HOME=$jdk17 bin/mizzen lint $tmp/shop.yaml"
  [jar-25]="$jdk25/bin/java -jar $jar render --out $tmp/out.yaml"
  [mizzen-25]="env JAVA_HOME=$jdk25 bin/mizzen render --out $tmp/out.yaml"
  [lint-25]="env JAVA_HOME=$jdk25 bin/mizzen lint $tmp/shop.yaml"
)
order=(node jar-17 mizzen-17 lint-17)
if [[ -x "$jdk25/bin/java" ]]; then
  order+=(jar-25 mizzen-25 lint-25)
fi

for v in "${order[@]}"; do # the untimed round; each must succeed
  ${variants[$v]} >/dev/null 2>"$tmp/err" || { echo "$v failed:" >&2; cat "$tmp/err" >&2; exit 1; }
  : >"$tmp/$v.times"
done
children_cpu() { # sets cpu: user + sys ms of this shell's finished children (`times`: 0m1.234s 0m0.056s)
  local t sec line
  times >"$tmp/times" # `times` in this shell: in a subshell it would count that subshell's children
  line=$(tail -1 "$tmp/times")
  cpu=0
  for t in $line; do
    sec="${t#*m}"
    sec="${sec%s}"
    cpu=$(( cpu + ${t%%m*} * 60000 + 10#${sec%.*} * 1000 + 10#${sec#*.} ))
  done
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((i = 1; i <= runs; i++)); do
  for v in "${order[@]}"; do
    children_cpu
    cpu_before=$cpu
    start=$(date +%s%N)
    ${variants[$v]} >/dev/null 2>&1
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 )) >>"$tmp/$v.times"
    children_cpu
    echo $(( cpu - cpu_before )) >>"$tmp/$v.cpu"
  done
done

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $runs runs each, interleaved; load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "JDK 17: $("$jdk17/bin/java" -version 2>&1 | sed -n 2p); $(env JAVA_HOME="$jdk17" bin/mizzen --launcher-info | grep -E '^(mode|options)' | tr -s ' ' | paste -sd ' ')"
[[ -x "$jdk25/bin/java" ]] && echo "JDK 25: $("$jdk25/bin/java" -version 2>&1 | sed -n 2p); $(env JAVA_HOME="$jdk25" bin/mizzen --launcher-info | grep -E '^(mode|options)' | tr -s ' ' | paste -sd ' ')"
echo "Node: $(node --version), $node_app"
median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
node_median=$(median "$tmp/node.times")
printf '%-10s %8s %8s %8s %8s %8s\n' variant median min max "/node" "cpu"
for v in "${order[@]}"; do
  m=$(median "$tmp/$v.times")
  printf '%-10s %8s %8s %8s %8s %8s\n' "$v" "$m" "$(sort -n "$tmp/$v.times" | head -1)" "$(sort -n "$tmp/$v.times" | tail -1)" \
    "$(awk -v a="$m" -v b="$node_median" 'BEGIN { printf "%.2f", a / b }')" "$(median "$tmp/$v.cpu")"
done
echo "(ms; /node: median over the node median; cpu: median user + sys)"
