#!/usr/bin/env bash
# Canonical-facts recall on the development sets: the seed statement's dev
# gold and both halves of testdata/dev2 (corpus documents annotated from
# their sentences alone). Find errors on one half, keep a change only if the
# other half does not fall.
# Usage: bench/facts.sh [-v]   (-v prints every miss)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${KGRAPH_SHARED:-$root/../shared}
verbose=${1:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
go build -o "$tmp/kgraph" ./cmd/kgraph
kg=$tmp/kgraph
dev=$root/testdata/dev2

"$kg" build --quiet --db "$tmp/seed.db" "$shared/bench/seed/statement.txt" >/dev/null
"$kg" eval facts --db "$tmp/seed.db" --gold "$shared/bench/seed/dev-facts-gold.tsv" >"$tmp/seed.out"
[ -n "$verbose" ] && cat "$tmp/seed.out"
seed=$(head -1 "$tmp/seed.out")

# The dev documents, taken from the corpus, into one store.
tail -n +2 "$dev/docs.tsv" | cut -f1 >"$tmp/ids"
zcat "$shared/corpus/wh-statements.jsonl.gz" | grep -F -f "$tmp/ids" >"$tmp/dev.jsonl"
"$kg" build --quiet --db "$tmp/dev.db" "$tmp/dev.jsonl" >/dev/null
declare -A found total
tail -n +2 "$dev/docs.tsv" | while IFS=$'\t' read -r id kind half title; do
	gold=$dev/$id.facts.tsv
	[ -f "$gold" ] || continue
	"$kg" eval facts --db "$tmp/dev.db" --doc "$id" --gold "$gold" >"$tmp/$id.out"
	[ -n "$verbose" ] && { echo "== $half $kind $id"; cat "$tmp/$id.out"; }
	read -r f t < <(head -1 "$tmp/$id.out" | sed -E 's/.*\(([0-9]+) of ([0-9]+).*/\1 \2/')
	printf '%s\t%s\t%s\t%s\t%s\n' "$half" "$f" "$t" "$kind" "${id:0:60}" >>"$tmp/rows"
done
printf 'set\trecall\tfound\tgold\n'
printf 'seed dev\t%s\n' "$(echo "$seed" | sed -E 's/recall ([0-9.]+) \(([0-9]+) of ([0-9]+).*/\1\t\2\t\3/')"
if [ -f "$tmp/rows" ]; then
	awk -F'\t' '{f[$1]+=$2; t[$1]+=$3; F+=$2; T+=$3}
		END {for (h in f) printf "dev2 %s\t%.3f\t%d\t%d\n", h, f[h]/t[h], f[h], t[h];
		     printf "dev2 all\t%.3f\t%d\t%d\n", F/T, F, T}' "$tmp/rows" | sort
	[ -n "$verbose" ] && awk -F'\t' '{printf "  %s %s/%s %s %s\n", $1, $2, $3, $4, $5}' "$tmp/rows"
fi
