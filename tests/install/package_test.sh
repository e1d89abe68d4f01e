#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package with CPack into a temporary folder, inspects it
# with dpkg-deb (-I: name, version and declared dependencies; -c: the files),
# unpacks it into a fresh root and runs the unpacked programs from there:
# quire-cli --version and plugins, a project made and searched, and a
# screenshot of the workbench (offscreen). lintian runs when installed.
# Usage: package_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v dpkg-deb >/dev/null || fail "dpkg-deb is missing"

cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack failed"; }
debs=("$work"/out/quire_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "cpack wrote no quire_*.deb"
deb=${debs[0]}

info=$(dpkg-deb -I "$deb")
field() { sed -n "s/^ $1: //p" <<<"$info"; }
[ "$(field Package)" = quire ] || fail "Package is $(field Package)"
version=$(sed -n 's/^project(Quire VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
[ "$(field Version)" = "$version" ] || fail "Version is $(field Version), not $version"
depends=$(field Depends)
for dep in libqt6core6 libqt6gui6 libqt6widgets6 libsqlite3-0 libicu72 libzip4 libxml2 qt6-qpa-plugins fonts-dejavu-core; do
  grep -q "\(^\|, \)$dep\( \|,\|$\)" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
[ -n "$(field Maintainer)" ] && [ -n "$(field Description)" ] || fail "the control file lacks Maintainer or Description"

files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/quire ./usr/bin/quire-cli ./usr/lib/quire/libquirecore.so ./usr/lib/quire/plugins/quire_csv.so \
         ./usr/share/applications/org.quire.Quire.desktop ./usr/share/metainfo/org.quire.Quire.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/org.quire.Quire.svg ./usr/share/mime/packages/org.quire.Quire.xml \
         ./usr/share/man/man1/quire-cli.1.gz ./usr/share/man/man1/quire.1.gz ./usr/share/bash-completion/completions/quire-cli; do
  grep -qxF "$f" <<<"$files" || fail "the package lacks $f"
done
outside=$(grep -v '^\./usr/\|^\./$\|^\./usr$' <<<"$files" || true)
[ -z "$outside" ] || fail "the package installs outside /usr: $outside"

# A fresh root with only the package unpacked; the programs find their library and plugins there.
root=$work/root
dpkg-deb -x "$deb" "$root"
cli=$root/usr/bin/quire-cli
[ "$("$cli" --version)" = "quire-cli $version" ] || fail "the unpacked quire-cli says $("$cli" --version)"
plugins=$("$cli" plugins)
grep -qF "$root/usr/lib/quire/plugins/quire_csv.so" <<<"$plugins" || fail "the unpacked quire-cli does not look in its plugin folder"
"$cli" new "$work/p.quire" >/dev/null
"$cli" import "$work/p.quire" "$src/corpora/sample/fg1-carers.txt" --quiet >/dev/null
hits=$("$cli" --json search "$work/p.quire" stroke)
grep -q '"document"' <<<"$hits" || fail "the unpacked quire-cli found nothing for 'stroke': $hits"
export XDG_RUNTIME_DIR=$work/runtime
mkdir -m 700 "$XDG_RUNTIME_DIR"
QT_QPA_PLATFORM=offscreen "$root/usr/bin/quire" --screenshot "$work/main.png" --project "$work/p.quire" >/dev/null
[ "$(head -c 8 "$work/main.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "quire --screenshot wrote no PNG"

if command -v lintian >/dev/null; then
  # Errors fail the test; warnings are printed for the log (see docs/packaging notes in README.md).
  lintian --no-tag-display-limit "$deb" >"$work/lintian.log" 2>&1 || true
  cat "$work/lintian.log"
  ! grep -q '^E: ' "$work/lintian.log" || fail "lintian reports errors"
fi
echo "package test passed: $(basename "$deb"), $(wc -l <<<"$files") entries"
