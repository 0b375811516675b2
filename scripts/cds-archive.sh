#!/usr/bin/env bash
# Builds bin/mizzen's start-up caches for the jar `mvn package` just shaded (run by `mvn package`,
# examples, execution cds-archive; also a smoke test of the executable jar: one render, one lint):
#   - for the JDK running Maven (JAVA_HOME_OF_MAVEN): a class-data sharing archive on JDK 17..24,
#     an AOT cache on 25+; a failure fails the build. On 17..24 it is also linked as
#     TARGET_DIR/mizzen.jsa, for java -XX:SharedArchiveFile=examples/target/mizzen.jsa -jar ...
#   - for a JDK 25+ if there is one ($JAVA25_HOME, else /usr/lib/jvm/temurin-25-jdk-amd64): its AOT
#     cache; optional (none found: nothing to do; a failure is a warning).
# Usage: scripts/cds-archive.sh TARGET_DIR [JAVA_HOME_OF_MAVEN]
set -euo pipefail
target="${1:?usage: cds-archive.sh TARGET_DIR [JAVA_HOME]}"
maven_jdk="${2:-${JAVA_HOME:-}}"
launcher="$(cd "$(dirname "$0")/.." && pwd)/bin/mizzen"
export MIZZEN_JAR="$target/mizzen.jar"
unset MIZZEN_CACHE
rm -f "$target/mizzen.jsa" "$target"/mizzen-jdk-*

cache=$(JAVA_HOME="$maven_jdk" "$launcher" --build-cache)
if [[ "$cache" == *.jsa ]]; then
  ln -s "$(basename "$cache")" "$target/mizzen.jsa"
fi

jdk25="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [[ -x "$jdk25/bin/java" && "$(readlink -f "$jdk25")" != "$(readlink -f "${maven_jdk:-/nonexistent}")" ]]; then
  if [[ "$(JAVA_HOME="$jdk25" "$launcher" --launcher-info)" == *"mode:    aot"* ]]; then
    JAVA_HOME="$jdk25" "$launcher" --build-cache >/dev/null \
      || echo "warning: no AOT cache for $jdk25 (bin/mizzen builds one on first use there)" >&2
  fi
fi
