#!/usr/bin/env bash
# ReturnLoop build entry point.
#   ./build.sh          build everything
#   ./build.sh test     run every test: starts a throwaway PostgreSQL cluster (installing PostgreSQL first
#                       where initdb is missing), runs the suites on SQLite and PostgreSQL, removes the cluster;
#                       the browser tests drive Debian's chromium (installed first where it is missing)
#   ./build.sh bench [--provider Sqlite|Postgres] [--after-sales N] [--url URL] [--quick] [--seed-only] [--verify-seed N]
#                       the peak-sale benchmark (on purpose, never in CI; docs/performance.md); PostgreSQL: a throwaway
#                       cluster unless RETURNLOOP_BENCH_POSTGRES names a server
#   ./build.sh migration <Name>   add a generated migration for SQLite and PostgreSQL after a model change
#   ./build.sh client   rebuild the host (which writes openapi/v1.json) and regenerate src/ReturnLoop.Client from it
#   ./build.sh backup <file>    an online backup of the database the app uses (SQLite's backup API; pg_dump for PostgreSQL)
#   ./build.sh restore <file>   puts a backup back (stop the app first): the same settings pick the database
#                       Both read Database__Provider (Sqlite | Postgres) and ConnectionStrings__ReturnLoop like the app does;
#                       without them, the embedded SQLite file of `dotnet run --project src/ReturnLoop`.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

find_pg_bin() {
  local d
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"; return
  fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return; }
  done
}

ensure_postgres() {
  PG_BIN=$(find_pg_bin || true)
  if [ -z "${PG_BIN:-}" ]; then
    log "PostgreSQL is missing: installing it from Debian's packages"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    PG_BIN=$(find_pg_bin)
  fi
}

# The browser tests drive Debian's Chromium (Playwright's own browser download cannot work here).
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    log "Chromium is missing: installing it from Debian's packages (for the browser tests)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
}

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port between 55432 and 55532" >&2; return 1
}

# initdb refuses to run as root: the cluster then belongs to the postgres user.
pg_run() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  ensure_postgres
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
  fi
  PG_DIR=$(mktemp -d /tmp/returnloop-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres: "$PG_DIR"
  PG_PORT=$(free_port)
  log "Starting a throwaway PostgreSQL cluster on 127.0.0.1:$PG_PORT ($PG_DIR)"
  pg_run "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --no-sync >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log"; exit 1; }
  pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null \
    || { cat "$PG_DIR/server.log"; exit 1; }
  export RETURNLOOP_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
  trap stop_postgres EXIT
}

stop_postgres() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ]; then
    pg_run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}

# A value of the app's connection string ("Host=...;Port=..."), keys compared without case and spaces.
conn_value() {
  local conn=$1 part key; shift
  IFS=';' read -ra parts <<< "$conn"
  for part in "${parts[@]}"; do
    key=$(printf '%s' "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')
    for want in "$@"; do [ "$key" = "$want" ] && { printf '%s' "${part#*=}"; return; }; done
  done
}

# The database the app would use, from the same settings: DB_PROVIDER and either SQLITE_FILE or PG* variables.
database_target() {
  DB_PROVIDER=${Database__Provider:-Sqlite}
  local conn=${ConnectionStrings__ReturnLoop:-}
  case "$DB_PROVIDER" in
    Sqlite)
      SQLITE_FILE=$(conn_value "$conn" "datasource" "filename")
      SQLITE_FILE=${SQLITE_FILE:-src/ReturnLoop/App_Data/returnloop.db}
      command -v sqlite3 >/dev/null 2>&1 || {
        log "sqlite3 is missing: installing it from Debian's packages"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null
      } ;;
    Postgres)
      [ -n "$conn" ] || { echo "Database__Provider is Postgres: set ConnectionStrings__ReturnLoop" >&2; exit 2; }
      export PGHOST=$(conn_value "$conn" host server) PGPORT=$(conn_value "$conn" port)
      export PGUSER=$(conn_value "$conn" username userid user) PGPASSWORD=$(conn_value "$conn" password)
      export PGDATABASE=$(conn_value "$conn" database)
      PGPORT=${PGPORT:-5432}
      ensure_postgres ;;
    *) echo "Database__Provider must be Sqlite or Postgres" >&2; exit 2 ;;
  esac
}

