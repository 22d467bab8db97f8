#!/usr/bin/env bash
# Issue 14's graph questions on a built store (one-hop, two-hop with a
# predicate filter, related to both of two; hubs included), timed two ways:
# in-process through the Go API (bench/query: the store opened once, the
# median of five runs of each question) and through `kgraph related`,
# start-up and opening included; then a table of the median over the
# questions of each kind against the targets. Further flags go to
# bench/query: -gizmo times the Gizmo forms too (seconds each on a hub).
# Usage: bench/query.sh DIR [-gizmo]   (a store built with kgraph build --db DIR;
#        one built before the fact index needs kgraph index --db DIR first)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
db=${1:?usage: bench/query.sh DIR [-gizmo]}
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
go build -o "$tmp/kgraph" ./cmd/kgraph
go build -o "$tmp/query" ./bench/query
"$tmp/query" -db "$db" -kgraph "$tmp/kgraph" "$@"
