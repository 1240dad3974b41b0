#!/usr/bin/env bash
# Installs Debian's Chromium and the Liberation fonts (metric-compatible with Arial) for the
# browser tests and bench:web, unless CHROMIUM_PATH or /usr/bin/chromium is already there.
# Playwright must never fetch a browser of its own: only Debian's packages are reachable.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ] && fc-list 2>/dev/null | grep -qi 'liberation sans'; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: $chromium or the Liberation fonts are missing; run as root, or:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y chromium fonts-liberation" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
echo "ensure-chromium: installed $("$chromium" --version 2>/dev/null || echo chromium)"
