#!/usr/bin/env bash
# The one test command: builds the solution, starts what the tests need (a throwaway PostgreSQL
# cluster on loopback), runs every test project, and ends with one line "N passed, N failed[, N skipped]".
# With CI=true a skipped test counts as a failure: a misconfigured CI must never pass by skipping.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
configuration=${CONFIGURATION:-Release}
work=$(mktemp -d "${TMPDIR:-/tmp}/ipwh-test.XXXXXX")
results="$work/results"
mkdir -p "$results"

cleanup() {
  stop_postgres
  rm -rf "$work"
}

# --- services --------------------------------------------------------------------------------------
pg_bin=""
pg_data=""
start_postgres() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    echo "test.sh: PostgreSQL (initdb, pg_ctl) not found; PostgreSQL tests will skip locally and fail on CI." >&2
    return 0
  fi
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  pg_data="$work/pg"
  mkdir -p "$pg_data"
  local run=()
  # initdb refuses to run as root: run the cluster as the postgres system user when we are root.
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres "$pg_data" && chmod 755 "$work"
    run=(runuser -u postgres --)
  fi
  if ! "${run[@]}" "$pg_bin/initdb" -D "$pg_data/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1; then
    echo "test.sh: initdb failed; see below" >&2; cat "$work/initdb.log" >&2; pg_data=""; return 1
  fi
  if ! "${run[@]}" "$pg_bin/pg_ctl" -D "$pg_data/data" -l "$pg_data/server.log" -w -t 30 \
      -o "-p $port -k $pg_data -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50" start >/dev/null; then
    echo "test.sh: PostgreSQL did not start; its log:" >&2; cat "$pg_data/server.log" >&2; pg_data=""; return 1
  fi
  export IPWH_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=false"
  echo "test.sh: PostgreSQL on 127.0.0.1:$port"
}

stop_postgres() {
  if [ -n "$pg_data" ] && [ -d "$pg_data/data" ]; then
    local run=()
    [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
    "${run[@]}" "$pg_bin/pg_ctl" -D "$pg_data/data" -m immediate stop >/dev/null 2>&1 || true
  fi
}

# The browser tests drive Debian's chromium. Install it when it is missing (CI's clean machine);
# locally without root the browser tests skip with a message, and on CI a skip is a failure.
ensure_chromium() {
  # The pages are Chinese: without a CJK font chromium draws boxes in the screenshots.
  local wanted=()
  command -v chromium >/dev/null 2>&1 || wanted+=(chromium)
  [ -n "$(fc-list :lang=zh 2>/dev/null)" ] || wanted+=(fonts-wqy-zenhei)
  if [ ${#wanted[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ${wanted[*]} for the browser tests"
    if ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${wanted[@]}") >"$work/apt.log" 2>&1; then
      echo "test.sh: apt-get install ${wanted[*]} failed; see below" >&2; tail -n 20 "$work/apt.log" >&2
    fi
  fi
  if command -v chromium >/dev/null 2>&1; then
    export IPWH_TEST_CHROMIUM=${IPWH_TEST_CHROMIUM:-$(command -v chromium)}
  else
    echo "test.sh: chromium not found; browser tests will skip locally and fail on CI." >&2
  fi
}

trap cleanup EXIT

# --- build -----------------------------------------------------------------------------------------
echo "test.sh: building ($configuration)"
if ! dotnet build IpWarehouse.sln -c "$configuration" -nologo -v q -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

start_postgres || { echo "0 passed, 1 failed"; exit 1; }
ensure_chromium

# --- run every test project -------------------------------------------------------------------------
status=0
for project in $(find tests -name '*.Tests.csproj' | sort); do
  name=$(basename "$project" .csproj)
  echo "test.sh: $name"
  dotnet test "$project" -c "$configuration" --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

# --- totals ------------------------------------------------------------------------------------------
read -r passed failed skipped < <(python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0)) + int(counters.get("inconclusive", 0))
print(passed, failed, skipped)
PY
)
if [ "${CI:-}" = "true" ] && [ "${skipped:-0}" -gt 0 ]; then
  echo "test.sh: $skipped test(s) skipped on CI: a skipped test is a failed test here." >&2
  failed=$((failed + skipped))
  status=1
fi
[ "${failed:-1}" -gt 0 ] && status=1
echo "${passed:-0} passed, ${failed:-1} failed, ${skipped:-0} skipped"
exit $status
