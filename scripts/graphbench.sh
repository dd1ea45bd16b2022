#!/usr/bin/env bash
# Measures the relation graph and discovery on a generated data set
# (tools/graphbench): generates the profile into a temporary folder,
# starts `maillage serve` on it (loopback, a free port), waits until it is
# healthy and ready, runs the measures in process and over HTTP, then
# stops the server and removes everything. The Markdown report goes to
# standard output.
#
# Usage: PROFILE=smoke|large scripts/graphbench.sh [graphbench flags, e.g. --runs 500]
#        DATA=dir scripts/searchbench.sh   (a folder generated before: used as is, kept)
# Bounds (seconds): GENERATE_TIMEOUT (3600), READY_TIMEOUT (1800), BENCH_TIMEOUT (7200).
set -euo pipefail
cd "$(dirname "$0")/.."

profile=${PROFILE:-smoke}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/maillage-graphbench.XXXXXX")
server_pid=""
cleanup() {
	if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
		kill "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "graphbench.sh: $*" >&2; }

go build -o "$tmp/maillage" ./cmd/maillage
go build -o "$tmp/graphbench" ./tools/graphbench

data=${DATA:-}
if [ -z "$data" ]; then
	data=$tmp/data
	log "generating the $profile profile into $data"
	timeout "${GENERATE_TIMEOUT:-3600}" "$tmp/maillage" bench generate --profile "$profile" --data "$data" >&2
else
	profile=${PROFILE:-$(basename "$data")}
fi

# A free port: one nothing answers on (a small race with other programs,
# which the server's own "address in use" error would then report).
port=""
for _ in $(seq 50); do
	p=$((20000 + RANDOM % 30000))
	if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
		port=$p
		break
	fi
done
[ -n "$port" ] || { log "no free port found"; exit 1; }
base="http://127.0.0.1:$port"

# --trust-proxy lets the benchmark give each anonymous request its own
# X-Forwarded-For address, so the API's per-address rate limit does not
# throttle the run (safe here: the server listens on loopback only).
log "starting the server on $base"
"$tmp/maillage" serve --addr "127.0.0.1:$port" --data "$data" --base-url "$base" --trust-proxy \
	>"$tmp/server.log" 2>&1 &
server_pid=$!

wait_for() { # path, seconds, accepted status codes (regex)
	local deadline=$((SECONDS + $2)) code
	while [ $SECONDS -lt $deadline ]; do
		kill -0 "$server_pid" 2>/dev/null || { log "the server stopped:"; tail -20 "$tmp/server.log" >&2; exit 1; }
		code=$(curl -s -o /dev/null -w '%{http_code}' "$base$1" || true)
		if [[ $code =~ ^($3)$ ]]; then
			echo "$code"
			return 0
		fi
		sleep 0.5
	done
	log "$1 did not answer in $2 s"
	tail -20 "$tmp/server.log" >&2
	exit 1
}
# The server may build its search index before it listens: a large
# profile takes minutes.
wait_for /healthz "${READY_TIMEOUT:-1800}" 200 >/dev/null
# /readyz says 200 once derived indexes (the search index) have caught up;
# a server without it answers 404 and is ready as soon as it is healthy.
if [ "$(wait_for /readyz "${READY_TIMEOUT:-1800}" '200|404')" = 404 ]; then
	log "no /readyz on this server; going on"
fi

log "running the measures"
timeout "${BENCH_TIMEOUT:-7200}" "$tmp/graphbench" --data "$data" --http "$base" "$@"
