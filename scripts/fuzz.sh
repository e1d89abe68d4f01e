#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets (clang) in build/fuzz and runs each for a
# while: scripts/fuzz.sh SECONDS (default 20). New inputs go to a temporary
# corpus; the seeds in fuzz/corpus/ are only read. A crash fails the script
# and leaves its reproducer in build/fuzz/artifacts/. See fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
build=build/fuzz
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DQUIRE_BUILD_FUZZ=ON -DQUIRE_BUILD_TESTS=OFF -DQUIRE_BUILD_BENCH=OFF -DQUIRE_WERROR=OFF >/dev/null
targets=(csv transcript)
cmake --build "$build" -j "${JOBS:-2}" --target "${targets[@]/#/fuzz_}"
mkdir -p "$build/artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for t in "${targets[@]}"; do
  mkdir -p "$work/$t"
  dict=()
  [ -f "fuzz/$t.dict" ] && dict=(-dict="fuzz/$t.dict")
  echo "fuzz_$t: ${seconds}s"
  "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=0 \
    -artifact_prefix="$build/artifacts/$t-" "${dict[@]}" "$work/$t" "fuzz/corpus/$t" 2>&1 | tail -n 1
done
echo "fuzzing: no crashes"
