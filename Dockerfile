# syntax=docker/dockerfile:1
# One image for the api, the worker, the migrations and the demo seeder:
#   node dist/apps/api/src/main.js | node dist/apps/worker/src/main.js | npm run migrate | node dist/scripts/demo/seed-demo.js

# ---- build: install everything, compile, then drop the dev dependencies ------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

COPY package.json package-lock.json ./
RUN npm ci

COPY nest-cli.json tsconfig.json tsconfig.base.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY scripts ./scripts
RUN npm run build \
 && npm prune --omit=dev \
 && npm cache clean --force

# ---- runtime: compiled code, production dependencies and the reference data only --------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    npm_config_update_notifier=false \
    npm_config_fund=false
WORKDIR /app

# Owned by root and read-only to the app user; only .demo (demo credentials) is writable.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Read at run time (LAs, postcode districts, Ofsted register). OGL v3.
COPY --from=build /app/libs/reference-data/data ./libs/reference-data/data
RUN mkdir -p /app/.demo && chown node:node /app/.demo && chmod 700 /app/.demo

USER node
EXPOSE 3000
# The api's health check is in docker-compose.yml: the workers serve no HTTP.
CMD ["node", "dist/apps/api/src/main.js"]
