#!/usr/bin/env bash
# Before the tests: Debian's redis-server (the REDIS_URL tests start their own on a free port) and docker-compose
# (only its `config` check of compose.yaml runs; there is no Docker daemon).
set -euo pipefail
missing=()
command -v redis-server > /dev/null || missing+=(redis-server)
command -v docker-compose > /dev/null || missing+=(docker-compose)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get > /dev/null; then
  echo "ensure-services: ${missing[*]} missing; install them (apt-get install -y --no-install-recommends ${missing[*]}) or their tests are skipped" >&2
  exit 0
fi
echo "ensure-services: installing ${missing[*]} from Debian…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
