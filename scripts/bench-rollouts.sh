#!/usr/bin/env bash
# The rollout engine against the local control plane (issue 9's targets), in one run:
#   - how soon a completed rollout is noticed after the status update that completes it (p50, p90);
#   - requests of the same canary with a 2 s and a 20 s pause (Lease renewals apart);
#   - 100 canaries at once in one JVM with a 256 MB heap: threads, heap, wall time, outcomes.
# Usage: scripts/bench-rollouts.sh [CONCURRENT=100] [LATENCY_SAMPLES=20]
set -euo pipefail
cd "$(dirname "$0")/.."
bench=examples/bench/target/mizzen-bench.jar
[[ -f "$bench" ]] || mvn -B -q -DskipTests package
bash scripts/provision-control-plane.sh >/dev/null
java -Xmx256m -cp "$bench" dev.mizzen.examples.bench.RolloutBench "${1:-100}" "${2:-20}"
