#!/usr/bin/env bash
# Measures, in one session against the same trivial local server ('loadgen serve'), loadgen's open
# loop (64 connections, uniform arrivals, 3 s unrecorded warm-up, 10 s runs) at a ladder of rates,
# each run between two runs of wrk (closed loop, 2 threads, 64 connections, 5 s). The machine's
# load moves (other work shares its cores), so each loadgen rate is held against the mean of the
# two wrk rates measured right before and right after it; the next rate is a fraction of the
# latest wrk rate. For each rate it prints the achieved rate and the send lag (scheduling error)
# p50 and p99.
# A rate counts as sustained when the completions within the 10 scheduled seconds reach 99 % of
# the schedule (nothing left over for the drain) and the median request left on time (send lag
# p50 < 1 ms). The result is the highest sustained rate as a fraction of wrk's, with its send-lag p99.
# Usage: loadgen/bench/compare-with-wrk.sh [PORT]   (needs wrk; LADDER="0.5 0.7 0.9" overrides the
#        fractions, LOADGEN_ARGS="--threads 1" adds options to every loadgen run)
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${1:-18089}
URL=http://127.0.0.1:$PORT/
LADDER=${LADDER:-0.5 0.6 0.7 0.8 0.9 1.0}
SECONDS_RUN=10
OUT=$(mktemp -d "${TMPDIR:-/tmp}/loadgen-vs-wrk.XXXXXX")
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

./greenscale loadgen --version >/dev/null   # builds the module if needed
./greenscale loadgen serve --port "$PORT" 2>"$OUT/serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "$URL" >/dev/null 2>&1 && break; sleep 0.1; done

load() { cut -d' ' -f1 /proc/loadavg; }
wrk_rate() { wrk -t2 -c64 -d${1}s "$URL" | awk '/Requests\/sec/ {printf "%d", $2}'; }
# The server is a fresh JVM: a first, discarded run lets its JIT finish, or wrk's first rate is low.
wrk_rate 5 >/dev/null
WRK=$(wrk_rate 5)
echo "wrk: $WRK requests/s (load average $(load))"
BEST=0
BEST_RATIO=0
BEST_P99=-
for f in $LADDER; do
  RATE=$(awk -v w="$WRK" -v f="$f" 'BEGIN {printf "%d", w * f}')
  DIR=$OUT/rate-$RATE
  ./greenscale loadgen run --target "$URL" --rate "$RATE" --duration ${SECONDS_RUN}s --warmup 3s --arrivals uniform \
      --connections 64 ${LOADGEN_ARGS:-} --quiet --out "$DIR" >"$DIR.txt" 2>/dev/null || true
  LOAD=$(load)
  # Completions within the schedule, from the per-second rows (t_s < duration).
  ACHIEVED=$(awk -F, -v n=$SECONDS_RUN 'NR > 1 && $1 < n {c += $4} END {printf "%.1f", c / n}' "$DIR/timeseries.csv")
  P50=$(awk '/send lag/ {print $5}' "$DIR.txt")
  P99=$(awk '/send lag/ {print $8}' "$DIR.txt")
  NEXT=$(wrk_rate 5)
  RATIO=$(awk -v r="$RATE" -v a="$WRK" -v b="$NEXT" 'BEGIN {printf "%.2f", r / ((a + b) / 2)}')
  OK=$(awk -v r="$RATE" -v a="$ACHIEVED" -v p="$P50" 'BEGIN {print (a >= 0.99 * r && p < 1) ? "sustained" : "not sustained"}')
  if [[ $OK == sustained ]] && awk -v x="$RATIO" -v y="$BEST_RATIO" 'BEGIN {exit !(x > y)}'; then
    BEST=$RATE; BEST_RATIO=$RATIO; BEST_P99=$P99
  fi
  echo "loadgen at $RATE/s: achieved $ACHIEVED/s, send lag p50 $P50 ms, p99 $P99 ms: $OK (load average $LOAD);" \
       "wrk before/after $WRK/$NEXT: $RATIO × wrk"
  WRK=$NEXT
done
echo "highest sustained loadgen rate $BEST/s = $BEST_RATIO × wrk (the mean of the wrk runs around it); send lag p99 there $BEST_P99 ms"
echo "run directories: $OUT"
