#!/usr/bin/env bash
# System libraries WeasyPrint needs (Pango), fonts with Persian glyphs, and poppler-utils
# (pdftoppm/pdftotext, used by the report tests). Installs from Debian's packages only
# what is missing; silent and quick when everything is present.
set -uo pipefail
wanted=(libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-noto-core poppler-utils)
# Vazirmatn (a Persian typeface) when this Debian release packages it.
if apt-cache show fonts-vazirmatn >/dev/null 2>&1; then wanted+=(fonts-vazirmatn); fi
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "installing: ${missing[*]}" >&2
$SUDO apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
  || { $SUDO apt-get update >/dev/null 2>&1 && $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; } \
  || echo "weasyprint-deps: could not install ${missing[*]}" >&2
exit 0
