#!/usr/bin/env bash
# Before the PostgreSQL store tests: Debian's postgresql server binaries (the tests start their own server).
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb > /dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get > /dev/null; then
  echo "ensure-postgres: no PostgreSQL server binaries; install them: apt-get install -y postgresql" >&2
  exit 0
fi
echo "ensure-postgres: installing postgresql from Debian…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq postgresql > /dev/null
