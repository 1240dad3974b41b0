#!/usr/bin/env bash
# Makes sure Postgres and Redis answer at DATABASE_URL and REDIS_URL, starting them if they do not,
# then creates the database named in DATABASE_URL if it is missing. A no-op when all is up.
# Non-interactive (used by `npm run demo` and by CI).
#
#   scripts/ensure-services.sh                 services and database
#   scripts/ensure-services.sh --services-only services only
#   scripts/ensure-services.sh --create-db     accepted for clarity (the default)
#
# Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/placements),
#              REDIS_URL (default redis://127.0.0.1:6379), SERVICES_WAIT_SECONDS (default 60).
# Where a service is down: `docker compose up -d postgres redis` when a Docker engine answers,
# else the machine's own Postgres cluster and redis-server are started.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/placements}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
WAIT_SECONDS="${SERVICES_WAIT_SECONDS:-60}"
CREATE_DB=1

for arg in "$@"; do
  case "$arg" in
    --create-db) CREATE_DB=1 ;;
    --services-only | --no-create-db) CREATE_DB=0 ;;
    -h | --help)
      sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "ensure-services: unknown option $arg" >&2
      exit 2
      ;;
  esac
done

log() { echo "ensure-services: $*" >&2; }

have() { command -v "$1" >/dev/null 2>&1; }

# Prints "host port" of a URL (for messages and local checks).
url_host_port() {
  URL="$1" DEFAULT_PORT="$2" node -e '
    const u = new URL(process.env.URL);
    process.stdout.write(`${u.hostname.replace(/^\[|\]$/g, "")} ${u.port || process.env.DEFAULT_PORT}`);
  '
}

postgres_up() {
  if have pg_isready; then
    pg_isready -q -t 3 -d "$DATABASE_URL" >/dev/null 2>&1
    return
  fi
  # Without the client tools: a connection that fails only because the database is missing still
  # proves the server is up.
  node -e '
    const { Client } = require("pg");
    const client = new Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 3000 });
    client.connect()
      .then(() => client.end()).then(() => process.exit(0))
      .catch((error) => process.exit(error && error.code === "3D000" ? 0 : 1));
  ' >/dev/null 2>&1
}

redis_up() {
  if have redis-cli; then
    [ "$(redis-cli --no-auth-warning -u "$REDIS_URL" ping 2>/dev/null)" = "PONG" ]
    return
  fi
  node -e '
    const net = require("net");
    const u = new URL(process.env.REDIS_URL);
    const socket = net.connect({ host: u.hostname.replace(/^\[|\]$/g, ""), port: Number(u.port || 6379) });
    socket.setTimeout(3000, () => process.exit(1));
    socket.on("error", () => process.exit(1));
    socket.on("connect", () => {
      const password = decodeURIComponent(u.password || "");
      const user = decodeURIComponent(u.username || "");
      if (password) socket.write(user ? `AUTH ${user} ${password}\r\n` : `AUTH ${password}\r\n`);
      socket.write("PING\r\n");
    });
    let seen = "";
    socket.on("data", (chunk) => {
      seen += chunk.toString();
      if (seen.includes("+PONG")) process.exit(0);
      if (/^-/m.test(seen) && !seen.startsWith("+OK")) process.exit(1);
    });
  ' >/dev/null 2>&1
}

wait_for() {
  local name="$1" check="$2" deadline=$((SECONDS + WAIT_SECONDS))
  until "$check"; do
    if ((SECONDS >= deadline)); then
      log "$name is still not reachable after ${WAIT_SECONDS}s"
      return 1
    fi
    sleep 1
  done
  log "$name is up"
}

is_local_host() {
  case "$1" in
    127.0.0.1 | localhost | ::1 | 0.0.0.0) return 0 ;;
    *) return 1 ;;
  esac
}

start_local_postgres() {
  if ! have pg_ctlcluster || [ ! -d /etc/postgresql ]; then
    log "no local Postgres cluster to start (pg_ctlcluster or /etc/postgresql missing)"
    return 1
  fi
  log "starting the local Postgres cluster"
  mkdir -p /var/run/postgresql
  if id postgres >/dev/null 2>&1; then chown postgres:postgres /var/run/postgresql 2>/dev/null || true; fi
  # shellcheck disable=SC2046 # one cluster version directory is expected
  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start
}

start_local_redis() {
  if ! have redis-server; then
    log "no local redis-server to start"
    return 1
  fi
  log "starting the local redis-server"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
}

docker_usable() {
  have docker && [ -f "$ROOT/docker-compose.yml" ] &&
    docker info >/dev/null 2>&1 && docker compose version >/dev/null 2>&1
}

ensure_services() {
  local pg_ok=1 redis_ok=1
  postgres_up || pg_ok=0
  redis_up || redis_ok=0
  if ((pg_ok && redis_ok)); then
    return 0
  fi

  read -r pg_host pg_port <<<"$(url_host_port "$DATABASE_URL" 5432)"
  read -r redis_host redis_port <<<"$(url_host_port "$REDIS_URL" 6379)"
  ((pg_ok)) || log "Postgres is not reachable at $pg_host:$pg_port"
  ((redis_ok)) || log "Redis is not reachable at $redis_host:$redis_port"

  if docker_usable; then
    local services=()
    ((pg_ok)) || services+=(postgres)
    ((redis_ok)) || services+=(redis)
    log "starting ${services[*]} with docker compose"
    # Only Postgres and Redis start here; the app services' required variables need not be set.
    JWT_SECRET="${JWT_SECRET:-unused-when-starting-only-postgres-and-redis}" \
      docker compose -f "$ROOT/docker-compose.yml" up -d "${services[@]}"
  else
    if ! ((pg_ok)); then
      if is_local_host "$pg_host"; then
        start_local_postgres || true
      else
        log "Postgres at $pg_host is not local; waiting for it"
      fi
    fi
    if ! ((redis_ok)); then
      if is_local_host "$redis_host"; then
        start_local_redis || true
      else
        log "Redis at $redis_host is not local; waiting for it"
      fi
    fi
  fi

  ((pg_ok)) || wait_for Postgres postgres_up
  ((redis_ok)) || wait_for Redis redis_up
}

ensure_database() {
  # Connects to the server's `postgres` database and creates the one DATABASE_URL names, if missing.
  node -e '
    const { Client } = require("pg");
    const target = new URL(process.env.DATABASE_URL);
    const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
    if (!name) process.exit(0);
    const maintenance = new URL(process.env.DATABASE_URL);
    maintenance.pathname = "/postgres";
    const client = new Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 5000 });
    (async () => {
      await client.connect();
      try {
        const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (found.rowCount > 0) return;
        try {
          await client.query(`CREATE DATABASE "${name.replace(/"/g, "\"\"")}"`);
          process.stderr.write(`ensure-services: created database ${name}\n`);
        } catch (error) {
          if (error.code !== "42P04") throw error; // created meanwhile by someone else
        }
      } finally {
        await client.end();
      }
    })().catch((error) => {
      process.stderr.write(`ensure-services: cannot create database ${name}: ${error.message}\n`);
      process.exit(1);
    });
  '
}

ensure_services
if ((CREATE_DB)); then
  ensure_database
fi
