#!/usr/bin/env bash
# Makes sure this machine has what the tests need beyond npm: Debian's Chromium and CJK fonts (the
# browser test and, later, PDF notices), and MariaDB and Redis installed and answering on their usual
# ports (root without a password, database `test`).
# Idempotent and quick when everything is already there. Never downloads a browser build of its own.
set -euo pipefail

log() { echo "[ensure-system] $*"; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# PDF notices: the headless shell renders, TrueType CJK fonts (Song, Kai, Hei) are embedded as such,
# and poppler's tools read the PDFs back in the tests.
[ -x /usr/bin/chromium-headless-shell ] || missing+=(chromium-headless-shell)
fc-list 2>/dev/null | grep "Noto Sans CJK SC" >/dev/null || missing+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep "AR PL UMing CN" >/dev/null || missing+=(fonts-arphic-uming)
fc-list 2>/dev/null | grep "AR PL UKai CN" >/dev/null || missing+=(fonts-arphic-ukai)
fc-list 2>/dev/null | grep "WenQuanYi Zen Hei" >/dev/null || missing+=(fonts-wqy-zenhei)
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
