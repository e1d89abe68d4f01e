#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the encrypted PDFs of this folder (needs qpdf: apt-get install qpdf).
# Not run by the build: the outputs are committed, so the tests need no qpdf.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A one-page PDF with a text layer, written by hand; qpdf rebuilds its
# cross-reference table, so the offsets below need not be exact.
cat > "$tmp/plain.pdf" <<'PDF'
%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]
  /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >> endobj
4 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> endobj
5 0 obj << /Length 91 >>
stream
BT /F1 12 Tf 72 770 Td (P1: This statement is protected.) Tj 0 -18 Td (Second line.) Tj ET
endstream
endobj
trailer << /Size 6 /Root 1 0 R >>
%%EOF
PDF
# Needs the user password "secret" to open: Quire must refuse it.
qpdf --warning-exit-0 --encrypt secret owner-secret 256 -- "$tmp/plain.pdf" pdf-encrypted-password.pdf
# Encrypted, but with an empty user password (only the owner password
# restricts copying and printing): any reader opens it, and so does Quire.
qpdf --warning-exit-0 --encrypt "" owner-secret 256 --extract=n --print=none -- "$tmp/plain.pdf" pdf-encrypted-no-open-password.pdf
