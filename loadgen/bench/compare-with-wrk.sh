#!/usr/bin/env bash
# Measures, in one session against the same trivial local server ('loadgen serve'):
#   1. wrk's request rate (closed loop, 2 threads, 64 connections), before and after the ladder;
#   2. loadgen's open loop (64 connections, uniform arrivals, 3 s unrecorded warm-up, 10 s runs)
#      at a ladder of rates set as fractions of wrk's rate, printing for each the achieved rate
#      and the send lag (scheduling error) p50 and p99.
# A rate counts as sustained when at least 99 % of it was achieved and the median request left
# on time (send lag p50 < 1 ms). Usage: loadgen/bench/compare-with-wrk.sh [PORT]  (needs wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${1:-18089}
URL=http://127.0.0.1:$PORT/
OUT=$(mktemp -d "${TMPDIR:-/tmp}/loadgen-vs-wrk.XXXXXX")
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

./greenscale loadgen --version >/dev/null   # builds the module if needed
./greenscale loadgen serve --port "$PORT" 2>"$OUT/serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "$URL" >/dev/null 2>&1 && break; sleep 0.1; done

wrk_rate() { wrk -t2 -c64 -d10s "$URL" | awk '/Requests\/sec/ {printf "%d", $2}'; }
WRK1=$(wrk_rate)
echo "wrk: $WRK1 requests/s (load average $(cut -d' ' -f1 /proc/loadavg))"
BEST=0
for f in 0.2 0.35 0.5 0.65 0.8; do
  RATE=$(awk -v w="$WRK1" -v f="$f" 'BEGIN {printf "%d", w * f}')
  ./greenscale loadgen run --target "$URL" --rate "$RATE" --duration 10s --warmup 3s --arrivals uniform \
      --connections 64 --quiet --out "$OUT/rate-$RATE" >"$OUT/rate-$RATE.txt" 2>/dev/null || true
  ACHIEVED=$(awk '/^rate/ {sub("/s", "", $5); print $5}' "$OUT/rate-$RATE.txt")
  P50=$(awk '/send lag/ {print $5}' "$OUT/rate-$RATE.txt")
  P99=$(awk '/send lag/ {print $8}' "$OUT/rate-$RATE.txt")
  OK=$(awk -v r="$RATE" -v a="$ACHIEVED" -v p="$P50" 'BEGIN {print (a >= 0.99 * r && p < 1) ? "sustained" : "not sustained"}')
  [[ $OK == sustained ]] && BEST=$RATE
  echo "loadgen at $RATE/s ($f × wrk): achieved $ACHIEVED/s, send lag p50 $P50 ms, p99 $P99 ms: $OK (load average $(cut -d' ' -f1 /proc/loadavg))"
done
WRK2=$(wrk_rate)
echo "wrk again: $WRK2 requests/s"
awk -v b="$BEST" -v w1="$WRK1" -v w2="$WRK2" \
  'BEGIN {printf "highest sustained loadgen rate %d/s = %.2f × wrk (mean of both wrk runs %d/s)\n", b, b / ((w1 + w2) / 2), (w1 + w2) / 2}'
echo "run directories: $OUT"
