#!/usr/bin/env bash
# Issue 17 in one command: every app at ten years of city volume, then every benchmark against
# its floor. Everything runs under `nice -n 19`; results go to stdout (and $OUT, default
# /tmp/mishu-bench-city.txt).
#
#   bench/city.sh                       # the city's volume: 3,500 萬 documents (hours, ~25 GB)
#   SCALE=1 DOCUMENTS_SCALE=0.05 bench/city.sh   # what ran on the shared 2-core machine
#
# Environment: SERVER (postgres://postgres@127.0.0.1:5432), DEMO_DB (mishu_bench_demo: the
# demo alone, the report's floor), CITY_DB (mishu_bench_city: the demo, then city volume),
# SCALE (1), DOCUMENTS_SCALE (SCALE), PYTHON (.venv/bin/python), SKIP_LOAD=1 to reuse CITY_DB.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVER=${SERVER:-postgres://postgres@127.0.0.1:5432}
DEMO_DB=${DEMO_DB:-mishu_bench_demo}
CITY_DB=${CITY_DB:-mishu_bench_city}
SCALE=${SCALE:-1}
DOCUMENTS_SCALE=${DOCUMENTS_SCALE:-$SCALE}
PYTHON=${PYTHON:-.venv/bin/python}
OUT=${OUT:-/tmp/mishu-bench-city.txt}
export PYTHONPATH="$PWD/src:$PWD"
run() { nice -n 19 "$PYTHON" "$@" 2>&1 | tee -a "$OUT"; }
db() { psql "$SERVER/postgres" -qtAc "$1"; }

: >"$OUT"
{ date -u; nproc; free -g | head -2; uptime; db "SELECT version()"; } | tee -a "$OUT"
if [ -z "${SKIP_LOAD:-}" ]; then
    db "DROP DATABASE IF EXISTS $CITY_DB"
    db "DROP DATABASE IF EXISTS $DEMO_DB"
    db "CREATE DATABASE $DEMO_DB"
    DATABASE_URL="$SERVER/$DEMO_DB" run -m mishu migrate -v 0
    DATABASE_URL="$SERVER/$DEMO_DB" nice -n 19 "$PYTHON" -m mishu loaddemo >/dev/null
    db "CREATE DATABASE $CITY_DB TEMPLATE $DEMO_DB"
    DATABASE_URL="$SERVER/$CITY_DB" run -m bench.city --scale "$SCALE" \
        --documents-scale "$DOCUMENTS_SCALE"
fi
export DATABASE_URL="$SERVER/$CITY_DB"
run -m bench.pages
run -m bench.exports --only overdue
# a year of the city's register is 350 萬 rows: its XLSX alone takes about 20 min
run -m bench.exports --only year --repeat 1 --formats csv,copy
run -m bench.imports
run -m bench.report --floor-database "$SERVER/$DEMO_DB"
run -m bench.archives --skip-load
run -m bench.documents --skip-load --import-rows 50000
