#!/usr/bin/env bash
# Judged precision on the held-out documents of testdata/judge/docs.txt.
# Usage: bench/judge.sh NAME [N] [SEED]
#   Draws testdata/judge/NAME.sample.tsv (N facts, default 100, seed 1) with
#   the current extractor, carries over judgements of the same facts from the
#   base sample, and scores NAME.judge-*.tsv when judges have written them.
#   Judges are fresh people (or helpers) who see only the sample and
#   testdata/judge/RUBRIC.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${KGRAPH_SHARED:-$root/../shared}
name=${1:?usage: bench/judge.sh NAME [N] [SEED]}
n=${2:-100}
seed=${3:-1}
dir=$root/testdata/judge
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
go build -o "$tmp/kgraph" ./cmd/kgraph
kg=$tmp/kgraph
sample=$dir/$name.sample.tsv
if [ ! -f "$sample" ]; then
	"$kg" eval judge sample --docs "$dir/docs.txt" --n "$n" --seed "$seed" "$shared/corpus/wh-statements.jsonl.gz" >"$sample"
	for j in "$dir"/base.judge-*.tsv; do
		[ -f "$j" ] || continue
		judge=${j##*/base.}
		"$kg" eval judge carry --from "$dir/base.sample.tsv" --judged "$j" --to "$sample" >"$dir/$name.carried-${judge#judge-}"
	done
fi
judged=("$dir/$name".judge-*.tsv)
if [ -f "${judged[0]}" ]; then
	"$kg" eval judge score --sample "$sample" "${judged[@]}"
else
	echo "$sample is ready for judges: none of $dir/$name.judge-*.tsv yet"
fi
