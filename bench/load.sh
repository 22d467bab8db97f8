#!/usr/bin/env bash
# Loading speed against a peer, in one run on one machine: the same N-Quads
# file loaded by `kgraph import` and by Cayley's own `cayley load`, built
# from the Cayley version kgraph's go.mod requires, into bolt.
# Usage: [RUNS=5] bench/load.sh [COPIES]   (COPIES of the seed statement, default 20)
# Needs the Go module proxy the first time (to build the cayley CLI).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
copies=${1:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
go build -o "$tmp/kgraph" ./cmd/kgraph
version=$(go list -m -f '{{.Version}}' github.com/cayleygraph/cayley)

# The quads: COPIES differently named copies of the seed statement.
text=$(go run ./bench/internal/jsonstring < data/statement.txt)
for i in $(seq "$copies"); do printf '{"id":"statement-%d","text":%s}\n' "$i" "$text"; done >"$tmp/docs.jsonl"
"$tmp/kgraph" build -q --db "$tmp/src.db" "$tmp/docs.jsonl" >/dev/null
"$tmp/kgraph" export --db "$tmp/src.db" --format nquads -o "$tmp/graph.nq"
quads=$(wc -l <"$tmp/graph.nq")

# The peer: the cayley CLI, built in a scratch module (the module's own
# go.mod has replace directives, so `go install` refuses it).
mkdir -p "$tmp/peer"
(cd "$tmp/peer" && go mod init peer >/dev/null 2>&1 && go get "github.com/cayleygraph/cayley/cmd/cayley@$version" >/dev/null 2>&1 &&
	go build -o "$tmp/cayley" github.com/cayleygraph/cayley/cmd/cayley)

secs() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN {printf "%.2f", e-s}'; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Alternating runs, each into a new store, so that a busy moment of a shared
# machine falls on both; the median of each is compared.
runs=${RUNS:-5}
o=() p=() d=()
for i in $(seq "$runs"); do
	o+=("$(secs "$tmp/kgraph" import --db "$tmp/kg$i.db" "$tmp/graph.nq")")
	p+=("$(secs "$tmp/cayley" load --init --db bolt --dbpath "$tmp/cayley$i.db" --batch 1000 -i "$tmp/graph.nq")")
	d+=("$(secs "$tmp/cayley" load --init --db bolt --dbpath "$tmp/cayleyd$i.db" -i "$tmp/graph.nq")")
	rm -rf "$tmp/kg$i.db" "$tmp/cayley$i.db" "$tmp/cayleyd$i.db"
done
ours=$(median "${o[@]}")
peer=$(median "${p[@]}")
peerdef=$(median "${d[@]}")

printf '%s quads (%s copies of the seed statement), bolt, cayley %s\n' "$quads" "$copies" "$version"
printf 'median of %s runs each\n' "$runs"
printf '%-36s %8s s\n' "kgraph import" "$ours"
printf '%-36s %8s s\n' "cayley load --batch 1000" "$peer"
printf '%-36s %8s s\n' "cayley load (default batch)" "$peerdef"
# Throughput, kgraph over the peer's faster configuration: above 1 kgraph loads faster.
awk -v a="$ours" -v b="$peer" -v c="$peerdef" 'BEGIN {best = b < c ? b : c; printf "throughput ratio kgraph/cayley (its faster batch size): %.2fx\n", best/a}'
