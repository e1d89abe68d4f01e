#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds a project from corpora/sample with quire-cli only: imports the
# documents with their attributes, builds the code tree, codes every quote
# of coding.tsv by its exact text, and prints the theme table.
# Usage: scripts/demo.sh OUT_DIR   (QUIRE_CLI names the quire-cli binary)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cli=${QUIRE_CLI:-$root/build/release/bin/quire-cli}
out=${1:-$root/build/demo}
corpus=$root/corpora/sample
mkdir -p "$out"
project=$out/sample.quire
rm -f "$project" "$project"-wal "$project"-shm
export QUIRE_CODER=${QUIRE_CODER:-demo}

"$cli" new "$project"
# documents.tsv: file, kind, case, attributes (k=v;k=v). Tabs are turned into
# \x1f first: read collapses runs of tabs, which would lose an empty case field.
while IFS=$'\x1f' read -r file kind case attrs; do
  [ "$file" = file ] && continue
  args=(--kind "$kind")
  [ -n "$case" ] && args+=(--case "$case")
  IFS=';' read -ra pairs <<<"$attrs"
  for kv in "${pairs[@]}"; do args+=(--attr "$kv"); done
  "$cli" import "$project" "$corpus/$file" "${args[@]}"
done < <(tr '\t' '\037' <"$corpus/documents.tsv")

# coding.tsv: file, code path, exact quote
cut -f2 "$corpus/coding.tsv" | tail -n +2 | sort -u | while read -r code; do
  "$cli" code add "$project" "$code" >/dev/null
done
n=0
while IFS=$'\t' read -r file code quote; do
  [ "$file" = file ] && continue
  "$cli" segment add "$project" "$file" --code "$code" --quote "$quote" >/dev/null
  n=$((n + 1))
done <"$corpus/coding.tsv"
echo "Coded $n quotes."

"$cli" export "$project" --format md --out "$out/theme-table.md" --by group --citation "({source} {number})"
"$cli" export "$project" --format csv --out "$out/theme-table.csv" --by group --citation "({source} {number})"
echo
# The table part of the Markdown export; the quotes follow in the file.
sed '/^# Quotes/q' "$out/theme-table.md" | sed '$d'
echo "Project: $project"
echo "Theme table and quotes: $out/theme-table.md (and .csv)"
