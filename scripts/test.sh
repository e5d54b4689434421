#!/usr/bin/env bash
# Everything `npm test` runs: static checks, unit tests, a production build,
# and the end-to-end tests against that build in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
echo "== svelte-check och tsc"
npm run --silent check
echo "== eslint"
npm run --silent lint
echo "== vitest"
npx vitest run
echo "== bygge"
npm run --silent build
echo "== playwright (produktionsbygget)"
npx playwright test
