#!/usr/bin/env bash
# Makes sure a font with Chinese glyphs is installed for the analytics report PDF (Debian's
# fonts-noto-cjk; the service also takes fonts-wqy-zenhei, or REPORT_PDF_FONT). Prints the
# font's path. Installing needs root (apt-get); as another user it names the command to run.
set -euo pipefail
LOG_TAG=cjk-font
# shellcheck source=../../../infra/bin/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../../../infra/bin/lib.sh"

noto=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
wqy=/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
for font in "$noto" "$wqy"; do
  if [ -f "$font" ]; then echo "$font"; exit 0; fi
done
[ "$(id -u)" -eq 0 ] || die "no CJK font for the report PDF: run as root \`apt-get update && apt-get install -y fonts-noto-cjk\`"
command -v apt-get >/dev/null || die "no CJK font and apt-get is not here: install Noto Sans CJK and set REPORT_PDF_FONT"

with_lock apt
if [ ! -f "$noto" ]; then
  log "installing Debian's fonts-noto-cjk (apt-get, about 60 MB, once per machine)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends fonts-noto-cjk >&2
fi
[ -f "$noto" ] || die "apt-get finished but $noto is missing (package fonts-noto-cjk)"
echo "$noto"
