#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `cmake --install` into a temporary DESTDIR, then: every file in place, the
# desktop file, AppStream metadata and MIME types valid, the man pages
# render without warnings and cover every verb, the installed quire-cli runs
# (finding its library and the installed plugin folder) on the sample corpus,
# and the bash completion completes verbs and options.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
src=$2
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

for tool in desktop-file-validate appstreamcli update-mime-database; do
  command -v "$tool" >/dev/null || fail "$tool is missing (./build.sh deps installs it)"
done

DESTDIR=$dest cmake --install "$build" --prefix /usr >/dev/null
root=$dest/usr
for f in bin/quire-cli bin/quire share/applications/org.quire.Quire.desktop share/metainfo/org.quire.Quire.metainfo.xml \
         share/icons/hicolor/scalable/apps/org.quire.Quire.svg share/mime/packages/org.quire.Quire.xml \
         share/man/man1/quire.1.gz share/man/man1/quire-cli.1.gz share/bash-completion/completions/quire-cli \
         share/doc/quire/copyright share/doc/quire/changelog.gz; do
  [ -s "$root/$f" ] || fail "$f was not installed"
done
core=$(find "$root/lib" -name libquirecore.so) || true
[ -n "$core" ] || fail "libquirecore.so was not installed"
plugindir=$(dirname "$core")/plugins
[ "$(find "$plugindir" -name 'quire_*.so' | wc -l)" -ge 5 ] || fail "the plugin modules are not in $plugindir"

# Validators: any error fails; hints are allowed, listed in the log.
desktop-file-validate "$root/share/applications/org.quire.Quire.desktop"
appstreamcli validate --no-net "$root/share/metainfo/org.quire.Quire.metainfo.xml"
grep -q '^Icon=org.quire.Quire$' "$root/share/applications/org.quire.Quire.desktop" || fail "the desktop file names another icon"
grep -q '<launchable type="desktop-id">org.quire.Quire.desktop</launchable>' "$root/share/metainfo/org.quire.Quire.metainfo.xml" \
  || fail "the metainfo does not launch the installed desktop file"
# The MIME database built from the installed package knows .quire, .qdpx and .qdc.
update-mime-database "$root/share/mime" 2>/dev/null
for pair in 'application/x-quire-project:*.quire' 'application/x-refi-qda-project:*.qdpx' 'application/x-refi-qda-codebook:*.qdc'; do
  grep -qxF "$pair" "$root/share/mime/globs" || fail "the MIME database has no $pair"
done
grep -q 'application/x-quire-project' "$root/share/applications/org.quire.Quire.desktop" || fail "the desktop file opens no .quire files"

# Man pages: render without warnings; quire-cli's has a section per verb.
if command -v man >/dev/null; then
  for page in quire quire-cli; do
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=100 man --warnings -l "$root/share/man/man1/$page.1.gz" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "$page.1 renders with warnings: $warnings"
  done
fi
cli=$root/bin/quire-cli
verbs=$("$cli" help --verbs | wc -l)
sections=$(zcat "$root/share/man/man1/quire-cli.1.gz" | grep -c '^\.SS ')
[ "$verbs" -gt 60 ] && [ "$sections" -eq "$verbs" ] || fail "quire-cli.1 has $sections verb sections for $verbs verbs"
gui_page=$(zcat "$root/share/man/man1/quire.1.gz")
grep -q '^\.B \\-\\-screenshot <FILE>' <<<"$gui_page" || fail "quire.1 lacks the --screenshot option"

# The installed programs run.
export XDG_RUNTIME_DIR=$dest/runtime
mkdir -m 700 "$XDG_RUNTIME_DIR"
version=$("$cli" --version)
[[ $version == "quire-cli "[0-9]* ]] || fail "quire-cli --version said: $version"
gui_version=$(QT_QPA_PLATFORM=offscreen "$root/bin/quire" --version)
[[ $gui_version == "quire "[0-9]* ]] || fail "quire --version said: $gui_version"
# It finds the installed plugin folder (its modules are twins of the built-in plugins).
plugins=$("$cli" plugins)
grep -qF "$plugindir/quire_csv.so" <<<"$plugins" || fail "quire-cli plugins does not list the installed plugin folder"
# The README's demo with the installed quire-cli: every quote of the sample corpus coded and reported.
QUIRE_CLI=$cli "$src/scripts/demo.sh" "$dest/demo" >"$dest/demo.log"
quotes=$(tail -n +2 "$src/corpora/sample/coding.tsv" | wc -l)
grep -qx "Coded $quotes quotes." "$dest/demo.log" || fail "the demo with the installed quire-cli did not code $quotes quotes"
grep -q " $quotes quotes\." "$dest/demo/theme-table.md" || fail "the theme table of the installed quire-cli lacks the $quotes quotes"

# bash completion, driven as bash does (COMP_WORDS, COMP_CWORD).
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _quire_cli; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$root/share/bash-completion/completions/quire-cli" "$@"
}
expect_completion() { # EXPECTED WORDS...
  local expected=$1 got
  shift
  got=$(complete_words "$cli" "$@")
  grep -qxF -- "$expected" <<<"$got" || fail "completing '$*' gave [$got], not $expected"
}
expect_completion code co
expect_completion add code a
expect_completion --color code add p.quire X --c
expect_completion assign wtfc theme ''
expect_completion --reverse wtfc trace p.quire --
echo "install test passed: $(find "$root" -type f | wc -l) files installed, $verbs verbs in quire-cli.1"
