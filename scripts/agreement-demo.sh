#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A small two-coder project for the agreement view and its screenshot: the
# demo project (scripts/demo.sh) coded by "ann", then a second coder, "ben",
# codes the same quotes of corpora/sample/coding.tsv with deliberate
# differences: he leaves out every fourth quote and files every fifth under
# "Being heard/Professionals not listening/Carer knowledge ignored".
# Usage: scripts/agreement-demo.sh OUT_DIR   (QUIRE_CLI names the quire-cli binary)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cli=${QUIRE_CLI:-$root/build/release/bin/quire-cli}
out=${1:-$root/build/agreement-demo}
QUIRE_CODER=ann QUIRE_CLI=$cli "$root/scripts/demo.sh" "$out" >/dev/null
project=$out/sample.quire
i=0
while IFS=$'\t' read -r file code quote; do
  [ "$file" = file ] && continue
  i=$((i + 1))
  (( i % 4 == 0 )) && continue
  (( i % 5 == 0 )) && code="Being heard/Professionals not listening/Carer knowledge ignored"
  "$cli" --coder ben segment add "$project" "$file" --code "$code" --quote "$quote" >/dev/null
done <"$root/corpora/sample/coding.tsv"
echo "Two coders (ann, ben) in $project"
