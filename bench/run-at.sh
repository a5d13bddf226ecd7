#!/usr/bin/env bash
# bench/run-at.sh REF [bench options]: runs this checkout's benchmark harness (bench/) against
# the platform code of REF (services and libs as they were at that commit), in a temporary git
# worktree. Before/after comparisons of an optimisation use the same harness on both sides:
#   bash bench/run-at.sh <commit before> --label=before
#   npm run bench -- --label=after
# Results land in this checkout's bench/results/. Kafka and PostgreSQL must be up (npm run infra:up).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ref="${1:?usage: bench/run-at.sh REF [bench options]}"
shift
sha="$(git -C "$root" rev-parse --verify "$ref^{commit}")"
dir="$(mktemp -d /tmp/bench-at-XXXXXX)"
cleanup() { git -C "$root" worktree remove --force "$dir" >/dev/null 2>&1 || rm -rf "$dir"; }
trap cleanup EXIT
git -C "$root" worktree add --detach "$dir" "$sha" >/dev/null
# The harness of this checkout, the platform of REF.
rm -rf "$dir/bench"
mkdir -p "$dir/bench"
(cd "$root/bench" && tar --exclude=./results -cf - .) | (cd "$dir/bench" && tar -xf -)
mkdir -p "$dir/bench/results"
cp "$root/bench/results/.gitignore" "$dir/bench/results/"
# Dependencies and the Kafka jars are shared, not reinstalled: npm ci in the worktree would
# replace the shared node_modules. Workspace packages resolve through tsconfig paths, so the
# worktree's own libs are the ones loaded.
ln -s "$root/node_modules" "$dir/node_modules"
mkdir -p "$dir/infra/kafka/.dist"
ln -s "$root/infra/kafka/.dist/lib" "$dir/infra/kafka/.dist/lib"
. "$root/infra/bin/lib.sh"
export KAFKA_BROKERS="${KAFKA_BROKERS:-$DEFAULT_KAFKA_BROKERS}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/complaints}"
echo "[bench-at] platform code of ${sha:0:7}, harness of this checkout, in $dir" >&2
status=0
(cd "$dir" && node -r @swc-node/register bench/src/main.ts "$@") || status=$?
cp "$dir"/bench/results/*.json "$dir"/bench/results/*.md "$root/bench/results/" 2>/dev/null || true
exit "$status"
