#!/usr/bin/env bash
# The validation-parity fuzzer (testkit/validation-parity, see docs/validation.md) on its own:
# SPECS seeded specs, each judged by the DSL and by the local control plane's API server.
# Prints the counts per kind and every failure with a one-change reproduction.
# Usage: scripts/validation-parity.sh [SPECS] [SEED]   (defaults: 100000, 20261203)
set -euo pipefail
cd "$(dirname "$0")/.."
specs="${1:-100000}"
seed="${2:-20261203}"
mvn -o -q -pl testkit/validation-parity -am verify \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ValidationParityIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dparity.specs="$specs" -Dparity.seed="$seed"
