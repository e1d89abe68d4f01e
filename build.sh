#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The two set-up commands of README.md, for a fresh Debian 12 machine:
#   ./build.sh run    install what is needed, build, run the demo on the bundled corpus
#   ./build.sh test   install what is needed, build, run the whole test suite
# Options via the environment: BUILD_DIR (default build/release), JOBS (default 2).
set -euo pipefail
cd "$(dirname "$0")"

mode=${1:-}
case "$mode" in
  run|test|deps|build) ;;
  *) echo "usage: $0 run|test   (see README.md)" >&2; exit 2 ;;
esac

BUILD_DIR=${BUILD_DIR:-build/release}
JOBS=${JOBS:-2}
# Seconds each libFuzzer target runs after the tests (0: skip; needs clang).
FUZZ_SECONDS=${FUZZ_SECONDS:-20}

# Debian packages the build, the tests and the benchmarks need.
PACKAGES=(cmake ninja-build g++ pkg-config ccache python3 wamerican
          qt6-base-dev qt6-svg-dev qt6-charts-dev libgl-dev libicu-dev libsqlite3-dev catch2 libbenchmark-dev
          libzip-dev libxml2-dev libpoppler-qt6-dev libstemmer-dev libxlsxwriter-dev fonts-dejavu-core fonts-noto-color-emoji fonts-wqy-microhei
          fonts-crosextra-carlito libboost-graph-dev libgraphviz-dev
          clang libclang-rt-14-dev clang-format
          desktop-file-utils appstream shared-mime-info dpkg-dev file lintian
          libxml2-utils)

install_deps() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# `run` builds only the programs and plugins it runs (target apps); `test`
# builds everything. Both use the same build folder, so one reuses the other.
build() {
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQUIRE_WERROR=ON >/dev/null
  if [ "$1" = run ]; then
    cmake --build "$BUILD_DIR" -j "$JOBS" --target apps
  else
    cmake --build "$BUILD_DIR" -j "$JOBS"
  fi
}

install_deps
[ "$mode" = deps ] && exit 0
build "$mode"
case "$mode" in
  run)
    QUIRE_CLI="$BUILD_DIR/bin/quire-cli" scripts/demo.sh "$BUILD_DIR/demo"
    # The workbench on the demo project; without a display it says so and
    # writes pictures of the main views instead.
    if [ -x "$BUILD_DIR/bin/quire" ]; then
      "$BUILD_DIR/bin/quire" "$BUILD_DIR/demo/sample.quire" --screenshot-dir "$BUILD_DIR/screenshots"
    fi
    ;;
  test)
    (cd "$BUILD_DIR" && ctest --output-on-failure -j "$JOBS" --timeout 600)
    # The house rules on the whole tree (docs/architecture.md, "Checks").
    scripts/house_check.py
    if [ "$FUZZ_SECONDS" -gt 0 ] && command -v clang++ >/dev/null; then
      scripts/fuzz.sh "$FUZZ_SECONDS"
    fi
    ;;
esac
