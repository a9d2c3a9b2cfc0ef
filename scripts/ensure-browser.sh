#!/usr/bin/env bash
# Before the tests: the widget's browser tests drive Debian's Chromium, with a CJK font for readable screenshots.
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi 'wenquanyi\|noto sans cjk'; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get > /dev/null; then
  echo "ensure-browser: /usr/bin/chromium (and a CJK font) are missing; install them: apt-get install -y chromium fonts-wqy-microhei" >&2
  exit 0
fi
echo "ensure-browser: installing chromium and fonts-wqy-microhei from Debian…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-wqy-microhei > /dev/null
