#!/usr/bin/env bash
# Extraction quality and speed in one table, from one run:
#   CaRB dev (default and one-to-one scorer), the seed statement's dev gold,
#   OpenIE-5's CaRB dev output scored by the same code, and sentences/s.
# Usage: bench/oie.sh   (from anywhere; needs ../shared beside the repository)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${KGRAPH_SHARED:-$root/../shared}
carb=$shared/bench/carb
seed=$shared/bench/seed
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$root"
go build -o "$tmp/kgraph" ./cmd/kgraph
kg=$tmp/kgraph

score() { # gold pred [--single-match] -> "F1 AUC"
	"$kg" eval carb --gold "$1" --pred "$2" ${3:-} |
		awk '{for (i=1;i<=NF;i++) if ($i=="AUC:") auc=$(i+1); print $NF, auc}'
}

start=$(date +%s.%N)
"$kg" extract --format carb --lines "$carb/dev-sentences.txt" >"$tmp/carb.tabbed"
end=$(date +%s.%N)
"$kg" extract --format carb --lines "$seed/dev-sentences.txt" >"$tmp/seed.tabbed"

read -r f1 auc < <(score "$carb/dev-gold.tsv" "$tmp/carb.tabbed")
read -r f1s aucs < <(score "$carb/dev-gold.tsv" "$tmp/carb.tabbed" --single-match)
read -r pf1 pauc < <(score "$carb/dev-gold.tsv" "$carb/peer-openie5-dev.tabbed")
read -r pf1s paucs < <(score "$carb/dev-gold.tsv" "$carb/peer-openie5-dev.tabbed" --single-match)
read -r sf1 sauc < <(score "$seed/dev-oie-gold.tsv" "$tmp/seed.tabbed")
read -r sf1s saucs < <(score "$seed/dev-oie-gold.tsv" "$tmp/seed.tabbed" --single-match)
n=$(grep -c . "$carb/dev-sentences.txt")
covered=$(cut -f1 "$tmp/carb.tabbed" | sort -u | wc -l)

# Speed on one core, from the Go benchmark (raw text to extractions, models
# loaded once); the CLI wall time above includes start-up.
bench=$(GOMAXPROCS=1 go test ./extract -run '^$' -bench 'BenchmarkExtract$' -benchtime 3x 2>/dev/null |
	awk '/sentences\/s/ {for (i=1;i<=NF;i++) if ($(i+1)=="sentences/s") print $i}')
cli=$(awk -v n="$n" -v s="$start" -v e="$end" 'BEGIN {printf "%.0f", n/(e-s)}')

printf '%-28s %8s %8s %10s %10s\n' "system / data" "F1" "AUC" "F1 (1-1)" "AUC (1-1)"
printf '%-28s %8s %8s %10s %10s\n' "kgraph, CaRB dev" "$f1" "$auc" "$f1s" "$aucs"
printf '%-28s %8s %8s %10s %10s\n' "OpenIE-5, CaRB dev" "$pf1" "$pauc" "$pf1s" "$paucs"
printf '%-28s %8s %8s %10s %10s\n' "kgraph, seed dev" "$sf1" "$sauc" "$sf1s" "$saucs"
echo
echo "CaRB dev sentences with extractions: $covered of $n"
echo "speed, one core (go test -bench BenchmarkExtract): ${bench:-?} sentences/s"
echo "speed, CLI on CaRB dev incl. start-up: $cli sentences/s"
