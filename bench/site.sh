# Shared by bench/run and bench/bulk (sourced): the database (SQLite, or a throwaway local
# PostgreSQL cluster with fsync on when BENCH_DB=postgres), sql(), process helpers, and
# start_site, which sets the site up with "$work/bench.recipe.json" and sets port, site_pid and
# setup_seconds. Expects root, work and out to be set; bench_db is read here.
bench_db=${BENCH_DB:-sqlite}
case "$bench_db" in
  sqlite) command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install sqlite3"; exit 1; } ;;
  postgres) command -v psql >/dev/null && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { echo "PostgreSQL is missing: apt-get install postgresql"; exit 1; } ;;
  *) echo "BENCH_DB must be sqlite or postgres"; exit 1 ;;
esac
rm -rf "$work" && mkdir -p "$work"

if [ "$bench_db" = postgres ]; then
  # A throwaway cluster on 127.0.0.1 with fsync on (durable commits, as a production server), stopped at exit.
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pgdir="$work/pg"
  mkdir -p "$pgdir"
  run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pgdir"
  pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  run_pg "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 >/dev/null
  run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
  psql "postgresql://postgres@127.0.0.1:$pgport/postgres" -qc 'CREATE DATABASE bench' >/dev/null
  pg_url="postgresql://postgres@127.0.0.1:$pgport/bench"
  export StoreSite__Database__Provider=Postgres
  export StoreSite__Database__ConnectionString="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=bench"
  sql() { psql "$pg_url" -tAqc "$1"; }
else
  sql() { sqlite3 -cmd ".timeout 5000" "$work/app_data/store.db" "$1"; }
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_up() { for _ in $(seq 1 600); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done; echo "server did not come up: $1"; return 1; }
peak_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
rss_mb() { awk -v field="${2:-VmRSS}:" '$1 == field { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
pids=()
stop_servers() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; pids=(); }
stop_all() { stop_servers; if [ "$bench_db" = postgres ]; then run_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true; fi; }
trap stop_all EXIT

start_site() {
  port=$(free_port)
  started=$(date +%s)
  StoreSite__AppData="$work/app_data" \
  StoreSite__AutoSetup__Recipe="$work/bench.recipe.json" \
  StoreSite__AutoSetup__SiteName="Bench Store" \
  StoreSite__AutoSetup__AdminEmail="admin@bench.example" \
  StoreSite__AutoSetup__AdminPassword="Bench-Passw0rd" \
  StoreSite__Licensing__Verify__PermitPerMinute=1000000000 \
  StoreSite__ForwardedHeaders__KnownProxies=127.0.0.1 \
  Logging__LogLevel__Default=Warning \
  ASPNETCORE_URLS="http://127.0.0.1:$port" \
    dotnet "$out/site/StoreSite.Web.dll" >"$work/${site_log:-site}.log" 2>&1 &
  site_pid=$!
  pids+=("$site_pid")
  wait_up "http://127.0.0.1:$port/health/live"
  setup_seconds=$(( $(date +%s) - started ))
}
