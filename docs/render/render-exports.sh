#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Rendering check a person can see: builds the sample project (corpora/sample,
# through scripts/demo.sh), exports the theme table (--by group) and the quote
# appendix as .docx and .odt with quire-cli, lays each out with LibreOffice
# headless (to PDF) and rasterises the first pages with pdftoppm (PNG, 80 dpi).
#
# Usage: docs/render/render-exports.sh [OUT_DIR]
#   OUT_DIR      where the PNGs go (default: docs/screenshots)
#   QUIRE_CLI    the quire-cli binary (default: build/release/bin/quire-cli)
#   KEEP_WORK=1  keep the work folder (project, .docx/.odt, PDFs) and print it
#
# Writes export-theme-table.png, export-quotes.png, export-quotes-2.png (the
# .docx rendered) and export-theme-table-odt.png, export-quotes-odt.png.
# Exits 2 when LibreOffice or Poppler's tools are missing. Fonts: Carlito
# (fonts-crosextra-carlito) stands in for the Calibri the .docx asks for;
# WenQuanYi Micro Hei and DejaVu Sans cover the sample's Han text and emoji.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cli=${QUIRE_CLI:-$root/build/release/bin/quire-cli}
out=${1:-$root/docs/screenshots}

missing=()
command -v soffice >/dev/null 2>&1 || missing+=("soffice (Debian: libreoffice-writer-nogui, or libreoffice-writer)")
command -v pdftoppm >/dev/null 2>&1 || missing+=("pdftoppm (Debian: poppler-utils)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "render-exports.sh: missing tools:" >&2
  for m in "${missing[@]}"; do echo "  $m" >&2; done
  echo "Install them, e.g.: apt-get install --no-install-recommends libreoffice-writer-nogui poppler-utils" >&2
  exit 2
fi
# The .docx asks for Calibri; without it or its metric twin Carlito LibreOffice
# falls back to a wider font and the pictures no longer show Word's layout.
case "$(fc-match -f '%{family}' Calibri 2>/dev/null || true)" in
  *Carlito* | *Calibri*) ;;
  *) echo "render-exports.sh: note: neither Calibri nor Carlito is installed (Debian: fonts-crosextra-carlito);" \
       "the .docx pictures will use a wider substitute font" >&2 ;;
esac
if [ ! -x "$cli" ]; then
  echo "render-exports.sh: no quire-cli at $cli; build it (./build.sh) or set QUIRE_CLI" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/quire-render-XXXXXX")
if [ "${KEEP_WORK:-0}" = 1 ]; then
  echo "Work folder: $work"
else
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$out"

# The project, exactly as the demo builds it (its own output goes to a log).
QUIRE_CLI=$cli "$root/scripts/demo.sh" "$work" >"$work/demo.log"
project=$work/sample.quire

for fmt in docx odt; do
  "$cli" export "$project" --format "$fmt" --out "$work/export-theme-table.$fmt" \
    --template theme-table --by group >/dev/null
  "$cli" export "$project" --format "$fmt" --out "$work/export-quotes.$fmt" \
    --template quotes --citation "({source} {number})" >/dev/null
done

# A private LibreOffice profile: no clash with a running LibreOffice or with
# another run of this script, and nothing written to the home folder.
lo_profile="file://$work/lo-profile"
# LibreOffice 7.4 embeds colour bitmap fonts (Noto Color Emoji) in a PDF
# without drawable glyphs, so the sample's emoji would come out blank; hide
# such fonts from it and the emoji fall back to DejaVu Sans (monochrome).
cat >"$work/fonts.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><glob>*Color*Emoji*</glob></rejectfont></selectfont>
</fontconfig>
XML
export FONTCONFIG_FILE=$work/fonts.conf

# page PDF PAGE PNG: one page at 80 dpi, when the PDF has that page.
page() {
  local pages
  pages=$(pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p')
  if [ -n "$pages" ] && [ "$2" -gt "$pages" ]; then
    rm -f "$3"
    return 0
  fi
  pdftoppm -png -r 80 -f "$2" -l "$2" -singlefile "$1" "${3%.png}"
  echo "Wrote $3"
}

# LibreOffice names each PDF after its input minus the extension, so the .odt
# and the .docx of one stem would collide: convert them in separate folders.
for fmt in docx odt; do
  for stem in export-theme-table export-quotes; do
    soffice -env:UserInstallation="$lo_profile" --headless --convert-to pdf --outdir "$work/pdf-$fmt" \
      "$work/$stem.$fmt" >>"$work/soffice.log" 2>&1
    if [ ! -s "$work/pdf-$fmt/$stem.pdf" ]; then
      echo "render-exports.sh: LibreOffice did not convert $stem.$fmt:" >&2
      cat "$work/soffice.log" >&2
      exit 1
    fi
  done
done

page "$work/pdf-docx/export-theme-table.pdf" 1 "$out/export-theme-table.png"
page "$work/pdf-docx/export-quotes.pdf" 1 "$out/export-quotes.png"
page "$work/pdf-docx/export-quotes.pdf" 2 "$out/export-quotes-2.png"
page "$work/pdf-odt/export-theme-table.pdf" 1 "$out/export-theme-table-odt.png"
page "$work/pdf-odt/export-quotes.pdf" 1 "$out/export-quotes-odt.png"
