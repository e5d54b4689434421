#!/usr/bin/env bash
# Playwright cannot download its own browser here, so the tests use Debian's
# Chromium. Installs it when it is missing (needs root or sudo).
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
	exit 0
fi
echo "Chromium saknas: installerar Debians paket chromium …"
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
"$browser" --version
