#!/usr/bin/env bash
# `npm run demo`: the whole product on this machine, with the West London Alliance demo data.
#
#   1. makes sure Postgres and Redis are up and the database exists (scripts/ensure-services.sh);
#   2. builds (npm run build) when dist/ is missing or older than the sources;
#   3. applies the migrations and reference data (npm run migrate), then seeds the demo (idempotent);
#   4. starts the api and one worker, waits for /health, prints the URLs and the demo logins;
#   5. stays in the foreground; Ctrl-C stops both.
#
# Environment (all optional): DATABASE_URL, REDIS_URL, PORT (3000), QUEUE_PREFIX (placements),
# JWT_SECRET (else generated once into .demo/jwt-secret), DEMO_PASSWORD (else per-user passwords
# generated once into .demo/credentials.json), ADMIN_EMAIL/ADMIN_PASSWORD, LOG_LEVEL,
# DEMO_SKIP_SEED=1 (no demo data), DEMO_FORCE_BUILD=1, DEMO_HEALTH_TIMEOUT (seconds, 90).
# Logs: .demo/logs/api.log and .demo/logs/worker.log.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/placements}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export PORT="${PORT:-3000}"
export QUEUE_PREFIX="${QUEUE_PREFIX:-placements}"
export LOG_LEVEL="${LOG_LEVEL:-info}"
# The demo runs on a developer's machine: webhooks may point at a local receiver.
export WEBHOOK_ALLOW_PRIVATE_NETWORKS="${WEBHOOK_ALLOW_PRIVATE_NETWORKS:-true}"

STATE_DIR="$ROOT/.demo"
LOG_DIR="$STATE_DIR/logs"
BUILD_STAMP="$STATE_DIR/build-stamp"
HEALTH_TIMEOUT="${DEMO_HEALTH_TIMEOUT:-90}"
API_MAIN="dist/apps/api/src/main.js"
WORKER_MAIN="dist/apps/worker/src/main.js"
SEEDER="dist/scripts/demo/seed-demo.js"

step() { printf '\n==> %s\n' "$*"; }
die() {
  echo "demo: $*" >&2
  exit 1
}

command -v node >/dev/null 2>&1 || die "node is required (>= 20.19)"
command -v npm >/dev/null 2>&1 || die "npm is required"
if [ ! -d node_modules ]; then
  step "Installing dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi

mkdir -p "$LOG_DIR"
chmod 700 "$STATE_DIR"

# A JWT secret per install, kept so that tokens survive a restart of the demo.
if [ -z "${JWT_SECRET:-}" ]; then
  if [ ! -s "$STATE_DIR/jwt-secret" ]; then
    (
      umask 077
      node -e 'process.stdout.write(require("crypto").randomBytes(48).toString("base64url"))' >"$STATE_DIR/jwt-secret.tmp"
    )
    mv "$STATE_DIR/jwt-secret.tmp" "$STATE_DIR/jwt-secret"
  fi
  JWT_SECRET="$(cat "$STATE_DIR/jwt-secret")"
fi
export JWT_SECRET

port_in_use() {
  PORT_TO_CHECK="$PORT" node -e '
    const s = require("net").connect({ host: "127.0.0.1", port: Number(process.env.PORT_TO_CHECK) });
    s.on("connect", () => process.exit(0)); s.on("error", () => process.exit(1));
    setTimeout(() => process.exit(1), 1000);
  ' 2>/dev/null
}
if port_in_use; then
  die "port $PORT is already in use: stop what is listening there or set PORT"
fi

step "Postgres and Redis"
bash "$ROOT/scripts/ensure-services.sh"

# dist/ is stale when a build output is missing or a source is newer than the last demo build.
needs_build() {
  [ "${DEMO_FORCE_BUILD:-0}" = "1" ] && return 0
  local output
  for output in "$API_MAIN" "$WORKER_MAIN" "$SEEDER" dist/scripts/migrate.js dist/web/index.html; do
    [ -f "$output" ] || return 0
  done
  [ -f "$BUILD_STAMP" ] || return 0
  [ -n "$(find apps libs scripts package.json package-lock.json nest-cli.json tsconfig.json tsconfig.base.json tsconfig.build.json \
    -newer "$BUILD_STAMP" -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.scss' -o -name '*.json' -o -name '*.html' \) \
    -not -path 'apps/web/e2e/*' -print -quit 2>/dev/null)" ]
}

if needs_build; then
  step "Building (npm run build)"
  stamp_next="$STATE_DIR/build-stamp.next"
  touch "$stamp_next" # sources changed during the build count as changed afterwards
  npm run --silent build
  mv "$stamp_next" "$BUILD_STAMP"
