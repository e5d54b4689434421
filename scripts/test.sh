#!/usr/bin/env bash
# Everything `npm test` runs: static checks, unit tests (on this Node and on
# Node 24 LTS, the version .nvmrc names), a production build, the
# end-to-end tests against that build in Debian's Chromium, and a production
# install of the build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
echo "== svelte-check och tsc"
npm run --silent check
echo "== eslint"
npm run --silent lint
echo "== prettier (formatering)"
npm run --silent format:check
echo "== vitest ($(node --version))"
npx vitest run
# Node 20 still runs the app; Node 24 LTS is what .nvmrc, the Dockerfile and
# docs/deployment.md name. Fetched from the npm registry when not installed.
if [ "$(node --version | cut -d. -f1)" != "v24" ]; then
	# The long concurrency and convergence suites test the sync's logic, not the runtime: they ran
	# above, and run once to keep CI well inside its time.
	echo "== vitest (Node 24 LTS, via npx -p node@24; the long sync suites ran above)"
	npx -y -p node@24 -- node node_modules/vitest/vitest.mjs run \
		--exclude src/lib/sync/concurrent-sync.test.ts \
		--exclude src/lib/sync/convergence.test.ts \
		--exclude src/routes/api/sync/sync-route.test.ts
fi
echo "== bygge"
npm run --silent build
echo "== playwright (produktionsbygget)"
npx playwright test
