#!/usr/bin/env bash
# Makes sure this machine has what the tests need beyond npm: what PDF notices need (asked of
# scripts/ensure-pdf-renderer.sh), Debian's full Chromium and the pages' CJK font for the browser tests,
# poppler, and MariaDB and Redis installed and answering on their usual ports (root without a password,
# database `test`).
# Idempotent and quick when everything is already there. Never downloads a browser build of its own.
set -euo pipefail

log() { echo "[ensure-system] $*"; }

# What PDF notices need (the headless shell and the CJK fonts they embed) is the app's own set-up
# script's to say; asked here so that one apt-get run installs everything.
pdf_missing=$(bash "$(dirname "$0")/ensure-pdf-renderer.sh" --missing)
read -r -a missing <<<"$pdf_missing"
# The tests' extras: the full browser for the browser tests, the pages' CJK font, and poppler's tools
# to read the PDFs back.
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep "Noto Sans CJK SC" >/dev/null || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
[ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server mariadb-client)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "missing Debian packages: ${missing[*]} — run as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

wait_for() {
  local name=$1 check=$2
  for _ in $(seq 1 60); do
    if eval "$check" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  log "$name did not answer within 60 s" >&2
  exit 1
}

mariadb_up='mysqladmin --host=127.0.0.1 --user=root --silent ping'
if ! eval "$mariadb_up" >/dev/null 2>&1; then
  log "starting MariaDB"
  install -d -o mysql -g mysql /run/mysqld 2>/dev/null || true
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  wait_for MariaDB "$mariadb_up"
fi
mysql --host=127.0.0.1 --user=root -e 'CREATE DATABASE IF NOT EXISTS test' >/dev/null

redis_up='[ "$(redis-cli -h 127.0.0.1 -p 6379 ping)" = PONG ]'
if ! eval "$redis_up" >/dev/null 2>&1; then
  log "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  wait_for Redis "$redis_up"
fi
log "Chromium, CJK fonts, poppler, MariaDB and Redis are ready"
