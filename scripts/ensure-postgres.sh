#!/usr/bin/env bash
# Before the PostgreSQL store tests: Debian's postgresql server binaries (the tests start their own server).
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb > /dev/null 2>&1; then
  exit 0
fi
exec bash "$(dirname "$0")/apt-install.sh" ensure-postgres postgresql
