# Lägesbild in a container: Node 24 LTS, the production build, only runtime
# dependencies. See docs/deployment.md (reverse proxy and TLS, settings,
# backups, upgrades). Build: docker build -t lagesbild .
# The install step is scripts/production-install.sh, which `npm test` also
# runs outside Docker (tests/production-install.spec.ts): what the image
# holds is what the test starts and signs in to.

# Node 24 LTS (24.21.0 when this was written); pin a digest (node:24-bookworm-slim@sha256:…) for reproducible images.
ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: every dependency, the app built, then a production install of it
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && bash scripts/production-install.sh /opt/lagesbild

# ---- runtime: the production install only
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    PGLITE_DATA_DIR=/data/pglite \
    LAGESBILD_DEMO_USERS=false
WORKDIR /app
COPY --from=build /opt/lagesbild /app
# The embedded database (PGlite) keeps its folder here; unused with DATABASE_URL.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM from `docker stop` lets running requests finish and closes the database (scripts/start.js).
CMD ["node", "scripts/start.js"]
