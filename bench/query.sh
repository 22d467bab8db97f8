#!/usr/bin/env bash
# Graph questions on a built store, timed two ways: in-process through the
# Go API (bench/query: the store opened once, the median of five runs of
# each query) and through `kgraph query`, start-up and opening included.
# Usage: bench/query.sh DIR   (a store built with kgraph build --db DIR)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
db=${1:?usage: bench/query.sh DIR}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
go build -o "$tmp/kgraph" ./cmd/kgraph
go build -o "$tmp/query" ./bench/query
echo "in-process (Go API):"
"$tmp/query" -db "$db"
echo "through the CLI (median of 5, start-up and opening included):"
"$tmp/query" -db "$db" -n 1 | awk -F'\t' 'NR > 1 {print $1 "\t" $4}' | while IFS=$'\t' read -r kind q; do
	for _ in 1 2 3 4 5; do
		s=$(date +%s%N)
		"$tmp/kgraph" query --db "$db" "$q" >/dev/null
		e=$(date +%s%N)
		echo $(((e - s) / 1000000))
	done | sort -n | sed -n 3p | xargs -I{} printf '%s\t%s ms\t%s\n' "$kind" {} "$q"
done
