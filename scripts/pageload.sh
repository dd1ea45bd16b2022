#!/usr/bin/env bash
# Measures page throughput: Maillage rendering a page with live database
# reads versus the same bytes served from memory, in one process, with wrk
# on loopback. Usage: scripts/pageload.sh [PATH ...]   (needs Debian's wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)"; exit 1; }
go build -o /tmp/maillage-pageload ./tools/pageload
for path in "${@:-/}"; do
	out=$(mktemp)
	# The server gets one core, wrk the other.
	GOMAXPROCS=1 taskset -c 0 /tmp/maillage-pageload -path "$path" >"$out" 2>&1 &
	pid=$!
	for _ in $(seq 100); do grep -q '^bytes' "$out" && break; sleep 0.2; done
	app=$(awk '/^maillage/ {print $2}' "$out")
	base=$(awk '/^baseline/ {print $2}' "$out")
	echo "== $path ($(awk '/^bytes/ {print $2}' "$out") bytes)"
	for target in "$base" "$app"; do
		taskset -c 1 wrk -t1 -c8 -d10s --latency "$target" | grep -E 'Requests/sec|50%|99%'
	done
	kill "$pid"; wait "$pid" 2>/dev/null || true
	rm -f "$out"
done
