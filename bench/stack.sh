#!/usr/bin/env bash
# A production-like Mishu on this machine: gunicorn with several workers, a Celery worker with
# Redis as broker and cache, over one PostgreSQL. Loopback only; everything it starts it stops.
#
#   bench/stack.sh check   # start, run bench/stack_check.py (import jobs, rate limits), stop
#   bench/stack.sh load    # start, run bench/load.py (50 clients, 60 s), stop
#   bench/stack.sh serve   # start and stay up until Ctrl-C
#
# Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/mishu_stack, created and
# loaded with the demo when empty), WEB_WORKERS (4), CELERY_CONCURRENCY (2), PORT (8800),
# REDIS_PORT (6390: a private redis-server is started), PYTHON (.venv/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-check}
PYTHON=${PYTHON:-.venv/bin/python}
BIN=$(dirname "$PYTHON")
PORT=${PORT:-8800}
REDIS_PORT=${REDIS_PORT:-6390}
WEB_WORKERS=${WEB_WORKERS:-4}
CELERY_CONCURRENCY=${CELERY_CONCURRENCY:-2}
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/mishu_stack}
export PYTHONPATH=${PYTHONPATH:-$PWD/src}
export CELERY_BROKER_URL="redis://127.0.0.1:$REDIS_PORT/0"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/1"
export MISHU_DEBUG=0 MISHU_DB_CONN_MAX_AGE=60
export MISHU_ALLOWED_HOSTS=127.0.0.1,localhost
RUN=$(mktemp -d /tmp/mishu-stack.XXXXXX)
PIDS=()

stop() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    echo "stopped; logs in $RUN"
}
trap stop EXIT

case "$DATABASE_URL" in postgres*) ;; *) echo "DATABASE_URL must be PostgreSQL" >&2; exit 2 ;; esac
db=${DATABASE_URL##*/}
server=${DATABASE_URL%/*}
psql "$server/postgres" -qtAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 \
    || psql "$server/postgres" -qc "CREATE DATABASE \"$db\""
"$BIN/mishu" migrate --noinput >"$RUN/migrate.log"
if ! "$BIN/mishu" shell -v 0 -c 'from mishu.core.models import User; print(User.objects.count())' | grep -qx '[1-9][0-9]*'; then
    "$BIN/mishu" loaddemo >"$RUN/loaddemo.log"
fi

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    --dir "$RUN" >"$RUN/redis.log" 2>&1 &
PIDS+=($!)
"$BIN/celery" -A mishu worker --concurrency "$CELERY_CONCURRENCY" --loglevel INFO \
    >"$RUN/celery.log" 2>&1 &
PIDS+=($!)
"$BIN/gunicorn" mishu.wsgi:application --bind "127.0.0.1:$PORT" --workers "$WEB_WORKERS" \
    --timeout 120 --pid "$RUN/gunicorn.pid" --access-logfile "$RUN/access.log" \
    >"$RUN/gunicorn.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 60); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/login/" && break
    sleep 1
done
echo "Mishu on http://127.0.0.1:$PORT/ ($WEB_WORKERS gunicorn workers, Celery x$CELERY_CONCURRENCY, Redis :$REDIS_PORT, $DATABASE_URL)"

case "$MODE" in
    check) "$PYTHON" bench/stack_check.py --base "http://127.0.0.1:$PORT" ;;
    load) "$PYTHON" bench/load.py --base "http://127.0.0.1:$PORT" --gunicorn-pid "$(cat "$RUN/gunicorn.pid")" "${@:2}" ;;
    serve) echo "Ctrl-C to stop"; wait ;;
    *) echo "unknown mode $MODE" >&2; exit 2 ;;
esac
