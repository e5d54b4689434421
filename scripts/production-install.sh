#!/usr/bin/env bash
# A production install of the built app in <dir>: what the container image
# holds (the Dockerfile runs this script) and what a server without Docker
# needs. Only the build output, the migrations, the start and command scripts
# and the runtime dependencies (npm ci --omit=dev): no sources, no Vite, no
# TypeScript. Run `npm run build` first. tests/production-install.spec.ts
# installs with it, starts the server and signs in over HTTP.
#
#   bash scripts/production-install.sh /opt/lagesbild
#   cd /opt/lagesbild && node scripts/start.js
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?Ange katalogen att installera i, t.ex. /opt/lagesbild}"

if [ ! -f build/handler.js ] || [ ! -f build/commands/create-admin.js ]; then
	echo 'Ingen bygg-katalog hittades. Kör "npm run build" först.' >&2
	exit 1
fi

mkdir -p "$target/scripts"
# What the server and its commands read at run time, and nothing else.
cp package.json package-lock.json LICENSE "$target/"
rm -rf "$target/build" "$target/drizzle"
cp -R build drizzle "$target/"
cp scripts/start.js scripts/security-headers.js scripts/create-admin.js "$target/scripts/"

cd "$target"
# The lock file's versions exactly; no install scripts run (none of the runtime dependencies needs one).
npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
echo "Installerat i $target ($(du -sh . | cut -f1)). Starta med: cd $target && node scripts/start.js"
