#!/usr/bin/env bash
# Writes a class-data sharing archive of one `render` and one `lint` run: examples/target/mizzen.jsa.
# Run by `mvn package` (examples); also a smoke test of the executable jar.
# Use it with: java -XX:SharedArchiveFile=examples/target/mizzen.jsa -jar examples/target/mizzen.jar ...
set -euo pipefail
target="${1:?usage: cds-archive.sh TARGET_DIR}"
rm -f "$target/mizzen.jsa"
java -XX:ArchiveClassesAtExit="$target/mizzen.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -cp "$target/mizzen.jar" dev.mizzen.examples.cli.CdsTraining "$target/shop.yaml"
