#!/usr/bin/env bash
# apt-install.sh WHO PACKAGE…: installs Debian packages the tests need, when running as root with apt; says what to do otherwise.
set -euo pipefail
who=$1
shift
if [ "$(id -u)" != 0 ] || ! command -v apt-get > /dev/null; then
  echo "$who: missing; install them: apt-get install -y $*" >&2
  exit 0
fi
echo "$who: installing $* from Debian…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "$@" > /dev/null
