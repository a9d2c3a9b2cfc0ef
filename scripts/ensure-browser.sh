#!/usr/bin/env bash
# Before the tests: the widget's browser tests drive Debian's Chromium, with a CJK font for readable screenshots.
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -i 'wenquanyi\|noto sans cjk' > /dev/null; then
  exit 0
fi
exec bash "$(dirname "$0")/apt-install.sh" ensure-browser chromium fonts-wqy-microhei
