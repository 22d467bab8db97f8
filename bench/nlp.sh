#!/usr/bin/env bash
# The NLP core in one run: accuracy on UD EWT dev and test (gold
# tokenization, and tokenization and sentence splitting from raw text), speed
# and memory on one core.
# Usage: bench/nlp.sh   (needs ../shared beside the repository)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ewt=${KGRAPH_SHARED:-$root/../shared}/data/ud-english-ewt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
go build -o "$tmp/kgraph" ./cmd/kgraph
for split in dev test; do
	echo "== EWT $split"
	"$tmp/kgraph" eval parse --raw --gold "$ewt/en_ewt-ud-$split.conllu"
done
echo "== speed and memory, one core (go test -bench)"
GOMAXPROCS=1 go test ./nlp -run '^$' -bench 'Pipeline|ModelMemory' -benchtime 3x |
	grep -E '^Benchmark' | sed 's/^/  /'
echo "== model files"
ls -l data/models/*.gz | awk '{s+=$5; printf "  %-40s %8.1f MB\n", $9, $5/1e6} END {printf "  %-40s %8.1f MB\n", "total", s/1e6}'
