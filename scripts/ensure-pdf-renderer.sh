#!/usr/bin/env bash
# What PDF notices need from Debian: the browser that renders them (chromium-headless-shell, or the
# file CHROMIUM_PATH names) and the CJK TrueType fonts they embed (Song, Kai, Hei).
# Missing and root: installs them. Missing and not root: stops with one line giving the command.
# Idempotent and quick when all is there (one test of a file, one fc-list).
#
#   bash scripts/ensure-pdf-renderer.sh            npm prestart: installs, or stops (exit 1)
#   bash scripts/ensure-pdf-renderer.sh --warn     npm postinstall: installs, or only says what to run
#                                                  (an install must not fail for want of root; the
#                                                  prestart stops later if it is still missing)
#   bash scripts/ensure-pdf-renderer.sh --missing  prints the missing packages, for ensure-system.sh
set -euo pipefail

mode=${1:-}
case "$mode" in '' | --warn | --missing) ;; *) echo "usage: $0 [--warn | --missing]" >&2; exit 2 ;; esac

# One line and out: --warn reports without failing, the others fail.
stop() {
  echo "$*" >&2
  [ "$mode" = --warn ] && exit 0
  exit 1
}

missing=()
# The app uses CHROMIUM_PATH when set (src/config/app-config.ts), so that is the file that must run.
chromium=${CHROMIUM_PATH:-/usr/bin/chromium-headless-shell}
if [ ! -x "$chromium" ]; then
  case "$chromium" in
    /usr/bin/chromium-headless-shell) missing+=(chromium-headless-shell) ;;
    /usr/bin/chromium) missing+=(chromium) ;;
    # A browser of one's own: no Debian package puts it there.
    *) stop "CHROMIUM_PATH=$chromium 不是可执行文件：请改为 Chromium 的路径，或去掉 CHROMIUM_PATH 以使用 Debian 的 chromium-headless-shell" ;;
  esac
fi
if command -v fc-list >/dev/null; then
  families=$(fc-list : family 2>/dev/null || true)
  grep -q "AR PL UMing CN" <<<"$families" || missing+=(fonts-arphic-uming)
  grep -q "AR PL UKai CN" <<<"$families" || missing+=(fonts-arphic-ukai)
  grep -q "WenQuanYi Zen Hei" <<<"$families" || missing+=(fonts-wqy-zenhei)
else
  # Without fontconfig's tools the fonts cannot be checked: installing them brings fc-list too.
  missing+=(fontconfig fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei)
fi

if [ "$mode" = --missing ]; then
  echo "${missing[*]}"
  exit 0
fi
[ ${#missing[@]} -eq 0 ] && exit 0

command_line="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  stop "PDF 公文需要 Debian 软件包 ${missing[*]}，请以 root 运行：$command_line"
fi
command -v apt-get >/dev/null || stop "PDF 公文需要 Debian 软件包 ${missing[*]}，本机没有 apt-get，请用本系统的方式安装"
echo "[ensure-pdf-renderer] 正在安装 PDF 公文所需的 ${missing[*]}" >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  tail -n 5 "$log" >&2
  stop "安装 ${missing[*]} 失败（见上）；可手动以 root 运行：$command_line"
fi