else
  step "Build is up to date"
fi
for output in "$API_MAIN" "$WORKER_MAIN" "$SEEDER"; do
  [ -f "$output" ] || die "$output is missing after the build"
done

step "Migrations and reference data (npm run migrate)"
npm run --silent migrate

SEED_OUTPUT=""
if [ "${DEMO_SKIP_SEED:-0}" != "1" ]; then
  step "Demo data (West London Alliance)"
  SEED_OUTPUT="$(node "$SEEDER")" || die "the demo seeder failed"
  printf '%s\n' "$SEED_OUTPUT"
fi

# ---- api and worker ----------------------------------------------------------------------------
API_PID=""
WORKER_PID=""
stopping=0

stop_children() {
  local pid
  for pid in $API_PID $WORKER_PID; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  # Give them time to drain, then insist.
  local deadline=$((SECONDS + 15))
  for pid in $API_PID $WORKER_PID; do
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  done
}

on_signal() {
  if ((stopping)); then return; fi
  stopping=1
  printf '\nStopping the api and the worker...\n'
  stop_children
  echo "Stopped."
  exit 0
}
trap on_signal INT TERM
trap 'stop_children' EXIT

step "Starting the api and a worker"
node "$API_MAIN" >>"$LOG_DIR/api.log" 2>&1 &
API_PID=$!
node "$WORKER_MAIN" >>"$LOG_DIR/worker.log" 2>&1 &
WORKER_PID=$!
echo "api pid $API_PID (log .demo/logs/api.log), worker pid $WORKER_PID (log .demo/logs/worker.log)"

health_ok() {
  HEALTH_URL="http://127.0.0.1:$PORT/health" node -e '
    fetch(process.env.HEALTH_URL, { signal: AbortSignal.timeout(2000) })
      .then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1));
  ' 2>/dev/null
}

deadline=$((SECONDS + HEALTH_TIMEOUT))
until health_ok; do
  if ! kill -0 "$API_PID" 2>/dev/null; then
    echo "demo: the api exited during start-up; last lines of .demo/logs/api.log:" >&2
    tail -n 30 "$LOG_DIR/api.log" >&2 || true
    exit 1
  fi
  if ! kill -0 "$WORKER_PID" 2>/dev/null; then
    echo "demo: the worker exited during start-up; last lines of .demo/logs/worker.log:" >&2
    tail -n 30 "$LOG_DIR/worker.log" >&2 || true
    exit 1
  fi
  if ((SECONDS >= deadline)); then
    echo "demo: GET /health did not answer 200 within ${HEALTH_TIMEOUT}s; last lines of .demo/logs/api.log:" >&2
    tail -n 30 "$LOG_DIR/api.log" >&2 || true
    exit 1
  fi
  sleep 1
done

BASE="http://localhost:$PORT"
cat <<EOF

==> Ready: open $BASE/ in a browser and sign in with a login below

  Web app    $BASE/
  API        $BASE/api/v1
  API docs   $BASE/docs   (OpenAPI JSON: $BASE/docs-json)
  Health     $BASE/health
  Logs       .demo/logs/api.log, .demo/logs/worker.log
EOF

if [ -n "$SEED_OUTPUT" ]; then
  printf '\n%s\n' "$(printf '%s\n' "$SEED_OUTPUT" | sed -n '/^Demo logins/,$p')"
  first_email="$(printf '%s\n' "$SEED_OUTPUT" | awk '/^Demo logins/ {found=1; next} found && NF >= 3 {print $2; exit}')"
  if [ -n "$first_email" ]; then
    cat <<EOF

  Sign in at $BASE/ with one of them, or through the API, e.g.:
    curl -s -X POST $BASE/api/v1/auth/login -H 'content-type: application/json' \\
      -d '{"email":"$first_email","password":"<password above>"}'
EOF
  fi
fi
printf '\nPress Ctrl-C to stop.\n'

# Stay in the foreground until a child ends or a signal arrives.
set +e
wait -n "$API_PID" "$WORKER_PID"
status=$?
set -e
((stopping)) && exit 0
# Ctrl-C reaches the children too: they stop themselves (exit 130/143) and bash then sees only them.
if [ "$status" -eq 130 ] || [ "$status" -eq 143 ]; then
  on_signal
fi
if ! kill -0 "$API_PID" 2>/dev/null; then
  echo "demo: the api stopped (exit $status); see .demo/logs/api.log" >&2
else
  echo "demo: the worker stopped (exit $status); see .demo/logs/worker.log" >&2
fi
stop_children
exit "$status"
