#!/usr/bin/env bash
# Lint throughput on a generated corpus (default 540 shop apps = 10,260 objects in 54 files):
# end-to-end wall time of `mizzen lint` (fresh JVM, all rule sets and the schema check) side by
# side with kube-score on the same files, interleaved; then Mizzen's warm in-process rate.
# kube-score is installed with `go install` into the benchmark tool cache when Go is present;
# kube-linter's module host is not reachable from this kind of machine, so it is skipped.
# Usage: scripts/bench-lint.sh [APPS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
apps="${1:-540}"
runs="${2:-5}"
jar=examples/target/mizzen.jar
bench=examples/bench/target/mizzen-bench.jar
[[ -f "$jar" && -f "$bench" ]] || mvn -B -q -DskipTests package
tools="${MIZZEN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mizzen}/bench-tools"
kube_score_version=v1.20.0
if [[ ! -x "$tools/kube-score-$kube_score_version" ]] && command -v go >/dev/null; then
  echo "installing kube-score $kube_score_version into $tools ..." >&2
  mkdir -p "$tools/gobin"
  GOBIN="$tools/gobin" GOFLAGS=-buildvcs=false go install "github.com/zegl/kube-score/cmd/kube-score@$kube_score_version" \
    && mv "$tools/gobin/kube-score" "$tools/kube-score-$kube_score_version" || echo "kube-score could not be installed; skipping it" >&2
fi
tmp=$(mktemp -d -t mizzen-lint-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
java -cp "$bench" dev.mizzen.examples.bench.LintCorpus "$tmp/corpus" "$apps"
objects=$((apps * 19))

declare -A variants=([mizzen-lint]="java -jar $jar lint --format json $tmp/corpus/*.yaml")
order=(mizzen-lint)
if [[ -x "$tools/kube-score-$kube_score_version" ]]; then
  variants[kube-score]="$tools/kube-score-$kube_score_version score --output-format ci $tmp/corpus/*.yaml"
  order+=(kube-score)
fi
for v in "${order[@]}"; do : >"$tmp/$v.times"; done
for ((i = 1; i <= runs; i++)); do
  for v in "${order[@]}"; do
    start=$(date +%s%N)
    eval "${variants[$v]}" >/dev/null 2>&1 || true   # both exit non-zero when they find errors
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 )) >>"$tmp/$v.times"
  done
done
printf '%-12s %10s %10s %10s %14s   (%d objects, %d runs each, interleaved)\n' tool median-ms min-ms max-ms objects/s "$objects" "$runs"
for v in "${order[@]}"; do
  sort -n "$tmp/$v.times" >"$tmp/$v.sorted"
  n=$(wc -l <"$tmp/$v.sorted")
  median=$(sed -n "$(( (n + 1) / 2 ))p" "$tmp/$v.sorted")
  printf '%-12s %10s %10s %10s %14s\n' "$v" "$median" "$(head -1 "$tmp/$v.sorted")" "$(tail -1 "$tmp/$v.sorted")" \
    "$(( objects * 1000 / median ))"
done
java -cp "$bench" dev.mizzen.examples.bench.LintThroughput "$tmp/corpus" 10