cmd=${1:-build}
case "$cmd" in
  build)
    dotnet build ReturnLoop.slnx -c Release
    ;;
  test)
    dotnet build ReturnLoop.slnx -c Release
    ensure_chromium
    start_postgres
    log "Running the unit and integration tests (SQLite and PostgreSQL)"
    status=0
    TEST_LOG=$(mktemp /tmp/returnloop-test.XXXXXX.log)
    dotnet test ReturnLoop.slnx -c Release --no-build --logger "console;verbosity=normal" \
      --filter "FullyQualifiedName!~ReturnLoop.BrowserTests" 2>&1 | tee "$TEST_LOG" || status=$?
    # The pages in Chromium run on their own: beside the integration suite, two cores leave a browser waiting on timeouts.
    log "Running the browser tests (the pages in Chromium)"
    dotnet test tests/ReturnLoop.BrowserTests -c Release --no-build --logger "console;verbosity=normal" 2>&1 \
      | tee -a "$TEST_LOG" || status=$?
    # CI keeps only the tail of a long output: the failed tests and their first lines come last.
    if [ "$status" -ne 0 ]; then
      log "Failed tests"
      grep -A 3 -E '^\s+Failed [A-Za-z]' "$TEST_LOG" | grep -v -E '^\{' | cut -c1-400 || true
    fi
    grep -E '^\s+(Passed|Failed|Total tests):|Total time:' "$TEST_LOG" || true
    rm -f "$TEST_LOG"
    exit $status
    ;;
  migration)
    # A new migration for both providers after a model change; generated, never edited by hand.
    name=${2:?usage: ./build.sh migration <Name>}
    dotnet tool restore >/dev/null
    dotnet build src/ReturnLoop -c Release
    for provider in Sqlite Postgres; do
      log "Adding migration $name for $provider"
      Database__Provider=$provider ConnectionStrings__ReturnLoop="Host=localhost;Database=design" \
        dotnet ef migrations add "$name" --no-build --configuration Release --context ReturnLoop.Data.AppDbContext \
        --project "src/ReturnLoop.Migrations.$provider" --startup-project src/ReturnLoop --output-dir Migrations
    done
    ;;
  client)
    dotnet tool restore
    # Building the host runs it once to write the document (Microsoft.Extensions.ApiDescription.Server).
    CI=false dotnet build src/ReturnLoop -c Release
    log "Generating src/ReturnLoop.Client from openapi/v1.json"
    # Offline: no update check, no telemetry; the description is a local file.
    KIOTA_OFFLINE_ENABLED=true KIOTA_CLI_TELEMETRY_OPTOUT=true KIOTA_TUTORIAL_ENABLED=false \
      dotnet kiota generate -l CSharp -d openapi/v1.json -o src/ReturnLoop.Client/Generated \
        -n ReturnLoop.Client -c ReturnLoopApiClient --clean-output --exclude-backward-compatible --log-level Warning
    ;;
  bench)
    # ./build.sh bench [--provider Sqlite|Postgres] [--after-sales N] [--url URL] [--quick] [--seed-only] [--verify-seed N]:
    # docs/performance.md
    shift
    provider=Sqlite; url=
    args=("$@")
    for ((i = 0; i < ${#args[@]}; i++)); do
      case "${args[$i]}" in
        --provider) provider=${args[$((i + 1))]:-Sqlite} ;;
        --url) url=${args[$((i + 1))]:-} ;;
      esac
    done
    # One Release build; the bench then starts the app's own ReturnLoop.dll as a separate process.
    dotnet build bench/ReturnLoop.Bench -c Release -v q
    if [ "${provider,,}" = postgres ] && [ -z "$url" ] && [ -z "${RETURNLOOP_BENCH_POSTGRES:-}" ]; then
      start_postgres
      export RETURNLOOP_BENCH_POSTGRES=$RETURNLOOP_TEST_POSTGRES
    fi
    dotnet bench/ReturnLoop.Bench/bin/Release/net10.0/ReturnLoop.Bench.dll "$@"
    ;;
  backup)
    file=${2:?usage: ./build.sh backup <file>}
    database_target
    if [ "$DB_PROVIDER" = Sqlite ]; then
      [ -f "$SQLITE_FILE" ] || { echo "no database at $SQLITE_FILE" >&2; exit 1; }
      # The online backup API: a consistent copy while the app keeps writing (WAL included).
      rm -f "$file"
      sqlite3 "$SQLITE_FILE" ".timeout 10000" ".backup '$file'"
    else
      "$PG_BIN/pg_dump" --format=custom --no-owner --file="$file"
    fi
    log "Backed up the $DB_PROVIDER database to $file"
    ;;
  restore)
    file=${2:?usage: ./build.sh restore <file>}
    [ -f "$file" ] || { echo "no backup at $file" >&2; exit 1; }
    database_target
    if [ "$DB_PROVIDER" = Sqlite ]; then
      mkdir -p "$(dirname "$SQLITE_FILE")"
      sqlite3 "$SQLITE_FILE" ".timeout 10000" ".restore '$file'"
    else
      "$PG_BIN/pg_restore" --clean --if-exists --no-owner --exit-on-error --dbname="$PGDATABASE" "$file"
    fi
    log "Restored $file into the $DB_PROVIDER database"
    ;;
  *)
    echo "usage: ./build.sh [build|test|bench|client|migration <Name>|backup <file>|restore <file>]" >&2; exit 2
    ;;
esac
