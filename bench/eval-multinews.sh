#!/usr/bin/env bash
# Runs every method (and every peer whose summaries bench/peers.sh wrote) on
# the Multi-News validation set with the protocol of docs/EVALUATION.md and
# prints the results table in Markdown, then Parallax's paired comparison
# with every other row.
#
#   bash bench/eval-multinews.sh [--data FILE] [--limit K] [--out DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data="$root/../shared/data/multinews-val.jsonl.gz"
limit=0
out="$root/bench/out/eval"
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data=$2; shift 2 ;;
    --limit) limit=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "usage: $0 [--data FILE] [--limit K] [--out DIR]" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
bin="$out/parallax"
(cd "$root" && go build -o "$bin" ./cmd/parallax)

methods=(parallax lead centroid lexrank textrank mmr oracle)
for p in ots lexrankr lexrank node_summarizer; do
  [ -s "$root/bench/out/$p.jsonl" ] && methods+=("file:$root/bench/out/$p.jsonl")
done

# name turns a method into a file-safe row name: peers get a "peer-" prefix
# so npm's lexrank never overwrites the built-in one.
name() {
  case "$1" in
    file:*) echo "peer-$(basename "${1#file:}" .jsonl)" ;;
    *) echo "$1" ;;
  esac
}

printf '| method | ROUGE-1 F | ROUGE-2 F | ROUGE-L F | ROUGE-SU4 F | ROUGE-1 R | ROUGE-2 R | stories/s | time (s) | peak memory |\n'
printf '|---|---|---|---|---|---|---|---|---|---|\n'
for m in "${methods[@]}"; do
  name=$(name "$m")
  "$bin" eval summarize --data "$data" --method "$m" --words 250 --limit "$limit" \
    --jsonl "$out/$name.scores.jsonl" > "$out/$name.txt"
  awk -v name="$name" '
    /^ROUGE-1 /   { r1r=$2; r1f=$6 }
    /^ROUGE-2 /   { r2r=$2; r2f=$6 }
    /^ROUGE-L /   { rlf=$6 }
    /^ROUGE-SU4 / { suf=$6 }
    /^summarized in/ { t=$3; sub(/s:/, "", t); sps=$4; mem=$(NF-1) " " $NF }
    END { printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", name, r1f, r2f, rlf, suf, r1r, r2r, sps, t, mem }
  ' "$out/$name.txt" > "$out/$name.row"
  if [ "${m#file:}" != "$m" ]; then
    # A peer's speed is its own run's, from bench/peers.sh; memory is not measured.
    timefile="${m#file:}"; timefile="${timefile%.jsonl}.time"
    sps=$(awk '$1=="stories_per_second"{print $2}' "$timefile")
    secs=$(awk '$1=="wall_seconds"{print $2}' "$timefile")
    awk -F'|' -v OFS='|' -v sps="$sps" -v secs="$secs" '{ $9=" " sps " "; $10=" " secs " "; $11=" n/a "; print }' "$out/$name.row"
  else
    cat "$out/$name.row"
  fi
done

echo
for m in "${methods[@]}"; do
  name=$(name "$m")
  [ "$name" = parallax ] && continue
  echo "### parallax vs $name"
  "$bin" eval compare "$out/parallax.scores.jsonl" "$out/$name.scores.jsonl" | grep -E '^(ROUGE-1|ROUGE-2) '
done
